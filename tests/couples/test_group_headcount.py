"""A platform that can only count a group's members (Telegram): GroupMembers with a headcount.

More than two humans counted refuses /linkgroup (without content) and unlinks a linked
group; the count is the platform's (joins and leaves only change who is named); a full member list (no headcount,
as on Discord) replaces it."""

from __future__ import annotations

import itertools
import random
from datetime import timedelta

import pytest

from bot.config import Settings
from bot.engine.actions import SendMessage
from bot.engine.clock import FakeClock
from bot.engine.couples import COUPLES, GROUPS
from bot.engine.engine import Engine
from bot.engine.events import Chat, CommandMessage, GroupMembers, MemberJoined, MemberLeft, Sender, TextMessage
from bot.engine.people import IDENTITIES, PEOPLE
from bot.engine.steps.group_prompts import NEWCOMER, REFUSED, post_group_prompt
from bot.store import MemoryStore
from tests.couples.helpers import code_in

GROUP = Chat(kind="group", id="telegram:-500")
BOT = Sender(platform="telegram", user_id="666", display_name="Backbone", is_bot=True)


class Couple:
    """Two onboarded, paired people on Telegram, talking to the engine directly."""

    def __init__(self) -> None:
        self.clock = FakeClock()
        self.store = MemoryStore()
        self.engine = Engine(self.store, Settings(), self.clock, rng=random.Random(5))
        self.people = {u: Sender(platform="telegram", user_id=u, display_name=n)
                       for u, n in (("1", "Ada Quill"), ("2", "Ben Marsh"), ("3", "Cy Stranger"))}
        self.ids = itertools.count()
        for user in ("1", "2"):
            for text in ("/start", self.people[user].display_name.split()[0], "Europe/Berlin", "20:00",
                         "No reminders", "Sounds good"):
                self.say(user, text)
        code = code_in([{"text": a.text} for a in self.say("1", "/pair")])
        self.say("2", f"/join {code}")

    def _common(self, user: str, chat: Chat | None) -> dict:
        self.clock.advance(timedelta(seconds=1))
        return dict(id=f"e{next(self.ids)}", sender=self.people[user], chat=chat or Chat(kind="dm", id=f"telegram:{user}"),
                    at=self.clock.now())

    def say(self, user: str, text: str, chat: Chat | None = None) -> list:
        common = self._common(user, chat)
        if text.startswith("/"):
            name, _, args = text[1:].partition(" ")
            return self.engine.handle(CommandMessage(name=name, args=args, **common))
        return self.engine.handle(TextMessage(text=text, **common))

    def count(self, headcount: int | None, *named: str, by: str = "1") -> list:
        members = tuple(self.people[u] for u in named) + (BOT,)
        return self.engine.handle(GroupMembers(members=members, headcount=headcount, **self._common(by, GROUP)))

    def joined(self, user: str) -> list:
        return self.engine.handle(MemberJoined(member=self.people[user], **self._common("1", GROUP)))

    def left(self, user: str) -> list:
        return self.engine.handle(MemberLeft(member=self.people[user], **self._common("1", GROUP)))

    def couple(self) -> dict:
        person = self.store.get(IDENTITIES, "telegram:1")["person"]
        return self.store.get(COUPLES, self.store.get(PEOPLE, person)["couple"])

    def group(self) -> dict:
        return self.store.get(GROUPS, GROUP.id) or {}


@pytest.fixture
def couple() -> Couple:
    return Couple()


def group_texts(actions: list) -> list[str]:
    return [a.text for a in actions if isinstance(a, SendMessage) and a.to.kind == "group"]


def assert_no_content(texts: list[str]) -> None:
    for text in texts:
        for word in ("Ada", "Ben", "Cy", "Quill", "Marsh", "Stranger"):
            assert word not in text


