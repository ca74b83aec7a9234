"""Limits and faults through the emulator: blocked users, 429, 5xx, the outbox, per-chat pacing."""

from __future__ import annotations

import asyncio
import time

from tg_harness import Emulator, Person, RunningBot

from bot.engine.actions import Address, SendFile, SendMessage
from bot.engine.people import IDENTITIES
from bot.outbox import OUTBOX
from bot.runtime import Delivery


def _identity(bot: RunningBot, user_id: int) -> dict | None:
    return bot.runtime.store.get(IDENTITIES, f"telegram:{user_id}")


async def test_a_person_who_blocked_the_bot_is_marked_unreachable(running_bot: RunningBot, emulator: Emulator, token: str) -> None:
    ann = Person(emulator, token, 701, "Ann")
    await ann.say("/start")
    await emulator.fault(token, "sendMessage", 403, chat_id=701, description="Forbidden: bot was blocked by the user")
    await ann.send_text("Ann")
    for _ in range(100):
        identity = await running_bot.runtime.run_sync(_identity, running_bot, 701)
        if identity and identity.get("unreachable"):
            break
        await asyncio.sleep(0.05)
    assert identity and identity["unreachable"] is True
    # Writing again (they unblocked us) makes them reachable again.
    await ann.say("Europe/Berlin")
    identity = await running_bot.runtime.run_sync(_identity, running_bot, 701)
    assert not identity.get("unreachable")


async def test_retry_after_and_server_errors_are_retried(running_bot: RunningBot, emulator: Emulator, token: str) -> None:
    ann = Person(emulator, token, 702, "Ann")
    await emulator.fault(token, "sendMessage", 429, chat_id=702, retry_after=1)
    started = time.monotonic()
    assert "Backbone" in (await ann.say("/start"))["text"]
    assert time.monotonic() - started >= 1.0  # RetryAfter was waited out
    await emulator.fault(token, "sendMessage", 502, chat_id=702, times=2, description="Bad Gateway")
    assert await ann.say("Ann")
    state = await emulator.state(token)
    sends = [c for c in state["calls"] if c["method"] == "sendMessage" and c.get("chat_id") == "702"]
    assert len(sends) == 5  # 429 + retry, 502 + 502 + success


async def test_outbox_deliveries_are_sent_and_cleared(running_bot: RunningBot, emulator: Emulator, token: str) -> None:
    from bot.outbox import enqueue

    store = running_bot.runtime.store

    def queue() -> None:
        with store.transaction():
            enqueue(store, Delivery("telegram", "703", SendMessage(to=Address.person("p_a"), text="A nudge from afar.")))
            enqueue(store, Delivery("telegram", "703", SendFile(to=Address.person("p_a"), filename="needs.png",
                                                                 data=b"\x89PNG....", caption="Your needs", image=True)))
            enqueue(store, Delivery("telegram", "704", SendMessage(to=Address.person("p_b"), text="Blocked.")))

    await emulator.fault(token, "sendMessage", 403, chat_id=704, description="Forbidden: bot was blocked by the user")
    await running_bot.runtime.run_sync(queue)
    ann = Person(emulator, token, 703, "Ann")
    parts = await ann.replies()
    while len(parts) < 2:
        parts += await ann.replies()
    assert parts[0]["text"] == "A nudge from afar."
    assert parts[1]["photo"] and parts[1]["caption"] == "Your needs"
    for _ in range(100):
        left = await running_bot.runtime.run_sync(store.keys, OUTBOX, "telegram:")
        if not left:
            break
        await asyncio.sleep(0.05)
    assert left == []


async def test_private_chats_are_paced_about_one_message_a_second(emulator_url: str, emulator: Emulator, token: str, tmp_path) -> None:
    from tg_harness import start_bot

    bot = await start_bot(emulator_url, token, tmp_path / "data", private_rate=4.0, private_burst=1)
    try:
        started = time.monotonic()
        for i in range(4):
            action = SendMessage(to=Address.person("p_a"), text=f"Message {i}")
            assert await bot.adapter.send(Delivery("telegram", "705", action)) == "sent"
        assert time.monotonic() - started >= 0.7  # 4 messages at 4/s with no burst
        started = time.monotonic()
        assert await bot.adapter.send(Delivery("telegram", "706", SendMessage(to=Address.person("p_b"), text="Hi"))) == "sent"
        assert time.monotonic() - started < 0.2  # another chat is not held up
    finally:
        await bot.stop()
