"""The couple's group: linking a group chat, prompts, answers revealed together.

- Membership: the bot can't list a group's members on every platform, so it
  keeps what it sees (members joining and leaving, anyone who writes, and a
  GroupMembers event from an adapter that can ask) in ``groups[<chat id>]``.
  Where a platform can only count members (Telegram), the adapter's GroupMembers
  carries a ``headcount`` of humans: more than two refuses linking and unlinks.
- /linkgroup links the group to the sender's couple when both partners are
  members and nobody else is (bots aside). A newcomer unlinks it again.
- A prompt (``post_group_prompt``, also /prompt) goes out with an Answer button.
  Each partner answers privately (the button opens dialogs/prompt_answer.yaml,
  also /answer) or by replying in the group. When both are in, both answers are
  revealed together: a share consented by both, with the exact reveal text.
  A partner who hasn't answered is never named or nudged in the group.
- Answers are the author's own (``prompt_answers["<person>:<round>"]``); a round
  closed before the reveal (a new prompt, an unpairing) keeps them private."""

from __future__ import annotations

import logging
import random
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from bot.engine import safety
from bot.engine.actions import Action, Address, Button, SendMessage
from bot.engine.confidentiality import guard
from bot.engine.context import TurnContext
from bot.engine.couples import (
    COUPLES, GROUPS, UNPAIR_HOOKS, couple_of, deliver_share, first_name, new_id, reachable,
)
from bot.engine.engine import SESSIONS
from bot.engine.events import GroupMembers, MemberJoined, MemberLeft, Sender, TextMessage
from bot.engine.hooks import HookResult, hook
from bot.engine.people import IDENTITIES, PEOPLE
from bot.engine.personal_data import personal_table
from bot.engine.registry import button_family, command, on_group_event
from bot.store.protocol import Store

log = logging.getLogger(__name__)

ROUNDS = "prompt_rounds"  # round id -> {id, couple, group, prompt, question, status, answered, ...}
ANSWERS = "prompt_answers"  # "<person>:<round id>" -> the person's own answer
ANSWER_DIALOG = "prompt_answer"
MAX_ANSWER = 1000

personal_table(ANSWERS, "prefix")

PROMPTS_FILE = Path(__file__).resolve().parents[3] / "dialogs" / "data" / "prompts.yaml"


@lru_cache(maxsize=1)
def prompt_library() -> tuple[dict[str, str], ...]:
    """Every prompt as {id, category, text}, in file order."""
    raw = yaml.safe_load(PROMPTS_FILE.read_text(encoding="utf-8"))
    out = []
    for category, items in raw["categories"].items():
        for item in items:
            out.append({"id": str(item["id"]), "category": category, "text": str(item["text"])})
    return tuple(out)


# --- membership ------------------------------------------------------------------------


def _group(store: Store, chat_id: str) -> dict[str, Any]:
    return store.get(GROUPS, chat_id) or {"chat": chat_id, "members": {}, "couple": None}


def _note_member(group: dict[str, Any], sender: Sender) -> None:
    group["members"][sender.identity] = {"bot": bool(sender.is_bot)}


def _person_of(store: Store, identity: str) -> str | None:
    doc = store.get(IDENTITIES, identity)
    return doc["person"] if doc else None


def _who_is_here(store: Store, group: dict[str, Any]) -> set[str]:
    """Person ids (or raw identities for people unknown to the bot) of the humans seen in the group."""
    out = set()
    for identity, info in group["members"].items():
        if info.get("bot"):
            continue
        out.add(_person_of(store, identity) or identity)
    return out


def _crowded(group: dict[str, Any]) -> bool:
    """The platform counts more than two humans here (whoever they are)."""
    headcount = group.get("headcount")
    return isinstance(headcount, int) and headcount > 2


def private_for_two(store: Store, group: dict[str, Any], couple: dict[str, Any] | None) -> bool:
    return couple is not None and not _crowded(group) and _who_is_here(store, group) == set(couple["members"])


def _outsider_here(store: Store, group: dict[str, Any], couple: dict[str, Any]) -> bool:
    return _crowded(group) or bool(_who_is_here(store, group) - set(couple["members"]))


