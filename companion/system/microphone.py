"""Is the agent on a call? Read as "a microphone is in use", only when a reminder is due.

- Linux and BSD: PulseAudio's or PipeWire's recording streams (companion.system.pulse).
- Windows: the microphone's consent store, the record behind Settings > Privacy > Microphone
  ("currently in use"): under HKCU\\...\\CapabilityAccessManager\\ConsentStore\\microphone, each
  app's key (packaged apps directly, desktop programs under NonPackaged) holds
  LastUsedTimeStart and LastUsedTimeStop, and LastUsedTimeStop is 0 while it records. Microsoft
  does not document these values; they are what Windows 10 (1903 and later) and 11 write.
- macOS: CoreAudio's kAudioDevicePropertyDeviceIsRunningSomewhere on the default input device
  (a documented property; reading it needs no microphone permission). A call on another input
  than the default one is not seen.

Which program records is never read into Companion's logs or kept.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from companion.core.ports import Microphone
from companion.system.pulse import PulseMicrophone
from companion.system.registry import Registry, windows_registry

CONSENT_STORE = (
    "Software\\Microsoft\\Windows\\CurrentVersion\\CapabilityAccessManager\\ConsentStore"
    "\\microphone"
)
NON_PACKAGED = "NonPackaged"
COREAUDIO = "/System/Library/Frameworks/CoreAudio.framework/CoreAudio"


def consent_store_in_use(registry: Registry) -> bool | None:
    """Any app whose last use started and has not stopped; None without a consent store
    (Windows before 10 1903). Raises OSError when the registry can't be read."""
    apps = registry.subkeys("HKCU", CONSENT_STORE)
    if apps is None:
        return None
    keys = [f"{CONSENT_STORE}\\{app}" for app in apps if app != NON_PACKAGED]
    programs = registry.subkeys("HKCU", f"{CONSENT_STORE}\\{NON_PACKAGED}") or []
    keys += [f"{CONSENT_STORE}\\{NON_PACKAGED}\\{program}" for program in programs]
    return any(_recording(registry.values("HKCU", key) or {}) for key in keys)


def _recording(values: dict[str, object]) -> bool:
    start, stop = values.get("LastUsedTimeStart"), values.get("LastUsedTimeStop")
    return isinstance(start, int) and start > 0 and stop == 0


def _fourcc(code: str) -> int:
    return int.from_bytes(code.encode("ascii"), "big")


class AudioObjectPropertyAddress(ctypes.Structure):
    """AudioObjectPropertyAddress (CoreAudio/AudioHardwareBase.h)."""

    _fields_ = [
        ("mSelector", ctypes.c_uint32),
        ("mScope", ctypes.c_uint32),
        ("mElement", ctypes.c_uint32),
    ]


SYSTEM_OBJECT = 1  # kAudioObjectSystemObject
UNKNOWN_OBJECT = 0  # kAudioObjectUnknown: no such device
DEFAULT_INPUT_DEVICE = _fourcc("dIn ")  # kAudioHardwarePropertyDefaultInputDevice
IS_RUNNING_SOMEWHERE = _fourcc("gone")  # kAudioDevicePropertyDeviceIsRunningSomewhere
SCOPE_GLOBAL = _fourcc("glob")  # kAudioObjectPropertyScopeGlobal
ELEMENT_MAIN = 0  # kAudioObjectPropertyElementMain


def coreaudio_in_use(core_audio: Any) -> bool | None:
    """The default input device is running for some process; no input device means no call.
    None when CoreAudio answers with an error (an OSStatus other than 0)."""
    device = _read_uint32(core_audio, SYSTEM_OBJECT, DEFAULT_INPUT_DEVICE)
    if device is None:
        return None
    if device == UNKNOWN_OBJECT:
        return False
    running = _read_uint32(core_audio, device, IS_RUNNING_SOMEWHERE)
    return None if running is None else running != 0


def _read_uint32(core_audio: Any, target: int, selector: int) -> int | None:
    address = AudioObjectPropertyAddress(selector, SCOPE_GLOBAL, ELEMENT_MAIN)
    value = ctypes.c_uint32(0)
    size = ctypes.c_uint32(ctypes.sizeof(value))
    status = core_audio.AudioObjectGetPropertyData(
        ctypes.c_uint32(target), ctypes.pointer(address), 0, None,
        ctypes.pointer(size), ctypes.pointer(value),
    )  # fmt: skip
    if status != 0 or size.value != ctypes.sizeof(value):
        return None
    return int(value.value)


class _WindowsMicrophone:
    def __init__(self, registry: Registry) -> None:
        self._registry = registry

    def in_use(self) -> bool | None:
        return consent_store_in_use(self._registry)


class _MacMicrophone:
    def __init__(self) -> None:
        self._core_audio: Any = None

    def in_use(self) -> bool | None:
        if self._core_audio is None:
            self._core_audio = ctypes.CDLL(COREAUDIO)  # OSError when missing: unknown
        return coreaudio_in_use(self._core_audio)


class _Unknown:
    def in_use(self) -> bool | None:
        return None


def desktop_microphone(platform: str = sys.platform) -> Microphone:
    """This platform's way to tell, or one that always says "can't tell"."""
    if platform == "win32":
        return _WindowsMicrophone(windows_registry())
    if platform == "darwin":
        return _MacMicrophone()
    if platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return PulseMicrophone()
    return _Unknown()
