"""Transcript tests: every dialog walked through the simulator, end to end."""

from __future__ import annotations

import json

from tests.conftest import onboard


def texts_to(outputs, who):
    return [o["text"] for o in outputs if o["to"] == who]


def test_onboarding_understands_city_offset_and_rejects_bad_time(run_script):
    out = run_script([
        {"as": "alice", "say": "hello"},
        {"as": "alice", "say": "Alice"},
        {"as": "alice", "say": "Narnia/Nowhere"},
        {"as": "alice", "say": "UTC+5:30"},
        {"as": "alice", "say": "25:00"},
        {"as": "alice", "say": "7:30pm"},
        {"as": "alice", "tap": "No reminders"},
        {"as": "alice", "tap": 1},
    ])
    by_step = {o["step"]: o for o in out}
    assert "name" in by_step[1]["text"] or "call you" in by_step[1]["text"]
    assert "couldn't place that time zone" in by_step[3]["text"]
    assert "time of day" in by_step[4]["text"].lower() or "check in" in by_step[4]["text"].lower()
    assert "as a time of day" in by_step[5]["text"]
    assert "19:30" in by_step[6]["text"]
    assert "Alice" in by_step[8]["text"]


def test_checkin_end_to_end_private_by_default_with_reflection(run_script):
    out = run_script(onboard("alice") + [
        {"as": "alice", "say": "/checkin"},
        {"as": "alice", "tap": "Not great"},
        {"as": "alice", "say": "tired, a bit lonely"},
        {"as": "alice", "say": "work ran late again and I ate alone"},
        {"as": "alice", "say": "skip"},
        {"as": "alice", "tap": "Keep it private"},
        {"as": "alice", "say": "/history"},
    ])
    last = out[-1]["text"]
    assert "2/5" in last and "tired" in last and "shared" not in last
    preview = [o for o in out if "exactly what they'll see" in o["text"]][0]
    assert preview["buttons"] == ["Keep it private", "Share it"]
    assert "Alice checked in" in preview["text"]
    assert "ate alone" not in preview["text"]  # what happened is never in the preview
    assert all(o["to"] == "alice" for o in out)


def test_checkin_share_records_consent_when_unpaired(run_script):
    out = run_script(onboard("alice") + [
        {"as": "alice", "say": "/checkin"},
        {"as": "alice", "tap": 4},
        {"as": "alice", "tap": 1},
        {"as": "alice", "say": "skip"},
        {"as": "alice", "tap": "A hug"},
        {"as": "alice", "tap": "Share it"},
    ])
    assert "not paired" in out[-1]["text"]


def test_coach_quick_rewrite_and_guided_mode(run_script):
    out = run_script(onboard("bob") + [
        {"as": "bob", "say": "/coach"},
        {"as": "bob", "say": "You never listen to me when I talk about work"},
        {"as": "bob", "tap": "Build it step by step"},
        {"as": "bob", "say": "lonely"},
        {"as": "bob", "say": "when I talk about work and the phone comes out"},
        {"as": "bob", "say": "to be heard"},
        {"as": "bob", "say": "put the phone away for ten minutes while we talk"},
    ])
    suggestion = [o for o in out if "one way to say it" in o["text"]][0]["text"]
    assert "I feel" in suggestion and "?" in suggestion
    final = out[-1]["text"]
    assert final.count("“I feel") == 1 and "lonely" in final and "?”" in final


def test_confidentiality_check_gives_advice(run_script):
    out = run_script(onboard("cara") + [
        {"as": "cara", "say": "/confide"},
        {"as": "cara", "tap": "Probably not"},
        {"as": "cara", "tap": "Yes"},
        {"as": "cara", "tap": "No"},
        {"as": "cara", "tap": "Hurt or exposed"},
    ])
    assert "holding this one back" in out[-1]["text"]


