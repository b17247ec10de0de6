"""A stand-in GlobalShortcuts portal *backend*, behind the real xdg-desktop-portal frontend.

    fake_shortcuts_backend.py BEHAVIOUR

Run by the system Python with python3-dbus. It owns ``org.freedesktop.impl.portal.desktop.
companiontest`` and implements ``org.freedesktop.impl.portal.GlobalShortcuts`` version 1 as
xdg-desktop-portal documents it (data/org.freedesktop.impl.portal.GlobalShortcuts.xml): a
desktop such as KDE Plasma or GNOME 48 would show a dialog at BindShortcuts; this one answers
as BEHAVIOUR says:

- ``accept``: binds every shortcut asked for, its preferred trigger ("CTRL+ALT+h", in the
  shortcuts specification's words) described as a desktop would ("Ctrl+Alt+H");
- ``other``: binds them to another trigger ("Super+F9"), as when the agent chose another key;
- ``decline``: answers 1 (the agent cancelled the dialog).

``org.companion.Test.Press(id, token)`` emits ``Activated`` for the last session, as the
desktop does when the key is pressed (with an ``activation_token`` when ``token`` is given);
``org.companion.Test.Sessions()`` says how many sessions are open (the frontend closes the
backend's session when the app closes its own). Prints "ready" once
it owns its name.
"""

import sys

import dbus
import dbus.service
from dbus.mainloop.glib import DBusGMainLoop
from gi.repository import GLib

NAME = "org.freedesktop.impl.portal.desktop.companiontest"
IMPL = "org.freedesktop.impl.portal.GlobalShortcuts"
SESSION = "org.freedesktop.impl.portal.Session"
OTHER_TRIGGER = "Super+F9"


def described(trigger):
    """ "CTRL+ALT+h" as desktops show it: "Ctrl+Alt+H"."""
    return "+".join(part.capitalize() for part in str(trigger).split("+")) if trigger else ""


class Session(dbus.service.Object):
    def __init__(self, bus, path, sessions):
        super().__init__(bus, path)
        self.path, self.sessions = path, sessions

    @dbus.service.method(SESSION, in_signature="", out_signature="")
    def Close(self):
        self.sessions.pop(self.path, None)
        self.remove_from_connection()


class Backend(dbus.service.Object):
    def __init__(self, bus, behaviour):
        super().__init__(bus, "/org/freedesktop/portal/desktop")
        self.bus, self.behaviour = bus, behaviour
        self.sessions = {}
        self.last = None

    @dbus.service.method(IMPL, in_signature="oosa{sv}", out_signature="ua{sv}")
    def CreateSession(self, handle, session_handle, app_id, options):
        self.sessions[str(session_handle)] = Session(self.bus, session_handle, self.sessions)
        self.last = str(session_handle)
        return dbus.UInt32(0), dbus.Dictionary({}, signature="sv")

    @dbus.service.method(IMPL, in_signature="ooa(sa{sv})sa{sv}", out_signature="ua{sv}")
    def BindShortcuts(self, handle, session_handle, shortcuts, parent_window, options):
        if self.behaviour == "decline":
            return dbus.UInt32(1), dbus.Dictionary({}, signature="sv")
        bound = dbus.Array(
            [
                dbus.Struct(
                    (
                        shortcut_id,
                        dbus.Dictionary(
                            {
                                "description": properties.get("description", ""),
                                "trigger_description": OTHER_TRIGGER
                                if self.behaviour == "other"
                                else described(properties.get("preferred_trigger")),
                            },
                            signature="sv",
                        ),
                    )
                )
                for shortcut_id, properties in shortcuts
            ],
            signature="(sa{sv})",
        )
        return dbus.UInt32(0), dbus.Dictionary({"shortcuts": bound}, signature="sv")

    @dbus.service.method(IMPL, in_signature="oo", out_signature="ua{sv}")
    def ListShortcuts(self, handle, session_handle):
        return dbus.UInt32(0), dbus.Dictionary({}, signature="sv")

    @dbus.service.signal(IMPL, signature="osta{sv}")
    def Activated(self, session_handle, shortcut_id, timestamp, options):
        pass

    @dbus.service.signal(IMPL, signature="osta{sv}")
    def Deactivated(self, session_handle, shortcut_id, timestamp, options):
        pass

    @dbus.service.method(dbus.PROPERTIES_IFACE, in_signature="ss", out_signature="v")
    def Get(self, interface, prop):
        return dbus.UInt32(1)

    @dbus.service.method(dbus.PROPERTIES_IFACE, in_signature="s", out_signature="a{sv}")
    def GetAll(self, interface):
        return {"version": dbus.UInt32(1)} if interface == IMPL else {}

    @dbus.service.method("org.companion.Test", in_signature="ss", out_signature="")
    def Press(self, shortcut_id, token):
        """A key press; ``token`` non-empty: with an xdg-activation token, as a backend may
        give since xdg-desktop-portal 1.20.4 (the frontend passes options through)."""
        given = {"activation_token": token} if token else {}
        options = dbus.Dictionary(given, signature="sv")
        path = dbus.ObjectPath(self.last)
        self.Activated(path, shortcut_id, dbus.UInt64(1), options)
        self.Deactivated(path, shortcut_id, dbus.UInt64(2), options)

    @dbus.service.method("org.companion.Test", in_signature="", out_signature="u")
    def Sessions(self):
        return len(self.sessions)


def main():
    DBusGMainLoop(set_as_default=True)
    bus = dbus.SessionBus()
    name = dbus.service.BusName(NAME, bus)
    backend = Backend(bus, sys.argv[1])
    print("ready", flush=True)
    GLib.MainLoop().run()
    del name, backend


if __name__ == "__main__":
    main()
