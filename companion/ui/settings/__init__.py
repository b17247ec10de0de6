"""Settings, the note shown when IT locks them, and deleting all data."""
