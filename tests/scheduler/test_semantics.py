"""Grace after downtime, no duplicates, the daily cap, quiet hours, pause, heads-ups and group prompts."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timezone

from bot.config import Settings
from bot.engine.actions import Address, SendMessage
from bot.engine.confidentiality import create_share
from bot.scheduler import core as core_mod
from bot.scheduler import queue_heads_up, set_group_schedule
from bot.scheduler.timecalc import local_dt
from tests.scheduler.conftest import Harness, add_person, kind_of, utc

BERLIN = "Europe/Berlin"  # UTC+1 in January


def checkins(sent):
    return [(at, d) for at, d in sent if kind_of(d) == "checkin"]


def test_missed_by_less_than_grace_is_sent_once_after_downtime(harness):
    add_person(harness.store, "ana", checkin_time="08:30")
    # Down from 07:00 to 09:00 local (08:30 missed by 30 min): sent once at start.
    sent = harness.run(utc(2026, 1, 6, 8, 0), utc(2026, 1, 6, 8, 0))
    assert len(checkins(sent)) == 1
    # A second restart shortly after does not send it again.
    again = Harness(harness.store)
    assert checkins(again.run(utc(2026, 1, 6, 8, 10), utc(2026, 1, 6, 8, 10))) == []


def test_missed_by_more_than_grace_is_skipped_not_flooded(harness):
    add_person(harness.store, "ana", checkin_time="08:30")
    # Three days down, back at 10:00 local: nothing for the missed days, next one tomorrow 08:30.
    sent = harness.run(utc(2026, 1, 9, 9, 0), utc(2026, 1, 10, 12, 0))
    assert [local_dt(at, BERLIN).strftime("%d %H:%M") for at, _ in checkins(sent)] == ["10 08:30"]


def test_grace_is_configurable():
    h = Harness(settings=Settings(grace_minutes=10))
    add_person(h.store, "ana", checkin_time="08:30")
    assert checkins(h.run(utc(2026, 1, 6, 7, 50), utc(2026, 1, 6, 7, 50))) == []  # missed by 20 min


def test_ticking_twice_and_two_scheduler_lifetimes_never_duplicate(harness):
    add_person(harness.store, "ana", checkin_time="08:30")
    t = utc(2026, 1, 6, 7, 30)
    harness.run(t, t)
    harness.core.tick(t)
    harness.core.tick(t + 30)
    Harness(harness.store).run(t + 60, t + 600, step=60)
    assert len(checkins(harness.sent)) == 1


def test_changing_time_zone_westwards_does_not_repeat_the_day():
    h = Harness()
    pid = add_person(h.store, "ana", checkin_time="08:30")
    h.run(utc(2026, 1, 6, 7, 0), utc(2026, 1, 6, 8, 0))  # sent at 08:30 Berlin
    with h.store.transaction():
        person = h.store.get("people", pid)
        person["tz"] = "America/New_York"  # 08:30 there is 14:30 Berlin the same day
        h.store.put("people", pid, person)
        h.store.put("nudge_dirty", f"p:{pid}", {})
    sent = Harness(h.store).run(utc(2026, 1, 6, 8, 0), utc(2026, 1, 7, 18, 0), step=60)
    days = [local_dt(at, "America/New_York").date().isoformat() for at, _ in checkins(h.sent + sent)]
    assert Counter(days).most_common(1)[0][1] == 1


def test_at_most_n_reminders_per_day():
    h = Harness(settings=Settings(max_nudges_per_day=1))
    pid = add_person(h.store, "ana", checkin_time="20:00")
    sent = h.run(utc(2026, 1, 11, 0, 0), utc(2026, 1, 12, 0, 0))  # Sunday: appreciation 11:00, check-in 20:00
    assert [kind_of(d) for _, d in sent] == ["appreciation"]
    assert any("daily limit" in line for line in h.store.get("nudge_state", pid)["log"])


def test_default_cap_of_two_over_a_month():
    h = Harness()
    add_person(h.store, "ana", checkin_time="20:00")
    sent = h.run(utc(2026, 1, 1), utc(2026, 2, 1))
    per_day = Counter(local_dt(at, BERLIN).date() for at, _ in sent)
    assert max(per_day.values()) <= 2
    kinds = Counter(kind_of(d) for _, d in sent)
    assert kinds["appreciation"] == 4 and 2 <= kinds["confidentiality"] <= 3


def test_confidentiality_reminders_use_fresh_wordings():
    h = Harness()
    add_person(h.store, "ana", checkin_time="20:00")
    sent = h.run(utc(2026, 1, 1), utc(2026, 5, 1))
    texts = [d.action.text for _, d in sent if kind_of(d) == "confidentiality"]
    at = [at for at, d in sent if kind_of(d) == "confidentiality"]
    assert len(texts) >= 8 and all(b - a >= 13 * 86400 for a, b in zip(at, at[1:]))
    assert len(set(texts[:6])) == 6  # six wordings: no repeat until each was used
    assert all(a != b for a, b in zip(texts, texts[1:]))


def test_quiet_hours_hold_a_late_reminder_until_morning():
    h = Harness()
    add_person(h.store, "ana", checkin_time="23:00")  # chosen in onboarding, inside default quiet hours
    sent = h.run(utc(2026, 1, 6, 12), utc(2026, 1, 8, 12))
    times = [local_dt(at, BERLIN).strftime("%d %H:%M") for at, _ in checkins(sent)]
    assert times == ["07 08:00", "08 08:00"]


def test_custom_quiet_hours(harness):
    add_person(harness.store, "ana", checkin_time="20:00", quiet=["19:00", "09:30"])
    sent = harness.run(utc(2026, 1, 6, 12), utc(2026, 1, 7, 12))
    assert [local_dt(at, BERLIN).strftime("%d %H:%M") for at, _ in checkins(sent)] == ["07 09:30"]


def test_pause_skips_and_resume_does_not_flood(harness):
    pid = add_person(harness.store, "ana", checkin_time="08:30", state={"paused_until": utc(2026, 1, 9, 12)})
    sent = harness.run(utc(2026, 1, 6), utc(2026, 1, 11, 12))
    days = [local_dt(at, BERLIN).day for at, _ in checkins(sent)]
    assert days == [10, 11]
    assert sum("paused" in line for line in harness.store.get("nudge_state", pid)["log"]) >= 3


def test_already_checked_in_today_skips_the_reminder(harness):
    pid = add_person(harness.store, "ana", checkin_time="20:00")
    with harness.store.transaction():
        harness.store.put("checkins", f"{pid}:20260106T100000000000", {"scale": 4})
    sent = harness.run(utc(2026, 1, 6, 12), utc(2026, 1, 7, 12))
    assert checkins(sent) == []


def test_heads_up_waits_for_quiet_hours_to_end_and_respects_consent():
    h = Harness()
    bob = add_person(h.store, "bob", checkin_time="20:00")
    alice = add_person(h.store, "alice", checkin_time="20:00")
    h.run(utc(2026, 1, 6, 21, 0), utc(2026, 1, 6, 21, 0))
    text = "Alice had a hard day and would love a hug."
    now = datetime(2026, 1, 6, 22, 30, tzinfo=timezone.utc)  # 23:30 in Berlin: quiet
    with h.store.transaction():
        create_share(h.store, share_id=f"{alice}:s1", owner=alice, audience=Address.person(bob), text=text, item={}, now=now)
        ok = queue_heads_up(h.store, bob, SendMessage(to=Address.person(bob), text=text, share_id=f"{alice}:s1"), now)
        again = queue_heads_up(h.store, bob, SendMessage(to=Address.person(bob), text=text, share_id=f"{alice}:s1"), now)
        refused = queue_heads_up(h.store, bob, SendMessage(to=Address.person(bob), text="Alice said: secret"), now, on_behalf_of=alice)
    assert ok and ok == again and refused is None
    sent = h.run(now.timestamp(), utc(2026, 1, 7, 12))
    ups = [(at, d) for at, d in sent if d.action.share_id]
    assert len(ups) == 1 and ups[0][1].action.text == text
    assert local_dt(ups[0][0], BERLIN).strftime("%H:%M") == "08:00"


def test_group_prompts_use_the_registered_sender(harness, monkeypatch):
    calls = []

    def sender(store, chat_id, schedule, now):
        calls.append((chat_id, now))
        return [SendMessage(to=Address.group(chat_id), text="What made you smile this week?", notice="group_prompt")]

    monkeypatch.setattr(core_mod, "GROUP_PROMPT_SENDERS", [sender])
    with harness.store.transaction():
        set_group_schedule(harness.store, "console:group:home", couple="c1", cadence="weekly", weekday=4,
                           time="19:00", tz="Asia/Kolkata", now=datetime(2026, 1, 1, tzinfo=timezone.utc))
    harness.run(utc(2026, 1, 1), utc(2026, 1, 31))
    assert [local_dt(now.timestamp(), "Asia/Kolkata").strftime("%a %H:%M") for _, now in calls] == ["Fri 19:00"] * 5
    assert harness.store.keys("outbox") == []  # console group deliveries drained
