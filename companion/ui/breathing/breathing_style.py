"""The calm look of the breathing window: one stylesheet, deep blue to teal, light text."""

from __future__ import annotations

#: The mood buttons paint their face and word themselves (no labels, see mood_picker.py).
TEXT_COLOR = "#e8f5f3"
MOOD_FACE_PX = 32
MOOD_WORD_PX = 13
MOOD_WORD_COLOR = "#d3ebe8"

# Contrast: body text #e8f5f3 on #0d2538..#0f3b42 is above 12:1; soft text #b8d6d3 above 8:1;
# the dark text on the light primary button is above 9:1.
BREATHING_STYLESHEET = """
QWidget#breathingFrame {
    background: qlineargradient(x1:0, y1:0, x2:0, y2:1, stop:0 #0d2538, stop:1 #0f3b42);
    border: 1px solid rgba(255, 255, 255, 30);
    border-radius: 18px;
}
QWidget#breathingFrame QLabel {
    color: #e8f5f3;
    font-size: 15px;
    background: transparent;
}
QWidget#breathingFrame QLabel#windowTitle { color: #b8d6d3; font-size: 13px; font-weight: 600; }
QWidget#breathingFrame QLabel#heading,
QWidget#breathingFrame QLabel#moodQuestion { font-size: 20px; font-weight: 600; }
QWidget#breathingFrame QLabel#kindLine { font-size: 20px; font-weight: 600; }
QWidget#breathingFrame QLabel#soft { color: #b8d6d3; }
QWidget#breathingFrame QLabel#timeLeft { color: #b8d6d3; font-size: 16px; }
QWidget#breathingFrame QLabel#small { color: #b8d6d3; font-size: 13px; }
QWidget#breathingFrame QLabel#source { color: #a4c9c6; font-size: 13px; font-style: italic; }
QWidget#breathingFrame QLabel#detailsError { color: #ffd9a8; font-size: 13px; }
QWidget#breathingFrame QPushButton {
    background: rgba(255, 255, 255, 20);
    color: #eef8f6;
    border: 1px solid rgba(255, 255, 255, 55);
    border-radius: 12px;
    padding: 8px 14px;
    font-size: 15px;
}
QWidget#breathingFrame QPushButton:hover { background: rgba(255, 255, 255, 38); }
QWidget#breathingFrame QPushButton:pressed { background: rgba(255, 255, 255, 12); }
QWidget#breathingFrame QPushButton:focus { border: 2px solid #9fe3d6; }
QWidget#breathingFrame QPushButton#primaryButton {
    background: #9fdcd2;
    color: #0b2a33;
    border: 2px solid #9fdcd2;
    font-weight: 600;
}
QWidget#breathingFrame QPushButton#primaryButton:hover { background: #b7e8e0; }
QWidget#breathingFrame QPushButton#primaryButton:focus { border: 2px solid #ffffff; }
QWidget#breathingFrame QPushButton#moodButton { padding: 0; border-radius: 14px; }
QWidget#breathingFrame QPushButton#quietButton,
QWidget#breathingFrame QPushButton#linkButton {
    background: transparent;
    border: 2px solid transparent;
    color: #b8d6d3;
    padding: 4px 10px;
    font-size: 14px;
    text-decoration: underline;
}
QWidget#breathingFrame QPushButton#quietButton:hover,
QWidget#breathingFrame QPushButton#linkButton:hover { color: #ffffff; }
QWidget#breathingFrame QPushButton#quietButton:focus,
QWidget#breathingFrame QPushButton#linkButton:focus { border: 2px solid #9fe3d6; }
QWidget#breathingFrame QPushButton#closeButton {
    background: transparent;
    border: 2px solid transparent;
    border-radius: 14px;
    color: #b8d6d3;
    font-size: 18px;
    padding: 0;
    min-width: 28px;
    min-height: 28px;
}
QWidget#breathingFrame QPushButton#closeButton:hover { background: rgba(255, 255, 255, 30); }
QWidget#breathingFrame QPushButton#closeButton:focus { border: 2px solid #9fe3d6; }
QWidget#breathingFrame QPushButton#intensityButton { padding: 6px 0; min-width: 34px; }
QWidget#breathingFrame QPushButton#intensityButton:checked {
    background: #9fdcd2;
    color: #0b2a33;
}
QWidget#breathingFrame QComboBox, QWidget#breathingFrame QLineEdit {
    background: rgba(255, 255, 255, 22);
    color: #eef8f6;
    border: 1px solid rgba(255, 255, 255, 70);
    border-radius: 8px;
    padding: 5px 8px;
    font-size: 14px;
    selection-background-color: #1f7a74;
}
QWidget#breathingFrame QComboBox:focus, QWidget#breathingFrame QLineEdit:focus {
    border: 2px solid #9fe3d6;
}
QWidget#breathingFrame QComboBox QAbstractItemView {
    background: #12344d;
    color: #eef8f6;
    selection-background-color: #1f7a74;
}
QWidget#breathingFrame QFrame#undoBanner {
    background: rgba(255, 255, 255, 24);
    border-radius: 10px;
}
QWidget#breathingFrame QFrame#undoBanner QLabel { font-size: 14px; }
QWidget#breathingFrame QScrollArea#whyArea,
QWidget#breathingFrame QWidget#whyBody { background: transparent; border: none; }
QWidget#breathingFrame QScrollBar:vertical {
    background: transparent;
    width: 8px;
}
QWidget#breathingFrame QScrollBar::handle:vertical {
    background: rgba(255, 255, 255, 70);
    border-radius: 4px;
    min-height: 24px;
}
QWidget#breathingFrame QScrollBar::add-line, QWidget#breathingFrame QScrollBar::sub-line {
    height: 0;
}
"""
