"""Wires settings, store, engine and adapters together for a running bot.

Turns run on one worker thread: that serialises the events of each person (and
everyone else's: simple, and fast enough, see bench/engine.py) and keeps the
store's fsync off the asyncio loop. Turns that arrive together are run as a
batch sharing one fsync (group commit); their replies are released only after
it, so nothing is acknowledged before it is durable."""

from __future__ import annotations

import asyncio
import logging
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any

from bot.config import Settings
from bot.engine.actions import Action
from bot.engine.clock import Clock
from bot.engine.engine import Engine
from bot.engine.events import Event
from bot.engine.people import PEOPLE, primary_identity
from bot.store import Store, open_store

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Delivery:
    """An action with the platform chat it goes to."""

    platform: str
    chat_id: str  # the platform's own chat id, without the platform prefix
    action: Action


def split_chat_id(qualified: str) -> tuple[str, str]:
    platform, _, chat = qualified.partition(":")
    return platform, chat


def route(store: Store, action: Action) -> Delivery | None:
    """Where an action goes, or None when the person can't be reached."""
    if action.to.kind == "group":
        platform, chat = split_chat_id(action.to.id)
        return Delivery(platform, chat, action)
    if action.to.via:
        platform, chat = split_chat_id(action.to.via)
        return Delivery(platform, chat, action)
    person = store.get(PEOPLE, action.to.id)
    if person is None:
        return None
    identity = primary_identity(store, person)
    if identity is None or not identity.get("dm") or identity.get("unreachable"):
        return None
    platform, chat = split_chat_id(identity["dm"])
    return Delivery(platform, chat, action)


class BatchWorker:
    """One thread that runs jobs in order, committing each batch with one fsync."""

    def __init__(self, store: Store, max_batch: int = 64):
        self.store = store
        self.max_batch = max_batch
        self._jobs: queue.SimpleQueue[tuple[Future[Any], Callable[..., Any], tuple[Any, ...]] | None] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._run, name="engine", daemon=True)
        self._thread.start()

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future[Any]:
        future: Future[Any] = Future()
        self._jobs.put((future, fn, args))
        return future

    def _run(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            batch = [job]
            stop = False
            while len(batch) < self.max_batch:
                try:
                    more = self._jobs.get_nowait()
                except queue.Empty:
                    break
                if more is None:
                    stop = True
                    break
                batch.append(more)
            self._run_batch(batch)
            if stop:
                return

    def _run_batch(self, batch: list[tuple[Future[Any], Callable[..., Any], tuple[Any, ...]]]) -> None:
        results: list[tuple[Future[Any], Any, BaseException | None]] = []
        try:
            with self.store.group_commit():
                for future, fn, args in batch:
                    try:
                        results.append((future, fn(*args), None))
                    except Exception as exc:  # one bad turn must not sink the others
                        log.exception("a turn failed")
                        results.append((future, None, exc))
        except Exception as exc:  # the shared fsync failed: nothing in the batch is acknowledged
            log.exception("committing a batch failed")
            for future, _, _ in batch:
                future.set_exception(exc)
            return
        for future, result, error in results:
            if error is not None:
                future.set_exception(error)
            else:
                future.set_result(result)

    def close(self) -> None:
        self._jobs.put(None)
        self._thread.join(timeout=30)


class Runtime:
    def __init__(self, settings: Settings, store: Store | None = None, clock: Clock | None = None, **engine_kw: Any):
        self.settings = settings
        self.store = store or open_store(settings.data_dir)
        self.engine = Engine(self.store, settings, clock, **engine_kw)
        self._worker = BatchWorker(self.store)

    def handle_sync(self, event: Event, local: str | None = None) -> list[Delivery]:
        """Run one turn. With `local` set (the platform this process serves),
        deliveries for other platforms go to the durable outbox and only the
        local ones are returned for sending now."""
        actions = self.engine.handle(event)
        deliveries = [d for d in (route(self.store, a) for a in actions) if d is not None]
        if local is None:
            return deliveries
        from bot.outbox import enqueue_all

        remote = [d for d in deliveries if d.platform != local]
        if remote:
            enqueue_all(self.store, remote)
        return [d for d in deliveries if d.platform == local]

    def submit(self, event: Event, local: str | None = None) -> Future[list[Delivery]]:
        """Queue a turn from any thread; the future resolves once it is durable."""
        return self._worker.submit(self.handle_sync, event, local)

    async def handle(self, event: Event, local: str | None = None) -> list[Delivery]:
        return await asyncio.wrap_future(self.submit(event, local))

    async def run_sync(self, fn: Any, *args: Any) -> Any:
        """Run other store work (scheduler ticks, marking someone unreachable) on the same worker."""
        return await asyncio.wrap_future(self._worker.submit(fn, *args))

    def call(self, fn: Any, *args: Any) -> Any:
        """Like run_sync, for callers on ordinary threads (the scheduler): blocks until done."""
        return self._worker.submit(fn, *args).result()

    def close(self) -> None:
        self._worker.close()
        self.store.close()
