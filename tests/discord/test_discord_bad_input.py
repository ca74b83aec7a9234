"""Bad input and server channels, through discord.py's client code and the local fake."""

from __future__ import annotations

import asyncio

from fake_discord import (
    BOT_ID, BOT_USER, GUILD_ID, attachment_payload, button_payload, message_payload, slash_payload, user_payload,
)

from bot.adapters.discord.client import GROUP_REFUSED, NOT_HERE, STALE_BUTTON, STALE_COMMAND
from bot.engine.actions import Address, SendMessage
from bot.engine.events import CommandMessage, GroupMembers
from bot.engine.people import IDENTITIES, PEOPLE
from bot.runtime import Delivery

ALICE = user_payload(100000000000000001, "alice")
BOB = user_payload(100000000000000002, "bob")
CAROL = user_payload(100000000000000003, "carol")
OTHER_BOT = user_payload(100000000000000009, "helperbot", bot=True)
DM = 600000000000000001
PRIVATE = 650000000000000001  # only Alice, Bob and the bot can read it
LOBBY = 650000000000000002  # everyone can read it
VIEW = 1 << 10


def guild_payload() -> dict:
    def member(u):
        return {"user": u, "roles": [], "joined_at": "2025-01-01T00:00:00+00:00", "deaf": False, "mute": False, "flags": 0}

    people = [ALICE, BOB, CAROL, BOT_USER]
    return {
        "id": str(GUILD_ID), "name": "home", "owner_id": ALICE["id"], "icon": None, "splash": None,
        "discovery_splash": None, "afk_channel_id": None, "afk_timeout": 300, "verification_level": 0,
        "default_message_notifications": 0, "explicit_content_filter": 0, "features": [], "mfa_level": 0,
        "system_channel_id": None, "system_channel_flags": 0, "rules_channel_id": None, "vanity_url_code": None,
        "description": None, "banner": None, "premium_tier": 0, "preferred_locale": "en-US",
        "public_updates_channel_id": None, "nsfw_level": 0, "premium_progress_bar_enabled": False,
        "emojis": [], "stickers": [], "large": False, "unavailable": False, "member_count": len(people),
        "roles": [{"id": str(GUILD_ID), "name": "@everyone", "permissions": str(VIEW | (1 << 11)), "position": 0,
                   "color": 0, "hoist": False, "managed": False, "mentionable": False, "flags": 0}],
        "members": [member(u) for u in people], "voice_states": [], "presences": [], "threads": [],
        "stage_instances": [], "guild_scheduled_events": [], "soundboard_sounds": [],
        "channels": [
            {"id": str(PRIVATE), "type": 0, "name": "us", "position": 0, "guild_id": str(GUILD_ID), "nsfw": False,
             "permission_overwrites": [
                 {"id": str(GUILD_ID), "type": 0, "allow": "0", "deny": str(VIEW)},
                 *({"id": u["id"], "type": 1, "allow": str(VIEW), "deny": "0"} for u in (ALICE, BOB, BOT_USER)),
             ]},
            {"id": str(LOBBY), "type": 0, "name": "lobby", "position": 1, "guild_id": str(GUILD_ID), "nsfw": False,
             "permission_overwrites": []},
        ],
    }


def couple(store):
    with store.transaction():
        for u, pid in ((ALICE, "p_a"), (BOB, "p_b")):
            store.put(PEOPLE, pid, {"id": pid, "name": u["username"].title(), "identities": [f"discord:{u['id']}"],
                                    "couple": "c_1", "onboarded": True})
            store.put(IDENTITIES, f"discord:{u['id']}", {"person": pid, "platform": "discord", "user_id": u["id"], "dm": None})
        store.put("couples", "c_1", {"id": "c_1", "members": ["p_a", "p_b"], "group": f"discord:{PRIVATE}"})


