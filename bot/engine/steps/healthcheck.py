"""Hooks for the relationship health check (dialogs/healthcheck.yaml): reading a typed
answer as a 1..5 number, scoring the areas, drawing the chart, the private record,
the change since last time and the consented summary for the partner.

The questions and every sentence people read live in the dialog and in
dialogs/data/healthcheck.yaml; this module only counts and draws."""

from __future__ import annotations

import re
import secrets
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from bot.engine.actions import Address, SendFile, SendMessage
from bot.engine.confidentiality import create_share
from bot.engine.context import TurnContext
from bot.engine.dialog_loader import DEFAULT_DIALOGS_DIR
from bot.engine.hooks import HookResult, hook
from bot.engine.personal_data import personal_table
from bot.engine.templates import join_words, render
from bot.engine.timeparse import zone_of

HEALTHCHECKS = "healthchecks"  # "<person id>:<YYYYmmddTHHMMSSffffff>" -> one private result
personal_table(HEALTHCHECKS, "prefix")

SAVED_KEY = "hc_saved_key"  # session variable: this run's record, so going back and on updates it
SAME = 0.25  # changes smaller than this read as "about the same"


@lru_cache(maxsize=4)
def _load(path: str) -> dict[str, Any]:
    return yaml.safe_load(Path(path).read_text(encoding="utf-8"))


def data_file(ctx: TurnContext | None, name: str) -> dict[str, Any]:
    """A file from dialogs/data, preferring the configured dialogs folder."""
    folder = getattr(getattr(ctx, "settings", None), "dialogs_dir", None)
    path = Path(folder) / "data" / name if folder else None
    if path is None or not path.exists():
        path = DEFAULT_DIALOGS_DIR / "data" / name
    return _load(str(path))


def wording(ctx: TurnContext | None) -> dict[str, Any]:
    return data_file(ctx, "healthcheck.yaml")


def _vars(ctx: TurnContext, **extra: Any) -> dict[str, Any]:
    return {"name": ctx.person.get("name") or "there", "partner_name": ctx.person.get("partner_name") or "your partner",
            **extra}


def _say(ctx: TurnContext, key: str, **extra: Any) -> str:
    return render(str(wording(ctx)["text"][key]), _vars(ctx, **extra))


# --- one answer ------------------------------------------------------------------------

_NUMBER = re.compile(r"^\s*(-?\d+(?:[.,]\d+)?)\s*(?:(?:/|out of|of)\s*(\d+))?\s*[.!]*\s*$")
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "zero": 0, "six": 6, "ten": 10}


def parse_scale(text: str, typed_words: dict[int, list[str]] | None = None) -> float | None | str:
    """A typed answer as a number 1..5; "range" when it is a number outside 1..5; None when unreadable."""
    raw = " ".join(str(text).lower().split()).strip(" .!?")
    if raw in _NUMBER_WORDS:
        raw = str(_NUMBER_WORDS[raw])
    match = _NUMBER.match(raw)
    if match:
        value = float(match.group(1).replace(",", "."))
        out_of = match.group(2)
        if out_of and int(out_of) not in (5,):
            if int(out_of) == 10 and 0 <= value <= 10:  # "7/10"
                value = round(1 + value * 0.4, 1)
            else:
                return "range"
        if not 1 <= value <= 5:
            return "range"
        return round(value * 2) / 2  # halves are fine; finer than that means nothing here
    for number, words in (typed_words or {}).items():
        if raw in words:
            return float(number)
    return None


@hook("hc_scale")
def hc_scale(ctx: TurnContext) -> HookResult:
    data = wording(ctx)
    value = parse_scale(str(ctx.answer), {int(k): v for k, v in data["typed_words"].items()})
    if value == "range":
        return HookResult(error=_say(ctx, "out_of_range"))
    if value is None:
        return HookResult(error=_say(ctx, "not_a_number"))
    return HookResult(value=int(value) if float(value).is_integer() else value)


# --- scoring ---------------------------------------------------------------------------


