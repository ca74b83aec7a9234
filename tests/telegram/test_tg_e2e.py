"""End to end: real PTB code against the telegram-test-api emulator.

A person onboards, checks in, uses the coach and /export, pressing buttons that are
answered and cleared. Pairing, the couple's group prompt and nudges join here as those
features land (see `onboard` and `Person` in tg_harness.py for the building blocks)."""

from __future__ import annotations

import asyncio
import logging

import pytest
from tg_harness import Emulator, Person, RunningBot

NAME = "Zanzibarina"  # distinctive, so the log check below can't be fooled


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


async def test_onboard_checkin_coach_export(running_bot: RunningBot, emulator: Emulator, token: str, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    ann = Person(emulator, token, 501, "Ann")
    await onboard(ann)

    # Every press was answered, and each pressed message lost its buttons.
    await assert_all_answered(emulator, token, ann.presses)
    state = await emulator.state(token)
    pressed = [m for m in state["messages"] if m["chat_id"] == 501 and m["message_id"] < ann.seen]
    assert all(not m["reply_markup"] for m in pressed), "old buttons were left live"

    # The command menu was set from the engine's dialogs and commands.
    private = {c["command"] for c in state["commands"]["all_private_chats"]}
    assert {"checkin", "coach", "export", "help"} <= private

    # Check-in: buttons and typed text mixed.
    reply = await ann.say("/checkin")
    assert len(ann.labels(reply)) == 5
    reply = await ann.tap(3)  # "Good"
    reply = await ann.tap(0) if ann.labels(reply) else await ann.say("hopeful")
    reply = await ann.say("Work was long but the evening was quiet.")
    for _ in range(4):  # what would help, share or keep: take the private path
        labels = ann.labels(reply)
        if not labels:
            break
        reply = await ann.tap("Keep it private" if "Keep it private" in labels else 0)
    assert not ann.labels(reply)

    # The coach.
    reply = await ann.say("/coach")
    reply = await ann.say("You never listen to me!")
    labels = ann.labels(reply)
    assert labels
    reply = await ann.tap("That works" if "That works" in labels else "Done" if "Done" in labels else 0)

    # /export arrives as a document.
    reply = await ann.say("/export")
    replies = [reply, *([] if reply.get("document") else await ann.replies())]
    assert any(m.get("document") for m in replies), replies

    await assert_all_answered(emulator, token, ann.presses)
    state = await emulator.state(token)
    assert all(m["parse_mode"] is None for m in state["messages"])  # plain text: no markup to break

    logged = caplog.text
    assert token not in logged and token.split(":")[1] not in logged
    assert NAME not in logged and "Work was long" not in logged and "never listen" not in logged


async def test_buttons_from_another_time_are_answered_kindly(running_bot: RunningBot, emulator: Emulator, token: str) -> None:
    ann = Person(emulator, token, 502, "Ann")
    await onboard(ann)
    first = (await ann.messages())[0]["message_id"]
    # A key the engine could have made, but stale: answered, and the engine says so kindly.
    await ann.press(first, "7.1")
    reply = (await ann.replies())[-1]
    assert "earlier" in reply["text"]
    # Data we never make (too long, odd characters): answered with a short note, nothing else.
    await ann.press(first, "x" * 65)
    await ann.press(first, "<b>evil</b>")
    await ann.silence()
    await assert_all_answered(emulator, token, ann.presses)
    state = await emulator.state(token)
    notes = [a["text"] for a in state["answers"][-2:]]
    assert all(n and "isn't one of mine" in n for n in notes)


async def test_webhook_mode_verifies_the_secret(emulator_url: str, emulator: Emulator, token: str, tmp_path) -> None:
    import httpx
    from tg_harness import free_port, start_bot

    port = free_port()
    url = f"http://127.0.0.1:{port}/tg-hook"
    bot = await start_bot(emulator_url, token, tmp_path / "data", webhook=url, port=port)
    try:
        state = await emulator.state(token)
        assert state["webhook"]["url"] == url and state["webhook"]["secret_token"]
        ann = Person(emulator, token, 503, "Ann")
        reply = await ann.say("/start")  # delivered by the emulator to our webhook, with the secret
        assert "Backbone" in reply["text"]
        update = {"update_id": 99, "message": {"message_id": 1, "date": 0, "text": "/start",
                                                "chat": {"id": 504, "type": "private"},
                                                "from": {"id": 504, "is_bot": False, "first_name": "Eve"}}}
        async with httpx.AsyncClient() as http:
            missing = await http.post(url, json=update)
            wrong = await http.post(url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "guess"})
        assert missing.status_code == 403 and wrong.status_code == 403
        eve = Person(emulator, token, 504, "Eve")
        await eve.silence(0.3)
    finally:
        await bot.stop()


async def test_second_instance_fails_fast_with_409(emulator_url: str, emulator: Emulator, token: str, tmp_path) -> None:
    from bot.adapters.telegram.app import StartupError
    from tg_harness import start_bot

    first = await start_bot(emulator_url, token, tmp_path / "one", conflict_window=0.2)
    try:
        await asyncio.sleep(0.5)  # the first one is well established
        second = await start_bot(emulator_url, token, tmp_path / "two", conflict_window=20)
        with pytest.raises(StartupError, match="409"):
            await asyncio.wait_for(second.task, 10)
        second.runtime.close()
        ann = Person(emulator, token, 505, "Ann")  # the first one still works
        reply = await ann.say("/start")
        assert "Backbone" in reply["text"]
    finally:
        await first.stop()
