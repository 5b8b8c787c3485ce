"""The language server: factcheck in the editor (see server.py)."""
