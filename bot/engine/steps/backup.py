"""Hooks for "I don't feel backed up" (dialogs/backup.yaml): light checks of typed answers,
the invitation drafted with the I-statement tools of bot.language, the private record and
the one item that may be shared (the invitation, after a preview).

Every sentence people read lives in dialogs/backup.yaml and dialogs/data/backup.yaml."""

from __future__ import annotations

import re
import secrets
from typing import Any

from bot.engine.actions import Address, SendMessage
from bot.engine.confidentiality import create_share
from bot.engine.context import TurnContext
from bot.engine.hooks import HookResult, hook
from bot.engine.personal_data import personal_table
from bot.engine.steps.healthcheck import data_file
from bot.engine.templates import join_words, render

BACKUPS = "backups"  # "<person id>:<YYYYmmddTHHMMSSffffff>" -> what the person wrote, private
personal_table(BACKUPS, "prefix")

MAX_ANSWER = 1200
MAX_SITUATION = 160
MAX_FEELINGS = 4


def _words(ctx: TurnContext) -> dict[str, Any]:
    return data_file(ctx, "backup.yaml")["text"]


def _vars(ctx: TurnContext, **extra: Any) -> dict[str, Any]:
    return {"name": ctx.person.get("name") or "there", "partner_name": ctx.person.get("partner_name") or "your partner",
            **ctx.vars, **extra}


def _say(ctx: TurnContext, key: str, **extra: Any) -> str:
    text = _words(ctx)[key]
    if isinstance(text, list):
        text = ctx.rng.choice(text)
    return render(str(text), _vars(ctx, **extra))


def _feelings(value: Any) -> list[str]:
    if isinstance(value, str):
        value = [value]
    return [str(v).strip().lower() for v in (value or []) if str(v).strip()]


# --- answers ---------------------------------------------------------------------------


@hook("backup_text")
def backup_text(ctx: TurnContext) -> HookResult:
    text = " ".join(str(ctx.answer).split())
    if len(text) > MAX_ANSWER:
        return HookResult(error=_say(ctx, "long_text"))
    if not any(c.isalnum() for c in text):
        return HookResult(error=_say(ctx, "empty_text"))
    return HookResult(value=text)


@hook("backup_feelings")
def backup_feelings(ctx: TurnContext) -> HookResult:
    parts = [p.strip(" .!?\"'“”").lower() for p in re.split(r",|;|/|\band\b|\n", str(ctx.answer))]
    feelings = [p[:40] for p in parts if p and any(c.isalpha() for c in p)][:MAX_FEELINGS]
    if not feelings:
        return HookResult(error=_say(ctx, "feeling_hint"))
    return HookResult(value=feelings)


@hook("backup_felt_ack", sets=("felt_ack",))
def backup_felt_ack(ctx: TurnContext) -> HookResult:
    return HookResult(vars={"felt_ack": _say(ctx, "felt_ack", felt=join_words(_feelings(ctx.vars.get("felt"))) or "this way")})


# --- the invitation, drafted with the I-statement coach ---------------------------------


@hook("backup_feeling")
def backup_feeling(ctx: TurnContext) -> HookResult:
    from bot.language import check_feeling

    check = check_feeling(str(ctx.answer))
    if not check.ok:
        message = check.message or _say(ctx, "feeling_hint")
        if check.alternatives and not check.message:
            message += " " + ", ".join(check.alternatives[:3]) + "?"
        return HookResult(error=message)
    return HookResult(value=check.feeling)


@hook("backup_situation")
def backup_situation(ctx: TurnContext) -> HookResult:
    text = " ".join(str(ctx.answer).split()).rstrip(".!")
    if len(text) < 3 or len(text) > MAX_SITUATION:
        return HookResult(error=_say(ctx, "long_text") if len(text) > MAX_SITUATION else _say(ctx, "empty_text"))
    return HookResult(value=text)


@hook("backup_need")
def backup_need(ctx: TurnContext) -> HookResult:
    from bot.language import check_need

    check = check_need(str(ctx.answer))
    if not check.ok:
        return HookResult(error=check.message or "What do you need underneath it? For example support, respect or partnership.")
    return HookResult(value=check.need)


@hook("backup_request")
def backup_request(ctx: TurnContext) -> HookResult:
    from bot.language import check_request

    check = check_request(str(ctx.answer))
    if not check.ok:
        return HookResult(error=check.message or "Try asking for something positive and doable, like “could we talk it through on Sunday”.")
    return HookResult(value=check.request)


