"""Table models over the services frozen dataclasses."""
