"""Safety screening (self-harm, violence, abuse), help resources per region and the caring reply."""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from . import inventory as data
from .text import clean

Level = Literal["none", "concern", "crisis"]
Kind = Literal["self_harm", "violence", "abuse"]


@dataclass(frozen=True)
class Screening:
    text: str
    level: Level
    kind: Kind | None


@dataclass(frozen=True)
class Resource:
    name: str
    contact: str
    region: str
    checked: _dt.date


KINDS: tuple[Kind, ...] = ("self_harm", "abuse", "violence")
MAX_SCREEN_CHARS = 20000


@lru_cache(maxsize=1)
def _compiled():
    d = data.safety()
    pats = {k: {lv: [re.compile(p) for p in d[k].get(lv, [])] for lv in ("crisis", "concern")} for k in KINDS}
    nots = d["not"]
    return pats, {
        "negation": re.compile(nots["negation"]),
        "idioms": [re.compile(p) for p in nots["idioms"]],
        "fiction": re.compile(nots["fiction"]),
        "game": re.compile(nots["game"]),
        "sport": re.compile(nots["sport"]),
        "joke": re.compile(nots["joke"]),
        "third_party": re.compile(nots["third_party"] + "|" + nots.get("third_party_lost", "(?!x)x")),
        "past": re.compile(nots["past"]),
        "recovered": re.compile(nots["recovered"]),
        "relapse": re.compile(nots["relapse"]),
    }


_NORMALISE = [
    (r"\bwanna\b", "want to"), (r"\bgonna\b", "going to"), (r"\bgotta\b", "got to"), (r"\bim\b", "i'm"),
    (r"\bive\b", "i've"), (r"\bill\b(?= (kill|hurt|end|do|stab|shoot|jump|take|cut))", "i'll"), (r"\bu\b", "you"),
    (r"\bmy self\b", "myself"), (r"\bcuz\b", "because"), (r"\bun-?alive\b", "kill"), (r"\bsewer ?slide\b", "suicide"),
    (r"\bdont\b", "don't"), (r"\bcant\b", "can't"), (r"\bwont\b", "won't"), (r"\bdoesnt\b", "doesn't"),
    (r"\bdidnt\b", "didn't"), (r"\bisnt\b", "isn't"), (r"\bwhats\b", "what's"), (r"\bthats\b", "that's"),
    (r"\bhes\b", "he's"), (r"\bshes\b", "she's"), (r"\btheyre\b", "they're"), (r"\bhed\b", "he'd"),
    (r"\b(he|she|it)'s (going to|about to)\b", r"\1 is \2"), (r"\b(they|we)'re (going to|about to)\b", r"\1 are \2"),
    (r"\s+", " "),
]
_NORM_RE = [(re.compile(a), b) for a, b in _NORMALISE]
_NOT_JOKE = re.compile(r"\b(?:not|no|never) (?:joking|kidding|a joke|jk)\b|\bno joke\b|\bi(?:'m| am) serious\b")
_SERIOUS = re.compile(r"\b(?:knife|gun|rifle|pistol|weapon|tonight|seriously|for real|swear|plan|planning|serious)\b")
_INTENT = re.compile(r"\bi (?:want|wanna|will|'ll|am going|'m going|feel|have been|'ve been|keep|can't stop|plan|am planning|'m planning|think about|thought about|wish)\b|\bi'll\b|\bmyself\b")
_FIRST_PERSON = re.compile(r"\b(?:me|my|i|i'm|i've|i'd|myself)\b")
# a family member, friend or boss (not a partner) who 'would kill me': usually hyperbole
_HYPERBOLE = re.compile(r"\bmy (?:mum|mom|mother|dad|father|parents|nan|nana|gran|granny|grandma|grandpa|boss|teacher|coach|"
                        r"sister|brother|flatmate|roommate|landlord|friends?|mates?|bestie|family|in-laws|mother-in-law)"
                        r" (?:is going to |would |will |'ll |'d |is gonna |might |could )?(?:literally |actually |honestly )?"
                        r"(?:kill|murder|strangle|skin) (?:me|us)\b")
_TRIVIAL = re.compile(r"\b(?:mess|messy|state of|room|kitchen|house|late|forgot|forget|spent|spend|bill|grades?|marks|haircut|"
                      r"tattoo|dress|outfit|car|dent|scratch|broke|broken|lost)\b")
