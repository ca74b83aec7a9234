"""Nudges at scale: start-up time and memory for 100,000 people, and the dispatch rate
against a local sink limited to 30 messages/s that injects 429s and 5xx.

    python bench/nudges.py [--people 100000] [--messages 900]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import random
import sys
import tempfile
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.delivery import OutboxPump  # noqa: E402
from bot.delivery.fake_platform import LimitedSink  # noqa: E402
from bot.delivery.limits import TELEGRAM  # noqa: E402
from bot.engine.actions import Address, SendMessage  # noqa: E402
from bot.engine.people import IDENTITIES, PEOPLE  # noqa: E402
from bot.outbox import OUTBOX, enqueue  # noqa: E402
from bot.runtime import Delivery  # noqa: E402
from bot.scheduler.core import NudgeScheduler  # noqa: E402
from bot.store import TinyStore  # noqa: E402

ZONES = ["Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "UTC", "Asia/Tokyo",
         "America/Los_Angeles", "Europe/London", "UTC+05:30", "America/Sao_Paulo"]
RSS = psutil.Process()


def mb() -> float:
    gc.collect()
    return RSS.memory_info().rss / 1e6


def fill(path: Path, people: int) -> None:
    rng = random.Random(1)
    store = TinyStore(path)
    with store.transaction():
        for i in range(people):
            pid = f"p_{i:010x}"
            store.put(PEOPLE, pid, {
                "id": pid, "name": f"Person {i}", "tz": rng.choice(ZONES), "onboarded": True, "nudges": True,
                "checkin_time": f"{rng.randrange(8, 22):02d}:{rng.choice([0, 15, 30, 45]):02d}",
                "checkin_days": [0, 1, 2, 3, 4, 5, 6], "identities": [f"telegram:{i}"],
                "created_at": "2025-12-01T00:00:00+00:00", "display_name": f"P{i}",
            })
            store.put(IDENTITIES, f"telegram:{i}", {"person": pid, "platform": "telegram", "user_id": str(i), "dm": f"telegram:{i}"})
            if i % 3 == 0:
                store.put("nudge_state", pid, {"since": 0, "handled": {"checkin": "2026-01-05"}, "log": []})
    store.close()


def startup(people: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        fill(Path(tmp), people)
        print(f"filled a store with {people:,} people in {time.perf_counter() - t:.1f}s")
        base = mb()
        t = time.perf_counter()
        store = TinyStore(Path(tmp))
        opened = time.perf_counter() - t
        after_open = mb()
        core = NudgeScheduler(store)
        now = 1767690000.0  # 2026-01-06 09:00 UTC
        t = time.perf_counter()
        entries = core.load(now)
        loaded = time.perf_counter() - t
        after_load = mb()
        print(f"store open: {opened:.2f}s, +{after_open - base:.0f} MB (the store's own, not the scheduler's)")
        print(f"scheduler start-up (index rebuilt from the store): {entries:,} entries in {loaded:.2f}s, "
              f"+{after_load - after_open:.0f} MB RSS   [target <= 2 s, <= 100 MB]")
        t = time.perf_counter()
        first = core.tick(now + 60)
        print(f"first tick after start (slots missed by < grace): {first:,} sent in {(time.perf_counter() - t) * 1000:.0f} ms")
        t = time.perf_counter()
        core.tick(now + 120)
        print(f"an idle per-minute tick: {(time.perf_counter() - t) * 1000:.0f} ms")
        t = time.perf_counter()
        sent = core.tick(now + 3600)
        took = time.perf_counter() - t
        print(f"a busy tick (one hour of due nudges): {sent:,} decided+enqueued in {took:.2f}s "
              f"({sent / max(took, 1e-9):,.0f}/s, durable, {core.batch} per transaction)")
        store.close()


class BenchRuntime:
    def __init__(self, store):
        self.store = store

    async def run_sync(self, fn, *args):
        return await asyncio.to_thread(fn, *args)


async def dispatch(messages: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = TinyStore(Path(tmp))
        with store.transaction():
            for i in range(messages):
                enqueue(store, Delivery("telegram", str(100000 + i % 5000), SendMessage(to=Address.person(f"p_{i}"), text=f"nudge {i}")))
        sink = LimitedSink()
        pump = OutboxPump(BenchRuntime(store), "telegram", sink.send, TELEGRAM, base_backoff=0.5)
        started = time.monotonic()
        await pump.drain()
        elapsed = time.monotonic() - started
        texts = [text for *_, text in sink.accepted]
        first, last = sink.accepted[0][1], sink.accepted[-1][1]
        rate = (len(texts) - 1) / (last - first)
        lost = messages - len(set(texts))
        twice = len(texts) - len(set(texts))
        print(f"dispatch: {len(texts):,} messages in {elapsed:.1f}s: {rate:.2f} msg/s against a 30 msg/s sink "
              f"= {rate / 30:.1%} of the limit   [target >= 95%]")
        print(f"  injected: {sink.counts['429_injected']} x 429, {sink.counts['5xx']} x 5xx; "
              f"429 for going over the limit: {sink.counts['429_over_limit']}; lost: {lost}; sent twice: {twice}; "
              f"left in outbox: {len(store.keys(OUTBOX))}")
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--messages", type=int, default=900)
    args = parser.parse_args()
    startup(args.people)
    asyncio.run(dispatch(args.messages))


if __name__ == "__main__":
    main()
