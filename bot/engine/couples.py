"""Couples: two people (not chats) who paired with an invite code.

Records
- ``couples[<couple id>]``: ``{id, members: [a, b], created_at, group, prompts_used, heads_up_on}``.
  No personal text lives here, only person ids, the linked group and bookkeeping.
- ``people[<id>]``: ``partner``, ``partner_name``, ``couple`` on both partners.
- ``shared_with_me["<viewer>:<share id>"]``: the partner's view. Every item one
  partner can see of the other's (a shared check-in, need or sentence, a revealed
  prompt) is written here, and only by `deliver_share`, which needs a share made
  by an explicit consent step. Lists such as /needs and /shared read the partner's
  side from here and nowhere else. /export therefore includes it, and /forget of the
  author removes their parts from the partner's view (see `_forget`).

Sending goes through the confidentiality guard in the engine as always; this
module only decides *what* to send."""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from bot.engine.actions import Action, Address, SendMessage
from bot.engine.confidentiality import SHARES, create_share, guard
from bot.engine.people import PEOPLE, primary_identity
from bot.engine.personal_data import on_forget, personal_table
from bot.engine.timeparse import zone_of
from bot.store.protocol import Store

log = logging.getLogger(__name__)

COUPLES = "couples"
SHARED_WITH = "shared_with_me"
GROUPS = "groups"  # keyed by qualified group chat id; see steps/group_prompts.py

personal_table(SHARED_WITH, "prefix")


def new_id(prefix: str) -> str:
    return f"{prefix}_{secrets.token_hex(6)}"


# --- people and couples -----------------------------------------------------------


def first_name(person: dict[str, Any] | None) -> str:
    if not person:
        return "your partner"
    return str(person.get("name") or person.get("display_name") or "your partner")


def couple_of(store: Store, person: dict[str, Any]) -> dict[str, Any] | None:
    couple_id = person.get("couple")
    if not couple_id:
        return None
    couple = store.get(COUPLES, couple_id)
    if couple is None or person["id"] not in couple.get("members", []):
        return None
    return couple


def partner_of(store: Store, person: dict[str, Any]) -> dict[str, Any] | None:
    couple = couple_of(store, person)
    if couple is None:
        return None
    other = [m for m in couple["members"] if m != person["id"]]
    return store.get(PEOPLE, other[0]) if other else None


def reachable(store: Store, person_id: str) -> bool:
    """Can a private message reach this person now (not blocked, has a private chat)?"""
    person = store.get(PEOPLE, person_id)
    if person is None:
        return False
    identity = primary_identity(store, person)
    return bool(identity and identity.get("dm") and not identity.get("unreachable"))


def pair(store: Store, joiner: dict[str, Any], owner: dict[str, Any], now: datetime) -> dict[str, Any]:
    """Inside a transaction: make a couple of two unpaired people. `joiner` is the
    turn's person dict (the engine saves it at the end of the turn); `owner` is written here."""
    couple = {
        "id": new_id("c"),
        "members": [owner["id"], joiner["id"]],
        "created_at": now.isoformat(),
        "group": None,
        "prompts_used": [],
        "heads_up_on": None,
    }
    store.put(COUPLES, couple["id"], couple)
    for me, other in ((joiner, owner), (owner, joiner)):
        me["partner"] = other["id"]
        me["partner_name"] = first_name(other)
        me["couple"] = couple["id"]
    store.put(PEOPLE, owner["id"], owner)
    return couple


# Run on unpair, before the couple record goes: (store, couple, now) -> actions.
# The group prompts module closes open rounds and unlinks the group here.
UNPAIR_HOOKS: list[Callable[[Store, dict[str, Any], datetime], list[Action]]] = []


def unpair(store: Store, couple: dict[str, Any], now: datetime, turn_person: dict[str, Any] | None = None) -> list[Action]:
    """Inside a transaction: dissolve the couple. Shares to the partner are revoked
    (nothing more is delivered); what each already received stays in their view."""
    actions: list[Action] = []
    for fn in UNPAIR_HOOKS:
        actions.extend(fn(store, couple, now))
    members = couple.get("members", [])
    for member in members:
        for key in store.keys(SHARES, member + ":"):
            share = store.get(SHARES, key)
            if share and share["audience"]["kind"] == "person" and share["audience"]["id"] in members and not share.get("revoked"):
                share["revoked"] = True
                store.put(SHARES, key, share)
        person = turn_person if turn_person is not None and turn_person["id"] == member else store.get(PEOPLE, member)
        if person is None:
            continue
        if person.get("couple") == couple["id"]:
            for field in ("partner", "partner_name", "couple"):
                person.pop(field, None)
        if person is not turn_person:
            store.put(PEOPLE, member, person)
    store.delete(COUPLES, couple["id"])
    return actions


# --- sharing --------------------------------------------------------------------------


def deliver_share(
    store: Store, *, owner: dict[str, Any], audience: Address, text: str, kind: str, item: dict[str, Any],
    now: datetime, consented_by: Iterable[str] | None = None, parts: list[dict[str, str]] | None = None,
    buttons: tuple = (), ref: str | None = None, viewers: Iterable[str] | None = None,
) -> tuple[dict[str, Any], SendMessage]:
    """Call only from a consent step (the owner saw `text` exactly and chose to share).
    Records the share, writes it into the audience's view (for a group: `viewers`, the
    couple), and returns the message to send."""
    share_id = f"{owner['id']}:{secrets.token_hex(6)}"
    consent = sorted(set(consented_by or [owner["id"]]))
    share = create_share(
        store, share_id=share_id, owner=owner["id"], audience=audience, text=text,
        item={**item, "kind": kind}, now=now, consented_by=consent,
    )
    if viewers is None:
        viewers = [audience.id] if audience.kind == "person" else consent
    for viewer in viewers:
        store.put(SHARED_WITH, f"{viewer}:{share_id}", {
            "share": share_id, "kind": kind, "text": text, "at": now.isoformat(),
            "authors": consent if parts is None else sorted({p["author"] for p in parts}),
            "parts": parts if parts is not None else [{"author": owner["id"], "text": text}],
            "item": item,
        })
    message = SendMessage(to=audience, text=text, share_id=share_id, buttons=tuple(buttons), ref=ref)
    return share, message


