"""Schedules as data: the tables, the kinds of nudge, their wording, their slots.

Everything here is plain functions of store documents, so the engine's hooks
(bot/engine/steps/schedule.py) and the scheduler share one definition of
"when is this person's next check-in reminder".

Tables (all in the one store, the source of truth):
- `people` (owned by the engine): tz, checkin_time, checkin_days, nudges, onboarded.
- `nudge_state` (per person id): quiet hours, pause, snoozes, what was handled
  and sent per kind, today's count. Written in the same transaction as the
  outbox entry of a nudge, which makes deciding + enqueueing atomic and
  idempotent (a slot already handled is never decided again).
- `nudge_headsup` ("<person id>:<ns>"): partner heads-ups waiting for the end of
  quiet hours or a pause.
- `group_schedules` (per group chat id): a couple group's prompt schedule.
- `nudge_dirty` ("p:<person id>" / "g:<chat id>"): "re-plan this one soon",
  written by whoever changed a schedule, read by the scheduler each tick.
"""

from __future__ import annotations

import random
import zlib
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from bot.engine.actions import Address, Button, SendMessage
from bot.engine.personal_data import personal_table
from bot.scheduler.timecalc import hhmm, local_instant, quiet_release
from bot.store.protocol import Store

STATE = "nudge_state"
HEADSUP = "nudge_headsup"
GROUPS = "group_schedules"
DIRTY = "nudge_dirty"

personal_table(STATE, "exact")
personal_table(HEADSUP, "prefix")

ALL_DAYS = [0, 1, 2, 3, 4, 5, 6]  # Monday = 0
DAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

# kind -> (code used in nudge ids and button keys, local time, weekdays or None for the person's days)
CHECKIN, APPRECIATION, CONFIDENTIALITY = "checkin", "appreciation", "confidentiality"
REMINDER_KINDS = (CHECKIN, APPRECIATION, CONFIDENTIALITY)
CODES = {CHECKIN: "c", APPRECIATION: "a", CONFIDENTIALITY: "k"}
KIND_OF_CODE = {v: k for k, v in CODES.items()}
APPRECIATION_DAY, APPRECIATION_TIME = 6, "11:00"  # Sundays, late morning
CONFIDENTIALITY_DAY, CONFIDENTIALITY_TIME = 2, "12:30"  # every other Wednesday, lunchtime
CONFIDENTIALITY_MIN_DAYS = 13  # never two confidentiality reminders closer than this
HEADSUP_TTL_HOURS = 48.0
SNOOZE_VALID_DAYS = 1  # a nudge from before yesterday can no longer be snoozed


def mark_dirty(store: Store, key: str) -> None:
    """Inside a transaction: ask the scheduler to re-plan "p:<person>" or "g:<chat>" at its next tick."""
    store.put(DIRTY, key, {})


def reschedule(store: Store, person_id: str) -> None:
    """Inside a transaction: call after changing a person's tz, checkin_time, checkin_days or nudges."""
    mark_dirty(store, f"p:{person_id}")


def days_of(person: dict[str, Any]) -> list[int]:
    days = person.get("checkin_days")
    if not isinstance(days, list):
        return ALL_DAYS
    return sorted({int(d) for d in days if isinstance(d, int) and 0 <= d <= 6})


def quiet_of(state: dict[str, Any], default: tuple[str, str]) -> tuple[str, str]:
    quiet = state.get("quiet")
    if isinstance(quiet, list) and len(quiet) == 2:
        return (str(quiet[0]), str(quiet[1]))
    return default


def paused_until(state: dict[str, Any], now: float) -> float | None:
    until = state.get("paused_until")
    if isinstance(until, (int, float)) and until > now:
        return float(until)
    return None


def _fortnight_parity(person_id: str) -> int:
    return zlib.crc32(person_id.encode()) & 1


