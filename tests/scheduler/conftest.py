from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import pytest

from bot.config import Settings
from bot.engine.people import IDENTITIES, PEOPLE
from bot.outbox import OUTBOX, done, pending
from bot.scheduler.core import NudgeScheduler
from bot.store import MemoryStore


def add_person(store, name: str, tz: str = "Europe/Berlin", checkin_time: str = "08:30", *, days=None,
               nudges: bool = True, quiet: list[str] | None = None, state: dict[str, Any] | None = None) -> str:
    pid = f"p_{name}"
    with store.transaction():
        store.put(PEOPLE, pid, {
            "id": pid, "name": name.title(), "tz": tz, "checkin_time": checkin_time, "nudges": nudges,
            "onboarded": True, "checkin_days": days if days is not None else [0, 1, 2, 3, 4, 5, 6],
            "identities": [f"console:{name}"], "created_at": "2025-12-01T00:00:00+00:00",
        })
        store.put(IDENTITIES, f"console:{name}", {"person": pid, "platform": "console", "user_id": name, "dm": f"console:{name}"})
        st = dict(state or {})
        if quiet is not None:
            st["quiet"] = quiet
        st.setdefault("since", 0)
        store.put("nudge_state", pid, st)
    return pid


def utc(*args: int) -> float:
    return datetime(*args, tzinfo=timezone.utc).timestamp()


def kind_of(delivery) -> str:
    keys = [b.key for b in delivery.action.buttons if b.key.startswith("z:")]
    return {"c": "checkin", "a": "appreciation", "k": "confidentiality"}[keys[0][2]] if keys else "other"


class Harness:
    """A scheduler over a memory store, ticked at due times (like the simulator) or every N minutes."""

    def __init__(self, store=None, settings: Settings | None = None):
        self.store = store or MemoryStore()
        self.settings = settings or Settings()
        self.core = NudgeScheduler(self.store, self.settings)
        self.sent: list[tuple[float, Any]] = []

    def drain(self, now: float) -> list[Any]:
        out = []
        for entry in pending(self.store, "console", 100_000):
            out.append(entry.delivery)
            self.sent.append((now, entry.delivery))
            done(self.store, entry.key)
        return out

    def run(self, start: float, end: float, step: float | None = None) -> list[tuple[float, Any]]:
        """Tick from start to end: at every due time (step=None) or every `step` seconds."""
        before = len(self.sent)
        self.core.load(start)
        now = start
        self.core.tick(now)
        self.drain(now)
        while True:
            if step is None:
                due = self.core.next_due()
                if due is None or due > end:
                    break
                now = max(now, due)
            else:
                now += step
                if now > end:
                    break
            self.core.tick(now)
            self.drain(now)
        return self.sent[before:]

    def outbox_size(self) -> int:
        return len(self.store.keys(OUTBOX))


@pytest.fixture
def harness() -> Harness:
    return Harness()
