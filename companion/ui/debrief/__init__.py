"""The debrief summary the agent composes, and the export of their records."""
