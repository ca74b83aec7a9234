"""Boundaries (a shared list both agree on) and needs (each partner's, with a priority).

Boundaries: ``boundaries["<proposer>:<id>"]``. Proposing one is a share: the
proposer sees exactly what their partner will read, and only then is it sent.
It joins the list when the partner agrees; either partner can ask to revisit an
agreed one, and the other can keep it or set it aside.

Needs: ``needs["<person>:<id>"]``, private by default. Sharing one (after an exact
preview) sends it to the partner and puts it in their view; /needs shows your own
needs beside what your partner shared, as text and, where the platform shows
images, as a picture."""

from __future__ import annotations

import io
from typing import Any

from bot.engine.actions import Action, Address, SendFile, SendMessage
from bot.engine.context import TurnContext
from bot.engine.couples import (
    couple_of, deliver_share, first_name, new_id, partner_of, reachable, view_of, withdraw_share,
)
from bot.engine.hooks import HookResult, hook
from bot.engine.personal_data import personal_table
from bot.store.protocol import Store

BOUNDARIES = "boundaries"
NEEDS = "needs"
MAX_ITEM = 200
PRIORITIES = {"high": 0, "medium": 1, "low": 2}
PRIORITY_MARK = {"high": "🔴 high", "medium": "🟠 medium", "low": "🟢 low"}
IMAGE_PLATFORMS = frozenset({"telegram", "discord"})

personal_table(BOUNDARIES, "prefix")
personal_table(NEEDS, "prefix")


def _clean(text: Any) -> str:
    return " ".join(str(text).split()).strip(" .")


def _label(index: int, text: str) -> str:
    short = text if len(text) <= 48 else text[:47] + "…"
    return f"{index}. {short}"


def _index_of(label: Any) -> int | None:
    head = str(label).split(".", 1)[0].strip()
    return int(head) - 1 if head.isdigit() else None


# --- boundaries --------------------------------------------------------------------------


