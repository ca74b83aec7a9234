"""Helpers for the Telegram end-to-end tests: the emulator's client/control API and a running adapter."""

from __future__ import annotations

import asyncio
import itertools
import os
import shutil
import socket
import subprocess
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from bot.config import Settings
from bot.engine.clock import FakeClock

EMULATOR_DIR = Path(__file__).parent / "emulator"
_tokens = itertools.count(1)


def next_token() -> str:
    return f"{os.getpid()}{next(_tokens):04d}:TEST-token-{os.urandom(4).hex()}"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Emulator:
    """The emulator's client and control API: act as Telegram users, see what the bot did."""

    def __init__(self, base: str):
        self.base = base
        self.http = httpx.AsyncClient(base_url=base, timeout=10)
        self._message_ids = itertools.count(100_000)

    async def state(self, token: str) -> dict[str, Any]:
        response = await self.http.post("/control/state", json={"token": token})
        response.raise_for_status()
        return response.json()

    async def raw(self, token: str, update: dict[str, Any]) -> None:
        (await self.http.post("/control/rawUpdate", json={"token": token, "update": update})).raise_for_status()

    async def fault(self, token: str, method: str, code: int, *, chat_id: int | None = None, times: int = 1,
                    retry_after: int | None = None, description: str | None = None) -> None:
        body: dict[str, Any] = {"token": token, "method": method, "code": code, "times": times}
        if chat_id is not None:
            body["chat_id"] = chat_id
        if retry_after is not None:
            body["retry_after"] = retry_after
        if description:
            body["description"] = description
        (await self.http.post("/control/fault", json=body)).raise_for_status()

    async def send(self, token: str, message: dict[str, Any]) -> None:
        """A user message through the emulator's client API (we add `date`, it adds message_id)."""
        payload = {"botToken": token, "date": int(time.time()), **message}
        path = "/sendCommand" if message.get("entities") else "/sendMessage"
        (await self.http.post(path, json=payload)).raise_for_status()

    async def callback(self, token: str, user: dict[str, Any], chat: dict[str, Any], message_id: int, data: str) -> None:
        payload = {
            "botToken": token, "from": user, "data": data, "chat_instance": f"ci{chat['id']}",
            "message": {"message_id": message_id, "chat": chat, "date": int(time.time()), "text": "…",
                        "from": {"id": 666, "is_bot": True, "first_name": "Backbone Test"}},
        }
        (await self.http.post("/sendCallback", json=payload)).raise_for_status()


class RunningBot:
    def __init__(self, adapter: Any, task: asyncio.Task[None], runtime: Any, clock: FakeClock):
        self.adapter = adapter
        self.task = task
        self.runtime = runtime
        self.clock = clock

    async def stop(self) -> None:
        self.adapter.stop()
        try:
            await asyncio.wait_for(self.task, 15)
        finally:
            self.runtime.close()


async def start_bot(emulator_url: str, token: str, data: Path, clock: FakeClock | None = None,
                    webhook: str | None = None, port: int = 0, **kw: Any) -> RunningBot:
    from bot.adapters.telegram.app import TelegramAdapter
    from bot.runtime import Runtime

    clock = clock or FakeClock()
    settings = Settings(data_dir=data, telegram_token=token, telegram_base_url=emulator_url)
    runtime = Runtime(settings, clock=clock)
    options = {"private_rate": 50.0, "private_burst": 10, "poll_timeout": 2.0, "outbox_interval": 0.2,
               "retry_delay": 0.05, **kw}
    adapter = TelegramAdapter(runtime, token, base_url=emulator_url, **options)
    task = asyncio.create_task(adapter.serve(webhook, "127.0.0.1", port))
    ready = asyncio.create_task(adapter.ready.wait())
    await asyncio.wait({task, ready}, timeout=15, return_when=asyncio.FIRST_COMPLETED)
    if task.done():
        ready.cancel()
        runtime.close()
        task.result()  # raises the start-up error
    assert adapter.ready.is_set(), "the adapter did not start"
    return RunningBot(adapter, task, runtime, clock)


