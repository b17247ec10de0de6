#!/usr/bin/env bash
# Signs and notarizes the macOS build when credentials are given; says so in one line when not.
#   packaging/macos/sign.sh app dist/Companion.app     before make_dmg.sh: codesign, inside out
#   packaging/macos/sign.sh dmg dist/Companion-V.dmg   after it: codesign, notarytool, stapler
# Environment:
#   MACOS_SIGN_IDENTITY    a "Developer ID Application: Name (TEAMID)" identity in the keychain
#   MACOS_ENTITLEMENTS     an entitlements plist, only if your build needs a hardened-runtime
#                          exception (Companion's own needs none: no JIT, and every library is
#                          signed here with the same identity)
#   notarization, one of:
#     MACOS_NOTARY_PROFILE                  a profile saved by `xcrun notarytool store-credentials`
#     MACOS_NOTARY_KEY + MACOS_NOTARY_KEY_ID + MACOS_NOTARY_ISSUER   an App Store Connect API key
#     MACOS_NOTARY_APPLE_ID + MACOS_NOTARY_TEAM_ID + MACOS_NOTARY_PASSWORD   (app-specific password)
set -euo pipefail
step=${1:?usage: sign.sh app APP | dmg DMG}
target=${2:?usage: sign.sh app APP | dmg DMG}
identity=${MACOS_SIGN_IDENTITY:-}

if [ -z "$identity" ]; then
  echo "not signed: no identity given (set MACOS_SIGN_IDENTITY to sign and notarize)"
  exit 0
fi
[ -e "$target" ] || { echo "sign.sh: nothing to sign at $target" >&2; exit 1; }

codesign_args=(--force --timestamp --options runtime --sign "$identity")
if [ -n "${MACOS_ENTITLEMENTS:-}" ]; then
  [ -f "$MACOS_ENTITLEMENTS" ] ||
    { echo "sign.sh: MACOS_ENTITLEMENTS names $MACOS_ENTITLEMENTS, which does not exist" >&2; exit 1; }
  codesign_args+=(--entitlements "$MACOS_ENTITLEMENTS")
fi

notary_args() {
  if [ -n "${MACOS_NOTARY_PROFILE:-}" ]; then
    echo "--keychain-profile"; echo "$MACOS_NOTARY_PROFILE"
  elif [ -n "${MACOS_NOTARY_KEY:-}" ]; then
    echo "--key"; echo "$MACOS_NOTARY_KEY"
    echo "--key-id"; echo "${MACOS_NOTARY_KEY_ID:?MACOS_NOTARY_KEY needs MACOS_NOTARY_KEY_ID}"
    echo "--issuer"; echo "${MACOS_NOTARY_ISSUER:?MACOS_NOTARY_KEY needs MACOS_NOTARY_ISSUER}"
  elif [ -n "${MACOS_NOTARY_APPLE_ID:-}" ]; then
    echo "--apple-id"; echo "$MACOS_NOTARY_APPLE_ID"
    echo "--team-id"; echo "${MACOS_NOTARY_TEAM_ID:?MACOS_NOTARY_APPLE_ID needs MACOS_NOTARY_TEAM_ID}"
    echo "--password"
    echo "${MACOS_NOTARY_PASSWORD:?MACOS_NOTARY_APPLE_ID needs MACOS_NOTARY_PASSWORD}"
  fi
}

case $step in
  app)
    # Inside out, as Apple's code signing guide asks (no --deep for signing): find -depth
    # lists what a folder holds before the folder, so every Mach-O file is signed before the
    # .framework holding it, and those before the app, which seals its resources last.
    while IFS= read -r -d '' path; do
      if [ -d "$path" ] || file -b "$path" | grep -q 'Mach-O'; then
        codesign "${codesign_args[@]}" "$path"
      fi
    done < <(find "$target/Contents" -depth \( -type d -name '*.framework' -o -type f \) -print0)
    codesign "${codesign_args[@]}" "$target"
    codesign --verify --deep --strict --verbose=2 "$target"
    ;;
  dmg)
    codesign --force --timestamp --sign "$identity" "$target"
    mapfile -t notary < <(notary_args)
    if [ ${#notary[@]} -eq 0 ]; then
      echo "not notarized: no notary credentials given (set MACOS_NOTARY_PROFILE, MACOS_NOTARY_KEY or MACOS_NOTARY_APPLE_ID)"
      exit 0
    fi
    xcrun notarytool submit "$target" "${notary[@]}" --wait
    xcrun stapler staple "$target"
    xcrun stapler validate "$target"
    ;;
  *)
    echo "sign.sh: the step is app or dmg, not $step" >&2
    exit 2
    ;;
esac
