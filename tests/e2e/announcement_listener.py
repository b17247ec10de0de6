"""Hears what apps announce to screen readers; run with the system's /usr/bin/python3.

The venv can't import pyatspi (Debian's python3-pyatspi), so tests/e2e/test_announcements.py
runs this script in a subprocess on the test desktop's session bus, where an accessibility bus
was started (at-spi-bus-launcher):

    announcement_listener.py OUT

It writes one JSON line to OUT once it listens ({"listening": true}), then one for each
``object:announcement`` event (QAccessibleAnnouncementEvent in Qt): the announcing app's name,
the source's role and name, and the words. It runs until it is killed.
"""

import json
import sys

import pyatspi


def main(path):
    with open(path, "a", buffering=1, encoding="utf-8") as out:  # each line flushed at once
        listen(lambda record: out.write(json.dumps(record) + "\n"))


def listen(write):
    """Write ``{"listening": true}``, then each announcement, until killed."""

    def on_announcement(event):
        source = event.source
        try:
            app = source.getApplication().name
            role, name = source.getRoleName(), source.name
        except Exception as error:  # the source may be gone already: keep the words
            app, role, name = "", "", f"unreadable: {error}"
        write({"app": app, "role": role, "name": name, "text": str(event.any_data)})

    pyatspi.Registry.registerEventListener(on_announcement, "object:announcement")
    write({"listening": True})
    pyatspi.Registry.start()


if __name__ == "__main__":
    main(sys.argv[1])