def area_scores(answers: dict[str, Any], areas: list[dict[str, Any]]) -> dict[str, float]:
    """Average answer per area id, over the answers given ("<area>_<n>")."""
    scores: dict[str, float] = {}
    for area in areas:
        values = []
        for key, value in answers.items():
            if key.rsplit("_", 1)[0] == area["id"] and key.rsplit("_", 1)[-1].isdigit():
                try:
                    values.append(min(5.0, max(1.0, float(value))))
                except (TypeError, ValueError):
                    continue
        if values:
            scores[area["id"]] = round(sum(values) / len(values), 1)
    return scores


def weakest(scores: dict[str, float], areas: list[dict[str, Any]], n: int = 2) -> list[str]:
    order = [a["id"] for a in areas]
    return sorted(scores, key=lambda a: (scores[a], order.index(a)))[:n]


def strongest(scores: dict[str, float], areas: list[dict[str, Any]], n: int = 2) -> list[str]:
    order = [a["id"] for a in areas]
    return sorted(scores, key=lambda a: (-scores[a], order.index(a)))[:n]


def safety_flagged(answers: dict[str, Any], data: dict[str, Any]) -> bool:
    for key in data.get("safety_questions", []):
        try:
            if float(answers.get(key)) <= float(data.get("safety_threshold", 2)):
                return True
        except (TypeError, ValueError):
            continue
    return False


def _answers(ctx: TurnContext, areas: list[dict[str, Any]]) -> dict[str, Any]:
    ids = {a["id"] for a in areas}
    return {k: v for k, v in ctx.vars.items() if k.rsplit("_", 1)[0] in ids and k.rsplit("_", 1)[-1].isdigit()}


def _previous(ctx: TurnContext, before_key: str | None) -> dict[str, Any] | None:
    keys = [k for k in ctx.store.keys(HEALTHCHECKS, ctx.person_id + ":") if k != before_key]
    if before_key:
        keys = [k for k in keys if k < before_key]
    return ctx.store.get(HEALTHCHECKS, keys[-1]) if keys else None


@hook("hc_score", sets=("safety_text",))
def hc_score(ctx: TurnContext) -> HookResult:
    """Score, store privately (once per run: going back and on updates the same record)."""
    data = wording(ctx)
    areas = data["areas"]
    answers = _answers(ctx, areas)
    scores = area_scores(answers, areas)
    flagged = safety_flagged(answers, data)
    key = ctx.vars.get(SAVED_KEY)
    now = ctx.clock.now()
    if not key:
        key = f"{ctx.person_id}:{now.strftime('%Y%m%dT%H%M%S%f')}"
    existing = ctx.store.get(HEALTHCHECKS, key) or {}
    ctx.store.put(HEALTHCHECKS, key, {
        "person": ctx.person_id, "at": existing.get("at") or now.isoformat(), "answers": answers, "scores": scores,
        "safety_flag": flagged, "sharing": existing.get("sharing", "private"),
    })
    result = HookResult(vars={SAVED_KEY: key, "safety_text": ""})
    if flagged:
        from bot.language import resources_for  # imported late: the language layer is heavy

        region = ctx.person.get("region") or ctx.settings.default_region or None
        resources = "\n".join(f"• {r.name}: {r.contact}" for r in resources_for(region))
        result.vars["safety_text"] = _say(ctx, "safety", resources=resources)
        result.goto = "safety_first"
    return result


def _fmt(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))


def summary_text(ctx: TurnContext, scores: dict[str, float], previous: dict[str, Any] | None) -> str:
    data = wording(ctx)
    areas = data["areas"]
    labels = {a["id"]: a["label"] for a in areas}
    lines = [_say(ctx, "intro_results")]
    lines += [f"• {labels[a['id']]}: {scores[a['id']]:.1f}" for a in areas if a["id"] in scores]
    if previous and previous.get("scores"):
        when = datetime.fromisoformat(previous["at"]).astimezone(zone_of(ctx.person.get("tz"))).strftime("%d %b")
        moved = []
        for area in areas:
            old, new = previous["scores"].get(area["id"]), scores.get(area["id"])
            if old is None or new is None or abs(new - old) < SAME:
                continue
            key = "change_up" if new > old else "change_down"
            moved.append(_say(ctx, key, area=labels[area["id"]].lower(), delta=_fmt(round(abs(new - old), 1))))
        change = _say(ctx, "change_intro", when=when) + " "
        if not moved:
            change += _say(ctx, "change_none")
        else:
            change += ", ".join(moved) + ("; " + _say(ctx, "change_rest") if len(moved) < len(scores) else ".")
        lines.append("\n" + change)
    else:
        lines.append("\n" + _say(ctx, "first_time"))
    low = weakest(scores, areas)
    if low:
        lines.append("\n" + _say(ctx, "weakest_intro"))
        by_id = {a["id"]: a for a in areas}
        for area_id in low:
            suggestion = render(ctx.rng.choice(by_id[area_id]["suggestions"]), _vars(ctx))
            lines.append(f"• {labels[area_id]}: {suggestion}")
    lines.append("\n" + _say(ctx, "closing"))
    return "\n".join(lines).replace("\n\n\n", "\n\n")


