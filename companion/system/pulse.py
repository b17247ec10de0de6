"""Is a microphone recording? PulseAudio's (and pipewire-pulse's) source outputs, in-process.

One short connection through libpulse (ctypes), only when a reminder is due or Settings opens:
no ``pactl`` process, no extra package (libpulse0 is on every desktop with sound, and it
speaks to PipeWire through pipewire-pulse as well), and nothing kept open between questions.
It blocks the GUI thread for one local round trip (milliseconds), at most ``DEADLINE_S``
when the sound server hangs.

"In use" follows GNOME Shell's own microphone indicator (js/ui/status/volume.js): a recording
stream that is running (not corked), on a source that is not a monitor of a speaker (a screen
recorder or a visualizer records those), from any program but a volume control showing an
input level (GNOME's Sound settings, pavucontrol). Nothing about the stream is kept or logged.
"""

from __future__ import annotations

import ctypes
import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

log = logging.getLogger(__name__)

LIBPULSE = "libpulse.so.0"
DEADLINE_S = 1.0
#: Volume controls that record from every source only to draw its level (as GNOME Shell skips).
LEVEL_METERS = frozenset({"org.gnome.VolumeControl", "org.PulseAudio.pavucontrol"})
INVALID_INDEX = 0xFFFFFFFF
_CHANNELS_MAX = 32
_NOAUTOSPAWN = 1
_READY, _FAILED, _TERMINATED = 4, 5, 6
_OPERATION_RUNNING = 0
_VOID = ctypes.c_void_p


class _SampleSpec(ctypes.Structure):
    _fields_ = [("format", ctypes.c_int), ("rate", ctypes.c_uint32), ("channels", ctypes.c_uint8)]


class _ChannelMap(ctypes.Structure):
    _fields_ = [("channels", ctypes.c_uint8), ("map", ctypes.c_int * _CHANNELS_MAX)]


class _CVolume(ctypes.Structure):
    _fields_ = [("channels", ctypes.c_uint8), ("values", ctypes.c_uint32 * _CHANNELS_MAX)]


class _SourceInfo(ctypes.Structure):
    """The start of pa_source_info (introspect.h), up to the field read here: libpulse only
    appends fields, and only reads through a pointer are done, so the prefix is enough."""

    _fields_ = [
        ("name", ctypes.c_char_p),
        ("index", ctypes.c_uint32),
        ("description", ctypes.c_char_p),
        ("sample_spec", _SampleSpec),
        ("channel_map", _ChannelMap),
        ("owner_module", ctypes.c_uint32),
        ("volume", _CVolume),
        ("mute", ctypes.c_int),
        ("monitor_of_sink", ctypes.c_uint32),
    ]


class _SourceOutputInfo(ctypes.Structure):
    """The start of pa_source_output_info (introspect.h), up to ``corked`` (since 1.0)."""

    _fields_ = [
        ("index", ctypes.c_uint32),
        ("name", ctypes.c_char_p),
        ("owner_module", ctypes.c_uint32),
        ("client", ctypes.c_uint32),
        ("source", ctypes.c_uint32),
        ("sample_spec", _SampleSpec),
        ("channel_map", _ChannelMap),
        ("buffer_usec", ctypes.c_uint64),
        ("source_usec", ctypes.c_uint64),
        ("resample_method", ctypes.c_char_p),
        ("driver", ctypes.c_char_p),
        ("proplist", _VOID),
        ("corked", ctypes.c_int),
    ]


_SOURCE_CB = ctypes.CFUNCTYPE(None, _VOID, ctypes.POINTER(_SourceInfo), ctypes.c_int, _VOID)
_OUTPUT_CB = ctypes.CFUNCTYPE(None, _VOID, ctypes.POINTER(_SourceOutputInfo), ctypes.c_int, _VOID)


@dataclass(frozen=True)
class Recording:
    """One recording stream, as much as the decision needs (no names, nothing to log)."""

    source: int
    corked: bool
    application_id: str | None


def recording_from_microphone(recordings: Iterable[Recording], monitors: set[int]) -> bool:
    """Any running stream on a real input, from a program that is not a level meter."""
    return any(
        not r.corked
        and r.source != INVALID_INDEX
        and r.source not in monitors
        and r.application_id not in LEVEL_METERS
        for r in recordings
    )


class PulseMicrophone:
    """``in_use()``: True, False, or None when there is no libpulse or no sound server."""

    def __init__(
        self,
        library: str = LIBPULSE,
        deadline_s: float = DEADLINE_S,
        load: Callable[[str], ctypes.CDLL] = ctypes.CDLL,
    ) -> None:
        self._library = library
        self._deadline_s = deadline_s
        self._load = load
        self._pulse: ctypes.CDLL | None = None
        self._missing = False

    def in_use(self) -> bool | None:
        pulse = self._libpulse()
        if pulse is None:
            return None
        found = _Query(pulse, time.monotonic() + self._deadline_s).run()
        if found is None:
            return None
        recordings, monitors = found
        return recording_from_microphone(recordings, monitors)

    def _libpulse(self) -> ctypes.CDLL | None:
        if self._pulse is None and not self._missing:
            try:
                self._pulse = self._load(self._library)
            except OSError as error:
                log.info("the microphone can't be asked here: %s", error)
                self._missing = True
                return None
            _declare(self._pulse)
        return self._pulse


