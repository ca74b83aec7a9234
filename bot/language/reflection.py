"""Check-in helpers: feelings that fit a scale, and one-sentence reflections."""
from __future__ import annotations

import re
from functools import lru_cache

from . import inventory as data
from .text import clean

_FAMILY = r"(?:mum|mom|mother|dad|father|sister|brother|boss|partner|husband|wife|boyfriend|girlfriend|friend|kids|son|daughter|team|manager|family|parents)"
_TOPICS = [
    (re.compile(r"\b(?:work|job|office|shift|meeting|meetings|deadline|deadlines)\b"), "work"),
    (re.compile(r"\b(?:kids|children|the baby)\b"), "the kids"),
    (re.compile(r"\b(?:exam|exams|school|uni|university|class)\b"), "studying"),
    (re.compile(r"\b(?:argument|fight|row|quarrel)\b"), "the argument"),
    (re.compile(r"\b(?:traffic|commute|train|bus)\b"), "the journey"),
    (re.compile(r"\b(?:doctor|hospital|illness|sick|pain)\b"), "the health worries"),
    (re.compile(r"\b(?:money|bills|rent|debt)\b"), "the money worries"),
]
_NEGATED = re.compile(r"\b(?:not|never|no|n't|hardly|barely)\s+(?:\w+\s+)?$")


def _scale(scale: object) -> int:
    try:
        s = int(scale)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 3
    return min(5, max(1, s))


def feelings_for_scale(scale: int, n: int = 8) -> list[str]:
    """Feelings from the inventory that fit a 1..5 scale, most useful first."""
    s = _scale(scale)
    n = max(0, int(n) if isinstance(n, int) else 8)
    suggested = list(data.load("feelings")["scale_suggestions"][s])
    groups = data.feelings_by_group()
    if s <= 2:
        extra = [w for i in ("moderate", "mild", "strong") for w in groups["unmet"][i]]
    elif s >= 4:
        extra = [w for i in ("moderate", "mild", "strong") for w in groups["met"][i]]
    else:
        extra = groups["unmet"]["mild"] + groups["met"]["mild"]
    out: list[str] = []
    for w in suggested + extra:
        if w not in out:
            out.append(w)
        if len(out) >= n:
            break
    return out


def normalise_feeling(word: str) -> str | None:
    """An inventory feeling for a word (synonyms and faux feelings mapped), or None."""
    w = clean(word, limit=60).lower().strip(" .,!?")
    w = re.sub(r"^(?:i (?:feel|felt|am|was)|i'm|feeling|feel|so|really|very|quite|a bit|a little|kind of)\s+", "", w)
    w = re.sub(r"^(?:so|really|very|quite|a bit|a little|kind of)\s+", "", w)
    if w in data.feeling_inventory():
        return w
    syn = data.feeling_synonyms().get(w)
    if syn:
        return syn
    faux = data.faux_map().get(w)
    if faux:
        return faux["feelings"][0]
    return None


@lru_cache(maxsize=1)
def _feeling_words() -> re.Pattern[str]:
    """Every feeling word we know as one pattern, longest first, so each match is the longest at its place."""
    cands = set(data.feeling_inventory()) | set(data.feeling_synonyms()) | set(data.faux_map())
    words = sorted(cands, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")


def _found_in(text: str) -> list[str]:
    t = clean(text, limit=4000).lower()
    if not t:
        return []
    out = []
    for m in _feeling_words().finditer(t):
        if _NEGATED.search(t[max(0, m.start() - 20):m.start()]):
            continue
        f = normalise_feeling(m.group(0))
        if f and f not in out and f not in ("okay",):
            out.append(f)
    return out


@lru_cache(maxsize=1)
def _cues() -> tuple[list[tuple[re.Pattern[str], list[str]]], re.Pattern[str]]:
    d = data.load("reflection")
    inv = data.feeling_inventory()
    cues = [(re.compile(c["pattern"]), [f for f in c["feelings"] if f in inv]) for c in d["cues"]]
    return cues, re.compile(d["ahead"])


@lru_cache(maxsize=1)
def _similar() -> dict[str, int]:
    return {w: i for i, group in enumerate(data.load("reflection").get("similar") or []) for w in group}


def _adds_something(feeling: str, picked: list[str]) -> bool:
    g = _similar().get(feeling)
    return feeling not in picked and (g is None or all(_similar().get(p) != g for p in picked))


def _cued(text: str) -> list[str]:
    """Feelings the situation suggests when the person named none ("nobody noticed" -> discouraged, hurt)."""
    t = clean(text, limit=4000).lower()
    out: list[str] = []
    for pat, feelings in _cues()[0]:
        if pat.search(t):
            out.extend(f for f in feelings if f not in out)
    return out


def _fits(feeling: str, s: int) -> bool:
    if s <= 2:
        return feeling in data.unmet_feelings()
    if s >= 4:
        return feeling in data.met_feelings()
    return True


# A middle score with no words says little either way: "steady", not a worry we made up.
_DEFAULTS = {1: ["drained", "low"], 2: ["tired", "low"], 3: ["okay", "steady"], 4: ["content", "calm"], 5: ["happy", "grateful"]}
_PLURAL_TOPICS = {"the kids", "the health worries", "the money worries"}
_HAS_WORDS = re.compile(r"[^\W\d_]{2,}")  # an emoji, "-" or "k" alone is no situation to reflect on


def reflect(text: str, scale: int, chosen: list[str] | None = None) -> str:
    """One sentence reflecting feelings back, from the person's words and chosen feelings. Never advice."""
    s = _scale(scale)
    picked: list[str] = []
    for c in chosen or []:
        if not isinstance(c, str):
            continue
        f = normalise_feeling(c)
        if f and f not in picked:
            picked.append(f)
    for f in _found_in(text or ""):
        if f not in picked and _fits(f, s):
            picked.append(f)
    if len(picked) < 2:
        for f in _cued(text or ""):
            if len(picked) >= 2:
                break
            if _adds_something(f, picked) and _fits(f, s):
                picked.append(f)
    if not picked:
        picked = list(_DEFAULTS[s])
    elif len(picked) == 1 and not chosen:
        pass
    cleaned = clean(text or "", limit=4000).lower()
    subject = "it"
    for pat, phrase in _TOPICS:
        if pat.search(cleaned):
            subject = phrase
            break
    first = picked[0]
    second = picked[1] if len(picked) > 1 else None
    if second:
        # "a bit" softens a hard feeling ("a bit low"); on a pleasant one it reads as faint praise
        soft = "a bit " if s <= 3 and second in data.unmet_feelings() else ""
        feelings = f"{first} and {soft}{second}"
    else:
        feelings = first
    ahead = bool(_cues()[1].search(cleaned))
    if subject == "it" and not ahead and (s >= 4 or not _HAS_WORDS.search(cleaned)):
        return f"It sounds like today left you feeling {feelings}."
    verb = ("have" if subject in _PLURAL_TOPICS else "has") + " you feeling" if ahead else "left you feeling"
    if subject == "it":
        return f"That sounds like it {verb} {feelings}."
    return f"It sounds like {subject} {verb} {feelings}."
