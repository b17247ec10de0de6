#!/usr/bin/env bash
# Turns the PyInstaller folder build/dist/companion into a .deb and a tarball in build/packages/.
# Usage: packaging/linux/build_packages.sh VERSION PYTHON
# DEB_MAINTAINER names who answers for the package (an IT team rebuilding it sets its own).
set -euo pipefail
version=$1
python=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
bundle=$root/build/dist/companion
# PyInstaller's work folder for build.spec (the Makefile's --workpath, then the spec's name).
work=$root/build/work/build
out=$root/build/packages
stage=$root/build/deb-root
arch=$(dpkg --print-architecture 2>/dev/null || echo amd64)
here=$root/packaging/linux
app_id=io.github.companion.Companion
lib=usr/lib/companion
maintainer=${DEB_MAINTAINER:-Companion maintainers <companion@example.org>}
# The date of the commit built (reproducible), else now.
when=${SOURCE_DATE_EPOCH:-$(git -C "$root" log -1 --format=%ct 2>/dev/null || date +%s)}
command -v dpkg-shlibdeps >/dev/null ||
  { echo "dpkg-shlibdeps is missing: install dpkg-dev (it names the .deb's Depends)" >&2; exit 1; }
command -v patchelf >/dev/null ||
  { echo "patchelf is missing: install it (it drops the build host's library paths)" >&2; exit 1; }
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
# Library search paths baked in by the build host (pyenv's /root/.pyenv/.../lib, say) mean
# nothing on an agent's desktop: keep only the $ORIGIN ones, which point inside the bundle.
strip_host_runpaths() {
  local file path kept entry
  while IFS= read -r -d '' file; do
    head -c4 "$file" | grep -q ELF || continue
    path=$(readelf -d "$file" | sed -n 's/.*(\(RUN\)\{0,1\}PATH).*\[\(.*\)\]/\2/p')
    [ -n "$path" ] || continue
    kept=()
    IFS=: read -r -a entries <<< "$path"
    for entry in "${entries[@]}"; do
      case $entry in '$ORIGIN'*) kept+=("$entry") ;; esac
    done
    if [ ${#kept[@]} -eq 0 ]; then
      patchelf --remove-rpath "$file"
    elif [ "${#kept[@]}" -ne "${#entries[@]}" ]; then
      patchelf --set-rpath "$(IFS=:; echo "${kept[*]}")" "$file"
    fi
  done < <(find "$1" -type f -print0)
}

# Debian's changelog for this build: native package, one entry a version.
changelog() {
  printf 'companion (%s) unstable; urgency=medium\n\n' "$version"
  printf '  * Companion %s, frozen with PyInstaller' "$version"
  git -C "$root" log -1 --format=' from commit %h.' 2>/dev/null || echo .
  printf '\n -- %s  %s\n' "$maintainer" "$(date -u -R -d "@$when")"
}

echo "bundle $bundle: $(du -sh "$bundle" | cut -f1) uncompressed, $(find "$bundle" -type f | wc -l) files"

rm -rf "$stage" && mkdir -p "$stage/DEBIAN" "$out"
doc=$stage/usr/share/doc/companion
install -d "$stage/$lib" "$stage/usr/bin" "$stage/usr/share/applications" \
  "$stage/usr/share/metainfo" "$stage/usr/share/icons/hicolor/scalable/apps" \
  "$stage/etc/xdg/autostart" "$doc" "$stage/usr/share/man/man1" \
  "$stage/usr/share/lintian/overrides"
cp -a "$bundle/." "$stage/$lib/"
# Libraries are loaded, not run: only the program itself keeps its execute bit.
find "$stage/$lib" -type f -name '*.so*' -exec chmod 0644 {} +
strip_host_runpaths "$stage/$lib"
ln -s ../lib/companion/companion "$stage/usr/bin/companion"
install -m 0644 "$here/$app_id.desktop" "$stage/usr/share/applications/"
sed -e "s/@VERSION@/$version/" -e "s/@DATE@/$(date -u -d "@$when" +%F)/" \
  "$here/$app_id.metainfo.xml" > "$stage/usr/share/metainfo/$app_id.metainfo.xml"
# The autostart entry keeps its name: an agent's ~/.config/autostart/companion.desktop
# (written when they turn "Start with my computer" off) overrides it by that name.
install -m 0644 "$here/companion-autostart.desktop" "$stage/etc/xdg/autostart/companion.desktop"
install -m 0644 "$root/resources/companion.svg" \
  "$stage/usr/share/icons/hicolor/scalable/apps/$app_id.svg"
"$python" "$root/packaging/render_icons.py" "$root/resources/companion.svg" \
  "$stage/usr/share/icons/hicolor" "$app_id"
install -m 0644 "$root/docs/deploying.md" "$doc/deploying.md"
install -m 0644 "$here/copyright" "$doc/copyright"
changelog | gzip -9n > "$doc/changelog.gz"
"$python" "$here/manpage.py" "$version" "$(date -u -d "@$when" +%F)" |
  gzip -9n > "$stage/usr/share/man/man1/companion.1.gz"
install -m 0644 "$here/lintian-overrides" "$stage/usr/share/lintian/overrides/companion"
find "$stage/usr/share" -type f -exec chmod 0644 {} +

installed_kb=$(du -sk "$stage" --exclude=DEBIAN | cut -f1)
depends=$(deb_depends "$bundle")
echo "Depends: $depends"
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@SIZE@/$installed_kb/" \
  -e "s/@MAINTAINER@/$(printf '%s' "$maintainer" | sed 's/[\/&]/\\&/g')/" \
  -e "s/@DEPENDS@/$(printf '%s' "$depends" | sed 's/[\/&]/\\&/g')/" "$here/control.in" > "$stage/DEBIAN/control"
install -m 0755 "$here/postinst" "$here/postrm" "$stage/DEBIAN/"
# Every file under /etc is a conffile: an admin's edit survives upgrades, purge removes it.
(cd "$stage" && find etc -type f -printf '/%p\n' | sort) > "$stage/DEBIAN/conffiles"
(cd "$stage" && find . -path ./DEBIAN -prune -o -path ./etc -prune -o -type f -printf '%P\0' |
  sort -z | xargs -0 md5sum) > "$stage/DEBIAN/md5sums"
chmod 0644 "$stage/DEBIAN/conffiles" "$stage/DEBIAN/md5sums"
find "$stage" -type d -exec chmod 0755 {} +
deb=$out/companion_${version}_${arch}.deb
dpkg-deb --root-owner-group -Zxz --build "$stage" "$deb" >/dev/null
echo "built $deb ($(du -h "$deb" | cut -f1))"

tarball=$out/companion-${version}-linux-$(uname -m).tar.gz
tar -C "$stage" -czf "$tarball" --owner=0 --group=0 usr etc
echo "built $tarball ($(du -h "$tarball" | cut -f1))"

# The SBOM of each package, beside it: the distributions the bundle took, from the build's
# own records (build.spec) and the locked environment that ran PyInstaller.
SOURCE_DATE_EPOCH=$when "$python" "$root/packaging/sbom.py" "$work" "$deb.cdx.json" "$tarball.cdx.json"
