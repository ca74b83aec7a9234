"""Unit tests for the pure translation functions and the limits (no emulator needed)."""

from __future__ import annotations

import logging
from datetime import datetime, timezone
from types import SimpleNamespace

import pytest
from telegram import Update
from telegram.error import BadRequest, Forbidden, NetworkError, TimedOut

from bot.adapters.telegram import webhook_warnings
from bot.adapters.telegram.limits import TokenBucket, private_chat, with_retries
from bot.adapters.telegram.logs import Scrub
from bot.adapters.telegram.translate import (
    addressed_elsewhere, api_urls, calls_for, command_menu, events_from_update, keyboard, split_text, utf16_len,
    valid_callback_data, webhook_path,
)
from bot.engine.actions import Address, Button, EditMessage, SendFile, SendMessage
from bot.engine.events import ButtonPress, CommandMessage, MemberJoined, MemberLeft, TextMessage

NOW = datetime(2026, 1, 5, 9, 0, tzinfo=timezone.utc)
ANN = {"id": 11, "is_bot": False, "first_name": "Ann", "last_name": "Lee"}
DM = {"id": 11, "type": "private", "first_name": "Ann"}
GROUP = {"id": -200, "type": "supergroup", "title": "Us"}


def update(**kw) -> Update:
    return Update.de_json({"update_id": 1, **kw}, None)


def message(chat=DM, **kw) -> dict:
    return {"message_id": 5, "date": 1767600000, "chat": chat, "from": ANN, **kw}


def events(u: Update, username: str | None = "BackboneBot"):
    return events_from_update(u, bot_username=username, now=NOW)


# --- updates -> events ----------------------------------------------------------------------

def test_private_text_is_a_text_message_from_the_person() -> None:
    [event] = events(update(message=message(text="hello")))
    assert isinstance(event, TextMessage) and event.text == "hello"
    assert event.chat.kind == "dm" and event.chat.id == "telegram:11"
    assert event.sender.identity == "telegram:11" and event.sender.display_name == "Ann Lee"
    assert event.id == "tg-m-11-5" and event.at.tzinfo is not None


def test_commands_are_parsed_and_other_bots_commands_ignored() -> None:
    [event] = events(update(message=message(text="/Join@BackboneBot ABC-123")))
    assert isinstance(event, CommandMessage) and (event.name, event.args) == ("join", "ABC-123")
    assert events(update(message=message(chat=GROUP, text="/start@OtherBot"))) == []
    assert addressed_elsewhere("/x@otherbot", "BackboneBot") and not addressed_elsewhere("/x", "BackboneBot")


def test_group_messages_belong_to_the_group() -> None:
    [event] = events(update(message=message(chat=GROUP, text="hi all")))
    assert event.chat.kind == "group" and event.chat.id == "telegram:-200" and event.chat.title == "Us"


def test_members_joining_and_leaving() -> None:
    bot = {"id": 1, "is_bot": True, "first_name": "B"}
    joined = events(update(message=message(chat=GROUP, new_chat_members=[bot, {"id": 12, "is_bot": False, "first_name": "Stranger"}])))
    assert [type(e) for e in joined] == [MemberJoined, MemberJoined]
    assert joined[0].member.is_bot and joined[1].member.user_id == "12"
    assert len({e.id for e in joined}) == 2
    [left] = events(update(message=message(chat=GROUP, left_chat_member={"id": 12, "is_bot": False, "first_name": "S"})))
    assert isinstance(left, MemberLeft)


def test_media_without_words_in_a_dm_becomes_empty_text_and_is_ignored_in_groups() -> None:
    photo = [{"file_id": "p", "file_unique_id": "p", "width": 1, "height": 1}]
    [event] = events(update(message=message(photo=photo)))
    assert isinstance(event, TextMessage) and event.text == ""
    [captioned] = events(update(message=message(photo=photo, caption="/not_a_command just words")))
    assert isinstance(captioned, TextMessage)  # captions are never commands
    assert events(update(message=message(chat=GROUP, photo=photo))) == []


