"""Understand the ways people type a time zone or a time of day."""

from __future__ import annotations

import re
from datetime import timedelta, timezone, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

# Cities people often name that are not themselves zone names.
CITY_ALIASES = {
    "san francisco": "America/Los_Angeles", "sf": "America/Los_Angeles", "la": "America/Los_Angeles",
    "seattle": "America/Los_Angeles", "washington": "America/New_York", "boston": "America/New_York",
    "miami": "America/New_York", "atlanta": "America/New_York", "nyc": "America/New_York",
    "houston": "America/Chicago", "dallas": "America/Chicago", "austin": "America/Chicago",
    "munich": "Europe/Berlin", "munchen": "Europe/Berlin", "hamburg": "Europe/Berlin", "frankfurt": "Europe/Berlin",
    "cologne": "Europe/Berlin", "koln": "Europe/Berlin", "milan": "Europe/Rome", "barcelona": "Europe/Madrid",
    "mumbai": "Asia/Kolkata", "delhi": "Asia/Kolkata", "new delhi": "Asia/Kolkata", "bangalore": "Asia/Kolkata",
    "bengaluru": "Asia/Kolkata", "chennai": "Asia/Kolkata", "hyderabad": "Asia/Kolkata", "beijing": "Asia/Shanghai",
    "canberra": "Australia/Sydney", "edinburgh": "Europe/London", "manchester": "Europe/London",
    "montreal": "America/Toronto", "rio": "America/Sao_Paulo", "rio de janeiro": "America/Sao_Paulo",
    "cape town": "Africa/Johannesburg", "osaka": "Asia/Tokyo", "kyoto": "Asia/Tokyo", "zurich": "Europe/Zurich",
    "geneva": "Europe/Zurich", "utc": "UTC", "gmt": "UTC", "z": "UTC",
}

_OFFSET = re.compile(r"^(?:utc|gmt)?\s*([+-−])\s*(\d{1,2})(?:[:.h]?(\d{2}))?$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _zone_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for name in sorted(available_timezones()):
        if name.startswith(("Etc/", "SystemV/")) or "/" not in name and name != "UTC":
            continue
        index.setdefault(name.casefold(), name)
        city = name.rsplit("/", 1)[-1].replace("_", " ").casefold()
        index.setdefault(city, name)
    return index


def parse_timezone(text: str) -> str | None:
    """An IANA name, a city or an offset -> a zone string we store, or None."""
    raw = " ".join(text.strip().split())[:64]
    if not raw:
        return None
    match = _OFFSET.match(raw)
    if match:
        sign = -1 if match.group(1) in "-−" else 1
        hours, minutes = int(match.group(2)), int(match.group(3) or 0)
        if hours > 14 or minutes not in (0, 15, 30, 45):
            return None
        if hours == 0 and minutes == 0:
            return "UTC"
        return f"UTC{'+' if sign > 0 else '-'}{hours:02d}:{minutes:02d}"
    key = raw.casefold().replace("_", " ")
    if key in CITY_ALIASES:
        return CITY_ALIASES[key]
    index = _zone_index()
    return index.get(raw.casefold()) or index.get(key) or index.get(key.split(",")[0].strip())


def zone_of(name: str | None) -> tzinfo:
    """The tzinfo for a stored zone string; UTC when missing or unknown."""
    if not name:
        return timezone.utc
    match = re.fullmatch(r"UTC([+-])(\d{2}):(\d{2})", name)
    if match:
        sign = 1 if match.group(1) == "+" else -1
        return timezone(sign * timedelta(hours=int(match.group(2)), minutes=int(match.group(3))), name)
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return timezone.utc


_TIME = re.compile(r"^(\d{1,2})(?:\s*[:.h]\s*(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.|h)?$", re.IGNORECASE)
_WORDS = {"morning": "08:00", "noon": "12:00", "midday": "12:00", "lunch": "12:30", "afternoon": "15:00",
          "evening": "20:00", "night": "21:00", "tonight": "20:00", "midnight": "00:00"}


def parse_clock(text: str) -> str | None:
    """'8pm', '20:00', '8.30', 'evening' -> 'HH:MM'; None when it isn't a real time."""
    raw = text.strip().casefold()
    if raw in _WORDS:
        return _WORDS[raw]
    match = _TIME.match(raw)
    if not match:
        return None
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    suffix = (match.group(3) or "").replace(".", "")
    if suffix in ("am", "pm"):
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if suffix == "pm" else 0)
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"
