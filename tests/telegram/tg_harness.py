"""Helpers for the Telegram end-to-end tests: the emulator's client/control API and a running adapter."""

from __future__ import annotations

import asyncio
import itertools
import os
import re
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

    async def members(self, token: str, chat_id: int, members: list[dict[str, Any]] | None = None,
                      admins: list[int] | None = None) -> None:
        """Set who is in a group (the emulator otherwise goes by who it has seen there)."""
        body: dict[str, Any] = {"token": token, "chat_id": chat_id}
        if members is not None:
            body["members"] = members
        if admins is not None:
            body["admins"] = admins
        (await self.http.post("/control/members", json=body)).raise_for_status()

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




class Person:
    """A Telegram user talking to the bot through the emulator, in a private chat or a group."""

    def __init__(self, emu: Emulator, token: str, user_id: int, name: str, chat: dict[str, Any] | None = None):
        self.emu = emu
        self.token = token
        self.user = {"id": user_id, "is_bot": False, "first_name": name}
        self.chat = chat or {"id": user_id, "type": "private", "first_name": name}
        self.seen = 0
        self.presses = 0
        self.last: dict[str, Any] | None = None

    async def messages(self) -> list[dict[str, Any]]:
        state = await self.emu.state(self.token)
        return [m for m in state["messages"] if m["chat_id"] == self.chat["id"]]

    async def send_text(self, text: str) -> None:
        message: dict[str, Any] = {"from": self.user, "chat": self.chat, "text": text}
        if text.startswith("/"):
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
        await self.emu.send(self.token, message)

    async def replies(self, timeout: float = 10.0, settle: float = 0.15) -> list[dict[str, Any]]:
        """The bot's new messages in this chat (waits for at least one, then for quiet)."""
        deadline = time.monotonic() + timeout
        new: list[dict[str, Any]] = []
        quiet_since = None
        while time.monotonic() < deadline:
            fresh = [m for m in await self.messages() if m["message_id"] > self.seen]
            if fresh and len(fresh) == len(new):
                quiet_since = quiet_since or time.monotonic()
                if time.monotonic() - quiet_since >= settle:
                    break
            else:
                quiet_since = None
            new = fresh
            await asyncio.sleep(0.03)
        assert new, f"no reply from the bot within {timeout}s"
        self.seen = max(m["message_id"] for m in new)
        self.last = new[-1]
        return new

    async def silence(self, wait: float = 0.6) -> None:
        """Assert the bot says nothing new here for `wait` seconds."""
        await asyncio.sleep(wait)
        fresh = [m for m in await self.messages() if m["message_id"] > self.seen]
        assert not fresh, f"expected no reply, got {[m['text'] for m in fresh]}"

    async def say(self, text: str) -> dict[str, Any]:
        await self.send_text(text)
        return (await self.replies())[-1]

    @staticmethod
    def labels(message: dict[str, Any] | None) -> list[str]:
        markup = (message or {}).get("reply_markup") or {}
        return [b["text"] for row in markup.get("inline_keyboard", []) for b in row]

    async def press(self, message_id: int, data: str) -> None:
        self.presses += 1
        await self.emu.callback(self.token, self.user, self.chat, message_id, data)

    async def tap(self, label: str | int) -> dict[str, Any]:
        """Press a button of the newest message that has buttons, by label or position."""
        with_buttons = [m for m in await self.messages() if m.get("reply_markup")]
        assert with_buttons, "no message with buttons to press"
        message = with_buttons[-1]
        buttons = [b for row in message["reply_markup"]["inline_keyboard"] for b in row]
        button = buttons[label] if isinstance(label, int) else next(b for b in buttons if b["text"] == label)
        await self.press(message["message_id"], button["callback_data"])
        reply = (await self.replies())[-1]
        return reply


# --- steps the end-to-end tests share ---------------------------------------------------------

NAME = "Zanzibarina"  # distinctive, so log checks can't be fooled


async def onboard(person: Person, name: str = NAME) -> None:
    reply = await person.say("/start")
    assert "Backbone" in reply["text"]
    reply = await person.say(name)
    assert name in reply["text"]
    reply = await person.say("Europe/Berlin")
    assert person.labels(reply), "the check-in time step offers buttons"
    time_question = reply
    reply = await person.say("20:00")  # typed instead of pressed: the old buttons go away
    assert not (await _message(person, time_question["message_id"]))["reply_markup"]
    assert "Yes, remind me" in person.labels(reply)
    reply = await person.tap("Yes, remind me")
    reply = await person.tap("Sounds good")
    assert name in reply["text"]


async def _message(person: Person, message_id: int) -> dict:
    return next(m for m in await person.messages() if m["message_id"] == message_id)


async def assert_all_answered(emulator: Emulator, token: str, presses: int) -> None:
    for _ in range(50):
        state = await emulator.state(token)
        if len(state["answers"]) >= presses:
            break
        await asyncio.sleep(0.05)
    assert len(state["answers"]) == presses


INVITE = re.compile(r"\b([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2})\b")
BOT_USER = {"id": 666, "is_bot": True, "first_name": "Backbone Test", "username": "BackboneTestBot"}


async def pair(a: Person, b: Person, a_name: str, b_name: str) -> None:
    """/pair in one private chat, /join CODE in the other: both get a confirmation naming the other."""
    reply = await a.say("/pair")
    code = INVITE.search(reply["text"])
    assert code, reply["text"]
    reply = await b.say(f"/join {code.group(1)}")
    assert a_name in reply["text"] and "paired" in reply["text"]
    note = (await a.replies())[-1]
    assert b_name in note["text"] and "paired" in note["text"]


async def add_to_group(emulator: Emulator, token: str, group: dict, adder: Person, *others: Person, message_id: int) -> None:
    """`adder` adds the bot (and `others`) to a group: one service message, as Telegram sends it."""
    await emulator.raw(token, {"message": {
        "message_id": message_id, "date": int(time.time()), "chat": group, "from": adder.user,
        "new_chat_members": [BOT_USER, *(o.user for o in others)],
    }})


def button(message: dict, label: str) -> str:
    buttons = [b for row in (message.get("reply_markup") or {}).get("inline_keyboard", []) for b in row]
    return next(b["callback_data"] for b in buttons if label in b["text"])
