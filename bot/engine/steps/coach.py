"""Hooks for the I-statement coach: a quick rewrite, or a guided build from the person's own words."""

from __future__ import annotations

from bot.engine.context import TurnContext
from bot.engine.hooks import HookResult, hook
from bot.language import check_feeling, check_need, check_request, compose, rewrite

MAX_SENTENCE = 600


@hook("coach_rewrite", sets=("suggestion", "problems_text"))
def coach_rewrite(ctx: TurnContext) -> HookResult:
    text = str(ctx.answer).strip()
    if len(text) > MAX_SENTENCE:
        return HookResult(error="That's quite long for one sentence. Could you pick the one line that matters most?")
    result = rewrite(text)
    if not result.blaming or not result.suggestion:
        return HookResult(value=text, goto="fair", vars={"suggestion": "", "problems_text": ""})
    whys = [f"• “{p.span}”: {p.why}" for p in result.problems[:3]]
    intro = "A few bits might land as blame:\n" + "\n".join(whys) if whys else "It might land as blame."
    return HookResult(value=text, vars={"suggestion": result.suggestion, "problems_text": intro})


@hook("guided_feeling")
def guided_feeling(ctx: TurnContext) -> HookResult:
    check = check_feeling(str(ctx.answer))
    if not check.ok:
        message = check.message or "Could you name a feeling, like hurt, worried or lonely?"
        if check.alternatives:
            message += "\nMaybe one of these fits: " + ", ".join(check.alternatives[:5]) + "?"
        return HookResult(error=message)
    return HookResult(value=check.feeling)


@hook("guided_situation")
def guided_situation(ctx: TurnContext) -> HookResult:
    text = " ".join(str(ctx.answer).split()).rstrip(".!")
    if len(text) < 3:
        return HookResult(error="Tell me a little about when it happens, like “when plans change at the last minute”.")
    if len(text) > MAX_SENTENCE:
        return HookResult(error="Could you make it shorter? Just what a camera would have seen.")
    return HookResult(value=text)


@hook("guided_need", sets=("request_hint",))
def guided_need(ctx: TurnContext) -> HookResult:
    check = check_need(str(ctx.answer))
    if check.is_action:
        hint = check.request or str(ctx.answer)
        message = check.message or (
            "That sounds like something you'd ask for, so I'll keep it for the request. "
            "What would it give you underneath? For example rest, closeness or being heard."
        )
        return HookResult(error=message, vars={"request_hint": hint})
    if not check.ok:
        return HookResult(error=check.message or "What do you need underneath it? For example rest, respect or to be heard.")
    return HookResult(value=check.need)


@hook("guided_request")
def guided_request(ctx: TurnContext) -> HookResult:
    check = check_request(str(ctx.answer))
    if not check.ok:
        return HookResult(error=check.message or "Try asking for something positive and doable, like “could we talk for ten minutes tonight”.")
    return HookResult(value=check.request)


@hook("guided_compose", sets=("statement",))
def guided_compose(ctx: TurnContext) -> HookResult:
    statement = compose(
        str(ctx.vars.get("feeling", "")), str(ctx.vars.get("situation", "")),
        str(ctx.vars.get("need", "")), str(ctx.vars.get("request", "")),
    )
    return HookResult(vars={"statement": statement})
