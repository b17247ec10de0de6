"""The calm look of the breathing window: one stylesheet, deep blue to teal, light text."""

from __future__ import annotations

from companion.ui.look.theme import Look

#: The mood buttons paint their face and word themselves (no labels, see mood_picker.py).
MOOD_FACE_PX = 32
MOOD_WORD_PX = 13


def breathing_stylesheet(look: Look) -> str:
    """The sheet for ``look``: sizes in points; colours from its Breath (ratios tested)."""
    b = look.breath
    return f"""
QWidget#breathingFrame {{
    background: qlineargradient(x1:0, y1:0, x2:0, y2:1, stop:0 {b.top}, stop:1 {b.bottom});
    border: 1px solid {b.border};
    border-radius: 18px;
}}
QWidget#breathingFrame QLabel {{
    color: {b.text};
    font-size: {look.pt(15)};
    background: transparent;
}}
QWidget#breathingFrame QLabel#windowTitle {{
    color: {b.soft}; font-size: {look.pt(13)}; font-weight: 600;
}}
QWidget#breathingFrame QLabel#heading,
QWidget#breathingFrame QLabel#moodQuestion {{ font-size: {look.pt(20)}; font-weight: 600; }}
QWidget#breathingFrame QLabel#kindLine {{ font-size: {look.pt(20)}; font-weight: 600; }}
QWidget#breathingFrame QLabel#soft {{ color: {b.soft}; }}
QWidget#breathingFrame QLabel#timeLeft {{ color: {b.soft}; font-size: {look.pt(16)}; }}
QWidget#breathingFrame QLabel#small {{ color: {b.soft}; font-size: {look.pt(13)}; }}
QWidget#breathingFrame QLabel#source {{
    color: {b.source}; font-size: {look.pt(13)}; font-style: italic;
}}
QWidget#breathingFrame QLabel#detailsError {{ color: {b.error}; font-size: {look.pt(13)}; }}
QWidget#breathingFrame QPushButton {{
    background: {b.button};
    color: {b.button_text};
    border: 1px solid {b.button_line};
    border-radius: 12px;
    padding: 8px 14px;
    font-size: {look.pt(15)};
}}
QWidget#breathingFrame QPushButton:hover {{ background: {b.button_hover}; }}
QWidget#breathingFrame QPushButton:pressed {{ background: {b.button_pressed}; }}
QWidget#breathingFrame QPushButton:focus {{ border: 2px solid {b.focus}; }}
QWidget#breathingFrame QPushButton#primaryButton {{
    background: {b.primary};
    color: {b.on_primary};
    border: 2px solid {b.primary};
    font-weight: 600;
}}
QWidget#breathingFrame QPushButton#primaryButton:hover {{ background: {b.primary_hover}; }}
QWidget#breathingFrame QPushButton#primaryButton:focus {{ border: 2px solid {b.focus_on_primary}; }}
QWidget#breathingFrame QPushButton#moodButton {{ padding: 0; border-radius: 14px; }}
QWidget#breathingFrame QPushButton#quietButton,
QWidget#breathingFrame QPushButton#linkButton {{
    background: transparent;
    border: 2px solid transparent;
    color: {b.soft};
    padding: 4px 10px;
    font-size: {look.pt(14)};
    text-decoration: underline;
}}
QWidget#breathingFrame QPushButton#quietButton:hover,
QWidget#breathingFrame QPushButton#linkButton:hover {{ color: {b.link_hover}; }}
QWidget#breathingFrame QPushButton#quietButton:focus,
QWidget#breathingFrame QPushButton#linkButton:focus {{ border: 2px solid {b.focus}; }}
QWidget#breathingFrame QPushButton#closeButton {{
    background: transparent;
    border: 2px solid transparent;
    border-radius: 14px;
    color: {b.soft};
    font-size: {look.pt(18)};
    padding: 0;
    min-width: 28px;
    min-height: 28px;
}}
QWidget#breathingFrame QPushButton#closeButton:hover {{
    background: {b.button_hover};
    color: {b.text};
}}
QWidget#breathingFrame QPushButton#closeButton:focus {{ border: 2px solid {b.focus}; }}
QWidget#breathingFrame QPushButton#intensityButton {{ padding: 6px 0; min-width: 34px; }}
QWidget#breathingFrame QPushButton#intensityButton:checked {{
    background: {b.primary};
    color: {b.on_primary};
}}
QWidget#breathingFrame QComboBox, QWidget#breathingFrame QLineEdit {{
    background: {b.field};
    color: {b.button_text};
    border: 1px solid {b.field_line};
    border-radius: 8px;
    padding: 5px 8px;
    font-size: {look.pt(14)};
    selection-background-color: {b.selection};
    selection-color: {b.text};
    placeholder-text-color: {b.placeholder};
}}
QWidget#breathingFrame QComboBox:focus, QWidget#breathingFrame QLineEdit:focus {{
    border: 2px solid {b.focus};
}}
QWidget#breathingFrame QComboBox QAbstractItemView {{
    background: {b.menu};
    color: {b.button_text};
    selection-background-color: {b.selection};
    selection-color: {b.text};
}}
QWidget#breathingFrame QFrame#undoBanner {{
    background: {b.banner};
    border-radius: 10px;
}}
QWidget#breathingFrame QFrame#undoBanner QLabel {{ font-size: {look.pt(14)}; }}
QWidget#breathingFrame QScrollArea#whyArea,
QWidget#breathingFrame QWidget#whyBody {{ background: transparent; border: none; }}
QWidget#breathingFrame QScrollBar:vertical {{
    background: transparent;
    width: 8px;
}}
QWidget#breathingFrame QScrollBar::handle:vertical {{
    background: {b.ring};
    border-radius: 4px;
    min-height: 24px;
}}
QWidget#breathingFrame QScrollBar::add-line, QWidget#breathingFrame QScrollBar::sub-line {{
    height: 0;
}}
"""
