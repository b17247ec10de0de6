"""Announcements to screen readers: spoken once, politely, without moving the focus."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent


def announce(source: QObject, text: str) -> None:
    """Ask assistive technology to say ``text`` when it is done speaking (AT-SPI's
    ``object:announcement``, UI Automation's notification, NSAccessibility's announcement).

    Nothing happens while no assistive technology listens: Qt drops the event.
    """
    event = QAccessibleAnnouncementEvent(source, text)
    event.setPoliteness(QAccessible.AnnouncementPoliteness.Polite)
    QAccessible.updateAccessibility(event)
