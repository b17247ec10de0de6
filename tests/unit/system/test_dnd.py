"""Do Not Disturb: the notification server's answer on a private bus (Linux), and faithful
fakes of SHQueryUserNotificationState (Windows); macOS can't tell."""

from __future__ import annotations

import time
from collections.abc import Iterator
from itertools import count
from pathlib import Path

import pytest
from PySide6.QtDBus import QDBusConnection
from PySide6.QtWidgets import QApplication

from companion.system.dnd import (
    DUNST,
    NOTIFICATIONS,
    NotificationServerDnd,
    UserNotificationState,
    desktop_do_not_disturb,
    windows_do_not_disturb,
)
from tests.fake_notification_server import FakeNotificationServer, PrivateBus, missing_tools
from tests.fakes import E_FAIL, FakeShell32

_names = count()


@pytest.mark.parametrize(
    ("state", "on"),
    [
        (UserNotificationState.ACCEPTS_NOTIFICATIONS, False),
        (UserNotificationState.NOT_PRESENT, True),
        (UserNotificationState.BUSY, True),
        (UserNotificationState.RUNNING_D3D_FULL_SCREEN, True),
        (UserNotificationState.PRESENTATION_MODE, True),
        (UserNotificationState.QUIET_TIME, True),
        (UserNotificationState.APP, True),
    ],
)
def test_windows_only_accepts_notifications_is_a_free_moment(state: int, on: bool) -> None:
    shell32 = FakeShell32(state)
    assert windows_do_not_disturb(shell32) is on and shell32.calls == 1


def test_windows_a_failing_call_or_a_state_from_a_newer_windows_is_unknown() -> None:
    assert windows_do_not_disturb(FakeShell32(result=E_FAIL)) is None
    assert windows_do_not_disturb(FakeShell32(state=9)) is None
    assert windows_do_not_disturb(object()) is None  # a shell32 without the function


def test_macos_and_others_say_they_cannot_tell() -> None:
    assert desktop_do_not_disturb("darwin").is_on() is None
    assert desktop_do_not_disturb("sunos5").is_on() is None


# -- Linux: a fake notification server on a private session bus ---------------------------------


@pytest.fixture
def bus(tmp_path: Path, qapp: QApplication) -> Iterator[PrivateBus]:
    missing = missing_tools()
    if missing:
        pytest.skip(f"missing: {', '.join(missing)} (run `make desktop-tools`)")
    private = PrivateBus(tmp_path / "bus").start()
    yield private
    private.stop()


def server_on(bus: PrivateBus, name: str, **behaviour: object) -> FakeNotificationServer:
    """A fake notification server introducing itself as ``name``, on the test's bus."""
    return FakeNotificationServer(bus.address, bus.root, name=name, **behaviour).start()


def probe(bus: PrivateBus, **kwargs: object) -> NotificationServerDnd:
    name = f"dnd-test-{next(_names)}"
    connection = QDBusConnection.connectToBus(bus.address, name)
    assert connection.isConnected()
    return NotificationServerDnd(lambda: connection, **kwargs)  # type: ignore[arg-type]


def test_kde_s_inhibited_property_is_read_as_it_changes(bus: PrivateBus) -> None:
    server = server_on(bus, "Plasma", properties={NOTIFICATIONS: {"Inhibited": True}})
    try:
        dnd = probe(bus, show_banners=lambda: True)
        assert dnd.is_on() is True
        server.set_property(NOTIFICATIONS, "Inhibited", False)
        assert dnd.is_on() is False
    finally:
        server.stop()


@pytest.mark.parametrize(("banners", "on"), [(False, True), (True, False), (None, None)])
def test_gnome_shell_s_show_banners_switch_is_its_do_not_disturb(
    bus: PrivateBus, banners: bool | None, on: bool | None
) -> None:
    server = server_on(bus, "gnome-shell")  # GNOME 43 has no Inhibited
    try:
        assert probe(bus, show_banners=lambda: banners).is_on() is on
    finally:
        server.stop()


def test_dunst_s_own_pause_is_its_do_not_disturb(bus: PrivateBus) -> None:
    server = server_on(bus, "dunst", properties={DUNST: {"paused": True}})
    try:
        dnd = probe(bus, show_banners=lambda: False)  # not GNOME: its switch is not asked
        assert dnd.is_on() is True
        server.set_property(DUNST, "paused", False)
        assert dnd.is_on() is False
    finally:
        server.stop()


def test_a_server_with_no_known_switch_and_no_server_at_all_are_unknown(bus: PrivateBus) -> None:
    asked: list[bool] = []

    def banners() -> bool:
        asked.append(True)
        return False

    assert probe(bus, show_banners=banners).is_on() is None  # nobody owns the name
    server = server_on(bus, "Xfce Notify Daemon")
    try:
        assert probe(bus, show_banners=banners).is_on() is None
    finally:
        server.stop()
    assert asked == []  # GNOME's setting is GNOME's: never read for another server


def test_a_server_that_never_answers_holds_the_question_only_briefly(bus: PrivateBus) -> None:
    hang = {"info_delay": -1, "property_delay": -1}
    server = server_on(bus, "Plasma", properties={NOTIFICATIONS: {"Inhibited": True}}, **hang)
    try:
        started = time.monotonic()
        assert probe(bus, show_banners=lambda: False, timeout_ms=300).is_on() is None
        assert time.monotonic() - started < 5  # two questions of 0.3 s, on a loaded machine
    finally:
        server.stop()


def test_without_a_session_bus_it_cannot_tell(qapp: QApplication) -> None:
    connection = QDBusConnection.connectToBus("unix:path=/nonexistent/bus", "dnd-test-none")
    assert NotificationServerDnd(lambda: connection, show_banners=lambda: False).is_on() is None
