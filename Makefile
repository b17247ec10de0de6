# README's two commands: `make run` and `make test`. Each sets up what it needs from a fresh clone.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: run test check lint typecheck desktop-tools package lock clean catalogs check-catalogs

$(STAMP): pyproject.toml
	@bash packaging/make_venv.sh $(PYTHON) $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# Translations (companion/core/i18n.py): the template resources/locale/companion.pot is made
# from the source by Babel, each language's companion.po is kept by people, and the .mo files
# Companion reads are compiled from them here (not kept in git).
LOCALE := resources/locale
POT := $(LOCALE)/companion.pot
CATALOGS := $(wildcard $(LOCALE)/*/LC_MESSAGES/companion.po)
COMPILED := $(CATALOGS:.po=.mo)

$(LOCALE)/%/LC_MESSAGES/companion.mo: $(LOCALE)/%/LC_MESSAGES/companion.po $(STAMP)
	$(VENV)/bin/pybabel compile --domain companion --input-file $< --output-file $@

## Refresh the template from the source and merge it into every language's catalog (new
## sentences arrive empty, never guessed from a similar one; `make test` fails until each
## language has them all).
catalogs: $(STAMP)
	$(VENV)/bin/pybabel extract --project Companion --copyright-holder "Companion's authors" \
		--msgid-bugs-address "" --no-location --sort-output --no-wrap --add-comments Translators: \
		--output-file $(POT) companion
	for po in $(CATALOGS); do \
		lang=$$(basename $$(dirname $$(dirname $$po))); \
		$(VENV)/bin/pybabel update --domain companion --no-wrap --ignore-obsolete --no-fuzzy-matching \
			--locale $$lang --input-file $(POT) --output-file $$po || exit 1; \
	done

## Fail when the code marks a sentence the template lacks, or a language leaves one untranslated,
## changes a placeholder or doesn't compile (also part of `make test`).
check-catalogs: $(STAMP)
	$(PY) -m pytest -q -p no:cacheprovider tests/unit/test_catalogs.py

## Start the app (needs a display; without one it says how to run it under xvfb-run).
run: $(STAMP) $(COMPILED)
	$(PY) -m companion $(ARGS)

## Install the desktop test tools (Xvfb, trayer, xdotool, imagemagick, Qt's xcb libraries)
## when root on Debian and missing; otherwise say what is missing.
desktop-tools:
	@bash tests/e2e/install_desktop_tools.sh

## The whole suite: unit, offscreen widget tests and end-to-end tests on Xvfb.
test: $(STAMP) $(COMPILED) desktop-tools
	$(PY) -m pytest

# The build's own environment, made afresh from the lock whenever the lock changes: what
# PyInstaller bundles is what requirements-build.txt pins, whatever else this machine has.
LOCK := requirements-build.txt
BUILD_VENV := .venv-build
BUILD_PY := $(BUILD_VENV)/bin/python
BUILD_STAMP := $(BUILD_VENV)/.installed-stamp
VERSION = $(shell $(BUILD_PY) -c "import companion; print(companion.__version__)")

$(BUILD_STAMP): $(LOCK)
	rm -rf $(BUILD_VENV)
	@bash packaging/make_venv.sh $(PYTHON) $(BUILD_VENV)
	$(BUILD_PY) -m pip install --quiet --require-hashes --only-binary=:all: -r $(LOCK)
	touch $(BUILD_STAMP)

## The frozen one-folder build (PyInstaller, build.spec), a .deb and a tarball in build/packages/,
## each with its SBOM beside it (<package>.cdx.json).
package: $(BUILD_STAMP) $(COMPILED)
	$(BUILD_PY) -m PyInstaller --noconfirm --log-level WARN --distpath build/dist \
		--workpath build/work build.spec
	build/dist/companion/companion --self-test
	bash packaging/linux/build_packages.sh $(VERSION) $(abspath $(BUILD_PY))

## Re-pin the build's dependencies in requirements-build.txt, with the hashes of every file
## PyPI has for each pinned version, for Linux, Windows and macOS at once (uv).
lock: $(STAMP)
	$(PY) -m pip install --quiet -e '.[lock]'
	$(VENV)/bin/uv pip compile pyproject.toml --extra package --universal --generate-hashes \
		--python-version 3.11 --custom-compile-command "make lock" --output-file $(LOCK)

lint: $(STAMP)
	$(VENV)/bin/ruff check companion tests bench packaging
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
	rm -rf $(VENV) $(BUILD_VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
