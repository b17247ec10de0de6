"""Notification adapters behind core.ports.Notifier: plyer first, then notify-send, in a chain."""
