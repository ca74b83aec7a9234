"""The simulator's ticker: `{wait: "26h"}` walks every due time inside the wait, in order,
ticking the scheduler at each, and returns what landed in the outbox (then marks it sent)."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from bot.outbox import OUTBOX, done, pending
from bot.scheduler.core import NudgeScheduler

MAX_STEPS = 100_000


def drain_outbox(store: Any) -> list[Any]:
    platforms = sorted({key.split(":", 1)[0] for key in store.keys(OUTBOX)})
    out = []
    for platform in platforms:
        for entry in pending(store, platform, limit=100_000):
            out.append(entry.delivery)
            done(store, entry.key)
    return out


def make_ticker(runtime: Any, clock: Any):
    core = NudgeScheduler(runtime.store, runtime.settings)
    core.load(clock.now().timestamp())
    last = {"at": clock.now()}

    def tick() -> list[Any]:
        end = clock.now()
        out: list[Any] = []
        clock.set(last["at"])
        core.tick(last["at"].timestamp())
        for _ in range(MAX_STEPS):
            due = core.next_due()
            if due is None or due > end.timestamp():
                break
            clock.set(datetime.fromtimestamp(due, timezone.utc))
            core.tick(due)
            out.extend(drain_outbox(runtime.store))
        clock.set(end)
        core.tick(end.timestamp())
        out.extend(drain_outbox(runtime.store))
        last["at"] = end
        return out

    tick.core = core  # type: ignore[attr-defined]
    return tick
