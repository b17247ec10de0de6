"""/etc/companion/policy.toml and policy.d/*.toml: the merge order and every bad input.

Each bad input is reported with its file (and line, where there is one), and everything else
still applies: the other files, and the good keys of the same file.
"""

from __future__ import annotations

import logging
import plistlib
from pathlib import Path

import pytest

from companion.core.journal_key import Encryption
from companion.system import policy_file
from companion.system.policy_file import POLICY_FILE_ENV, LoadedPolicy, load_policy, read_policy
from companion.system.policy_toml import key_lines, line_of


def folder_with(tmp_path: Path, files: dict[str, str]) -> Path:
    """A folder laid out like /etc/companion, holding ``files`` (name: TOML text)."""
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def read(folder: Path) -> LoadedPolicy:
    return read_policy({POLICY_FILE_ENV: str(folder)})


def test_drop_ins_are_read_in_name_order_after_policy_toml(tmp_path: Path) -> None:
    folder = folder_with(
        tmp_path,
        {
            # Written out of order: the names decide, not the times.
            "policy.d/50-site.toml": "[defaults]\nbreak_seconds = 120\npattern_key = 'box'\n",
            "policy.d/20-team.toml": "[defaults]\nbreak_seconds = 90\nmood_check = false\n",
            "policy.toml": "eap_contact = 'EAP'\n[defaults]\nbreak_seconds = 60\n",
            "policy.d/90-lock.toml": "[locked]\npattern_key = '478'\n",
        },
    )

    loaded = read(folder)

    assert loaded.read == tuple(
        str(folder / name)
        for name in (
            "policy.toml",
            "policy.d/20-team.toml",
            "policy.d/50-site.toml",
            "policy.d/90-lock.toml",
        )
    )
    policy = loaded.policy
    assert dict(policy.defaults) == {
        "break_seconds": 120,
        "mood_check": False,
        "pattern_key": "box",
    }
    assert dict(policy.locked_values) == {"pattern_key": "478"}
    assert policy.eap_contact == "EAP" and loaded.problems == ()
    assert loaded.merged.origins["defaults.break_seconds"] == str(folder / "policy.d/50-site.toml")
    assert loaded.merged.origins["defaults.mood_check"] == str(folder / "policy.d/20-team.toml")


def test_drop_ins_work_without_policy_toml(tmp_path: Path) -> None:
    folder = folder_with(tmp_path, {"policy.d/10-only.toml": "journal_encryption = 'required'\n"})

    loaded = read(folder)

    assert loaded.policy.journal_encryption is Encryption.REQUIRED
    assert loaded.read == (str(folder / "policy.d/10-only.toml"),)


def test_hidden_and_other_files_in_policy_d_are_not_read(tmp_path: Path) -> None:
    folder = folder_with(
        tmp_path,
        {
            "policy.d/.10-editing.toml": "force_autostart = true\n",  # an editor's or a tool's
            "policy.d/20-site.toml.dpkg-old": "force_autostart = true\n",
            "policy.d/README": "force_autostart = true\n",
            "policy.d/30-site.toml": "eap_contact = 'EAP'\n",
        },
    )

    loaded = read(folder)

    assert loaded.read == (str(folder / "policy.d/30-site.toml"),)
    assert loaded.policy.force_autostart is False


def test_a_policy_d_that_is_not_a_folder_is_reported_and_policy_toml_still_applies(
    tmp_path: Path,
) -> None:
    folder = folder_with(tmp_path, {"policy.toml": "eap_contact = 'EAP'\n", "policy.d": "x"})

    loaded = read(folder)

    assert loaded.policy.eap_contact == "EAP"
    (problem,) = loaded.problems
    assert problem.startswith(f"IT policy, {folder / 'policy.d'}: the drop-in folder could not")


GOOD = "policy.d/10-good.toml"
GOOD_TEXT = "eap_contact = 'EAP'\n[locked]\nmood_check = false\n"


@pytest.mark.parametrize(
    ("text", "place", "words"),
    [
        ("[defaults\nbreak_seconds = 90\n", "line 1, column 10", "the file is damaged"),
        ("\n\nbreak = = 1\n", "line 3, column 9", "the file is damaged"),
        ("[defaults]\nbreak_seconds = 'ninety'\n", "line 2", "“defaults.break_seconds” has an"),
        ("[locked.reminders]\nnudge_calls = 99\n", "line 2", "“locked.reminders.nudge_calls” has"),
        ("\n[defaults]\nreminders.sound = 'loud'\n", "line 3", "“defaults.reminders.sound”"),
        ("colour = 'teal'\n", "line 1", "“colour” is not a policy key"),
        ("[defaults]\n\njournal = 'share'\n", "line 3", "“defaults.journal” is not a setting"),
        ("defaults = 'break_seconds=90'\n", "line 1", "“defaults” should be a table"),
        ("# note\nforce_autostart = 'yes'\n", "line 2", "“force_autostart” should be true"),
        ("journal_encryption = 'of'\n", "line 1", "“journal_encryption” should be required"),
        ("eap_contact = 42\n", "line 1", "“eap_contact” should be text"),
        (f"eap_contact = '{'x' * 201}'\n", "line 1", "“eap_contact” is longer than 200"),
        ("locked = { pattern_key = 'fast' }\n", "line 1", "“locked.pattern_key” has an"),
    ],
    ids=[
        "bad-toml",
        "bad-toml-later-line",
        "wrong-type",
        "out-of-range",
        "wrong-value-dotted",
        "unknown-key",
        "unknown-setting",
        "section-not-a-table",
        "not-a-boolean",
        "unknown-encryption",
        "contact-not-text",
        "contact-too-long",
        "inline-table",
    ],
)
def test_each_bad_input_names_its_file_and_line_and_the_rest_applies(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, text: str, place: str, words: str
) -> None:
    folder = folder_with(tmp_path, {GOOD: GOOD_TEXT, "policy.d/50-bad.toml": text})
    bad = folder / "policy.d/50-bad.toml"

    with caplog.at_level(logging.WARNING, logger="companion"):
        loaded = read(folder)
        load_policy({POLICY_FILE_ENV: str(folder)})  # as the app reads it: logged

    (problem,) = loaded.problems
    assert problem.startswith(f"IT policy, {bad}, {place}: "), problem
    assert words in problem
    assert problem in caplog.messages  # the log has it too, as written
    # The other file, untouched:
    assert loaded.policy.eap_contact == "EAP"
    assert dict(loaded.policy.locked_values) == {"mood_check": False}