@hook("hc_chart", sets=("summary",))
def hc_chart(ctx: TurnContext) -> HookResult:
    """The result: a text summary (said by the state) and the chart image after it."""
    from bot.charts import health_chart

    data = wording(ctx)
    areas = data["areas"]
    key = ctx.vars.get(SAVED_KEY)
    record = ctx.store.get(HEALTHCHECKS, key) if key else None
    scores = (record or {}).get("scores") or area_scores(_answers(ctx, areas), areas)
    previous = _previous(ctx, key)
    prev_scores = (previous or {}).get("scores") or {}
    labels = {a["id"]: a["label"] for a in areas}
    chart = health_chart(
        [(labels[a["id"]], scores[a["id"]]) for a in areas if a["id"] in scores],
        previous={labels[k]: v for k, v in prev_scores.items() if k in labels} or None,
    )
    caption = _say(ctx, "caption_previous" if prev_scores else "caption")
    image = SendFile(to=Address.person(ctx.person_id), filename="healthcheck.png", data=chart.png,
                     caption=caption, image=True, mime="image/png")
    return HookResult(vars={"summary": summary_text(ctx, scores, previous)}, actions=[image])


# --- sharing the summary ---------------------------------------------------------------


def share_text(ctx: TurnContext, scores: dict[str, float]) -> str:
    areas = wording(ctx)["areas"]
    labels = {a["id"]: a["label"].lower() for a in areas}
    grow = weakest(scores, areas)
    strong = [a for a in strongest(scores, areas) if a not in grow]
    return _say(
        ctx, "share_preview", name=ctx.person.get("name") or "Your partner",
        strong=join_words([labels[a] for a in strong]) or "—", grow=join_words([labels[a] for a in grow]) or "—",
    )


def _scores(ctx: TurnContext) -> dict[str, float]:
    key = ctx.vars.get(SAVED_KEY)
    record = ctx.store.get(HEALTHCHECKS, key) if key else None
    areas = wording(ctx)["areas"]
    return (record or {}).get("scores") or area_scores(_answers(ctx, areas), areas)


@hook("hc_share_preview", sets=("preview",))
def hc_share_preview(ctx: TurnContext) -> HookResult:
    if not ctx.person.get("partner"):
        return HookResult(goto="not_paired")
    return HookResult(vars={"preview": share_text(ctx, _scores(ctx))})


@hook("hc_share")
def hc_share(ctx: TurnContext) -> HookResult:
    partner = ctx.person.get("partner")
    key = ctx.vars.get(SAVED_KEY)
    preview = str(ctx.vars.get("preview") or "")
    if not partner or not preview:
        return HookResult()
    record = ctx.store.get(HEALTHCHECKS, key) if key else None
    if record is None or record.get("safety_flag"):
        return HookResult()  # never offered after a safety answer; refuse here too
    share_id = f"{ctx.person_id}:{secrets.token_hex(6)}"
    create_share(
        ctx.store, share_id=share_id, owner=ctx.person_id, audience=Address.person(partner), text=preview,
        item={"table": HEALTHCHECKS, "key": key, "part": "summary"}, now=ctx.clock.now(),
    )
    record["sharing"] = "shared"
    ctx.store.put(HEALTHCHECKS, key, record)
    return HookResult(actions=[SendMessage(to=Address.person(partner), text=preview, share_id=share_id)])
