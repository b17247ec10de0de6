"""Signs Windows files with signtool when a certificate is given; says so in one line when not.

    python packaging/windows/sign.py FILE [FILE ...]

The certificate comes from the environment, one of:
  WINDOWS_SIGN_CERT_THUMBPRINT  SHA-1 thumbprint of a certificate in the certificate store
                                (a hardware token or a cloud key's CSP puts it there)
  WINDOWS_SIGN_CERT_FILE        a .pfx file, with WINDOWS_SIGN_CERT_PASSWORD when it has one
and optionally:
  WINDOWS_SIGN_TIMESTAMP_URL    an RFC 3161 time-stamp server (default below)
  SIGNTOOL                      the signtool.exe to run (default: on PATH, else the newest
                                Windows SDK's)
Each file is signed with SHA-256 and an RFC 3161 time stamp (signtool sign /fd SHA256 /tr URL
/td SHA256), then checked with signtool verify /pa. Inno Setup calls it for the setup program
and its uninstaller (companion.iss, SignTool=companion).
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import sys
from collections.abc import Mapping, Sequence

DEFAULT_TIMESTAMP_URL = "http://timestamp.digicert.com"
NOT_SIGNED = (
    "not signed: no certificate given (set WINDOWS_SIGN_CERT_THUMBPRINT or "
    "WINDOWS_SIGN_CERT_FILE to sign)"
)
SDK_SIGNTOOLS = r"C:\Program Files (x86)\Windows Kits\10\bin\*\x64\signtool.exe"


class SigningError(Exception):
    """A certificate was given but signing can't go ahead: the message says why."""


def certificate_arguments(env: Mapping[str, str]) -> list[str] | None:
    """signtool's arguments naming the certificate, or None when none is given."""
    thumbprint = env.get("WINDOWS_SIGN_CERT_THUMBPRINT", "").strip()
    cert_file = env.get("WINDOWS_SIGN_CERT_FILE", "").strip()
    if thumbprint and cert_file:
        raise SigningError(
            "both WINDOWS_SIGN_CERT_THUMBPRINT and WINDOWS_SIGN_CERT_FILE are set: keep one"
        )
    if thumbprint:
        return ["/sha1", thumbprint.replace(" ", "")]
    if not cert_file:
        return None
    if not os.path.isfile(cert_file):
        raise SigningError(f"WINDOWS_SIGN_CERT_FILE names {cert_file}, which does not exist")
    password = env.get("WINDOWS_SIGN_CERT_PASSWORD", "")
    return ["/f", cert_file, *(["/p", password] if password else [])]


def find_signtool(env: Mapping[str, str]) -> str:
    chosen = env.get("SIGNTOOL") or shutil.which("signtool")
    if chosen:
        return chosen
    found = sorted(glob.glob(SDK_SIGNTOOLS))
    if not found:
        raise SigningError("signtool.exe was not found: install the Windows SDK or set SIGNTOOL")
    return found[-1]


def shown(command: Sequence[str]) -> str:
    """The command for the log, with the certificate's password masked."""
    masked = list(command)
    for index, word in enumerate(masked[:-1]):
        if word == "/p":
            masked[index + 1] = "****"
    return " ".join(masked)


def sign(files: Sequence[str], env: Mapping[str, str]) -> int:
    certificate = certificate_arguments(env)
    if certificate is None:
        print(NOT_SIGNED)
        return 0
    missing = [f for f in files if not os.path.isfile(f)]
    if missing:
        raise SigningError(f"nothing to sign at {', '.join(missing)}")
    signtool = find_signtool(env)
    url = env.get("WINDOWS_SIGN_TIMESTAMP_URL", "").strip() or DEFAULT_TIMESTAMP_URL
    commands = [
        [signtool, "sign", "/fd", "SHA256", "/tr", url, "/td", "SHA256", "/d", "Companion",
         *certificate, *files],
        [signtool, "verify", "/pa", *files],
    ]  # fmt: skip
    for command in commands:
        print(shown(command))
        done = subprocess.run(command, check=False)
        if done.returncode != 0:
            raise SigningError(f"signtool {command[1]} ended with exit code {done.returncode}")
    return 0


def main(argv: Sequence[str]) -> int:
    if not argv:
        print("usage: sign.py FILE [FILE ...]", file=sys.stderr)
        return 2
    try:
        return sign(argv, os.environ)
    except SigningError as error:
        print(f"sign.py: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
