"""End to end through discord.py's own client code: login, setup_hook, command sync,
gateway events parsed by the client's connection state, interactions answered over
HTTP. Only the HTTP server (a local fake) and the gateway socket are not real."""

from __future__ import annotations

import asyncio
import time

from fake_discord import (
    BOT_ID, button_payload, forbidden_closed_dm, message_payload, rate_limited, slash_payload, snowflake,
    user_payload,
)

from bot import outbox
from bot.adapters.discord.translate import key_from_custom_id
from bot.engine.actions import Address, SendMessage
from bot.engine.people import IDENTITIES
from bot.runtime import Delivery, Runtime

ALICE = user_payload(100000000000000001, "alice")
DM = 600000000000000001


def dm_message(client, text, user=ALICE, channel=DM, **kw):
    client._connection.parse_message_create(message_payload(channel, text, author=user, **kw))


async def onboard_until_buttons(client, fake):
    """Slash /start in a DM, then type a name, zone and time: the consent step has buttons."""
    client._connection.parse_interaction_create(slash_payload("start", user=ALICE, channel_id=DM))
    await fake.wait_for(lambda: fake.find("POST", r"/webhooks/\d+/[^/]+"))
    for text, expect in (("Alice", "Nice to meet you"), ("Europe/Berlin", None), ("20:00", None)):
        before = len(fake.find("POST", rf"/channels/{DM}/messages"))
        dm_message(client, text)
        sent = await fake.wait_for(lambda: fake.find("POST", rf"/channels/{DM}/messages")[before:])
        if expect:
            assert expect in sent[-1].content
    return fake.find("POST", rf"/channels/{DM}/messages")[-1]


async def test_login_syncs_commands_once_then_only_on_change(fake, make_bot, runtime, settings):
    client = await make_bot()
    puts = fake.find("PUT", r"/applications/\d+/commands")
    assert len(puts) == 1
    names = {c["name"]: c for c in puts[0].body}
    assert {"start", "help", "checkin", "coach"} <= set(names)
    assert all(c["description"] for c in puts[0].body)
    assert names["checkin"]["contexts"] == [1]  # DMs only
    await client.close()

    await make_bot(Runtime(settings, store=runtime.store, clock=runtime.engine.clock))  # a restart: same commands
    assert len(fake.find("PUT", r"/applications/\d+/commands")) == 1


async def test_dm_onboarding_slash_start_and_button_press(fake, make_bot):
    client = await make_bot()
    t0 = time.monotonic()
    client._connection.parse_interaction_create(slash_payload("start", user=ALICE, channel_id=DM))
    callback = (await fake.wait_for(lambda: fake.find("POST", r"/interactions/\d+/[^/]+/callback")))[0]
    assert callback.body["type"] == 5  # deferred "thinking", well within 3 s
    assert callback.at - t0 < 3.0
    followup = (await fake.wait_for(lambda: fake.find("POST", r"/webhooks/\d+/[^/]+")))[0]
    assert "Backbone" in followup.content and "?" in followup.content  # the welcome and the first question

    with_buttons = await onboard_until_buttons(client, fake)
    custom_ids = with_buttons.custom_ids
    assert custom_ids and all(c.startswith("bb:") and len(c) <= 100 for c in custom_ids)
    assert with_buttons.body["allowed_mentions"]["parse"] == []

    # press the first button on that message
    pressed = fake.messages[max(fake.messages)]
    before = len(fake.calls)
    t0 = time.monotonic()
    client._connection.parse_interaction_create(button_payload(custom_ids[0], user=ALICE, channel_id=DM, message=pressed))
    callbacks = await fake.wait_for(lambda: [c for c in fake.calls[before:] if c.path.endswith("/callback")])
    assert callbacks[0].body["type"] == 6  # deferred update
    assert callbacks[0].at - t0 < 3.0
    # then: the pressed message loses its buttons, and the next step arrives as a followup
    edit = await fake.wait_for(lambda: [c for c in fake.calls[before:] if c.method == "PATCH" and "@original" in c.path])
    assert edit[0].body["components"] == []
    reply = await fake.wait_for(lambda: [c for c in fake.calls[before:] if c.method == "POST" and c.path.startswith("/webhooks/")])
    assert reply[0].content


async def test_interaction_is_deferred_before_a_slow_turn_finishes(fake, make_bot, runtime, monkeypatch):
    client = await make_bot()
    finished = []
    real = runtime.handle_sync

    def slow(event, local=None):
        time.sleep(1.0)
        out = real(event, local)
        finished.append(time.monotonic())
        return out

    monkeypatch.setattr(runtime, "handle_sync", slow)
    client._connection.parse_interaction_create(slash_payload("start", user=ALICE, channel_id=DM))
    await fake.wait_for(lambda: fake.find("POST", r"/webhooks/\d+/[^/]+"), timeout=10)
    callback = fake.find("POST", r"/interactions/\d+/[^/]+/callback")[0]
    assert callback.at < finished[0] - 0.5


