"""SchedulerService: APScheduler 3.x running the one per-minute job that claims due nudges.

    service = SchedulerService(runtime)
    service.start()      # inside a running asyncio loop: AsyncIOScheduler, store work via runtime.run_sync
                         # elsewhere: BackgroundScheduler, store work on its own single job thread
    ...
    service.shutdown()

Run it in ONE process per store (a job store, or an index of due work, must
never be shared by two schedulers). The index is rebuilt from the store by the
first tick (not on the asyncio loop). Ticks only decide and enqueue into the
durable outbox; each adapter sends its platform's entries with
bot.delivery.OutboxPump.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from datetime import datetime, timezone
from typing import Any

from apscheduler.executors.pool import ThreadPoolExecutor as APThreadPool
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.interval import IntervalTrigger

from bot.scheduler.core import NudgeScheduler

log = logging.getLogger(__name__)

JOB_ID = "backbone-nudges"


class SchedulerService:
    def __init__(self, runtime: Any, *, interval_seconds: float = 60.0):
        self.runtime = runtime
        self.clock = runtime.engine.clock
        self.core = NudgeScheduler(runtime.store, runtime.settings)
        self.interval = interval_seconds
        self._loaded = False
        self._lock = threading.Lock()
        self._scheduler: AsyncIOScheduler | BackgroundScheduler | None = None
        self.load_seconds: float | None = None

    def tick_sync(self) -> int:
        """One tick (load the index first if needed). Runs on a worker thread, never on the loop."""
        with self._lock:
            now = self.clock.now().timestamp()
            if not self._loaded:
                import time

                started = time.perf_counter()
                count = self.core.load(now)
                self.load_seconds = time.perf_counter() - started
                self._loaded = True
                log.info("scheduler index rebuilt from the store: %d entries in %.2fs", count, self.load_seconds)
            return self.core.tick(now)

    async def _tick_async(self) -> None:
        try:
            await self.runtime.run_sync(self.tick_sync)
        except Exception:
            log.exception("scheduler tick failed")

    def _tick_thread(self) -> None:
        try:
            self.tick_sync()
        except Exception:
            log.exception("scheduler tick failed")

    def start(self) -> None:
        job_defaults = {"coalesce": True, "max_instances": 1, "misfire_grace_time": None}
        trigger = IntervalTrigger(seconds=self.interval)
        first = datetime.now(timezone.utc)
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            loop = None
        if loop is not None:
            scheduler: AsyncIOScheduler | BackgroundScheduler = AsyncIOScheduler(
                event_loop=loop, job_defaults=job_defaults, timezone=timezone.utc,
            )
            scheduler.add_job(self._tick_async, trigger, id=JOB_ID, next_run_time=first, replace_existing=True)
        else:
            scheduler = BackgroundScheduler(
                executors={"default": APThreadPool(1)}, job_defaults=job_defaults, timezone=timezone.utc,
            )
            scheduler.add_job(self._tick_thread, trigger, id=JOB_ID, next_run_time=first, replace_existing=True)
        scheduler.start()
        self._scheduler = scheduler

    def shutdown(self) -> None:
        if self._scheduler is not None:
            self._scheduler.shutdown(wait=True)
            self._scheduler = None
