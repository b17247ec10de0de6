"""Qt widgets and the tray: thin, showing state and emitting what the agent asked for."""
