"""GNOME's Do Not Disturb switch, read in-process through the real libgio.

GIO picks its settings backend and finds its schemas once per process, from the environment,
so each case runs in a fresh Python: GSETTINGS_BACKEND=keyfile keeps the values in a file
under a private XDG_CONFIG_HOME, and the schema is Debian's gsettings-desktop-schemas.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from companion.system.dnd import GNOME_NOTIFICATIONS

SCHEMAS = Path("/usr/share/glib-2.0/schemas")
READ = (
    "from companion.system.gsettings import GSettingsReader; "
    f"print(GSettingsReader().boolean({GNOME_NOTIFICATIONS!r}, {{key!r}}))"
)
pytestmark = pytest.mark.skipif(
    not (SCHEMAS / f"{GNOME_NOTIFICATIONS}.gschema.xml").exists(),
    reason="gsettings-desktop-schemas is missing (run `make desktop-tools`)",
)


def read(tmp_path: Path, key: str = "show-banners", **env: str) -> str:
    """What a fresh process reads, with the keyfile backend under ``tmp_path`` by default."""
    environ = {
        **os.environ,
        "GSETTINGS_BACKEND": "keyfile",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        **env,
    }
    done = subprocess.run(
        [sys.executable, "-c", READ.format(key=key)],
        env=environ,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr  # never aborted, whatever is missing
    return done.stdout.strip()


def keyfile(tmp_path: Path, text: str) -> None:
    path = tmp_path / "config" / "glib-2.0" / "settings" / "keyfile"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_banners_off_is_read_as_off_and_on_as_on(tmp_path: Path) -> None:
    keyfile(tmp_path, "[org/gnome/desktop/notifications]\nshow-banners=false\n")
    assert read(tmp_path) == "False"
    keyfile(tmp_path, "[org/gnome/desktop/notifications]\nshow-banners=true\n")
    assert read(tmp_path) == "True"


def test_never_set_is_the_schema_s_default_banners_on(tmp_path: Path) -> None:
    assert read(tmp_path) == "True"


def test_a_key_the_schema_lacks_is_unknown(tmp_path: Path) -> None:
    assert read(tmp_path, key="no-such-key") == "None"


def test_a_missing_schema_is_unknown_and_does_not_abort(tmp_path: Path) -> None:
    empty = tmp_path / "share"
    (empty / "glib-2.0" / "schemas").mkdir(parents=True)
    assert read(tmp_path, XDG_DATA_DIRS=str(empty), GSETTINGS_SCHEMA_DIR=str(empty)) == "None"


OTHER_SCHEMA = """<schemalist>
  <schema id="org.example.other" path="/org/example/other/">
    <key name="on" type="b"><default>true</default></key>
  </schema>
</schemalist>
"""


def test_schemas_without_gnome_s_are_unknown_and_do_not_abort(tmp_path: Path) -> None:
    """Schemas are installed, GNOME's is not (a KDE or XFCE machine)."""
    if shutil.which("glib-compile-schemas") is None:
        pytest.skip("glib-compile-schemas is missing (package libglib2.0-bin)")
    schemas = tmp_path / "share" / "glib-2.0" / "schemas"
    schemas.mkdir(parents=True)
    (schemas / "org.example.other.gschema.xml").write_text(OTHER_SCHEMA, encoding="utf-8")
    subprocess.run(["glib-compile-schemas", str(schemas)], check=True, timeout=60)
    env = {"XDG_DATA_DIRS": str(tmp_path / "share"), "GSETTINGS_SCHEMA_DIR": str(schemas)}
    assert read(tmp_path, **env) == "None"


def test_the_memory_backend_has_nothing_real_behind_it_so_unknown(tmp_path: Path) -> None:
    keyfile(tmp_path, "[org/gnome/desktop/notifications]\nshow-banners=false\n")
    assert read(tmp_path, GSETTINGS_BACKEND="memory") == "None"
