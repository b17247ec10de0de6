#!/usr/bin/env bash
# Installs what the end-to-end tests need when it is missing and we are root on Debian:
# the desktop, dunst, Qt's xcb libraries, the .deb's tools (dpkg-dev, binutils, patchelf) and its
# checkers (lintian, appstream, man-db), GNOME Shell, and a
# sound server and GNOME's settings schemas for the Do Not Disturb and microphone probes, and
# gnome-keyring for the journal key.
# Elsewhere it only says what is missing; the e2e tests then skip with that reason.
set -euo pipefail
packages=(xvfb trayer xdotool imagemagick x11-utils dbus dbus-x11 libxcb-cursor0 libxkbcommon-x11-0
  libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0
  libxcb-xinerama0 libxcb-xkb1 libegl1 libgl1 libfontconfig1 libdbus-1-3 fonts-dejavu-core
  fonts-noto-color-emoji dunst libnotify-bin libxss1 dpkg-dev binutils patchelf
  lintian appstream man-db
  pulseaudio pulseaudio-utils gsettings-desktop-schemas
  # A real GNOME Shell, headless (tests/e2e/gnome.py): the shell, Ubuntu's tray extension, the
  # system Python's GObject and AT-SPI bindings that read it, GTK 4 for the stand-in softphone.
  gnome-shell xwayland gjs gnome-shell-extension-appindicator python3-gi python3-pyatspi
  # python3-dbus: the stand-in desktop portal (tests/e2e/fake_portal.py) and the stand-in
  # GlobalShortcuts backend behind the real portal frontend (tests/e2e/shortcuts_portal.py).
  python3-dbus xdg-desktop-portal
  at-spi2-core gir1.2-gtk-4.0 libglib2.0-bin
  # A real Secret Service for the journal key (tests/e2e/test_keychain_secret_service.py) and
  # libsecret's secret-tool to look at it from outside.
  gnome-keyring libsecret-tools)
missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "Installing desktop test tools: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "Desktop test tools missing (end-to-end tests will be skipped): ${missing[*]}" >&2
fi
