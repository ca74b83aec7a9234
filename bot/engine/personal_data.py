"""Where a person's data lives, so /export and /forget find all of it.

Tables register how their keys relate to a person: the key *is* the person id
("exact"), or starts with "<person id>:" ("prefix"). A feature that stores
personal data in a new table registers it here, and export and forget follow."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from bot.engine.people import IDENTITIES, PEOPLE
from bot.store.protocol import Store

KeyMode = Literal["exact", "prefix"]
OUTBOX = "outbox"  # bot/outbox.py's table
_TABLES: dict[str, KeyMode] = {}
# Extra clean-up a feature needs on forget (unpairing, say); runs before the tables are emptied.
_FORGET_HOOKS: list[Callable[[Store, str], None]] = []


def personal_table(table: str, mode: KeyMode) -> None:
    _TABLES[table] = mode


def on_forget(fn: Callable[[Store, str], None]) -> Callable[[Store, str], None]:
    _FORGET_HOOKS.append(fn)
    return fn


personal_table(PEOPLE, "exact")
personal_table("sessions", "exact")
personal_table("seen_events", "exact")
personal_table("checkins", "prefix")
personal_table("coach", "prefix")
personal_table("shares", "prefix")
# Ids of messages the Discord adapter may edit later, kept per person. Registered here,
# not in the adapter, so a process that doesn't run Discord still exports and forgets them.
personal_table("discord_refs", "prefix")


def _keys(store: Store, table: str, mode: KeyMode, person_id: str) -> list[str]:
    if mode == "exact":
        return [person_id] if store.get(table, person_id) is not None else []
    return store.keys(table, person_id + ":")


def export_person(store: Store, person_id: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for table, mode in sorted(_TABLES.items()):
        docs = {key: store.get(table, key) for key in _keys(store, table, mode, person_id)}
        if docs:
            out[table] = docs
    person = store.get(PEOPLE, person_id) or {}
    out[IDENTITIES] = {key: store.get(IDENTITIES, key) for key in person.get("identities", [])}
    return out


def forget_person(store: Store, person_id: str) -> None:
    """Inside a transaction: remove everything about the person, for good."""
    for fn in _FORGET_HOOKS:
        fn(store, person_id)
    person = store.get(PEOPLE, person_id) or {}
    for key, entry in list(store.scan(OUTBOX)):  # nudges and notes not sent yet
        if entry.get("action", {}).get("to", {}).get("id") == person_id:
            store.delete(OUTBOX, key)
    for key in person.get("identities", []):
        store.delete(IDENTITIES, key)
    for table, mode in _TABLES.items():
        for key in _keys(store, table, mode, person_id):
            store.delete(table, key)
