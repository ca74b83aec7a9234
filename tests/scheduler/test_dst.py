"""Daylight saving: a daily 08:30 nudge fires exactly once each local day, at 08:30, across every change."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from bot.scheduler.timecalc import local_dt, local_instant
from tests.scheduler.conftest import Harness, add_person, kind_of, utc

ZONES = ["Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Kolkata"]


def transitions(zone: str, year: int) -> list[date]:
    tz = ZoneInfo(zone)
    out, day = [], date(year, 1, 1)
    while day.year == year:
        a = datetime.combine(day, time(0), tz).utcoffset()
        b = datetime.combine(day + timedelta(days=1), time(0), tz).utcoffset()
        if a != b:
            out.append(day)
        day += timedelta(days=1)
    return out


def test_the_pinned_zones_have_the_expected_changes():
    assert transitions("Europe/Berlin", 2026) == [date(2026, 3, 29), date(2026, 10, 25)]
    assert transitions("America/New_York", 2026) == [date(2026, 3, 8), date(2026, 11, 1)]
    assert transitions("Australia/Sydney", 2026) == [date(2026, 4, 5), date(2026, 10, 4)]
    assert transitions("Asia/Kolkata", 2026) == []


@pytest.mark.parametrize("zone", ZONES)
def test_daily_0830_once_per_local_day_for_a_year(zone):
    h = Harness()
    add_person(h.store, "ana", tz=zone, checkin_time="08:30")
    sent = h.run(utc(2026, 1, 1), utc(2027, 1, 1))
    checkins = [(at, d) for at, d in sent if kind_of(d) == "checkin"]
    days = Counter(local_dt(at, zone).date() for at, _ in checkins)
    assert all(n == 1 for n in days.values())
    assert len(days) >= 364
    assert {local_dt(at, zone).strftime("%H:%M") for at, _ in checkins} == {"08:30"}


@pytest.mark.parametrize("zone", ZONES)
def test_minute_ticks_around_each_change(zone):
    """The production path: a tick every minute (here every 5) for three days around each change."""
    for change in transitions(zone, 2026) or [date(2026, 3, 29)]:
        h = Harness()
        add_person(h.store, "ana", tz=zone, checkin_time="08:30")
        start = datetime.combine(change - timedelta(days=1), time(0), timezone.utc).timestamp()
        sent = h.run(start, start + 3 * 86400, step=300)
        start_day = change - timedelta(days=1)
        checkins = [local_dt(at, zone) for at, d in sent if kind_of(d) == "checkin"]
        expected = {
            start_day + timedelta(days=i) for i in range(-1, 5)
            if start < local_instant(start_day + timedelta(days=i), time(8, 30), zone) <= start + 3 * 86400
        }
        assert sorted(c.date() for c in checkins) == sorted(expected)
        assert all(c.strftime("%H:%M") == "08:30" for c in checkins)


def test_nonexistent_time_fires_at_the_next_valid_instant_and_repeated_time_at_the_first():
    berlin = local_instant(date(2026, 3, 29), time(2, 30), "Europe/Berlin")  # clocks jump 02:00 -> 03:00
    assert datetime.fromtimestamp(berlin, timezone.utc) == datetime(2026, 3, 29, 1, 0, tzinfo=timezone.utc)
    assert local_dt(berlin, "Europe/Berlin").strftime("%H:%M") == "03:00"
    sydney = local_instant(date(2026, 10, 4), time(2, 30), "Australia/Sydney")
    assert local_dt(sydney, "Australia/Sydney").strftime("%H:%M %Z") == "03:00 AEDT"
    repeated = local_instant(date(2026, 11, 1), time(1, 30), "America/New_York")  # 01:30 happens twice
    assert datetime.fromtimestamp(repeated, timezone.utc) == datetime(2026, 11, 1, 5, 30, tzinfo=timezone.utc)  # EDT
    back = local_instant(date(2026, 10, 25), time(2, 30), "Europe/Berlin")
    assert datetime.fromtimestamp(back, timezone.utc) == datetime(2026, 10, 25, 0, 30, tzinfo=timezone.utc)  # CEST


@pytest.mark.parametrize("zone,days", [("Europe/Berlin", ["2026-03-29", "2026-10-25"]), ("America/New_York", ["2026-03-08", "2026-11-01"])])
def test_a_0230_nudge_on_change_nights_fires_once(zone, days):
    h = Harness()
    add_person(h.store, "ana", tz=zone, checkin_time="02:30", quiet=["00:00", "00:00"])  # no quiet hours
    for day in days:
        d = date.fromisoformat(day)
        start = datetime.combine(d - timedelta(days=1), time(12), timezone.utc).timestamp()
        sent = [(at, x) for at, x in h.run(start, start + 2 * 86400, step=60) if kind_of(x) == "checkin"]
        local_days = [local_dt(at, zone).date() for at, _ in sent]
        assert local_days.count(d) == 1, (day, [local_dt(at, zone) for at, _ in sent])
        assert len(local_days) == len(set(local_days))
