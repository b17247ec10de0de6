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
[ -x "$bundle/companion" ] || { echo "no frozen build in $bundle: run pyinstaller first" >&2; exit 1; }
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
# The bundle (its Python, the libraries it carries) needs the build machine's glibc or newer.
libc=$(getconf GNU_LIBC_VERSION | cut -d' ' -f2)
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@SIZE@/$installed_kb/" \
  -e "s/@LIBC@/$libc/" "$root/packaging/linux/control.in" > "$stage/DEBIAN/control"
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
