"""A group with a third person, on Telegram: the Bot API can't list a group's members, so the
adapter counts them (getChatMemberCount, getChatAdministrators) and tells the engine a head
count of humans (GroupMembers.headcount) on /linkgroup, /prompt and when members come and go."""

from __future__ import annotations

from datetime import datetime, timezone

from telegram import ChatMemberAdministrator, ChatMemberOwner, User
from tg_harness import Emulator, Person, RunningBot, add_to_group, onboard, pair

from bot.adapters.telegram.limits import BackboneRateLimiter
from bot.adapters.telegram.translate import count_members_when, members_event
from bot.engine.events import Chat, CommandMessage, GroupMembers, MemberJoined, Sender, TextMessage

NOW = datetime(2026, 1, 5, 9, 0, tzinfo=timezone.utc)
GROUP_CHAT = Chat(kind="group", id="telegram:-42", title="Us")
ANN = Sender(platform="telegram", user_id="1", display_name="Ann")


def _admin(user: User) -> ChatMemberAdministrator:
    return ChatMemberAdministrator(user, *([False] * 12))


# --- pure translation ---------------------------------------------------------------------


def test_which_events_need_a_fresh_count() -> None:
    common = dict(id="x", sender=ANN, at=NOW)
    assert count_members_when(CommandMessage(name="linkgroup", chat=GROUP_CHAT, **common)) == "before"
    assert count_members_when(CommandMessage(name="prompt", chat=GROUP_CHAT, **common)) == "before"
    assert count_members_when(MemberJoined(member=ANN, chat=GROUP_CHAT, **common)) == "after"
    assert count_members_when(CommandMessage(name="help", chat=GROUP_CHAT, **common)) is None
    assert count_members_when(TextMessage(text="hi", chat=GROUP_CHAT, **common)) is None
    dm = Chat(kind="dm", id="telegram:1")
    assert count_members_when(CommandMessage(name="linkgroup", chat=dm, **common)) is None


def test_members_event_counts_humans_and_names_the_administrators() -> None:
    trigger = CommandMessage(id="tg-m--42-7", sender=ANN, chat=GROUP_CHAT, at=NOW, name="linkgroup")
    ann = User(1, "Ann", False)
    helper = User(77, "Helper", True, username="HelperBot")
    me = User(666, "Backbone Test", True)
    admins = (ChatMemberOwner(ann, False), _admin(helper), _admin(me))
    event = members_event(trigger, member_count=4, administrators=admins, bot_id=666)
    assert isinstance(event, GroupMembers)
    assert event.headcount == 2  # four members: us, a bot administrator, and (as far as we can tell) two people
    assert event.id == "tg-m--42-7-count" and event.chat == GROUP_CHAT and event.sender == ANN
    assert [(m.user_id, m.is_bot) for m in event.members] == [("1", False), ("77", True), ("666", True)]
    # Without the administrators (or bots that aren't administrators), other bots count as people:
    # that errs on the side of refusing a group.
    assert members_event(trigger, member_count=4, administrators=(), bot_id=666).headcount == 3
    assert members_event(trigger, member_count=0, administrators=(), bot_id=666).headcount == 0


async def test_counting_members_does_not_use_up_the_groups_message_limit() -> None:
    limiter = BackboneRateLimiter(private_rate=0)
    await limiter.initialize()

    async def ok(*args, **kwargs):
        return True

    for endpoint in ("getChatMemberCount", "getChatAdministrators"):
        assert await limiter.process_request(ok, (), {}, endpoint, {"chat_id": -42}, None) is True
    assert -42 not in limiter._group_limiters  # only the overall limit applied
    await limiter.process_request(ok, (), {}, "sendMessage", {"chat_id": -42, "text": "x"}, None)
    assert -42 in limiter._group_limiters


# --- end to end ------------------------------------------------------------------------------


async def test_linkgroup_refuses_a_group_with_a_silent_third_person(running_bot: RunningBot, emulator: Emulator, token: str) -> None:
    ann, bob = Person(emulator, token, 521, "Ann"), Person(emulator, token, 522, "Bob")
    carol = {"id": 523, "is_bot": False, "first_name": "Carolyn"}
    dan = {"id": 524, "is_bot": False, "first_name": "Danforth"}
    await onboard(ann, "Annika")
    await onboard(bob, "Bjorn")
    await pair(ann, bob, "Annika", "Bjorn")

    # A group where Carol was before the bot came and never says a word: only the count shows her.
    group = {"id": -5201, "type": "group", "title": "Family"}
    ann_g, bob_g = Person(emulator, token, 521, "Ann", chat=group), Person(emulator, token, 522, "Bob", chat=group)
    await emulator.members(token, group["id"], [ann.user, bob.user, carol], admins=[521])
    await add_to_group(emulator, token, group, ann, message_id=900_101)
    await ann_g.send_text("hi")
    await bob_g.send_text("hi")
    reply = await ann_g.say("/linkgroup")
    assert "private space for two" in reply["text"]
    reply = await ann_g.say("/prompt")
    assert "linked to a couple" in reply["text"]
    said = [m["text"] for m in await ann_g.messages()]
    assert all(name not in text for text in said for name in ("Annika", "Bjorn", "Carol", "Ann", "Bob"))

    # Carol leaves: the count drops to two, and linking works.
    await emulator.raw(token, {"message": {"message_id": 900_102, "date": 0, "chat": group, "from": carol,
                                           "left_chat_member": carol}})
    reply = await ann_g.say("/linkgroup")
    assert "Linked" in reply["text"]

    # Dan slips in without the bot seeing a join; the next count (on /prompt) unlinks, without content.
    await emulator.members(token, group["id"], [ann.user, bob.user, dan])
    bob_g.seen = ann_g.seen
    await bob_g.send_text("/prompt")
    replies = [m["text"] for m in await bob_g.replies()]
    assert "Someone new is here" in replies[0] and "linked to a couple" in replies[-1]
    assert not any(t.startswith("💬") for t in replies)
    assert all(name not in text for text in replies for name in ("Annika", "Bjorn", "Danforth"))
    ann_g.seen = bob_g.seen

    # Telegram won't count (an error): the last count stands (never a crash, never a guess
    # that lets a stranger in); once it answers again, the couple can link.
    await emulator.members(token, group["id"], [ann.user, bob.user])
    await emulator.fault(token, "getChatMemberCount", 400, chat_id=group["id"], description="Bad Request: chat not found")
    reply = await ann_g.say("/linkgroup")
    assert "private space for two" in reply["text"]
    reply = await ann_g.say("/linkgroup")
    assert "Linked" in reply["text"]
