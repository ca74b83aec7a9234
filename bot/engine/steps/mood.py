"""Hooks for the mood chart (dialogs/mood.yaml): gather the last 30 days of check-ins and draw them.

A partner's line appears only when the two are paired with each other, and then only
with the check-ins that partner chose to share (sharing == "shared")."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta
from typing import Any

from bot.engine.actions import Address, SendFile
from bot.engine.context import TurnContext
from bot.engine.hooks import HookResult, hook
from bot.engine.people import PEOPLE
from bot.engine.steps.healthcheck import data_file
from bot.engine.templates import join_words, render
from bot.engine.timeparse import zone_of
from bot.store.protocol import Store

CHECKINS = "checkins"
DAYS = 30
TOP_FEELINGS = 5


def checkins_between(store: Store, person_id: str, start: datetime, shared_only: bool = False) -> list[dict[str, Any]]:
    """A person's check-ins from `start` on, oldest first (keys sort by time)."""
    out = []
    for key in store.keys(CHECKINS, person_id + ":"):
        doc = store.get(CHECKINS, key)
        if not doc or "at" not in doc:
            continue
        try:
            at = datetime.fromisoformat(doc["at"])
            scale = int(doc.get("scale"))
        except (TypeError, ValueError):
            continue
        if at < start or not 1 <= scale <= 5:
            continue
        if shared_only and doc.get("sharing") != "shared":
            continue
        out.append({**doc, "_at": at, "scale": scale})
    return out


def top_feelings(docs: list[dict[str, Any]], n: int = TOP_FEELINGS) -> list[tuple[str, int]]:
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for doc in docs:
        feelings = doc.get("feelings") or []
        if isinstance(feelings, str):
            feelings = [feelings]
        for feeling in feelings:
            word = " ".join(str(feeling).split()).lower()
            if word:
                counts[word] += 1
                first_seen.setdefault(word, len(first_seen))
    return sorted(counts.items(), key=lambda kv: (-kv[1], first_seen[kv[0]]))[:n]


def mutual_partner(store: Store, person: dict[str, Any]) -> dict[str, Any] | None:
    partner_id = person.get("partner")
    if not partner_id:
        return None
    partner = store.get(PEOPLE, partner_id)
    if not partner or partner.get("partner") != person.get("id"):
        return None
    return partner


@hook("mood_chart", sets=("mood_text",))
def mood_chart(ctx: TurnContext) -> HookResult:
    from bot.charts import Series, mood_chart as draw

    words = data_file(ctx, "mood.yaml")["text"]
    variables = {"name": ctx.person.get("name") or "there",
                 "partner_name": ctx.person.get("partner_name") or "your partner"}
    zone = zone_of(ctx.person.get("tz"))
    now = ctx.clock.now()
    today: date = now.astimezone(zone).date()
    start_day = today - timedelta(days=DAYS - 1)
    start = datetime.combine(start_day, datetime.min.time(), tzinfo=zone)

    own = checkins_between(ctx.store, ctx.person_id, start)
    if not own:
        return HookResult(goto="empty", vars={"mood_text": ""})
    series = [Series(str(words["you"]), [(d["_at"].astimezone(zone).date(), d["scale"]) for d in own])]
    partner = mutual_partner(ctx.store, ctx.person)
    theirs = checkins_between(ctx.store, partner["id"], start, shared_only=True) if partner else []
    if theirs:
        label = ctx.person.get("partner_name") or partner.get("name") or "Partner"
        variables["partner_name"] = label
        series.append(Series(label, [(d["_at"].astimezone(zone).date(), d["scale"]) for d in theirs]))
    feelings = top_feelings(own)
    chart = draw(series, feelings, today=today, days=DAYS)

    lines = [render(ctx.rng.choice(list(words["intro"])), variables)]
    if len(own) == 1:
        lines.append(render(words["one"], variables))
    if feelings:
        lines.append(render(words["feelings"], {**variables, "feelings": join_words([w for w, _ in feelings])}))
    else:
        lines.append(render(words["no_feelings"], variables))
    if theirs:
        lines.append(render(words["partner"], variables))
    caption = render(words["caption_both" if theirs else "caption"], variables)
    image = SendFile(to=Address.person(ctx.person_id), filename="mood.png", data=chart.png, caption=caption,
                     image=True, mime="image/png")
    return HookResult(vars={"mood_text": "\n\n".join(lines)}, actions=[image])
