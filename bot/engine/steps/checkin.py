"""Hooks for the daily check-in: feelings that fit, the reflection, the share preview, saving."""

from __future__ import annotations

import re
from datetime import datetime

from bot.engine.actions import Address
from bot.engine.context import TurnContext
from bot.engine.couples import deliver_share, first_name, heads_up, partner_of, reachable
from bot.engine.hooks import HookResult, hook
from bot.engine.timeparse import zone_of
from bot.language import feelings_for_scale, reflect

CHECKINS = "checkins"
SCALE_WORDS = {1: "having a really hard day", 2: "not doing great", 3: "doing okay", 4: "doing well", 5: "doing great"}
MAX_FEELINGS = 6
MAX_FEELING_CHARS = 40


def scale_of(ctx: TurnContext) -> int:
    try:
        return min(5, max(1, int(ctx.vars.get("scale", 3))))
    except (TypeError, ValueError):
        return 3


@hook("feelings_options")
def feelings_options(ctx: TurnContext) -> HookResult:
    return HookResult(options=feelings_for_scale(scale_of(ctx), n=8))


@hook("clean_feelings")
def clean_feelings(ctx: TurnContext) -> HookResult:
    parts = [p.strip(" .!?\"'“”").lower() for p in re.split(r",|;|/|\band\b|\n", str(ctx.answer))]
    feelings = [p[:MAX_FEELING_CHARS] for p in parts if p and any(c.isalpha() for c in p)][:MAX_FEELINGS]
    if not feelings:
        return HookResult(error="Which feelings fit? A word or two is enough, like tired, hopeful or tense.")
    return HookResult(value=feelings)


@hook("reflect", sets=("reflection",))
def reflection(ctx: TurnContext) -> HookResult:
    feelings = ctx.vars.get("feelings") or []
    if isinstance(feelings, str):
        feelings = [feelings]
    text = reflect(str(ctx.vars.get("happened") or ""), scale_of(ctx), list(feelings))
    return HookResult(vars={"reflection": text})


def _preview(ctx: TurnContext) -> str:
    name = ctx.person.get("name") or "Your partner"
    feelings = ctx.vars.get("feelings") or []
    if isinstance(feelings, str):
        feelings = [feelings]
    lines = [f"{name} checked in and is {SCALE_WORDS[scale_of(ctx)]}."]
    if feelings:
        lines.append("Feeling: " + ", ".join(feelings) + ".")
    wish = str(ctx.vars.get("help_wanted") or "").strip()
    if wish:
        lines.append(f"What would help today: {wish}")
    return "\n".join(lines)


@hook("share_preview", sets=("preview",))
def share_preview(ctx: TurnContext) -> HookResult:
    return HookResult(vars={"preview": _preview(ctx)})


def _save(ctx: TurnContext, shared: bool) -> dict:
    now = ctx.clock.now()
    key = f"{ctx.person_id}:{now.strftime('%Y%m%dT%H%M%S%f')}"
    feelings = ctx.vars.get("feelings") or []
    record = {
        "person": ctx.person_id,
        "at": now.isoformat(),
        "scale": scale_of(ctx),
        "feelings": [feelings] if isinstance(feelings, str) else list(feelings),
        "happened": str(ctx.vars.get("happened") or ""),
        "reflection": str(ctx.vars.get("reflection") or ""),
        "help_wanted": str(ctx.vars.get("help_wanted") or ""),
        "sharing": "shared" if shared else "private",
    }
    ctx.store.put(CHECKINS, key, record)
    return {"key": key, **record}


@hook("save_checkin_private")
def save_private(ctx: TurnContext) -> HookResult:
    _save(ctx, shared=False)
    return HookResult()


@hook("save_checkin_shared", sets=("share_note",))
def save_shared(ctx: TurnContext) -> HookResult:
    record = _save(ctx, shared=True)
    partner = partner_of(ctx.store, ctx.person)
    preview = str(ctx.vars.get("preview") or _preview(ctx))
    if partner is None:
        return HookResult(vars={"share_note": (
            "You're not paired with your partner yet, so I've noted that you're happy to share this one. "
            "Once you pair (/pair), I won't send old check-ins without asking again."
        )})
    # The consent step: the person saw `preview` exactly and tapped Share.
    share, message = deliver_share(
        ctx.store, owner=ctx.person, audience=Address.person(partner["id"]), text=preview, kind="checkin",
        item={"table": CHECKINS, "key": record["key"]}, now=ctx.clock.now(),
    )
    actions = [message, *heads_up(ctx.store, ctx.person, scale_of(ctx), ctx.clock.now(), ctx.rng)]
    note = "I've shared it, exactly as you saw it."
    if not reachable(ctx.store, partner["id"]):
        note = (f"I can't reach {first_name(partner)} right now (they may have paused or blocked me), so it isn't delivered yet. "
                "It's saved, and they'll find it under /shared when they're back.")
    return HookResult(actions=actions, vars={"share_note": note})


@hook("history", sets=("history",))
def history(ctx: TurnContext) -> HookResult:
    keys = ctx.store.keys(CHECKINS, ctx.person_id + ":")[-7:]
    if not keys:
        return HookResult(vars={"history": "No check-ins yet. Whenever you're ready: /checkin"})
    zone = zone_of(ctx.person.get("tz"))
    lines = []
    for key in reversed(keys):
        record = ctx.store.get(CHECKINS, key) or {}
        day = datetime.fromisoformat(record["at"]).astimezone(zone).strftime("%a %d %b")
        feelings = ", ".join(record.get("feelings") or []) or "—"
        flag = " (shared)" if record.get("sharing") == "shared" else ""
        lines.append(f"{day}: {record.get('scale', '?')}/5, {feelings}{flag}")
    return HookResult(vars={"history": "\n".join(lines)})
