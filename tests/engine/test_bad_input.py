"""Bad input of every kind gets a clear, kind reply; nothing crashes, nothing stored is lost."""

from __future__ import annotations

import random

import pytest
from typer.testing import CliRunner

from bot.cli import app
from bot.config import Settings
from bot.engine.clock import FakeClock
from bot.engine.engine import Engine
from bot.store import MemoryStore, TinyStore
from tests.engine.test_engine_behaviour import Person

MARKUP = "* _ [ ] ( ) ~ > # + - = | { } . ! < > & <b>bold</b> [link](http://x) {name} {0} %s"


@pytest.fixture
def alice(tmp_path):
    engine = Engine(MemoryStore(), Settings(data_dir=tmp_path), FakeClock(), rng=random.Random(3))
    person = Person(engine, "alice")
    person.onboard()
    return person


@pytest.mark.parametrize(
    "text",
    ["", "   ", "\n\n", "😀😀😀", "🙂", MARKUP, "\x00\x07\x1b[31mred\x1b[0m", "مرحبا، كيف حالك؟", "שלום", "\u202eevil\u202c",
     "a" * 10_000, "/", "//", "/ space", "\ufeff", "👨‍👩‍👧"],
)
@pytest.mark.parametrize("where", ["idle", "checkin-scale", "checkin-feelings", "coach", "onboarding-name"])
def test_any_text_in_any_state_gets_a_reply_and_keeps_data(tmp_path, text, where):
    engine = Engine(MemoryStore(), Settings(data_dir=tmp_path), FakeClock(), rng=random.Random(3))
    alice = Person(engine, "alice")
    if where != "onboarding-name":
        alice.onboard()
    if where == "checkin-scale":
        alice.say("/checkin")
    elif where == "checkin-feelings":
        alice.say("/checkin")
        alice.tap("Good")
    elif where == "coach":
        alice.say("/coach")
    elif where == "onboarding-name":
        alice.say("/start")
    pid = engine.store.get("identities", "console:alice")["person"]
    person_before = engine.store.get("people", pid)
    out = alice.say(text)
    assert out.strip(), f"no reply to {text[:20]!r} in {where}"
    assert "Traceback" not in out
    after = engine.store.get("people", pid)
    assert after["name"] == person_before["name"] and after.get("onboarded") == person_before.get("onboarded")


def test_huge_message_is_refused_kindly_and_state_kept(alice):
    alice.say("/coach")
    out = alice.say("you " * 3000)
    assert "fewer than" in out
    assert "say to" in alice.say("help") or "sentence" in alice.last.text  # still in the coach


def test_markup_is_kept_verbatim_not_interpreted(alice):
    alice.say("/checkin")
    alice.tap("Good")
    alice.say("tired")
    alice.say("<b>boss</b> said {name} & [stuff]")
    alice.say("skip")
    preview = alice.last.text
    assert "Alice checked in" in preview
    alice.tap("Keep it private")
    pid = alice.engine.store.get("identities", "console:alice")["person"]
    [key] = alice.engine.store.keys("checkins", pid + ":")
    assert alice.engine.store.get("checkins", key)["happened"] == "<b>boss</b> said {name} & [stuff]"


def test_button_for_an_ended_dialog(alice):
    alice.say("/confide")
    old = alice.last
    alice.say("cancel")
    from bot.engine.events import ButtonPress

    assert "earlier" in alice.send(alice._event(ButtonPress, key=old.buttons[0].key))


def test_unknown_command(alice):
    assert "don't know" in alice.say("/definitely_not_a_command")
    assert "don't know" in alice.say("/" + "x" * 500)


def test_half_written_journal_from_a_crash_is_recovered(tmp_path):
    settings = Settings(data_dir=tmp_path)
    engine = Engine(TinyStore(tmp_path), settings, FakeClock(), rng=random.Random(3))
    alice = Person(engine, "alice")
    alice.onboard()
    engine.store.close()
    with open(tmp_path / "store.journal", "ab") as journal:
        journal.write(b"\x00\x01half a rec")  # a crash in the middle of the next write
    engine = Engine(TinyStore(tmp_path), settings, FakeClock(), rng=random.Random(3))
    alice.engine = engine
    assert "Alice" in alice.say("/start")  # profile intact, welcomed back by name
    engine.store.close()


def test_garbage_data_file_gives_a_clear_startup_message(tmp_path):
    (tmp_path / "store.json").write_text('{"people": {"1": {"_key": "p_1", "name": "Al')
    result = CliRunner().invoke(app, ["chat", "--as", "alice", "--data", str(tmp_path)], input="")
    assert result.exit_code == 1
    assert "Can't open the data folder" in result.output and "store.json" in result.output
    assert "Traceback" not in result.output
    assert (tmp_path / "store.json").read_text().endswith('"Al')  # never overwritten
