"""/export includes the couple's shared items; /forget unpairs and leaves only the partner's own."""

from __future__ import annotations

import json

from bot.engine.personal_data import export_person
from bot.store import open_store
from tests.couples.helpers import linked, paired, texts_to

G = "group:home"


def person_id(store, who):
    return store.get("identities", f"console:{who}")["person"]


def setup_couple_with_items(run_script, data):
    linked(run_script, data)
    return run_script([
        {"as": "bob", "say": "/needs"}, {"tap": "Add a need", "as": "bob"}, {"as": "bob", "say": "bob need gecko"},
        {"as": "bob", "tap": "High"}, {"as": "bob", "tap": "Share it"},
        {"as": "alice", "say": "/needs"}, {"tap": "Add a need", "as": "alice"}, {"as": "alice", "say": "alice need ibis"},
        {"as": "alice", "tap": "Low"}, {"as": "alice", "tap": "Share it"},
        {"as": "bob", "say": "/boundaries"}, {"as": "bob", "tap": "Suggest a boundary"},
        {"as": "bob", "say": "bob boundary mole"}, {"as": "bob", "tap": "Send it"},
        {"as": "alice", "say": "/boundaries"}, {"as": "alice", "tap": "Suggest a boundary"},
        {"as": "alice", "say": "alice boundary owl"}, {"as": "alice", "tap": "Send it"},
        {"as": "alice", "in": G, "say": "/prompt"},
        {"as": "alice", "in": G, "say": "alice answer yak"},
        {"as": "bob", "in": G, "say": "bob answer emu"},
    ], data=data)


def test_export_includes_the_couples_shared_items(run_script, tmp_path):
    _, data = paired(run_script, data=tmp_path / "d")
    out = setup_couple_with_items(run_script, data)
    assert any("alice answer yak" in o["text"] and "bob answer emu" in o["text"] for o in out if o["to"] == G)
    out = run_script([{"as": "alice", "say": "/export"}], data=data)
    assert any(o.get("file") == "backbone-export.json" for o in out)
    store = open_store(data)
    try:
        blob = json.dumps(export_person(store, person_id(store, "alice")), ensure_ascii=False)
    finally:
        store.close()
    for marker in ("gecko", "ibis", "mole", "owl", "yak", "emu"):
        assert marker in blob, marker


def test_forget_unpairs_and_keeps_only_the_partners_own_items(run_script, tmp_path):
    _, data = paired(run_script, data=tmp_path / "d")
    setup_couple_with_items(run_script, data)
    out = run_script([{"as": "bob", "say": "/forget"}, {"as": "bob", "tap": "Yes, delete everything"}], data=data)
    assert "gone" in out[-1]["text"].lower()
    store = open_store(data)
    try:
        alice = person_id(store, "alice")
        person = store.get("people", alice)
        assert not person.get("partner") and not person.get("couple") and not person.get("partner_name")
        blob = json.dumps(export_person(store, alice), ensure_ascii=False)
        everything = json.dumps({t: dict(store.scan(t)) for t in ("shares", "shared_with_me", "boundaries", "needs",
                                                                   "prompt_answers", "couples", "prompt_rounds")})
        queued = json.dumps(dict(store.scan("outbox")), ensure_ascii=False)
    finally:
        store.close()
    for marker in ("gecko", "mole", "emu"):
        assert marker not in everything, marker
    for marker in ("ibis", "owl", "yak"):
        assert marker in blob, marker
    assert "Bob has left" in queued  # Alice is told kindly, through the outbox
    out = run_script([{"as": "alice", "say": "/needs"}, {"as": "alice", "say": "/shared"}], data=data)
    text = "\n".join(texts_to(out, "alice"))
    assert "gecko" not in text and "ibis" in text
    assert "Bob's needs" not in text


def test_group_members_event_from_an_adapter(tmp_path):
    import random
    from datetime import datetime, timezone

    from bot.config import Settings
    from bot.engine.clock import FakeClock
    from bot.engine.engine import Engine
    from bot.engine.events import Chat, CommandMessage, GroupMembers, Sender, TextMessage
    from bot.engine.steps.pairing import new_code  # noqa: F401  (registers commands)
    from bot.store import MemoryStore
    from tests.couples.helpers import code_in

    engine = Engine(MemoryStore(), Settings(), FakeClock(), rng=random.Random(3))
    people = {u: Sender(platform="telegram", user_id=u, display_name=u) for u in ("1", "2", "3")}
    bot = Sender(platform="telegram", user_id="99", display_name="Backbone", is_bot=True)
    n = iter(range(10_000))

    def send(user, text, chat=None):
        chat = chat or Chat(kind="dm", id=f"telegram:{user}")
        common = dict(id=f"e{next(n)}", sender=people[user], chat=chat, at=datetime.now(timezone.utc))
        event = (CommandMessage(name=text[1:].split()[0], args=" ".join(text.split()[1:]), **common)
                 if text.startswith("/") else TextMessage(text=text, **common))
        return engine.handle(event)

    for user in ("1", "2"):
        for text in ("/start", f"P{user}", "Europe/Berlin", "20:00", "No reminders", "Sounds good"):
            send(user, text)
    code = code_in([{"text": a.text} for a in send("1", "/pair")])
    send("2", f"/join {code}")
    group = Chat(kind="group", id="telegram:-100")

    def members(*users):
        return engine.handle(GroupMembers(id=f"e{next(n)}", sender=people["1"], chat=group, at=datetime.now(timezone.utc),
                                          members=tuple(people[u] for u in users) + (bot,)))

    members("1", "2", "3")
    assert "private space for two" in send("1", "/linkgroup", group)[0].text
    members("1", "2")
    assert "Linked" in send("1", "/linkgroup", group)[0].text