def test_a_bad_value_leaves_the_good_keys_of_the_same_file(tmp_path: Path) -> None:
    folder = folder_with(
        tmp_path,
        {"policy.toml": "[defaults]\nbreak_seconds = 9999\npattern_key = 'box'\nfoo = 1\n"},
    )

    loaded = read(folder)

    assert dict(loaded.policy.defaults) == {"pattern_key": "box"}
    assert [p.split(": ", 1)[0] for p in loaded.problems] == [
        f"IT policy, {folder / 'policy.toml'}, line 4",
        f"IT policy, {folder / 'policy.toml'}, line 2",
    ]


def test_a_file_that_cannot_be_read_is_reported_and_the_rest_applies(tmp_path: Path) -> None:
    folder = folder_with(tmp_path, {GOOD: GOOD_TEXT})
    (folder / "policy.d" / "50-folder.toml").mkdir()  # a folder can't be read as a file

    loaded = read(folder)

    (problem,) = loaded.problems
    assert problem.startswith(f"IT policy, {folder / 'policy.d/50-folder.toml'}: the file could")
    assert loaded.policy.eap_contact == "EAP"


def test_a_file_not_in_utf8_names_the_line(tmp_path: Path) -> None:
    folder = folder_with(tmp_path, {GOOD: GOOD_TEXT})
    (folder / "policy.d" / "50-latin1.toml").write_bytes(b"# ok\neap_contact = 'Caf\xe9'\n")

    loaded = read(folder)

    (problem,) = loaded.problems
    assert ", line 2: the file is damaged (it is not UTF-8 text)" in problem
    assert loaded.policy.eap_contact == "EAP"


def test_a_single_override_file_still_works(tmp_path: Path) -> None:
    path = tmp_path / "try-this.toml"
    path.write_text("[locked]\nbreak_seconds = 90\n", encoding="utf-8")

    loaded = read_policy({POLICY_FILE_ENV: str(path)})

    assert dict(loaded.policy.locked_values) == {"break_seconds": 90}
    assert loaded.read == (str(path),)


def test_a_profile_payloads_own_keys_are_not_policy_keys(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = {"PayloadUUID": "x", "PayloadType": "com.companion.app", "eap_contact": "EAP"}
    (tmp_path / "com.companion.app.plist").write_bytes(plistlib.dumps(data))
    monkeypatch.setattr(policy_file, "MAC_MANAGED_PREFERENCES", tmp_path)

    loaded = read_policy({"USER": "sam"}, platform="darwin")

    assert loaded.problems == () and loaded.policy.eap_contact == "EAP"
    assert loaded.read == (f"profile {tmp_path / 'com.companion.app.plist'}",)


def test_a_damaged_plist_names_its_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "com.companion.app.plist").write_text(
        "<?xml version='1.0'?>\n<plist><dict>\n<key>a</oops>\n", encoding="utf-8"
    )
    monkeypatch.setattr(policy_file, "MAC_MANAGED_PREFERENCES", tmp_path)

    (problem,) = read_policy({"USER": "sam"}, platform="darwin").problems

    plist = tmp_path / "com.companion.app.plist"
    assert problem.startswith(f"IT policy, profile {plist}, line 3, column 8: the file is damaged")


def test_key_lines_follows_tables_dotted_and_quoted_names() -> None:
    text = (
        "eap_contact = 'x'  # a comment\n"
        "[ defaults ]\n"
        '"pattern_key" = "box"\n'
        "reminders . sound = true\n"
        "[defaults.reminders]\n"
        "nudge_calls = 4\n"
        "[[odd]]\n"
        "locked = { break_seconds = 1 }\n"
    )

    lines = key_lines(text)

    assert lines["eap_contact"] == 1
    assert lines["defaults"] == 2
    assert lines["defaults.pattern_key"] == 3
    assert lines["defaults.reminders.sound"] == 4
    assert lines["defaults.reminders.nudge_calls"] == 6
    assert line_of(lines, "odd.locked.break_seconds") == 8
    assert line_of(lines, "nowhere.at_all") is None


def test_on_macos_both_profiles_places_are_watched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(policy_file, "MAC_MANAGED_PREFERENCES", tmp_path)

    watch = read_policy({"USER": "sam"}, platform="darwin").watch

    assert set(watch) == {
        tmp_path,
        tmp_path / "sam",
        tmp_path / "sam" / "com.companion.app.plist",
        tmp_path / "com.companion.app.plist",
    }
