"""Wires settings, store, engine and adapters together for a running bot.

Turns run on one worker thread: that serialises the events of each person (and
everyone else's: simple, and fast enough, see bench/engine.py) and keeps the
store's fsync off the asyncio loop."""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
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


class Runtime:
    def __init__(self, settings: Settings, store: Store | None = None, clock: Clock | None = None, **engine_kw: Any):
        self.settings = settings
        self.store = store or open_store(settings.data_dir)
        self.engine = Engine(self.store, settings, clock, **engine_kw)
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="engine")

    def handle_sync(self, event: Event, local: str | None = None) -> list[Delivery]:
        """Run one turn. With `local` set (the platform this process serves),
        deliveries for other platforms go to the durable outbox and only the
        local ones are returned for sending now."""
        actions = self.engine.handle(event)
        deliveries = [d for d in (route(self.store, a) for a in actions) if d is not None]
        if local is None:
            return deliveries
        from bot.outbox import enqueue

        remote = [d for d in deliveries if d.platform != local]
        if remote:
            with self.store.transaction():
                for delivery in remote:
                    enqueue(self.store, delivery)
        return [d for d in deliveries if d.platform == local]

    async def handle(self, event: Event, local: str | None = None) -> list[Delivery]:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._worker, self.handle_sync, event, local)

    async def run_sync(self, fn: Any, *args: Any) -> Any:
        """Run other store work (scheduler ticks, marking someone unreachable) on the same worker."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._worker, fn, *args)

    def close(self) -> None:
        self._worker.shutdown(wait=True)
        self.store.close()
