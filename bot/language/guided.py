"""Checks for the guided I-statement coach: feeling, need and request, one answer at a time."""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from . import inventory as data
from .rewriting import _norm_request, find_topic, request_for_need
from .text import clean, verb_lemma


@dataclass(frozen=True)
class FeelingCheck:
    ok: bool
    feeling: str | None
    faux: bool = False
    message: str | None = None
    alternatives: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class NeedCheck:
    ok: bool
    need: str | None
    is_action: bool = False
    request: str | None = None
    message: str | None = None


@dataclass(frozen=True)
class RequestCheck:
    ok: bool
    request: str | None
    message: str | None = None


_COMMON_UNMET = ["hurt", "sad", "frustrated", "lonely", "worried", "overwhelmed"]
_FILLER = r"(?:so|really|very|quite|a bit|a little|kind of|sort of|pretty|just|totally|completely|extremely|super|incredibly|rather|somewhat|mostly|mainly)"


def _strip_feeling(answer: str) -> str:
    a = clean(answer, limit=200).lower().strip(" .!?")
    a = re.sub(r"^(?:i (?:feel|felt|am feeling|was feeling|am|was|have been|'ve been)|i'm|im|feeling|feel|honestly|well|um|uh|hmm)\s+", "", a)
    a = re.sub(rf"^(?:{_FILLER}\s+)+", "", a)
    return a.strip(" .!?,")


def check_feeling(answer: str) -> FeelingCheck:
    a = _strip_feeling(answer or "")
    inv = data.feeling_inventory()
    syn = data.feeling_synonyms()
    faux = data.faux_map()
    if not a:
        return FeelingCheck(False, None, False, "What's one word for how you feel about it? A few that often fit:", _COMMON_UNMET[:5])
    if re.match(r"(?:like|that|as if|as though|you|he|she|they|it's|it is)\b", a):
        found = [f for f in sorted(faux, key=len, reverse=True) if re.search(rf"\b{re.escape(f)}\b", a)]
        alts = list(faux[found[0]]["feelings"]) if found else _COMMON_UNMET[:4]
        return FeelingCheck(False, None, bool(found),
                            "That sounds more like a thought about what happened than a feeling. "
                            "When you think about it, what do you feel inside? Maybe one of these:", alts)
    parts = [p.strip() for p in re.split(r",|/|\band\b|\bor\b|&", a) if p.strip()]
    for part in parts:
        p = re.sub(rf"^(?:{_FILLER}\s+)+", "", part).strip()
        if p in inv:
            return FeelingCheck(True, p)
        if p in syn:
            return FeelingCheck(True, syn[p])
    for part in parts:
        p = re.sub(rf"^(?:{_FILLER}\s+)+", "", part).strip()
        if p in faux:
            alts = list(faux[p]["feelings"])
            return FeelingCheck(False, None, True,
                                f"\"{p.capitalize()}\" says more about what the other person did than about how you feel. "
                                f"Underneath it, people often feel {alts[0]}, {alts[1]} or {alts[2]}. Does one of those fit?", alts)
    labels = data.blame()["labels"]
    for part in parts:
        if part in labels:
            return FeelingCheck(False, None, False,
                                "That word describes them rather than what's going on in you. What do you feel when it happens?",
                                [labels[part]["feeling"]] + [f for f in _COMMON_UNMET if f != labels[part]["feeling"]][:3])
    for part in parts:
        close = difflib.get_close_matches(part, list(inv) + list(syn), n=1, cutoff=0.85)
        if close:
            c = close[0]
            return FeelingCheck(True, syn.get(c, c))
    for part in parts:
        if _done_to_me(part):
            return FeelingCheck(False, None, True,
                                f"\"{part.capitalize()}\" says what was done to you more than how you feel. "
                                f"When it happened, did you feel {_DONE_TO_ME[0]}, {_DONE_TO_ME[1]} or {_DONE_TO_ME[2]}?",
                                list(_DONE_TO_ME))
    return FeelingCheck(False, None, False, "I'm not sure that one names a feeling. Would any of these be close?", _COMMON_UNMET[:5])


_DONE_TO_ME = ("hurt", "angry", "confused", "sad")


def _done_to_me(word: str) -> bool:
    """A past participle we don't list ("steamrolled", "stonewalled", "blindsided"): like the faux feelings, it
    describes what someone did. Single words only; a participle that names a feeling is in the inventory already."""
    if " " in word or len(word) < 5:
        return False
    lem = verb_lemma(word)
    return (lem is not None and lem != word and word.endswith(("ed", "en", "t"))) or word.endswith("ed")


_PERSON = re.compile(r"\b(?:you|your|yours|yourself|him|her|his|he|she|them|they|partner|husband|wife|boyfriend|girlfriend|bf|gf)\b")
_NEED_PREFIX = re.compile(r"^(?:i (?:need|needed|want|wanted|would like|'d like|wish)|i'd like|need|needing|because i need|because|some|more|a bit of|a little|a lot of|a sense of|the feeling of|a feeling of|feeling of|lots of|just|a|an)\s+")