def couple_boundaries(store: Store, couple: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for member in couple["members"]:
        for key in store.keys(BOUNDARIES, member + ":"):
            doc = store.get(BOUNDARIES, key)
            if doc and doc.get("couple") == couple["id"] and doc.get("status") != "removed":
                out.append({**doc, "key": key})
    return sorted(out, key=lambda d: d.get("at", ""))


def _notify(ctx: TurnContext, to: str, notice: str, text: str) -> SendMessage:
    return SendMessage(to=Address.person(to), text=text, notice=notice)


@hook("boundaries_show", sets=("boundaries_text",))
def boundaries_show(ctx: TurnContext) -> HookResult:
    couple = couple_of(ctx.store, ctx.person)
    if couple is None:
        return HookResult(goto="not_paired")
    items = couple_boundaries(ctx.store, couple)
    agreed = [b for b in items if b["status"] in ("agreed", "revisit")]
    waiting_me = [b for b in items if b["status"] in ("proposed", "revisit") and b.get("waiting_on") == ctx.person_id]
    waiting_them = [b for b in items if b["status"] == "proposed" and b.get("waiting_on") != ctx.person_id]
    lines = ["Your shared boundaries:" if agreed else "You haven't agreed any boundaries yet."]
    lines += [f"• {b['text']}" + (" (up for revisiting)" if b["status"] == "revisit" else "") for b in agreed]
    if waiting_me:
        lines.append(f"\n{len(waiting_me)} waiting for your answer: tap “Respond”.")
    if waiting_them:
        lines.append(f"\nWaiting for {ctx.person.get('partner_name') or 'your partner'}: " + "; ".join(b["text"] for b in waiting_them))
    return HookResult(vars={"boundaries_text": "\n".join(lines)})


@hook("boundary_clean", sets=("boundary_preview",))
def boundary_clean(ctx: TurnContext) -> HookResult:
    text = _clean(ctx.answer)
    if len(text) < 3:
        return HookResult(error="Say it in a few words, like “No phones at dinner”.")
    if len(text) > MAX_ITEM:
        return HookResult(error=f"Could you keep it under {MAX_ITEM} characters? Short boundaries are easier to keep.")
    preview = f"{first_name(ctx.person)} suggests a boundary for the two of you:\n“{text}”\nOpen /boundaries to agree or to talk about it first."
    return HookResult(value=text, vars={"boundary_preview": preview})


@hook("boundary_propose", sets=("boundary_note",))
def boundary_propose(ctx: TurnContext) -> HookResult:
    couple = couple_of(ctx.store, ctx.person)
    partner = partner_of(ctx.store, ctx.person)
    if couple is None or partner is None:
        return HookResult(vars={"boundary_note": "You're not paired any more, so I haven't sent it."})
    text = str(ctx.vars.get("boundary_text") or "")
    preview = str(ctx.vars.get("boundary_preview") or "")
    now = ctx.clock.now()
    bid = new_id("b")
    key = f"{ctx.person_id}:{bid}"
    share, message = deliver_share(
        ctx.store, owner=ctx.person, audience=Address.person(partner["id"]), text=preview, kind="boundary",
        item={"table": BOUNDARIES, "key": key}, now=now,
    )
    ctx.store.put(BOUNDARIES, key, {
        "id": bid, "couple": couple["id"], "proposer": ctx.person_id, "text": text, "status": "proposed",
        "waiting_on": partner["id"], "share": share["id"], "at": now.isoformat(),
    })
    note = f"Sent to {first_name(partner)}. It joins your shared list once they agree."
    if not reachable(ctx.store, partner["id"]):
        note = f"Saved. I can't reach {first_name(partner)} right now; they'll find it in /boundaries when they're back."
    return HookResult(actions=[message], vars={"boundary_note": note})


def _pending_for_me(ctx: TurnContext) -> list[dict[str, Any]]:
    couple = couple_of(ctx.store, ctx.person)
    if couple is None:
        return []
    return [b for b in couple_boundaries(ctx.store, couple)
            if b["status"] in ("proposed", "revisit") and b.get("waiting_on") == ctx.person_id]


@hook("boundaries_pending", sets=("pending_text", "pending_keys"))
def boundaries_pending(ctx: TurnContext) -> HookResult:
    pending = _pending_for_me(ctx)
    if not pending:
        return HookResult(goto="nothing_pending")
    return HookResult(vars={"pending_keys": [b["key"] for b in pending], "pending_text": "Which one would you like to answer?"})


@hook("boundaries_pending_options")
def boundaries_pending_options(ctx: TurnContext) -> HookResult:
    pending = _pending_for_me(ctx)
    return HookResult(options=[_label(i + 1, b["text"]) for i, b in enumerate(pending)])


def _picked(ctx: TurnContext, keys_var: str) -> dict[str, Any] | None:
    index = _index_of(ctx.vars.get("picked"))
    keys = ctx.vars.get(keys_var) or []
    if index is None or not 0 <= index < len(keys):
        return None
    doc = ctx.store.get(BOUNDARIES, keys[index])
    return {**doc, "key": keys[index]} if doc else None


@hook("boundary_picked", sets=("picked_text",))
def boundary_picked(ctx: TurnContext) -> HookResult:
    doc = _picked(ctx, "pending_keys")
    if doc is None:
        return HookResult(goto="nothing_pending")
    who = "You" if doc["proposer"] == ctx.person_id else first_name(ctx.store.get("people", doc["proposer"]))
    if doc["status"] == "revisit":
        text = f"“{doc['text']}”\n\n{ctx.person.get('partner_name') or 'Your partner'} would like to revisit this one. Keep it as it is, talk it over first, or set it aside?"
    else:
        text = f"{who} suggested: “{doc['text']}”\n\nAgree to add it to your shared list, or talk it over first?"
    return HookResult(vars={"picked_text": text})


def _decide(ctx: TurnContext, outcome: str) -> HookResult:
    doc = _picked(ctx, "pending_keys")
    if doc is None or doc.get("waiting_on") != ctx.person_id:
        return HookResult(vars={"boundary_note": "That one has changed in the meantime; nothing to do."})
    key = doc.pop("key")
    other = doc["revisit_by"] if doc["status"] == "revisit" else doc["proposer"]
    name = first_name(ctx.person)
    if outcome == "agree":
        doc.update(status="agreed", waiting_on=None, agreed_at=ctx.clock.now().isoformat())
        notice = _notify(ctx, other, "boundary_agreed", f"{name} agreed to a boundary, so it's on your shared list now. See /boundaries.")
        note = "Added to your shared list. Thank you for looking after each other."
    elif outcome == "remove":
        doc.update(status="removed", waiting_on=None)
        notice = _notify(ctx, other, "boundary_removed", f"{name} set one of your boundaries aside after you asked to revisit it. See /boundaries, and maybe talk about what would work instead.")
        note = "Set aside. It's off your shared list."
    else:
        notice = _notify(ctx, other, "boundary_talk", f"{name} would like to talk about a boundary before agreeing. Maybe find a calm moment for it soon.")
        note = "I've let them know you'd like to talk it over first. It stays open until one of you decides."
    ctx.store.put(BOUNDARIES, key, doc)
    return HookResult(actions=[notice], vars={"boundary_note": note})


@hook("boundary_agree", sets=("boundary_note",))
def boundary_agree(ctx: TurnContext) -> HookResult:
    return _decide(ctx, "agree")


@hook("boundary_talk", sets=("boundary_note",))
def boundary_talk(ctx: TurnContext) -> HookResult:
    return _decide(ctx, "talk")


@hook("boundary_remove", sets=("boundary_note",))
def boundary_remove(ctx: TurnContext) -> HookResult:
    return _decide(ctx, "remove")


def _agreed(ctx: TurnContext) -> list[dict[str, Any]]:
    couple = couple_of(ctx.store, ctx.person)
    if couple is None:
        return []
    return [b for b in couple_boundaries(ctx.store, couple) if b["status"] == "agreed"]


@hook("boundaries_agreed", sets=("agreed_keys",))
def boundaries_agreed(ctx: TurnContext) -> HookResult:
    agreed = _agreed(ctx)
    if not agreed:
        return HookResult(goto="nothing_agreed")
    return HookResult(vars={"agreed_keys": [b["key"] for b in agreed]})


@hook("boundaries_agreed_options")
def boundaries_agreed_options(ctx: TurnContext) -> HookResult:
    return HookResult(options=[_label(i + 1, b["text"]) for i, b in enumerate(_agreed(ctx))])


@hook("boundary_revisit", sets=("boundary_note",))
def boundary_revisit(ctx: TurnContext) -> HookResult:
    doc = _picked(ctx, "agreed_keys")
    partner = partner_of(ctx.store, ctx.person)
    if doc is None or partner is None or doc.get("status") != "agreed":
        return HookResult(vars={"boundary_note": "That one has changed in the meantime; nothing to do."})
    key = doc.pop("key")
    doc.update(status="revisit", waiting_on=partner["id"], revisit_by=ctx.person_id)
    ctx.store.put(BOUNDARIES, key, doc)
    notice = _notify(ctx, partner["id"], "boundary_revisit",
                     f"{first_name(ctx.person)} would like to revisit one of your boundaries. Open /boundaries when you have a quiet moment.")
    return HookResult(actions=[notice], vars={"boundary_note": f"I've asked {first_name(partner)}. It stays on the list until one of you decides."})


# --- needs ---------------------------------------------------------------------------------


def my_needs(store: Store, person_id: str) -> list[dict[str, Any]]:
    docs = [{**(store.get(NEEDS, k) or {}), "key": k} for k in store.keys(NEEDS, person_id + ":")]
    return sorted([d for d in docs if d.get("text")], key=lambda d: (PRIORITIES.get(d.get("priority", "low"), 2), d.get("at", "")))


def partner_needs(store: Store, person_id: str) -> list[dict[str, Any]]:
    """The partner's needs as they shared them with this person: from the view, nowhere else."""
    out = []
    for doc in view_of(store, person_id, kind="need"):
        item = doc.get("item", {})
        out.append({"text": item.get("text", doc["text"]), "priority": item.get("priority", "low"), "at": doc["at"]})
    return sorted(out, key=lambda d: (PRIORITIES.get(d["priority"], 2), d["at"]))


def _need_line(doc: dict[str, Any], mine: bool) -> str:
    lock = " 🔒" if mine and not doc.get("share") else ""
    return f"• {doc['text']} ({PRIORITY_MARK.get(doc.get('priority', 'low'), doc.get('priority', ''))}){lock}"


def needs_text(ctx: TurnContext) -> str:
    mine = my_needs(ctx.store, ctx.person_id)
    lines = ["Your needs:"] + ([_need_line(d, True) for d in mine] or ["• none yet"])
    if partner_of(ctx.store, ctx.person) is not None:
        theirs = partner_needs(ctx.store, ctx.person_id)
        name = ctx.person.get("partner_name") or "Your partner"
        lines += ["", f"{name}'s needs (what they've shared with you):"] + ([_need_line(d, False) for d in theirs] or ["• nothing shared yet"])
    if any(not d.get("share") for d in mine):
        lines.append("\n🔒 = just for you.")
    return "\n".join(lines)


def needs_image(left_title: str, left: list[dict[str, Any]], right_title: str, right: list[dict[str, Any]]) -> bytes:
    """Two columns of needs, coloured by priority, as a PNG."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    colours = {"high": "#C8553D", "medium": "#E0A458", "low": "#6B9E78"}
    rows = max(len(left), len(right), 1)
    fig = Figure(figsize=(7.0, 1.6 + 0.55 * rows), dpi=150, facecolor="#F4F0EA")
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_axis_off()
    ax.set_xlim(0, 2)
    ax.set_ylim(rows + 1.4, 0)
    for column, (title, items) in enumerate(((left_title, left), (right_title, right))):
        x = column + 0.06
        ax.text(x, 0.7, title, fontsize=13, fontweight="bold", color="#2F2F2F", va="center")
        if not items:
            ax.text(x, 1.5, "nothing yet", fontsize=10, color="#6B6B6B", va="center", style="italic")
        for row, item in enumerate(items):
            y = 1.5 + row
            priority = item.get("priority", "low")
            ax.add_patch(matplotlib.patches.FancyBboxPatch(
                (x, y - 0.38), 0.86, 0.76, boxstyle="round,pad=0.02", facecolor=colours.get(priority, "#999999"), alpha=0.25,
                edgecolor=colours.get(priority, "#999999")))
            text = item["text"] if len(item["text"]) <= 34 else item["text"][:33] + "…"
            ax.text(x + 0.03, y - 0.08, text, fontsize=9.5, color="#2F2F2F", va="center")
            ax.text(x + 0.03, y + 0.2, priority, fontsize=7.5, color="#6B6B6B", va="center")
    out = io.BytesIO()
    fig.savefig(out, format="png", facecolor=fig.get_facecolor())
    return out.getvalue()


@hook("needs_show", sets=("needs_text",))
def needs_show(ctx: TurnContext) -> HookResult:
    actions: list[Action] = []
    if ctx.event.sender.platform in IMAGE_PLATFORMS:
        mine = my_needs(ctx.store, ctx.person_id)
        paired = partner_of(ctx.store, ctx.person) is not None
        theirs = partner_needs(ctx.store, ctx.person_id) if paired else []
        right = (ctx.person.get("partner_name") if paired else None) or "Your partner"
        data = needs_image("You", mine, right, theirs)
        actions.append(SendFile(to=Address.person(ctx.person_id), filename="needs.png", data=data, image=True,
                                caption="Your needs side by side", mime="image/png"))
    return HookResult(actions=actions, vars={"needs_text": needs_text(ctx)})


@hook("need_clean")
def need_clean(ctx: TurnContext) -> HookResult:
    text = _clean(ctx.answer)
    if len(text) < 2:
        return HookResult(error="A few words are enough, like “time to rest on weekends”.")
    if len(text) > MAX_ITEM:
        return HookResult(error=f"Could you keep it under {MAX_ITEM} characters?")
    return HookResult(value=text)


@hook("need_preview", sets=("need_preview",))
def need_preview(ctx: TurnContext) -> HookResult:
    if partner_of(ctx.store, ctx.person) is None:
        _save_need(ctx)
        return HookResult(goto="saved_unpaired")
    priority = str(ctx.vars.get("need_priority") or "medium")
    preview = f"{first_name(ctx.person)} shared a need ({priority} priority right now):\n“{ctx.vars.get('need_text', '')}”"
    return HookResult(vars={"need_preview": preview})


def _save_need(ctx: TurnContext) -> tuple[str, dict[str, Any]]:
    now = ctx.clock.now()
    key = f"{ctx.person_id}:{new_id('n')}"
    doc = {"text": str(ctx.vars.get("need_text") or ""), "priority": str(ctx.vars.get("need_priority") or "medium"),
           "share": None, "at": now.isoformat()}
    ctx.store.put(NEEDS, key, doc)
    return key, doc


@hook("need_save_private")
def need_save_private(ctx: TurnContext) -> HookResult:
    _save_need(ctx)
    return HookResult()


@hook("need_save_shared", sets=("need_note",))
def need_save_shared(ctx: TurnContext) -> HookResult:
    key, doc = _save_need(ctx)
    partner = partner_of(ctx.store, ctx.person)
    if partner is None:
        return HookResult(vars={"need_note": "You're not paired any more, so I kept it just for you."})
    share, message = deliver_share(
        ctx.store, owner=ctx.person, audience=Address.person(partner["id"]), text=str(ctx.vars.get("need_preview") or ""),
        kind="need", item={"table": NEEDS, "key": key, "text": doc["text"], "priority": doc["priority"]}, now=ctx.clock.now(),
    )
    doc["share"] = share["id"]
    ctx.store.put(NEEDS, key, doc)
    note = f"Shared with {first_name(partner)}, exactly as you saw it."
    if not reachable(ctx.store, partner["id"]):
        note = f"Saved and shared; I can't reach {first_name(partner)} right now, so they'll see it in /needs when they're back."
    return HookResult(actions=[message], vars={"need_note": note})


@hook("needs_mine_options")
def needs_mine_options(ctx: TurnContext) -> HookResult:
    return HookResult(options=[_label(i + 1, d["text"]) for i, d in enumerate(my_needs(ctx.store, ctx.person_id))])


@hook("needs_mine", sets=("need_keys",))
def needs_mine(ctx: TurnContext) -> HookResult:
    mine = my_needs(ctx.store, ctx.person_id)
    if not mine:
        return HookResult(goto="no_needs")
    return HookResult(vars={"need_keys": [d["key"] for d in mine]})


@hook("need_remove", sets=("need_note",))
def need_remove(ctx: TurnContext) -> HookResult:
    index = _index_of(ctx.vars.get("picked"))
    keys = ctx.vars.get("need_keys") or []
    if index is None or not 0 <= index < len(keys):
        return HookResult(vars={"need_note": "I couldn't find that one; nothing changed."})
    doc = ctx.store.get(NEEDS, keys[index])
    if doc is None:
        return HookResult(vars={"need_note": "That one is already gone."})
    if doc.get("share"):
        withdraw_share(ctx.store, doc["share"])
    ctx.store.delete(NEEDS, keys[index])
    return HookResult(vars={"need_note": f"Removed “{doc['text']}”" + (" from both your lists." if doc.get("share") else ".")})

