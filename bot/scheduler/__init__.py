"""Scheduled nudges and couple-group prompts (issue 5).

What runs
---------
`SchedulerService(runtime)` with `.start()` / `.shutdown()`: one APScheduler
(3.x) interval job per minute that claims due work from an in-memory index of
due times, rebuilt from the store at start (the store is the source of truth).
Call `start()` from inside the adapter's running asyncio loop (it then uses
AsyncIOScheduler and does store work via `runtime.run_sync`) or from plain
code (BackgroundScheduler, own job thread). Run it in ONE process per store.
Decisions go to the durable outbox (`bot/outbox.py`); each adapter sends its
platform's entries with `bot.delivery.OutboxPump(runtime, platform, send)`.

Seams for other features
------------------------
- `queue_heads_up(store, person_id, action, now, on_behalf_of=None)` (inside a
  transaction): a partner heads-up (an action to `person_id` carrying a
  share_id from create_share, or a notice). Sent at the next tick, held during
  the recipient's quiet hours / pause, dropped after 48 h, guarded twice.
- `set_group_schedule(store, chat_id, couple=..., cadence="daily"|"weekly",
  time="19:00", tz="Europe/Berlin", now=..., weekday=6)` and
  `clear_group_schedule(store, chat_id)` (inside a transaction).
- `@group_prompt_sender` def fn(store, chat_id, schedule_doc, now) -> list[Action]:
  called at each group slot; return group actions (notice="group_prompt").
- `reschedule(store, person_id)` (inside a transaction): call after changing
  a person's tz / checkin_time / checkin_days / nudges outside /settings.

Semantics (see bot/scheduler/core.py): grace window, one per kind per local
day, daily cap, quiet hours, pause, snooze, DST rules in timecalc.py.
"""

from __future__ import annotations

from typing import Any

from bot.scheduler.api import clear_group_schedule, queue_heads_up, set_group_schedule
from bot.scheduler.model import mark_dirty, reschedule

__all__ = [
    "SchedulerService", "NudgeScheduler", "group_prompt_sender", "queue_heads_up", "set_group_schedule",
    "clear_group_schedule", "reschedule", "mark_dirty",
]


def __getattr__(name: str) -> Any:  # heavier pieces load on first use (no import cycles with the engine)
    if name == "SchedulerService":
        from bot.scheduler.service import SchedulerService

        return SchedulerService
    if name in ("NudgeScheduler", "group_prompt_sender", "GROUP_PROMPT_SENDERS"):
        from bot.scheduler import core

        return getattr(core, name)
    raise AttributeError(name)