def kind_matches(kind: str, person_id: str, person: dict[str, Any], day: date) -> bool:
    weekday = day.weekday()
    if kind == CHECKIN:
        return weekday in days_of(person)
    if kind == APPRECIATION:
        return weekday == APPRECIATION_DAY
    if kind == CONFIDENTIALITY:
        return weekday == CONFIDENTIALITY_DAY and (day.toordinal() // 7 + _fortnight_parity(person_id)) % 2 == 0
    return False


def kind_time(kind: str, person: dict[str, Any]) -> str:
    if kind == CHECKIN:
        return str(person.get("checkin_time") or "20:00")
    return APPRECIATION_TIME if kind == APPRECIATION else CONFIDENTIALITY_TIME


@dataclass(frozen=True)
class Slot:
    kind: str
    day: date  # the local day it belongs to (its identity)
    at: float  # scheduled UTC timestamp
    fire: float  # when it may go out: `at`, or the end of quiet hours it falls in

    @property
    def nid(self) -> str:
        return f"{CODES.get(self.kind, 'x')}{self.day.strftime('%Y%m%d')}"


def first_slot(
    kind: str, person_id: str, person: dict[str, Any], not_before: float, handled: str | None,
    quiet: tuple[str, str] | None, from_day: date,
) -> Slot | None:
    """The first slot of `kind` firing at or after `not_before` on a local day after `handled`."""
    tz = person.get("tz")
    at_time = hhmm(kind_time(kind, person))
    for offset in range(-1, 16):
        day = from_day + timedelta(days=offset)
        if handled is not None and day.isoformat() <= handled:
            continue
        if not kind_matches(kind, person_id, person, day):
            continue
        at = local_instant(day, at_time, tz)
        fire = quiet_release(at, tz, quiet)
        if fire >= not_before:
            return Slot(kind, day, at, fire)
    return None


def parse_nid(nid: str) -> tuple[str, date] | None:
    kind = KIND_OF_CODE.get(nid[:1])
    try:
        day = date(int(nid[1:5]), int(nid[5:7]), int(nid[7:9]))
    except ValueError:
        return None
    if kind is None or len(nid) != 9:
        return None
    return kind, day


# --- wording -------------------------------------------------------------------

CHECKIN_TEXTS = [
    "Hi {name}, it's check-in time. How has today been for you?",
    "Hey {name}. A minute for yourself? Your daily check-in is ready whenever you are.",
    "{name}, how are you doing today? A short check-in helps you notice it.",
    "Evening, {name}... or whenever this finds you: how's your day been? Let's check in.",
]
APPRECIATION_TEXTS = [
    "A small weekly idea, {name}: tell {partner} one specific thing they did this week that you appreciated.",
    "{name}, what did {partner} do this week that made things a little easier? Telling them is a lovely gift.",
    "This week's nudge: think of one moment with {partner} you were grateful for, and say so. Specific beats big.",
]
# Confidentiality reminders rotate, so the same words don't come back for a long while.
CONFIDENTIALITY_TEXTS = [
    "A gentle reminder, {name}: what {partner} tells you in trust is theirs to share. If you need to talk it over with someone, /confide helps you check first.",
    "Having each other's back includes keeping each other's confidences. Before you vent to a friend about {partner}, /confide can help you think it through.",
    "{name}, a quiet thought for today: would {partner} be comfortable hearing exactly how you describe them to others? /confide is here if you're unsure.",
    "Friends and family mean well, but some things belong to the two of you. /confide helps you decide what to share, and with whom.",
    "When something {partner} said stays with you, a counsellor can be a safe place for it, and so can a check-in with me (/checkin).",
    "A small promise worth keeping: private things stay private, unless you both agree. /confide helps when you're not sure.",
]
SNOOZED_PREFIX = ["As you asked, here it is again.", "Back as promised.", "Here's the reminder you snoozed."]
GROUP_FALLBACK = "Time for your couple prompt!"


def pick(texts: list[str], seed: str) -> int:
    return random.Random(seed).randrange(len(texts))


def snooze_buttons(nid: str) -> tuple[Button, ...]:
    return (
        Button(label="In an hour", key=f"z:{nid}:h"),
        Button(label="Tonight", key=f"z:{nid}:t"),
        Button(label="Tomorrow", key=f"z:{nid}:m"),
    )


def nudge_message(
    kind: str, person_id: str, person: dict[str, Any], nid: str, state: dict[str, Any], snoozed: bool = False,
) -> SendMessage:
    fill = {"name": person.get("name") or "there", "partner": person.get("partner_name") or "your partner"}
    if kind == CONFIDENTIALITY:
        seen = [int(i) for i in state.get("conf_seen", []) if isinstance(i, int)]
        fresh = [i for i in range(len(CONFIDENTIALITY_TEXTS)) if i not in seen]
        if not fresh:  # every wording used once: start a new round, never repeating the last one
            fresh = [i for i in range(len(CONFIDENTIALITY_TEXTS)) if i not in seen[-1:]]
            seen = []
        index = fresh[pick(fresh, person_id + nid)]
        if not snoozed:
            state["conf_seen"] = [*seen, index]
        text = CONFIDENTIALITY_TEXTS[index]
    elif kind == APPRECIATION:
        text = APPRECIATION_TEXTS[pick(APPRECIATION_TEXTS, person_id + nid)]
    else:
        text = CHECKIN_TEXTS[pick(CHECKIN_TEXTS, person_id + nid)]
    text = text.format(**fill)
    if snoozed:
        text = SNOOZED_PREFIX[pick(SNOOZED_PREFIX, nid)] + " " + text
    buttons = snooze_buttons(nid)
    if kind == CHECKIN:
        buttons = (Button(label="Check in now", key="m:checkin"), *buttons)
    return SendMessage(to=Address.person(person_id), text=text, buttons=buttons)


__all__ = [
    "STATE", "HEADSUP", "GROUPS", "DIRTY", "REMINDER_KINDS", "Slot", "first_slot", "mark_dirty", "reschedule",
    "nudge_message", "parse_nid", "quiet_of", "paused_until", "days_of", "local_instant",
]
