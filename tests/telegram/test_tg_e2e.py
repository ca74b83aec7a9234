"""End to end: real PTB code against the telegram-test-api emulator.

A person onboards, checks in, uses the coach and /export, pressing buttons that are
answered and cleared. Two people pair (/pair, /join CODE), link their group (/linkgroup,
with the adapter counting the group's members), answer a group prompt (one through the
Answer button's private dialog, one by replying in the group) and see the reveal together
in the group; a check-in reminder arrives in a private chat after the fake clock reaches
the check-in time and the scheduler ticks. A group with a third person: see
test_tg_group_members.py."""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timezone

import pytest
from tg_harness import NAME, Emulator, Person, RunningBot, add_to_group, assert_all_answered, button, onboard, pair


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


# --- a couple: pairing, the group prompt, a nudge --------------------------------------------

async def test_couple_pairs_answers_a_group_prompt_and_gets_a_nudge(running_bot: RunningBot, emulator: Emulator, token: str) -> None:
    from bot.scheduler import SchedulerService

    ann, bob = Person(emulator, token, 511, "Ann"), Person(emulator, token, 512, "Bob")
    await onboard(ann, "Annika")  # both: Europe/Berlin, reminders at 20:00
    await onboard(bob, "Bjorn")
    await pair(ann, bob, "Annika", "Bjorn")

    # The group: Ann adds the bot and Bob; the adapter counts the members (two people and the bot).
    group = {"id": -5101, "type": "group", "title": "Us two"}
    ann_g, bob_g = Person(emulator, token, 511, "Ann", chat=group), Person(emulator, token, 512, "Bob", chat=group)
    await add_to_group(emulator, token, group, ann, bob, message_id=900_001)
    reply = await ann_g.say("/linkgroup")
    assert "Linked" in reply["text"] and "Annika" in reply["text"] and "Bjorn" in reply["text"]
    state = await emulator.state(token)
    counted = [c["method"] for c in state["calls"] if str(c.get("chat_id")) == str(group["id"])]
    assert "getChatMemberCount" in counted and "getChatAdministrators" in counted

    # A prompt in the group, with an Answer button.
    prompt = await ann_g.say("/prompt")
    assert prompt["text"].startswith("💬") and ann_g.labels(prompt) == ["✍️ Answer"]
    question = prompt["text"].split("\n")[0][2:].strip()

    # Ann answers privately: the group button opens the answer dialog in her private chat.
    await ann_g.press(prompt["message_id"], button(prompt, "Answer"))
    reply = (await ann.replies())[-1]
    assert question in reply["text"] and "Bjorn won't see it" in reply["text"]
    reply = await ann.say("Quokkas at sunrise, with you")
    assert "Annika: Quokkas at sunrise, with you" in reply["text"]
    reply = await ann.tap("Yes, that's it")
    assert "once you've both answered" in reply["text"]
    await ann_g.silence(0.3)  # nothing in the group yet: no half reveal, nobody named or nudged
    await assert_all_answered(emulator, token, ann.presses + bob.presses + ann_g.presses)

    # Bob answers by replying in the group: both answers are revealed together, in the group.
    bob_g.seen = ann_g.seen
    await bob_g.send_text("Pelicans, always pelicans")
    reveal = (await bob_g.replies())[-1]
    assert "Both answers are in" in reveal["text"] and question in reveal["text"]
    assert "Annika: Quokkas at sunrise, with you" in reveal["text"] and "Bjorn: Pelicans, always pelicans" in reveal["text"]
    assert reveal in await ann_g.messages()  # one message in the shared chat: both see it together
    ann_g.seen = bob_g.seen
    assert all("Quokkas" not in m["text"] for m in await bob.messages())  # never privately to Bob
    await bob.silence(0.2)

    # A nudge: the scheduler ticks (as it does every minute); the fake clock reaches the check-in
    # time (20:00 in Berlin is 19:00 UTC on 5 January); the next tick puts a reminder in the
    # outbox, and the adapter's outbox loop sends it to each person's private chat.
    service = SchedulerService(running_bot.runtime)
    assert await running_bot.runtime.run_sync(service.tick_sync) == 0
    running_bot.clock.set(datetime(2026, 1, 5, 19, 0, tzinfo=timezone.utc))
    assert await running_bot.runtime.run_sync(service.tick_sync) >= 2
    for person, name in ((ann, "Annika"), (bob, "Bjorn")):
        nudge = (await person.replies())[-1]
        assert "Check in now" in person.labels(nudge), nudge
    # The reminder's button starts a check-in.
    reply = await bob.tap("Check in now")
    assert len(bob.labels(reply)) == 5
    await ann_g.silence(0.2)  # nothing about nudges in the group


async def test_a_message_typed_right_after_a_press_waits_its_turn(running_bot: RunningBot, emulator: Emulator, token: str) -> None:
    # Updates run concurrently and a press first answers Telegram; the text sent right behind
    # it must still be handled second, as the answer to the question the press led to.
    ann = Person(emulator, token, 531, "Ann")
    await onboard(ann)
    for _ in range(3):
        checkin = await ann.say("/checkin")
        await ann.press(checkin["message_id"], button(checkin, "Good"))
        await ann.send_text("hopeful")
        await asyncio.sleep(0.5)
        texts = [m["text"] for m in await ann.replies()]
        assert not any("didn't quite get that" in t for t in texts), texts
        assert "feelings" in texts[0], texts  # the press's question came first...
        assert "feelings" not in texts[-1], texts  # ...and "hopeful" answered it
        await ann.say("/cancel")
