"""Locale-aware presentation shared by pages, charts, feeds and the APIs."""