def _unlink(store: Store, group: dict[str, Any], text: str) -> list[Action]:
    couple = store.get(COUPLES, group["couple"]) if group.get("couple") else None
    if couple is not None:
        _close_open_round(store, couple)
        if couple.get("group") == group["chat"]:
            couple["group"] = None
            store.put(COUPLES, couple["id"], couple)
    group["couple"] = None
    store.put(GROUPS, group["chat"], group)
    _unschedule(store, group["chat"])
    return [SendMessage(to=Address.group(group["chat"]), text=text, notice="group_unlinked")]


def _on_unpair(store: Store, couple: dict[str, Any], now: datetime) -> list[Action]:
    _close_open_round(store, couple)
    if not couple.get("group"):
        return []
    group = _group(store, couple["group"])
    if group.get("couple") != couple["id"]:
        return []
    return _unlink(store, group, "This chat isn't linked to a couple any more, so I'll stop posting prompts here.")


UNPAIR_HOOKS.append(_on_unpair)


NEWCOMER = (
    "Someone new is here, so I've stopped the couple prompts in this chat: they're for a private space "
    "for two. The partners can set up a chat with just the two of them and send /linkgroup there."
)


def _check_still_private(store: Store, group: dict[str, Any]) -> list[Action]:
    """A linked group must stay just the couple: unlink as soon as anyone else shows up."""
    if not group.get("couple"):
        return []
    couple = store.get(COUPLES, group["couple"])
    if couple is None:
        return _unlink(store, group, "This chat isn't linked to a couple any more, so I'll stop posting prompts here.")
    if _outsider_here(store, group, couple):
        return _unlink(store, group, NEWCOMER)
    return []


@on_group_event
def group_event(ctx: TurnContext) -> list[Action]:
    event, store = ctx.event, ctx.store
    group = _group(store, event.chat.id)
    # Joins and leaves change who we know is here, never the count: a platform that counts
    # recounts after each of them, and its fresh count may already include this very change
    # (updates are handled concurrently), so adjusting it here would count a joiner twice or,
    # worse, let a stranger's leaving hide another stranger we never saw speak.
    if isinstance(event, MemberJoined):
        _note_member(group, event.member)
    elif isinstance(event, MemberLeft):
        group["members"].pop(event.member.identity, None)
    elif isinstance(event, GroupMembers):
        if event.headcount is None:  # the whole membership
            group["members"] = {}
            group.pop("headcount", None)
        else:  # a count, and only some of the members by name
            group["headcount"] = max(0, event.headcount)
        for member in event.members:
            _note_member(group, member)
    else:
        _note_member(group, event.sender)
    store.put(GROUPS, group["chat"], group)
    unlinked = _check_still_private(store, group)
    if unlinked:
        return unlinked
    couple = store.get(COUPLES, group["couple"]) if group.get("couple") else None
    if isinstance(event, TextMessage) and couple is not None and ctx.person_id in couple["members"]:
        return _answer_in_group(ctx, couple, event.text)
    return []


def _seen(ctx: TurnContext) -> tuple[dict[str, Any], list[Action]]:
    """Note the sender as a member; returns the group and any unlink notice."""
    group = _group(ctx.store, ctx.event.chat.id)
    _note_member(group, ctx.event.sender)
    ctx.store.put(GROUPS, group["chat"], group)
    unlinked = _check_still_private(ctx.store, group)
    return (_group(ctx.store, group["chat"]) if unlinked else group), unlinked


def _to_group(ctx: TurnContext, notice: str, text: str) -> SendMessage:
    return SendMessage(to=Address.group(ctx.event.chat.id), text=text, notice=notice)


def _me(ctx: TurnContext, text: str, buttons: tuple[Button, ...] = ()) -> SendMessage:
    return SendMessage(to=Address.person(ctx.person_id), text=text, buttons=buttons)


# --- linking ---------------------------------------------------------------------------

