"""The shortcut from anywhere on Wayland: the XDG desktop portal's GlobalShortcuts.

A Wayland client can't grab keys; it asks the desktop. Companion creates a GlobalShortcuts
session and binds one shortcut ("tag a hard call and start a break", Ctrl+Alt+H preferred);
the desktop (KDE Plasma 5.27+, GNOME 48+, Hyprland...) may show a dialog where the agent
accepts or picks another key, and says which key it bound. ``Activated`` then comes over
D-Bus each time the key goes down. A desktop without the portal, or an agent who declines,
leaves the shortcut off, and Settings says why (``failed``).

WORKAROUND: QtDBus from Python can't write BindShortcuts' ``a(sa{sv})`` (PySide6 can't
register a struct type, and ``QDBusArgument.beginArray`` needs one), so this speaks D-Bus with
jeepney (pure Python; already here as keyring's Secret Service client on Linux) over its own
session-bus connection, read by a QSocketNotifier: nothing is polled, and the GUI thread
never waits for the portal. Tested against the real xdg-desktop-portal frontend with a
stand-in backend (tests/e2e/test_portal_shortcut.py).
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier, Signal

from companion.core.i18n import N_, _
from companion.system.activation import ACTIVATION_TOKEN_VARIABLE, PROCESS_ENVIRONMENT
from companion.system.global_shortcut import NOT_HERE, SHORTCUT_TEXT

log = logging.getLogger(__name__)

PORTAL = "org.freedesktop.portal.Desktop"
PORTAL_PATH = "/org/freedesktop/portal/desktop"
SHORTCUTS = "org.freedesktop.portal.GlobalShortcuts"
REQUEST = "org.freedesktop.portal.Request"
SESSION = "org.freedesktop.portal.Session"

SHORTCUT_ID = "tag-and-breathe"
DESCRIPTION = N_("Tag a hard call and start a breathing break")
#: The shortcuts specification's form of Ctrl+Alt+H.
PREFERRED_TRIGGER = "CTRL+ALT+h"

DECLINED = N_(
    "Your desktop didn't give Companion a shortcut. Turn this on again to be asked once more, "
    "or set one up as README shows."
)
BOUND_ELSEWHERE = N_("Your desktop set this shortcut to {trigger}.")

#: Request.Response codes: 0 success, 1 cancelled by the user, 2 ended another way.
_SUCCESS, _CANCELLED = 0, 1

Connect = Callable[[], Any]


def _open_session_bus() -> Any:
    from jeepney.io.blocking import open_dbus_connection

    return open_dbus_connection(bus="SESSION")


class PortalShortcut(QObject):
    """``pressed`` each time the desktop says the shortcut was activated.

    ``start()`` only sends the first request, so it can't know yet whether the desktop will
    bind the shortcut: ``failed`` says so later, with a sentence for Settings, and
    ``trigger`` is the key the desktop bound (its own words) once it has.
    """

    pressed = Signal()
    failed = Signal(str)

    def __init__(self, connect: Connect = _open_session_bus) -> None:
        super().__init__()
        self._connect = connect
        self._connection: Any = None
        self._notifier: QSocketNotifier | None = None
        self._token = f"companion_{secrets.token_hex(4)}"
        self._requests: dict[str, Callable[[int, dict[str, Any]], None]] = {}
        self._calls: dict[int, str] = {}
        self._session: str | None = None
        self.trigger: str | None = None

    def start(self) -> str | None:
        try:
            self._connection = self._connect()
        except Exception as error:
            log.info("no global shortcut portal: %s", error)
            return _(NOT_HERE).format(shortcut=SHORTCUT_TEXT)
        self._notifier = QSocketNotifier(
            self._connection.sock.fileno(), QSocketNotifier.Type.Read, self
        )
        self._notifier.activated.connect(self._read_messages)
        self._listen(f"type='signal',interface='{REQUEST}',member='Response'")
        self._listen(f"type='signal',interface='{SHORTCUTS}',member='Activated'")
        self._create_session()
        self._read_messages()  # anything read while saying Hello
        return None

    def stop(self) -> None:
        if self._connection is None:
            return
        if self._session is not None:
            self._send(self._session, SESSION, "Close", "", ())
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        self._connection.close()
        self._connection = None
        self._session = None

    # The requests, in order: CreateSession, then BindShortcuts once the session exists.

    def _create_session(self) -> None:
        options = {
            "handle_token": ("s", self._request_token("create", self._session_created)),
            "session_handle_token": ("s", self._token),
        }
        self._call("CreateSession", "a{sv}", (options,))

    def _session_created(self, response: int, results: dict[str, Any]) -> None:
        if response != _SUCCESS or "session_handle" not in results:
            self._fail(_(NOT_HERE).format(shortcut=SHORTCUT_TEXT), f"CreateSession: {response}")
            return
        self._session = str(results["session_handle"][1])
        shortcut = (
            SHORTCUT_ID,
            {"description": ("s", _(DESCRIPTION)), "preferred_trigger": ("s", PREFERRED_TRIGGER)},
        )
        options = {"handle_token": ("s", self._request_token("bind", self._bound))}
        self._call("BindShortcuts", "oa(sa{sv})sa{sv}", (self._session, [shortcut], "", options))

    def _bound(self, response: int, results: dict[str, Any]) -> None:
        bound = dict(results.get("shortcuts", ("", []))[1])
        if response != _SUCCESS or SHORTCUT_ID not in bound:
            self._fail(_(DECLINED), f"BindShortcuts: {response}")
            return
        described = bound[SHORTCUT_ID].get("trigger_description")
        self.trigger = str(described[1]) if described else None
        log.info("global shortcut bound by the desktop portal: %s", self.trigger)

    @property
    def note(self) -> str | None:
        """For Settings, when the desktop bound another key than the one Settings names."""
        if self.trigger is None or _same_keys(self.trigger, SHORTCUT_TEXT):
            return None
        return _(BOUND_ELSEWHERE).format(trigger=self.trigger)

    def _fail(self, sentence: str, why: str) -> None:
        log.info("no global shortcut from the portal (%s)", why)
        self.stop()
        self.failed.emit(sentence)

    # D-Bus plumbing.

    def _request_token(self, name: str, on_response: Callable[[int, dict[str, Any]], None]) -> str:
        """A handle_token, and the Request path the portal will answer on (its documented
        form: the caller's unique name without ':' and with '.' as '_')."""
        token = f"{self._token}_{name}"
        sender = self._connection.unique_name.lstrip(":").replace(".", "_")
        self._requests[f"{PORTAL_PATH}/request/{sender}/{token}"] = on_response
        return token

    def _listen(self, rule: str) -> None:
        from jeepney.bus_messages import message_bus

        self._connection.send(message_bus.AddMatch(rule))

    def _call(self, method: str, signature: str, body: tuple[Any, ...]) -> None:
        serial = self._send(PORTAL_PATH, SHORTCUTS, method, signature, body)
        self._calls[serial] = method

    def _send(
        self, path: str, interface: str, method: str, signature: str, body: tuple[Any, ...]
    ) -> int:
        from jeepney import DBusAddress, new_method_call

        address = DBusAddress(path, bus_name=PORTAL, interface=interface)
        message = new_method_call(address, method, signature, body)
        serial = int(next(self._connection.outgoing_serial))
        self._connection.send(message, serial=serial)
        return serial

    def _read_messages(self) -> None:
        while self._connection is not None:
            try:
                message = self._connection.receive(timeout=0)
            except TimeoutError:
                return
            except OSError as error:
                self._fail(_(NOT_HERE).format(shortcut=SHORTCUT_TEXT), str(error))
                return
            self._take(message)

    def _take(self, message: Any) -> None:
        from jeepney import HeaderFields, MessageType

        header = message.header
        fields = header.fields
        if header.message_type == MessageType.error:
            method = self._calls.pop(fields.get(HeaderFields.reply_serial, -1), None)
            if method is not None:  # the portal, or its GlobalShortcuts, isn't there
                self._fail(_(NOT_HERE).format(shortcut=SHORTCUT_TEXT), f"{method}: {message.body}")
            return
        if header.message_type == MessageType.method_return:
            self._calls.pop(fields.get(HeaderFields.reply_serial, -1), None)
            return
        if header.message_type != MessageType.signal:
            return
        member, path = fields.get(HeaderFields.member), fields.get(HeaderFields.path)
        if member == "Response" and path in self._requests:
            response, results = message.body
            self._requests.pop(path)(int(response), dict(results))
        elif member == "Activated" and message.body[:2] == (self._session, SHORTCUT_ID):
            self._hand_on_the_token(dict(message.body[3]))
            self.pressed.emit()

    def _hand_on_the_token(self, options: dict[str, Any]) -> None:
        """A desktop that made an xdg-activation token for the key press (portal 1.20.4+, its
        backend's choice) lets the break take the focus with it, as a tray click's does: Qt's
        Wayland plugin reads it when the window asks for the focus (system/activation.py)."""
        token = options.get("activation_token")
        if token is not None and token[0] == "s" and token[1]:
            PROCESS_ENVIRONMENT[ACTIVATION_TOKEN_VARIABLE] = str(token[1])


def _same_keys(described: str, wanted: str) -> bool:
    """Desktops describe keys in their own words ("Ctrl+Alt+H", "ctrl + alt + h")."""
    return described.replace(" ", "").casefold() == wanted.replace(" ", "").casefold()
