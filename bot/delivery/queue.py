"""One outbound queue per platform, inside the platform's rate limits.

    queue = DeliveryQueue(send, TELEGRAM, on_sent=..., on_blocked=..., on_failed=...)
    task = asyncio.create_task(queue.run())
    await queue.put(key, delivery)

`send(delivery)` is the platform's async call; it raises RetryAfter(seconds),
Transient or Blocked (bot/delivery/errors.py), anything else counts as
Transient. Per chat, messages go out one at a time and in order; a chat whose
wait is over (retry, its own limit) goes before chats not tried yet, so a retry
is not stuck behind a large batch. Each send takes its overall place only as it
starts (bot/delivery/limits.py: Gate), and a failed send gives it back. 429: the chat
(or, with scope="global", the whole queue) waits exactly `retry_after`.
Transient: exponential backoff with jitter, for ever (the entry stays in the
durable outbox; `on_failed` counts the attempt). Blocked: `on_blocked` (mark the
person unreachable) and the chat's queued messages are dropped, never retried.
The callbacks are async; store work in them belongs on the runtime's worker.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
import logging
import random
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from bot.delivery.errors import Blocked, RetryAfter, Transient
from bot.delivery.limits import Gate, Limits

log = logging.getLogger(__name__)

Callback = Callable[[str, Any], Awaitable[None]]


@dataclass
class Item:
    key: str
    delivery: Any  # bot.runtime.Delivery
    attempts: int = 0


async def _nothing(key: str, delivery: Any) -> None:
    return None


class DeliveryQueue:
    def __init__(
        self, send: Callable[[Any], Awaitable[Any]], limits: Limits, *,
        on_sent: Callback = _nothing, on_blocked: Callback = _nothing, on_failed: Callback = _nothing,
        concurrency: int = 16, base_backoff: float = 0.5, max_backoff: float = 300.0,
        clock: Callable[[], float] = time.monotonic, rng: random.Random | None = None,
    ):
        self.send = send
        self.gate = Gate(limits)
        self.on_sent, self.on_blocked, self.on_failed = on_sent, on_blocked, on_failed
        self.concurrency = concurrency
        self.base_backoff, self.max_backoff = base_backoff, max_backoff
        self.clock = clock
        self.rng = rng or random.Random()
        self._chats: dict[str, deque[Item]] = {}
        # Chats with work and none in flight: those that must wait first (not before, seq, chat), and the rest.
        self._ready: list[tuple[float, int, str]] = []
        self._fresh: deque[str] = deque()
        self._busy: set[str] = set()
        self._not_before: dict[str, float] = {}
        self._keys: set[str] = set()
        # Keys finished lately: an outbox read that raced with marking them done must not queue them again.
        self._finished: dict[str, None] = {}
        self._seq = itertools.count()
        self._wake = asyncio.Event()
        self._idle = asyncio.Event()
        self._idle.set()
        self._slots = asyncio.Semaphore(concurrency)
        self._tasks: set[asyncio.Task[None]] = set()
        self.stats = {"sent": 0, "retry_after": 0, "transient": 0, "blocked": 0}

    # --- feeding --------------------------------------------------------------

    def __contains__(self, key: str) -> bool:
        return key in self._keys

    def __len__(self) -> int:
        return len(self._keys)

    @staticmethod
    def chat_of(delivery: Any) -> tuple[str, bool]:
        return f"{delivery.platform}:{delivery.chat_id}", delivery.action.to.kind == "group"

    def put(self, key: str, delivery: Any) -> bool:
        """Queue a delivery (once per key); False if that key is already queued."""
        if key in self._keys or key in self._finished:
            return False
        self._keys.add(key)
        self._idle.clear()
        chat, _ = self.chat_of(delivery)
        queue = self._chats.setdefault(chat, deque())
        queue.append(Item(key, delivery))
        if len(queue) == 1 and chat not in self._busy:
            self._push(chat)
        return True

    def _push(self, chat: str) -> None:
        not_before = self._not_before.get(chat)
        if not_before is None:
            self._fresh.append(chat)
        else:
            heapq.heappush(self._ready, (not_before, next(self._seq), chat))
        self._wake.set()

    def _pop(self, waited: bool) -> None:
        if waited:
            heapq.heappop(self._ready)
        else:
            self._fresh.popleft()

    def _forget(self, key: str, keep: int = 50_000) -> None:
        self._keys.discard(key)
        self._finished[key] = None
        if len(self._finished) > keep:
            del self._finished[next(iter(self._finished))]

    async def join(self) -> None:
        """Wait until everything queued so far has been sent or dropped."""
        await self._idle.wait()

    # --- running ----------------------------------------------------------------

    async def run(self) -> None:
        try:
            while True:
                now = self.clock()
                # Chats whose wait (retry_after, backoff, their own limit) is over go first: their
                # message has been queued longer than anything fresh; then fresh chats, in order.
                if self._ready and self._ready[0][0] <= now:
                    waited, chat = True, self._ready[0][2]
                elif self._fresh:
                    waited, chat = False, self._fresh[0]
                elif self._ready:
                    await self._sleep_until_woken(self._ready[0][0] - now)
                    continue
                else:
                    self._wake.clear()
                    await self._wake.wait()
                    continue
                queue = self._chats.get(chat)
                if not queue:
                    self._pop(waited)
                    continue
                _, is_group = self.chat_of(queue[0].delivery)
                ready = self.gate.chat_ready(chat, is_group)
                if ready > now:  # the chat's own limit holds it back: requeue at that time
                    self._pop(waited)
                    heapq.heappush(self._ready, (ready, next(self._seq), chat))
                    continue
                # The overall place is looked at only now, when this send could start: a refund
                # (a failed send) wakes the loop and its place goes to the very next send.
                ready = self.gate.ready_global(now)
                if ready > now:
                    await self._sleep_until_woken(ready - now)
                    continue
                if self._slots.locked():  # `concurrency` sends in flight: wait for one to finish
                    await self._slots.acquire()
                    self._slots.release()
                    continue  # time has passed: look again
                await self._slots.acquire()  # free: does not wait
                self._pop(waited)
                slot = self.gate.take_global(now)
                self._busy.add(chat)
                task = asyncio.create_task(self._send_one(chat, is_group, queue[0], slot))
                self._tasks.add(task)
                task.add_done_callback(self._tasks.discard)
        finally:
            for task in list(self._tasks):
                task.cancel()

    async def _sleep_until_woken(self, seconds: float) -> None:
        self._wake.clear()
        try:
            await asyncio.wait_for(self._wake.wait(), timeout=seconds)
        except asyncio.TimeoutError:
            pass

    def _refund(self, slot: float) -> None:
        self.gate.refund_global(slot)
        self._wake.set()  # the loop may be waiting for exactly this place

    async def _send_one(self, chat: str, is_group: bool, item: Item, slot: float) -> None:
        try:
            try:
                await self.send(item.delivery)
            except RetryAfter as exc:
                self.stats["retry_after"] += 1
                item.attempts += 1
                until = self.clock() + exc.seconds
                if exc.scope == "global":
                    self.gate.pause_all(until)
                else:  # that chat's problem: its overall slot was not used up
                    self._refund(slot)
                self._not_before[chat] = until
                await self.on_failed(item.key, item.delivery)
            except Blocked:
                self.stats["blocked"] += 1
                self._not_before.pop(chat, None)
                dropped = list(self._chats.pop(chat, deque()))
                for other in dropped:
                    try:
                        await self.on_blocked(other.key, other.delivery)
                    finally:
                        self._forget(other.key)
                return
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # Transient, and anything unexpected
                if not isinstance(exc, Transient):
                    log.warning("send failed unexpectedly (%s); treating it as transient", type(exc).__name__)
                self.stats["transient"] += 1
                self._refund(slot)
                item.attempts += 1
                backoff = min(self.max_backoff, self.base_backoff * 2 ** min(item.attempts - 1, 20))
                self._not_before[chat] = self.clock() + backoff * (0.5 + self.rng.random() / 2)
                await self.on_failed(item.key, item.delivery)
            else:
                self.stats["sent"] += 1
                self.gate.record(chat, is_group, self.clock())
                self._not_before.pop(chat, None)
                queue = self._chats.get(chat)
                if queue and queue[0] is item:
                    queue.popleft()
                try:
                    await self.on_sent(item.key, item.delivery)
                finally:
                    self._forget(item.key)
        finally:
            self._slots.release()
            self._busy.discard(chat)
            queue = self._chats.get(chat)
            if queue:
                self._push(chat)
            else:
                self._chats.pop(chat, None)
                if not self._keys:
                    self._idle.set()
