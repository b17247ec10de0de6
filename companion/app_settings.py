"""The settings everyone reads, made once at start-up: IT's policy over the agent's file over
the defaults, with the login items made to match them (companion.flows.settings_holder)."""

from __future__ import annotations

import functools
from pathlib import Path

from PySide6.QtCore import QObject

from companion.flows.settings_holder import SettingsHolder
from companion.system.effective_settings import load_effective_settings, sync_autostart
from companion.system.settings_file import save_settings_mapping
from companion.ui.look.theme import look_follows


def settings_holder(path: Path, parent: QObject | None = None) -> SettingsHolder:
    """Policy over the agent's file over defaults; login items made to match them."""
    effective = load_effective_settings(path)
    holder = SettingsHolder(
        effective.settings,
        policy=effective.policy,
        write=functools.partial(save_settings_mapping, path),
        policy_warnings=effective.policy_warnings,
        settings_warnings=effective.settings_warnings,
        parent=parent,
    )
    # The colours the agent chose (or the desktop's), from the first window on.
    look_follows(holder.settings)
    holder.changed.connect(look_follows)
    autostart_problem = sync_autostart(holder.settings)
    if autostart_problem is not None:
        holder.add_warning(autostart_problem)
    return holder