REFUSED = (
    "I only run couple prompts in a private space for two partners who've paired with me. "
    "Here I can see someone else as well, or I haven't seen both partners yet (if you're both here, "
    "each of you say hi, then try /linkgroup again)."
)


@command("linkgroup", "link a group chat of the two of you for shared prompts", in_groups=True, needs_onboarding=False)
def linkgroup(ctx: TurnContext, args: str) -> list[Action]:
    if ctx.event.chat.kind == "dm":
        return [_me(ctx, "Send /linkgroup inside a group chat that has just you, your partner and me.")]
    group, unlinked = _seen(ctx)
    couple = couple_of(ctx.store, ctx.person)
    if unlinked:
        return [*unlinked, _to_group(ctx, "group_refused", REFUSED)]
    if couple is None:
        return [_to_group(ctx, "group_refused", (
            "I run couple prompts for two partners who've paired with me. Pair first in a private chat with me "
            "(/pair and /join), then send /linkgroup here."))]
    if group.get("couple") == couple["id"]:
        return [_to_group(ctx, "group_linked", "This chat is already linked to the two of you. Send /prompt for a question now.")]
    other = ctx.store.get(COUPLES, group["couple"]) if group.get("couple") else None
    if other is not None or not private_for_two(ctx.store, group, couple):
        return [_to_group(ctx, "group_refused", REFUSED)]
    actions: list[Action] = []
    if couple.get("group") and couple["group"] != group["chat"]:
        actions += _unlink(ctx.store, _group(ctx.store, couple["group"]),
                           "This couple moved their prompts to another chat, so I'll stop posting here.")
        couple = ctx.store.get(COUPLES, couple["id"]) or couple
    group["couple"] = couple["id"]
    group["linked_at"] = ctx.clock.now().isoformat()
    ctx.store.put(GROUPS, group["chat"], group)
    couple["group"] = group["chat"]
    ctx.store.put(COUPLES, couple["id"], couple)
    _schedule(ctx.store, group["chat"], couple["id"], ctx.person.get("tz"), ctx.clock.now())
    names = " and ".join(first_name(ctx.store.get(PEOPLE, m)) for m in couple["members"])
    actions.append(_to_group(ctx, "group_linked", (
        f"Linked: this is {names}'s space now. Now and then I'll post a question here; each of you answers, "
        "and I show both answers together once you've both answered. Send /prompt for one now.")))
    return actions


@command("unlinkgroup", "stop prompts in your couple's group", in_groups=True)
def unlinkgroup(ctx: TurnContext, args: str) -> list[Action]:
    couple = couple_of(ctx.store, ctx.person)
    if couple is None or not couple.get("group"):
        if ctx.event.chat.kind == "dm":
            return [_me(ctx, "There's no linked group to stop.")]
        return []
    if ctx.event.chat.kind == "group" and ctx.event.chat.id != couple["group"]:
        return []
    actions = _unlink(ctx.store, _group(ctx.store, couple["group"]), "Okay, I've stopped the prompts here. /linkgroup starts them again.")
    if ctx.event.chat.kind == "dm":
        actions.append(_me(ctx, "Done: I've stopped the prompts in your group."))
    return actions


# --- posting ---------------------------------------------------------------------------


def _close_open_round(store: Store, couple: dict[str, Any]) -> None:
    round_id = couple.get("round")
    if not round_id:
        return
    round_ = store.get(ROUNDS, round_id)
    if round_ is not None and round_["status"] == "open":
        round_["status"] = "closed"
        store.put(ROUNDS, round_id, round_)


def _pick(couple: dict[str, Any], rng: random.Random) -> dict[str, str]:
    library = prompt_library()
    used = set(couple.get("prompts_used") or [])
    fresh = [p for p in library if p["id"] not in used]
    if not fresh:  # the library is used up: start a new cycle
        couple["prompts_used"] = []
        fresh = list(library)
    prompt = rng.choice(fresh)
    couple["prompts_used"] = [*couple.get("prompts_used", []), prompt["id"]]
    return prompt


