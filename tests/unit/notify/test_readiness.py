"""--self-test's notifier line: the chain the app builds, asked (never sent) which would go."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pytest

from companion.core.notices import Delivery, Notice
from companion.notify import readiness
from companion.notify.chain import system_notifiers
from companion.notify.readiness import (
    IN_APP_FALLBACK,
    BuildIncomplete,
    describe_notifications,
    notification_service,
)

ICON = Path("companion.svg")


class Stub:
    """A notifier that says whether it could show a notice, and fails the test if asked to."""

    def __init__(self, name: str, reason: str | None) -> None:
        self.name = name
        self._reason = reason

    def unavailable(self) -> str | None:
        return self._reason

    def notify(self, notice: Notice) -> Delivery:
        raise AssertionError("the self-test must not show a notification")


def service(state: str):  # type: ignore[no-untyped-def]
    def ask(env: Mapping[str, str]) -> str:
        return state

    return ask


def test_the_first_notifier_that_would_work_is_named_with_why_others_stepped_aside() -> None:
    chain = [Stub("plyer", "dbus-python is not installed"), Stub("notify-send", None)]

    line = describe_notifications(
        ICON, platform="linux", env={"PATH": ""}, notifiers=chain, service_state=service("up")
    )

    assert line == (
        "notify-send first; plyer skipped: dbus-python is not installed; "
        "notify-send: not installed; D-Bus notification service: up"
    )


def test_without_a_system_notifier_the_in_app_fallback_is_named(tmp_path: Path) -> None:
    program = tmp_path / "notify-send"
    program.write_text("#!/bin/sh\n", encoding="utf-8")
    program.chmod(0o755)
    chain = [Stub("plyer", "no"), Stub("notify-send", "no daemon")]

    line = describe_notifications(
        ICON,
        platform="linux",
        env={"PATH": str(tmp_path)},
        notifiers=chain,
        service_state=service("no session bus"),
    )

    assert line.startswith(f"{IN_APP_FALLBACK} (no system notifier here)")
    assert f"notify-send: {program}" in line


def test_windows_and_macos_report_no_linux_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    # plyer's Windows backend imports ctypes.windll: stand in for it with a module that loads.
    monkeypatch.setattr(readiness, "plyer_backend", lambda platform: "plyer.utils")

    line = describe_notifications(ICON, platform="win32", notifiers=[Stub("plyer", None)])

    assert line == "plyer first"


def test_a_missing_plyer_backend_is_a_broken_build(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readiness, "plyer_backend", lambda platform: "plyer.platforms.gone")

    with pytest.raises(BuildIncomplete, match=r"plyer\.platforms\.gone"):
        describe_notifications(ICON, platform="linux", notifiers=[], service_state=service(""))


def test_the_chain_is_the_one_the_app_builds() -> None:
    linux = system_notifiers(ICON, platform="linux")
    assert [n.name for n in linux] == ["D-Bus notifications (plyer)", "notify-send"]
    assert [n.name for n in system_notifiers(ICON, platform="win32")] == [
        "system notifications (plyer)"
    ]
    assert linux[1].unavailable() in (None, "notify-send is not installed")


def test_without_a_session_bus_nothing_is_connected_or_launched(tmp_path: Path) -> None:
    assert notification_service({"XDG_RUNTIME_DIR": str(tmp_path)}) == "no session bus"
    assert notification_service({}) == "no session bus"
