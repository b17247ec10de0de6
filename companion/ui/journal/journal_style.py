"""The shared look of the journal window and the entry editor: calm and warm, in each look."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from companion.ui.look.theme import Look


def journal_stylesheet(look: Look) -> str:
    """The sheet for ``look``: sizes in points, colours from its Paper (ratios tested)."""
    c = look.paper
    return f"""
QWidget#journalWindow, QWidget#entryEditor {{ background: {c.paper}; }}
QWidget#journalWindow QLabel, QWidget#entryEditor QLabel {{
    color: {c.ink}; font-size: {look.pt(14)};
}}
QLabel#soft, QLabel#footer, QLabel#callLine, QLabel#restoredNote, QLabel#exportNote {{
    color: {c.soft}; font-size: {look.pt(13)};
}}
QLabel#callLine {{ font-size: {look.pt(14)}; font-weight: 600; color: {c.ink}; }}
QLabel#promptLabel {{ color: {c.prompt}; font-size: {look.pt(15)}; font-style: italic; }}
QLabel#previewWhen {{ font-size: {look.pt(16)}; font-weight: 600; }}
QLabel#previewCall {{ color: {c.ink}; font-size: {look.pt(14)}; }}
QLabel#previewMeta {{ color: {c.soft}; font-size: {look.pt(14)}; }}
QSplitter::handle {{ background: transparent; width: 10px; }}
QLabel#previewPrompt {{ color: {c.prompt}; font-size: {look.pt(14)}; font-style: italic; }}
QLabel#emptyState {{ color: {c.soft}; font-size: {look.pt(15)}; }}
QLabel#errorLabel {{
    color: {c.error_ink}; background: {c.error_back}; border: 1px solid {c.error_line};
    border-radius: 8px; padding: 8px 10px; font-size: {look.pt(14)};
}}
QFrame#errorBox {{
    background: {c.error_back}; border: 1px solid {c.error_line}; border-radius: 10px;
}}
QFrame#errorBox QLabel {{
    color: {c.error_ink}; background: transparent; font-size: {look.pt(14)};
}}
QFrame#draftsBanner, QFrame#callbacksBanner, QFrame#promptBox {{
    background: {c.warm}; border: 1px solid {c.warm_line}; border-radius: 10px;
}}
QFrame#draftsBanner QLabel, QFrame#callbacksBanner QLabel, QFrame#promptBox QLabel {{
    background: transparent;
}}
QLineEdit, QPlainTextEdit {{
    background: {c.card}; color: {c.ink}; border: 1px solid {c.line}; border-radius: 8px;
    padding: 6px 8px; font-size: {look.pt(14)}; selection-background-color: {c.selection};
    selection-color: {c.ink}; placeholder-text-color: {c.placeholder};
}}
QPlainTextEdit#entryBody {{ font-size: {look.pt(15)}; padding: 10px 12px; }}
QPlainTextEdit#previewBody {{
    font-size: {look.pt(15)}; padding: 8px 10px; border-color: {c.row_line};
}}
QLineEdit:focus, QPlainTextEdit:focus {{ border: 2px solid {c.accent}; }}
QListView#journalList {{
    background: {c.card}; border: 1px solid {c.line}; border-radius: 8px; outline: none;
    padding: 3px;
}}
QListView#journalList:focus {{ border: 2px solid {c.accent}; }}
QPushButton {{
    background: {c.card}; color: {c.ink}; border: 1px solid {c.button_line}; border-radius: 8px;
    padding: 7px 14px; font-size: {look.pt(14)};
}}
QPushButton:hover {{ background: {c.hover}; }}
QPushButton:focus {{ border: 2px solid {c.accent}; }}
QPushButton:disabled {{ color: {c.disabled}; border-color: {c.disabled_line}; }}
QPushButton#primaryButton {{
    background: {c.accent}; color: {c.on_accent}; border: 1px solid {c.accent};
}}
QPushButton#primaryButton:hover {{ background: {c.accent_hover}; }}
QPushButton#primaryButton:focus {{ border: 2px solid {c.focus_on_accent}; }}
QPushButton#primaryButton:disabled {{
    background: {c.disabled_accent}; border-color: {c.disabled_accent}; color: {c.on_accent};
}}
QPushButton#linkButton {{
    background: transparent; border: 2px solid transparent; color: {c.accent};
    padding: 2px 6px; font-size: {look.pt(13)}; text-decoration: underline;
}}
QPushButton#linkButton:hover {{ color: {c.accent_hover}; }}
QPushButton#linkButton:focus {{ border: 2px solid {c.accent}; }}
QPushButton#moodButton {{
    font-size: {look.pt(20)}; padding: 2px; min-width: 40px; min-height: 36px;
}}
QPushButton#moodButton:checked {{ background: {c.selected}; border: 2px solid {c.accent}; }}
"""


def make_button(text: str, accessible_name: str = "", object_name: str = "") -> QPushButton:
    """A button Tab reaches on every platform and that Enter activates."""
    button = QPushButton(text)
    button.setAccessibleName(accessible_name or text.rstrip("…"))
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    button.setAutoDefault(True)
    if object_name:
        button.setObjectName(object_name)
    return button


def make_label(text: str = "", object_name: str = "", *, wrap: bool = True) -> QLabel:
    """A label that shows its text as typed: entries are never read as rich text."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    if object_name:
        label.setObjectName(object_name)
    return label