def post_group_prompt(store: Store, couple_id: str, now: datetime, rng: random.Random | None = None) -> list[Action]:
    """Post a new prompt in the couple's linked group (for /prompt and the scheduler).
    Returns the (already guarded) actions; [] when there's no private linked group.
    Runs in its own transaction, or joins the caller's."""
    with store.transaction():
        couple = store.get(COUPLES, couple_id)
        if couple is None or not couple.get("group"):
            return []
        group = _group(store, couple["group"])
        if group.get("couple") != couple_id or not private_for_two(store, group, couple):
            return []
        _close_open_round(store, couple)
        prompt = _pick(couple, rng or random.Random())
        round_id = new_id("r")
        store.put(ROUNDS, round_id, {
            "id": round_id, "couple": couple_id, "group": group["chat"], "prompt": prompt["id"],
            "question": prompt["text"], "status": "open", "answered": [], "posted_at": now.isoformat(),
        })
        couple["round"] = round_id
        store.put(COUPLES, couple_id, couple)
        action = SendMessage(
            to=Address.group(group["chat"]), notice="group_prompt", ref=f"prompt:{round_id}",
            text=(f"💬 {prompt['text']}\n\nTap Answer to reply privately, or just reply here. "
                  "I'll show both answers together once you've both answered."),
            buttons=(Button(label="✍️ Answer", key=f"gp:a:{round_id}"),),
        )
        return guard(store, [action], None)


@command("prompt", "post a couple's prompt in your group now", in_groups=True)
def prompt_command(ctx: TurnContext, args: str) -> list[Action]:
    in_group = ctx.event.chat.kind == "group"
    if in_group:
        group, unlinked = _seen(ctx)
        couple = couple_of(ctx.store, ctx.person)
        if couple is None or group.get("couple") != couple["id"]:
            return [*unlinked, _to_group(ctx, "group_help", "Prompts run in a chat linked to a couple. The two partners can send /linkgroup here to set it up.")]
    else:
        couple = couple_of(ctx.store, ctx.person)
        if couple is None:
            return [_me(ctx, "Prompts are for couples: pair first with /pair, then link a group of the two of you with /linkgroup.")]
        if not couple.get("group"):
            return [_me(ctx, "Add me to a group chat with just the two of you and send /linkgroup there; then /prompt posts a question in it.")]
    actions = post_group_prompt(ctx.store, couple["id"], ctx.clock.now(), ctx.rng)
    if not actions:
        text = "I couldn't post there just now: the group needs to be just the two of you (bots aside)."
        return [_to_group(ctx, "group_refused", REFUSED)] if in_group else [_me(ctx, text)]
    if not in_group:
        actions.append(_me(ctx, "Posted a question in your group."))
    return actions


# --- answering ---------------------------------------------------------------------------


def _round(store: Store, round_id: str) -> dict[str, Any] | None:
    return store.get(ROUNDS, round_id) if round_id else None


def _current_round(store: Store, couple: dict[str, Any] | None) -> dict[str, Any] | None:
    if couple is None:
        return None
    round_ = _round(store, couple.get("round") or "")
    if round_ is None or round_["couple"] != couple["id"] or round_["status"] == "closed":
        return None
    return round_


@button_family("gp")
def prompt_button(ctx: TurnContext, rest: str) -> list[Action]:
    kind, _, round_id = rest.partition(":")
    if ctx.event.chat.kind == "group":
        _, unlinked = _seen(ctx)
        if unlinked:
            return unlinked
    round_ = _round(ctx.store, round_id)
    couple = couple_of(ctx.store, ctx.person)
    if kind != "a" or round_ is None or couple is None or round_["couple"] != couple["id"]:
        return [_me(ctx, "That button belongs to another couple's prompt, so it doesn't do anything for you.")] if round_ else []
    if round_["status"] == "closed" or couple.get("round") != round_id:
        return [_me(ctx, "That prompt is closed now. Send /prompt in your group for a new one.")]
    if not reachable(ctx.store, ctx.person_id):
        return [_to_group(ctx, "group_help", "To answer privately, open a chat with me first, then tap Answer again. Or simply reply here.")]
    if ctx.store.get(SESSIONS, ctx.person_id) is not None:
        return [_me(ctx, f"A question from your group is waiting:\n\n💬 {round_['question']}\n\nSend /answer when you're ready.")]
    ctx.start_dialog = ANSWER_DIALOG
    return []


