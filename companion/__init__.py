"""Companion: a break-and-recovery companion for support agents."""

__version__ = "0.1.0"
#: The desktop id (reverse DNS): the .deb's menu entry, AppStream metainfo and icon are named
#: after it, and Wayland's app id and notifications' desktop-entry hint name it.
APP_ID = "io.github.companion.Companion"