async def test_buttons_work_after_a_restart(fake, make_bot, runtime, settings):
    client = await make_bot()
    with_buttons = await onboard_until_buttons(client, fake)
    pressed = fake.messages[max(fake.messages)]
    await client.close()

    restarted = await make_bot(Runtime(settings, store=runtime.store, clock=runtime.engine.clock))
    before = len(fake.calls)
    restarted._connection.parse_interaction_create(
        button_payload(with_buttons.custom_ids[0], user=ALICE, channel_id=DM, message=pressed))
    reply = await fake.wait_for(lambda: [c for c in fake.calls[before:] if c.method == "POST" and c.path.startswith("/webhooks/")])
    assert "earlier conversation" not in reply[0].content


async def test_outbox_delivery_is_sent_and_removed(fake, make_bot, runtime):
    client = await make_bot()
    store = runtime.store
    action = SendMessage(to=Address.person("p_x"), text="Time for your *check-in*? @everyone")
    def put():
        with store.transaction():
            outbox.enqueue(store, Delivery("discord", str(DM), action))
    await runtime.run_sync(put)
    sent = await fake.wait_for(lambda: fake.find("POST", rf"/channels/{DM}/messages"))
    assert sent[0].content == "Time for your \\*check-in\\*? @\u200beveryone"  # markdown and pings escaped
    assert sent[0].body["allowed_mentions"]["parse"] == []
    await fake.wait_for(lambda: not store.keys(outbox.OUTBOX, "discord:"))


async def test_closed_dm_marks_unreachable_and_tells_the_couple_channel(fake, make_bot, runtime):
    client = await make_bot()
    store = runtime.store
    group_channel = 650000000000000001

    def setup():
        with store.transaction():
            store.put("people", "p_a", {"id": "p_a", "name": "Alice", "identities": ["discord:1"], "couple": "c_1"})
            store.put(IDENTITIES, "discord:1", {"person": "p_a", "platform": "discord", "user_id": "1", "dm": f"discord:{DM}"})
            store.put("couples", "c_1", {"id": "c_1", "members": ["p_a", "p_b"], "group": f"discord:{group_channel}"})
            outbox.enqueue(store, Delivery("discord", str(DM), SendMessage(to=Address.person("p_a"), text="private nudge")))

    fake.on("POST", rf"/channels/{DM}/messages", forbidden_closed_dm)
    await runtime.run_sync(setup)
    notice = await fake.wait_for(lambda: fake.find("POST", rf"/channels/{group_channel}/messages"))
    assert "can't reach Alice" in notice[0].content
    assert "private nudge" not in notice[0].content
    await fake.wait_for(lambda: not store.keys(outbox.OUTBOX, "discord:"))
    assert store.get(IDENTITIES, "discord:1")["unreachable"] is True


async def test_rate_limited_outbox_entry_stays_queued(fake, make_bot, runtime):
    client = await make_bot()
    store = runtime.store
    fake.on("POST", rf"/channels/{DM}/messages", rate_limited(120.0))  # longer than max_ratelimit_timeout: RateLimited

    def put():
        with store.transaction():
            outbox.enqueue(store, Delivery("discord", str(DM), SendMessage(to=Address.person("p_x"), text="later")))
    await runtime.run_sync(put)
    await fake.wait_for(lambda: fake.find("POST", rf"/channels/{DM}/messages"))
    await asyncio.sleep(0.2)
    keys = store.keys(outbox.OUTBOX, "discord:")
    assert len(keys) == 1 and store.get(outbox.OUTBOX, keys[0])["attempts"] >= 1
    assert len(fake.find("POST", rf"/channels/{DM}/messages")) == 1  # paused, not hammering


async def test_image_goes_as_an_attachment(fake, make_bot):
    from bot.engine.actions import SendFile

    client = await make_bot()
    image = SendFile(to=Address.person("p_x"), filename="needs.png", data=b"\x89PNG\r\n", caption="Your needs", image=True)
    await client.deliver(Delivery("discord", str(DM), image))
    sent = fake.find("POST", rf"/channels/{DM}/messages")
    assert sent[0].files == ["needs.png"] and sent[0].content == "Your needs"


async def test_a_message_typed_right_after_a_press_waits_its_turn(fake, make_bot, runtime, monkeypatch):
    # discord.py runs events concurrently and a press is deferred over HTTP first; the DM sent
    # right behind it must still reach the engine second.
    client = await make_bot()
    with_buttons = await onboard_until_buttons(client, fake)
    seen = []
    real = runtime.handle_sync

    def spy(event, local=None):
        seen.append(type(event).__name__)
        return real(event, local)

    monkeypatch.setattr(runtime, "handle_sync", spy)
    pressed = fake.messages[max(fake.messages)]
    before = len(fake.calls)
    client._connection.parse_interaction_create(button_payload(with_buttons.custom_ids[0], user=ALICE, channel_id=DM, message=pressed))
    dm_message(client, "and one more thing")
    await fake.wait_for(lambda: len(seen) >= 2)
    assert seen[:2] == ["ButtonPress", "TextMessage"]
    callbacks = [c for c in fake.calls[before:] if c.path.endswith("/callback")]
    assert callbacks and callbacks[0].body["type"] == 6  # the press was still deferred at once
