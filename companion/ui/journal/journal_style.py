"""The shared look of the journal window and the entry editor: calm, warm, light."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

# Contrast on the warm paper #faf8f4: ink #263836 is above 12:1, soft #56686a above 5.5:1,
# the teal #1d6f69 above 5.5:1; white on the teal button above 5.5:1.
INK = "#263836"
SOFT = "#56686a"
TEAL = "#1d6f69"
PAPER = "#faf8f4"
CARD = "#ffffff"
SELECTED = "#e3f1ee"
LINE = "#dcd6cb"

JOURNAL_STYLESHEET = f"""
QWidget#journalWindow, QWidget#entryEditor {{ background: {PAPER}; }}
QWidget#journalWindow QLabel, QWidget#entryEditor QLabel {{ color: {INK}; font-size: 14px; }}
QLabel#soft, QLabel#footer, QLabel#callLine, QLabel#restoredNote, QLabel#exportNote {{
    color: {SOFT}; font-size: 13px;
}}
QLabel#callLine {{ font-size: 14px; font-weight: 600; color: {INK}; }}
QLabel#promptLabel {{ color: #3d5553; font-size: 15px; font-style: italic; }}
QLabel#previewWhen {{ font-size: 16px; font-weight: 600; }}
QLabel#previewCall {{ color: {INK}; font-size: 14px; }}
QLabel#previewMeta {{ color: {SOFT}; font-size: 14px; }}
QSplitter::handle {{ background: transparent; width: 10px; }}
QLabel#previewPrompt {{ color: #3d5553; font-size: 14px; font-style: italic; }}
QLabel#emptyState {{ color: {SOFT}; font-size: 15px; }}
QLabel#errorLabel {{
    color: #7a3410; background: #fdf0e4; border: 1px solid #f0cfae;
    border-radius: 8px; padding: 8px 10px; font-size: 14px;
}}
QFrame#errorBox {{
    background: #fdf0e4; border: 1px solid #f0cfae; border-radius: 10px;
}}
QFrame#errorBox QLabel {{ color: #7a3410; background: transparent; font-size: 14px; }}
QFrame#draftsBanner, QFrame#callbacksBanner, QFrame#promptBox {{
    background: #fff6e2; border: 1px solid #ecdcb4; border-radius: 10px;
}}
QFrame#draftsBanner QLabel, QFrame#callbacksBanner QLabel, QFrame#promptBox QLabel {{
    background: transparent;
}}
QLineEdit, QPlainTextEdit {{
    background: {CARD}; color: {INK}; border: 1px solid {LINE}; border-radius: 8px;
    padding: 6px 8px; font-size: 14px; selection-background-color: #b9ded8;
    selection-color: {INK};
}}
QPlainTextEdit#entryBody {{ font-size: 15px; padding: 10px 12px; }}
QPlainTextEdit#previewBody {{ font-size: 15px; padding: 8px 10px; border-color: #e8e3da; }}
QLineEdit:focus, QPlainTextEdit:focus {{ border: 2px solid {TEAL}; }}
QListView#journalList {{
    background: {CARD}; border: 1px solid {LINE}; border-radius: 8px; outline: none;
    padding: 3px;
}}
QListView#journalList:focus {{ border: 2px solid {TEAL}; }}
QPushButton {{
    background: {CARD}; color: {INK}; border: 1px solid #c9c2b5; border-radius: 8px;
    padding: 7px 14px; font-size: 14px;
}}
QPushButton:hover {{ background: #f1eee8; }}
QPushButton:focus {{ border: 2px solid {TEAL}; }}
QPushButton:disabled {{ color: #9aa6a5; border-color: #e2ddd4; }}
QPushButton#primaryButton {{ background: {TEAL}; color: white; border: 1px solid {TEAL}; }}
QPushButton#primaryButton:hover {{ background: #175d58; }}
QPushButton#primaryButton:focus {{ border: 2px solid #0b3431; }}
QPushButton#primaryButton:disabled {{ background: #a9c9c5; border-color: #a9c9c5; color: white; }}
QPushButton#linkButton {{
    background: transparent; border: 2px solid transparent; color: {TEAL};
    padding: 2px 6px; font-size: 13px; text-decoration: underline;
}}
QPushButton#linkButton:hover {{ color: #0f4a46; }}
QPushButton#linkButton:focus {{ border: 2px solid {TEAL}; }}
QPushButton#moodButton {{ font-size: 20px; padding: 2px; min-width: 40px; min-height: 36px; }}
QPushButton#moodButton:checked {{ background: {SELECTED}; border: 2px solid {TEAL}; }}
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