_ABUSE_WORDS = re.compile(r"\b(?:on purpose|angry|drunk|argument|fight|row|threat\w*|scared|afraid|again|every time|at home)\b")
_OWN_THINGS = re.compile(r"\bmy (?:\w+ )?(?:books?|films?|dvds?|games?|records|comics?|manga|novels?)\b")
_INJURY = re.compile(r"\b(?:bruises?|black eye|split lip)\b")
_VIOLENT_ACT = re.compile(r"\b(?:hit|hits|punch\w*|slap\w*|kick\w*|shov\w*|push\w*|grab\w*|chok\w*|beat\w*|threw|throws|strangl\w*|bit|bites|hurt|hurts|attack\w*) me\b")
_NEG_BREAKERS = {"know", "if", "whether", "sure", "think", "stop", "help", "care", "mind", "why", "see"}


def _norm(text: str) -> str:
    t = text.lower().replace("\u2019", "'")
    for pat, rep in _NORM_RE:
        t = pat.sub(rep, t)
    return t.strip()


def _clauses(t: str) -> list[str]:
    parts = re.split(r"(?<=[.!?;])\s+|\n+|\s+-\s+|\s+but\s+|,\s*(?=but\b|and\b|so\b|though\b)", t)
    return [p.strip() for p in parts if p and p.strip()]


def _negated(clause: str, start: int, neg_re: re.Pattern) -> bool:
    before = clause[:start]
    before = re.split(r"[,;:]|\b(?:and|but|so|because|though|although|cause)\b", before)[-1]
    ws = before.split()[-3:]
    if not ws:
        return False
    if any(w.strip(",.") in _NEG_BREAKERS for w in ws):
        return False
    return bool(neg_re.search(" ".join(ws)))


def _suppressed(kind: str, clause: str, whole: str, m: re.Match, nots: dict, level: str = "crisis") -> str | None:
    """Why a trigger doesn't count here ('idiom', 'negation', ...), or None when it counts."""
    for idiom in nots["idioms"]:
        for im in idiom.finditer(clause):
            if im.start() <= m.end() and m.start() <= im.end() + 15:
                return "idiom"
    if kind in ("self_harm", "violence") and _negated(clause, m.start(), nots["negation"]):
        return "negation"
    intent = _INTENT.search(clause)
    fiction_text = _OWN_THINGS.sub(" ", clause)  # 'my books', 'my games' are possessions, not a story
    if kind in ("self_harm", "violence") and nots["fiction"].search(fiction_text) and not intent:
        return "fiction"
    if kind == "violence" and (nots["game"].search(clause) or nots["game"].search(whole)):
        return "game"
    if kind == "self_harm" and nots["third_party"].search(clause):
        return "third_party"
    if kind in ("self_harm", "abuse") and nots["past"].search(whole) and nots["recovered"].search(whole) and not nots["relapse"].search(whole):
        return "past"
    if kind == "abuse" and re.match(r"my (?:nephew|niece|son|daughter|kid|kids|baby|toddler|dog|cat|puppy|little \w+|cousin|students?|pupil)\b", clause[m.start():]):
        return "child_or_pet"
    if kind == "abuse" and level == "concern" and nots["joke"].search(whole):
        return "joke"
    if kind == "abuse" and nots["fiction"].search(fiction_text) and not _FIRST_PERSON.search(clause):
        return "fiction"  # talking about a film or documentary on abuse, nothing about the speaker
    if kind in ("abuse", "violence") and _HYPERBOLE.search(clause) and (nots["joke"].search(whole) or _TRIVIAL.search(clause)) \
            and not _SERIOUS.search(whole) and not _NOT_JOKE.search(whole):
        return "hyperbole"  # 'my mum would kill me if she saw this mess haha'
    if kind == "abuse" and nots["sport"].search(clause) and _INJURY.search(m.group(0)) and not _VIOLENT_ACT.search(clause) \
            and not _ABUSE_WORDS.search(clause):
        return "sport"  # a knock or a bruise from a match or training
    if kind == "violence":
        joke_text = _NOT_JOKE.sub(" ", whole)
        if nots["joke"].search(joke_text) and not _SERIOUS.search(whole) and not _NOT_JOKE.search(whole):
            return "joke"
    return None


def screen(text: str) -> Screening:
    """Screen one message. Recall first; idioms, negations, fiction and games are not crises."""
    raw = clean(text, limit=MAX_SCREEN_CHARS)
    if not raw:
        return Screening(text=raw, level="none", kind=None)
    try:
        return _screen(raw)
    except Exception:  # pragma: no cover - a screening must never break the conversation
        return Screening(text=raw, level="none", kind=None)


