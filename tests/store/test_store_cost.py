"""A write costs the same at 100 and at 20,000 documents (a sanity check, not a benchmark)."""

from __future__ import annotations

import random
import time

from bot.store import TinyStore

DOC = {"name": "Someone", "tz": "Europe/Berlin", "checkins": [{"day": i, "mood": 3} for i in range(5)]}


def mean_write_seconds(path, n: int) -> float:
    rng = random.Random(n)
    with TinyStore(path, durable=False) as s:
        with s.transaction():
            for i in range(n):
                s.put("users", f"u{i:06d}", DOC)
        best = float("inf")
        for _ in range(3):
            t0 = time.perf_counter()
            for j in range(400):
                key = f"u{rng.randrange(n):06d}"
                with s.transaction():
                    doc = s.get("users", key)
                    doc["mood"] = j
                    s.put("users", key, doc)
                    s.put("users", f"new{n}-{j:06d}-{_}", DOC)  # an insert too
            best = min(best, (time.perf_counter() - t0) / 400)
        return best


def test_write_cost_does_not_grow_with_size(tmp_path):
    small = mean_write_seconds(tmp_path / "small", 100)
    large = mean_write_seconds(tmp_path / "large", 20_000)
    assert large / small < 3, (small, large)