def test_export_and_forget(run_script, tmp_path):
    steps = onboard("dana") + [
        {"as": "dana", "say": "/checkin"},
        {"as": "dana", "tap": 3},
        {"as": "dana", "say": "calm"},
        {"as": "dana", "say": "skip"},
        {"as": "dana", "say": "skip"},
        {"as": "dana", "tap": "Keep it private"},
        {"as": "dana", "say": "/export"},
    ]
    out = run_script(steps, data=tmp_path / "d")
    files = [o for o in out if o.get("file")]
    assert files and files[0]["file"] == "backbone-export.json"
    out = run_script([
        {"as": "dana", "say": "/forget"},
        {"as": "dana", "tap": "Yes, delete everything"},
        {"as": "dana", "say": "/history"},
    ], data=tmp_path / "d")
    assert "gone" in out[1]["text"]
    # After forgetting, dana is a stranger again: onboarding starts over, no history.
    assert "Backbone" in out[2]["text"] and "name" in out[2]["text"].lower() or "call you" in out[2]["text"]


def test_export_contains_checkins(tmp_path):
    from bot.config import Settings
    from bot.engine.clock import FakeClock
    from bot.engine.events import Chat, CommandMessage, Sender
    from bot.runtime import Runtime
    from bot.engine.actions import SendFile

    runtime = Runtime(Settings(data_dir=tmp_path), clock=FakeClock())
    sender = Sender(platform="console", user_id="eve")
    chat = Chat(kind="dm", id="console:eve")
    at = runtime.engine.clock.now()
    runtime.store  # noqa: B018
    with runtime.store.transaction():
        from bot.engine.people import get_or_create_person, PEOPLE
        person = get_or_create_person(runtime.store, sender, chat.id, at)
        person.update(onboarded=True, name="Eve")
        runtime.store.put(PEOPLE, person["id"], person)
        runtime.store.put("checkins", f"{person['id']}:1", {"scale": 2, "feelings": ["worn out"]})
    files = [d.action for d in runtime.handle_sync(CommandMessage(id="1", sender=sender, chat=chat, at=at, name="export"))
             if isinstance(d.action, SendFile)]
    data = json.loads(files[0].data)
    assert data["data"]["checkins"][f"{person['id']}:1"]["feelings"] == ["worn out"]
    runtime.close()


def test_onboarding_refuses_a_checkin_time_inside_quiet_hours(run_script):
    out = run_script([
        {"as": "zoe", "say": "/start"},
        {"as": "zoe", "say": "Zoe"},
        {"as": "zoe", "say": "Berlin"},
        {"as": "zoe", "say": "23:30"},
        {"as": "zoe", "say": "21:00"},
    ])
    assert "quiet hours" in out[3]["text"]
    assert "21:00" in out[4]["text"]


def test_forget_drops_messages_still_waiting_for_the_person(tmp_path):
    from bot.engine.actions import Address, SendMessage
    from bot.engine.personal_data import forget_person
    from bot.outbox import enqueue, pending
    from bot.runtime import Delivery
    from bot.store import MemoryStore

    store = MemoryStore()
    with store.transaction():
        store.put("people", "p_a", {"id": "p_a", "identities": []})
        enqueue(store, Delivery("telegram", "1", SendMessage(to=Address.person("p_a"), text="check-in time")))
        enqueue(store, Delivery("telegram", "2", SendMessage(to=Address.person("p_b"), text="check-in time")))
    with store.transaction():
        forget_person(store, "p_a")
    assert [e.delivery.chat_id for e in pending(store, "telegram")] == ["2"]


def test_a_blaming_sentence_typed_out_of_the_blue_goes_to_the_coach(run_script):
    out = run_script(onboard("kai") + [
        {"as": "kai", "say": "you always leave your dishes in the sink"},
        {"as": "kai", "say": "thanks for listening"},
    ])
    coached = out[-2]
    assert "want to say to" in coached["text"] and "one way to say it" in coached["text"]
    assert coached["buttons"] == ["That works", "Build it step by step", "Try another sentence"]


def test_a_neutral_message_out_of_the_blue_gets_the_menu_in_order(run_script):
    out = run_script(onboard("kai") + [{"as": "kai", "say": "hello again"}])
    assert out[-1]["buttons"][:2] == ["Check-in", "I-statement coach"]
