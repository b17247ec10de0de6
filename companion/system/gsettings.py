"""Reads one boolean GSettings key in-process, through the desktop's own libgio (ctypes).

No ``gsettings`` process per question, and nothing that can abort the app: g_settings_new()
aborts the whole process for a schema that is not installed, so the schema is looked up first
(g_settings_schema_source_lookup) and the key checked (g_settings_schema_has_key) before a
GSettings object is made from it. The value's type is checked before it is read.
"""

from __future__ import annotations

import ctypes
import logging
from collections.abc import Callable

log = logging.getLogger(__name__)

#: By soname: ctypes.util.find_library would run ldconfig (a process) to find them.
GIO = "libgio-2.0.so.0"
GOBJECT = "libgobject-2.0.so.0"
GLIB = "libglib-2.0.so.0"
#: Backends with nothing real behind them: their values are the schema's defaults, not the
#: desktop's (GIO falls back to the memory backend when dconf is missing).
_NOT_REAL = ("GMemorySettingsBackend", "GNullSettingsBackend")
_VOID = ctypes.c_void_p
_TEXT = ctypes.c_char_p


class GSettingsReader:
    """``boolean(schema, key)``: the desktop's value, or None when it can't be read here.

    The libraries are loaded on first use and kept; called on the GUI thread.
    """

    def __init__(self, load: Callable[[str], ctypes.CDLL] = ctypes.CDLL) -> None:
        self._load = load
        self._libs: tuple[ctypes.CDLL, ctypes.CDLL, ctypes.CDLL] | None = None
        self._missing = False

    def boolean(self, schema_id: str, key: str) -> bool | None:
        libs = self._libraries()
        if libs is None:
            return None
        gio, gobject, glib = libs
        if not _real_backend(gio, gobject):
            return None
        source = gio.g_settings_schema_source_get_default()
        schema = (
            gio.g_settings_schema_source_lookup(source, schema_id.encode(), 1) if source else None
        )
        if not schema:
            return None
        try:
            if not gio.g_settings_schema_has_key(schema, key.encode()):
                return None
            settings = gio.g_settings_new_full(schema, None, None)
            try:
                value = gio.g_settings_get_value(settings, key.encode())
                try:
                    if not glib.g_variant_is_of_type(value, b"b"):
                        return None
                    return bool(glib.g_variant_get_boolean(value))
                finally:
                    glib.g_variant_unref(value)
            finally:
                gobject.g_object_unref(settings)
        finally:
            gio.g_settings_schema_unref(schema)

    def _libraries(self) -> tuple[ctypes.CDLL, ctypes.CDLL, ctypes.CDLL] | None:
        if self._libs is None and not self._missing:
            try:
                libs = self._load(GIO), self._load(GOBJECT), self._load(GLIB)
            except OSError as error:
                log.info("GSettings can't be read here: %s", error)
                self._missing = True
                return None
            _declare(*libs)
            self._libs = libs
        return self._libs


def _real_backend(gio: ctypes.CDLL, gobject: ctypes.CDLL) -> bool:
    backend = gio.g_settings_backend_get_default()
    if not backend:
        return False
    try:
        name = gobject.g_type_name_from_instance(backend) or b""
    finally:
        gobject.g_object_unref(backend)
    return name.decode(errors="replace") not in _NOT_REAL


def _declare(gio: ctypes.CDLL, gobject: ctypes.CDLL, glib: ctypes.CDLL) -> None:
    signatures: list[tuple[ctypes.CDLL, str, type | None, list[type]]] = [
        (gio, "g_settings_backend_get_default", _VOID, []),
        (gio, "g_settings_schema_source_get_default", _VOID, []),
        (gio, "g_settings_schema_source_lookup", _VOID, [_VOID, _TEXT, ctypes.c_int]),
        (gio, "g_settings_schema_has_key", ctypes.c_int, [_VOID, _TEXT]),
        (gio, "g_settings_schema_unref", None, [_VOID]),
        (gio, "g_settings_new_full", _VOID, [_VOID, _VOID, _TEXT]),
        (gio, "g_settings_get_value", _VOID, [_VOID, _TEXT]),
        (glib, "g_variant_is_of_type", ctypes.c_int, [_VOID, _TEXT]),
        (glib, "g_variant_get_boolean", ctypes.c_int, [_VOID]),
        (glib, "g_variant_unref", None, [_VOID]),
        (gobject, "g_type_name_from_instance", _TEXT, [_VOID]),
        (gobject, "g_object_unref", None, [_VOID]),
    ]
    for library, name, restype, argtypes in signatures:
        function = getattr(library, name)
        function.restype = restype
        function.argtypes = argtypes
