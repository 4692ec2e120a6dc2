"""PDF reports built with reportlab."""
