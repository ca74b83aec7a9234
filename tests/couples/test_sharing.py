"""Consented sharing: check-ins, needs, sentences; heads-up; an unreachable partner."""

from __future__ import annotations

from bot.store import open_store
from tests.couples.helpers import paired, texts_to

HARD_CHECKIN = [
    {"say": "/checkin"}, {"tap": "Really hard"}, {"say": "drained, sad"},
    {"say": "zebrafish meeting went badly"}, {"tap": "A hug"},
]


def as_(who, steps):
    return [{"as": who, **s} for s in steps]


def test_private_checkin_never_reaches_partner(run_script, tmp_path):
    _, data = paired(run_script, data=tmp_path / "d")
    out = run_script(as_("alice", HARD_CHECKIN + [{"tap": "Keep it private"}]), data=data)
    assert all(o["to"] == "alice" for o in out)


def test_shared_hard_checkin_sends_exact_preview_and_one_heads_up_a_day(run_script, tmp_path):
    _, data = paired(run_script, data=tmp_path / "d")
    out = run_script(as_("alice", HARD_CHECKIN + [{"tap": "Share it"}]) + [{"wait": "2m"}], data=data)
    preview = [o["text"] for o in out if "exactly what they'll see" in o["text"]][0]
    to_bob = texts_to(out, "bob")
    assert len(to_bob) == 2
    assert to_bob[0] in preview and "Alice checked in" in to_bob[0]
    assert "zebrafish" not in "".join(to_bob)  # what happened is never shared
    assert "heads-up" in to_bob[1] and "Alice" in to_bob[1]
    # A second hard share the same day: the check-in goes, no second heads-up.
    out = run_script(as_("alice", HARD_CHECKIN + [{"tap": "Share it"}]) + [{"wait": "2m"}], data=data)
    assert len(texts_to(out, "bob")) == 1
    # Bob shares a hard day too: still once a day per couple.
    out = run_script(as_("bob", HARD_CHECKIN + [{"tap": "Share it"}]) + [{"wait": "2m"}], data=data)
    assert len(texts_to(out, "alice")) == 1
    # Next day there may be one again.
    out = run_script([{"wait": "26h"}] + as_("bob", HARD_CHECKIN + [{"tap": "Share it"}]) + [{"wait": "2m"}], data=data)
    assert any("heads-up" in t for t in texts_to(out, "alice"))


def test_heads_up_waits_for_the_end_of_quiet_hours(run_script, tmp_path):
    _, data = paired(run_script, data=tmp_path / "d")
    # The simulator starts at 09:00 UTC (10:00 in Berlin); 12h later it is 22:00 there, quiet hours.
    out = run_script([{"wait": "12h30m"}] + as_("alice", HARD_CHECKIN + [{"tap": "Share it"}]) + [{"wait": "2h"}], data=data)
    assert [t for t in texts_to(out, "bob") if "heads-up" not in t]  # the share itself goes at once
    assert not [t for t in texts_to(out, "bob") if "heads-up" in t]
    out = run_script([{"wait": "8h"}], data=data)  # past 08:00 in Berlin
    assert [t for t in texts_to(out, "bob") if "heads-up" in t]


def test_good_checkin_gets_no_heads_up_and_silence_is_never_reported(run_script, tmp_path):
    _, data = paired(run_script, data=tmp_path / "d")
    out = run_script(as_("alice", [{"say": "/checkin"}, {"tap": "Great"}, {"tap": 1}, {"say": "skip"}, {"say": "skip"},
                                   {"tap": "Share it"}]) + [{"wait": "30h"}], data=data)
    to_bob = texts_to(out, "bob")
    assert "Alice checked in" in to_bob[0]
    assert not [t for t in to_bob if "heads-up" in t or ("Alice" in t and t != to_bob[0])]


