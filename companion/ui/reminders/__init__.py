"""Reminders as the agent sees them: tray menu entries, callback dialog, balloon, pop-up, and
the notifier chain built with them."""
