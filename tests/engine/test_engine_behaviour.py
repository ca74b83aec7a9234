"""The engine's promises, tested without any platform: one turn per event, durable
state before the reply, kind answers to anything unexpected."""

from __future__ import annotations

import random
from datetime import timedelta
from pathlib import Path

import pytest

from bot.config import Settings
from bot.engine.actions import SendMessage
from bot.engine.clock import FakeClock
from bot.engine.engine import Engine
from bot.engine.events import ButtonPress, Chat, CommandMessage, Event, TextMessage
from bot.engine.events import Sender
from bot.store import MemoryStore, TinyStore


class Person:
    """Drives the engine as one person in a private chat."""

    def __init__(self, engine: Engine, name: str):
        self.engine = engine
        self.sender = Sender(platform="console", user_id=name, display_name=name.title())
        self.chat = Chat(kind="dm", id=f"console:{name}")
        self.n = 0
        self.last: SendMessage | None = None

    def _event(self, cls: type[Event], **kw) -> Event:
        self.n += 1
        return cls(id=f"{self.sender.user_id}-{self.n}", sender=self.sender, chat=self.chat, at=self.engine.clock.now(), **kw)

    def send(self, event: Event) -> str:
        actions = self.engine.handle(event)
        messages = [a for a in actions if isinstance(a, SendMessage)]
        if messages:
            self.last = messages[-1]
        return "\n".join(m.text for m in messages)

    def say(self, text: str) -> str:
        from bot.engine.events import parse_command

        command = parse_command(text)
        if command:
            return self.send(self._event(CommandMessage, name=command[0], args=command[1]))
        return self.send(self._event(TextMessage, text=text))

    def tap(self, label: str) -> str:
        assert self.last is not None
        key = next(b.key for b in self.last.buttons if label.casefold() in b.label.casefold())
        return self.send(self._event(ButtonPress, key=key))

    def onboard(self) -> None:
        self.say("/start")
        self.say(self.sender.display_name)
        self.say("Europe/Berlin")
        self.say("20:00")
        self.tap("Yes")
        self.tap("Sounds good")


@pytest.fixture
def engine(tmp_path: Path) -> Engine:
    return Engine(MemoryStore(), Settings(data_dir=tmp_path), FakeClock(), rng=random.Random(1))


def test_same_event_id_twice_has_no_second_effect(engine):
    alice = Person(engine, "alice")
    alice.onboard()
    event = alice._event(CommandMessage, name="checkin")
    assert alice.send(event)
    state_before = engine.store.get("sessions", engine.store.get("identities", "console:alice")["person"])
    assert engine.handle(event) == []
    assert engine.store.get("sessions", state_before and engine.store.get("identities", "console:alice")["person"]) == state_before


def test_global_words_work_in_every_state_of_every_dialog(engine):
    alice = Person(engine, "alice")
    alice.onboard()
    for command in ("checkin", "coach", "confide"):
        alice.say(f"/{command}")
        assert "back, cancel, menu" in alice.say("help")
        assert "first step" in alice.say("back")
        menu = alice.say("menu")
        assert menu and any("Continue" in b.label for b in alice.last.buttons)
        assert alice.say("cancel").startswith("Okay, I've stopped")
        assert "not in the middle" in alice.say("back")


def test_skip_only_where_optional(engine):
    alice = Person(engine, "alice")
    alice.onboard()
    alice.say("/checkin")
    assert "need an answer" in alice.say("skip")
    alice.tap("Okay")
    alice.say("calm")
    out = alice.say("skip")  # "what happened" is optional
    assert "partner" in out.lower()


def test_text_where_a_button_is_expected_reprompts_kindly(engine):
    alice = Person(engine, "alice")
    alice.onboard()
    alice.say("/confide")
    out = alice.say("banana")
    assert "didn't quite get that" in out
    assert alice.say("2")  # a number picks the second button
    assert "keep it to themselves" in alice.last.text


def test_stale_button_from_an_earlier_question_or_ended_dialog(engine):
    alice = Person(engine, "alice")
    alice.onboard()
    alice.say("/confide")
    old = alice.last
    alice.tap("Yes")
    stale = alice._event(ButtonPress, key=old.buttons[0].key)
    assert "earlier" in alice.send(stale)
    alice.say("cancel")
    assert "earlier" in alice.send(alice._event(ButtonPress, key=old.buttons[1].key))
    assert "earlier" in alice.send(alice._event(ButtonPress, key="zz:made-up"))


def test_unknown_command_gets_a_kind_reply_with_the_menu(engine):
    alice = Person(engine, "alice")
    alice.onboard()
    out = alice.say("/frobnicate now")
    assert "don't know" in out and alice.last.buttons


def test_long_pause_offers_resume_or_start_over(engine):
    alice = Person(engine, "alice")
    alice.onboard()
    alice.say("/checkin")
    alice.tap("Good")
    engine.clock.advance(timedelta(hours=13))
    out = alice.say("happy")
    assert "Pick up where" in out
    assert "Which feelings" in alice.tap("Pick up") or "feelings" in alice.last.text
    alice.say("happy")  # the answer is taken now
    assert "happened" in alice.last.text.lower() or "behind it" in alice.last.text


def test_short_pause_just_continues(engine):
    alice = Person(engine, "alice")
    alice.onboard()
    alice.say("/checkin")
    alice.tap("Good")
    engine.clock.advance(timedelta(hours=2))
    assert "Pick up" not in alice.say("happy")


def test_restart_continues_where_they_were(tmp_path):
    settings = Settings(data_dir=tmp_path)
    clock = FakeClock()
    first = Engine(TinyStore(tmp_path), settings, clock, rng=random.Random(1))
    alice = Person(first, "alice")
    alice.onboard()
    alice.say("/checkin")
    alice.tap("Good")
    first.store.close()
    second = Engine(TinyStore(tmp_path), settings, clock, rng=random.Random(1))
    alice.engine = second
    out = alice.say("content")
    assert "happened" in out.lower() or "behind it" in out
    second.store.close()


def test_answer_is_stored_before_the_reply(tmp_path):
    """If the store fails to commit, no reply goes out (and nothing half-done stays)."""
    store = MemoryStore()
    engine = Engine(store, Settings(data_dir=tmp_path), FakeClock(), rng=random.Random(1))
    alice = Person(engine, "alice")
    alice.onboard()
    alice.say("/checkin")
    pid = store.get("identities", "console:alice")["person"]
    before = store.get("sessions", pid)

    def broken_commit(ops):
        raise OSError("disk full")

    store._commit = broken_commit  # type: ignore[method-assign]
    with pytest.raises(OSError):
        alice.tap("Good")
    del store._commit
    assert store.get("sessions", pid) == before


def test_writing_again_makes_an_unreachable_person_reachable(engine):
    alice = Person(engine, "alice")
    alice.onboard()
    with engine.store.transaction():
        identity = engine.store.get("identities", "console:alice")
        identity["unreachable"] = True
        engine.store.put("identities", "console:alice", identity)
    alice.say("hi")
    assert not engine.store.get("identities", "console:alice").get("unreachable")
