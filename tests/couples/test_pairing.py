"""Pairing: invite codes, /join, /unpair, and every way a code can be wrong."""

from __future__ import annotations

import logging

from bot.engine.steps.pairing import ALPHABET, CODE_LENGTH, new_code, normalise_code
from tests.conftest import onboard
from tests.couples.helpers import code_in, paired, texts_to


def test_code_shape_and_randomness():
    codes = {new_code() for _ in range(2000)}
    assert len(codes) == 2000
    for code in list(codes)[:50]:
        assert len(code) == 12 and code[4] == "-" and code[9] == "-"
        assert set(code.replace("-", "")) <= set(ALPHABET)
    assert CODE_LENGTH * 5 >= 40  # bits of randomness
    assert normalise_code("7kq2 m9xa-pl") == "7KQ2M9XAP1"
    assert normalise_code("o0-Il") == "0011"


def test_pair_and_join_name_each_other(run_script, tmp_path, caplog):
    caplog.set_level(logging.DEBUG)
    out, data = paired(run_script, data=tmp_path / "d")
    code = code_in(out)
    to_bob = texts_to(out, "bob")[-1]
    to_alice = texts_to(out, "alice")[-1]
    assert "paired with Alice" in to_bob
    assert "Bob joined" in to_alice and "paired" in to_alice
    assert code not in caplog.text and code.replace("-", "") not in caplog.text
    # partner_name reaches dialog templates
    out = run_script([{"as": "bob", "say": "/checkin"}, {"as": "bob", "tap": "Good"}, {"as": "bob", "tap": 1},
                      {"as": "bob", "say": "skip"}], data=data)
    assert "Alice" in out[-1]["text"]


def test_code_is_single_use_and_joining_twice_or_own_code_is_refused(run_script, tmp_path):
    data = tmp_path / "d"
    out = run_script(onboard("alice") + onboard("bob") + onboard("carol") + [{"as": "alice", "say": "/pair"}], data=data)
    code = code_in(out)
    out = run_script([
        {"as": "alice", "say": f"/join {code}"},
        {"as": "bob", "say": f"/join {code.lower()}"},
        {"as": "carol", "say": f"/join {code}"},
        {"as": "bob", "say": f"/join {code}"},
        {"as": "bob", "say": "/pair"},
        {"as": "carol", "say": "/join"},
    ], data=data)
    by = {o["step"]: o["text"] for o in out if o["to"] != "alice" or o["step"] == 1}
    assert "your own code" in by[1]
    assert "paired with Alice" in by[2]
    assert "didn't work" in by[3]
    assert "already paired with Alice" in by[4]
    assert "already paired with Alice" in by[5]
    assert "/join 7KQ2-M9XA-PL" in by[6]


def test_expired_code_and_new_code_replaces_old(run_script, tmp_path):
    data = tmp_path / "d"
    out = run_script(onboard("alice") + onboard("bob") + [{"as": "alice", "say": "/pair"}], data=data)
    first = code_in(out)
    out = run_script([{"as": "alice", "say": "/pair"}], data=data)
    second = code_in(out)
    assert first != second
    out = run_script([
        {"as": "bob", "say": f"/join {first}"},
        {"wait": "25h"},
        {"as": "bob", "say": f"/join {second}"},
    ], data=data)
    assert "didn't work" in out[0]["text"]
    assert "expired" in out[-1]["text"]
    assert not [o for o in out if o["to"] == "alice" and o["step"] != 2]  # step 2 (waiting) may bring a nudge


def test_five_wrong_codes_lock_join_for_an_hour(run_script, tmp_path):
    data = tmp_path / "d"
    out = run_script(onboard("alice") + onboard("bob") + [{"as": "alice", "say": "/pair"}], data=data)
    code = code_in(out)
    steps = [{"as": "bob", "say": f"/join AAAA-BBBB-C{i}"} for i in range(5)]
    steps += [{"as": "bob", "say": f"/join {code}"}, {"wait": "61m"}, {"as": "bob", "say": f"/join {code}"}]
    out = run_script(steps, data=data)
    bob = texts_to(out, "bob")
    assert "paused /join for an hour" in bob[4]
    assert "paused" in bob[5] and "paired" not in bob[5]
    assert "paired with Alice" in bob[6]


def test_unpair_asks_first_and_tells_the_other_kindly(run_script, tmp_path):
    out, data = paired(run_script, data=tmp_path / "d")
    out = run_script([
        {"as": "bob", "say": "/unpair"},
        {"as": "bob", "tap": "No, stay paired"},
        {"as": "bob", "say": "/unpair"},
        {"as": "bob", "tap": "Yes, unpair"},
        {"as": "alice", "say": "/unpair"},
        {"as": "alice", "say": "/pair"},
    ], data=data)
    assert "Alice" in out[0]["text"] and out[0]["buttons"] == ["Yes, unpair", "No, stay paired"]
    assert "nothing changed" in out[1]["text"].lower()
    to_alice = [o for o in out if o["to"] == "alice"]
    assert "Bob has ended your pairing" in to_alice[0]["text"]
    assert "not paired" in to_alice[1]["text"]
    assert code_in(to_alice[2:])


def test_people_on_different_platforms_pair(tmp_path):
    """A Telegram person and a Discord person: deliveries route by person."""
    import random
    from datetime import datetime, timezone

    from bot.config import Settings
    from bot.engine.clock import FakeClock
    from bot.engine.events import Chat, CommandMessage, Sender, TextMessage
    from bot.runtime import Runtime

    runtime = Runtime(Settings(data_dir=tmp_path / "d"), clock=FakeClock(), rng=random.Random(1))
    n = iter(range(10_000))

    def say(platform, user, text):
        sender = Sender(platform=platform, user_id=user, display_name=user)
        chat = Chat(kind="dm", id=f"{platform}:{user}")
        common = dict(id=f"e{next(n)}", sender=sender, chat=chat, at=datetime.now(timezone.utc))
        if text.startswith("/"):
            name, _, args = text[1:].partition(" ")
            event = CommandMessage(name=name, args=args, **common)
        else:
            event = TextMessage(text=text, **common)
        return runtime.handle_sync(event)

    try:
        for platform, user, name in (("telegram", "11", "Tess"), ("discord", "22", "Dan")):
            for text in ("/start", name, "Europe/Berlin", "20:00", "No reminders", "Sounds good"):
                say(platform, user, text)
        code = code_in([{"text": d.action.text} for d in say("telegram", "11", "/pair")])
        deliveries = say("discord", "22", f"/join {code}")
        assert {(d.platform, d.chat_id) for d in deliveries} == {("discord", "22"), ("telegram", "11")}
        assert any("Dan joined" in d.action.text for d in deliveries if d.platform == "telegram")
    finally:
        runtime.close()