@hook("backup_draft", sets=("statement",))
def backup_draft(ctx: TurnContext) -> HookResult:
    """Compose the invitation from what the person already said; ask only for a missing piece."""
    from bot.language import check_feeling, check_need, compose

    v = ctx.vars
    if not v.get("feeling"):
        for felt in _feelings(v.get("felt")):
            check = check_feeling(felt)
            if check.ok:
                v["feeling"] = check.feeling
                break
        else:
            return HookResult(goto="ask_feeling")
    if not v.get("situation"):
        happened = " ".join(str(v.get("happened") or "").split()).rstrip(".!")
        if happened and len(happened) <= MAX_SITUATION and not re.search(r"[.!?]\s", happened):
            v["situation"] = happened
        else:
            return HookResult(goto="ask_situation")
    if not v.get("need"):
        check = check_need(str(v.get("need_raw") or "")) if v.get("need_raw") else None
        if check is None or not check.ok:
            return HookResult(goto="ask_need")
        v["need"] = check.need
    statement = compose(str(v["feeling"]), str(v["situation"]), str(v["need"]), str(v.get("request") or ""))
    return HookResult(vars={"statement": statement})


@hook("backup_rewrite", sets=("statement", "problems_text"))
def backup_rewrite(ctx: TurnContext) -> HookResult:
    from bot.language import rewrite

    text = " ".join(str(ctx.answer).split())
    if len(text) > MAX_ANSWER:
        return HookResult(error=_say(ctx, "long_text"))
    result = rewrite(text)
    if not result.blaming or not result.suggestion:
        return HookResult(value=text, goto="own_fair", vars={"statement": text, "problems_text": ""})
    whys = [f"• “{p.span}”: {p.why}" for p in result.problems[:2]]
    intro = ("A bit of this might land as blame:\n" + "\n".join(whys)) if whys else "Some of it might land as blame."
    return HookResult(value=text, vars={"statement": result.suggestion, "problems_text": intro})


@hook("backup_keep_mine", sets=("statement",))
def backup_keep_mine(ctx: TurnContext) -> HookResult:
    return HookResult(vars={"statement": str(ctx.vars.get("own_words") or ctx.vars.get("statement") or "")})


@hook("backup_skip_invite", sets=("statement",))
def backup_skip_invite(ctx: TurnContext) -> HookResult:
    return HookResult(vars={"statement": ""})


# --- care ------------------------------------------------------------------------------


@hook("backup_safety", sets=("safety_text",))
def backup_safety(ctx: TurnContext) -> HookResult:
    from bot.language import resources_for

    region = ctx.person.get("region") or ctx.settings.default_region or None
    resources = "\n".join(f"• {r.name}: {r.contact}" for r in resources_for(region))
    return HookResult(vars={"safety_text": _say(ctx, "safety", resources=resources), "afraid": True})


@hook("backup_counsellor", sets=("counsellor_text",))
def backup_counsellor(ctx: TurnContext) -> HookResult:
    texts = _words(ctx)["counsellor"]
    key = "often" if ctx.vars.get("one_sided") == "often" or ctx.vars.get("afraid") else "default"
    return HookResult(vars={"counsellor_text": render(texts[key], _vars(ctx))})


# --- keeping and sharing ---------------------------------------------------------------

KEPT = ("happened", "felt", "need_raw", "partner_side", "urge", "plan", "request", "statement", "own_part",
        "one_sided", "boundary", "afraid")


@hook("backup_save", sets=("preview",))
def backup_save(ctx: TurnContext) -> HookResult:
    """Keep what the person wrote, privately (once per run); offer sharing only the invitation."""
    key = ctx.vars.get("backup_key")
    now = ctx.clock.now()
    if not key:
        key = f"{ctx.person_id}:{now.strftime('%Y%m%dT%H%M%S%f')}"
    doc = {"person": ctx.person_id, "at": now.isoformat(), "sharing": "private",
           **{k: ctx.vars.get(k) for k in KEPT if ctx.vars.get(k) not in (None, "", [])}}
    ctx.store.put(BACKUPS, key, doc)
    statement = str(ctx.vars.get("statement") or "").strip()
    result = HookResult(vars={"backup_key": key, "preview": ""})
    if not statement or ctx.vars.get("afraid"):
        result.goto = "wrap_private"
        return result
    result.vars["preview"] = render(_words(ctx)["preview"], _vars(ctx, statement=statement))
    return result


@hook("backup_share")
def backup_share(ctx: TurnContext) -> HookResult:
    partner = ctx.person.get("partner")
    if not partner:
        return HookResult(goto="not_paired")
    preview = str(ctx.vars.get("preview") or "")
    key = ctx.vars.get("backup_key")
    if not preview or not key or ctx.vars.get("afraid"):
        return HookResult()
    share_id = f"{ctx.person_id}:{secrets.token_hex(6)}"
    create_share(
        ctx.store, share_id=share_id, owner=ctx.person_id, audience=Address.person(partner), text=preview,
        item={"table": BACKUPS, "key": key, "part": "statement"}, now=ctx.clock.now(),
    )
    doc = ctx.store.get(BACKUPS, key) or {}
    doc["sharing"] = "statement shared"
    ctx.store.put(BACKUPS, key, doc)
    return HookResult(actions=[SendMessage(to=Address.person(partner), text=preview, share_id=share_id)])
