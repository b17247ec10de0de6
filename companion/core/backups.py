"""Rolling journal backups: which copies exist, when the next is due and which to let go."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

#: One copy a day, the last week of them.
KEEP_DAILY = 7


class BackupKind(enum.StrEnum):
    DAILY = "daily"
    #: Taken just before a restore, so a restore can itself be undone.
    BEFORE_RESTORE = "before-restore"


@dataclass(frozen=True)
class Backup:
    """One copy of the journal; ``name`` identifies it to the store that made it."""

    name: str
    kind: BackupKind
    taken_at: datetime
    size_bytes: int
    #: How many journal entries it holds; None when the copy could not be read.
    entries: int | None = None


def is_due(backups: list[Backup], today: date) -> bool:
    """A daily copy is due when none was taken today."""
    return not any(b.kind is BackupKind.DAILY and b.taken_at.date() == today for b in backups)


def to_prune(backups: list[Backup], keep: int = KEEP_DAILY) -> list[Backup]:
    """The daily copies beyond the newest ``keep``; before-restore copies go the same way."""
    pruned: list[Backup] = []
    for kind in BackupKind:
        same = sorted((b for b in backups if b.kind is kind), key=lambda b: b.taken_at)
        pruned += same[: max(len(same) - keep, 0)]
    return pruned


def next_backup_at(now: datetime) -> datetime:
    """Shortly after the next midnight: when a running Companion takes the next daily copy."""
    tomorrow = now.date() + timedelta(days=1)
    return datetime.combine(tomorrow, time(0, 5), tzinfo=now.tzinfo)
