"""Which look applies now, and keeping every open window in it when the desktop changes.

The desktop decides (Qt's colour scheme and contrast preference) unless Settings picks a look.
Companion sets its own palette for all three looks, so every ratio is known and tested rather
than whatever a theme happens to give. Text sizes are points, so they follow the desktop's
dots per inch, and grow with the desktop's font when that is larger than the design's.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette, QStyleHints
from PySide6.QtWidgets import QApplication, QWidget

from companion.core.settings import Appearance, Settings

if TYPE_CHECKING:  # QtDBus is loaded on Linux only, with the portal reader
    from companion.system.desktop_look import PortalLook
from companion.ui.look.palettes import BREATHS, PAPERS, Breath, Paper

#: Qt's Fusion style draws the edge of a field, a spin box, a combo box, a check box and a
#: radio button in the control's own Window colour made darker (QFusionStylePrivate::outline:
#: ``window().color().darker(140)``): a shade off the window, nothing on black. These classes
#: get a palette whose Window makes that edge the look's ``edge`` colour (or, where darker()
#: can't reach it, as near as it gets: white's darker is #b6b6b6, 10:1 on black), so the
#: style still draws its own arrows and check marks (a style sheet border would replace them).
EDGED_CLASSES = ("QLineEdit", "QAbstractSpinBox", "QComboBox", "QCheckBox", "QRadioButton")
FUSION_DARKER = 140
#: Frames without arrows: in high contrast, text areas and lists get a white edge too.
HIGH_CONTRAST_FRAMES = f"""
QPlainTextEdit, QTextEdit, QListView, QListWidget {{
    border: 1px solid {PAPERS[Appearance.HIGH_CONTRAST].line};
}}
"""
#: The body text the design was drawn at: 14 px at 96 dots per inch.
REFERENCE_POINTS = 10.5


@dataclass(frozen=True)
class Look:
    appearance: Appearance
    paper: Paper
    breath: Breath
    scale: float = 1.0

    def points(self, design_px: float) -> float:
        """A size drawn as ``design_px`` at 96 dpi, in points, grown with the desktop's font."""
        return round(design_px * 0.75 * self.scale, 1)

    def pt(self, design_px: float) -> str:
        return f"{self.points(design_px)}pt"


def desktop_appearance(hints: QStyleHints, portal: PortalLook | None = None) -> Appearance:
    """High contrast when Qt or the desktop portal asks for it, else the colour scheme: the
    portal's where it answered (Qt's gtk3 theme said light on a dark GNOME), else Qt's."""
    contrast = hints.accessibility().contrastPreference() == Qt.ContrastPreference.HighContrast
    if contrast or (portal is not None and portal.high_contrast):
        return Appearance.HIGH_CONTRAST
    dark = hints.colorScheme() == Qt.ColorScheme.Dark
    if portal is not None and portal.dark is not None:
        dark = portal.dark
    return Appearance.DARK if dark else Appearance.LIGHT


def palette_colours(paper: Paper) -> dict[QPalette.ColorRole, str]:
    """What each role of the application palette is, for ``paper``."""
    role = QPalette.ColorRole
    return {
        role.Window: paper.window,
        role.WindowText: paper.ink,
        role.Base: paper.card,
        role.AlternateBase: paper.hover,
        role.Text: paper.ink,
        role.PlaceholderText: paper.placeholder,
        role.Button: paper.card,
        role.ButtonText: paper.ink,
        role.BrightText: paper.ink,
        role.Highlight: paper.accent,
        role.HighlightedText: paper.on_accent,
        role.ToolTipBase: paper.card,
        role.ToolTipText: paper.ink,
        role.Link: paper.accent,
        role.LinkVisited: paper.accent,
        role.Light: paper.card,
        role.Midlight: paper.hover,
        role.Mid: paper.line,
        role.Dark: paper.button_line,
        role.Shadow: paper.button_line,
    }


def edged_palette(paper: Paper) -> QPalette:
    """The palette of EDGED_CLASSES: the application's, with a Window that Fusion's edge rule
    turns into ``paper.edge``."""
    palette = qt_palette(paper)
    palette.setColor(QPalette.ColorRole.Window, QColor(paper.edge).lighter(FUSION_DARKER))
    return palette


def drawn_edge(palette: QPalette) -> QColor:
    """The edge Fusion draws for a control with ``palette`` (for the contrast test)."""
    return palette.window().color().darker(FUSION_DARKER)


def qt_palette(paper: Paper) -> QPalette:
    """The application palette for ``paper``: what plain widgets (Settings, menus) draw with."""
    palette = QPalette()
    for role, colour in palette_colours(paper).items():
        palette.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(paper.disabled))
    return palette