def _screen(raw: str) -> Screening:
    pats, nots = _compiled()
    whole = _norm(raw)
    clauses = _clauses(whole) or [whole]
    best: tuple[int, int, Kind] | None = None  # (level rank, kind rank, kind)
    for kind_rank, kind in enumerate(reversed(KINDS)):
        for level in ("crisis", "concern"):
            rank = 2 if level == "crisis" else 1
            for pat in pats[kind][level]:
                for scope in clauses + ([whole] if len(clauses) > 1 else []):
                    for m in pat.finditer(scope):
                        why = _suppressed(kind, scope, whole, m, nots, level)
                        r = rank
                        if why == "joke" and kind == "violence":
                            continue
                        if why:
                            continue
                        if kind == "self_harm" and nots["joke"].search(_NOT_JOKE.sub(" ", whole)) and rank == 2 and not _SERIOUS.search(whole):
                            r = 1  # joking tone: still check in gently
                        cand = (r, kind_rank, kind)
                        if best is None or cand > best:
                            best = cand
                        break
    if best is None:
        return Screening(text=raw, level="none", kind=None)
    return Screening(text=raw, level="crisis" if best[0] == 2 else "concern", kind=best[2])


# ---------------------------------------------------------------- resources

def _region_key(region: str | None) -> str:
    res = data.resources()
    if not region:
        return "INT"
    r = str(region).strip().upper().replace("_", "-")
    if "-" in r:  # en-GB, de-DE
        r = r.split("-")[-1]
    r = res.get("aliases", {}).get(r, r)
    return r if r in res and r != "aliases" else "INT"


def resources_for(region: str | None) -> list[Resource]:
    """Help resources for a region (ISO code, locale or country name); falls back to the international list."""
    res = data.resources()
    key = _region_key(region)
    out = []
    for e in res[key]:
        checked = e["checked"]
        if isinstance(checked, str):
            checked = _dt.date.fromisoformat(checked)
        out.append(Resource(name=e["name"], contact=e["contact"], region=key, checked=checked))
    return out


def _resources_text(region: str | None) -> str:
    lines = [f"• {r.name}: {r.contact}" for r in resources_for(region)]
    return "\n".join(lines)


_OPENING = {
    ("self_harm", "crisis"): "I'm really glad you told me. That sounds incredibly heavy, and you don't have to carry it alone right now.",
    ("self_harm", "concern"): "That sounds really hard, and I'm glad you said it out loud. I'm here with you.",
    ("violence", "crisis"): "It sounds like a lot is boiling up right now, and I'm glad you told me before anything happened.",
    ("violence", "concern"): "That sounds frightening and intense. Your safety, and everyone else's, matters most right now.",
    ("abuse", "crisis"): "Thank you for telling me. What you're describing isn't okay, and it isn't your fault.",
    ("abuse", "concern"): "Thank you for telling me. You deserve to feel safe with your partner, and what you describe sounds hard.",
}
_GROUNDING = {
    "self_harm": "If you can, try one slow breath with me: in for four, hold for four, out for six. Then notice five things you can see around you.",
    "violence": "Before anything else, give the moment some space: step away to another room or outside, and let a few slow breaths out, longer out than in.",
    "abuse": "If you're in danger right now, get to a safer spot if you can and call your local emergency number. If you're safe for the moment, take one slow breath and feel your feet on the floor.",
}
_PLAN = {
    "self_harm": "When you're ready, could we make a small plan together? One person you could reach out to today, one place that feels a bit safer, and putting anything you might hurt yourself with out of reach.",
    "violence": "Could we make a small plan for the next few hours? Somewhere to cool off, someone you can call, and anything that could hurt someone put away.",
    "abuse": "If it helps, think quietly about a safety plan: a person you trust who you could call, a place you could go, and keeping your phone and important papers where you can reach them.",
}


def safety_reply(screening: Screening, region: str | None) -> str:
    """A caring reply: acknowledgement, a short grounding step, a safety-plan prompt and resources."""
    kind = screening.kind or "self_harm"
    level = screening.level if screening.level != "none" else "concern"
    parts = [_OPENING.get((kind, level), _OPENING[("self_harm", "concern")]),
             _GROUNDING[kind],
             _PLAN[kind],
             "This stays between us: nothing here goes to your partner or your group.",
             "You can talk to someone right now:\n" + _resources_text(region)]
    return "\n\n".join(parts)
