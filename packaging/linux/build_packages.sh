#!/usr/bin/env bash
# Turns the PyInstaller folder build/dist/companion into a .deb and a tarball in build/packages/.
# Usage: packaging/linux/build_packages.sh VERSION PYTHON
set -euo pipefail
version=$1
python=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
bundle=$root/build/dist/companion
out=$root/build/packages
stage=$root/build/deb-root
arch=$(dpkg --print-architecture 2>/dev/null || echo amd64)
command -v dpkg-shlibdeps >/dev/null ||
  { echo "dpkg-shlibdeps is missing: install dpkg-dev (it names the .deb's Depends)" >&2; exit 1; }
[ -x "$bundle/companion" ] || { echo "no frozen build in $bundle: run pyinstaller first" >&2; exit 1; }
# Libraries the app opens by name at run time, which no file of the bundle lists as needed:
# libXss for the idle time on X11 (companion/system/idle.py, through ctypes).
DLOPENED="libxss1"

# The .deb's Depends follow from what the bundle loads (build.spec leaves every system library
# to the distribution): dpkg-shlibdeps reads each ELF file's needs and the symbol versions it
# uses, and names the packages (with their minimum versions) that provide them, glibc's too.
# The bundle's own folders are searched first; a library found nowhere fails the build.
deb_depends() {
  local dir=$root/build/shlibdeps elf=() private=()
  rm -rf "$dir" && mkdir -p "$dir/debian"
  printf 'Source: companion\n\nPackage: companion\nArchitecture: any\n' > "$dir/debian/control"
  mapfile -t elf < <(find "$1" -type f -exec sh -c 'head -c4 "$1" | grep -q ELF' sh {} \; -print)
  mapfile -t private < <(find "$1" -type f -name '*.so*' -printf '-l%h\n' | sort -u)
  local found
  if ! found=$(cd "$dir" && dpkg-shlibdeps -O --ignore-missing-info "${private[@]}" "${elf[@]}" \
      2> "$dir/messages.txt"); then
    grep -v 'warning:' "$dir/messages.txt" >&2
    exit 1
  fi
  echo "${found#shlibs:Depends=}, $DLOPENED"
}
echo "bundle $bundle: $(du -sh "$bundle" | cut -f1) uncompressed, $(find "$bundle" -type f | wc -l) files"

rm -rf "$stage" && mkdir -p "$stage/DEBIAN" "$out"
install -d "$stage/opt/companion" "$stage/usr/bin" "$stage/usr/share/applications" \
  "$stage/usr/share/icons/hicolor/scalable/apps" "$stage/etc/xdg/autostart" \
  "$stage/usr/share/doc/companion"
cp -a "$bundle/." "$stage/opt/companion/"
ln -s /opt/companion/companion "$stage/usr/bin/companion"
install -m 0644 "$root/packaging/linux/companion.desktop" "$stage/usr/share/applications/"
install -m 0644 "$root/packaging/linux/companion-autostart.desktop" \
  "$stage/etc/xdg/autostart/companion.desktop"
install -m 0644 "$root/resources/companion.svg" "$stage/usr/share/icons/hicolor/scalable/apps/"
"$python" "$root/packaging/render_icons.py" "$root/resources/companion.svg" \
  "$stage/usr/share/icons/hicolor"
install -m 0644 "$root/docs/deploying.md" "$stage/usr/share/doc/companion/deploying.md"
installed_kb=$(du -sk "$stage" --exclude=DEBIAN | cut -f1)
depends=$(deb_depends "$bundle")
echo "Depends: $depends"
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@SIZE@/$installed_kb/" \
  -e "s/@DEPENDS@/$(printf '%s' "$depends" | sed 's/[\/&]/\\&/g')/" "$root/packaging/linux/control.in" > "$stage/DEBIAN/control"
install -m 0755 "$root/packaging/linux/postinst" "$root/packaging/linux/postrm" "$stage/DEBIAN/"
# Every file under /etc is a conffile: an admin's edit survives upgrades, purge removes it.
(cd "$stage" && find etc -type f -printf '/%p\n' | sort) > "$stage/DEBIAN/conffiles"
chmod 0644 "$stage/DEBIAN/conffiles"
find "$stage" -type d -exec chmod 0755 {} +
deb=$out/companion_${version}_${arch}.deb
dpkg-deb --root-owner-group -Zxz --build "$stage" "$deb" >/dev/null
echo "built $deb ($(du -h "$deb" | cut -f1))"

tarball=$out/companion-${version}-linux-$(uname -m).tar.gz
tar -C "$stage" -czf "$tarball" --owner=0 --group=0 opt usr etc
echo "built $tarball ($(du -h "$tarball" | cut -f1))"
