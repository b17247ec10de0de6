"""Insights in the whole app: `companion insights`, the no-tray window's "Insights…", its
"Need to talk?", and nothing of it loaded before it is asked for."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from companion.app_debrief import attach_debrief
from companion.app_insights import InsightsOpener
from companion.core.aftercare import Care
from companion.core.calls import DifficultCall, Reason
from companion.core.commands import Action, Outcome, Reply
from companion.ui.care import messages as care_text
from companion.ui.debrief import messages as debrief_text
from companion.ui.insights import messages
from companion.ui.insights.insights_window import InsightsWindow
from tests.gui import test_app_commands
from tests.gui.test_app_commands import Running, shown

running = test_app_commands.running  # the whole app, offscreen, with its window for no tray


@pytest.fixture
def opener(running: Running, monkeypatch: pytest.MonkeyPatch) -> InsightsOpener:
    monkeypatch.setattr("companion.system.clock.SystemClock", lambda: running.clock)
    return InsightsOpener(running.app, running.storage)  # as app_start attaches it


def test_the_command_opens_insights_on_this_weeks_calls(
    running: Running, opener: InsightsOpener
) -> None:
    running.storage.calls.add(DifficultCall(tagged_at=running.clock.now(), reason=Reason.ANGRY))
    assert running.handle(Action.INSIGHTS) == Reply(Outcome.OK)
    [window] = shown(messages.TITLE)
    assert isinstance(window, InsightsWindow)
    assert window.sections[0].sentence.text().startswith("One hard call this week")
    assert running.handle(Action.INSIGHTS) == Reply(Outcome.OK)
    assert len(shown(messages.TITLE)) == 1  # brought forward, not opened twice


def test_an_open_window_follows_a_new_tag(
    running: Running, opener: InsightsOpener, qtbot: QtBot
) -> None:
    running.handle(Action.INSIGHTS)
    [window] = shown(messages.TITLE)
    assert isinstance(window, InsightsWindow) and window.empty.isVisible()
    # The day's count moves once the break window has painted: Insights reads again then.
    with qtbot.waitSignal(running.app.breaks.count_changed, timeout=3000):
        running.handle(Action.TAG, reason=Reason.ABUSIVE)
    assert not window.empty.isVisible()
    assert window.sections[0].sentence.text().startswith("One hard call this week")
    running.app.breaks.close_window()  # its break saved now, while the journal is open


def test_the_no_tray_windows_action_opens_it_and_need_to_talk_opens_the_care_page(
    running: Running, opener: InsightsOpener
) -> None:
    running.app.shell.actions.insights.trigger()
    [window] = shown(messages.TITLE)
    assert isinstance(window, InsightsWindow)
    window.talk.click()
    QApplication.processEvents()
    title = care_text.WINDOW_TITLE.format(title=care_text.TITLE[Care.TALK])
    assert len(shown(title)) == 1


def test_its_debrief_summary_opens_the_debrief_dialog(
    running: Running, opener: InsightsOpener
) -> None:
    attach_debrief(running.app, running.storage)  # as app_start attaches it
    running.handle(Action.INSIGHTS)
    [window] = shown(messages.TITLE)
    assert isinstance(window, InsightsWindow)
    window.debrief.click()
    QApplication.processEvents()
    assert len(shown(debrief_text.TITLE)) == 1


def test_nothing_of_insights_is_loaded_until_it_is_opened() -> None:
    probe = (
        "import sys; import companion.app_start; "
        "print(sorted(m for m in sys.modules if 'insights' in m))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == "['companion.app_insights']"


def test_the_window_has_a_close_button_and_escape(running: Running, opener: InsightsOpener) -> None:
    running.handle(Action.INSIGHTS)
    [window] = shown(messages.TITLE)
    [close] = [b for b in window.findChildren(QPushButton) if b.text() == messages.CLOSE]
    close.click()
    assert shown(messages.TITLE) == []
