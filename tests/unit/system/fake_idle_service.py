"""A stand-in for a desktop's idle-time service on a private bus (run with the venv's Python).

    python fake_idle_service.py ADDRESS gnome|screensaver answer MS|slow MS|text|absent

"gnome" owns org.gnome.Mutter.IdleMonitor (GetIdletime, uint64 ms), "screensaver"
org.freedesktop.ScreenSaver (GetSessionIdleTime, uint32 ms), with the paths and interfaces the
real ones use (Mutter 43, kscreenlocker). "answer" replies with MS; "slow" sleeps two seconds
first (a hung service); "text" replies with a string (a broken one); "absent" owns the name but
exports no object, so every call gets a D-Bus error. Prints "ready" once registered and
"asked" on each call.
"""

import sys
import time

from PySide6.QtCore import ClassInfo, QCoreApplication, QObject, Slot
from PySide6.QtDBus import QDBusConnection

ADDRESS, KIND, MODE = sys.argv[1], sys.argv[2], sys.argv[3]
MILLISECONDS = int(sys.argv[4]) if len(sys.argv) > 4 else 0


def answer() -> int:
    print("asked", flush=True)
    if MODE == "slow":
        time.sleep(2.0)
    return MILLISECONDS


@ClassInfo({"D-Bus Interface": "org.gnome.Mutter.IdleMonitor"})
class Mutter(QObject):
    @Slot(result="qulonglong")
    def GetIdletime(self) -> int:
        return answer()


@ClassInfo({"D-Bus Interface": "org.freedesktop.ScreenSaver"})
class ScreenSaver(QObject):
    @Slot(result="uint")
    def GetSessionIdleTime(self) -> int:
        return answer()


@ClassInfo({"D-Bus Interface": "org.freedesktop.ScreenSaver"})
class BrokenScreenSaver(QObject):
    @Slot(result=str)
    def GetSessionIdleTime(self) -> str:
        print("asked", flush=True)
        return "a while"


SERVICES = {
    "gnome": ("org.gnome.Mutter.IdleMonitor", "/org/gnome/Mutter/IdleMonitor/Core", Mutter),
    "screensaver": ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver", ScreenSaver),
}

app = QCoreApplication([])
bus = QDBusConnection.connectToBus(ADDRESS, "fake-idle")
name, path, kind = SERVICES[KIND]
if MODE == "text":
    kind = BrokenScreenSaver
served = kind()
options = QDBusConnection.RegisterOption.ExportAllSlots
if MODE != "absent" and not bus.registerObject(path, served, options):
    sys.exit("could not export the object")
if not bus.registerService(name):
    sys.exit("could not own the name")
print("ready", flush=True)
app.exec()
