# README's two commands: `make run` and `make test`. Each sets up what it needs from a fresh clone.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: run test check lint typecheck desktop-tools package clean

$(STAMP): pyproject.toml
	@bash packaging/make_venv.sh $(PYTHON) $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

## Start the app (needs a display; without one it says how to run it under xvfb-run).
run: $(STAMP)
	$(PY) -m companion $(ARGS)

## Install the desktop test tools (Xvfb, trayer, xdotool, imagemagick, Qt's xcb libraries)
## when root on Debian and missing; otherwise say what is missing.
desktop-tools:
	@bash tests/e2e/install_desktop_tools.sh

## The whole suite: unit, offscreen widget tests and end-to-end tests on Xvfb.
test: $(STAMP) desktop-tools
	$(PY) -m pytest

PACKAGE_STAMP := $(VENV)/.package-stamp
VERSION = $(shell $(PY) -c "import companion; print(companion.__version__)")

$(PACKAGE_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e '.[package]'
	touch $(PACKAGE_STAMP)

## The frozen one-folder build (PyInstaller, build.spec), a .deb and a tarball in build/packages/.
package: $(PACKAGE_STAMP)
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN --distpath build/dist \
		--workpath build/work build.spec
	build/dist/companion/companion --self-test
	bash packaging/linux/build_packages.sh $(VERSION) $(abspath $(PY))

lint: $(STAMP)
	$(VENV)/bin/ruff check companion tests bench
	$(VENV)/bin/ruff format --check companion tests bench

typecheck: $(STAMP)
	$(VENV)/bin/mypy

check: lint typecheck test

.PHONY: bench
BENCH_STAMP := $(VENV)/.bench-stamp

$(BENCH_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e '.[bench]'
	touch $(BENCH_STAMP)

## Benchmarks, figures in bench/RESULTS.md (about 12 minutes; ARGS=--quick for a short check).
bench: $(BENCH_STAMP) desktop-tools
	$(PY) -m bench $(ARGS)

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
