"""A fake notification server (org.freedesktop.Notifications) on a private D-Bus, for tests.

Two halves in one file:

* ``PrivateBus`` and ``FakeNotificationServer`` (standard library only) are what a test uses:
  a bus daemon of its own, and a server on it that introduces itself as whatever the test
  needs ("gnome-shell", "dunst"), records every call in a JSON-lines file, and answers as
  told: at once, slowly, never, with an error, without the "actions" capability; it sends
  ``ActionInvoked`` and ``NotificationClosed`` when the test asks, and can leave the bus. It
  can also offer properties a Do Not Disturb probe reads (KDE's ``Inhibited``, dunst's
  org.dunstproject.cmd0 ``paused``) and change them while it runs; for one it lacks, GDBus
  answers org.freedesktop.DBus.Error.InvalidArgs, as dunst and GNOME Shell do.
* ``_Server`` is the server itself. It runs in its own process under Debian's
  /usr/bin/python3 with python3-gi (Gio's GDBus), for three reasons: GDBus checks each call
  against the interface's signatures exactly as dunst and GNOME Shell (both GDBus) do, so a
  client that sends an int32 where the specification says uint32 is refused here as it
  would be there; it is another D-Bus implementation than the Qt one under test; and a
  server that answers slowly is just an invocation answered later from its main loop.

The test talks to the server through its stdin (one JSON command a line, each acknowledged
with a line "done" once done); closing stdin ends it. python3-gi is installed by
tests/e2e/install_desktop_tools.sh.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
SYSTEM_PYTHON = "/usr/bin/python3"
#: Generous: a loaded 2-core machine starts a Python with GLib in well under a second.
START_TIMEOUT = 20.0
DEFAULT_CAPABILITIES = ("actions", "body", "body-markup", "icon-static", "persistence")

# No service directories, so nothing is started on demand: "no server" means none.
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


def missing_tools() -> list[str]:
    """What the fake server and its bus need that this machine lacks."""
    missing = [] if shutil.which("dbus-daemon") else ["dbus-daemon (package dbus)"]
    probe = [SYSTEM_PYTHON, "-c", "import gi; gi.require_version('Gio', '2.0')"]
    if not Path(SYSTEM_PYTHON).exists() or subprocess.run(probe, check=False).returncode:
        missing.append("python3-gi for /usr/bin/python3")
    return missing


class PrivateBus:
    """A session bus of the test's own: ``address`` is what DBUS_SESSION_BUS_ADDRESS would be;
    ``root`` holds its socket and config, and can hold its servers' records."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._process: subprocess.Popen[str] | None = None
        self.address = ""

    def start(self) -> PrivateBus:
        self.root.mkdir(parents=True, exist_ok=True)
        config = self.root / "bus.conf"
        config.write_text(BUS_CONFIG.format(socket=self.root / "bus"), encoding="utf-8")
        self._process = subprocess.Popen(
            ["dbus-daemon", "--config-file", str(config), "--nofork", "--print-address"],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,  # "Failed to set fd limit" as non-root-ish: not ours
            text=True,
        )
        self.address = _read_line(self._process, START_TIMEOUT, "the bus daemon's address")
        return self

    def stop(self) -> None:
        if self._process is not None:
            _end(self._process)
            self._process = None


