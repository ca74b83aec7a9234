"""A durable queue of deliveries per platform.

Whatever is decided in one place and sent from another goes through here: a
reply to a partner who uses another platform (served by another process), and
every scheduled nudge. Entries are written in the same transaction as the
decision, and removed only after the platform accepted them, so a crash in
between sends them after restart (at least once; adapters pass the entry key
along so a platform-side duplicate can be recognised where that is possible)."""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass

from bot.engine.actions import action_from_dict, action_to_dict
from bot.runtime import Delivery
from bot.store.protocol import Store

OUTBOX = "outbox"
_seq = itertools.count()


@dataclass(frozen=True)
class Entry:
    key: str
    delivery: Delivery
    attempts: int


def enqueue(store: Store, delivery: Delivery) -> str:
    """Inside a transaction: queue a delivery for its platform."""
    key = f"{delivery.platform}:{time.time_ns():020d}{next(_seq) % 1000:03d}"
    store.put(OUTBOX, key, {
        "platform": delivery.platform, "chat_id": delivery.chat_id,
        "action": action_to_dict(delivery.action), "attempts": 0,
    })
    return key


def enqueue_all(store: Store, deliveries: list[Delivery]) -> None:
    """Queue deliveries in a transaction of their own (a reply that couldn't be sent live)."""
    with store.transaction():
        for delivery in deliveries:
            enqueue(store, delivery)


def pending(store: Store, platform: str, limit: int = 100) -> list[Entry]:
    out = []
    for key in store.keys(OUTBOX, platform + ":")[:limit]:
        doc = store.get(OUTBOX, key)
        if doc is None:
            continue
        delivery = Delivery(doc["platform"], doc["chat_id"], action_from_dict(doc["action"]))
        out.append(Entry(key, delivery, int(doc.get("attempts", 0))))
    return out


def done(store: Store, key: str) -> None:
    with store.transaction():
        store.delete(OUTBOX, key)


def failed(store: Store, key: str) -> None:
    """Count an attempt; the entry stays queued."""
    with store.transaction():
        doc = store.get(OUTBOX, key)
        if doc is not None:
            doc["attempts"] = int(doc.get("attempts", 0)) + 1
            store.put(OUTBOX, key, doc)
