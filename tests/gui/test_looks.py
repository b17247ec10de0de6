"""The looks as a person sees them: chosen in Settings or by the desktop, applied to open windows,
and text that grows with the desktop's font."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QWidget
from pytestqt.qtbot import QtBot

from companion.core.settings import Appearance, Settings
from companion.system.desktop_look import PortalLook
from companion.ui.journal.journal_window import JournalWindow
from companion.ui.look import theme
from companion.ui.look.palettes import PAPERS
from companion.ui.settings.settings_window import SettingsWindow
from tests.gui.journal_helpers import make_services


@pytest.fixture(autouse=True)
def desktop_look(qapp: QApplication) -> Iterator[None]:
    """Each test starts and ends following the desktop, at the usual text size."""
    font = qapp.font()
    theme.keeper().choose(None)
    yield
    qapp.setFont(font)
    theme.keeper().choose(None)


def open_journal(qtbot: QtBot) -> JournalWindow:
    services = make_services()
    window = JournalWindow(services.journal, services.drafts, services.calls, services.clock)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def page_colour(window: QWidget) -> str:
    """The colour of the page, read from the pixels near the window's bottom-left corner."""
    image = window.grab().toImage()
    return QColor(image.pixelColor(3, image.height() - 3)).name()


def test_the_journal_follows_the_choice_made_in_settings(qtbot: QtBot) -> None:
    window = open_journal(qtbot)
    assert page_colour(window) == PAPERS[Appearance.LIGHT].paper
    theme.look_follows(Settings(appearance=Appearance.DARK))
    qtbot.waitUntil(lambda: page_colour(window) == PAPERS[Appearance.DARK].paper)
    theme.look_follows(Settings(appearance=Appearance.HIGH_CONTRAST))
    qtbot.waitUntil(lambda: page_colour(window) == "#000000")


