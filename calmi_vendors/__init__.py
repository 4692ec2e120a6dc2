"""Calmi Vendors: the register of entrusted parties and their supervision."""

from calmi_vendors.__about__ import __app_name__, __version__

__all__ = ["__app_name__", "__version__"]
