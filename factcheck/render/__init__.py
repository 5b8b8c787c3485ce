"""Renderers: check results and scan findings as text, JSON, GitHub annotations and SARIF."""
