"""What the frozen bundle needs from the system, read from its ELF files, for the .deb's Depends.

Each bundled ELF file's NEEDED entries that the bundle does not carry itself must come from a
package the .deb depends on (directly or through those packages' own dependencies), and the
newest GLIBC symbol version any of them uses must be covered by the libc6 it asks for.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

_GLIBC = re.compile(rb"GLIBC_(\d+(?:\.\d+)+)")
_DEP_NAME = re.compile(r"^\s*([a-z0-9][a-z0-9+.-]*)")


def elf_files(bundle: Path) -> list[Path]:
    found = []
    for path in bundle.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    found.append(path)
    return sorted(found)


def needed(path: Path) -> set[str]:
    out = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True).stdout
    return set(re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out))


def system_libraries(bundle: Path) -> dict[str, set[str]]:
    """Libraries the bundle needs and does not carry: soname -> bundled files needing it."""
    files = elf_files(bundle)
    carried = {path.name for path in bundle.rglob("*")}
    wanted: dict[str, set[str]] = {}
    for path in files:
        for soname in needed(path) - carried:
            wanted.setdefault(soname, set()).add(str(path.relative_to(bundle)))
    return wanted


def newest_glibc(bundle: Path) -> tuple[int, ...]:
    versions = {(0,)}
    for path in elf_files(bundle):
        out = subprocess.run(["objdump", "-T", str(path)], capture_output=True).stdout
        versions.update(tuple(int(n) for n in v.split(b".")) for v in _GLIBC.findall(out))
    return max(versions)


def resolve(soname: str) -> Path | None:
    """Where the dynamic linker finds ``soname`` on this machine."""
    out = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True).stdout
    found = []
    for line in out.splitlines():
        name, _, target = line.strip().partition(" => ")
        if name.split(" ")[0] == soname and Path(target).exists():
            found.append((0 if "64" in name else 1, Path(target)))  # 64-bit builds first
    return min(found)[1] if found else None


def owner(path: Path) -> str | None:
    """The installed package holding ``path`` (merged /usr: tried with and without /usr)."""
    candidates = [path, path.resolve()]
    candidates += [Path("/usr") / p.relative_to("/") for p in list(candidates)]
    for candidate in candidates:
        found = subprocess.run(["dpkg", "-S", str(candidate)], capture_output=True, text=True)
        if found.returncode == 0:
            return found.stdout.split(":", 1)[0].strip()
    return None


def dependency_names(field: str) -> set[str]:
    """Package names in a Depends field, every alternative included, versions dropped."""
    names = set()
    for part in re.split(r"[,|]", field):
        match = _DEP_NAME.match(part)
        if match:
            names.add(match.group(1).split(":")[0])
    return names


def closure(packages: set[str]) -> set[str]:
    """``packages`` and everything they depend on, as far as it is installed here."""
    seen: set[str] = set()
    todo = list(packages)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        query = ["dpkg-query", "-W", "-f", "${Depends}, ${Pre-Depends}", name]
        fields = subprocess.run(query, capture_output=True, text=True).stdout
        todo.extend(dependency_names(fields) - seen)
    return seen
