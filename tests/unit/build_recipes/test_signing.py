"""The signing steps, run here against stand-ins for signtool, codesign and xcrun that record
their arguments: with a certificate or identity they sign (SHA-256, a time stamp, the hardened
runtime) and verify; without one each says so in one line and succeeds. The real tools run only
on Windows and macOS CI; nothing here proves that a certificate signs."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
SIGN_PY = ROOT / "packaging" / "windows" / "sign.py"
SIGN_SH = ROOT / "packaging" / "macos" / "sign.sh"
RECORDER = """#!/bin/sh
printf '%s\\n' "$(basename "$0") $*" >> "{log}"
"""


def recorder(folder: Path, name: str, log: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    tool = folder / name
    tool.write_text(RECORDER.format(log=log), encoding="utf-8")
    tool.chmod(tool.stat().st_mode | stat.S_IXUSR)
    return tool


def clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WINDOWS_SIGN", "MACOS_"))}
    return env | extra


def run(command: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)


@pytest.fixture
def setup_exe(tmp_path: Path) -> Path:
    target = tmp_path / "companion-setup-0.1.0.exe"
    target.write_bytes(b"MZ")
    return target


def test_windows_without_a_certificate_says_so_in_one_line(setup_exe: Path) -> None:
    done = run([sys.executable, str(SIGN_PY), str(setup_exe)], clean_env())
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "not signed: no certificate given (set WINDOWS_SIGN_CERT_THUMBPRINT or "
        "WINDOWS_SIGN_CERT_FILE to sign)"
    ]


def test_windows_signs_with_the_thumbprint_sha256_and_a_time_stamp_then_verifies(
    setup_exe: Path, tmp_path: Path
) -> None:
    log = tmp_path / "calls.txt"
    signtool = recorder(tmp_path / "bin", "signtool", log)
    env = clean_env(SIGNTOOL=str(signtool), WINDOWS_SIGN_CERT_THUMBPRINT="ab cd 12")
    done = run([sys.executable, str(SIGN_PY), str(setup_exe)], env)
    assert done.returncode == 0, done.stderr
    assert log.read_text(encoding="utf-8").splitlines() == [
        "signtool sign /fd SHA256 /tr http://timestamp.digicert.com /td SHA256 /d Companion "
        f"/sha1 abcd12 {setup_exe}",
        f"signtool verify /pa {setup_exe}",
    ]


def test_windows_signs_with_a_pfx_file_and_never_prints_its_password(
    setup_exe: Path, tmp_path: Path
) -> None:
    log = tmp_path / "calls.txt"
    signtool = recorder(tmp_path / "bin", "signtool", log)
    pfx = tmp_path / "code-signing.pfx"
    pfx.write_bytes(b"cert")
    env = clean_env(
        SIGNTOOL=str(signtool),
        WINDOWS_SIGN_CERT_FILE=str(pfx),
        WINDOWS_SIGN_CERT_PASSWORD="s3cret",
        WINDOWS_SIGN_TIMESTAMP_URL="http://timestamp.example.org",
    )
    done = run([sys.executable, str(SIGN_PY), str(setup_exe)], env)
    assert done.returncode == 0, done.stderr
    calls = log.read_text(encoding="utf-8").splitlines()
    assert calls[0].endswith(
        f"/tr http://timestamp.example.org /td SHA256 /d Companion /f {pfx} /p s3cret {setup_exe}"
    )
    assert "s3cret" not in done.stdout and "/p ****" in done.stdout


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"WINDOWS_SIGN_CERT_THUMBPRINT": "ab", "WINDOWS_SIGN_CERT_FILE": "x.pfx"}, "keep one"),
        ({"WINDOWS_SIGN_CERT_FILE": "/nowhere/x.pfx"}, "which does not exist"),
    ],
)
def test_windows_bad_certificate_settings_stop_with_a_clear_message(
    env: dict[str, str], message: str, setup_exe: Path
) -> None:
    done = run([sys.executable, str(SIGN_PY), str(setup_exe)], clean_env(**env))
    assert done.returncode == 1 and message in done.stderr and "Traceback" not in done.stderr


def test_windows_a_failing_signtool_fails_the_build(setup_exe: Path, tmp_path: Path) -> None:
    failing = tmp_path / "signtool"
    failing.write_text("#!/bin/sh\nexit 1\n", encoding="utf-8")
    failing.chmod(0o755)
    env = clean_env(SIGNTOOL=str(failing), WINDOWS_SIGN_CERT_THUMBPRINT="ab")
    done = run([sys.executable, str(SIGN_PY), str(setup_exe)], env)
    assert done.returncode == 1 and "signtool sign ended with exit code 1" in done.stderr


def fake_app(tmp_path: Path) -> Path:
    """A bundle with a Mach-O program, a framework and a resource: `file` tells them apart."""
    app = tmp_path / "Companion.app"
    macos = app / "Contents" / "MacOS"
    framework = app / "Contents" / "Frameworks" / "QtCore.framework" / "Versions" / "A"
    for folder in (macos, framework, app / "Contents" / "Resources"):
        folder.mkdir(parents=True)
    (app / "Contents" / "Resources" / "companion.svg").write_text("<svg/>", encoding="utf-8")
    for binary in (macos / "companion", framework / "QtCore"):
        binary.write_bytes(b"\xcf\xfa\xed\xfe" + bytes(60))  # MH_MAGIC_64
    return app


def mac_tools(tmp_path: Path) -> tuple[dict[str, str], Path]:
    log = tmp_path / "calls.txt"
    for name in ("codesign", "xcrun"):
        recorder(tmp_path / "bin", name, log)
    return {"PATH": f"{tmp_path / 'bin'}:{os.environ['PATH']}"}, log


def test_macos_without_an_identity_says_so_in_one_line(tmp_path: Path) -> None:
    path, log = mac_tools(tmp_path)
    done = run(["bash", str(SIGN_SH), "app", str(fake_app(tmp_path))], clean_env(**path))
    assert done.returncode == 0, done.stderr
    assert done.stdout == (
        "not signed: no identity given (set MACOS_SIGN_IDENTITY to sign and notarize)\n"
    )
    assert not log.exists()


def test_macos_signs_inside_out_with_the_hardened_runtime(tmp_path: Path) -> None:
    if subprocess.run(["sh", "-c", "command -v file"], capture_output=True).returncode != 0:
        pytest.skip("file(1) is missing")
    path, log = mac_tools(tmp_path)
    app = fake_app(tmp_path)
    env = clean_env(**path, MACOS_SIGN_IDENTITY="Developer ID Application: IT (TEAM123)")
    done = run(["bash", str(SIGN_SH), "app", str(app)], env)
    assert done.returncode == 0, done.stderr
    calls = log.read_text(encoding="utf-8").splitlines()
    flags = "codesign --force --timestamp --options runtime --sign " + env["MACOS_SIGN_IDENTITY"]
    contents = app / "Contents"
    framework = contents / "Frameworks" / "QtCore.framework"
    signed = [call.removeprefix(flags + " ") for call in calls if call.startswith(flags)]
    assert str(contents / "Resources" / "companion.svg") not in signed
    assert signed.index(str(framework / "Versions" / "A" / "QtCore")) < signed.index(str(framework))
    assert signed[-1] == str(app) and str(contents / "MacOS" / "companion") in signed
    assert calls[-1] == f"codesign --verify --deep --strict --verbose=2 {app}"


def test_macos_notarizes_and_staples_the_dmg_with_a_keychain_profile(tmp_path: Path) -> None:
    path, log = mac_tools(tmp_path)
    dmg = tmp_path / "Companion-0.1.0.dmg"
    dmg.write_bytes(b"dmg")
    env = clean_env(**path, MACOS_SIGN_IDENTITY="Dev ID", MACOS_NOTARY_PROFILE="companion")
    done = run(["bash", str(SIGN_SH), "dmg", str(dmg)], env)
    assert done.returncode == 0, done.stderr
    assert log.read_text(encoding="utf-8").splitlines() == [
        f"codesign --force --timestamp --sign Dev ID {dmg}",
        f"xcrun notarytool submit {dmg} --keychain-profile companion --wait",
        f"xcrun stapler staple {dmg}",
        f"xcrun stapler validate {dmg}",
    ]


def test_macos_signed_dmg_without_notary_credentials_says_so(tmp_path: Path) -> None:
    path, log = mac_tools(tmp_path)
    dmg = tmp_path / "Companion-0.1.0.dmg"
    dmg.write_bytes(b"dmg")
    env = clean_env(**path, MACOS_SIGN_IDENTITY="Dev ID")
    done = run(["bash", str(SIGN_SH), "dmg", str(dmg)], env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("not notarized: no notary credentials given")
    assert "notarytool" not in log.read_text(encoding="utf-8")
