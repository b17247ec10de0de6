"""After-care in the running app: "Need to talk?" from the window without a tray, and the
after-break offer leading to its page, then to the unsent reply kept in the journal."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from companion.app import CompanionApp
from companion.core.aftercare import UNSENT_REPLY_TAG, Care
from companion.core.calls import DifficultCall, Reason
from companion.ui.care import messages as text
from companion.ui.care.care_window import CareWindow
from companion.ui.care.cool_off import CoolOffWindow
from tests.fakes import T0
from tests.gui.app_helpers import companion, data_dir  # noqa: F401 (fixtures)


def shown(kind: type) -> list:  # type: ignore[type-arg]
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def test_need_to_talk_is_one_action_away_and_says_where_help_is(
    companion: CompanionApp,  # noqa: F811
) -> None:
    companion.shell.actions.talk.trigger()

    [window] = shown(CareWindow)
    assert window.care is Care.TALK and window.contact.text() == text.NO_CONTACT
    window.close()


def test_after_an_abusive_call_the_reframe_leads_to_a_reply_kept_in_the_journal(
    companion: CompanionApp,  # noqa: F811
) -> None:
    call = companion._storage.calls.add(DifficultCall(tagged_at=T0, reason=Reason.ABUSIVE))
    companion.breaks.care_wanted.emit(Care.REFRAME, call)
    [page] = shown(CareWindow)
    page.cool_off_requested.emit()
    [reply] = shown(CoolOffWindow)
    reply.field.setPlainText("You don't get to speak to people like that.")
    reply.keep.click()

    [item] = companion._storage.journal.recent()
    assert item.entry.tags == (UNSENT_REPLY_TAG,) and item.entry.call_id == call.id