def check_need(answer: str) -> NeedCheck:
    a = clean(answer or "", limit=300).lower().strip(" .!?")
    for _ in range(3):
        a = _NEED_PREFIX.sub("", a).strip()
    if not a:
        return NeedCheck(False, None, False, None, "What would help you most here? For example: support, to be heard, rest, or closeness.")
    needs = data.need_inventory()
    syn = data.need_synonyms()
    raw_a = clean(answer or "", limit=300).lower().strip(" .!?")
    raw_a = re.sub(r"^(?:i (?:need|want|would like|'d like)|i'd like|need)\s+", "", raw_a)
    if a in needs and not re.match(r"(?:help|support) (?:with|around|on|for)\b", raw_a):
        return NeedCheck(True, a)
    if a in syn:
        return NeedCheck(True, syn[a])
    person = _PERSON.search(a)
    first = a.split()[0]
    lem = verb_lemma(first)
    acts_like_verb = bool(lem) and first not in needs and lem not in {"be", "feel", "have", "matter"} and not first.endswith("ness")
    if re.match(r"(?:help|support) (?:with|around|on|for) ", a):
        person = True
    if person or (acts_like_verb and not any(re.search(rf"\b{re.escape(n)}\b", a) for n in needs)) or re.match(r"(?:to|for) (?!be |feel |have )", a):
        infinitive = re.match(r"(?:for )?(?:you|him|her|them|my (?:partner|husband|wife|boyfriend|girlfriend) )?\s*to (?!be |feel |have )", a)
        req = re.sub(r"^(?:for )?(?:you|him|her|them|my (?:partner|husband|wife|boyfriend|girlfriend)) (?:to )?", "", a)
        req = re.sub(r"^to ", "", req)
        # after "(for him) to" the next word is a verb even when the word list doesn't know it as one ("text")
        if re.match(r"(?:a|an|some|more|a bit of) ", raw_a) or (not infinitive and not verb_lemma(req.split()[0])):
            req = f"give me {raw_a}"
        rc = check_request(req)
        topic = find_topic(a)
        guesses = [topic["need"]] if topic else []
        guesses += [n for n in ("support", "connection", "to be heard", "appreciation") if n not in guesses]
        request = rc.request if rc.ok else None
        msg = ("That sounds like something you'd like your partner to do, so let's keep it for your request"
               + (f" (\"{request}\")" if request else "") + ". What would it give you? "
               f"Maybe {guesses[0]} or {guesses[1]}?")
        return NeedCheck(False, None, True, request, msg)
    for n in sorted(needs | set(syn), key=len, reverse=True):
        if re.search(rf"\b{re.escape(n)}\b", a):
            return NeedCheck(True, syn.get(n, n))
    close = difflib.get_close_matches(a, list(needs) + list(syn), n=1, cutoff=0.8)
    if close:
        return NeedCheck(True, syn.get(close[0], close[0]))
    m = re.match(r"to (?:feel|be) (\w+)", a)
    if m and m.group(1) in data.met_feelings():
        return NeedCheck(True, {"safe": "safety", "secure": "security", "close": "closeness", "connected": "connection", "calm": "calm"}.get(m.group(1), "reassurance"))
    return NeedCheck(False, None, False, None,
                     "I'm not sure what need that is. Needs are things everyone shares, like support, rest, fairness, closeness or to be heard. Which comes closest?")


_NEGATIVE = re.compile(r"^(?:stop|quit|don't|dont|do not|never|no more|not|no longer|avoid|refrain from|cut out|cease)\b|\b(?:stop|quit) \w+ing\b")
_VAGUE = re.compile(r"^(?:be (?:more |less |a bit |a little )?(?:nice|nicer|kind|kinder|better|supportive|considerate|thoughtful|present|caring|loving|understanding|attentive|helpful|responsible|mature|respectful|romantic|patient|there for me)|"
                    r"care(?: more)?(?: about me)?|respect me(?: more)?|love me(?: more)?|understand me|try harder|change|support me(?: more)?|appreciate me(?: more)?|"
                    r"listen(?: to me)?(?: more)?|help(?: more| out more| me more| out)?|do more|make an effort|put in more effort|step up|grow up|get better|pay more attention(?: to me)?|"
                    r"show (?:me )?(?:more )?(?:love|affection|respect|interest)|open up|communicate(?: better| more)?|be there(?: for me)?|think about me(?: more)?|notice me)$")


def check_request(answer: str) -> RequestCheck:
    r = _norm_request(answer or "")
    r = r.strip(" .!?")
    low = r.lower()
    if not low:
        return RequestCheck(False, None, "What's one thing your partner could do that would help? Something small and doable works best.")
    if _NEGATIVE.search(low):
        m = re.search(r"\b(?:stop|quit|don't|dont|do not|never|no more|not) (\w+)", low)
        alt = None
        if m:
            lem = verb_lemma(m.group(1)) or m.group(1)
            alt = data.topics()["alternatives"].get(lem)
        msg = "That asks for something to stop, which is hard to act on. What would you like to happen instead?"
        if alt:
            msg += f" For example: \"{alt}\"."
        return RequestCheck(False, None, msg)
    cleaned = re.sub(r"\b(?:always|ever|every single time|constantly|forever)\b\s*", "", low).strip()
    if _VAGUE.match(cleaned) or len(cleaned.split()) < 2 and not verb_lemma(cleaned.split()[0] if cleaned else ""):
        topic = find_topic(cleaned)
        example = (topic or {}).get("request") or data.topics()["default"]["request"]
        return RequestCheck(False, None,
                            "That's a good direction. Could you turn it into something concrete your partner could do this week? "
                            f"For example: \"{example}\".")
    return RequestCheck(True, re.sub(r"\s+", " ", r[:1].lower() + r[1:] if not r.startswith(("I ", "I'")) else r).strip())
