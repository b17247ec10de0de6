"""Buttons on notify-send notifications: the answer comes back later, on the GUI thread."""

from __future__ import annotations

import stat
import time
from pathlib import Path

from pytestqt.qtbot import QtBot

from companion.core.notices import Delivery, Notice, NoticeAction
from companion.notify.notify_send import NotifySendNotifier
from companion.notify.notify_send_actions import ActionNotifySend, action_args, chosen_action

NUDGE = Notice("A breather?", "Two minutes?", topic="nudge", actions=(NoticeAction.START_BREAK,))


def fake_notify_send(tmp_path: Path, script: str) -> str:
    path = tmp_path / "notify-send"
    path.write_text("#!/bin/sh\n" + script + "\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return str(path)


def test_each_action_and_the_click_become_notify_send_actions() -> None:
    assert action_args(NUDGE) == ["--action=default=Open", "--action=start-break=Start a break"]
    assert chosen_action("start-break\n") is NoticeAction.START_BREAK
    assert chosen_action("") is None and chosen_action("rm -rf\n") is None


def test_the_chosen_button_reaches_the_app(qtbot: QtBot, tmp_path: Path) -> None:
    program = fake_notify_send(
        tmp_path, 'echo "$@" > "$(dirname "$0")/args"; sleep 0.6; echo start-break'
    )
    answers: list[tuple[Notice, NoticeAction]] = []
    notifier = ActionNotifySend(
        Path("icon.svg"), lambda n, a: answers.append((n, a)), which=lambda _: program
    )
    delivery = notifier.notify(NUDGE)
    assert delivery.ok, delivery.detail
    qtbot.waitUntil(lambda: answers == [(NUDGE, NoticeAction.START_BREAK)], timeout=5000)
    args = (tmp_path / "args").read_text()
    assert "--urgency=low" in args and "--action=start-break=Start a break" in args


class Recording:
    name = "recording"

    def __init__(self) -> None:
        self.shown: list[Notice] = []

    def notify(self, notice: Notice) -> Delivery:
        self.shown.append(notice)
        return Delivery(self.name, True)


def test_handing_a_notice_over_does_not_wait_for_notify_send(qtbot: QtBot, tmp_path: Path) -> None:
    program = fake_notify_send(tmp_path, "sleep 5; echo start-break")
    notifier = ActionNotifySend(Path("icon.svg"), lambda n, a: None, which=lambda _: program)
    started = time.monotonic()
    assert notifier.notify(NUDGE).ok
    assert time.monotonic() - started < 0.3  # was a 400 ms wait on the GUI thread
    notifier.stop()


def test_a_notify_send_that_fails_at_once_hands_the_notice_on(qtbot: QtBot, tmp_path: Path) -> None:
    program = fake_notify_send(tmp_path, 'echo "No notification daemon" >&2; exit 1')
    fallback = Recording()
    notifier = ActionNotifySend(
        Path("icon.svg"), lambda n, a: None, which=lambda _: program, fallback=fallback
    )
    assert notifier.notify(NUDGE).ok
    qtbot.waitUntil(lambda: fallback.shown == [NUDGE], timeout=5000)


def test_a_notify_send_that_cannot_start_hands_the_notice_on(qtbot: QtBot, tmp_path: Path) -> None:
    fallback = Recording()
    missing = str(tmp_path / "gone" / "notify-send")
    notifier = ActionNotifySend(
        Path("icon.svg"), lambda n, a: None, which=lambda _: missing, fallback=fallback
    )
    notifier.notify(NUDGE)
    qtbot.waitUntil(lambda: fallback.shown == [NUDGE], timeout=5000)


def test_a_late_error_after_showing_is_not_shown_twice(qtbot: QtBot, tmp_path: Path) -> None:
    program = fake_notify_send(tmp_path, "exit 1")
    fallback = Recording()
    ticks = iter([0.0, 10.0])  # started, then finished ten seconds later
    notifier = ActionNotifySend(
        Path("icon.svg"),
        lambda n, a: None,
        which=lambda _: program,
        fallback=fallback,
        clock=lambda: next(ticks),
    )
    notifier.notify(NUDGE)
    qtbot.waitUntil(lambda: not notifier._running, timeout=5000)
    assert fallback.shown == []


def test_notices_without_buttons_keep_the_plain_path(qtbot: QtBot, tmp_path: Path) -> None:
    used: list[Notice] = []

    class Buttons:
        name = "notify-send"

        def notify(self, notice: Notice):  # type: ignore[no-untyped-def]
            used.append(notice)
            raise AssertionError("a notice without buttons went to the button path")

    program = fake_notify_send(tmp_path, "exit 0")
    plain = Notice("Test", "Nothing to do.")
    notifier = NotifySendNotifier(Path("i.svg"), which=lambda _: program, with_actions=Buttons())
    assert notifier.notify(plain).ok
    assert used == []
