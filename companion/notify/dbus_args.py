"""The Notify call's arguments, in the D-Bus types the specification names, for QtDBus.

Notify's signature is ``susssasa{sv}i``, and servers check it: dunst and GNOME Shell (both
GDBus) refuse an ``int32`` where ``uint32`` is due, and dunst ignores an ``urgency`` that is
not a byte. PySide6 turns a Python int into an ``int32``, and offers no other way to write an
unsigned one (``QDBusArgument << int`` is bound to its unsigned-short overload only).
"""

from __future__ import annotations

import ctypes
import functools
import os
from collections.abc import Callable, Sequence
from pathlib import Path

import shiboken6
from PySide6.QtCore import QMetaType
from PySide6.QtDBus import QDBusArgument

from companion.core.notices import EXPIRY_SECONDS, Notice, NoticeAction
from companion.notify.presentation import APP_NAME, Presentation

#: The Qt library PySide6.QtDBus loaded (matched by its soname, never loaded a second time).
QT_DBUS_LIBRARY = "libQt6DBus.so.6"
#: QDBusArgument::operator<<(uint) and operator<<(uchar), as the Itanium C++ ABI names them.
_APPEND_UINT32 = ("_ZN13QDBusArgumentlsEj", ctypes.c_uint32)
_APPEND_BYTE = ("_ZN13QDBusArgumentlsEh", ctypes.c_uint8)

Append = Callable[[int, int], int]


class MarshallingUnavailable(RuntimeError):
    """Qt's own typed append is not reachable here: D-Bus notifications can't be sent."""


@functools.cache
def _qt_append(symbol: str, kind: type[ctypes.c_uint32] | type[ctypes.c_uint8]) -> Append:
    """Qt's exported ``QDBusArgument::operator<<`` for one integer type.

    WORKAROUND: PySide6 binds only the unsigned-short overload of ``QDBusArgument << int``
    and has no typed QVariant, so a ``uint32`` or a ``byte`` can't be written from Python.
    Qt's own operator is called instead, on the QDBusArgument's C++ object: Qt 6 keeps its
    ABI within the major version, and ``marshalling_problem()`` (run by --self-test) checks
    the result's D-Bus signature.
    """
    try:
        library = ctypes.CDLL(QT_DBUS_LIBRARY, mode=os.RTLD_NOLOAD | os.RTLD_LAZY)
        function = library[symbol]
    except (OSError, AttributeError) as error:
        raise MarshallingUnavailable(f"{QT_DBUS_LIBRARY}: {error}") from error
    function.argtypes = [ctypes.c_void_p, kind]
    function.restype = ctypes.c_void_p
    return function


def _typed(
    append: tuple[str, type[ctypes.c_uint32] | type[ctypes.c_uint8]], value: int
) -> QDBusArgument:
    argument = QDBusArgument()
    address = shiboken6.getCppPointer(argument)[0]
    _qt_append(*append)(address, value)
    return argument


def uint32(value: int) -> QDBusArgument:
    """``value`` as a D-Bus ``uint32`` (``u``)."""
    return _typed(_APPEND_UINT32, value)


def byte(value: int) -> QDBusArgument:
    """``value`` as a D-Bus ``byte`` (``y``)."""
    return _typed(_APPEND_BYTE, value)


def string_array(items: Sequence[str]) -> QDBusArgument:
    """An ``as`` even when empty (an empty Python list would go as ``av``)."""
    argument = QDBusArgument()
    argument.beginArray(QMetaType(QMetaType.Type.QString))
    for item in items:
        argument.appendVariant(item)
    argument.endArray()
    return argument


def marshalling_problem() -> str | None:
    """Why Notify's arguments can't be written here (None: they can), without sending any."""
    try:
        found = (uint32(0).currentSignature(), byte(1).currentSignature())
    except MarshallingUnavailable as error:
        return str(error)
    if found != ("u", "y"):
        return f"Qt wrote {found[0]!r} and {found[1]!r} for a uint32 and a byte"
    return None


def notify_arguments(notice: Notice, shown: Presentation, icon: Path) -> list[object]:
    """Notify(app_name, replaces_id, app_icon, summary, body, actions, hints, expire_timeout)."""
    actions = [part for action in shown.actions for part in _action_pair(action)]
    hints: dict[str, object] = {"urgency": byte(int(shown.urgency)), **shown.hints}
    return [
        APP_NAME,
        uint32(0),
        str(icon),
        notice.title,
        shown.body,
        string_array(actions),
        hints,
        EXPIRY_SECONDS * 1000,
    ]


def _action_pair(action: NoticeAction) -> tuple[str, str]:
    """An action's key (what ActionInvoked sends back) and its label."""
    return action.value, action.label
