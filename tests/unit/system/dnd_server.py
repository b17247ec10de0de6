"""A fake notification server for the Do Not Disturb probe, on a private D-Bus of the test's own.

``PrivateBus`` starts a bus daemon with no service files (so nothing starts on demand: "no
server" means none); ``DndServer`` runs this file as a separate process (a synchronous call to
a server in the same process would wait on itself). The server answers what a real one does:
GetServerInformation with its name ("gnome-shell", "dunst", "Plasma"), and
org.freedesktop.DBus.Properties.Get for the properties it has (KDE's ``Inhibited``, dunst's
org.dunstproject.cmd0 ``paused``), or the error GDBus servers (dunst, GNOME Shell) answer for
one it lacks: org.freedesktop.DBus.Error.InvalidArgs. ``hang`` answers nothing at all.
A line ``set <interface> <property> true|false`` on its stdin changes a property.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

#: The policy of Debian's session.conf (without its receive rule nothing gets an answer); no
#: service directories.
BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path={socket}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""
#: Generous for a loaded 2-core machine: PySide6 starts in well under a second.
START_TIMEOUT_S = 30


class PrivateBus:
    """``address`` is what DBUS_SESSION_BUS_ADDRESS would be; ``stop`` ends the daemon."""

    def __init__(self, root: Path) -> None:
        root.mkdir(parents=True, exist_ok=True)
        config = root / "bus.conf"
        config.write_text(BUS_CONFIG.format(socket=root / "bus"), encoding="utf-8")
        self._process = subprocess.Popen(
            ["dbus-daemon", "--config-file", str(config), "--nofork", "--print-address"],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,  # "Failed to set fd limit": the daemon's, not ours
            text=True,
        )
        assert self._process.stdout is not None
        self.address = self._process.stdout.readline().strip()
        assert self.address, "the bus daemon printed no address"

    def stop(self) -> None:
        self._process.terminate()
        self._process.wait(timeout=10)
        if self._process.stdout is not None:
            self._process.stdout.close()


class DndServer:
    """One fake server process: ``name`` and ``properties`` {interface: {name: bool}}."""

    def __init__(
        self, address: str, name: str, properties: dict[str, dict[str, bool]], hang: bool = False
    ) -> None:
        config = json.dumps({"name": name, "properties": properties, "hang": hang})
        self._process = subprocess.Popen(
            [sys.executable, __file__, address, config],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self._process.stdout is not None
        line = self._process.stdout.readline().strip()
        assert line == "ready", f"the fake server said {line!r}"

    def set(self, interface: str, name: str, value: bool) -> None:
        """Change a property; returns once the server has taken it."""
        assert self._process.stdin is not None and self._process.stdout is not None
        self._process.stdin.write(f"set {interface} {name} {json.dumps(value)}\n")
        self._process.stdin.flush()
        assert self._process.stdout.readline().strip() == "done"

    def stop(self) -> None:
        if self._process.stdin is not None:
            self._process.stdin.close()
        self._process.wait(timeout=10)
        if self._process.stdout is not None:
            self._process.stdout.close()


def serve(address: str, config: dict[str, Any]) -> None:
    """The server: a QDBusVirtualObject answering every call on /org/freedesktop/Notifications."""
    from PySide6.QtCore import QCoreApplication, QSocketNotifier
    from PySide6.QtDBus import QDBusConnection, QDBusMessage, QDBusVariant, QDBusVirtualObject

    app = QCoreApplication([])
    bus = QDBusConnection.connectToBus(address, "fake-notifications")
    properties: dict[str, dict[str, bool]] = config["properties"]

    class Server(QDBusVirtualObject):
        def introspect(self, path: str) -> str:
            return ""

        def handleMessage(self, message: QDBusMessage, connection: QDBusConnection) -> bool:
            if config["hang"]:
                return True  # never answers: the caller's timeout is what ends the wait
            member, args = message.member(), message.arguments()
            # WORKAROUND: PySide6's createReply(list) sends the list as one array ("av"):
            # the arguments are set one by one instead.
            reply = message.createReply()
            if member == "GetServerInformation":
                reply.setArguments([config["name"], "fake", "1.0", "1.2"])
            elif member == "Get" and args[1] in properties.get(args[0], {}):
                reply.setArguments([QDBusVariant(properties[args[0]][args[1]])])
            elif member == "Get":
                reply = message.createErrorReply(
                    "org.freedesktop.DBus.Error.InvalidArgs", f"No such property “{args[1]}”"
                )
            else:
                reply = message.createErrorReply(
                    "org.freedesktop.DBus.Error.UnknownMethod", f"No method {member}"
                )
            connection.send(reply)
            return True

    server = Server()
    assert bus.registerVirtualObject("/org/freedesktop/Notifications", server)
    assert bus.registerService("org.freedesktop.Notifications")

    def on_line() -> None:
        line = sys.stdin.readline()
        if not line:
            app.quit()
            return
        _, interface, name, value = line.split()
        properties.setdefault(interface, {})[name] = json.loads(value)
        print("done", flush=True)

    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    notifier.activated.connect(on_line)
    print("ready", flush=True)
    app.exec()


if __name__ == "__main__":
    serve(sys.argv[1], json.loads(sys.argv[2]))
