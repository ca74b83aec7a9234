"""A rate-limited stand-in for a platform's send API, for tests and benchmarks.

It accepts at most `limit` messages per sliding second (one more gets a global
429), answers after 10-40 ms, and injects 429s (retry after 1 s) and 5xx at
the given rates. Pass the loop's clock to run it on a fake-time event loop."""

from __future__ import annotations

import asyncio
import random
import time
from collections import deque
from collections.abc import Callable
from typing import Any

from bot.delivery.errors import RetryAfter, Transient


class LimitedSink:
    def __init__(
        self, limit: int = 30, p429: float = 0.03, p5xx: float = 0.03, seed: int = 3,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.limit, self.p429, self.p5xx, self.clock = limit, p429, p5xx, clock
        self.rng = random.Random(seed)
        self.window: deque[float] = deque()
        self.accepted: list[tuple[float, float, str, str]] = []  # (started, accepted, chat, text)
        self.counts = {"429_injected": 0, "429_over_limit": 0, "5xx": 0}

    async def send(self, delivery: Any) -> None:
        started = self.clock()
        await asyncio.sleep(self.rng.uniform(0.01, 0.04))  # network + API latency
        now = self.clock()
        r = self.rng.random()
        if r < self.p5xx:
            self.counts["5xx"] += 1
            raise Transient("502 Bad Gateway")
        if r < self.p5xx + self.p429:
            self.counts["429_injected"] += 1
            raise RetryAfter(1.0)
        while self.window and self.window[0] <= now - 1.0:
            self.window.popleft()
        if len(self.window) >= self.limit:
            self.counts["429_over_limit"] += 1
            raise RetryAfter(1.0, scope="global")
        self.window.append(now)
        self.accepted.append((started, now, delivery.chat_id, delivery.action.text))
