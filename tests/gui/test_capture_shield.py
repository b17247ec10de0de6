"""Each private window asks to be left out of captures when it is shown, with its own id."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from companion.system.capture_exclusion import Capture
from companion.ui.privacy import capture_shield
from companion.ui.privacy.capture_shield import shield
from companion.ui.privacy.messages import CAPTURE


def test_a_shown_window_is_excluded_by_its_native_id_every_time_it_is_shown(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[int] = []

    def exclude(window_id: int) -> Capture:
        asked.append(window_id)
        return Capture.HIDDEN

    monkeypatch.setattr(capture_shield, "exclude_from_capture", exclude)
    window = QWidget()
    qtbot.addWidget(window)
    guard = shield(window)

    window.show()
    window.hide()
    window.show()

    assert asked == [int(window.winId())] * 2 and guard.last is Capture.HIDDEN


def test_every_outcome_has_a_true_sentence() -> None:
    assert set(CAPTURE) == set(Capture)
    assert "can't hide" in CAPTURE[Capture.SHOWN]