def record_events(runtime, monkeypatch) -> list:
    seen = []
    real = runtime.handle_sync

    def spy(event, local=None):
        seen.append(event)
        return real(event, local)

    monkeypatch.setattr(runtime, "handle_sync", spy)
    return seen


async def test_foreign_view_button_gets_a_kind_ephemeral_answer(fake, make_bot):
    client = await make_bot()
    msg = message_payload(DM, "old", components=[{"type": 1, "components": [
        {"type": 2, "style": 2, "label": "x", "custom_id": "someone-else:thing"}]}])
    client._connection.parse_interaction_create(button_payload("someone-else:thing", user=ALICE, channel_id=DM, message=msg))
    callback = (await fake.wait_for(lambda: fake.find("POST", r"/interactions/\d+/[^/]+/callback")))[0]
    assert callback.body["type"] == 4 and callback.body["data"]["flags"] == 64
    assert callback.body["data"]["content"] == STALE_BUTTON


async def test_stale_button_of_ours_is_answered_by_the_engine(fake, make_bot):
    client = await make_bot()
    msg = message_payload(DM, "old", components=[{"type": 1, "components": [
        {"type": 2, "style": 2, "label": "Good", "custom_id": "bb:12345.0"}]}])
    client._connection.parse_interaction_create(button_payload("bb:12345.0", user=ALICE, channel_id=DM, message=msg))
    await fake.wait_for(lambda: fake.find("POST", r"/interactions/\d+/[^/]+/callback"))
    reply = await fake.wait_for(lambda: fake.find("POST", r"/webhooks/\d+/[^/]+"))
    assert reply[0].content  # a kind word (set up first / earlier conversation), no crash


async def test_unknown_slash_command_is_answered(fake, make_bot):
    client = await make_bot()
    client._connection.parse_interaction_create(slash_payload("gone-command", user=ALICE, channel_id=DM))
    callback = (await fake.wait_for(lambda: fake.find("POST", r"/interactions/\d+/[^/]+/callback")))[0]
    assert callback.body["data"]["content"] == STALE_COMMAND and callback.body["data"]["flags"] == 64


async def test_slash_command_in_an_unlinked_server_channel(fake, make_bot, runtime, monkeypatch):
    client = await make_bot()
    client._connection.parse_guild_create(guild_payload())
    seen = record_events(runtime, monkeypatch)
    client._connection.parse_interaction_create(slash_payload("checkin", user=CAROL, channel_id=LOBBY, guild_id=GUILD_ID))
    callback = (await fake.wait_for(lambda: fake.find("POST", r"/interactions/\d+/[^/]+/callback")))[0]
    assert callback.body["type"] == 5 and callback.body["data"]["flags"] == 64  # ephemeral "thinking"
    followup = (await fake.wait_for(lambda: fake.find("POST", r"/webhooks/\d+/[^/]+")))[0]
    assert followup.content == NOT_HERE and followup.body["flags"] == 64
    members = [e for e in seen if isinstance(e, GroupMembers)]
    assert {m.user_id for m in members[0].members} == {ALICE["id"], BOB["id"], CAROL["id"], str(BOT_ID)}
    assert not fake.find("POST", rf"/channels/{LOBBY}/messages")


async def test_linkgroup_passes_the_channel_readers(fake, make_bot, runtime, monkeypatch):
    client = await make_bot()
    client._connection.parse_guild_create(guild_payload())
    seen = record_events(runtime, monkeypatch)
    client._connection.parse_interaction_create(slash_payload("linkgroup", user=ALICE, channel_id=PRIVATE, guild_id=GUILD_ID))
    await fake.wait_for(lambda: [e for e in seen if isinstance(e, CommandMessage)])
    members = [e for e in seen if isinstance(e, GroupMembers)][0]
    assert sorted((m.user_id, m.is_bot) for m in members.members) == sorted(
        [(ALICE["id"], False), (BOB["id"], False), (str(BOT_ID), True)])  # Carol can't read #us
    assert members.chat.id == f"discord:{PRIVATE}" and members.chat.kind == "group"
    await fake.wait_for(lambda: fake.find("POST", r"/webhooks/\d+/[^/]+") or fake.find("DELETE", r"/webhooks/.*"))


