"""Fixtures for tests that talk to a (fake) notification server on a private D-Bus.

``bus_address``: a bus daemon of the test module's own. ``start_server(**behaviour)``: a fake
server on it (tests/fake_notification_server.py), stopped after the test. ``connection``: a
QtDBus connection to that bus, for the code under test (Qt's session bus is made once a
process, so each test gets a named connection instead).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtDBus import QDBusConnection

from tests.fake_notification_server import FakeNotificationServer, PrivateBus, missing_tools

StartServer = Callable[..., FakeNotificationServer]


@pytest.fixture(scope="module")
def bus_address(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    missing = missing_tools()
    if missing:
        pytest.skip(f"missing: {', '.join(missing)} (run `make desktop-tools`)")
    bus = PrivateBus(tmp_path_factory.mktemp("bus")).start()
    yield bus.address
    bus.stop()


@pytest.fixture
def start_server(bus_address: str, tmp_path: Path) -> Iterator[StartServer]:
    started: list[FakeNotificationServer] = []

    def start(**behaviour: Any) -> FakeNotificationServer:
        server = FakeNotificationServer(bus_address, tmp_path, **behaviour).start()
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


@pytest.fixture
def connection(bus_address: str, qapp: object) -> Iterator[QDBusConnection]:
    name = f"companion-test-{uuid.uuid4().hex}"
    yield QDBusConnection.connectToBus(bus_address, name)
    QDBusConnection.disconnectFromBus(name)
