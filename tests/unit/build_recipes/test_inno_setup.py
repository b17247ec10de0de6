"""companion.iss, read as Inno Setup reads it (sections of "Key: value; Key: value" entries):
an upgrade over a running Companion starts it again, also when silent, and signing is wired to
packaging/windows/sign.py only when the build asks for it. Inno Setup does not run here; the
Windows CI job builds and installs the real thing (.github/workflows/build.yml)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
ISS = ROOT / "packaging" / "windows" / "companion.iss"


def sections() -> dict[str, list[str]]:
    """Each section's logical lines: comments dropped, "\\" continuations joined."""
    found: dict[str, list[str]] = {}
    current = ""
    pending = ""
    for raw in ISS.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if current != "Code" and (not line or line.startswith(";")):
            continue
        header = re.fullmatch(r"\[(\w+)\]", line)
        if header:
            current = header.group(1)
            found.setdefault(current, [])
            continue
        if current != "Code" and line.endswith("\\"):
            pending += line[:-1].strip() + " "
            continue
        found.setdefault(current, []).append(pending + line)
        pending = ""
    return found


def entry(line: str) -> dict[str, str]:
    """``Filename: "x"; Flags: a b`` as {"Filename": "x", "Flags": "a b"}."""
    parts = (part.strip() for part in line.split(";") if part.strip())
    return {
        key.strip(): value.strip().strip('"') for key, value in (p.split(":", 1) for p in parts)
    }


def test_a_running_companion_is_started_again_after_any_upgrade_silent_or_not() -> None:
    runs = [entry(line) for line in sections()["Run"]]
    relaunch = [r for r in runs if r.get("Check") == "CompanionWasRunning"]
    assert len(relaunch) == 1
    flags = relaunch[0]["Flags"].split()
    # Neither postinstall nor skipifsilent: it runs in /VERYSILENT mode too; as the agent.
    assert "postinstall" not in flags and "skipifsilent" not in flags
    assert {"nowait", "runasoriginaluser"} <= set(flags)
    assert relaunch[0]["Filename"] == "{app}\\companion.exe"
    offered = [r for r in runs if "postinstall" in r.get("Flags", "")]
    assert [r.get("Check") for r in offered] == ["CompanionWasNotRunning"]


def test_the_code_notes_a_running_companion_and_quits_it_before_files_are_replaced() -> None:
    code = "\n".join(sections()["Code"])
    for function in ("CompanionWasRunning", "CompanionWasNotRunning", "PrepareToInstall"):
        assert re.search(rf"^function {function}\(", code, re.MULTILINE), function
    prepare = code[code.index("function PrepareToInstall") :]
    prepare = prepare[: prepare.index("\nend;")]
    assert "WasRunning := CompanionRunsForThisUser();" in prepare
    assert "'quit'" in prepare
    assert '"USERNAME eq' in code and "GetUserNameString()" in code
    setup = dict(line.split("=", 1) for line in sections()["Setup"] if "=" in line)
    assert setup["CloseApplications"] == "yes"  # the Restart Manager closes what is left


def test_signing_is_wired_only_when_the_build_defines_sign() -> None:
    text = ISS.read_text(encoding="utf-8")
    block = re.search(r"#ifdef Sign\n(.*?)#endif", text, re.DOTALL)
    assert block is not None
    assert "SignTool=companion" in block.group(1) and "SignedUninstaller=yes" in block.group(1)
    assert text.count("SignTool=") == 1