class LookKeeper(QObject):
    """One per application, a child of it: applies the look and follows the desktop's changes."""

    def __init__(self, app: QGuiApplication) -> None:
        super().__init__(app)
        self.setObjectName("lookKeeper")
        self._app = app
        #: None: follow the desktop.
        self._choice: Appearance | None = None
        hints = app.styleHints()
        hints.colorSchemeChanged.connect(self.apply)
        hints.accessibility().contrastPreferenceChanged.connect(self.apply)
        self._portal: PortalLook | None = None
        if sys.platform.startswith("linux"):
            from companion.system.desktop_look import DesktopPortalLook

            DesktopPortalLook(self).changed.connect(self._on_portal_changed)
        self._applied: Appearance | None = None
        self.apply()

    def _on_portal_changed(self, portal: PortalLook) -> None:
        self._portal = portal
        self.apply()

    def look(self) -> Look:
        appearance = self._choice or desktop_appearance(self._app.styleHints(), self._portal)
        scale = max(1.0, self._app.font().pointSizeF() / REFERENCE_POINTS)
        return Look(appearance, PAPERS[appearance], BREATHS[appearance], scale)

    def choose(self, choice: Appearance | None) -> None:
        """Settings' choice; None follows the desktop."""
        self._choice = choice
        self.apply()

    def apply(self) -> None:
        appearance = self.look().appearance
        if appearance is not self._applied:
            self._applied = appearance
            # Every widget gets ApplicationPaletteChange; styled windows restyle on it.
            QGuiApplication.setPalette(qt_palette(PAPERS[appearance]))
            for name in EDGED_CLASSES:
                # PySide6 6.11 takes the class name as str only; its stub says bytes.
                QApplication.setPalette(edged_palette(PAPERS[appearance]), name)  # type: ignore[arg-type]
            if isinstance(self._app, QApplication):
                high = appearance is Appearance.HIGH_CONTRAST
                self._app.setStyleSheet(HIGH_CONTRAST_FRAMES if high else "")


def keeper() -> LookKeeper:
    """The application's keeper, made on first use (app_settings, when settings load)."""
    app = QCoreApplication.instance()
    assert isinstance(app, QGuiApplication), "a look needs a GUI application"
    found = app.findChild(LookKeeper, "lookKeeper", Qt.FindChildOption.FindDirectChildrenOnly)
    return found if found is not None else LookKeeper(app)


def look_follows(settings: Settings) -> None:
    """Settings' choice of colours, where a GUI runs (command-line work has no look)."""
    if isinstance(QCoreApplication.instance(), QGuiApplication):
        keeper().choose(settings.appearance)


def current_look() -> Look:
    return keeper().look()


Sheet = Callable[[Look], str]


class _Restyler(QObject):
    """Sets ``sheet`` on its widget again whenever the application's palette or font changes."""

    def __init__(self, widget: QWidget, sheet: Sheet) -> None:
        super().__init__(widget)
        self._sheet = sheet
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A new look, or the desktop's font changed size while the window is open.
        changed = (QEvent.Type.ApplicationPaletteChange, QEvent.Type.ApplicationFontChange)
        if event.type() in changed and isinstance(watched, QWidget):
            watched.setStyleSheet(self._sheet(current_look()))
        return False


def style(widget: QWidget, sheet: Sheet) -> Look:
    """Give ``widget`` the sheet for the current look, and again each time the look changes."""
    look = current_look()
    widget.setStyleSheet(sheet(look))
    _Restyler(widget, sheet)
    return look


def size_for_text(
    widget: QWidget, width: int, height: int, *, min_width: int = 0, min_height: int = 0
) -> None:
    """Size ``widget`` as designed (in pixels at the design's text size), grown with the text.

    At twice the text size the window is twice as large, but never larger than the screen: past
    that, the layout's own minimum decides, as Qt lays it out.
    """
    _grow(widget, width, height, min_width, min_height, first=True)
    _Regrower(widget, (width, height, min_width, min_height))


def _grow(
    widget: QWidget, width: int, height: int, min_width: int, min_height: int, *, first: bool
) -> None:
    scale = current_look().scale
    screen = widget.screen().availableGeometry()

    def grown(value: int, limit: int) -> int:
        return min(round(value * scale), limit)

    if min_width or min_height:
        widget.setMinimumSize(grown(min_width, screen.width()), grown(min_height, screen.height()))
    if width and height:
        wanted_width, wanted_height = grown(width, screen.width()), grown(height, screen.height())
        if not first:  # never smaller than the agent made it
            wanted_width = max(wanted_width, widget.width())
            wanted_height = max(wanted_height, widget.height())
        widget.resize(wanted_width, wanted_height)


class _Regrower(QObject):
    """Sizes its window again when the desktop's font changes while it is open: larger text
    in a window of the old size would be cut off or crammed."""

    def __init__(self, widget: QWidget, design: tuple[int, int, int, int]) -> None:
        super().__init__(widget)
        self._design = design
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ApplicationFontChange and isinstance(watched, QWidget):
            _grow(watched, *self._design, first=False)
            _fit_height(watched)
        elif event.type() == QEvent.Type.Show and isinstance(watched, QWidget):
            _fit_height(watched)
        return False


def _fit_height(widget: QWidget) -> None:
    """As tall as its wrapped paragraphs need at the width it has: Qt sizes a window from its
    labels' preferred widths, and a narrower minimum or a longer language then cuts lines off."""
    layout = widget.layout()
    if layout is None or not layout.hasHeightForWidth():
        return
    need = min(
        layout.totalHeightForWidth(widget.width()), widget.screen().availableGeometry().height()
    )
    if need > widget.height():
        widget.resize(widget.width(), need)
