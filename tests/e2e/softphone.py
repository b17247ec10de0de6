"""A stand-in softphone (GTK 4, Wayland): one big "Hard call" button that runs a hook command.

Run with the system's /usr/bin/python3 (python3-gi, GTK 4):

    softphone.py [--no-token] COMMAND...

A click on the button runs COMMAND the way a GTK program launches another one: through the
display's GAppLaunchContext, which asks the compositor for an xdg-activation token tied to the
click and passes it in the child's environment (DESKTOP_STARTUP_ID with GLib 2.74, also
XDG_ACTIVATION_TOKEN from GLib 2.76). With --no-token it runs COMMAND without a launch context,
as a softphone hook that just spawns a script would: the child gets no token. The window opens
maximized: the button fills it but for a status line along the bottom (a click there only
focuses the softphone). Prints "shown" once presented and "launched" for each run.
"""

import sys

import gi

gi.require_version("Gtk", "4.0")
from gi.repository import Gio, GLib, Gtk  # noqa: E402

#: The status line along the bottom of the window, in pixels.
STATUS_HEIGHT = 120
args = sys.argv[1:]
with_token = args[:1] != ["--no-token"]
command = args if with_token else args[1:]


def launch(button):
    window = button.get_root()
    context = window.get_display().get_app_launch_context() if with_token else None
    flags = Gio.AppInfoCreateFlags.SUPPORTS_STARTUP_NOTIFICATION
    line = " ".join(GLib.shell_quote(word) for word in command)
    info = Gio.AppInfo.create_from_commandline(line, "hook", flags)
    info.launch([], context)
    print("launched", flush=True)


def on_activate(app):
    window = Gtk.ApplicationWindow(application=app, title="Softphone")
    button = Gtk.Button(label="Hard call", vexpand=True)
    button.connect("clicked", launch)
    status = Gtk.Label(label="Line 1: idle")  # a click here only focuses the window
    status.set_size_request(-1, STATUS_HEIGHT)
    box = Gtk.Box(orientation=Gtk.Orientation.VERTICAL)
    box.append(button)
    box.append(status)
    window.set_child(box)
    window.maximize()
    window.present()
    print("shown", flush=True)


app = Gtk.Application(application_id="org.example.Softphone", flags=Gio.ApplicationFlags.NON_UNIQUE)
app.connect("activate", on_activate)
app.run([])