async def test_group_content_is_held_back_where_others_can_read(fake, make_bot, runtime):
    client = await make_bot()
    client._connection.parse_guild_create(guild_payload())
    await runtime.run_sync(couple, runtime.store)
    reveal = SendMessage(to=Address.group(f"discord:{LOBBY}"), share_id="s_1", text="Alice: our walks. Bob: your laugh.")
    await client.deliver(Delivery("discord", str(LOBBY), reveal))
    sent = fake.find("POST", rf"/channels/{LOBBY}/messages")
    assert len(sent) == 1 and "walks" not in sent[0].content and "someone else can read" in sent[0].content.replace("\\", "")
    reveal_private = SendMessage(to=Address.group(f"discord:{PRIVATE}"), share_id="s_1", text="Alice: our walks.")
    await client.deliver(Delivery("discord", str(PRIVATE), reveal_private))
    assert "walks" in fake.find("POST", rf"/channels/{PRIVATE}/messages")[0].content
    assert GROUP_REFUSED


async def test_dm_from_a_bot_is_ignored(fake, make_bot, runtime, monkeypatch):
    client = await make_bot()
    seen = record_events(runtime, monkeypatch)
    client._connection.parse_message_create(message_payload(DM, "/start", author=OTHER_BOT))
    await asyncio.sleep(0.3)
    assert seen == [] and not fake.find("POST", rf"/channels/{DM}/messages")


async def test_attachment_only_dm_is_answered_kindly(fake, make_bot):
    client = await make_bot()
    client._connection.parse_message_create(message_payload(DM, "", author=ALICE, attachments=[attachment_payload()]))
    sent = await fake.wait_for(lambda: fake.find("POST", rf"/channels/{DM}/messages"))
    assert "words" in sent[0].content


async def test_4000_character_message_is_handled(fake, make_bot):
    client = await make_bot()
    client._connection.parse_message_create(message_payload(DM, "/start", author=ALICE))
    await fake.wait_for(lambda: fake.find("POST", rf"/channels/{DM}/messages"))
    before = len(fake.find("POST", rf"/channels/{DM}/messages"))
    client._connection.parse_message_create(message_payload(DM, ("a" * 99 + " ") * 40, author=ALICE))
    sent = await fake.wait_for(lambda: fake.find("POST", rf"/channels/{DM}/messages")[before:])
    assert all(len(c.content) <= 2000 for c in fake.find("POST", rf"/channels/{DM}/messages"))
    assert sent[0].content


async def test_server_chatter_is_not_read(fake, make_bot, runtime, monkeypatch):
    client = await make_bot()
    client._connection.parse_guild_create(guild_payload())
    seen = record_events(runtime, monkeypatch)
    client._connection.parse_message_create(message_payload(LOBBY, "just chatting", author=CAROL, guild_id=GUILD_ID))
    await asyncio.sleep(0.3)
    assert seen == [] and not fake.find("POST", rf"/channels/{LOBBY}/messages")


async def test_logs_hold_no_message_text_or_tokens(fake, make_bot, caplog):
    import logging

    caplog.set_level(logging.DEBUG)
    from bot.adapters.discord import quiet_logs

    quiet_logs()
    client = await make_bot()
    client._connection.parse_message_create(message_payload(DM, "my very private words", author=ALICE))
    await fake.wait_for(lambda: fake.find("POST", rf"/channels/{DM}/messages"))
    client._connection.parse_interaction_create(slash_payload("help", user=ALICE, channel_id=DM))
    await fake.wait_for(lambda: fake.find("POST", r"/webhooks/\d+/[^/]+"))
    text = "\n".join(r.getMessage() for r in caplog.records if r.name.startswith(("bot", "discord")))
    assert "private words" not in text and "fake-token" not in text and "-secret" not in text
