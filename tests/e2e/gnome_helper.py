"""Reads and drives a headless GNOME Shell from outside; run with the system's /usr/bin/python3.

The venv can't import pyatspi or gi (Debian's python3-pyatspi and python3-gi), so tests/e2e/
gnome.py runs this script in a subprocess with the shell's session bus in its environment:

    gnome_helper.py windows           every window: title, focus, Wayland or X11 (JSON)
    gnome_helper.py labels            every text label in gnome-shell's accessibility tree:
                                      banners, the message list, the top bar, menus (JSON)
    gnome_helper.py screenshot PATH   the whole screen, through GNOME's Screenshot API
    gnome_helper.py input             a pointer and keyboard for as long as it runs: reads
                                      "N move DX DY" / "N click" / "N double-click" /
                                      "N key KEYSYM" lines, prints "N" when each is done

GNOME Shell 43 answers Introspect.GetWindows and Screenshot only to callers that own one of
the bus names it trusts (the desktop portals, org.gnome.Screenshot: DBusSenderChecker in
js/misc/util.js), so this script owns them first, as those programs would. Input goes through
Mutter's RemoteDesktop API, the way GNOME's remote desktop does; headless Mutter has no input
devices of its own, and the session's virtual ones last as long as this process.
"""

import json
import sys
import time

import gi

gi.require_version("Gio", "2.0")
from gi.repository import Gio, GLib  # noqa: E402

BUS = Gio.bus_get_sync(Gio.BusType.SESSION)
TIMEOUT_MS = 10_000
#: Names GNOME Shell 43 trusts for GetWindows and for Screenshot.
PORTAL = "org.freedesktop.impl.portal.desktop.gtk"
SCREENSHOT = "org.gnome.Screenshot"
REMOTE_DESKTOP = "org.gnome.Mutter.RemoteDesktop"
BUTTON_LEFT = 0x110  # evdev BTN_LEFT


def call(dest, path, interface, method, args=None):
    reply = BUS.call_sync(
        dest, path, interface, method, args, None, Gio.DBusCallFlags.NONE, TIMEOUT_MS, None
    )
    return reply.unpack()


def own(name):
    flags = 4  # DBUS_NAME_FLAG_DO_NOT_QUEUE
    call("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
         "RequestName", GLib.Variant("(su)", (name, flags)))  # fmt: skip


def trusted_call(name, *args):
    """Own ``name``, then call; the shell learns of the new owner a moment later, so retry."""
    own(name)
    for _ in range(50):
        try:
            return call(*args)
        except GLib.Error as error:
            if "AccessDenied" not in error.message:
                raise
            time.sleep(0.1)
    return call(*args)


def windows():
    found = trusted_call(
        PORTAL, "org.gnome.Shell.Introspect", "/org/gnome/Shell/Introspect",
        "org.gnome.Shell.Introspect", "GetWindows",
    )[0]  # fmt: skip
    return [
        {
            "id": window_id,
            "title": props.get("title", ""),
            "focused": bool(props.get("has-focus")),
            "wayland": props.get("client-type") == 0,  # META_WINDOW_CLIENT_TYPE_WAYLAND
            "app_id": props.get("app-id", ""),
            "wm_class": props.get("wm-class", ""),
        }
        for window_id, props in found.items()
    ]


def labels():
    """Texts in the shell's tree; "notice" marks those inside a notification (a banner, or an
    entry of the message list), as against menus, the top bar and dialogs."""
    import pyatspi

    found = []
    kinds = (pyatspi.ROLE_LABEL, pyatspi.ROLE_MENU, pyatspi.ROLE_PUSH_BUTTON)

    def walk(accessible, in_notice):
        try:
            role, name = accessible.getRole(), accessible.name
            in_notice = in_notice or role == pyatspi.ROLE_NOTIFICATION
            if name and role in kinds:
                showing = accessible.getState().contains(pyatspi.STATE_SHOWING)
                box = accessible.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
                found.append({
                    "text": name, "role": accessible.getRoleName(), "showing": showing,
                    "notice": in_notice,
                    "x": box.x, "y": box.y, "width": box.width, "height": box.height,
                })  # fmt: skip
            children = list(accessible)
        except Exception:  # a node that went away while we walked: skip it
            return
        for child in children:
            if child is not None:
                walk(child, in_notice)

    for app in pyatspi.Registry.getDesktop(0):
        if app is not None and app.name == "gnome-shell":
            walk(app, False)
    return found


def screenshot(path):
    ok, used = trusted_call(
        SCREENSHOT, "org.gnome.Shell.Screenshot", "/org/gnome/Shell/Screenshot",
        "org.gnome.Shell.Screenshot", "Screenshot", GLib.Variant("(bbs)", (False, False, path)),
    )  # fmt: skip
    return {"ok": ok, "path": used}


class Input:
    """One RemoteDesktop session: a virtual pointer and keyboard."""

    def __init__(self):
        manager = "/org/gnome/Mutter/RemoteDesktop"
        self.path = call(REMOTE_DESKTOP, manager, REMOTE_DESKTOP, "CreateSession")[0]
        self.session("Start")
        # A key nobody notices makes the virtual keyboard exist: without a keyboard, no
        # window has keyboard focus, and GTK leaves its surface out of activation tokens.
        self.key(0xFFE1)  # Shift_L

    def session(self, method, args=None):
        return call(REMOTE_DESKTOP, self.path, REMOTE_DESKTOP + ".Session", method, args)

    def move(self, dx, dy):
        self.session("NotifyPointerMotionRelative", GLib.Variant("(dd)", (dx, dy)))

    def click(self):
        for pressed in (True, False):
            self.session("NotifyPointerButton", GLib.Variant("(ib)", (BUTTON_LEFT, pressed)))
            time.sleep(0.03)

    def key(self, keysym):
        for pressed in (True, False):
            self.session("NotifyKeyboardKeysym", GLib.Variant("(ub)", (keysym, pressed)))
            time.sleep(0.03)

    def serve(self):
        print("ready", flush=True)
        for line in sys.stdin:
            number, verb, *args = line.split()
            if verb == "move":
                self.move(float(args[0]), float(args[1]))
            elif verb == "click":
                self.click()
            elif verb == "double-click":
                self.click()
                self.click()
            elif verb == "key":
                self.key(int(args[0], 16))
            print(number, flush=True)


def main():
    what = sys.argv[1]
    if what == "input":
        Input().serve()
        return
    if what == "windows":
        result = windows()
    elif what == "labels":
        result = labels()
    elif what == "screenshot":
        result = screenshot(sys.argv[2])
    else:
        sys.exit(f"unknown request {what!r}")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
