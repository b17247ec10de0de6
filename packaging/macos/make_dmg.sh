#!/usr/bin/env bash
# Wraps dist/Companion.app (built by `pyinstaller build.spec` on macOS) in a compressed dmg.
# Sign first if you distribute it: codesign --deep --options runtime -s "Developer ID ..." app
set -euo pipefail
version=${1:?usage: make_dmg.sh VERSION}
app=dist/Companion.app
[ -d "$app" ] || { echo "no $app: run pyinstaller build.spec first" >&2; exit 1; }
staging=$(mktemp -d)
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"
hdiutil create -volname "Companion $version" -srcfolder "$staging" -ov -format UDZO \
  "dist/Companion-$version.dmg"
rm -rf "$staging"