def test_edits_channel_posts_and_unknown_kinds_are_ignored() -> None:
    assert events(update(edited_message={**message(text="x"), "edit_date": 1767600001})) == []
    assert events(update(channel_post={"message_id": 1, "date": 1767600000, "text": "x",
                                       "chat": {"id": -1001, "type": "channel", "title": "News"}})) == []
    assert events(update()) == []


def test_button_presses() -> None:
    query = {"id": "q1", "from": ANN, "chat_instance": "c", "data": "3.1", "message": message(text="pick")}
    [event] = events(update(callback_query=query))
    assert isinstance(event, ButtonPress) and event.key == "3.1" and event.id == "tg-cb-q1"
    for bad in ("x" * 65, "<b>", "", "é:1"):
        assert events(update(callback_query={**query, "data": bad})) == []
    assert events(update(callback_query={k: v for k, v in query.items() if k != "message"})) == []
    assert valid_callback_data("m:menu") and valid_callback_data("g:answer:abc-1")
    assert not valid_callback_data(None)


# --- deliveries -> calls --------------------------------------------------------------------

def test_split_text_at_natural_breaks_within_the_limit() -> None:
    text = "\n\n".join(["Paragraph with words. " * 30] * 10)
    parts = split_text(text, 1000)
    assert all(utf16_len(p) <= 1000 for p in parts)
    assert "".join(p.replace(" ", "").replace("\n", "") for p in parts) == text.replace(" ", "").replace("\n", "")
    assert all(p.endswith(".") for p in parts)


def test_split_text_counts_utf16_and_never_cuts_a_character() -> None:
    text = "😀" * 3000  # 6000 UTF-16 units, no spaces
    parts = split_text(text, 4096)
    assert all(utf16_len(p) <= 4096 for p in parts) and "".join(parts) == text
    assert split_text("short") == ["short"] and split_text("   ") == ["…"]


def test_keyboard_rows_and_oversized_keys() -> None:
    markup = keyboard([Button(label="Yes", key="1.0"), Button(label="No", key="1.1"),
                       Button(label="A much longer label than fits", key="1.2"), Button(label="Bad", key="k" * 65)])
    rows = [[b.callback_data for b in row] for row in markup.inline_keyboard]
    assert rows == [["1.0", "1.1"], ["1.2"]]
    assert keyboard([]) is None


def test_send_message_calls_plain_text_with_buttons_on_the_last_part() -> None:
    action = SendMessage(to=Address.person("p"), text="x. " * 3000, buttons=(Button(label="OK", key="m:menu"),), ref="r1")
    calls = calls_for(action, 11)
    assert [c.method for c in calls] == ["send_message", "send_message", "send_message"]
    assert all("parse_mode" not in c.kwargs for c in calls)
    assert calls[-1].kwargs["reply_markup"] is not None and calls[-1].ref == "r1" and calls[-1].has_buttons
    assert all(c.kwargs.get("reply_markup") is None for c in calls[:-1])


def test_html_like_text_is_sent_verbatim() -> None:
    [call] = calls_for(SendMessage(to=Address.person("p"), text="<b>hi</b> & <i"), 11)
    assert call.kwargs["text"] == "<b>hi</b> & <i" and "parse_mode" not in call.kwargs


def test_edits_use_the_remembered_message_or_fall_back_to_sending() -> None:
    edit = EditMessage(to=Address.group("telegram:-200"), ref="prompt", text="Both answered!")
    [call] = calls_for(edit, -200, lambda ref: 42 if ref == "prompt" else None)
    assert call.method == "edit_message_text" and call.kwargs["message_id"] == 42
    [fallback] = calls_for(edit, -200)
    assert fallback.method == "send_message" and fallback.ref == "prompt"


def test_files_images_as_photos_others_as_documents_long_captions_apart() -> None:
    image = SendFile(to=Address.person("p"), filename="needs.png", data=b"png", caption="Your needs", image=True)
    [photo] = calls_for(image, 11)
    assert photo.method == "send_photo" and photo.kwargs["caption"] == "Your needs"
    doc = SendFile(to=Address.person("p"), filename="export.json", data=b"{}", caption="c" * 2000)
    calls = calls_for(doc, 11)
    assert [c.method for c in calls] == ["send_message", "send_document"] and calls[-1].kwargs["caption"] is None


