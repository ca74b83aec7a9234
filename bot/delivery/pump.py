"""OutboxPump: feed one platform's durable outbox entries through its DeliveryQueue.

    pump = OutboxPump(runtime, "telegram", send)   # send(delivery) raises bot.delivery errors
    task = asyncio.create_task(pump.run())
    ...
    await pump.stop()

Store work (reading the outbox, marking done, marking a blocked person
unreachable) runs on the runtime's worker (`runtime.run_sync`), never on the
loop. An entry leaves the outbox only after the platform accepted it, so a crash
mid-way sends it after restart (it cannot be un-sent if the crash came after
the platform accepted it and before `done` was stored)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from bot.delivery.limits import Limits, limits_for
from bot.delivery.queue import DeliveryQueue
from bot.engine.people import mark_unreachable
from bot.outbox import done, failed, pending
from bot.store.protocol import Store

log = logging.getLogger(__name__)


class OutboxPump:
    def __init__(
        self, runtime: Any, platform: str, send: Callable[[Any], Awaitable[Any]], limits: Limits | None = None,
        *, poll_seconds: float = 1.0, batch: int = 500, **queue_kw: Any,
    ):
        self.runtime = runtime
        self.platform = platform
        self.poll_seconds = poll_seconds
        self.batch = batch
        self.queue = DeliveryQueue(
            send, limits or limits_for(platform), on_sent=self._sent, on_blocked=self._blocked,
            on_failed=self._failed, **queue_kw,
        )
        self._runner: asyncio.Task[None] | None = None

    async def _sent(self, key: str, delivery: Any) -> None:
        await self.runtime.run_sync(done, self.runtime.store, key)

    async def _failed(self, key: str, delivery: Any) -> None:
        await self.runtime.run_sync(failed, self.runtime.store, key)

    async def _blocked(self, key: str, delivery: Any) -> None:
        to = delivery.action.to
        await self.runtime.run_sync(
            mark_unreachable, self.runtime.store, f"{delivery.platform}:{delivery.chat_id}",
            to.id if to.kind == "person" else None,
        )
        await self.runtime.run_sync(done, self.runtime.store, key)

    async def poll_once(self) -> int:
        """Queue outbox entries not queued yet; returns how many were added."""
        entries = await self.runtime.run_sync(pending, self.runtime.store, self.platform, self.batch + len(self.queue))
        return sum(1 for entry in entries if self.queue.put(entry.key, entry.delivery))

    async def run(self) -> None:
        self._runner = asyncio.create_task(self.queue.run())
        try:
            while True:
                try:
                    await self.poll_once()
                except Exception:
                    log.exception("outbox poll failed")
                await asyncio.sleep(self.poll_seconds)
        finally:
            self._runner.cancel()

    async def drain(self, poll_seconds: float = 0.1) -> None:
        """Send everything in the outbox now (tests, benches, shutdown): keep the queue fed until
        the outbox is empty."""
        runner = self._runner or asyncio.create_task(self.queue.run())
        try:
            while True:
                added = await self.poll_once()
                if not added and not len(self.queue):
                    break
                await asyncio.sleep(poll_seconds)
        finally:
            if self._runner is None:
                runner.cancel()