def test_needs_private_by_default_shared_after_preview_and_side_by_side(run_script, tmp_path):
    _, data = paired(run_script, data=tmp_path / "d")
    out = run_script(as_("alice", [
        {"say": "/needs"}, {"tap": "Add a need"}, {"say": "quiet mornings okapi"}, {"tap": "High"}, {"tap": "Keep it private"},
        {"say": "/needs"}, {"tap": "Add a need"}, {"say": "walks together narwhal"}, {"tap": "Low"}, {"tap": "Share it"},
    ]) + as_("bob", [{"say": "/needs"}, {"tap": "Add a need"}, {"say": "more sleep"}, {"tap": "Medium"}, {"tap": "Share it"},
                     {"say": "/needs"}]), data=data)
    everything_to_bob = "\n".join(texts_to(out, "bob"))
    assert "okapi" not in everything_to_bob
    assert "narwhal" in everything_to_bob
    side = texts_to(out, "bob")[-1]
    assert "more sleep" in side and "walks together narwhal" in side and "Alice's needs" in side
    assert all(o.get("file") is None for o in out)  # the console shows no images: text only
    # Removing a shared need takes it out of the partner's view too.
    out = run_script(as_("alice", [{"say": "/needs"}, {"tap": "Remove one"}, {"tap": "walks together"}])
                     + as_("bob", [{"say": "/needs"}]), data=data)
    assert "narwhal" not in texts_to(out, "bob")[-1]


def test_needs_image_where_the_platform_shows_images(tmp_path):
    import random
    from datetime import datetime, timezone

    from bot.config import Settings
    from bot.engine.actions import SendFile
    from bot.engine.clock import FakeClock
    from bot.engine.engine import Engine
    from bot.engine.events import Chat, CommandMessage, Sender, TextMessage
    from bot.store import MemoryStore

    engine = Engine(MemoryStore(), Settings(), FakeClock(), rng=random.Random(2))
    sender = Sender(platform="telegram", user_id="7", display_name="T")
    n = iter(range(1000))

    def send(text):
        common = dict(id=f"e{next(n)}", sender=sender, chat=Chat(kind="dm", id="telegram:7"), at=datetime.now(timezone.utc))
        event = CommandMessage(name=text[1:], **common) if text.startswith("/") else TextMessage(text=text, **common)
        return engine.handle(event)

    for text in ("/start", "Tess", "Europe/Berlin", "20:00", "No reminders", "Sounds good", "/needs", "Add a need",
                 "rest", "High", "Keep it private"):
        send(text)
    actions = send("/needs")
    images = [a for a in actions if isinstance(a, SendFile)]
    assert images and images[0].image and images[0].data[:8] == b"\x89PNG\r\n\x1a\n"
    assert any("rest" in getattr(a, "text", "") for a in actions)


def test_share_a_sentence_after_preview(run_script, tmp_path):
    _, data = paired(run_script, data=tmp_path / "d")
    out = run_script(as_("bob", [
        {"say": "/share"}, {"say": "I feel lonely when dinner is quiet, axolotl"}, {"tap": "Keep it to myself"},
        {"say": "/share"}, {"say": "I feel lonely when we eat apart. Could we eat together tonight?"}, {"tap": "Change it"},
        {"say": "Could we eat together tonight?"}, {"tap": "Send it"},
    ]), data=data)
    to_alice = texts_to(out, "alice")
    assert to_alice == ["Bob wanted you to read this:\n\n“Could we eat together tonight?”"]
    out = run_script([{"as": "alice", "say": "/shared"}], data=data)
    assert "eat together" in out[0]["text"] and "axolotl" not in out[0]["text"]


def test_partner_who_blocked_the_bot(run_script, tmp_path):
    _, data = paired(run_script, data=tmp_path / "d")
    store = open_store(data)
    with store.transaction():
        for key, doc in store.scan("identities"):
            if key == "console:bob":
                store.put("identities", key, {**doc, "unreachable": True})
    store.close()
    out = run_script(as_("alice", HARD_CHECKIN + [{"tap": "Share it"}]), data=data)
    assert all(o["to"] == "alice" for o in out)
    assert "can't reach Bob" in out[-1]["text"]
    # Nothing lost: when Bob is back, it's in /shared.
    store = open_store(data)
    with store.transaction():
        doc = store.get("identities", "console:bob")
        store.put("identities", "console:bob", {**doc, "unreachable": False})
    store.close()
    out = run_script([{"as": "bob", "say": "/shared"}], data=data)
    assert "Alice checked in" in out[0]["text"]
    # Unpairing from someone unreachable works and says so.
    store = open_store(data)
    with store.transaction():
        doc = store.get("identities", "console:bob")
        store.put("identities", "console:bob", {**doc, "unreachable": True})
    store.close()
    out = run_script([{"as": "alice", "say": "/unpair"}, {"as": "alice", "tap": "Yes, unpair"}], data=data)
    assert "couldn't reach Bob" in out[-1]["text"] and all(o["to"] == "alice" for o in out)