class _Query:
    """One connection: the sources (which are monitors) and the recording streams, then gone."""

    def __init__(self, pulse: ctypes.CDLL, deadline: float) -> None:
        self._pulse = pulse
        self._deadline = deadline
        self._monitors: set[int] = set()
        self._recordings: list[Recording] = []
        # Kept referenced while libpulse may call them.
        self._on_source = _SOURCE_CB(self._source)
        self._on_output = _OUTPUT_CB(self._output)

    def run(self) -> tuple[list[Recording], set[int]] | None:
        pulse = self._pulse
        mainloop = pulse.pa_mainloop_new()
        context = pulse.pa_context_new(pulse.pa_mainloop_get_api(mainloop), b"Companion")
        try:
            if pulse.pa_context_connect(context, None, _NOAUTOSPAWN, None) < 0:
                return None
            if not self._until(mainloop, lambda: pulse.pa_context_get_state(context) >= _READY):
                return None
            if pulse.pa_context_get_state(context) != _READY:
                return None  # failed or terminated: no sound server here
            operations = [
                pulse.pa_context_get_source_info_list(context, self._on_source, None),
                pulse.pa_context_get_source_output_info_list(context, self._on_output, None),
            ]
            try:
                done = self._until(mainloop, lambda: not any(map(self._running, operations)))
            finally:
                for operation in operations:
                    if operation:
                        pulse.pa_operation_unref(operation)
            return (self._recordings, self._monitors) if done else None
        finally:
            pulse.pa_context_disconnect(context)
            pulse.pa_context_unref(context)
            pulse.pa_mainloop_free(mainloop)

    def _running(self, operation: int | None) -> bool:
        if not operation:
            return False
        return bool(self._pulse.pa_operation_get_state(operation) == _OPERATION_RUNNING)

    def _until(self, mainloop: int, done: Callable[[], bool]) -> bool:
        """Run the main loop until ``done`` or the deadline; False on the deadline or an error."""
        pulse = self._pulse
        while not done():
            left = self._deadline - time.monotonic()
            if left <= 0:
                log.info("the sound server did not answer in time")
                return False
            if pulse.pa_mainloop_prepare(mainloop, int(left * 1_000_000)) < 0:
                return False
            if pulse.pa_mainloop_poll(mainloop) < 0 or pulse.pa_mainloop_dispatch(mainloop) < 0:
                return False
        return True

    def _source(self, _context: int, info: ctypes._Pointer[_SourceInfo], eol: int, _: int) -> None:
        if eol == 0 and info:
            source = info.contents
            if source.monitor_of_sink != INVALID_INDEX:
                self._monitors.add(source.index)

    def _output(
        self, _context: int, info: ctypes._Pointer[_SourceOutputInfo], eol: int, _: int
    ) -> None:
        if eol == 0 and info:
            output = info.contents
            app = None
            if output.proplist:
                app = self._pulse.pa_proplist_gets(output.proplist, b"application.id")
            self._recordings.append(
                Recording(
                    output.source,
                    bool(output.corked),
                    app.decode(errors="replace") if app else None,
                )
            )


def _declare(pulse: ctypes.CDLL) -> None:
    signatures: list[tuple[str, type | None, list[type]]] = [
        ("pa_mainloop_new", _VOID, []),
        ("pa_mainloop_get_api", _VOID, [_VOID]),
        ("pa_mainloop_prepare", ctypes.c_int, [_VOID, ctypes.c_int]),
        ("pa_mainloop_poll", ctypes.c_int, [_VOID]),
        ("pa_mainloop_dispatch", ctypes.c_int, [_VOID]),
        ("pa_mainloop_free", None, [_VOID]),
        ("pa_context_new", _VOID, [_VOID, ctypes.c_char_p]),
        ("pa_context_connect", ctypes.c_int, [_VOID, ctypes.c_char_p, ctypes.c_int, _VOID]),
        ("pa_context_get_state", ctypes.c_int, [_VOID]),
        ("pa_context_disconnect", None, [_VOID]),
        ("pa_context_unref", None, [_VOID]),
        ("pa_context_get_source_info_list", _VOID, [_VOID, _SOURCE_CB, _VOID]),
        ("pa_context_get_source_output_info_list", _VOID, [_VOID, _OUTPUT_CB, _VOID]),
        ("pa_operation_get_state", ctypes.c_int, [_VOID]),
        ("pa_operation_unref", None, [_VOID]),
        ("pa_proplist_gets", ctypes.c_char_p, [_VOID, ctypes.c_char_p]),
    ]
    for name, restype, argtypes in signatures:
        function = getattr(pulse, name)
        function.restype = restype
        function.argtypes = argtypes