def withdraw_share(store: Store, share_id: str) -> None:
    """The owner took an item back: revoke the share and drop it from the partner's view."""
    share = store.get(SHARES, share_id)
    if share is None:
        return
    share["revoked"] = True
    store.put(SHARES, share_id, share)
    audience = share["audience"]
    if audience["kind"] == "person":
        store.delete(SHARED_WITH, f"{audience['id']}:{share_id}")


def view_of(store: Store, viewer: str, kind: str | None = None) -> list[dict[str, Any]]:
    """What the viewer can see of their partner: consented shares only, oldest first."""
    out = []
    for key in store.keys(SHARED_WITH, viewer + ":"):
        doc = store.get(SHARED_WITH, key)
        if doc is None or (kind is not None and doc.get("kind") != kind):
            continue
        share = store.get(SHARES, doc["share"])
        if doc.get("kind") != "reveal" and (share is None or share.get("revoked")):
            continue
        out.append(doc)
    return sorted(out, key=lambda d: d.get("at", ""))


# --- heads-up --------------------------------------------------------------------------

HEADS_UP_IDEAS = [
    "Tonight, you could ask “What would feel good right now?” and just listen.",
    "A small gesture might land well: make them a cup of tea, or take one chore off their plate.",
    "You could send a short message like “Thinking of you today.” No fixing needed.",
    "Maybe suggest a slow walk together this evening, phones in pockets.",
    "Ask “Do you want advice, or do you want me to just be with you?” and go with the answer.",
    "A long hug and an early night can do more than any words.",
]

# Where heads-ups go before sending. The scheduler may replace this to hold a note
# through the partner's quiet hours: fn(store, action, recipient_id, now) -> actions to send now.
HeadsUpSink = Callable[[Store, Action, str, datetime], list[Action]]


def _send_now(store: Store, action: Action, recipient: str, now: datetime) -> list[Action]:
    return [action]


HEADS_UP_SINK: list[HeadsUpSink] = [_send_now]


def heads_up(store: Store, sharer: dict[str, Any], scale: int, now: datetime, rng: Any = None) -> list[Action]:
    """After a consented share of a hard check-in: a gentle note to the partner with one
    idea, at most once a (partner's local) day per couple. Never about someone who did not share."""
    if scale > 2:
        return []
    couple = couple_of(store, sharer)
    partner = partner_of(store, sharer)
    if couple is None or partner is None:
        return []
    day = now.astimezone(zone_of(partner.get("tz"))).date().isoformat()
    if couple.get("heads_up_on") == day:
        return []
    couple["heads_up_on"] = day
    store.put(COUPLES, couple["id"], couple)
    idea = (rng or secrets.SystemRandom()).choice(HEADS_UP_IDEAS)
    text = f"A gentle heads-up: {first_name(sharer)} is having a hard day. {idea}"
    action = SendMessage(to=Address.person(partner["id"]), text=text, notice="heads_up")
    return HEADS_UP_SINK[-1](store, action, partner["id"], now)


# --- forgetting ------------------------------------------------------------------------


def notify_outside_turn(store: Store, actions: list[Action]) -> None:
    """Queue content-free notices decided outside a turn (during /forget), through the guard."""
    from bot.outbox import enqueue  # late: bot.outbox imports the runtime, which imports the engine
    from bot.runtime import route

    for action in guard(store, actions, None):
        delivery = route(store, action)
        if delivery is not None:
            enqueue(store, delivery)


@on_forget
def _forget(store: Store, person_id: str) -> None:
    person = store.get(PEOPLE, person_id)
    now = datetime.now().astimezone()
    notices: list[Action] = []
    if person is not None:
        couple = couple_of(store, person)
        if couple is not None:
            partner = partner_of(store, person)
            notices += unpair(store, couple, now)
            if partner is not None:
                notices.append(SendMessage(
                    to=Address.person(partner["id"]), notice="unpaired",
                    text=f"{first_name(person)} has left Backbone, so you're no longer paired here. "
                         "What you shared stays yours. Take good care of yourself.",
                ))
    # Nothing of theirs stays in anyone's view: drop their parts of shared items.
    for key, doc in list(store.scan(SHARED_WITH)):
        if key.startswith(person_id + ":"):
            continue  # their own view goes with their personal tables
        if person_id not in doc.get("authors", []):
            continue
        parts = [p for p in doc.get("parts", []) if p.get("author") != person_id]
        if not parts:
            store.delete(SHARED_WITH, key)
        else:
            doc["parts"] = parts
            doc["authors"] = sorted({p["author"] for p in parts})
            doc["text"] = "\n".join(p["text"] for p in parts)
            store.put(SHARED_WITH, key, doc)
    # Shares consented by several people (a reveal) are not under their prefix: remove those too.
    for key, share in list(store.scan(SHARES)):
        if person_id in share.get("consented_by", []) and not key.startswith(person_id + ":"):
            store.delete(SHARES, key)
    if notices:
        notify_outside_turn(store, notices)
