"""Unit tests of the translation functions (no network, no client)."""

from __future__ import annotations

from datetime import datetime, timezone
from types import SimpleNamespace

import discord
import pytest

from bot.adapters.discord import RedactTokens
from bot.adapters.discord.client import couple_only, linked_groups, unreachable_person
from bot.adapters.discord.commands import SlashSpec, build_tree, commands_hash, engine_commands, make_command
from bot.adapters.discord.translate import (
    MAX_CONTENT, BackboneButton, custom_id_for, edit_kwargs, escape, event_from_button, event_from_command,
    event_from_message, key_from_custom_id, members_event, send_kwargs, split_text, view_for,
)
from bot.engine.actions import Address, Button, EditMessage, SendFile, SendMessage
from bot.engine.events import ButtonPress, CommandMessage, GroupMembers, TextMessage
from bot.engine.people import IDENTITIES, PEOPLE
from bot.store import MemoryStore

NOW = datetime(2026, 1, 1, 12, tzinfo=timezone.utc)
BOT = 999
ME = Address.person("p_me")


def user(uid=1, name="Alice", bot=False):
    return SimpleNamespace(id=uid, display_name=name, name=name.lower(), bot=bot)


def message(text="hi", *, author=None, guild=None, mentions=(), reference=None, attachments=(), mtype=discord.MessageType.default):
    return SimpleNamespace(
        id=55, content=text, author=author or user(), guild=guild, channel=SimpleNamespace(id=77, name="us"),
        mentions=list(mentions), reference=reference, attachments=list(attachments), type=mtype,
    )


# --- ids -----------------------------------------------------------------------


def test_custom_ids_carry_the_engine_key_and_fit():
    key = "x" * 64
    assert len(custom_id_for(key)) <= 100
    assert key_from_custom_id(custom_id_for("12.3")) == "12.3"
    assert key_from_custom_id("someone-elses:button") is None
    assert key_from_custom_id("bb:") is None
    assert key_from_custom_id(None) is None
    with pytest.raises(ValueError):
        custom_id_for("k" * 98)


# --- inbound -------------------------------------------------------------------


def test_dm_text_and_commands():
    event = event_from_message(message("hello there"), NOW, BOT)
    assert isinstance(event, TextMessage) and event.text == "hello there"
    assert event.chat.kind == "dm" and event.chat.id == "discord:77"
    assert event.sender.identity == "discord:1" and event.id == "discord:m:55"
    command = event_from_message(message("/join ABCD-EFGH"), NOW, BOT)
    assert isinstance(command, CommandMessage) and (command.name, command.args) == ("join", "ABCD-EFGH")


def test_bots_system_messages_and_server_chatter_are_ignored():
    assert event_from_message(message("hi", author=user(2, "Other", bot=True)), NOW, BOT) is None
    assert event_from_message(message("hi", author=user(BOT, "Me")), NOW, BOT) is None
    assert event_from_message(message("", mtype=discord.MessageType.pins_add), NOW, BOT) is None
    guild = SimpleNamespace(id=5)
    assert event_from_message(message("chatting", guild=guild), NOW, BOT) is None


def test_server_message_addressed_to_the_bot_is_a_group_event():
    guild = SimpleNamespace(id=5)
    mention = event_from_message(message(f"<@{BOT}> /linkgroup", guild=guild, mentions=[user(BOT, "bb", True)]), NOW, BOT)
    assert isinstance(mention, CommandMessage) and mention.name == "linkgroup"
    assert mention.chat.kind == "group" and mention.chat.id == "discord:77"
    reply = SimpleNamespace(resolved=SimpleNamespace(author=user(BOT, "bb", True)))
    answer = event_from_message(message("I love our walks", guild=guild, reference=reply), NOW, BOT)
    assert isinstance(answer, TextMessage) and answer.text == "I love our walks"


def test_attachment_only_dm_becomes_empty_text_for_a_kind_answer():
    event = event_from_message(message("", attachments=[SimpleNamespace(filename="a.png")]), NOW, BOT)
    assert isinstance(event, TextMessage) and event.text == ""


