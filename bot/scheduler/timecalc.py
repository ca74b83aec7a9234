"""Local wall-clock times <-> UTC instants, the way nudges need them.

Rules (pinned by tests/scheduler/test_dst.py):
- a local time that happens twice (clocks go back) means its FIRST occurrence;
- a local time that does not exist (clocks go forward) means the next valid
  instant, i.e. the moment the clocks jumped (02:30 on a spring-forward night
  in Berlin fires at 03:00 CEST).
Instants are plain float UTC timestamps: cheap to store, sort and compare.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone, tzinfo
from functools import lru_cache

from bot.engine.timeparse import zone_of

UTC = timezone.utc


@lru_cache(maxsize=4096)
def zone(name: str | None) -> tzinfo:
    return zone_of(name)


@lru_cache(maxsize=4096)
def hhmm(text: str | None, default: str = "20:00") -> time:
    try:
        hour, minute = (int(p) for p in str(text).split(":", 1))
        return time(hour, minute)
    except (TypeError, ValueError):
        hour, minute = (int(p) for p in default.split(":", 1))
        return time(hour, minute)


def _exists(naive: datetime, tz: tzinfo) -> datetime | None:
    aware = naive.replace(tzinfo=tz, fold=0)
    utc = aware.astimezone(UTC)
    if utc.astimezone(tz).replace(tzinfo=None) == naive:
        return utc
    return None


@lru_cache(maxsize=262144)
def local_instant(day: date, at: time, tz_name: str | None) -> float:
    """The UTC timestamp of local `at` on local `day` in zone `tz_name`."""
    tz = zone(tz_name)
    naive = datetime.combine(day, at)
    utc = _exists(naive, tz)
    if utc is not None:
        return utc.timestamp()
    probe = naive.replace(second=0, microsecond=0)
    for _ in range(36 * 60):  # gaps are at most a few hours; find the first valid minute after it
        probe += timedelta(minutes=1)
        utc = _exists(probe, tz)
        if utc is not None:
            return utc.timestamp()
    return naive.replace(tzinfo=tz).timestamp()  # pragma: no cover - no zone has such a gap


def local_dt(ts: float, tz_name: str | None) -> datetime:
    return datetime.fromtimestamp(ts, zone(tz_name))


def local_date(ts: float, tz_name: str | None) -> date:
    return local_dt(ts, tz_name).date()


def in_window(t: time, start: time, end: time) -> bool:
    """Is local time `t` inside [start, end), a window that may wrap midnight?"""
    if start == end:
        return False
    if start < end:
        return start <= t < end
    return t >= start or t < end


def quiet_release(ts: float, tz_name: str | None, quiet: tuple[str, str] | None) -> float:
    """`ts`, or the end of the quiet hours it falls in."""
    if not quiet:
        return ts
    start, end = hhmm(quiet[0], "22:00"), hhmm(quiet[1], "08:00")
    local = local_dt(ts, tz_name)
    t = local.time().replace(tzinfo=None)
    if not in_window(t, start, end):
        return ts
    day = local.date()
    if start < end or t >= start:  # the window ends later today (no wrap) or tomorrow (wrapped, evening part)
        day = day if start < end else day + timedelta(days=1)
    return max(ts, local_instant(day, end, tz_name))


def fmt_local(ts: float, tz_name: str | None, now: float | None = None) -> str:
    """'21:05', 'tomorrow at 08:00' or 'Tue 3 Mar at 20:00', in the person's zone."""
    local = local_dt(ts, tz_name)
    clock = local.strftime("%H:%M")
    if now is None:
        return clock
    today = local_date(now, tz_name)
    if local.date() == today:
        return f"at {clock}"
    if local.date() == today + timedelta(days=1):
        return f"tomorrow at {clock}"
    return f"on {local.strftime('%a')} {local.day} {local.strftime('%b')} at {clock}"
