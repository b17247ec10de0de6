"""Private windows out of screen captures: Windows and macOS through fakes of their documented
calls (SetWindowDisplayAffinity; NSWindow.sharingType), since neither runs here; Linux as is."""

from __future__ import annotations

import pytest

from companion.system.capture_exclusion import (
    FIRST_EXCLUDING_BUILD,
    WDA_EXCLUDEFROMCAPTURE,
    Capture,
    exclude_from_capture,
    what_captures_show,
)


class User32:
    """SetWindowDisplayAffinity: nonzero on success; on builds before 19041 the value 0x11 is
    accepted and acts as WDA_MONITOR (a black box), per Microsoft's documentation."""

    def __init__(self, succeeds: bool = True) -> None:
        self.succeeds = succeeds
        self.calls: list[tuple[int, int]] = []

    def __call__(self, hwnd: int, affinity: int) -> bool:
        self.calls.append((hwnd, affinity))
        return self.succeeds


@pytest.mark.parametrize(
    ("build", "shown"),
    [
        (FIRST_EXCLUDING_BUILD, Capture.HIDDEN),
        (22631, Capture.HIDDEN),
        (18363, Capture.BLACKED_OUT),
    ],
)
def test_windows_asks_to_be_left_out_and_says_what_this_build_does(
    build: int, shown: Capture
) -> None:
    user32 = User32()

    assert exclude_from_capture(0x2A, "win32", set_affinity=user32, windows_build=build) is shown
    assert user32.calls == [(0x2A, WDA_EXCLUDEFROMCAPTURE)]
    assert what_captures_show("win32", build) is shown


def test_when_windows_refuses_nothing_is_promised() -> None:
    refused = User32(succeeds=False)
    assert exclude_from_capture(7, "win32", set_affinity=refused, windows_build=22631) is (
        Capture.SHOWN
    )


def test_macos_is_asked_but_promises_nothing() -> None:
    asked: list[int] = []

    def set_sharing_none(view: int) -> bool:
        asked.append(view)
        return True

    assert exclude_from_capture(99, "darwin", set_sharing_none=set_sharing_none) is Capture.ASKED
    assert asked == [99]
    assert exclude_from_capture(99, "darwin", set_sharing_none=lambda view: False) is (
        Capture.SHOWN
    )
    assert what_captures_show("darwin") is Capture.ASKED


def test_linux_cannot_ask_and_says_so() -> None:
    assert exclude_from_capture(5, "linux") is Capture.SHOWN
    assert what_captures_show("linux") is Capture.SHOWN