def test_interaction_events():
    command = event_from_command(interaction_id=9, user=user(), channel_id=77, guild_id=None, name="Checkin", args=" x ", now=NOW)
    assert command == CommandMessage(id="discord:i:9", sender=command.sender, chat=command.chat, at=NOW, name="checkin", args="x")
    press = event_from_button(interaction_id=10, user=user(), channel_id=88, guild_id=5, key="g:answer", now=NOW)
    assert isinstance(press, ButtonPress) and press.key == "g:answer" and press.chat.kind == "group"
    members = members_event(interaction_id=11, user=user(), channel_id=88, guild_id=5, now=NOW,
                            readers=[user(1), user(2, "Bob"), user(BOT, "bb", True)])
    assert isinstance(members, GroupMembers)
    assert [(m.user_id, m.is_bot) for m in members.members] == [("1", False), ("2", False), (str(BOT), True)]
    assert members.id != press.id


# --- outbound ------------------------------------------------------------------


def test_escape_markdown_and_mentions():
    assert escape("**bold** _it_ `code` @everyone") == "\\*\\*bold\\*\\* \\_it\\_ \\`code\\` @\u200beveryone"


def test_split_keeps_every_piece_under_the_limit_and_escapes_whole():
    text = escape(("word " * 300 + "\n") * 3 + "*" * 2500)
    pieces = split_text(text)
    assert all(len(p) <= MAX_CONTENT for p in pieces) and len(pieces) >= 3
    for piece in pieces:
        trailing = len(piece) - len(piece.rstrip("\\"))
        assert trailing % 2 == 0  # no piece ends in the middle of "\*"
    assert "".join(pieces).replace(" ", "").replace("\n", "") == text.replace(" ", "").replace("\n", "")
    assert split_text("short") == ["short"]


def test_send_kwargs_text_buttons_and_long_text():
    action = SendMessage(to=ME, text="a " * 1500, buttons=(Button(label="Yes", key="3.0"), Button(label="L" * 100, key="3.1")))
    pieces = send_kwargs(action)
    assert len(pieces) == 2 and "view" not in pieces[0]
    view = pieces[-1]["view"]
    assert view.timeout is None and view.is_persistent()
    assert [c.custom_id for c in view.children] == ["bb:3.0", "bb:3.1"]
    assert len(view.children[1].item.label) <= 80
    assert all(p["allowed_mentions"].to_dict()["parse"] == [] for p in pieces)


def test_view_caps_at_25_buttons_and_skips_oversized_keys():
    many = tuple(Button(label=str(i), key=f"k{i}") for i in range(30)) + (Button(label="bad", key="z" * 99),)
    view = view_for(many)
    assert len(view.children) == 25
    assert view_for(()) is None
    assert isinstance(view.children[0], BackboneButton)


def test_send_file_as_attachment():
    pieces = send_kwargs(SendFile(to=ME, filename="needs table.png", data=b"\x89PNG", caption="Your *needs*", image=True))
    assert len(pieces) == 1
    assert isinstance(pieces[0]["file"], discord.File) and pieces[0]["file"].filename == "needs_table.png"
    assert pieces[0]["content"] == "Your \\*needs\\*"
    assert send_kwargs(SendFile(to=ME, filename="x.json", data=b"{}"))[0]["file"].filename == "x.json"


def test_edit_kwargs_remove_buttons_unless_given():
    first, rest = edit_kwargs(EditMessage(to=ME, ref="r", text="done"))
    assert first["content"] == "done" and first["view"] is None and rest == []
    first, rest = edit_kwargs(EditMessage(to=ME, ref="r", text="x", buttons=(Button(label="Ok", key="m:menu"),)))
    assert first["view"].children[0].custom_id == "bb:m:menu"


# --- commands ------------------------------------------------------------------


def test_slash_commands_mirror_the_engine(tmp_path):
    from bot.engine.dialog_loader import load_dialogs
    from bot.engine.registry import COMMANDS

    dialogs = load_dialogs(None)
    specs = {s.name: s for s in engine_commands(dialogs)}
    for dialog in dialogs.dialogs.values():
        if dialog.command:
            assert dialog.command in specs
    for name in COMMANDS:
        assert name in specs and specs[name].takes_text
    assert {"start", "help"} <= set(specs)
    assert all(0 < len(make_command(s).description) <= 100 for s in specs.values())


def test_commands_hash_changes_only_with_the_commands():
    client = discord.Client(intents=discord.Intents.none())
    tree = discord.app_commands.CommandTree(client)
    specs = [SlashSpec("start", "start"), SlashSpec("pair", "make a code", takes_text=True)]
    build_tree(tree, specs)
    first = commands_hash(tree, 1)
    build_tree(tree, list(reversed(specs)))
    assert commands_hash(tree, 1) == first
    build_tree(tree, [SlashSpec("start", "start"), SlashSpec("pair", "make a new code", takes_text=True)])
    assert commands_hash(tree, 1) != first
    assert commands_hash(tree, 2) != commands_hash(tree, 1)
    group_cmd = make_command(SlashSpec("linkgroup", "link", in_dm=True, in_groups=True)).to_dict(tree)
    assert sorted(group_cmd["contexts"]) == [0, 1]


