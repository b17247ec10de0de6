"""The one copy of the settings Companion runs on; everyone reads it here or hears `changed`."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QObject, Signal

from companion.core.policy import Policy, apply_policy, settings_to_save
from companion.core.settings import Settings

log = logging.getLogger(__name__)

#: Writes the agent's own choices (``settings_to_save``) to their settings file.
WriteSettings = Callable[[Mapping[str, Any]], None]


class SettingsHolder(QObject):
    """Effective settings: built-in defaults < IT's defaults < the agent's file < IT's locks.

    ``save`` is the only way they change: the agent's own choices go to their file (IT's locks
    and defaults stay IT's), the locked values are kept from the policy whatever was asked,
    and ``changed`` is emitted once if anything really changed. ``saved`` follows every save,
    changed or not, and every new policy (login items are made to match it again);
    ``not_saved`` says the file could not be written, in which case the settings still apply
    until the agent quits. ``use_policy`` takes IT's policy when it changes while running.
    """

    changed = Signal(object)
    saved = Signal(object)
    #: IT's policy changed while Companion runs (the new ``Policy``).
    policy_changed = Signal(object)
    not_saved = Signal(str)

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        policy: Policy | None = None,
        write: WriteSettings | None = None,
        policy_warnings: tuple[str, ...] = (),
        settings_warnings: tuple[str, ...] = (),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = Settings() if settings is None else settings
        self._policy = Policy() if policy is None else policy
        self._write = write
        self._policy_warnings = tuple(policy_warnings)
        self._settings_warnings = tuple(settings_warnings)

    @property
    def settings(self) -> Settings:
        return self._settings

    @property
    def policy(self) -> Policy:
        return self._policy

    @property
    def locked(self) -> frozenset[str]:
        """Settings IT locked: the settings window shows them as "Set by your IT department"."""
        return self._policy.locked

    @property
    def warnings(self) -> tuple[str, ...]:
        """IT's policy problems (until IT fixes them), then the agent's file's (until saved)."""
        return (*self._policy_warnings, *self._settings_warnings)

    def add_warning(self, text: str) -> None:
        """A problem with the agent's settings found elsewhere (their login item, say)."""
        self._settings_warnings = (*self._settings_warnings, text)

    def save(self, settings: Settings) -> None:
        """Keep ``settings`` (under IT's locks) and write the agent's own choices."""
        own = settings_to_save(settings, self._policy)
        effective, _, _ = apply_policy(own, self._policy)
        if self._write is not None:
            try:
                self._write(own)
            except OSError as error:
                log.warning("settings not saved: %s", error)
                self.not_saved.emit(str(error))
        self._settings_warnings = ()
        old, self._settings = self._settings, effective
        if effective != old:
            self.changed.emit(effective)
        self.saved.emit(effective)

    def use_policy(self, policy: Policy, warnings: tuple[str, ...] = ()) -> None:
        """IT's policy changed: the agent's own choices stay, laid under the new policy.

        What the agent chose is what differs from the old policy's defaults; values they
        never chose follow the new defaults, and the new locks hold. Their file is not
        written: it holds only their choices, which have not changed.
        """
        own = settings_to_save(self._settings, self._policy)
        effective, _, _ = apply_policy(own, policy)
        self._policy, self._policy_warnings = policy, tuple(warnings)
        old, self._settings = self._settings, effective
        log.info("IT policy changed; locked now: %s", ", ".join(sorted(policy.locked)) or "none")
        self.policy_changed.emit(policy)
        if effective != old:
            self.changed.emit(effective)
        self.saved.emit(effective)
