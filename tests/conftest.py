"""Suite-wide setup: Qt widgets render offscreen unless a test starts its own X server."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

#: A fake notification server on a private bus, for any test that needs one.
pytest_plugins = ("tests.notification_fixtures",)
