"""Urgency, hints and buttons for each kind of notice on each kind of server (no D-Bus)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from companion import APP_ID
from companion.core.notices import Notice, NoticeAction
from companion.core.reminder_texts import (
    DayNumbers,
    callback_notice,
    notice_for,
    nudge_notice,
    overdue_notice,
    reflection_notice,
)
from companion.core.reminders import Callback, Due, Reminder, ReminderKind
from companion.notify.presentation import (
    ANSWERS_ELSEWHERE,
    Presentation,
    ServerInfo,
    Urgency,
    present,
)
from tests.fakes import T0

ACTIONS = frozenset({"actions", "body"})
GNOME = ServerInfo("gnome-shell", "GNOME", "43.9", ACTIONS)
DUNST = ServerInfo("dunst", "knopwob", "1.9.0", ACTIONS)
PLASMA = ServerInfo("Plasma", "KDE", "5.27", ACTIONS)
NO_BUTTONS = ServerInfo("notify-osd", "Canonical", "1.0", frozenset({"body"}))
CALLBACK = callback_notice(Callback(due_at=T0, text="", created_at=T0, id=7, case_ref="CS-4711"))
SEVERAL = overdue_notice(
    [Callback(due_at=T0, text="", created_at=T0, id=i, case_ref=f"CS-{i}") for i in (1, 2)]
)
NUDGE = nudge_notice(3, 72.0)
REFLECTION = reflection_notice(DayNumbers(4, 2))
TEST = Notice("Companion", "This is how reminders will look. Nothing to do.")


def shown(notice: Notice, server: ServerInfo) -> Presentation:
    found = present(notice, server)
    assert found is not None
    return found


@pytest.mark.parametrize("server", [GNOME, DUNST, PLASMA, NO_BUTTONS], ids=lambda s: s.name)
@pytest.mark.parametrize("notice", [CALLBACK, SEVERAL], ids=["callback", "callbacks"])
def test_callbacks_are_normal_everywhere_as_they_must_be_seen(
    notice: Notice, server: ServerInfo
) -> None:
    result = shown(notice, server)
    assert result.urgency is Urgency.NORMAL
    assert result.hints["suppress-sound"] is True  # the agent's sound setting is off
    assert "transient" not in result.hints
    assert result.hints["desktop-entry"] == APP_ID
    assert result.hints["category"] == f"x-companion.{notice.topic}"


@pytest.mark.parametrize("notice", [NUDGE, REFLECTION, TEST], ids=["nudge", "reflection", "test"])
def test_gentle_notices_are_low_where_low_shows_a_banner(notice: Notice) -> None:
    for server in (DUNST, PLASMA):
        result = shown(notice, server)
        assert result.urgency is Urgency.LOW and "transient" not in result.hints
        assert result.hints["suppress-sound"] is True
        assert "suppress-sound" not in shown(replace(notice, sound=True), server).hints


@pytest.mark.parametrize("notice", [NUDGE, REFLECTION, TEST], ids=["nudge", "reflection", "test"])
def test_on_gnome_gentle_notices_are_a_banner_that_stays_quiet(notice: Notice) -> None:
    """GNOME shows no banner for low urgency: normal, but silent and gone with the banner."""
    for sound in (False, True):
        result = shown(replace(notice, sound=sound), GNOME)
        assert result.urgency is Urgency.NORMAL
        assert result.hints["suppress-sound"] is True and result.hints["transient"] is True


@pytest.mark.parametrize("server", [GNOME, DUNST, NO_BUTTONS], ids=lambda s: s.name)
@pytest.mark.parametrize("notice", [CALLBACK, NUDGE], ids=["callback", "nudge"])
def test_quiet_notices_are_low_and_silent_and_stay_in_the_list(
    notice: Notice, server: ServerInfo
) -> None:
    result = shown(replace(notice, quiet=True, sound=True), server)
    assert result.urgency is Urgency.LOW and result.hints["suppress-sound"] is True
    assert "transient" not in result.hints


def test_a_callback_that_may_make_a_sound_carries_no_sound_hint_of_ours() -> None:
    result = shown(replace(CALLBACK, sound=True), GNOME)
    assert set(result.hints) == {"desktop-entry", "category"}


def test_buttons_lead_with_a_click_on_the_notice_itself() -> None:
    assert shown(CALLBACK, DUNST).actions == (
        NoticeAction.OPEN,
        NoticeAction.DONE,
        NoticeAction.SNOOZE,
    )
    assert shown(TEST, DUNST).actions == ()  # nothing to open


def test_without_actions_a_callback_says_where_done_and_snooze_are() -> None:
    result = shown(CALLBACK, NO_BUTTONS)
    assert result.actions == () and result.body == f"{CALLBACK.body}\n{ANSWERS_ELSEWHERE}"
    several = shown(SEVERAL, NO_BUTTONS)  # already says where they are
    assert several.actions == () and several.body == SEVERAL.body
    assert "under Callbacks in Companion's menu" in SEVERAL.body


def test_without_actions_a_gentle_notice_is_left_to_companion_unless_it_is_quiet() -> None:
    assert present(NUDGE, NO_BUTTONS) is None
    assert present(REFLECTION, NO_BUTTONS) is None
    assert shown(TEST, NO_BUTTONS).actions == ()  # no buttons to lose
    quiet = shown(replace(NUDGE, quiet=True), NO_BUTTONS)  # no pop-up during a call
    assert quiet.actions == () and quiet.body == NUDGE.body


def test_a_nudge_that_mentions_a_waiting_callback_is_still_gentle() -> None:
    """The nudge leads; the callback line only points to the list (never Done or Snooze)."""
    callback = Callback(due_at=T0, text="", created_at=T0, id=9, case_ref="CS-9")
    due = Due(T0, (Reminder(ReminderKind.NUDGE, T0), Reminder(ReminderKind.CALLBACK, T0, 9)))
    notice = notice_for(due, {9: callback}, [], DayNumbers(), 3, 72.0)
    assert notice is not None and notice.topic == "nudge"
    assert shown(notice, GNOME).hints["transient"] is True
    assert NoticeAction.DONE not in shown(notice, GNOME).actions