def _ask_text(ctx: TurnContext, round_: dict[str, Any]) -> str:
    if ctx.person_id in round_["answered"] or round_["status"] == "revealed":
        return (f"💬 {round_['question']}\n\nThe answers are already out. Anything to add? "
                "Type it and I'll add it beneath the reveal in your group (you'll see it first).")
    partner = ctx.person.get("partner_name") or "your partner"
    return (f"💬 {round_['question']}\n\nType your answer. {partner} won't see it until you've both answered; "
            "then I show both in your group together.")


def _answer_text(name: str, text: str) -> str:
    return f"{name}: {text}"


def _record(ctx: TurnContext, round_: dict[str, Any], text: str, via: str) -> None:
    key = f"{ctx.person_id}:{round_['id']}"
    previous = ctx.store.get(ANSWERS, key)
    ctx.store.put(ANSWERS, key, {
        "round": round_["id"], "question": round_["question"], "text": text, "via": via,
        "at": ctx.clock.now().isoformat(), "earlier": ([previous["text"]] + previous.get("earlier", [])) if previous else [],
    })


def _reveal_or_add(ctx: TurnContext, couple: dict[str, Any], round_: dict[str, Any], text: str) -> tuple[list[Action], str]:
    """After the person's answer was recorded: reveal when both are in, or add beneath a reveal."""
    store, now = ctx.store, ctx.clock.now()
    group = Address.group(round_["group"])
    if round_["status"] == "revealed":
        addition = f"➕ Added by {first_name(ctx.person)}:\n{text}"
        _, message = deliver_share(
            store, owner=ctx.person, audience=group, text=addition, kind="reveal", now=now,
            item={"table": ANSWERS, "round": round_["id"]}, viewers=couple["members"],
            parts=[{"author": ctx.person_id, "text": addition}],
        )
        return [message], "Added beneath the answers in your group."
    if ctx.person_id not in round_["answered"]:
        round_["answered"].append(ctx.person_id)
    if set(round_["answered"]) != set(couple["members"]):
        store.put(ROUNDS, round_["id"], round_)
        return [], "Got it. I'll show both answers together in your group once you've both answered."
    parts, lines = [], [f"✨ Both answers are in!\n\n💬 {round_['question']}"]
    for member in couple["members"]:
        person = ctx.person if member == ctx.person_id else store.get(PEOPLE, member)
        answer = store.get(ANSWERS, f"{member}:{round_['id']}")
        if person is None or answer is None:  # cannot happen while paired; never reveal half
            store.put(ROUNDS, round_["id"], round_)
            return [], "Saved."
        line = _answer_text(first_name(person), answer["text"])
        parts.append({"author": member, "text": line})
        lines.append(line)
    reveal = "\n\n".join(lines)
    _, message = deliver_share(
        store, owner=ctx.person, audience=group, text=reveal, kind="reveal", now=now,
        item={"table": ANSWERS, "round": round_["id"]}, consented_by=couple["members"], parts=parts,
        ref=f"reveal:{round_['id']}",
    )
    round_["status"] = "revealed"
    round_["revealed_at"] = now.isoformat()
    store.put(ROUNDS, round_["id"], round_)
    return [message], "You've both answered: I've shown both answers together in your group."


def _answer_in_group(ctx: TurnContext, couple: dict[str, Any], raw: str) -> list[Action]:
    """A partner's plain reply in the group counts as their answer while the round is open."""
    round_ = _current_round(ctx.store, couple)
    text = " ".join(raw.split())[:MAX_ANSWER]
    if round_ is None or round_["status"] != "open" or ctx.person_id in round_["answered"] or not text:
        return []
    screening = safety.screen(text)
    if screening is not None:  # never relayed; a caring word in private instead
        return [_me(ctx, safety.reply_for(screening, ctx.person.get("region") or ctx.settings.default_region))]
    _record(ctx, round_, text, via="group")
    actions, note = _reveal_or_add(ctx, couple, round_, text)
    if not actions:
        actions.append(_me(ctx, "I took your message in the group as your answer. " + note))
    return actions