# --- store helpers ---------------------------------------------------------------


def _people(store, couple=True):
    with store.transaction():
        store.put(PEOPLE, "p_a", {"id": "p_a", "name": "Alice", "identities": ["discord:1"], "couple": "c" if couple else None})
        store.put(PEOPLE, "p_b", {"id": "p_b", "name": "Bob", "identities": ["discord:2"], "couple": "c" if couple else None})
        store.put(PEOPLE, "p_c", {"id": "p_c", "name": "Carol", "identities": ["discord:3"]})
        for uid, pid in (("1", "p_a"), ("2", "p_b"), ("3", "p_c")):
            store.put(IDENTITIES, f"discord:{uid}", {"person": pid, "platform": "discord", "user_id": uid, "dm": f"discord:9{uid}"})
        store.put("couples", "c", {"id": "c", "members": ["p_a", "p_b"], "group": "discord:555"})


def test_couple_only():
    store = MemoryStore()
    _people(store)
    assert couple_only(store, ["1", "2"]) and couple_only(store, ["1"]) and couple_only(store, [])
    assert not couple_only(store, ["1", "2", "3"])
    assert not couple_only(store, ["1", "3"])
    assert not couple_only(store, ["1", "404"])  # someone the bot never met


def test_mark_unreachable_and_linked_group():
    store = MemoryStore()
    _people(store)
    name, groups = unreachable_person(store, "p_a", "discord:91")
    assert (name, groups) == ("Alice", ["discord:555"])
    assert store.get(IDENTITIES, "discord:1")["unreachable"] is True
    assert linked_groups(store, {"id": "p_c"}) == []
    assert unreachable_person(store, "p_gone", "discord:1") == ("", [])


def test_log_filter_redacts_interaction_tokens():
    import logging

    record = logging.LogRecord("discord.http", logging.WARNING, __file__, 1,
                               "We are being rate limited. %s %s responded with 429.", ("POST",
                               "https://x/api/v10/webhooks/123/aW50ZXJhY3Rpb24.secret-token?wait=1"), None)
    RedactTokens().filter(record)
    assert "secret-token" not in record.getMessage() and "/webhooks/123/<token>" in record.getMessage()


# --- running: sharding and start-up ------------------------------------------------


def test_sharded_client_when_discord_shards_is_set():
    from bot.adapters.discord.client import BackboneClient, BackboneShardedClient, create_client

    runtime = SimpleNamespace(settings=None)
    sharded = create_client(runtime, sharded=True, shard_count=3)
    assert isinstance(sharded, BackboneShardedClient) and isinstance(sharded, discord.AutoShardedClient)
    assert sharded.shard_count == 3
    plain = create_client(runtime)
    assert isinstance(plain, BackboneClient) and not isinstance(plain, discord.AutoShardedClient)
    assert plain.intents.members and not plain.intents.message_content


async def test_switches_to_auto_sharding_when_discord_asks(monkeypatch, tmp_path):
    import bot.adapters.discord as adapter
    import bot.adapters.discord.client as client_module
    from bot.config import Settings

    made = []

    class Fake:
        def __init__(self, sharded):
            self.sharded = sharded

        async def __aenter__(self):
            return self

        async def __aexit__(self, *exc):
            return False

        async def start(self, token):
            if not self.sharded:
                raise discord.ConnectionClosed(SimpleNamespace(close_code=4011), shard_id=None)

    def create(runtime, *, sharded=False, shard_count=None):
        made.append((sharded, shard_count))
        return Fake(sharded)

    monkeypatch.setattr(client_module, "create_client", create)
    await adapter.serve(Settings(data_dir=tmp_path, _env_file=None), None, "t")
    assert made == [(False, None), (True, None)]


def test_run_discord_without_a_token_fails_clearly(tmp_path):
    from bot.adapters.discord import run_discord
    from bot.config import Settings

    with pytest.raises(SystemExit) as exc:
        run_discord(Settings(data_dir=tmp_path, discord_token=None, _env_file=None))
    assert "DISCORD_TOKEN" in str(exc.value)
