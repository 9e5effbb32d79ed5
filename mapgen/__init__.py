"""mapgen: a layered memory map of Stalinism, 1953–2025, from GeoJSON to one HTML file."""

__version__ = "0.1.0"
