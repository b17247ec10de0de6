"""The QtDBus notifier against a fake notification server on a private bus (real D-Bus calls).

The fake (tests/fake_notification_server.py) is a GDBus server, so it refuses arguments of the
wrong type just as dunst and GNOME Shell do, and records each call as it arrived.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtDBus import QDBus, QDBusConnection
from pytestqt.qtbot import QtBot

from companion import APP_ID
from companion.core.notices import EXPIRY_SECONDS, Delivery, Notice, NoticeAction
from companion.core.reminder_texts import (
    DayNumbers,
    callback_notice,
    nudge_notice,
    reflection_notice,
)
from companion.core.reminders import Callback
from companion.notify import dbus_args
from companion.notify.dbus_notifier import DBusNotifier
from companion.notify.notification_server import method_call
from companion.notify.presentation import ANSWERS_ELSEWHERE
from tests.fake_notification_server import FakeNotificationServer
from tests.fakes import T0, RecordingNotifier
from tests.notification_fixtures import StartServer

ICON = Path("/usr/lib/companion/_internal/resources/companion.svg")
CALLBACK = callback_notice(Callback(due_at=T0, text="", created_at=T0, id=7, case_ref="CS-4711"))
NUDGE = nudge_notice(3, 72.0)
#: Long enough for any answer on a loaded machine, short enough to wait out in a test.
SLOW_MS = 3000
WAIT_MS = 15_000

Answers = list[tuple[Notice, NoticeAction]]


class Desktop:
    """A notifier on the test bus, with what it handed on and what the agent answered."""

    def __init__(self, connection: QDBusConnection | None, **options: Any) -> None:
        self.answers: Answers = []
        self.fallback = RecordingNotifier("Companion's own")
        self.answerable = RecordingNotifier("Companion's own, with buttons")
        self.notifier = DBusNotifier(
            ICON,
            lambda notice, action: self.answers.append((notice, action)),
            bus=connection,
            fallback=self.fallback,
            answerable=self.answerable,
            **options,
        )

    def close(self) -> None:
        self.notifier.stop()
        shiboken6.delete(self.notifier)


MakeDesktop = Callable[..., Desktop]


@pytest.fixture
def desktop(connection: QDBusConnection, start_server: object) -> Iterator[MakeDesktop]:
    """Makes notifiers on the test bus; each is gone before its server stops."""
    made: list[Desktop] = []

    def make(**options: Any) -> Desktop:
        made.append(Desktop(connection, **options))
        return made[-1]

    yield make
    for one in made:
        one.close()


def shown(qtbot: QtBot, server: FakeNotificationServer, count: int = 1) -> list[dict[str, Any]]:
    qtbot.waitUntil(lambda: len(server.notifications()) >= count, timeout=WAIT_MS)
    return server.notifications()


# -- urgency, hints and buttons, per notice and per server -------------------------------------


@pytest.mark.parametrize("name", ["gnome-shell", "dunst", "Plasma"])
def test_a_due_callback_goes_with_normal_urgency_and_its_buttons(
    qtbot: QtBot, start_server: StartServer, desktop: MakeDesktop, name: str
) -> None:
    server = start_server(name=name)
    delivery = desktop().notifier.notify(CALLBACK)

    [call] = shown(qtbot, server)
    assert delivery.ok
    # Handed over, not yet known to be shown: the settings' test line must not claim more.
    assert delivery.describe().startswith("Handed to ")
    assert delivery.describe().endswith("If it can't show it, Companion will.")
    assert (call["app_name"], call["replaces_id"], call["app_icon"]) == ("Companion", 0, str(ICON))
    assert (call["summary"], call["body"]) == (CALLBACK.title, CALLBACK.body)
    assert call["actions"] == ["default", "Open", "done", "Done", "snooze", "Snooze 15 min"]
    assert call["hints"]["urgency"] == 1 and call["hint_types"]["urgency"] == "y"
    assert call["hints"]["desktop-entry"] == APP_ID
    assert call["hints"]["category"] == "x-companion.callback"
    assert call["hints"]["suppress-sound"] is True  # the agent's sound setting is off
    assert "transient" not in call["hints"]
    assert call["expire_timeout"] == EXPIRY_SECONDS * 1000


def test_a_callback_may_make_a_sound_when_the_agent_allows_it(
    qtbot: QtBot, start_server: StartServer, desktop: MakeDesktop
) -> None:
    server = start_server(name="gnome-shell")
    desktop().notifier.notify(replace(CALLBACK, sound=True))
    [call] = shown(qtbot, server)
    assert "suppress-sound" not in call["hints"] and "sound-name" not in call["hints"]


@pytest.mark.parametrize(
    "notice", [NUDGE, reflection_notice(DayNumbers(3, 1))], ids=["nudge", "reflection"]
)
def test_gentle_notices_are_low_where_low_shows_and_a_quiet_banner_on_gnome(
    qtbot: QtBot,
    start_server: StartServer,
    desktop: MakeDesktop,
    notice: Notice,
) -> None:
    dunst = start_server(name="dunst")
    desktop().notifier.notify(notice)
    [on_dunst] = shown(qtbot, dunst)
    dunst.stop()
    gnome = start_server(name="gnome-shell")
    desktop().notifier.notify(notice)
    [on_gnome] = shown(qtbot, gnome)

    assert on_dunst["hints"]["urgency"] == 0 and "transient" not in on_dunst["hints"]
    assert on_gnome["hints"]["urgency"] == 1  # GNOME shows no banner for low urgency
    assert on_gnome["hints"]["suppress-sound"] is True and on_gnome["hints"]["transient"] is True
    assert on_dunst["actions"][:2] == on_gnome["actions"][:2] == ["default", "Open"]


@pytest.mark.parametrize("name", ["gnome-shell", "dunst"])
def test_a_quiet_notice_goes_low_and_silent_into_the_message_list(
    qtbot: QtBot, start_server: StartServer, desktop: MakeDesktop, name: str
) -> None:
    server = start_server(name=name)
    desktop().notifier.notify(replace(CALLBACK, quiet=True, sound=True))
    [call] = shown(qtbot, server)
    assert call["hints"]["urgency"] == 0 and call["hints"]["suppress-sound"] is True
    assert "transient" not in call["hints"]  # it must stay in the list, to be found later


# -- answers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "action"), [("done", NoticeAction.DONE), ("default", NoticeAction.OPEN)]
)
def test_a_button_or_a_click_on_the_notice_reaches_the_app_once(
    qtbot: QtBot,
    start_server: StartServer,
    desktop: MakeDesktop,
    key: str,
    action: NoticeAction,
) -> None:
    server = start_server()
    one = desktop()
    one.notifier.notify(CALLBACK)
    [call] = shown(qtbot, server)
    qtbot.waitUntil(lambda: one.notifier.waiting, timeout=WAIT_MS)

    server.invoke(call["id"], key)
    qtbot.waitUntil(lambda: one.answers == [(CALLBACK, action)], timeout=WAIT_MS)
    server.invoke(call["id"], "snooze")  # a second answer to the same notice
    qtbot.waitUntil(lambda: not one.notifier.waiting, timeout=WAIT_MS)
    caught_up(qtbot, server, one)
    assert one.answers == [(CALLBACK, action)]


def caught_up(qtbot: QtBot, server: FakeNotificationServer, one: Desktop) -> None:
    """Wait until everything the server sent before now has reached the notifier: one more
    notice there and its answer back (D-Bus keeps a connection's messages in order)."""
    before = len(server.notifications())
    one.notifier.notify(Notice("t", "b"))
    qtbot.waitUntil(lambda: len(server.notifications()) > before, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not one.notifier._sending, timeout=WAIT_MS)


def test_closed_without_an_answer_ends_the_wait_and_nothing_happens(
    qtbot: QtBot, start_server: StartServer, desktop: MakeDesktop
) -> None:
    server = start_server()
    one = desktop()
    one.notifier.notify(NUDGE)
    [call] = shown(qtbot, server)
    qtbot.waitUntil(lambda: one.notifier.waiting, timeout=WAIT_MS)

    server.close(call["id"], reason=2)
    qtbot.waitUntil(lambda: not one.notifier.waiting, timeout=WAIT_MS)
    server.invoke(call["id"], "start-break")  # too late: it was closed
    server.invoke(call["id"] + 100, "start-break")  # another application's notice
    caught_up(qtbot, server, one)
    assert one.answers == [] and one.fallback.shown == []


# -- servers without buttons --------------------------------------------------------------------


def test_without_actions_a_callback_goes_without_buttons_and_says_where_they_are(
    qtbot: QtBot, start_server: StartServer, desktop: MakeDesktop
) -> None:
    server = start_server(name="dunst", capabilities=["body"])
    one = desktop()
    one.notifier.notify(CALLBACK)
    [call] = shown(qtbot, server)
    assert call["actions"] == [] and call["hints"]["urgency"] == 1
    assert call["body"] == f"{CALLBACK.body}\n{ANSWERS_ELSEWHERE}"
    assert ANSWERS_ELSEWHERE == "Done and Snooze are under Callbacks in Companion's menu."
    assert not one.notifier.waiting


def test_without_actions_a_nudge_goes_where_it_can_be_answered(
    qtbot: QtBot, start_server: StartServer, desktop: MakeDesktop
) -> None:
    server = start_server(name="dunst", capabilities=["body"])
    one = desktop()
    one.notifier.notify(NUDGE)
    qtbot.waitUntil(lambda: one.answerable.shown == [NUDGE], timeout=WAIT_MS)
    caught_up(qtbot, server, one)
    assert [c["summary"] for c in server.notifications()] == ["t"]  # the nudge never went
    assert one.fallback.shown == []  # and it is not "no notification service"


# -- bad servers ---------------------------------------------------------------------------------


def test_an_error_reply_hands_the_notice_to_companion_once(
    qtbot: QtBot, start_server: StartServer, desktop: MakeDesktop
) -> None:
    server = start_server(notify_error="org.freedesktop.DBus.Error.Failed")
    one = desktop()
    assert one.notifier.notify(CALLBACK).ok
    qtbot.waitUntil(lambda: one.fallback.shown == [CALLBACK], timeout=WAIT_MS)
    assert len(shown(qtbot, server)) == 1 and not one.notifier.waiting


def test_a_slow_server_hands_it_on_and_its_late_notice_is_taken_back(
    qtbot: QtBot, start_server: StartServer, desktop: MakeDesktop
) -> None:
    server = start_server(notify_delay=SLOW_MS / 1000 + 2)
    one = desktop(answer_within_ms=SLOW_MS)
    qtbot.waitUntil(lambda: one.notifier.server is not None, timeout=WAIT_MS)
    one.notifier.notify(CALLBACK)

    qtbot.waitUntil(lambda: one.fallback.shown == [CALLBACK], timeout=WAIT_MS)
    [call] = server.notifications()
    qtbot.waitUntil(lambda: server.calls("CloseNotification") != [], timeout=WAIT_MS)
    assert server.calls("CloseNotification") == [{"method": "CloseNotification", "id": call["id"]}]
    assert one.fallback.shown == [CALLBACK] and not one.notifier.waiting


def test_a_server_that_never_says_who_it_is_counts_as_absent(
    qtbot: QtBot, start_server: StartServer, desktop: MakeDesktop
) -> None:
    server = start_server(info_delay=-1)
    one = desktop(answer_within_ms=SLOW_MS)
    assert one.notifier.notify(NUDGE).ok  # waits for the server's answer, without blocking
    qtbot.waitUntil(lambda: one.fallback.shown == [NUDGE], timeout=WAIT_MS)
    assert server.notifications() == []


def test_nothing_waits_for_the_server(
    start_server: StartServer, connection: QDBusConnection
) -> None:
    """A server that never answers anything: building the notifier and handing it a notice
    return at once (a blocking call would take D-Bus's 25 s timeout)."""
    start_server(info_delay=-1, notify_delay=-1)
    began = time.monotonic()
    one = Desktop(connection)
    deliveries = [one.notifier.notify(CALLBACK), one.notifier.notify(NUDGE)]
    took = time.monotonic() - began
    one.close()
    assert all(d.ok for d in deliveries) and took < 1.0


def test_no_server_on_the_bus_hands_the_notice_to_companion(
    qtbot: QtBot, desktop: MakeDesktop
) -> None:
    one = desktop()
    assert one.notifier.notify(CALLBACK).ok
    qtbot.waitUntil(lambda: one.fallback.shown == [CALLBACK], timeout=WAIT_MS)


def test_without_a_session_bus_it_says_so_at_once(qtbot: QtBot) -> None:
    one = Desktop(None)
    delivery = one.notifier.notify(CALLBACK)
    one.close()
    assert delivery == Delivery("desktop notifications (D-Bus)", False, "no session bus")


def test_a_qt_that_cannot_write_the_arguments_steps_aside_at_once(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, start_server: StartServer, desktop: MakeDesktop
) -> None:
    """So that plyer (with dbus-python) or Companion's own ways take the notice at once."""
    server = start_server()
    monkeypatch.setattr(dbus_args, "marshalling_problem", lambda: "libQt6DBus.so.6: gone")
    delivery = desktop().notifier.notify(CALLBACK)
    assert not delivery.ok and delivery.detail == "libQt6DBus.so.6: gone"
    assert server.calls() == []  # not even asked who it is


def test_a_server_that_vanishes_while_a_callback_shows_is_not_the_end_of_it(
    qtbot: QtBot, start_server: StartServer, desktop: MakeDesktop
) -> None:
    now = [100.0]
    server = start_server()
    one = desktop(clock=lambda: now[0])
    older = replace_body(CALLBACK, "an older one")
    one.notifier.notify(older)
    shown(qtbot, server)
    now[0] += EXPIRY_SECONDS + 1  # long gone from the screen
    one.notifier.notify(CALLBACK)
    shown(qtbot, server, 2)
    qtbot.waitUntil(lambda: len(one.notifier._shown) == 2, timeout=WAIT_MS)

    server.stop()
    qtbot.waitUntil(lambda: one.fallback.shown == [CALLBACK], timeout=WAIT_MS)
    assert not one.notifier.waiting and one.answers == []


def replace_body(notice: Notice, body: str) -> Notice:
    return replace(notice, body=body)


def test_a_server_is_asked_who_it_is_once_and_again_when_another_takes_over(
    qtbot: QtBot, start_server: StartServer, desktop: MakeDesktop
) -> None:
    dunst = start_server(name="dunst")
    one = desktop()
    for _ in range(3):
        one.notifier.notify(NUDGE)
    for call in shown(qtbot, dunst, 3):
        dunst.close(call["id"], reason=1)  # expired
    qtbot.waitUntil(lambda: not one.notifier.waiting, timeout=WAIT_MS)
    assert len(dunst.calls("GetServerInformation")) == len(dunst.calls("GetCapabilities")) == 1

    dunst.leave_bus()
    gnome = start_server(name="gnome-shell")
    qtbot.waitUntil(
        lambda: one.notifier.server is not None and one.notifier.server.name == "gnome-shell",
        timeout=WAIT_MS,
    )
    one.notifier.notify(NUDGE)
    [call] = shown(qtbot, gnome)
    assert call["hints"]["urgency"] == 1 and one.fallback.shown == []


def test_a_server_that_starts_after_companion_is_used_from_then_on(
    qtbot: QtBot, start_server: StartServer, desktop: MakeDesktop
) -> None:
    one = desktop()
    one.notifier.notify(NUDGE)
    qtbot.waitUntil(lambda: one.fallback.shown == [NUDGE], timeout=WAIT_MS)

    server = start_server(name="dunst")
    qtbot.waitUntil(lambda: one.notifier.server is not None, timeout=WAIT_MS)
    one.notifier.notify(CALLBACK)
    [call] = shown(qtbot, server)
    assert call["summary"] == CALLBACK.title and one.fallback.shown == [NUDGE]


def test_the_fake_server_refuses_an_int32_where_uint32_is_due(
    qtbot: QtBot, start_server: StartServer, connection: QDBusConnection
) -> None:
    """As dunst and GNOME Shell do (GDBus checks signatures): what PySide6 sends for a plain
    Python int, and why companion.notify.dbus_args writes Qt's typed values instead."""
    server = start_server()
    message = method_call("Notify")
    message.setArguments(["Companion", 0, "", "t", "b", [], {}, 5000])
    reply = connection.call(message, QDBus.CallMode.Block, WAIT_MS)
    assert reply.errorName() == "org.freedesktop.DBus.Error.InvalidArgs"
    # an int32 for replaces_id, and an empty Python list goes as "av", not "as"
    assert "(sisssava{sv}i)" in reply.errorMessage() and server.notifications() == []
