"""Moves what was written to the temporary journal into the journal file, once it opens again.

The temporary journal's rows get new ids in the file (it has its own), so every link between
them (a break's call, an entry's call, a draft's call or entry) is carried across with the new
id. Nothing is dropped: a draft whose key the file already has is joined to the one there.
"""

from __future__ import annotations

from typing import Any

from companion.store.app_lock_repo import UPSERT_VERIFIER
from companion.store.connection import Connection
from companion.store.database import fetch_all, fetch_one, storage_errors

IdMap = dict[int, int]
#: Tables with an ``id`` and the links they hold, in an order where a link's target comes first.
_TABLES: tuple[tuple[str, dict[str, str]], ...] = (
    ("calls", {}),
    ("breaks", {"call_id": "calls"}),
    ("journal", {"call_id": "calls"}),
    ("callbacks", {"call_id": "calls"}),
    ("reminders_sent", {}),
)


def carry_over(source: Connection, target: Connection) -> int:
    """Copy every row of ``source`` into ``target`` in one transaction; how many were copied.

    Interrupted (a full disk, a lock), the transaction rolls back: the file is as it was and
    ``source`` still holds everything.
    """
    copied = 0
    with storage_errors(), target.atomic():
        ids: dict[str, IdMap] = {}
        for table, links in _TABLES:
            ids[table] = _copy_rows(source, target, table, links, ids)
            copied += len(ids[table])
        for row in fetch_all(source, "SELECT * FROM drafts"):
            _copy_draft(target, row, ids)
            copied += 1
        for row in fetch_all(source, "SELECT key, value FROM reminder_state"):
            # The temporary journal's state is the newer (a pause the agent just chose).
            target.execute(
                "INSERT INTO reminder_state (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [row["key"], row["value"]],
            )
            copied += 1
        for row in fetch_all(source, "SELECT verifier FROM app_lock"):
            # A lock passphrase chosen meanwhile is the newer one too.
            target.execute(UPSERT_VERIFIER, [row["verifier"]])
            copied += 1
    return copied


def _copy_rows(
    source: Connection, target: Connection, table: str, links: dict[str, str], ids: dict[str, IdMap]
) -> IdMap:
    moved: IdMap = {}
    for row in fetch_all(source, f"SELECT * FROM {table} ORDER BY id"):
        old_id = row.pop("id")
        for column, linked_table in links.items():
            row[column] = _linked(row[column], ids[linked_table])
        moved[old_id] = _insert(target, table, row)
    return moved


def _copy_draft(target: Connection, row: dict[str, Any], ids: dict[str, IdMap]) -> None:
    row["call_id"] = _linked(row["call_id"], ids["calls"])
    row["entry_id"] = _linked(row["entry_id"], ids["journal"])
    for prefix, table in (("call:", "calls"), ("entry:", "journal")):
        if row["key"].startswith(prefix):
            suffix = row["key"].removeprefix(prefix)
            new_id = ids[table].get(int(suffix)) if suffix.isdigit() else None
            # A draft about a row that is gone (an undone tag) keeps its words as a new entry's.
            row["key"] = f"{prefix}{new_id}" if new_id is not None else "new"
    there = fetch_one(target, "SELECT body FROM drafts WHERE key = ?", [row["key"]])
    if there is not None:
        row["body"] = f"{there['body']}\n\n{row['body']}" if there["body"] else row["body"]
        target.execute("DELETE FROM drafts WHERE key = ?", [row["key"]])
    _insert(target, "drafts", row)


def _linked(old_id: int | None, moved: IdMap) -> int | None:
    """The row's new id; a link to a row that is not there any more becomes none."""
    return None if old_id is None else moved.get(old_id)


def _insert(target: Connection, table: str, row: dict[str, Any]) -> int:
    columns = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    cursor = target.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(row.values()))
    return int(cursor.lastrowid or 0)
