"""The mood check: one click or one key per answer, and skipping is always allowed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from companion.core.moods import Mood
from companion.ui.breathing.mood_picker import FaceButton, MoodPicker


@pytest.fixture
def picker(qtbot: QtBot) -> MoodPicker:
    widget = MoodPicker("How are you feeling right now?")
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def chosen_after(qtbot: QtBot, picker: MoodPicker, action: object) -> object:
    with qtbot.waitSignal(picker.chosen, timeout=1000) as blocker:
        assert callable(action)
        action()
    return blocker.args[0] if blocker.args else None


@pytest.mark.parametrize("mood", list(Mood))
def test_clicking_a_face_chooses_its_mood(qtbot: QtBot, picker: MoodPicker, mood: Mood) -> None:
    button = picker.button(mood)
    got = chosen_after(qtbot, picker, lambda: qtbot.mouseClick(button, Qt.MouseButton.LeftButton))
    assert got is mood


def test_faces_have_names_a_screen_reader_can_say(picker: MoodPicker) -> None:
    names = [picker.button(mood).accessibleName() for mood in Mood]
    assert names == [
        "Mood 1: Awful",
        "Mood 2: Low",
        "Mood 3: Okay",
        "Mood 4: Calm",
        "Mood 5: Good",
    ]


def test_skip_chooses_nothing(qtbot: QtBot, picker: MoodPicker) -> None:
    skip = picker.button(None)
    assert skip.text() == "Skip"
    got = chosen_after(qtbot, picker, lambda: qtbot.mouseClick(skip, Qt.MouseButton.LeftButton))
    assert got is None


@pytest.mark.parametrize(("key", "mood"), [(Qt.Key.Key_1, Mood.AWFUL), (Qt.Key.Key_5, Mood.GOOD)])
def test_digit_keys_choose(qtbot: QtBot, picker: MoodPicker, key: Qt.Key, mood: Mood) -> None:
    focused = picker.focusWidget() or picker
    got = chosen_after(qtbot, picker, lambda: qtbot.keyClick(focused, key))
    assert got is mood


def test_other_keys_choose_nothing(qtbot: QtBot, picker: MoodPicker) -> None:
    with qtbot.assertNotEmitted(picker.chosen):
        qtbot.keyClick(picker, Qt.Key.Key_6)
        qtbot.keyClick(picker, Qt.Key.Key_A)


def test_tab_walks_the_faces_then_skip(picker: MoodPicker, qtbot: QtBot) -> None:
    picker.button(Mood.AWFUL).setFocus()
    seen: list[QWidget | None] = []
    for _ in range(5):
        focused = picker.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        seen.append(picker.focusWidget())
    expected: list[QPushButton] = [picker.button(m) for m in list(Mood)[1:]]
    assert seen == [*expected, picker.button(None)]


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space])
def test_enter_and_space_activate_the_focused_face(
    qtbot: QtBot, picker: MoodPicker, key: Qt.Key
) -> None:
    button = picker.button(Mood.CALM)
    button.setFocus()
    got = chosen_after(qtbot, picker, lambda: qtbot.keyClick(button, key))
    assert got is Mood.CALM


@pytest.mark.parametrize("mood", list(Mood))
def test_each_face_shows_its_face_above_its_word(picker: MoodPicker, mood: Mood) -> None:
    button = picker.button(mood)
    assert isinstance(button, FaceButton)
    assert button.lines == (mood.face, mood.label)
    face, word = button.line_rects()
    assert face.bottom() < word.top()
    assert button.rect().contains(face) and button.rect().contains(word)
    image = button.grab().toImage()
    for rect in (face, word):
        middle = rect.center().y()
        colours = {image.pixel(x, middle) for x in range(rect.left(), rect.right())}
        assert len(colours) > 1, f"nothing drawn across the middle of {rect} ({mood.label})"
