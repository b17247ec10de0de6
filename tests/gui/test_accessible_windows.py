"""Each of the app's windows, opened as the agent opens them, names every control once and
lets Tab follow reading order (Qt's accessibility interfaces, offscreen; the real desktop's
AT-SPI tree is read in tests/e2e/test_accessibility.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from companion.core.aftercare import Care
from companion.core.calls import Reason
from companion.core.commands import Action
from companion.ui.breathing import messages as break_text
from companion.ui.care import messages as care_text
from companion.ui.journal import messages as journal_text
from tests.gui import test_app_commands
from tests.gui.a11y_checks import out_of_reading_order, unnamed_and_shared
from tests.gui.test_app_commands import BREAK_TITLE, Running

running = test_app_commands.running  # the whole app, offscreen, with its window for no tray
REFRAME_TITLE = care_text.WINDOW_TITLE.format(title=care_text.TITLE[Care.REFRAME])


def window(title: str) -> QWidget:
    [found] = [
        w for w in QApplication.topLevelWidgets() if w.isVisible() and w.windowTitle() == title
    ]
    return found


def press(title: str, name: str) -> None:
    """Click the visible button in `title` named `name` (its text or accessible name)."""
    [button] = [
        b for b in window(title).findChildren(QAbstractButton)
        if b.isVisible() and name in (b.text(), b.accessibleName())
    ]  # fmt: skip
    button.click()
    QApplication.processEvents()


def problems(title: str) -> tuple[tuple[list[str], list[str]], list[tuple[str, str]]]:
    QApplication.processEvents()
    shown = window(title)
    return unnamed_and_shared(shown), out_of_reading_order(shown)


NONE = (([], []), [])


def test_the_break_page_by_page_and_its_care(running: Running) -> None:
    running.handle(Action.TAG, reason=Reason.ABUSIVE)
    assert problems(BREAK_TITLE) == NONE  # the mood question
    press(BREAK_TITLE, "Mood 3: Okay")
    assert problems(BREAK_TITLE) == NONE  # the breathing
    press(BREAK_TITLE, "Done, end the break now")
    press(BREAK_TITLE, "Mood 4: Calm")
    assert problems(BREAK_TITLE) == NONE  # the way out, with the care offer
    press(BREAK_TITLE, care_text.OFFER_NAME[Care.REFRAME])
    assert problems(REFRAME_TITLE) == NONE
    press(BREAK_TITLE, break_text.WRITE_NAME)
    assert problems(journal_text.CALL_TITLE) == NONE


def test_the_journal_its_editor_recent_calls_and_need_to_talk(running: Running) -> None:
    running.handle(Action.TAG)
    running.handle(Action.JOURNAL)
    assert problems(journal_text.TITLE) == NONE
    press(journal_text.TITLE, "New journal entry")
    assert problems(journal_text.EDITOR_TITLE) == NONE
    running.app.shell.actions.calls.trigger()
    assert problems("Companion — Recent hard calls") == NONE
    running.app.shell.actions.talk.trigger()
    assert problems(care_text.WINDOW_TITLE.format(title=care_text.TITLE[Care.TALK])) == NONE