def test_an_open_window_follows_the_desktop_when_it_turns_dark(
    qtbot: QtBot, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_journal(qtbot)
    # The offscreen platform has no colour scheme to change: the desktop's answer is stood in
    # for, and its signal sent as Qt sends it.
    monkeypatch.setattr(theme, "desktop_appearance", lambda *_: Appearance.DARK)
    qapp.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    qtbot.waitUntil(lambda: page_colour(window) == PAPERS[Appearance.DARK].paper)
    monkeypatch.setattr(theme, "desktop_appearance", lambda *_: Appearance.HIGH_CONTRAST)
    qapp.styleHints().accessibility().contrastPreferenceChanged.emit(
        Qt.ContrastPreference.HighContrast
    )
    qtbot.waitUntil(lambda: page_colour(window) == "#000000")


def test_settings_choice_wins_over_the_desktop(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(theme, "desktop_appearance", lambda *_: Appearance.DARK)
    theme.look_follows(Settings(appearance=Appearance.LIGHT))
    assert theme.current_look().appearance is Appearance.LIGHT
    assert qapp.palette().color(qapp.palette().ColorRole.Window).name() == "#f4f7f6"
    theme.look_follows(Settings())
    assert theme.current_look().appearance is Appearance.DARK


class FakeHints:
    """What QStyleHints answers, as a desktop could set it."""

    def __init__(self, scheme: Qt.ColorScheme, contrast: Qt.ContrastPreference) -> None:
        self._scheme, self._contrast = scheme, contrast

    def colorScheme(self) -> Qt.ColorScheme:
        return self._scheme

    def accessibility(self) -> FakeHints:
        return self

    def contrastPreference(self) -> Qt.ContrastPreference:
        return self._contrast


@pytest.mark.parametrize(
    ("scheme", "contrast", "expected"),
    [
        (Qt.ColorScheme.Unknown, Qt.ContrastPreference.NoPreference, Appearance.LIGHT),
        (Qt.ColorScheme.Light, Qt.ContrastPreference.NoPreference, Appearance.LIGHT),
        (Qt.ColorScheme.Dark, Qt.ContrastPreference.NoPreference, Appearance.DARK),
        (Qt.ColorScheme.Light, Qt.ContrastPreference.HighContrast, Appearance.HIGH_CONTRAST),
        (Qt.ColorScheme.Dark, Qt.ContrastPreference.HighContrast, Appearance.HIGH_CONTRAST),
    ],
)
def test_the_desktop_decides_the_look(
    scheme: Qt.ColorScheme, contrast: Qt.ContrastPreference, expected: Appearance
) -> None:
    hints = FakeHints(scheme, contrast)
    assert theme.desktop_appearance(hints) is expected  # type: ignore[arg-type]
    assert theme.desktop_appearance(hints, PortalLook()) is expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("scheme", "portal", "expected"),
    [
        # Qt's gtk3 theme said Light while GNOME's portal said dark: the portal wins.
        (Qt.ColorScheme.Light, PortalLook(dark=True), Appearance.DARK),
        (Qt.ColorScheme.Dark, PortalLook(dark=False), Appearance.LIGHT),
        (Qt.ColorScheme.Dark, PortalLook(dark=None), Appearance.DARK),
        (
            Qt.ColorScheme.Light,
            PortalLook(dark=False, high_contrast=True),
            Appearance.HIGH_CONTRAST,
        ),
    ],
)
def test_the_portal_answers_where_qt_cannot(
    scheme: Qt.ColorScheme, portal: PortalLook, expected: Appearance
) -> None:
    hints = FakeHints(scheme, Qt.ContrastPreference.NoPreference)
    assert theme.desktop_appearance(hints, portal) is expected  # type: ignore[arg-type]


def footer_points(window: QWidget) -> float:
    footer = window.findChild(QLabel, "footer")
    assert footer is not None
    return footer.font().pointSizeF()


def double_the_desktops_text(qapp: QApplication) -> None:
    font = qapp.font()
    font.setPointSizeF(theme.REFERENCE_POINTS * 2)
    qapp.setFont(font)


def test_text_grows_with_the_desktops_font(qtbot: QtBot, qapp: QApplication) -> None:
    normal_points = footer_points(open_journal(qtbot))
    double_the_desktops_text(qapp)
    assert theme.current_look().scale == 2.0
    large = open_journal(qtbot)
    assert footer_points(large) == pytest.approx(normal_points * 2)
    assert large.width() >= 2 * 560 or large.width() == large.screen().availableGeometry().width()


def test_an_open_window_grows_its_text_when_the_desktops_font_grows(
    qtbot: QtBot, qapp: QApplication
) -> None:
    window = open_journal(qtbot)
    before = footer_points(window)
    double_the_desktops_text(qapp)
    qtbot.waitUntil(lambda: footer_points(window) == pytest.approx(before * 2))


def test_an_open_window_grows_with_its_text(qtbot: QtBot, qapp: QApplication) -> None:
    window = open_journal(qtbot)
    screen = window.screen().availableGeometry()
    small = (window.width(), window.height(), window.minimumWidth(), window.minimumHeight())
    double_the_desktops_text(qapp)
    qtbot.waitUntil(lambda: window.minimumWidth() == min(2 * small[2], screen.width()))
    assert window.width() == min(2 * small[0], screen.width())
    assert window.height() == min(2 * small[1], screen.height())


def test_a_size_the_agent_chose_is_kept_when_the_text_grows_a_little(
    qtbot: QtBot, qapp: QApplication
) -> None:
    window = open_journal(qtbot)
    chosen = (window.width() + 30, window.height() + 30)
    screen = window.screen().availableGeometry()
    assert chosen[0] <= screen.width() and chosen[1] <= screen.height()
    window.resize(*chosen)
    minimum = window.minimumWidth()
    font = qapp.font()
    font.setPointSizeF(theme.REFERENCE_POINTS * 1.02)  # designed size: 2% larger, < chosen
    qapp.setFont(font)
    qtbot.waitUntil(lambda: window.minimumWidth() == round(minimum * 1.02))
    assert (window.width(), window.height()) == chosen


def test_settings_offers_the_colours_and_saves_the_choice(qtbot: QtBot) -> None:
    window = SettingsWindow(Settings())
    qtbot.addWidget(window)
    colours = window.colours
    assert isinstance(colours, QComboBox)
    offered = [colours.itemText(i) for i in range(colours.count())]
    assert offered == ["Follow my desktop", "Light", "Dark", "High contrast"]
    colours.setCurrentIndex(offered.index("High contrast"))
    assert window.chosen().appearance is Appearance.HIGH_CONTRAST
