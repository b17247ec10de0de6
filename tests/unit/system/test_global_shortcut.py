"""The shortcut from anywhere: on and off as the settings say, why it isn't there when it
isn't, and Windows' RegisterHotKey / WM_HOTKEY through a fake of user32 that behaves as
Microsoft documents it (registered once per key; WM_HOTKEY with the id in wParam)."""

from __future__ import annotations

import ctypes
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal
from pytestqt.qtbot import QtBot

from companion.flows.shortcut_switch import ShortcutSwitch
from companion.system.global_shortcut import (
    _MSG,
    HOTKEY_ID,
    MOD_ALT,
    MOD_CONTROL,
    MOD_NOREPEAT,
    NOT_HERE,
    SHORTCUT_TEXT,
    TAKEN,
    VK_H,
    WM_HOTKEY,
    WindowsShortcut,
    X11Shortcut,
    _HotKeyFilter,
    shortcut_for,
)
from companion.system.portal_shortcut import BOUND_ELSEWHERE, PortalShortcut


class FakeShortcut(QObject):
    pressed = Signal()

    def __init__(self, problem: str | None = None) -> None:
        super().__init__()
        self.problem = problem
        self.started = self.stopped = 0

    def start(self) -> str | None:
        self.started += 1
        return self.problem

    def stop(self) -> None:
        self.stopped += 1


def test_on_it_listens_and_a_press_does_what_a_tray_click_does(qtbot: QtBot) -> None:
    shortcut, presses = FakeShortcut(), []
    switch = ShortcutSwitch(lambda: shortcut, lambda: presses.append(1), unavailable="none here")

    switch.apply(True)
    switch.apply(True)  # another setting saved: nothing new
    shortcut.pressed.emit()

    assert shortcut.started == 1 and presses == [1] and switch.problem is None
    switch.apply(False)
    assert shortcut.stopped == 1 and not switch.listening


def test_taken_or_impossible_it_says_why(qtbot: QtBot) -> None:
    taken = ShortcutSwitch(lambda: FakeShortcut("taken"), lambda: None, unavailable="none here")
    taken.apply(True)
    assert taken.problem == "taken" and not taken.listening

    nowhere = ShortcutSwitch(lambda: None, lambda: None, unavailable="none here")
    nowhere.apply(True)
    assert nowhere.problem == "none here"
    nowhere.apply(False)
    assert nowhere.problem is None  # off: nothing to explain


class LateShortcut(FakeShortcut):
    """Like the portal's: start() only asks; ``failed`` may come later, or during start()."""

    failed = Signal(str)

    def __init__(self, fail_at_once: str | None = None, note: str | None = None) -> None:
        super().__init__()
        self.fail_at_once, self.note = fail_at_once, note

    def start(self) -> str | None:
        self.started += 1
        if self.fail_at_once:
            self.failed.emit(self.fail_at_once)
        return None


def test_a_shortcut_that_fails_later_says_why_and_can_be_asked_again(qtbot: QtBot) -> None:
    made: list[LateShortcut] = []
    switch = ShortcutSwitch(
        lambda: made.append(LateShortcut()) or made[-1], lambda: None, unavailable="none here"
    )
    switch.apply(True)
    assert switch.listening and switch.note is None

    made[0].failed.emit("declined")
    assert switch.note == "declined" and not switch.listening

    switch.apply(True)  # Settings turned it on again: asked once more
    assert len(made) == 2 and switch.listening and switch.note is None


def test_an_answer_already_in_when_start_returns_is_not_lost(qtbot: QtBot) -> None:
    switch = ShortcutSwitch(lambda: LateShortcut("no portal"), lambda: None, unavailable="-")
    switch.apply(True)
    assert switch.note == "no portal" and not switch.listening


def test_the_note_names_the_key_the_desktop_bound(qtbot: QtBot) -> None:
    switch = ShortcutSwitch(lambda: LateShortcut(note="Super+F9"), lambda: None, unavailable="-")
    switch.apply(True)
    assert switch.note == "Super+F9"


def test_which_desktops_have_one() -> None:
    assert shortcut_for("darwin", {}, "cocoa") is None
    assert shortcut_for("linux", {}, "xcb") is None
    assert isinstance(shortcut_for("linux", {"DISPLAY": ":1"}, "xcb"), X11Shortcut)
    # Wayland: the portal, also for an app on XWayland (an X grab hears only XWayland's keys).
    assert isinstance(shortcut_for("linux", {"DISPLAY": ":1"}, "wayland"), PortalShortcut)
    wayland_session = {"DISPLAY": ":0", "XDG_SESSION_TYPE": "wayland"}
    assert isinstance(shortcut_for("linux", wayland_session, "xcb"), PortalShortcut)


def test_the_portal_names_another_key_only_when_it_is_another() -> None:
    shortcut = PortalShortcut()
    assert shortcut.note is None  # not bound yet
    shortcut.trigger = "ctrl + alt + h"
    assert shortcut.note is None
    shortcut.trigger = "Super+F9"
    assert shortcut.note == BOUND_ELSEWHERE.format(trigger="Super+F9")


def test_no_session_bus_means_no_portal_shortcut(qtbot: QtBot) -> None:
    def no_bus() -> None:
        raise OSError("no session bus")

    assert PortalShortcut(no_bus).start() == NOT_HERE.format(shortcut=SHORTCUT_TEXT)


@dataclass
class FakeUser32:
    """RegisterHotKey fails for a key already registered (ERROR_HOTKEY_ALREADY_REGISTERED)."""

    taken: set[tuple[int, int]] = field(default_factory=set)
    registered: dict[int, tuple[int, int]] = field(default_factory=dict)

    def RegisterHotKey(self, hwnd: object, ident: int, mods: int, vk: int) -> int:
        key = (mods & ~MOD_NOREPEAT, vk)
        if key in self.taken or ident in self.registered:
            return 0
        self.registered[ident] = key
        return 1

    def UnregisterHotKey(self, hwnd: object, ident: int) -> int:
        return 1 if self.registered.pop(ident, None) else 0


def hotkey_message(ident: int) -> int:
    msg = _MSG(hwnd=None, message=WM_HOTKEY, wParam=ident, lParam=0)
    hotkey_message.kept = msg  # type: ignore[attr-defined]
    return ctypes.addressof(msg)


def test_windows_registers_ctrl_alt_h_without_repeat_and_hears_wm_hotkey(
    qtbot: QtBot, qapp: object
) -> None:
    user32 = FakeUser32()
    shortcut = WindowsShortcut(user32)
    presses: list[int] = []
    shortcut.pressed.connect(lambda: presses.append(1))

    assert shortcut.start() is None
    assert user32.registered == {HOTKEY_ID: (MOD_CONTROL | MOD_ALT, VK_H)}
    handled = _HotKeyFilter(shortcut.pressed.emit).nativeEventFilter(
        b"windows_generic_MSG", hotkey_message(HOTKEY_ID)
    )
    other = _HotKeyFilter(shortcut.pressed.emit).nativeEventFilter(
        b"windows_generic_MSG", hotkey_message(HOTKEY_ID + 1)
    )
    assert handled == (True, 0) and other == (False, 0) and presses == [1]

    shortcut.stop()
    assert user32.registered == {}


def test_windows_says_so_when_another_program_has_it(qtbot: QtBot, qapp: object) -> None:
    user32 = FakeUser32(taken={(MOD_CONTROL | MOD_ALT, VK_H)})
    assert WindowsShortcut(user32).start() == TAKEN.format(shortcut="Ctrl+Alt+H")
