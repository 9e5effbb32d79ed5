"""Benchmark harness for mapgen at 1k–100k features against folium's time plugins (see README.md)."""
