"""`companion --self-test`: one line a check, a report file, exit 0 only when all passed."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from companion import cli, self_test
from companion.self_test import CHECKS, run_self_test
from companion.system.resource_manifest import MANIFEST_NAME, listing, write_manifest
from companion.system.resources import resources_dir

SOURCE_RESOURCES = Path(__file__).resolve().parents[2] / "resources"


def test_a_working_installation_passes_every_check(
    qtbot: QtBot, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "self-test.txt"

    assert run_self_test(report) == 0

    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].endswith("self-test (source)") and lines[-1] == "all checks passed"
    assert [line.split(":")[0] for line in lines[1:-1]] == [f"ok   {name}" for name, _ in CHECKS]
    resources = next(line for line in lines if line.startswith("ok   resources:"))
    count = len(listing(resources_dir()))  # icons, the SVG, the catalogs (and compiled ones)
    assert count >= 9
    assert resources.startswith(
        f"ok   resources: all {count} listed by the source tree are intact: "
    )
    assert "companion.svg" in resources and "icons/companion-16.png" in resources
    notifications = next(line for line in lines if line.startswith("ok   notifications:"))
    assert "desktop notifications (D-Bus)" in notifications
    assert "D-Bus notification service:" in notifications
    assert report.read_text(encoding="utf-8") == out


@pytest.fixture
def frozen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A frozen build's folder (sys._MEIPASS) with its manifest taken from resources/."""
    root = tmp_path / "bundle"
    (root / "resources").mkdir(parents=True)
    write_manifest(resources_dir(), root / MANIFEST_NAME)
    monkeypatch.setattr(sys, "_MEIPASS", str(root), raising=False)
    return root


def test_a_damaged_resource_fails_with_what_is_wrong_and_exit_code_1(
    qtbot: QtBot, frozen: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(SOURCE_RESOURCES, frozen / "resources", dirs_exist_ok=True)
    png = frozen / "resources" / "icons" / "companion-32.png"
    png.write_bytes(png.read_bytes()[:40])  # truncated
    report = tmp_path / "self-test.txt"

    assert run_self_test(report) == 1

    out = capsys.readouterr().out
    assert "FAIL resources: icons/companion-32.png differs from the build's copy" in out
    assert "FAIL qt: the icon did not load: icons/companion-32.png" in out
    assert out.splitlines()[-1] == "2 check(s) failed"
    assert report.read_text(encoding="utf-8") == out


def test_a_build_without_its_manifest_fails(
    frozen: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (frozen / MANIFEST_NAME).unlink()

    assert run_self_test(None, [("resources", self_test._check_resources)]) == 1

    out = capsys.readouterr().out
    assert "FAIL resources: the build's list of its resources (resources-manifest.json)" in out


def test_a_report_that_cannot_be_written_is_a_failure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "missing-folder" / "self-test.txt"

    assert run_self_test(report, [("always", lambda: "fine")]) == 1

    assert "could not be written" in capsys.readouterr().err


def test_report_goes_with_self_test(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    asked: list[Path | None] = []
    monkeypatch.setattr(self_test, "run_self_test", lambda report: asked.append(report) or 0)

    assert cli.main(["--self-test", "--report", str(tmp_path / "r.txt")]) == 0
    assert asked == [tmp_path / "r.txt"]
    with pytest.raises(SystemExit) as leaving:
        cli.main(["--report", str(tmp_path / "r.txt")])
    assert leaving.value.code == 2 and "--self-test" in capsys.readouterr().err
