"""A stand-in XDG desktop portal (Settings only), run by the system Python with python3-dbus.

    fake_portal.py SCHEME CONTRAST [v1]

Answers ``org.freedesktop.appearance`` ``color-scheme`` and ``contrast`` with ReadOne (portal
version 2) or, given ``v1``, with Read only (its answer wrapped in one more variant, as version 1
portals answer). ``org.companion.Test.Change(key, value)`` emits ``SettingChanged``, as the portal
does when the desktop's setting changes. Prints "ready" once it owns its name.
"""

import sys

import dbus
import dbus.service
from dbus.mainloop.glib import DBusGMainLoop
from gi.repository import GLib

SETTINGS = "org.freedesktop.portal.Settings"
APPEARANCE = "org.freedesktop.appearance"


class PortalV1(dbus.service.Object):
    def __init__(self, bus, values):
        super().__init__(bus, "/org/freedesktop/portal/desktop")
        self.values = values

    def value(self, namespace, key):
        if namespace == APPEARANCE and key in self.values:
            return dbus.UInt32(self.values[key])
        raise dbus.exceptions.DBusException(
            "no such setting", name="org.freedesktop.portal.Error.NotFound"
        )

    @dbus.service.method(SETTINGS, in_signature="ss", out_signature="v")
    def Read(self, namespace, key):
        return dbus.UInt32(int(self.value(namespace, key)), variant_level=1)

    @dbus.service.signal(SETTINGS, signature="ssv")
    def SettingChanged(self, namespace, key, value):
        pass

    @dbus.service.method("org.companion.Test", in_signature="su", out_signature="")
    def Change(self, key, value):
        self.values[key] = int(value)
        self.SettingChanged(APPEARANCE, key, dbus.UInt32(value, variant_level=1))


class PortalV2(PortalV1):
    @dbus.service.method(SETTINGS, in_signature="ss", out_signature="v")
    def ReadOne(self, namespace, key):
        return self.value(namespace, key)


def main():
    scheme, contrast = int(sys.argv[1]), int(sys.argv[2])
    DBusGMainLoop(set_as_default=True)
    bus = dbus.SessionBus()
    name = dbus.service.BusName("org.freedesktop.portal.Desktop", bus)
    kind = PortalV1 if sys.argv[3:] == ["v1"] else PortalV2
    portal = kind(bus, {"color-scheme": scheme, "contrast": contrast})
    print("ready", flush=True)
    GLib.MainLoop().run()
    del name, portal


if __name__ == "__main__":
    main()
