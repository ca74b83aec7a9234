"""Reminder controls: the /settings dialog's hooks, /pause, /resume and the snooze buttons on nudges.

Schedules live in the store (see bot/scheduler/model.py); every change here is
written in the person's turn and marks them for re-planning, so the scheduler
picks it up at its next tick."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any

from bot.engine.actions import Action, Address, SendMessage
from bot.engine.context import TurnContext
from bot.engine.couples import HEADS_UP_SINK
from bot.engine.hooks import HookResult, hook
from bot.engine.registry import button_family, command
from bot.engine.timeparse import parse_clock, parse_timezone
from bot.store.protocol import Store
from bot.scheduler import model as m
from bot.scheduler import queue_heads_up
from bot.scheduler.timecalc import fmt_local, hhmm, in_window, local_date, local_dt, local_instant, quiet_release

MAX_PAUSE_DAYS = 365
DEFAULT_PAUSE_DAYS = 7
TONIGHT = "20:00"

_DAY_WORDS = {
    "mon": 0, "monday": 0, "mondays": 0, "tue": 1, "tues": 1, "tuesday": 1, "tuesdays": 1,
    "wed": 2, "weds": 2, "wednesday": 2, "wednesdays": 2, "thu": 3, "thur": 3, "thurs": 3, "thursday": 3,
    "thursdays": 3, "fri": 4, "friday": 4, "fridays": 4, "sat": 5, "saturday": 5, "saturdays": 5,
    "sun": 6, "sunday": 6, "sundays": 6,
}
_DAY_SETS = {
    "every day": m.ALL_DAYS, "everyday": m.ALL_DAYS, "daily": m.ALL_DAYS, "all": m.ALL_DAYS, "all days": m.ALL_DAYS,
    "weekdays": [0, 1, 2, 3, 4], "workdays": [0, 1, 2, 3, 4], "weekends": [5, 6], "weekend": [5, 6],
}


def _reply(ctx: TurnContext, text: str) -> list[Action]:
    return [SendMessage(to=Address.person(ctx.person_id), text=text)]


def _state(ctx: TurnContext) -> dict[str, Any]:
    return ctx.store.get(m.STATE, ctx.person_id) or {}


def _save_state(ctx: TurnContext, state: dict[str, Any], replan: bool = True) -> None:
    ctx.store.put(m.STATE, ctx.person_id, state)
    if replan:
        m.reschedule(ctx.store, ctx.person_id)


def _quiet(ctx: TurnContext, state: dict[str, Any]) -> tuple[str, str]:
    return m.quiet_of(state, (ctx.settings.quiet_start, ctx.settings.quiet_end))


def _in_quiet(clock: str, quiet: tuple[str, str]) -> bool:
    return in_window(hhmm(clock), hhmm(quiet[0], "22:00"), hhmm(quiet[1], "08:00"))


def parse_days(text: str) -> list[int] | None:
    raw = " ".join(str(text).casefold().replace("&", " and ").split()).strip(" .!")
    if raw in _DAY_SETS:
        return list(_DAY_SETS[raw])
    words = [w for w in re.split(r"[,/;\s]+|\band\b", raw) if w]
    days: set[int] = set()
    for word in words:
        if word in _DAY_WORDS:
            days.add(_DAY_WORDS[word])
        elif "-" in word and all(p in _DAY_WORDS for p in word.split("-", 1)):  # mon-fri
            a, b = (_DAY_WORDS[p] for p in word.split("-", 1))
            days.update(range(a, b + 1) if a <= b else [*range(a, 7), *range(0, b + 1)])
        else:
            return None
    return sorted(days) or None


def describe_days(days: list[int]) -> str:
    if days == m.ALL_DAYS:
        return "every day"
    if days == [0, 1, 2, 3, 4]:
        return "on weekdays"
    if days == [5, 6]:
        return "at weekends"
    return "on " + ", ".join(m.DAY_NAMES[d] for d in days)


def next_checkin_text(ctx: TurnContext, state: dict[str, Any]) -> str:
    person = ctx.person
    if not person.get("nudges"):
        return "Reminders are off."
    now = ctx.clock.now().timestamp()
    start = max(now, m.paused_until(state, now) or now)
    slot = m.first_slot(
        m.CHECKIN, ctx.person_id, person, start, None, _quiet(ctx, state), local_date(start, person.get("tz")),
    )
    if slot is None:
        return "No check-in reminder is coming up."
    return f"The next check-in reminder comes {fmt_local(slot.fire, person.get('tz'), now)}."


# --- /settings --------------------------------------------------------------------


@hook("settings_summary", sets=("settings_summary",))
def settings_summary(ctx: TurnContext) -> HookResult:
    person, state = ctx.person, _state(ctx)
    now = ctx.clock.now().timestamp()
    tz = person.get("tz") or "UTC"
    quiet = _quiet(ctx, state)
    lines = [
        f"• Check-in reminder: {person.get('checkin_time') or '20:00'}, {describe_days(m.days_of(person))}",
        f"• Time zone: {tz} (it's {local_dt(now, tz).strftime('%H:%M')} there now)",
        "• Quiet hours: " + ("none" if quiet[0] == quiet[1] else f"{quiet[0]}–{quiet[1]}"),
        "• Reminders: " + ("on" if person.get("nudges") else "off"),
    ]
    until = m.paused_until(state, now)
    if until:
        lines.append(f"• Paused until {fmt_local(until, tz, now).removeprefix('on ').removeprefix('at ')} (/resume ends it)")
    return HookResult(vars={"settings_summary": "\n".join(lines)})


@hook("settings_time")
def settings_time(ctx: TurnContext) -> HookResult:
    text = str(ctx.answer).strip()
    when = parse_clock(text)
    if when is None:
        return HookResult(error=f"I couldn't read “{text[:20]}” as a time of day. Something like 20:00, 8pm or 7:30 works.")
    quiet = _quiet(ctx, _state(ctx))
    if _in_quiet(when, quiet):
        return HookResult(error=(
            f"{when} is inside your quiet hours ({quiet[0]}–{quiet[1]}), when I stay silent. "
            "Pick a time outside them (quiet hours can be changed in /settings)."
        ))
    return HookResult(value=when)


@hook("settings_days")
def settings_days(ctx: TurnContext) -> HookResult:
    days = parse_days(str(ctx.answer))
    if days is None:
        return HookResult(error=(
            "I didn't recognise those days. Try “weekdays”, “every day” or a list like “Mon, Wed, Fri”. "
            "(For no reminders at all, choose “Reminders on or off”.)"
        ))
    return HookResult(value=days)


@hook("settings_quiet")
def settings_quiet(ctx: TurnContext) -> HookResult:
    text = str(ctx.answer).strip().casefold()
    if text in ("none", "off", "no", "no quiet hours"):
        return HookResult(value=["00:00", "00:00"])
    parts = [p.strip() for p in re.split(r"\s*(?:-|–|—|\bto\b|\buntil\b|\btill\b)\s*", text) if p.strip()]
    clocks = [parse_clock(p) for p in parts]
    if len(clocks) != 2 or None in clocks:
        return HookResult(error="Tell me a start and an end, like “22:00-08:00” or “11pm to 7am” (or “none”).")
    start, end = clocks
    assert start is not None and end is not None
    if start == end:
        return HookResult(error="The start and end are the same. For no quiet hours at all, say “none”.")
    checkin = str(ctx.person.get("checkin_time") or "20:00")
    if _in_quiet(checkin, (start, end)):
        return HookResult(error=(
            f"Your check-in reminder ({checkin}) would fall inside {start}–{end}. "
            "Choose quiet hours around it, or move the reminder time first."
        ))
    return HookResult(value=[start, end])


@hook("settings_apply", sets=("settings_note",))
def settings_apply(ctx: TurnContext) -> HookResult:
    person, state = ctx.person, _state(ctx)
    notes = []
    if "new_time" in ctx.vars:
        when = parse_clock(str(ctx.vars.pop("new_time")))
        if when:
            person["checkin_time"] = when
            notes.append(f"Your check-in reminder now comes at {when}.")
    if "new_days" in ctx.vars:
        value = ctx.vars.pop("new_days")
        days = value if isinstance(value, list) else parse_days(str(value))
        if days:
            person["checkin_days"] = days
            notes.append(f"Reminders {describe_days(days)}.")
    if "new_tz" in ctx.vars:
        zone = parse_timezone(str(ctx.vars.pop("new_tz")))
        if zone:
            person["tz"] = zone
            notes.append(f"Time zone set to {zone}.")
    if "new_quiet" in ctx.vars:
        quiet = ctx.vars.pop("new_quiet")
        if isinstance(quiet, list) and len(quiet) == 2:
            state["quiet"] = quiet
            notes.append("No quiet hours." if quiet[0] == quiet[1] else f"Quiet hours: {quiet[0]}–{quiet[1]}.")
    if "new_onoff" in ctx.vars:
        on = str(ctx.vars.pop("new_onoff")) == "on"
        person["nudges"] = on
        notes.append("Reminders are on." if on else "Reminders are off. I'll stay quiet until you turn them back on.")
    # A changed schedule starts now: earlier slots of today don't count as missed.
    state["since"] = ctx.clock.now().timestamp()
    _save_state(ctx, state)
    notes.append(next_checkin_text(ctx, state))
    return HookResult(vars={"settings_note": "Saved. " + " ".join(notes)})


# --- /pause and /resume -------------------------------------------------------------------


@command("pause", "pause reminders for some days (/pause 7)")
def pause(ctx: TurnContext, args: str) -> list[Action]:
    text = args.strip() or str(DEFAULT_PAUSE_DAYS)
    match = re.fullmatch(r"([+-−]?\d{1,9})\s*(?:d|days?)?", text.casefold())
    if not match:
        return _reply(ctx, "I can pause reminders for a number of days, like /pause 3 or /pause 14.")
    days = int(match.group(1).replace("−", "-"))
    if days < 1:
        return _reply(ctx, (
            f"I can't pause for {days} days, I'm afraid. A pause is at least one day: "
            "try /pause 1, or /pause 7 for a week."
        ))
    if days > MAX_PAUSE_DAYS:
        return _reply(ctx, (
            f"That's longer than I can hold a pause (up to {MAX_PAUSE_DAYS} days). "
            "Try /pause 30, or turn reminders off altogether in /settings."
        ))
    state = _state(ctx)
    now = ctx.clock.now()
    until = now + timedelta(days=days)
    state["paused_until"] = until.timestamp()
    state["snoozes"] = []
    _save_state(ctx, state)
    tz = ctx.person.get("tz")
    return _reply(ctx, (
        f"Paused. No reminders until {fmt_local(until.timestamp(), tz, now.timestamp()).removeprefix('on ')}. "
        "I won't save up the ones in between. /resume brings them back any time."
    ))


@command("resume", "turn paused reminders back on")
def resume(ctx: TurnContext, args: str) -> list[Action]:
    state = _state(ctx)
    now = ctx.clock.now().timestamp()
    if not m.paused_until(state, now):
        return _reply(ctx, "Reminders aren't paused. " + next_checkin_text(ctx, state))
    state.pop("paused_until", None)
    state["since"] = now  # nothing missed during the pause is sent now
    _save_state(ctx, state)
    return _reply(ctx, "Welcome back! Reminders are on again. " + next_checkin_text(ctx, state))


# --- snooze buttons on nudges ----------------------------------------------------


@button_family("z")
def snooze(ctx: TurnContext, rest: str) -> list[Action]:
    if ctx.event.chat.kind != "dm":
        return []
    nid, _, option = rest.partition(":")
    parsed = m.parse_nid(nid)
    if parsed is None or option not in ("h", "t", "m"):
        return _reply(ctx, "That button is from an older version of me, so it does nothing now.")
    kind, day = parsed
    person, state = ctx.person, _state(ctx)
    tz = person.get("tz")
    now = ctx.clock.now().timestamp()
    today = local_date(now, tz)
    quiet = _quiet(ctx, state)
    if (today - day).days > m.SNOOZE_VALID_DAYS or state.get("sent_nid", {}).get(kind) != nid:
        return _reply(ctx, (
            "That reminder is from a while back, so I've let it be. " + next_checkin_text(ctx, state)
        ))
    if m.paused_until(state, now):
        return _reply(ctx, "Reminders are paused, so there's nothing to snooze. /resume brings them back.")
    note = ""
    if option == "h":
        at = now + 3600
    elif option == "t":
        at = max(local_instant(today, hhmm(TONIGHT), tz), now + 3600)
        if _in_quiet(local_dt(at, tz).strftime("%H:%M"), quiet) or local_date(at, tz) != today:
            at = local_instant(today + timedelta(days=1), hhmm(m.kind_time(kind, person)), tz)
            note = "It's getting late, so I'll make it tomorrow instead. "
    else:
        at = local_instant(today + timedelta(days=1), hhmm(m.kind_time(kind, person)), tz)
    fire = quiet_release(at, tz, quiet)
    if fire != at:
        note += "That's in your quiet hours, so I'll wait until they end. "
    snoozes = [s for s in state.get("snoozes", []) if s.get("nid") != nid and s.get("kind") != kind]
    snoozes.append({"kind": kind, "nid": nid, "at": at})
    state["snoozes"] = snoozes[-5:]
    _save_state(ctx, state)
    return _reply(ctx, f"{note}Okay, I'll remind you again {fmt_local(fire, tz, now)}.")


def _hold_heads_up(store: Store, action: Action, recipient: str, now: datetime) -> list[Action]:
    """Heads-ups wait out the partner's quiet hours and pause: queue them with the scheduler."""
    queue_heads_up(store, recipient, action, now)
    return []


HEADS_UP_SINK.append(_hold_heads_up)
