"""IT's policy through the app's own wiring to the settings window it opens (no tray, offscreen).

The real `CompanionApp` is built over a temporary data folder, as `companion.app.start` builds
it (minus the SIGTERM handler, which is not the test process's to take), with
``COMPANION_POLICY_FILE`` pointing at a policy; `companion settings` opens the window the agent
would see. What the app tells the agent in a message box is recorded instead of shown.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from companion import app as app_module
from companion.core.commands import Action, Command
from companion.core.policy import POLICY_SETTINGS
from companion.core.settings import Settings
from companion.store.storage import open_storage
from companion.system.paths import ensure_private_dir
from companion.system.policy_file import POLICY_FILE_ENV
from companion.system.single_instance import InstanceServer, server_name
from companion.ui.breathing.breathing_window import BreathingWindow
from companion.ui.settings.messages import LOCKED_TOOLTIP
from companion.ui.settings.settings_window import SettingsWindow
from tests.fakes import FakeClock

StartApp = Callable[[str], app_module.CompanionApp]


class Told:
    """Stands in for QMessageBox: keeps what the app tells the agent."""

    texts: ClassVar[list[str]] = []

    @staticmethod
    def information(parent: QWidget | None, title: str, text: str) -> None:
        Told.texts.append(text)


@pytest.fixture
def start_app(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[StartApp]:
    data = ensure_private_dir(tmp_path / "data")
    monkeypatch.setenv("COMPANION_DATA_DIR", str(data))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(tmp_path / "etc-xdg"))
    monkeypatch.setattr(app_module, "QMessageBox", Told)
    monkeypatch.setattr(app_module, "SystemClock", FakeClock)  # no evening reflection sent
    Told.texts = []
    started: list[app_module.CompanionApp] = []

    before = set(QApplication.topLevelWidgets())

    def start(policy: str) -> app_module.CompanionApp:
        (tmp_path / "policy.toml").write_text(policy, encoding="utf-8")
        monkeypatch.setenv(POLICY_FILE_ENV, str(tmp_path / "policy.toml"))
        server = InstanceServer(server_name(data))
        assert server.listen()
        companion = app_module.CompanionApp(qapp, server, open_storage(data), None, QIcon())
        started.append(companion)
        return companion

    yield start
    for companion in started:
        companion.shut_down()
        companion.deleteLater()
    for widget in set(QApplication.topLevelWidgets()) - before:
        widget.close()
        widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def open_settings(qtbot: QtBot, companion: app_module.CompanionApp) -> SettingsWindow:
    companion.handle(Command(Action.SETTINGS))
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, SettingsWindow)]
    visible = [w for w in windows if w.isVisible()]
    assert len(visible) == 1
    return visible[0]


def save(qtbot: QtBot, window: SettingsWindow) -> None:
    buttons = window.findChild(QDialogButtonBox)
    assert buttons is not None
    qtbot.mouseClick(
        buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: not window.isVisible())


def test_a_malformed_policy_stays_reported_after_the_agent_saves(
    qtbot: QtBot, start_app: StartApp, tmp_path: Path
) -> None:
    companion = start_app("[locked\nbreak_seconds = ")
    qtbot.waitUntil(lambda: any("is damaged" in text for text in Told.texts))

    window = open_settings(qtbot, companion)
    assert window.warning.isVisible() and "leaves this file out" in window.warning.text()
    window.length.setValue(150)
    save(qtbot, window)

    saved = json.loads((tmp_path / "data" / "settings.json").read_text(encoding="utf-8"))
    assert saved == {"break_seconds": 150}
    again = open_settings(qtbot, companion)
    assert again.warning.isVisible() and "is damaged" in again.warning.text()


def test_a_damaged_settings_file_is_mended_by_saving(
    qtbot: QtBot, start_app: StartApp, tmp_path: Path
) -> None:
    (tmp_path / "data" / "settings.json").write_text("{not json", encoding="utf-8")
    companion = start_app("")

    window = open_settings(qtbot, companion)
    assert "settings file is damaged" in window.warning.text()
    save(qtbot, window)

    assert not open_settings(qtbot, companion).warning.isVisible()


def test_values_it_locks_are_shown_locked_and_stay_out_of_the_agents_file(
    qtbot: QtBot, start_app: StartApp, tmp_path: Path
) -> None:
    companion = start_app("[locked]\nbreak_seconds = 90\n[defaults]\nmood_check = false\n")

    window = open_settings(qtbot, companion)
    assert window.length.value() == 90 and not window.length.isEnabled()
    assert window.length.toolTip() == LOCKED_TOOLTIP and window.locked_note.isVisible()
    assert window.mood.isEnabled() and not window.mood.isChecked()
    window.pattern.setCurrentIndex(window.pattern.findData("box"))
    save(qtbot, window)

    saved = json.loads((tmp_path / "data" / "settings.json").read_text(encoding="utf-8"))
    assert saved == {"pattern_key": "box"}
    again = open_settings(qtbot, companion)
    assert not again.length.isEnabled() and again.pattern.currentData() == "box"
    assert not again.warning.isVisible()


def test_every_setting_a_policy_may_lock_has_a_widget(qtbot: QtBot) -> None:
    window = SettingsWindow(Settings(), locked=POLICY_SETTINGS)
    qtbot.addWidget(window)

    assert set(window._widgets_by_setting()) == POLICY_SETTINGS
    for group in window._widgets_by_setting().values():
        assert group and all(not widget.isEnabled() for widget in group)


def test_saved_settings_reach_the_next_break_through_the_one_holder(
    qtbot: QtBot, start_app: StartApp
) -> None:
    companion = start_app("[locked]\nbreak_seconds = 90\n")
    changes: list[Settings] = []
    companion.settings.changed.connect(changes.append)

    window = open_settings(qtbot, companion)
    window.pattern.setCurrentIndex(window.pattern.findData("box"))
    save(qtbot, window)
    save(qtbot, open_settings(qtbot, companion))  # nothing changed: nobody is told again

    assert [(s.pattern_key, s.break_seconds) for s in changes] == [("box", 90)]
    companion.handle(Command(Action.BREAK))
    opened = companion.breaks.window
    assert isinstance(opened, BreathingWindow) and opened.pattern.key == "box"
    companion.breaks.close_window()


def test_a_changed_policy_file_reaches_the_running_app(
    qtbot: QtBot, start_app: StartApp, tmp_path: Path
) -> None:
    companion = start_app("[defaults]\nbreak_seconds = 90\n")
    before = open_settings(qtbot, companion)
    assert before.length.isEnabled()
    before.close()

    (tmp_path / "policy.toml").write_text(
        "eap_contact = 'Peer support: ext. 4242'\n[locked]\nbreak_seconds = 120\n",
        encoding="utf-8",
    )
    qtbot.waitUntil(lambda: companion.settings.locked == {"break_seconds"}, timeout=10_000)

    window = open_settings(qtbot, companion)
    assert window.length.value() == 120 and not window.length.isEnabled()
    assert companion.settings.settings.break_seconds == 120
    assert companion._break_windows.support_contact == "Peer support: ext. 4242"


def test_its_care_texts_reach_the_break_and_the_care_pages_and_follow_a_change(
    qtbot: QtBot, start_app: StartApp, tmp_path: Path
) -> None:
    """IT's phone hint shows before breathing; its contact on "Need to talk?"; its limits on
    the reframe; and a changed policy file is shown at the next page, without a restart."""
    from companion.core.aftercare import Care
    from companion.core.calls import DifficultCall, Reason
    from companion.ui.care.care_window import CareWindow

    companion = start_app(
        "eap_contact = 'EAP: 0800 123 456'\n"
        "limits_text = 'End it after one warning.'\n"
        "phone_hint = 'Press Not Ready first.'\n"
    )
    companion.breaks.breathe()
    window = companion.breaks.window
    assert isinstance(window, BreathingWindow)
    assert window._before.phone_hint is not None
    assert window._before.phone_hint.text() == "Press Not Ready first."
    companion.breaks.close_window()

    companion.shell.actions.talk.trigger()
    talk = companion.care._windows.window  # type: ignore[attr-defined]
    assert isinstance(talk, CareWindow) and talk.contact.text() == "EAP: 0800 123 456"
    talk.close()
    (tmp_path / "policy.toml").write_text("limits_text = 'Pass it to your team lead.'\n")
    qtbot.waitUntil(lambda: companion.settings.policy.limits_text == "Pass it to your team lead.")

    companion.care.offer(
        Care.REFRAME, DifficultCall(tagged_at=FakeClock().now(), id=None, reason=Reason.ABUSIVE)
    )
    reframe = companion.care._windows.window  # type: ignore[attr-defined]
    limits = reframe.findChild(QWidget, "limits")
    assert limits is not None and limits.text() == "Pass it to your team lead."  # type: ignore[attr-defined]
    reframe.close()