# --- start-up helpers -----------------------------------------------------------------------

def test_api_urls_and_webhook_path() -> None:
    assert api_urls(None) == ("https://api.telegram.org/bot", "https://api.telegram.org/file/bot")
    assert api_urls("http://127.0.0.1:8081/") == ("http://127.0.0.1:8081/bot", "http://127.0.0.1:8081/file/bot")
    assert api_urls("http://h/bot") == ("http://h/bot", "http://h/file/bot")
    assert webhook_path("https://example.org:8443/tg/hook") == "tg/hook"
    assert webhook_warnings("https://example.org:8443/x", False) == []
    assert len(webhook_warnings("http://example.org:9000/x", False)) == 2
    assert webhook_warnings("http://127.0.0.1:9000/x", True) == []


def test_command_menu_from_dialogs_and_registry() -> None:
    dialogs = [SimpleNamespace(command="checkin", description="check in", title="Check-in"),
               SimpleNamespace(command=None, description="", title="Onboarding"),
               SimpleNamespace(command="Bad-Name", description="x", title="x")]
    commands = [SimpleNamespace(name="pair", description="pair up", in_dm=True, in_groups=False),
                SimpleNamespace(name="linkgroup", description="link this group", in_dm=False, in_groups=True)]
    private, group = command_menu(dialogs, commands)
    assert ("checkin", "check in") in private and ("pair", "pair up") in private
    assert all(name != "linkgroup" for name, _ in private) and ("linkgroup", "link this group") in group
    assert all(name.islower() and "-" not in name for name, _ in private)


# --- limits ---------------------------------------------------------------------------------

def test_token_bucket_allows_a_burst_then_one_per_second() -> None:
    now = [0.0]
    bucket = TokenBucket(rate=1.0, burst=3, clock=lambda: now[0])
    assert [bucket.delay() for _ in range(3)] == [0.0, 0.0, 0.0]
    assert bucket.delay() == pytest.approx(1.0)
    assert bucket.delay() == pytest.approx(2.0)
    now[0] = 10.0
    assert bucket.delay() == 0.0


def test_private_chat_detection() -> None:
    assert private_chat({"chat_id": 11}) == 11 and private_chat({"chat_id": "11"}) == 11
    assert private_chat({"chat_id": -200}) is None and private_chat({}) is None and private_chat({"chat_id": "@x"}) is None


async def test_with_retries_backs_off_on_network_errors_only() -> None:
    attempts = []

    async def flaky():
        attempts.append(1)
        if len(attempts) < 3:
            raise NetworkError("Bad Gateway") if len(attempts) == 1 else TimedOut()
        return "ok"

    assert await with_retries(flaky, base_delay=0.001) == "ok" and len(attempts) == 3
    for exc in (BadRequest("Bad Request: chat not found"), Forbidden("Forbidden: bot was blocked by the user")):
        calls = []

        async def failing(exc=exc):
            calls.append(1)
            raise exc

        with pytest.raises(type(exc)):
            await with_retries(failing, base_delay=0.001)
        assert len(calls) == 1
    with pytest.raises(NetworkError):
        await with_retries(lambda: _raise(NetworkError("x")), attempts=2, base_delay=0.001)


async def _raise(exc: Exception):
    raise exc


def test_scrub_redacts_tokens_and_drops_payloads() -> None:
    scrub = Scrub(["123:SECRET"])
    record = logging.LogRecord("httpx", logging.INFO, "f", 1, "HTTP Request: POST %s", ("https://x/bot123:SECRET/getMe",), None)
    scrub.filter(record)
    assert "SECRET" not in record.getMessage()
    record = logging.LogRecord("telegram.Bot", logging.DEBUG, "f", 1, "Calling endpoint with parameters %s", ({"text": "private words"},), None)
    scrub.filter(record)
    assert "private words" not in record.getMessage()