def test_a_third_person_counted_but_never_seen_refuses_linking(couple: Couple) -> None:
    # Both partners have written in the group (seen), but Telegram counts three humans.
    couple.say("1", "hi", GROUP)
    couple.say("2", "hi", GROUP)
    couple.count(3, "1")
    out = couple.say("1", "/linkgroup", GROUP)
    assert group_texts(out) == [REFUSED]
    assert all(a.notice == "group_refused" for a in out)
    assert_no_content(group_texts(out))
    assert not couple.couple().get("group") and not couple.group().get("couple")
    # No prompt either.
    assert post_group_prompt(couple.store, couple.couple()["id"], couple.clock.now()) == []


def test_two_counted_and_both_seen_links(couple: Couple) -> None:
    couple.count(2, "1")  # Telegram named the admin (partner 1) only
    couple.say("2", "hi", GROUP)
    out = couple.say("1", "/linkgroup", GROUP)
    assert "Linked" in group_texts(out)[0]
    assert couple.couple()["group"] == GROUP.id


def test_a_count_of_two_is_not_enough_without_seeing_both_partners(couple: Couple) -> None:
    couple.count(2, "1")
    out = couple.say("1", "/linkgroup", GROUP)
    assert group_texts(out) == [REFUSED]


def test_a_count_that_grows_later_unlinks_without_content(couple: Couple) -> None:
    couple.count(2, "1")
    couple.say("2", "hi", GROUP)
    couple.say("1", "/linkgroup", GROUP)
    assert couple.couple()["group"] == GROUP.id
    out = couple.count(3, "1", by="2")  # e.g. a fresh count when someone pressed /prompt
    assert group_texts(out) == [NEWCOMER]
    assert_no_content(group_texts(out))
    assert not couple.couple().get("group") and couple.group().get("couple") is None
    out = couple.say("1", "/prompt", GROUP)
    assert "linked to a couple" in group_texts(out)[0]


def test_joins_and_leaves_change_who_is_here_not_the_count(couple: Couple) -> None:
    couple.count(2, "1")
    couple.say("2", "hi", GROUP)
    couple.joined("3")
    assert couple.group()["headcount"] == 2  # the platform recounts; "3" is known by name
    assert group_texts(couple.say("1", "/linkgroup", GROUP)) == [REFUSED]
    couple.left("3")
    assert "Linked" in group_texts(couple.say("1", "/linkgroup", GROUP))[0]
    # A bot joining doesn't count; a partner joining again changes nothing.
    couple.engine.handle(MemberJoined(member=Sender(platform="telegram", user_id="777", display_name="OtherBot", is_bot=True),
                                      **couple._common("1", GROUP)))
    couple.joined("2")
    assert couple.group()["headcount"] == 2 and couple.couple()["group"] == GROUP.id


def test_a_recount_that_already_saw_the_join_counts_nobody_twice(couple: Couple) -> None:
    # Updates are handled concurrently: the recount after Bob's join can reach the engine
    # before the join itself. The couple alone must still be able to link.
    couple.count(2, "1")
    couple.joined("2")
    assert "Linked" in group_texts(couple.say("1", "/linkgroup", GROUP))[0]


def test_a_recount_that_already_saw_a_leave_still_counts_the_unseen(couple: Couple) -> None:
    # The couple, "3" (seen) and one person who never spoke: four humans. "3" leaves and the
    # fresh count (3) reaches the engine first; the leave must not take it down to two,
    # or the group would pass as private with a stranger in it.
    couple.say("2", "hi", GROUP)
    couple.joined("3")
    couple.count(3, "1")
    couple.left("3")
    assert couple.group()["headcount"] == 3
    assert group_texts(couple.say("1", "/linkgroup", GROUP)) == [REFUSED]


def test_a_full_member_list_replaces_the_count(couple: Couple) -> None:
    couple.count(3, "1")
    couple.engine.handle(GroupMembers(members=(couple.people["1"], couple.people["2"], BOT), **couple._common("1", GROUP)))
    assert "headcount" not in couple.group()
    assert "Linked" in group_texts(couple.say("1", "/linkgroup", GROUP))[0]
