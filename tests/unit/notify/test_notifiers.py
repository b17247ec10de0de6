"""The notifier chain with a recording, an unavailable and a failing notifier; plyer."""

from __future__ import annotations

import logging
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from companion import APP_ID
from companion.core.notices import Notice, NoticeAction
from companion.core.reminder_texts import callback_notice
from companion.core.reminders import Callback
from companion.notify.chain import (
    NO_SERVICE_NOTE,
    FallbackNotifier,
    InAppFallback,
    OnceNote,
    system_notifiers,
)
from companion.notify.dbus_notifier import DBusCheck
from companion.notify.plyer_notifier import PlyerNotifier
from tests.fakes import T0, FailingNotifier, RecordingNotifier, UnavailableNotifier

NOTICE = Notice("A breather?", "That was a tough run.", topic="nudge")
ICON = Path("/icons/companion.svg")


def test_the_first_notifier_that_works_shows_it() -> None:
    first, second = RecordingNotifier("plyer"), RecordingNotifier("balloon")
    delivery = FallbackNotifier([first, second]).notify(NOTICE)
    assert delivery.ok and delivery.backend == "plyer"
    assert first.shown == [NOTICE] and second.shown == []


def test_unavailable_and_failing_fall_through_to_the_toast() -> None:
    missing, broken, toast = UnavailableNotifier(), FailingNotifier(), RecordingNotifier("toast")
    delivery = FallbackNotifier([missing, broken, toast]).notify(NOTICE)
    assert delivery.ok and delivery.backend == "toast"
    assert (missing.tried, broken.tried, toast.shown) == (1, 1, [NOTICE])


def test_a_failure_is_logged_once_however_often_it_happens(
    caplog: pytest.LogCaptureFixture,
) -> None:
    chain = FallbackNotifier([FailingNotifier(), RecordingNotifier()])
    with caplog.at_level(logging.WARNING):
        for _ in range(5):
            assert chain.notify(NOTICE).ok
    assert len([r for r in caplog.records if "failing" in r.getMessage()]) == 1


def test_when_nothing_works_the_chain_says_why_and_does_not_raise() -> None:
    delivery = FallbackNotifier([UnavailableNotifier(), FailingNotifier()]).notify(NOTICE)
    assert not delivery.ok and "daemon went away" in delivery.describe()


