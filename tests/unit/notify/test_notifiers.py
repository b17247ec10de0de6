"""The notifier chain with a recording, an unavailable and a failing notifier; the adapters."""

from __future__ import annotations

import logging
import subprocess
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from companion.core.notices import Notice, NoticeAction
from companion.core.reminder_texts import callback_notice
from companion.core.reminders import Callback
from companion.notify.chain import NO_SERVICE_NOTE, FallbackNotifier, InAppFallback, OnceNote
from companion.notify.notify_send import NotifySendNotifier, command_args
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


def test_notify_send_gets_low_urgency_icon_expiry_and_no_sound() -> None:
    args = command_args(NOTICE, ICON)
    assert "--urgency=low" in args and f"--icon={ICON}" in args
    assert "--expire-time=20000" in args and "--app-name=Companion" in args
    assert "--hint=boolean:suppress-sound:true" in args
    assert list(args[-3:]) == ["--", NOTICE.title, NOTICE.body]


def _runner(code: int, stderr: str = "") -> Any:
    def run(args: list[str], **_: Any) -> subprocess.CompletedProcess[str]:
        return subprocess.CompletedProcess(args, code, "", stderr)

    return run


def test_notify_send_reports_its_exit_code_and_its_absence() -> None:
    def found(_: str) -> str:
        return "/usr/bin/notify-send"

    assert NotifySendNotifier(ICON, _runner(0), found).notify(NOTICE).ok
    failed = NotifySendNotifier(ICON, _runner(1, "no daemon"), found).notify(NOTICE)
    assert not failed.ok and failed.detail == "no daemon"
    assert not NotifySendNotifier(ICON, _runner(0), lambda _: None).notify(NOTICE).ok


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
    with_buttons = RecordingNotifier("notify-send with buttons")
    chain = FallbackNotifier([PlyerNotifier(ICON, platform=platform), with_buttons])
    with caplog.at_level(logging.WARNING):
        delivery = chain.notify(NUDGE)
    assert delivery.backend == "notify-send with buttons" and with_buttons.shown == [NUDGE]
    assert through_plyer == [] and caplog.records == []  # a decline is not a failure
    if platform != "linux":  # on Linux plyer needs dbus-python, missing here
        assert chain.notify(NOTICE).backend == "system notifications (plyer)"
        assert through_plyer == [NOTICE.title] and with_buttons.shown == [NUDGE]


def test_notifiers_say_whether_they_would_work_without_showing_anything(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert (
        NotifySendNotifier(ICON, _runner(1), lambda _: "/usr/bin/notify-send").unavailable() is None
    )
    assert NotifySendNotifier(ICON, _runner(0), lambda _: None).unavailable() == (
        "notify-send is not installed"
    )
    assert PlyerNotifier(ICON, platform="plan9").unavailable() == (
        "plyer knows no notifications for plan9"
    )
    monkeypatch.setattr("importlib.util.find_spec", lambda name: None)
    assert PlyerNotifier(ICON, platform="linux").unavailable() == "dbus-python is not installed"


CALLBACK = callback_notice(Callback(due_at=T0, text="", created_at=T0, id=3, case_ref="CS-4711"))


def test_a_timed_out_callback_notice_leaves_no_case_reference_in_the_log(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """TimeoutExpired's text is the whole command line, the notice's words included."""

    def hangs(args: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
        raise subprocess.TimeoutExpired(args, kwargs["timeout"])

    notify_send = NotifySendNotifier(ICON, hangs, lambda _: "/usr/bin/notify-send")
    toast = RecordingNotifier("toast")
    with caplog.at_level(logging.INFO):
        assert FallbackNotifier([notify_send, toast]).notify(CALLBACK).ok

    assert "CS-4711" in CALLBACK.body and toast.shown == [CALLBACK]
    assert "did not answer within 5 s" in caplog.text
    assert "CS-4711" not in caplog.text and "callback" not in caplog.text.casefold()


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
