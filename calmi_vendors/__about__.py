"""The one source of the application's name and version."""

__app_name__ = "Calmi Vendors"
__app_id__ = "calmi-vendors"
__organization__ = "Calmi"
__version__ = "0.1.0"