def test_plyer_on_linux_without_dbus_python_steps_aside(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("importlib.util.find_spec", lambda name: None)
    delivery = PlyerNotifier(ICON, platform="linux").notify(NOTICE)
    assert not delivery.ok and "dbus-python" in delivery.detail


def test_plyer_failures_become_a_delivery_not_an_exception(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from plyer import notification

    def broken(**_: Any) -> None:
        raise NotImplementedError("No usable implementation found!")

    monkeypatch.setattr(notification, "notify", broken)
    delivery = PlyerNotifier(ICON, platform="win32").notify(NOTICE)
    assert not delivery.ok and "NotImplementedError" in delivery.detail


NUDGE = Notice(
    "A breather?", "That was a tough run.", topic="nudge", actions=(NoticeAction.START_BREAK,)
)


@pytest.mark.parametrize("platform", ["win32", "darwin", "linux"])
def test_plyer_takes_plain_notices_and_leaves_ones_with_buttons_to_the_next(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, platform: str
) -> None:
    """plyer drops buttons and clicks: a nudge must reach a notifier that keeps them."""
    from plyer import notification

    through_plyer: list[str] = []
    monkeypatch.setattr(notification, "notify", lambda **kw: through_plyer.append(kw["title"]))
    monkeypatch.setattr("importlib.util.find_spec", lambda name: None)  # no dbus-python either
    with_buttons = RecordingNotifier("D-Bus with buttons")
    chain = FallbackNotifier([PlyerNotifier(ICON, platform=platform), with_buttons])
    with caplog.at_level(logging.WARNING):
        delivery = chain.notify(NUDGE)
    assert delivery.backend == "D-Bus with buttons" and with_buttons.shown == [NUDGE]
    assert through_plyer == [] and caplog.records == []  # a decline is not a failure
    if platform != "linux":  # on Linux plyer needs dbus-python, missing here
        assert chain.notify(NOTICE).backend == "system notifications (plyer)"
        assert through_plyer == [NOTICE.title] and with_buttons.shown == [NUDGE]


def test_plyer_says_whether_it_would_work_without_showing_anything(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert PlyerNotifier(ICON, platform="plan9").unavailable() == (
        "plyer knows no notifications for plan9"
    )
    monkeypatch.setattr("importlib.util.find_spec", lambda name: None)
    assert PlyerNotifier(ICON, platform="linux").unavailable() == "dbus-python is not installed"


def test_the_desktop_chain_is_d_bus_on_linux_and_the_tray_elsewhere(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """plyer only where it can work (Linux with dbus-python), after Qt's own D-Bus; none on
    Windows (a second tray icon) or macOS (no pyobjus): the tray icon's messages are native."""
    assert system_notifiers(ICON, platform="win32") == []
    assert system_notifiers(ICON, platform="darwin") == []
    monkeypatch.setattr("importlib.util.find_spec", lambda name: None)
    [check] = system_notifiers(ICON, platform="linux")
    assert isinstance(check, DBusCheck)
    assert not check.notify(NOTICE).ok and check.notify(NOTICE).declined  # it never sends
    monkeypatch.setattr("importlib.util.find_spec", lambda name: object())
    desktop = RecordingNotifier("desktop")
    names = [n.name for n in system_notifiers(ICON, desktop=desktop, platform="linux")]  # type: ignore[arg-type]
    assert names == ["desktop", "D-Bus notifications (plyer)"]


CALLBACK = callback_notice(Callback(due_at=T0, text="", created_at=T0, id=3, case_ref="CS-4711"))


def test_a_failing_plyer_backend_is_logged_by_the_kind_of_failure_only(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from plyer import notification

    def refuses(**kwargs: Any) -> None:
        raise ValueError(f"cannot show {kwargs['message']!r}")  # as a backend might

    monkeypatch.setattr("importlib.util.find_spec", lambda name: object())
    monkeypatch.setattr(PlyerNotifier, "_hints", lambda self, notice: {})
    monkeypatch.setattr(notification, "notify", refuses)
    with caplog.at_level(logging.INFO):
        # Without buttons: plyer declines notices that offer them, before trying.
        plain = replace(CALLBACK, actions=())
        FallbackNotifier([PlyerNotifier(ICON, platform="linux")]).notify(plain)

    assert "ValueError" in caplog.text and "CS-4711" not in caplog.text


def test_plyer_sends_urgency_as_a_byte_chosen_by_what_the_notice_is(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The same choice as Qt's D-Bus path makes for a server that shows low notices."""
    import types

    from plyer import notification

    class Byte(int):
        """dbus-python's byte type, as far as the hints go."""

    sent: list[dict[str, Any]] = []
    monkeypatch.setitem(sys.modules, "dbus", types.SimpleNamespace(Byte=Byte))
    monkeypatch.setattr("importlib.util.find_spec", lambda name: object())
    monkeypatch.setattr(notification, "notify", lambda **kw: sent.append(kw["hints"]))
    plyer = PlyerNotifier(ICON, platform="linux")
    for notice in (NOTICE, replace(CALLBACK, actions=()), replace(NOTICE, quiet=True)):
        assert plyer.notify(notice).ok

    assert [(type(h["urgency"]), h["urgency"]) for h in sent] == [(Byte, 0), (Byte, 1), (Byte, 0)]
    assert all(h["desktop-entry"] == APP_ID for h in sent)
    assert sent[0]["category"] == "x-companion.nudge" and sent[2]["suppress-sound"] is True


def test_the_no_service_note_goes_on_one_notice_shown_by_companion_itself() -> None:
    desktop, own, later = (
        RecordingNotifier("desktop"),
        RecordingNotifier("toast"),
        UnavailableNotifier(),
    )
    note = OnceNote()
    working = FallbackNotifier([desktop, InAppFallback([own], note)])
    working.notify(NOTICE)
    assert desktop.shown == [NOTICE] and not note.given  # the desktop showed it: nothing to say

    failing = FallbackNotifier([later, InAppFallback([own], note)])
    buttons_fallback = FallbackNotifier([InAppFallback([own], note)])  # shares the note
    failing.notify(NOTICE)
    buttons_fallback.notify(NOTICE)
    failing.notify(NOTICE)

    assert [n.body for n in own.shown] == [
        f"{NOTICE.body}\n\n{NO_SERVICE_NOTE}",
        NOTICE.body,
        NOTICE.body,
    ]
