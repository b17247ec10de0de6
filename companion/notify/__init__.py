"""Notification adapters behind core.ports.Notifier: the desktop's D-Bus server, plyer."""
