"""/share: send one sentence (often an I-statement from /coach) to the partner, after an exact preview.

The coach never sends anything; this is the one way a sentence leaves. The
person sees exactly what their partner will read and taps Send; only then is a
share created (bot/engine/couples.deliver_share) and the message sent."""

from __future__ import annotations

from bot.engine.actions import Address
from bot.engine.context import TurnContext
from bot.engine.couples import deliver_share, first_name, partner_of, reachable
from bot.engine.hooks import HookResult, hook
from bot.engine.personal_data import personal_table

MAX_MESSAGE = 600
SENT = "sent_messages"  # "<person>:<id>" -> a copy of what they chose to send (their own record)

personal_table(SENT, "prefix")


def _last_statement(ctx: TurnContext) -> str:
    """The person's most recent sentence from the coach, if the coach keeps one."""
    for key in reversed(ctx.store.keys("coach", ctx.person_id + ":")):
        doc = ctx.store.get("coach", key) or {}
        for field in ("statement", "suggestion", "chosen", "text"):
            value = str(doc.get(field) or "").strip()
            if value:
                return value
    return str(ctx.vars.get("statement") or "").strip()


@hook("share_check", sets=("last_statement",))
def share_check(ctx: TurnContext) -> HookResult:
    if partner_of(ctx.store, ctx.person) is None:
        return HookResult(goto="not_paired")
    return HookResult(vars={"last_statement": _last_statement(ctx)})


@hook("share_last_options")
def share_last_options(ctx: TurnContext) -> HookResult:
    last = str(ctx.vars.get("last_statement") or "")
    if not last:
        return HookResult(options=[])
    short = last if len(last) <= 40 else last[:39] + "…"
    return HookResult(options=[f"Use: {short}"])


@hook("share_clean", sets=("message_preview",))
def share_clean(ctx: TurnContext) -> HookResult:
    text = " ".join(str(ctx.answer).split())
    last = str(ctx.vars.get("last_statement") or "")
    if last and text.startswith("Use: ") and last.startswith(text[5:].rstrip("…")):
        text = last
    if len(text) < 2:
        return HookResult(error="Type what you'd like them to read.")
    if len(text) > MAX_MESSAGE:
        return HookResult(error=f"Could you keep it under {MAX_MESSAGE} characters? One clear sentence lands best.")
    preview = f"{first_name(ctx.person)} wanted you to read this:\n\n“{text}”"
    return HookResult(value=text, vars={"message_preview": preview})


@hook("share_send", sets=("share_note",))
def share_send(ctx: TurnContext) -> HookResult:
    partner = partner_of(ctx.store, ctx.person)
    if partner is None:
        return HookResult(vars={"share_note": "You're not paired any more, so I haven't sent it."})
    preview = str(ctx.vars.get("message_preview") or "")
    now = ctx.clock.now()
    key = f"{ctx.person_id}:{now.strftime('%Y%m%dT%H%M%S%f')}"
    ctx.store.put(SENT, key, {"text": str(ctx.vars.get("message") or ""), "preview": preview, "at": now.isoformat()})
    _, message = deliver_share(
        ctx.store, owner=ctx.person, audience=Address.person(partner["id"]), text=preview, kind="statement",
        item={"table": SENT, "key": key}, now=now,
    )
    note = f"Sent to {first_name(partner)}, exactly as you saw it."
    if not reachable(ctx.store, partner["id"]):
        note = f"I can't reach {first_name(partner)} right now, so it's saved and waiting for them under /shared."
    return HookResult(actions=[message], vars={"share_note": note})
