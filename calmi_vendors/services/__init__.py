"""Use cases over a unit of work, returning frozen dataclasses."""
