"""Pairing: /pair makes an invite code, /join CODE pairs, /unpair (dialogs/unpair.yaml) ends it.

Codes: 10 symbols of Crockford base32 (50 bits from `secrets`), shown as
"7KQ2-M9XA-PL"; typing is forgiving (case, dashes, spaces, O/0 and I/L/1).
Only a hash of a code is stored and codes are never logged. A code works once,
for 24 hours; each person has at most one pending code (a new /pair replaces it).
Five wrong codes within an hour pause /join for that person for an hour."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta
from typing import Any

from bot.engine.actions import Action, Address, SendMessage
from bot.engine.context import TurnContext
from bot.engine.couples import SHARED_WITH, couple_of, first_name, pair, partner_of, reachable, unpair, view_of
from bot.engine.hooks import HookResult, hook
from bot.engine.people import PEOPLE
from bot.engine.personal_data import on_forget, personal_table
from bot.engine.registry import command
from bot.engine.timeparse import zone_of
from bot.store.protocol import Store

INVITES = "invites"  # person id -> {hash, expires_at}: their one pending code
INVITE_CODES = "invite_codes"  # hash of a code -> {owner, expires_at}
JOIN_TRIES = "join_tries"  # person id -> {fails: [iso], locked_until}

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base32: no I, L, O, U
CODE_LENGTH = 10  # 50 bits
CODE_TTL = timedelta(hours=24)
MAX_FAILS = 5
FAIL_WINDOW = timedelta(hours=1)
LOCK_FOR = timedelta(hours=1)

personal_table(INVITES, "exact")
personal_table(JOIN_TRIES, "exact")


def new_code() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def normalise_code(text: str) -> str:
    cleaned = "".join(c for c in text.upper() if c.isalnum())
    return cleaned.translate(str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"}))


def code_hash(code: str) -> str:
    return hashlib.sha256(("backbone-invite:" + normalise_code(code)).encode()).hexdigest()


def _drop_invite(store: Store, person_id: str) -> None:
    invite = store.get(INVITES, person_id)
    if invite is not None:
        store.delete(INVITE_CODES, invite["hash"])
        store.delete(INVITES, person_id)


@on_forget
def _forget_invites(store: Store, person_id: str) -> None:
    _drop_invite(store, person_id)


def _me(ctx: TurnContext, text: str) -> SendMessage:
    return SendMessage(to=Address.person(ctx.person_id), text=text)


def _local(ctx: TurnContext, when: datetime) -> str:
    return when.astimezone(zone_of(ctx.person.get("tz"))).strftime("%H:%M")


@command("pair", "make a code to pair with your partner")
def pair_command(ctx: TurnContext, args: str) -> list[Action]:
    if ctx.event.chat.kind != "dm":
        return []
    partner = partner_of(ctx.store, ctx.person)
    if partner is not None:
        return [_me(ctx, f"You're already paired with {first_name(partner)}. If you want to pair with someone else, /unpair first.")]
    now = ctx.clock.now()
    _drop_invite(ctx.store, ctx.person_id)
    code = new_code()
    digest = code_hash(code)
    expires = (now + CODE_TTL).isoformat()
    ctx.store.put(INVITE_CODES, digest, {"owner": ctx.person_id, "expires_at": expires})
    ctx.store.put(INVITES, ctx.person_id, {"hash": digest, "expires_at": expires, "created_at": now.isoformat()})
    return [_me(ctx, (
        f"Here's your invite code:\n\n{code}\n\n"
        f"Send it to your partner. They open a chat with me and send /join {code}. "
        "It works once, for the next 24 hours. Making a new code cancels this one."
    ))]


def _fail(ctx: TurnContext, message: str) -> list[Action]:
    now = ctx.clock.now()
    tries = ctx.store.get(JOIN_TRIES, ctx.person_id) or {"fails": [], "locked_until": None}
    fails = [f for f in tries["fails"] if now - datetime.fromisoformat(f) < FAIL_WINDOW] + [now.isoformat()]
    tries["fails"] = fails
    if len(fails) >= MAX_FAILS:
        until = now + LOCK_FOR
        tries["locked_until"] = until.isoformat()
        tries["fails"] = []
        message += (
            f"\n\nThat's {MAX_FAILS} codes in a row that didn't work, so I've paused /join for an hour "
            f"to keep codes safe from guessing. You can try again after {_local(ctx, until)}."
        )
    ctx.store.put(JOIN_TRIES, ctx.person_id, tries)
    return [_me(ctx, message)]


@command("join", "pair with your partner using their code")
def join_command(ctx: TurnContext, args: str) -> list[Action]:
    if ctx.event.chat.kind != "dm":
        return []
    store, now = ctx.store, ctx.clock.now()
    partner = partner_of(store, ctx.person)
    if partner is not None:
        return [_me(ctx, f"You're already paired with {first_name(partner)}. A person can be in one couple at a time; /unpair first if you want to change that.")]
    tries = store.get(JOIN_TRIES, ctx.person_id) or {}
    locked = tries.get("locked_until")
    if locked and now < datetime.fromisoformat(locked):
        return [_me(ctx, f"/join is paused for a little while after several codes that didn't work. Please try again after {_local(ctx, datetime.fromisoformat(locked))}.")]
    if not normalise_code(args):
        return [_me(ctx, "Send /join followed by the code your partner got from /pair, like this: /join 7KQ2-M9XA-PL")]
    digest = code_hash(args)
    invite = store.get(INVITE_CODES, digest)
    if invite is None:
        return _fail(ctx, "That code didn't work. Check it for typos; a code works only once and for 24 hours. Your partner can make a fresh one with /pair.")
    if invite["owner"] == ctx.person_id:
        return [_me(ctx, "That's your own code. Send it to your partner, and they join with it.")]
    owner = store.get(PEOPLE, invite["owner"])
    if now >= datetime.fromisoformat(invite["expires_at"]) or owner is None or owner.get("couple"):
        store.delete(INVITE_CODES, digest)
        if owner is not None and (store.get(INVITES, owner["id"]) or {}).get("hash") == digest:
            store.delete(INVITES, owner["id"])
        return _fail(ctx, "That code has expired or can't be used any more. Ask your partner for a fresh one: they send /pair.")
    # Single use: the code and both pending invites go now.
    _drop_invite(store, owner["id"])
    _drop_invite(store, ctx.person_id)
    store.delete(JOIN_TRIES, ctx.person_id)
    pair(store, ctx.person, owner, now)
    mine = (
        f"You're now paired with {first_name(owner)} 💛\n\n"
        "Everything you tell me stays private unless you choose to share a particular thing, after seeing exactly what "
        f"{first_name(owner)} will get. Try /checkin, /boundaries or /needs, or add me to a group with the two of you and send /linkgroup there."
    )
    if not reachable(store, owner["id"]):
        mine += f"\n\nI couldn't reach {first_name(owner)} just now to tell them; they'll see it when they're back."
    theirs = SendMessage(
        to=Address.person(owner["id"]), notice="paired",
        text=f"{first_name(ctx.person)} joined with your code, so you're now paired 💛 What you tell me stays private unless you choose to share it.",
    )
    return [_me(ctx, mine), theirs]


@command("shared", "what your partner has shared with you")
def shared_command(ctx: TurnContext, args: str) -> list[Action]:
    if ctx.event.chat.kind != "dm":
        return []
    items = view_of(ctx.store, ctx.person_id)
    if not items:
        return [_me(ctx, "Nothing has been shared with you yet.")]
    zone = zone_of(ctx.person.get("tz"))
    lines = ["What's been shared with you (newest last):"]
    for item in items[-10:]:
        day = datetime.fromisoformat(item["at"]).astimezone(zone).strftime("%a %d %b")
        lines.append(f"— {day}:\n{item['text']}")
    return [_me(ctx, "\n\n".join(lines))]


# --- /unpair (dialogs/unpair.yaml) -----------------------------------------------------


@hook("unpair_check", sets=("former",))
def unpair_check(ctx: TurnContext) -> HookResult:
    partner = partner_of(ctx.store, ctx.person)
    if partner is None:
        return HookResult(goto="not_paired")
    return HookResult(vars={"former": first_name(partner)})


@hook("unpair_now", sets=("former", "unpair_note"))
def unpair_now(ctx: TurnContext) -> HookResult:
    couple = couple_of(ctx.store, ctx.person)
    if couple is None:
        return HookResult(vars={"unpair_note": "You weren't paired any more, so nothing changed."})
    partner = partner_of(ctx.store, ctx.person)
    actions: list[Any] = unpair(ctx.store, couple, ctx.clock.now(), turn_person=ctx.person)
    note = "What each of you shared before stays with the one who received it; nothing new will pass between you."
    if partner is not None:
        actions.append(SendMessage(
            to=Address.person(partner["id"]), notice="unpaired",
            text=(f"{first_name(ctx.person)} has ended your pairing on Backbone. Whatever you've kept private stays private, "
                  "and I'm still here for you: check-ins, the coach and everything else work just as before."),
        ))
        if not reachable(ctx.store, partner["id"]):
            note += f" I couldn't reach {first_name(partner)} to let them know just now."
    return HookResult(actions=actions, vars={"former": first_name(partner), "unpair_note": note})


__all__ = ["SHARED_WITH", "new_code", "normalise_code"]
