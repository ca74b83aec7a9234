"""The functions other features call (see bot/scheduler/__init__.py for the overview)."""

from __future__ import annotations

import time as _time
from datetime import datetime
from typing import Any

from bot.engine.actions import Action, SendMessage, action_to_dict
from bot.engine.confidentiality import SHARES, allowed
from bot.engine.timeparse import parse_clock, parse_timezone
from bot.scheduler.model import GROUPS, HEADSUP, HEADSUP_TTL_HOURS, mark_dirty
from bot.store.protocol import Store


def queue_heads_up(
    store: Store, person_id: str, action: Action, now: datetime, *, on_behalf_of: str | None = None,
    ttl_hours: float = HEADSUP_TTL_HOURS,
) -> str | None:
    """Inside the caller's transaction: hand a partner heads-up to the scheduler.

    `action` is addressed to `person_id` (Address.person) and carries either a
    `share_id` made by create_share(...) with the exact text, or a `notice`.
    `on_behalf_of` is whose consent it rests on (default: the share's owner).
    It is checked by the confidentiality guard now and again when sent; it goes
    out at the next tick, or when the recipient's quiet hours or pause end, and
    is dropped if still held after `ttl_hours`. Queuing the same share twice
    queues it once. Returns the queue key, or None when the guard refused it."""
    if action.to.kind != "person" or action.to.id != person_id:
        raise ValueError("a heads-up must be addressed to the person it is for")
    if on_behalf_of is None and action.share_id:
        share = store.get(SHARES, action.share_id) or {}
        on_behalf_of = share.get("owner")
    if not allowed(store, action, on_behalf_of):
        return None
    suffix = action.share_id or f"{_time.time_ns():020d}"
    key = f"{person_id}:{suffix}"
    if store.get(HEADSUP, key) is None:
        ts = now.timestamp()
        store.put(HEADSUP, key, {
            "action": action_to_dict(action), "owner": on_behalf_of, "created": ts, "expires": ts + ttl_hours * 3600,
        })
        mark_dirty(store, f"p:{person_id}")
    return key


def set_group_schedule(
    store: Store, chat_id: str, *, couple: str, cadence: str, time: str, tz: str, now: datetime,
    weekday: int = 6, extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Inside a transaction: a couple group's prompt schedule ("daily" or "weekly" on
    `weekday`, 0 = Monday, at local `time` in `tz`). `chat_id` is the qualified group
    chat id ("telegram:-1001"). At each slot the scheduler calls every function
    registered with @group_prompt_sender and sends what they return (group
    actions need notice="group_prompt" or a share, as always). Raises ValueError
    with a message fit for a person when a value is not understood."""
    if cadence not in ("daily", "weekly"):
        raise ValueError("How often: daily or weekly?")
    clock = parse_clock(time)
    if clock is None:
        raise ValueError(f"I couldn't read “{time[:20]}” as a time of day. Something like 19:00 or 7pm works.")
    zone = parse_timezone(tz)
    if zone is None:
        raise ValueError(f"I couldn't place the time zone “{tz[:40]}”.")
    if not 0 <= int(weekday) <= 6:
        raise ValueError("The day must be one of Monday to Sunday.")
    doc = {
        "couple": couple, "cadence": cadence, "time": clock, "tz": zone, "weekday": int(weekday),
        "active": True, "since": now.timestamp(), **(extra or {}),
    }
    old = store.get(GROUPS, chat_id) or {}
    if "handled" in old:
        doc["handled"] = old["handled"]
    store.put(GROUPS, chat_id, doc)
    mark_dirty(store, f"g:{chat_id}")
    return doc


def clear_group_schedule(store: Store, chat_id: str) -> None:
    """Inside a transaction: stop a group's scheduled prompts (unlinking, unpairing)."""
    store.delete(GROUPS, chat_id)
    mark_dirty(store, f"g:{chat_id}")


__all__ = ["queue_heads_up", "set_group_schedule", "clear_group_schedule", "SendMessage"]
