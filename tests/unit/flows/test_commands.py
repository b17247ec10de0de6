"""Commands from a second launch or a softphone script, acted on without a widget."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta

from companion.app_messages import NOT_SAVED_TEXT, TEMPORARY_TEXT
from companion.core.calls import DifficultCall, Reason
from companion.core.commands import Action, Command, Outcome, Reply
from companion.flows.commands import CommandHandler
from tests.fakes import T0, FakeClock


class Flows:
    """The break, journal and reminder flows as the handler uses them: a log of requests."""

    def __init__(self) -> None:
        self.log: list[str] = []
        self.store = True
        self.callbacks: list[tuple[datetime, str | None]] = []

    def tag_and_breathe(
        self, reason: Reason | None, intensity: int | None, case_ref: str | None
    ) -> DifficultCall | None:
        self.log.append(f"tag {reason} {intensity} {case_ref}")
        return DifficultCall(tagged_at=T0, id=1) if self.store else None

    def breathe(self) -> None:
        self.log.append("breathe")

    def show_journal(self) -> None:
        self.log.append("journal")

    def add_callback(self, due_at: datetime, text: str, case_ref: str | None) -> None:
        self.callbacks.append((due_at, case_ref))


class Harness:
    def __init__(self, temporary: bool = False) -> None:
        self.flows = Flows()
        self.told: list[str] = []
        self.activations: list[str] = []
        self.temporary = temporary
        self.handler = CommandHandler(
            self.flows,  # type: ignore[arg-type]
            self.flows,  # type: ignore[arg-type]
            self.flows,  # type: ignore[arg-type]
            FakeClock(),
            temporary=lambda: self.temporary,
            tell=self.told.append,
            activation=self._activation,
        )
        for name in ("quit_wanted", "settings_wanted", "show_wanted", "insights_wanted"):
            getattr(self.handler, name).connect(lambda name=name: self.flows.log.append(name))

    @contextmanager
    def _activation(self, command: Command) -> Iterator[None]:
        self.activations.append(f"in {command.action.value}")
        yield
        self.activations.append(f"out {command.action.value}")


def test_a_tag_is_ok_only_once_it_is_stored() -> None:
    h = Harness()
    assert h.handler.handle(Command(Action.TAG, Reason.ANGRY, 4, "CS-1")) == Reply(Outcome.OK)
    assert h.flows.log == ["tag angry 4 CS-1"]
    h.flows.store = False
    assert h.handler.handle(Command(Action.TAG)) == Reply(Outcome.NOT_SAVED, NOT_SAVED_TEXT)


def test_on_the_temporary_journal_a_tag_and_a_callback_say_so() -> None:
    h = Harness(temporary=True)
    assert h.handler.handle(Command(Action.TAG)) == Reply(Outcome.TEMPORARY, TEMPORARY_TEXT)
    reply = h.handler.handle(Command(Action.CALLBACK, when="in 2h", case_ref="CS-2"))
    assert reply == Reply(Outcome.TEMPORARY, TEMPORARY_TEXT)
    assert h.flows.callbacks == [(T0 + timedelta(hours=2), "CS-2")]


def test_a_callback_at_an_unreadable_time_is_told_not_added() -> None:
    h = Harness()
    assert h.handler.handle(Command(Action.CALLBACK, when="whenever")).outcome is Outcome.OK
    assert h.flows.callbacks == [] and len(h.told) == 1


def test_each_command_reaches_its_flow_with_the_senders_activation() -> None:
    h = Harness()
    actions = (
        Action.BREAK, Action.JOURNAL, Action.INSIGHTS, Action.SETTINGS, Action.SHOW, Action.QUIT
    )  # fmt: skip
    for action in actions:
        assert h.handler.handle(Command(action)) == Reply(Outcome.OK)
    assert h.flows.log == [
        "breathe", "journal", "insights_wanted", "settings_wanted", "show_wanted", "quit_wanted"
    ]  # fmt: skip
    assert h.activations[:2] == ["in break", "out break"]
    assert len(h.activations) == 12
