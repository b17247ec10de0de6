#!/usr/bin/env bash
# Makes the virtual environment that `make run` and `make test` use: make_venv.sh PYTHON DIR.
# A fresh Debian's Python has no venv module with pip (it comes in pythonX.Y-venv): installed
# with apt-get when we are root, otherwise one sentence says what to install.
set -euo pipefail
python=${1:-python3}
venv=${2:-.venv}
if ! command -v "$python" >/dev/null 2>&1; then
  echo "Companion needs Python 3.11 or newer, and '$python' was not found: please install python3." >&2
  exit 1
fi
if ! "$python" -c 'import ensurepip, venv' >/dev/null 2>&1; then
  version=$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
  package="python${version}-venv"
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing $package (Python's venv module with pip, which Companion's setup needs)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "$package" >/dev/null
  else
    echo "Python's venv module is missing: install $package (sudo apt-get install $package), then run make again." >&2
    exit 1
  fi
fi
# Over an existing folder this keeps what is installed; one left half-made by an earlier
# failed attempt gets its pip now.
"$python" -m venv "$venv"