# --- the answer dialog (dialogs/prompt_answer.yaml) ---------------------------------------


@hook("answer_find", sets=("question", "round"))
def answer_find(ctx: TurnContext) -> HookResult:
    couple = couple_of(ctx.store, ctx.person)
    round_ = _current_round(ctx.store, couple)
    if round_ is None:
        return HookResult(goto="none")
    return HookResult(vars={"round": round_["id"], "question": round_["question"]})


@hook("answer_ask", sets=("ask_text",))
def answer_ask(ctx: TurnContext) -> HookResult:
    round_ = _round(ctx.store, str(ctx.vars.get("round") or ""))
    if round_ is None:
        return HookResult(goto="closed")
    return HookResult(vars={"ask_text": _ask_text(ctx, round_)})


@hook("answer_clean", sets=("answer_preview",))
def answer_clean(ctx: TurnContext) -> HookResult:
    text = " ".join(str(ctx.answer).split())
    if not text:
        return HookResult(error="Type a few words as your answer.")
    if len(text) > MAX_ANSWER:
        return HookResult(error=f"Could you keep it under {MAX_ANSWER} characters? The heart of it is enough.")
    round_ = _round(ctx.store, str(ctx.vars.get("round") or ""))
    if round_ is not None and round_["status"] == "revealed":
        preview = f"➕ Added by {first_name(ctx.person)}:\n{text}"
    else:
        preview = _answer_text(first_name(ctx.person), text)
    return HookResult(value=text, vars={"answer_preview": preview})


@hook("answer_save", sets=("answer_note",))
def answer_save(ctx: TurnContext) -> HookResult:
    round_ = _round(ctx.store, str(ctx.vars.get("round") or ""))
    couple = couple_of(ctx.store, ctx.person)
    text = str(ctx.vars.get("answer") or "")
    if round_ is None or couple is None or round_["couple"] != couple["id"] or round_["status"] == "closed":
        if round_ is not None:
            _record(ctx, round_, text, via="dm")
        return HookResult(vars={"answer_note": (
            "That prompt closed in the meantime, so nothing goes to the group. I've kept your answer just for you.")})
    _record(ctx, round_, text, via="dm")
    actions, note = _reveal_or_add(ctx, couple, round_, text)
    return HookResult(actions=actions, vars={"answer_note": note})


# --- the scheduler's side -----------------------------------------------------------------
# Linking a group gives it a weekly prompt (Sunday, 19:00 in the linker's time zone) in the
# scheduler; unlinking clears it. The scheduler calls `_scheduled_prompt` at each slot.

SCHEDULE = {"cadence": "weekly", "weekday": 6, "time": "19:00"}


def _schedule(store: Store, chat_id: str, couple_id: str, tz: str | None, now: datetime) -> None:
    try:
        from bot.scheduler import set_group_schedule

        set_group_schedule(store, chat_id, couple=couple_id, cadence=SCHEDULE["cadence"], time=SCHEDULE["time"],
                           tz=tz or "UTC", now=now, weekday=SCHEDULE["weekday"])
    except (ImportError, ValueError):
        log.warning("could not schedule prompts for a linked group")


def _unschedule(store: Store, chat_id: str) -> None:
    try:
        from bot.scheduler import clear_group_schedule

        clear_group_schedule(store, chat_id)
    except ImportError:
        pass


def _scheduled_prompt(store: Store, chat_id: str, schedule: dict[str, Any], now: datetime) -> list[Action]:
    couple = store.get(COUPLES, str(schedule.get("couple") or ""))
    if couple is None or couple.get("group") != chat_id:
        return []
    return post_group_prompt(store, couple["id"], now)


try:
    from bot.scheduler import group_prompt_sender

    group_prompt_sender(_scheduled_prompt)
except ImportError:  # the scheduler is optional for the engine
    log.warning("scheduler not available: couple groups get prompts on /prompt only")
