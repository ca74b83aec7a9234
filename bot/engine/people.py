"""People and their platform identities. A person is not a chat: one person may
reach the bot from several platforms, and a couple is two people."""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import Any

from bot.engine.events import Sender
from bot.store.protocol import Store

PEOPLE = "people"
IDENTITIES = "identities"


def new_person_id() -> str:
    return "p_" + secrets.token_hex(6)


def find_person(store: Store, sender: Sender) -> dict[str, Any] | None:
    identity = store.get(IDENTITIES, sender.identity)
    if identity is None:
        return None
    return store.get(PEOPLE, identity["person"])


def get_or_create_person(store: Store, sender: Sender, dm_chat: str | None, now: datetime) -> dict[str, Any]:
    """Inside a transaction: the sender's person, created on first contact."""
    identity = store.get(IDENTITIES, sender.identity)
    if identity is not None:
        person = store.get(PEOPLE, identity["person"])
        if person is not None:
            # Writing to us in private means we can reach them there again.
            if dm_chat and (identity.get("dm") != dm_chat or identity.get("unreachable")):
                identity["dm"] = dm_chat
                identity.pop("unreachable", None)
                store.put(IDENTITIES, sender.identity, identity)
            return person
    person_id = new_person_id()
    person = {
        "id": person_id,
        "name": "",
        "display_name": sender.display_name[:64],
        "onboarded": False,
        "created_at": now.isoformat(),
        "identities": [sender.identity],
    }
    store.put(PEOPLE, person_id, person)
    store.put(
        IDENTITIES,
        sender.identity,
        {"person": person_id, "platform": sender.platform, "user_id": sender.user_id, "dm": dm_chat},
    )
    return person


def primary_identity(store: Store, person: dict[str, Any]) -> dict[str, Any] | None:
    """Where to reach a person: the identity they used most recently first."""
    for identity_key in reversed(person.get("identities", [])):
        identity = store.get(IDENTITIES, identity_key)
        if identity is not None:
            return identity
    return None


def mark_unreachable(store: Store, dm_chat: str, person_id: str | None = None) -> bool:
    """The platform refused a private message (blocked, DMs closed): flag the identity that
    uses `dm_chat`, so routing skips it until the person writes again. Returns whether it changed."""
    with store.transaction():
        keys = list((store.get(PEOPLE, person_id) or {}).get("identities", [])) if person_id else []
        keys.append(dm_chat)  # where a private chat's id is the user's own id (Telegram)
        for key in keys:
            identity = store.get(IDENTITIES, key)
            if identity is None or identity.get("dm") != dm_chat:
                continue
            if identity.get("unreachable"):
                return False
            identity["unreachable"] = True
            store.put(IDENTITIES, key, identity)
            return True
    return False
