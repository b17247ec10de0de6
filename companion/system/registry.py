"""A small seam over the Windows registry, so policy and autostart can be tested anywhere."""

from __future__ import annotations

import sys
from typing import Literal, Protocol

Hive = Literal["HKLM", "HKCU"]


class Registry(Protocol):
    """What Companion needs of the registry. Called on the GUI thread; raises ``OSError``."""

    def values(self, hive: Hive, path: str) -> dict[str, object] | None:
        """The values under a key by name (DWORD as int, SZ as str); None if there is no key."""

    def subkeys(self, hive: Hive, path: str) -> list[str] | None:
        """The names of the keys right under a key; None if there is no key."""

    def set_string(self, hive: Hive, path: str, name: str, value: str) -> None:
        """Create the key if needed and set a REG_SZ value."""

    def delete_value(self, hive: Hive, path: str, name: str) -> None:
        """Remove a value; a value or key that is not there is not an error."""


if sys.platform == "win32":
    import winreg

    _HIVES = {"HKLM": winreg.HKEY_LOCAL_MACHINE, "HKCU": winreg.HKEY_CURRENT_USER}

    class _WindowsRegistry:
        def values(self, hive: Hive, path: str) -> dict[str, object] | None:
            try:
                key = winreg.OpenKey(_HIVES[hive], path, 0, winreg.KEY_READ)
            except FileNotFoundError:
                return None
            found: dict[str, object] = {}
            with key:
                count = winreg.QueryInfoKey(key)[1]
                for index in range(count):
                    name, data, _kind = winreg.EnumValue(key, index)
                    found[name] = data
            return found

        def subkeys(self, hive: Hive, path: str) -> list[str] | None:
            try:
                key = winreg.OpenKey(_HIVES[hive], path, 0, winreg.KEY_READ)
            except FileNotFoundError:
                return None
            with key:
                count = winreg.QueryInfoKey(key)[0]
                return [winreg.EnumKey(key, index) for index in range(count)]

        def set_string(self, hive: Hive, path: str, name: str, value: str) -> None:
            with winreg.CreateKeyEx(_HIVES[hive], path, 0, winreg.KEY_SET_VALUE) as key:
                winreg.SetValueEx(key, name, 0, winreg.REG_SZ, value)

        def delete_value(self, hive: Hive, path: str, name: str) -> None:
            try:
                with winreg.OpenKey(_HIVES[hive], path, 0, winreg.KEY_SET_VALUE) as key:
                    winreg.DeleteValue(key, name)
            except FileNotFoundError:
                return

    def windows_registry() -> Registry:
        """The real registry."""
        return _WindowsRegistry()

else:

    def windows_registry() -> Registry:
        """There is no registry here: the callers treat this like an unreadable one."""
        raise OSError("the Windows registry exists only on Windows")
