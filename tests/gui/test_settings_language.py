"""Settings' language choice: the desktop's or a language in its own name, from the next start,
and shown as IT's when their policy locks it."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from companion.core.settings import Settings
from companion.system.language import available_languages
from companion.ui.settings.language_choice import LanguageChoice
from companion.ui.settings.messages import FOLLOW_DESKTOP, LOCKED_TOOLTIP
from companion.ui.settings.settings_window import SettingsWindow


def items(choice: LanguageChoice) -> list[str]:
    return [choice.combo.itemText(i) for i in range(choice.combo.count())]


def test_each_language_in_its_own_name_after_the_desktop(qtbot: QtBot) -> None:
    choice = LanguageChoice(None, ["en", "es", "pt_BR", "fr", "de"])
    qtbot.addWidget(choice)

    assert items(choice) == [
        FOLLOW_DESKTOP,
        "Deutsch",
        "English",
        "Español",
        "Français",
        "Português (Brasil)",
    ]
    assert choice.chosen() is None


def test_a_new_choice_says_when_it_applies(qtbot: QtBot) -> None:
    choice = LanguageChoice(None, ["en", "es"])
    qtbot.addWidget(choice)
    choice.show()
    assert not choice.note.isVisible()

    choice.combo.setCurrentIndex(choice.combo.findText("Español"))

    assert choice.chosen() == "es"
    assert choice.note.isVisible()
    choice.combo.setCurrentIndex(0)  # back to the desktop's: nothing changes, nothing said
    assert choice.chosen() is None and not choice.note.isVisible()


def test_the_settings_window_keeps_and_saves_the_choice(qtbot: QtBot) -> None:
    window = SettingsWindow(Settings(language="pt_BR"), [])
    qtbot.addWidget(window)

    # No catalog for it here (a checkout before `make`): shown all the same, and kept.
    assert window.language.combo.currentText() == "Português (Brasil)"
    assert window.chosen().language == "pt_BR"
    window.language.combo.setCurrentIndex(0)
    assert window.chosen().language is None


def test_its_lock_shows_on_the_language(qtbot: QtBot) -> None:
    window = SettingsWindow(Settings(language="fr"), [], frozenset({"language"}))
    qtbot.addWidget(window)

    assert not window.language.combo.isEnabled()
    assert window.language.combo.toolTip() == LOCKED_TOOLTIP


def test_only_compiled_catalogs_are_offered(tmp_path: Path) -> None:
    for tag, compiled in (("es", True), ("de", False), ("pt_BR", True)):
        folder = tmp_path / tag / "LC_MESSAGES"
        folder.mkdir(parents=True)
        (folder / "companion.po").write_text("")
        if compiled:
            (folder / "companion.mo").write_bytes(b"")
    assert available_languages(tmp_path) == ["en", "es", "pt_BR"]
