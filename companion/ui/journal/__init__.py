"""The private journal's window: list, editor, preview, export and restore."""