class FakeNotificationServer:
    """Controls one fake server process; ``calls()`` reads what it was asked, oldest first.

    Behaviour (all optional): ``name`` ("gnome-shell", "dunst", ...), ``capabilities``,
    ``notify_delay`` / ``info_delay`` / ``property_delay`` (seconds before answering; ``-1``
    never answers), ``notify_error`` / ``info_error`` / ``property_error`` (a D-Bus error name
    to answer with instead), and ``properties``: {interface: {name: bool}} on the server's
    object, such as ``{"org.freedesktop.Notifications": {"Inhibited": True}}`` (KDE's Do Not
    Disturb); read with org.freedesktop.DBus.Properties.Get. Which properties exist is fixed
    at ``start``; ``set_property`` changes their values.
    """

    def __init__(self, address: str, root: Path, **behaviour: Any) -> None:
        self._address = address
        self._records = root / f"notifications-{time.monotonic_ns()}.jsonl"
        self._behaviour = {"name": "gnome-shell", **behaviour}
        self._process: subprocess.Popen[str] | None = None
        self.unique_name = ""

    def start(self) -> FakeNotificationServer:
        self._records.parent.mkdir(parents=True, exist_ok=True)
        self._records.touch()
        self._process = subprocess.Popen(
            [SYSTEM_PYTHON, __file__, self._address, str(self._records)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": ""},
        )
        self._write({"do": "set", **self._behaviour})  # read before "ready": no "done"
        line = _read_line(self._process, START_TIMEOUT, "the fake notification server")
        if not line.startswith("ready "):
            raise RuntimeError(f"the fake notification server said {line!r}")
        self.unique_name = line.split()[1]
        return self

    # -- what it was asked -----------------------------------------------------------------

    def calls(self, method: str | None = None) -> list[dict[str, Any]]:
        text = self._records.read_text(encoding="utf-8")
        found = [json.loads(line) for line in text.splitlines() if line.strip()]
        return [call for call in found if method is None or call["method"] == method]

    def notifications(self) -> list[dict[str, Any]]:
        """Each Notify call: summary, body, actions, hints (urgency as its byte), ..., id."""
        return self.calls("Notify")

    # -- what it does ----------------------------------------------------------------------

    def invoke(self, notification_id: int, action: str, *, close: bool = True) -> None:
        """The agent clicks a button (or the notice itself, "default"); then it closes."""
        self._send({"do": "invoke", "id": notification_id, "action": action, "close": close})

    def close(self, notification_id: int, reason: int = 2) -> None:
        """Closed without an answer (1 expired, 2 dismissed by the user, 3 by a call)."""
        self._send({"do": "close", "id": notification_id, "reason": reason})

    def behave(self, **behaviour: Any) -> None:
        """Change how it answers from now on (see the class docstring)."""
        self._send({"do": "set", **behaviour})

    def set_property(self, interface: str, name: str, value: bool) -> None:
        """Change one of the ``properties`` it was started with; returns once it has."""
        self._send({"do": "property", "interface": interface, "name": name, "value": value})

    def leave_bus(self) -> None:
        """Give up the name (as a crashed or replaced server does) and stay silent."""
        self._send({"do": "release"})

    def stop(self) -> None:
        """End the process: its name leaves the bus with it."""
        if self._process is not None:
            if self._process.stdin is not None:
                self._process.stdin.close()
            _end(self._process)
            self._process = None

    def _send(self, command: dict[str, Any]) -> None:
        """One command; returns once the server has done it (signals sent, value changed)."""
        self._write(command)
        assert self._process is not None
        line = _read_line(self._process, START_TIMEOUT, "the fake notification server")
        if line != "done":
            raise RuntimeError(f"the fake notification server said {line!r} to {command}")

    def _write(self, command: dict[str, Any]) -> None:
        assert self._process is not None and self._process.stdin is not None
        self._process.stdin.write(json.dumps(command) + "\n")
        self._process.stdin.flush()


def _read_line(process: subprocess.Popen[str], timeout: float, what: str) -> str:
    assert process.stdout is not None
    ready, _, _ = select.select([process.stdout], [], [], timeout)
    line = process.stdout.readline().strip() if ready else ""
    if not line:
        _end(process)
        raise RuntimeError(f"no word from {what} within {timeout:g} s")
    return line


def _end(process: subprocess.Popen[str]) -> None:
    process.terminate()
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    for pipe in (process.stdin, process.stdout):  # else each leaves a ResourceWarning
        if pipe is not None:
            pipe.close()


# -- the server (runs under /usr/bin/python3 with python3-gi) ----------------------------------

#: The specification's interface, with ``{properties}`` and ``{others}`` (more interfaces, of
#: properties only) filled in by ``introspection``.
INTROSPECTION = """<node>
  <interface name="org.freedesktop.Notifications">
    <method name="Notify">
      <arg type="s" direction="in"/><arg type="u" direction="in"/>
      <arg type="s" direction="in"/><arg type="s" direction="in"/>
      <arg type="s" direction="in"/><arg type="as" direction="in"/>
      <arg type="a{{sv}}" direction="in"/><arg type="i" direction="in"/>
      <arg type="u" direction="out"/>
    </method>
    <method name="CloseNotification"><arg type="u" direction="in"/></method>
    <method name="GetCapabilities"><arg type="as" direction="out"/></method>
    <method name="GetServerInformation">
      <arg type="s" direction="out"/><arg type="s" direction="out"/>
      <arg type="s" direction="out"/><arg type="s" direction="out"/>
    </method>
    <signal name="NotificationClosed"><arg type="u"/><arg type="u"/></signal>
    <signal name="ActionInvoked"><arg type="u"/><arg type="s"/></signal>{properties}
  </interface>{others}
</node>"""


def introspection(properties: dict[str, dict[str, bool]]) -> str:
    """The server's interfaces, with the (boolean, read-only) ``properties`` it offers."""

    def offered(interface: str) -> str:
        names = properties.get(interface, {})
        return "".join(f'\n    <property name="{n}" type="b" access="read"/>' for n in names)

    others = "".join(
        f'\n  <interface name="{interface}">{offered(interface)}\n  </interface>'
        for interface in properties
        if interface != SERVICE
    )
    return INTROSPECTION.format(properties=offered(SERVICE), others=others)


class _Server:  # pragma: no cover - runs in its own process, under /usr/bin/python3
    """The server: answers the four methods and Properties.Get, obeys the commands on stdin."""

    def __init__(self, address: str, records: str) -> None:
        import gi

        gi.require_version("Gio", "2.0")
        from gi.repository import Gio, GLib

        self.Gio, self.GLib = Gio, GLib
        flags = (
            Gio.DBusConnectionFlags.AUTHENTICATION_CLIENT
            | Gio.DBusConnectionFlags.MESSAGE_BUS_CONNECTION
        )
        self.bus = Gio.DBusConnection.new_for_address_sync(address, flags, None, None)
        self.records = records
        self.behaviour: dict[str, Any] = {"name": "gnome-shell"}
        self.next_id = 0
        self.held: list[Any] = []  # invocations never answered
        self.pending = bytearray()
        self.loop = GLib.MainLoop()

    def run(self) -> None:
        first = self.read_line()  # the behaviour, before anyone can call
        if first is None:
            return
        self.command(json.loads(first))
        node = self.Gio.DBusNodeInfo.new_for_xml(introspection(self.properties))
        # No property getter: GDBus refuses a property the server lacks and hands the Get of
        # one it has to on_call, which can then answer it late or never, as any method.
        for interface in node.interfaces:
            self.bus.register_object(PATH, interface, self.on_call, None, None)
        owned = self.bus_call("RequestName", "(su)", (SERVICE, 4), "(u)")[0]  # 4: don't queue
        print(f"ready {self.bus.get_unique_name()}" if owned == 1 else f"not-owner {owned}")
        sys.stdout.flush()
        self.GLib.io_add_watch(0, self.GLib.IO_IN | self.GLib.IO_HUP, self.on_stdin)
        self.loop.run()

    def bus_call(self, member: str, signature: str, args: tuple[Any, ...], reply: str) -> Any:
        GLib = self.GLib
        return self.bus.call_sync(
            "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", member,
            GLib.Variant(signature, args), GLib.VariantType(reply), 0, -1, None,
        ).unpack()  # fmt: skip

    @property
    def properties(self) -> dict[str, dict[str, bool]]:
        return self.behaviour.setdefault("properties", {})  # type: ignore[no-any-return]

    def record(self, entry: dict[str, Any]) -> None:
        with open(self.records, "a", encoding="utf-8") as out:
            out.write(json.dumps(entry) + "\n")

    # -- methods ---------------------------------------------------------------------------

    def on_call(self, _conn, _sender, _path, _iface, method, params, invocation) -> None:  # type: ignore[no-untyped-def]
        Variant = self.GLib.Variant
        if method == "Notify":
            self.next_id += 1
            self.record(self.notify_record(params))
            self.answer(invocation, "notify", Variant("(u)", (self.next_id,)))
        elif method == "CloseNotification":
            self.record({"method": method, "id": params.unpack()[0]})
            invocation.return_value(None)
        elif method == "GetCapabilities":
            self.record({"method": method})
            caps = list(self.behaviour.get("capabilities", DEFAULT_CAPABILITIES))
            self.answer(invocation, "info", Variant("(as)", (caps,)))
        elif method == "GetServerInformation":
            self.record({"method": method})
            version = str(self.behaviour.get("version", "1.0"))
            info = (self.behaviour["name"], "Fake", version, "1.2")
            self.answer(invocation, "info", Variant("(ssss)", info))
        elif method == "Get":  # org.freedesktop.DBus.Properties, for a property it has
            interface, name = params.unpack()
            self.record({"method": method, "interface": interface, "name": name})
            value = Variant("b", self.properties[interface][name])
            self.answer(invocation, "property", Variant("(v)", (value,)))

    def notify_record(self, params: Any) -> dict[str, Any]:
        app, replaces, icon, summary, body, actions, hints, expire = params.unpack()
        variants = params.get_child_value(6)
        return {
            "method": "Notify",
            "id": self.next_id,
            "app_name": app,
            "replaces_id": replaces,
            "app_icon": icon,
            "summary": summary,
            "body": body,
            "actions": list(actions),
            "hints": dict(hints),
            "hint_types": {k: variants.lookup_value(k, None).get_type_string() for k in hints},
            "expire_timeout": expire,
        }

    def answer(self, invocation: Any, kind: str, value: Any) -> None:
        """As told: at once, after ``<kind>_delay`` seconds, never (-1), or with an error."""
        delay = float(self.behaviour.get(f"{kind}_delay") or 0)
        error = self.behaviour.get(f"{kind}_error")

        def reply() -> bool:
            if error:
                invocation.return_dbus_error(error, "the fake server was told to fail")
            else:
                invocation.return_value(value)
            return False  # once

        if delay < 0:
            self.held.append(invocation)
        elif delay:
            self.GLib.timeout_add(int(delay * 1000), reply)
        else:
            reply()

    # -- commands --------------------------------------------------------------------------

    def read_line(self) -> str | None:
        """One command from stdin, read raw: a buffered reader would keep lines from the main
        loop's watch. None when the test closed stdin."""
        while b"\n" not in self.pending:
            chunk = os.read(0, 65536)
            if not chunk:
                return None
            self.pending.extend(chunk)
        line, _, rest = bytes(self.pending).partition(b"\n")
        self.pending[:] = rest
        return line.decode()

    def on_stdin(self, _fd: int, _condition: Any) -> bool:
        line = self.read_line()
        if line is None:
            self.loop.quit()
            return False
        self.command(json.loads(line))
        self.acknowledge()
        while b"\n" in self.pending:  # lines that came in the same read
            self.command(json.loads(self.read_line() or "{}"))
            self.acknowledge()
        return True

    def acknowledge(self) -> None:
        """A command is done: the test, waiting for this line, may go on."""
        print("done")
        sys.stdout.flush()

    def command(self, command: dict[str, Any]) -> None:
        what = command.pop("do")
        if what == "set":
            self.behaviour.update(command)
        elif what == "invoke":
            self.emit("ActionInvoked", "(us)", (command["id"], command["action"]))
            if command["close"]:
                self.emit("NotificationClosed", "(uu)", (command["id"], 2))
        elif what == "close":
            self.emit("NotificationClosed", "(uu)", (command["id"], command["reason"]))
        elif what == "release":
            self.bus_call("ReleaseName", "(s)", (SERVICE,), "(u)")
        elif what == "property":
            self.properties[command["interface"]][command["name"]] = command["value"]
        self.bus.flush_sync(None)

    def emit(self, signal: str, signature: str, values: tuple[Any, ...]) -> None:
        self.bus.emit_signal(None, PATH, SERVICE, signal, self.GLib.Variant(signature, values))


if __name__ == "__main__":
    _Server(sys.argv[1], sys.argv[2]).run()
