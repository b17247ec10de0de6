"""Screenshots of the main windows in each look, at normal and at twice the text size.

    QT_QPA_PLATFORM=offscreen python -m bench.look_shots OUT_DIR [--text 2] [--look light]

For each look (light, dark, high contrast) it opens the break (the mood check, then breathing),
the journal with a few entries, a new entry, recent calls and Settings, saves each as
OUT_DIR/<look>-<window>.png, and prints every visible control drawn smaller than Qt says it needs
(a clipped label or button) and every window wider than the screen: that list should be empty.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from companion.core.i18n import language, layout_language
from companion.system.language import install_language

if __name__ == "__main__":
    # As companion.cli.main does: the language (COMPANION_LANGUAGE, else the desktop's) before
    # any module whose constants are sentences is imported. (Imported, the caller chose one:
    # tests/gui/pseudo_language.py installs its pseudo-language first.)
    install_language()

from companion.core.aftercare import Care
from companion.core.calls import Reason
from companion.core.moods import Mood
from companion.core.reminder_texts import nudge_notice
from companion.core.settings import Appearance, Settings
from companion.ui.breathing import messages as breathing_messages
from companion.ui.breathing.breathing_window import BreathingWindow
from companion.ui.calls.recent_calls import RecentCallsWindow
from companion.ui.care.care_window import CareWindow
from companion.ui.care.cool_off import CoolOffWindow
from companion.ui.journal.journal_window import JournalWindow
from companion.ui.look.theme import REFERENCE_POINTS, keeper
from companion.ui.privacy.unlock_dialogs import PassphraseDialog
from companion.ui.reminders.callback_dialog import CallbackDialog
from companion.ui.reminders.toast import Toast
from companion.ui.settings.settings_window import SettingsWindow
from companion.ui.shell.actions import ShellActions
from companion.ui.shell.actions_window import ActionsWindow
from companion.ui.shell.app_icon import app_icon
from companion.ui.shell.qt_language import apply_language
from companion.ui.shell.tray import TrayController
from tests.gui.journal_helpers import make_services


def clipped(window: QWidget) -> list[str]:
    """Visible labels and buttons smaller than their text needs."""
    found = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or widget.width() <= 0:
            continue
        if isinstance(widget, QLabel) and widget.text():
            need = widget.minimumSizeHint()
            height = widget.heightForWidth(widget.width()) if widget.wordWrap() else need.height()
            if widget.height() < height or (
                not widget.wordWrap() and widget.width() < need.width()
            ):
                found.append(f"label {widget.text()[:40]!r} {widget.size().toTuple()}")
        elif (layout := widget.layout()) is not None and not widget.isWindow():
            need = layout.minimumSize()
            if widget.width() < need.width() or widget.height() < need.height():
                found.append(
                    f"{widget.objectName() or type(widget).__name__} {widget.size().toTuple()}"
                )
        elif isinstance(widget, QAbstractButton) and widget.text():
            need = widget.minimumSizeHint()
            if widget.width() < need.width() or widget.height() < need.height():
                found.append(f"button {widget.text()[:40]!r} {widget.size().toTuple()}")
    return found


def _show(window: QWidget, out: Path, name: str) -> None:
    window.show()
    for _ in range(5):
        QCoreApplication.processEvents()
    window.grab().save(str(out / f"{name}.png"))
    problems = clipped(window)
    screen = window.screen().availableGeometry()
    if window.width() > screen.width():  # its right part is off the screen
        problems.append(f"wider than the screen ({screen.width()} px)")
    verdict = "clipped: " + "; ".join(problems) if problems else "ok"
    print(f"{name}: {window.size().toTuple()} {verdict}")


def shots(out: Path, appearance: Appearance) -> None:
    keeper().choose(appearance)
    tag = appearance.value
    services = make_services()
    call = services.add_call(41, Reason.ABUSIVE)
    services.add_entry("Slept badly, first call was a complaint", -1440, mood=Mood.LOW)
    services.add_entry("The refund call went well in the end", 20, tags=("win",), call_id=call.id)
    breathing = BreathingWindow(
        services.clock, Settings(), reduced_motion=False, call=call, show_undo=True
    )
    _show(breathing, out, f"{tag}-break-start")
    okay = breathing_messages.mood_name(Mood.OKAY)
    start = [b for b in breathing.findChildren(QAbstractButton) if b.accessibleName() == okay]
    start[0].click()
    services.clock.advance(2.0)
    breathing.tick()
    _show(breathing, out, f"{tag}-break-breathing")
    done = [
        b for b in breathing.findChildren(QAbstractButton) if b.text() == breathing_messages.DONE
    ]
    done[0].click()
    _show(breathing, out, f"{tag}-break-after")
    breathing.discard()
    journal = JournalWindow(services.journal, services.drafts, services.calls, services.clock)
    journal.resize(min(900, journal.screen().availableGeometry().width()), 600)
    _show(journal, out, f"{tag}-journal")
    editor = journal.open_editor()
    _show(editor, out, f"{tag}-journal-new-entry")
    editor.close()
    journal.close()
    recent = RecentCallsWindow(services.calls, services.clock)
    _show(recent, out, f"{tag}-recent-calls")
    recent.close()
    settings = SettingsWindow(Settings())
    _show(settings, out, f"{tag}-settings")
    settings.close()


def more_shots(out: Path, appearance: Appearance) -> None:
    """The smaller windows: after-care, the reply you won't send, a callback, a toast, the
    window for desktops without a tray, and the passphrase."""
    tag = appearance.value
    windows: list[tuple[str, QWidget]] = [
        ("care-reframe", CareWindow(Care.REFRAME, Reason.ABUSIVE)),
        ("care-debrief", CareWindow(Care.DEBRIEF, Reason.DISTRESSING)),
        ("cool-off", CoolOffWindow()),
        ("callback", CallbackDialog(lambda: datetime(2026, 11, 24, 10, 45))),
        ("toast", Toast(nudge_notice(3, 75), lambda _notice, _action: None)),
        ("tray-window", ActionsWindow(app_icon(), ShellActions())),
        ("passphrase", PassphraseDialog(new=True)),
        ("tray-menu", TrayController(app_icon(), ShellActions()).menu),
    ]
    for name, window in windows:
        _show(window, out, f"{tag}-{name}")
        window.close()


def main(argv: list[str]) -> int:
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(["look_shots"])
    apply_language(app, language(), layout_language())  # Qt's own words, the layout's direction
    if "--text" in argv:
        font = app.font()
        font.setPointSizeF(REFERENCE_POINTS * float(argv[argv.index("--text") + 1]))
        app.setFont(font)
    looks = list(Appearance)
    if "--look" in argv:
        looks = [Appearance(argv[argv.index("--look") + 1])]
    for appearance in looks:
        shots(out, appearance)
        more_shots(out, appearance)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
