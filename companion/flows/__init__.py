"""The application layer: what happens when (tag and breathe, journaling, reminders, settings,
commands, the journal file's life, what Companion tells the agent).

QtCore only, no widgets: each flow gets its clock, repositories, notifier and a factory for the
window it drives injected by companion.app, and is tested without a widget.
"""
