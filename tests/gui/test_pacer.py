"""The pacer draws what it is told: a shape that grows with the breath, or words and a bar."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from companion.core.breathing import CYCLIC_SIGHING, PhaseState, phase_at
from companion.ui.breathing.pacer import PacerWidget

INHALE = CYCLIC_SIGHING.steps[0]


def state(volume: float, progress: float = 0.5, seconds_left: float = 1.2) -> PhaseState:
    return PhaseState(
        step_index=0,
        step=INHALE,
        cycle=0,
        progress=progress,
        seconds_left=seconds_left,
        volume=volume,
    )


def light_pixels(image: QImage) -> int:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    count = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            if image.pixelColor(x, y).lightness() > 180:
                count += 1
    return count


@pytest.fixture
def pacer(qtbot: QtBot) -> PacerWidget:
    widget = PacerWidget()
    qtbot.addWidget(widget)
    widget.resize(360, 380)
    return widget


def test_shape_is_bigger_when_the_lungs_are_full(pacer: PacerWidget) -> None:
    pacer.set_state(state(volume=0.0))
    empty = light_pixels(pacer.grab().toImage())
    pacer.set_state(state(volume=1.0))
    full = light_pixels(pacer.grab().toImage())
    assert full > empty * 2


def test_shape_follows_a_real_inhale(pacer: PacerWidget) -> None:
    sizes = []
    for elapsed in (0.0, 1.0, 2.0):
        pacer.set_state(phase_at(CYCLIC_SIGHING, elapsed))
        sizes.append(light_pixels(pacer.grab().toImage()))
    assert sizes[0] < sizes[1] < sizes[2]


def test_every_paint_is_counted(pacer: PacerWidget) -> None:
    before = pacer.frames_painted
    pacer.grab()
    pacer.grab()
    assert pacer.frames_painted == before + 2


def test_the_phase_word_is_told_to_assistive_technology(pacer: PacerWidget) -> None:
    pacer.set_state(phase_at(CYCLIC_SIGHING, 4.0))
    assert pacer.accessibleDescription() == "Breathe out"


def test_paints_before_any_state_is_given(pacer: PacerWidget) -> None:
    assert pacer.state is None
    assert not pacer.grab().isNull()


def test_reduced_motion_does_not_scale_anything(pacer: PacerWidget) -> None:
    pacer.set_reduced_motion(True)
    assert pacer.reduced_motion
    pacer.set_state(state(volume=0.0))
    empty = pacer.grab().toImage()
    pacer.set_state(state(volume=1.0))
    full = pacer.grab().toImage()
    assert empty == full


def test_reduced_motion_bar_fills_across_the_step(pacer: PacerWidget) -> None:
    pacer.set_reduced_motion(True)
    pacer.set_state(state(volume=0.5, progress=0.1))
    early = light_pixels(pacer.grab().toImage())
    pacer.set_state(state(volume=0.5, progress=0.9))
    late = light_pixels(pacer.grab().toImage())
    assert late > early


def test_the_corners_show_what_is_behind_the_pacer(qtbot: QtBot) -> None:
    behind = QWidget()
    behind.setStyleSheet("background: #ff0000;")
    behind.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
    pacer = PacerWidget(behind)
    qtbot.addWidget(behind)
    behind.resize(300, 300)
    pacer.setGeometry(10, 10, 280, 280)
    corner = pacer.grab().toImage().pixelColor(0, 0)
    assert corner.name() == "#ff0000"


def test_a_hold_asks_for_no_repaint(pacer: PacerWidget, qtbot: QtBot) -> None:
    pacer.show()
    qtbot.waitExposed(pacer)
    pacer.set_state(state(volume=0.6, seconds_left=2.5))
    qtbot.waitUntil(lambda: pacer.state is not None and pacer.frames_painted > 0)
    QApplication.processEvents()
    before = pacer.frames_painted
    for _ in range(10):  # the same volume and the same whole second: nothing to draw
        pacer.set_state(state(volume=0.6, seconds_left=2.4))
        QApplication.processEvents()
    assert pacer.frames_painted == before


def test_a_visible_move_or_a_new_second_repaints(pacer: PacerWidget, qtbot: QtBot) -> None:
    pacer.show()
    qtbot.waitExposed(pacer)
    pacer.set_state(state(volume=0.2, seconds_left=2.5))
    QApplication.processEvents()
    before = pacer.frames_painted
    pacer.set_state(state(volume=0.3, seconds_left=2.5))  # many pixels bigger
    QApplication.processEvents()
    moved = pacer.frames_painted
    pacer.set_state(state(volume=0.3, seconds_left=1.5))  # the seconds shown change
    QApplication.processEvents()
    assert before < moved < pacer.frames_painted


def test_tiny_moves_add_up_to_a_repaint(pacer: PacerWidget, qtbot: QtBot) -> None:
    pacer.show()
    qtbot.waitExposed(pacer)
    pacer.set_state(state(volume=0.5))
    QApplication.processEvents()
    before = pacer.frames_painted
    volume = 0.5
    for _ in range(40):  # a thousandth of the range a frame: well under half a pixel each
        volume += 0.001
        pacer.set_state(state(volume=volume))
        QApplication.processEvents()
    painted = pacer.frames_painted - before
    assert 1 <= painted < 40
