"""Hooks for onboarding: understand names, time zones and times; save the profile."""

from __future__ import annotations

from bot.engine.context import TurnContext
from bot.engine.hooks import HookResult, hook
from bot.engine.timeparse import parse_timezone

MAX_NAME = 40


@hook("clean_name")
def clean_name(ctx: TurnContext) -> HookResult:
    name = " ".join(str(ctx.answer).split())
    if not any(ch.isalnum() for ch in name):
        return HookResult(error="I'd love a name I can use, even a nickname. What should I call you?")
    if len(name) > MAX_NAME:
        return HookResult(error=f"That's a long one! Something up to {MAX_NAME} characters, please?")
    return HookResult(value=name)


@hook("parse_timezone")
def check_timezone(ctx: TurnContext) -> HookResult:
    zone = parse_timezone(str(ctx.answer))
    if zone is None:
        return HookResult(error=(
            "I couldn't place that time zone. Try a city (like Berlin or Chicago), "
            "a zone name (Europe/Berlin) or an offset (UTC+2)."
        ))
    return HookResult(value=zone)


@hook("finish_onboarding")
def finish_onboarding(ctx: TurnContext) -> HookResult:
    person = ctx.person
    person["name"] = ctx.vars.get("name") or person.get("display_name") or "friend"
    person["tz"] = ctx.vars.get("tz") or "UTC"
    person["checkin_time"] = ctx.vars.get("checkin_time") or "20:00"
    person["nudges"] = ctx.vars.get("nudges") == "yes"
    person["onboarded"] = True
    person.setdefault("checkin_days", [0, 1, 2, 3, 4, 5, 6])
    return HookResult(vars={"name": person["name"]})
