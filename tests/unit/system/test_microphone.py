"""On a call? The microphone in use: a real PulseAudio here (Linux), faithful fakes of Windows'
consent store and of CoreAudio (macOS)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from companion.system.microphone import (
    CONSENT_STORE,
    UNKNOWN_OBJECT,
    consent_store_in_use,
    coreaudio_in_use,
    desktop_microphone,
)
from companion.system.pulse import (
    INVALID_INDEX,
    PulseMicrophone,
    Recording,
    recording_from_microphone,
)
from tests.fakes import FailingRegistry, FakeCoreAudio, FakeRegistry
from tests.sound_server import MONITOR, SoundServer, missing_tools

# -- Linux: PulseAudio (and pipewire-pulse, which answers libpulse the same way) ------------------


@pytest.fixture(scope="module")
def sound(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SoundServer]:
    if missing_tools():
        pytest.skip(f"{', '.join(missing_tools())} missing (run `make desktop-tools`)")
    server = SoundServer(tmp_path_factory.mktemp("sound")).start()
    yield server
    server.stop()


@pytest.fixture
def microphone(sound: SoundServer, monkeypatch: pytest.MonkeyPatch) -> PulseMicrophone:
    monkeypatch.setenv("PULSE_SERVER", sound.address)
    return PulseMicrophone()


def test_nothing_recording_is_no_call(microphone: PulseMicrophone, sound: SoundServer) -> None:
    assert sound.recordings() == 0
    assert microphone.in_use() is False


def test_a_program_recording_from_the_microphone_is_a_call_until_it_stops(
    microphone: PulseMicrophone, sound: SoundServer
) -> None:
    call = sound.record()
    try:
        assert microphone.in_use() is True
    finally:
        call.stop()
    assert microphone.in_use() is False


def test_recording_what_the_speakers_play_is_no_call(
    microphone: PulseMicrophone, sound: SoundServer
) -> None:
    screen_recorder = sound.record(MONITOR)
    try:
        assert microphone.in_use() is False
    finally:
        screen_recorder.stop()


@pytest.mark.parametrize("meter", ["org.gnome.VolumeControl", "org.PulseAudio.pavucontrol"])
def test_a_volume_control_showing_the_input_level_is_no_call(
    microphone: PulseMicrophone, sound: SoundServer, meter: str
) -> None:
    level = sound.record(application_id=meter)
    try:
        assert microphone.in_use() is False
    finally:
        level.stop()


def test_without_a_sound_server_it_cannot_tell_and_says_so_quickly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PULSE_SERVER", f"unix:{tmp_path / 'no-such-socket'}")
    started = time.monotonic()
    assert PulseMicrophone().in_use() is None
    assert time.monotonic() - started < 5


def test_without_libpulse_it_cannot_tell() -> None:
    assert PulseMicrophone(library="libpulse-that-is-not-here.so.0").in_use() is None


def test_only_running_streams_on_a_real_input_from_a_program_count() -> None:
    monitors = {0}
    assert recording_from_microphone([Recording(1, False, "org.example.Phone")], monitors)
    assert recording_from_microphone([Recording(1, False, None)], monitors)
    assert not recording_from_microphone([Recording(1, True, None)], monitors)  # corked: paused
    assert not recording_from_microphone([Recording(0, False, None)], monitors)
    assert not recording_from_microphone([Recording(INVALID_INDEX, False, None)], monitors)
    assert not recording_from_microphone([Recording(1, False, "org.gnome.VolumeControl")], set())
    assert not recording_from_microphone([], monitors)


# -- Windows: the microphone's consent store -------------------------------------------------------

NON_PACKAGED = f"{CONSENT_STORE}\\NonPackaged"
SOFTPHONE = f"{NON_PACKAGED}\\C:#Program Files#Softphone#phone.exe"
TEAMS = f"{CONSENT_STORE}\\MSTeams_8wekyb3d8bbwe"
STARTED = 133_774_000_000_000_000  # a FILETIME: 100 ns steps since 1601


def test_windows_a_desktop_softphone_recording_now_is_a_call() -> None:
    registry = FakeRegistry(
        {
            ("HKCU", CONSENT_STORE): {"Value": "Allow"},
            ("HKCU", SOFTPHONE): {"LastUsedTimeStart": STARTED, "LastUsedTimeStop": 0},
            ("HKCU", TEAMS): {"LastUsedTimeStart": STARTED, "LastUsedTimeStop": STARTED + 9},
        }
    )
    assert consent_store_in_use(registry) is True


def test_windows_a_store_app_recording_now_is_a_call() -> None:
    registry = FakeRegistry(
        {("HKCU", TEAMS): {"Value": "Allow", "LastUsedTimeStart": STARTED, "LastUsedTimeStop": 0}}
    )
    assert consent_store_in_use(registry) is True


def test_windows_apps_that_stopped_or_never_recorded_are_no_call() -> None:
    registry = FakeRegistry(
        {
            ("HKCU", SOFTPHONE): {"LastUsedTimeStart": STARTED, "LastUsedTimeStop": STARTED + 1},
            ("HKCU", TEAMS): {"Value": "Allow"},  # allowed, never used
            ("HKCU", f"{NON_PACKAGED}\\C:#Tools#never.exe"): {"LastUsedTimeStop": 0},
        }
    )
    assert consent_store_in_use(registry) is False


def test_windows_without_a_consent_store_it_cannot_tell_and_a_refusal_is_an_error() -> None:
    assert consent_store_in_use(FakeRegistry()) is None  # before Windows 10 1903
    with pytest.raises(OSError):
        consent_store_in_use(FailingRegistry())


# -- macOS: CoreAudio ------------------------------------------------------------------------------


def test_macos_the_default_input_running_somewhere_is_a_call() -> None:
    core_audio = FakeCoreAudio(default_input=73, running={73: True, 80: False})
    assert coreaudio_in_use(core_audio) is True
    assert core_audio.asked == [(1, "dIn "), (73, "gone")]
    core_audio.running[73] = False
    assert coreaudio_in_use(core_audio) is False


def test_macos_no_input_device_is_no_call_and_an_error_is_unknown() -> None:
    assert coreaudio_in_use(FakeCoreAudio(default_input=UNKNOWN_OBJECT)) is False
    vanished = FakeCoreAudio(default_input=73, running={})  # unplugged between the questions
    assert coreaudio_in_use(vanished) is None


def test_the_platforms_each_get_their_own_way_and_others_cannot_tell() -> None:
    assert type(desktop_microphone("linux")) is PulseMicrophone
    assert desktop_microphone("sunos5").in_use() is None
