"""Updates we don't handle, odd data, huge and HTML-like text: ignored or answered kindly, never a crash."""

from __future__ import annotations

import time

from tg_harness import Emulator, Person, RunningBot

BOT = {"id": 666, "is_bot": True, "first_name": "Backbone Test", "username": "BackboneTestBot"}
GROUP = {"id": -4001, "type": "group", "title": "Strangers"}


def _msg(user_id: int, chat: dict, **extra) -> dict:
    return {"message_id": 7, "date": int(time.time()), "chat": chat,
            "from": {"id": user_id, "is_bot": False, "first_name": "X"}, **extra}


async def still_alive(emulator: Emulator, token: str, user_id: int = 601) -> None:
    person = Person(emulator, token, user_id, "Ann")
    person.seen = max([m["message_id"] for m in await person.messages()], default=0)
    assert "Backbone" in (await person.say("/start"))["text"]


async def test_sticker_and_photo_in_a_private_chat_get_a_kind_word(running_bot: RunningBot, emulator: Emulator, token: str) -> None:
    ann = Person(emulator, token, 602, "Ann")
    await ann.say("/start")
    await ann.emu.send(token, {"from": ann.user, "chat": ann.chat,
                               "sticker": {"file_id": "s", "file_unique_id": "s", "type": "regular", "width": 1,
                                           "height": 1, "is_animated": False, "is_video": False}})
    reply = (await ann.replies())[-1]
    assert "words" in reply["text"]  # "I didn't catch any words there…", then the question again
    await ann.emu.send(token, {"from": ann.user, "chat": ann.chat,
                               "photo": [{"file_id": "p", "file_unique_id": "p", "width": 1, "height": 1}]})
    assert "words" in (await ann.replies())[-1]["text"]


async def test_stickers_photos_and_strangers_in_a_group_are_ignored(running_bot: RunningBot, emulator: Emulator, token: str) -> None:
    await emulator.raw(token, {"message": _msg(9001, GROUP, new_chat_members=[BOT, {"id": 9002, "is_bot": False, "first_name": "Stranger"}])})
    await emulator.raw(token, {"message": _msg(9001, GROUP, sticker={"file_id": "s", "file_unique_id": "s", "type": "regular",
                                                                     "width": 1, "height": 1, "is_animated": False, "is_video": False})})
    await emulator.raw(token, {"message": _msg(9001, GROUP, photo=[{"file_id": "p", "file_unique_id": "p", "width": 1, "height": 1}])})
    await emulator.raw(token, {"message": _msg(9002, GROUP, text="/start@SomeOtherBot")})
    await emulator.raw(token, {"message": _msg(9002, GROUP, left_chat_member={"id": 9002, "is_bot": False, "first_name": "Stranger"})})
    group = Person(emulator, token, 9001, "X", chat=GROUP)
    await group.silence(0.5)
    await still_alive(emulator, token)


async def test_edited_messages_and_channel_posts_are_ignored(running_bot: RunningBot, emulator: Emulator, token: str) -> None:
    await emulator.raw(token, {"edited_message": {**_msg(603, {"id": 603, "type": "private"}, text="/start"), "edit_date": int(time.time())}})
    await emulator.raw(token, {"channel_post": {"message_id": 1, "date": int(time.time()), "text": "/start",
                                                "chat": {"id": -100777, "type": "channel", "title": "News"}}})
    ann = Person(emulator, token, 603, "Ann")
    await ann.silence(0.5)
    await still_alive(emulator, token, 603)


async def test_malformed_updates_do_not_stop_polling(running_bot: RunningBot, emulator: Emulator, token: str) -> None:
    await emulator.raw(token, {"message": {"message_id": 1, "text": "no chat, no date"}})
    await emulator.raw(token, {"callback_query": {"id": "1", "data": "m:menu"}})
    await emulator.raw(token, {"callback_query": {"id": "2", "from": {"id": 604, "is_bot": False, "first_name": "A"},
                                                  "chat_instance": "c", "data": "m:menu"}})  # no message
    await emulator.raw(token, {"some_future_update_kind": {"x": 1}})
    await still_alive(emulator, token, 604)


async def test_a_huge_message_is_refused_kindly(running_bot: RunningBot, emulator: Emulator, token: str) -> None:
    ann = Person(emulator, token, 605, "Ann")
    await ann.say("/start")
    reply = await ann.say("word " * 2000)
    assert "fewer than" in reply["text"]


async def test_html_like_text_goes_back_verbatim_as_plain_text(running_bot: RunningBot, emulator: Emulator, token: str) -> None:
    ann = Person(emulator, token, 606, "Ann")
    await ann.say("/start")
    name = "<b>Al</b> & <i>"
    reply = await ann.say(name)
    assert reply["parse_mode"] is None
    state = await emulator.state(token)
    texts = [m["text"] for m in state["messages"] if m["chat_id"] == 606]
    # The engine may tidy the name, but whatever it echoes goes out unescaped, as plain text.
    assert any("Al" in t for t in texts)
    assert not any("&lt;" in t or "&amp;" in t for t in texts)


async def test_long_replies_are_split_and_keep_buttons_on_the_last_part(running_bot: RunningBot, emulator: Emulator, token: str) -> None:
    from bot.engine.actions import Address, Button, SendMessage
    from bot.runtime import Delivery

    ann = Person(emulator, token, 607, "Ann")
    text = ("A sentence that goes on for a while. " * 120 + "\n\n") * 3  # about 13,000 characters
    action = SendMessage(to=Address.person("p_x"), text=text, buttons=(Button(label="OK", key="m:menu"),))
    assert await running_bot.adapter.send(Delivery("telegram", "607", action)) == "sent"
    parts = await ann.replies()
    assert len(parts) == 4
    assert all(len(p["text"]) <= 4096 for p in parts)
    assert all(p["text"].endswith(".") for p in parts)  # cut at sentence ends, never mid-word
    assert [bool(p["reply_markup"]) for p in parts] == [False, False, False, True]
