"""The user's own words as the situation of an I-statement (round 7).

Each function here reads one general sentence shape and returns candidate situations (with a request when the shape
implies one). rewriting._own_words weighs them against the stock phrases: the candidate that keeps most of what the
user said, and still reads as a plain grammatical observation, wins. Shapes (paraphrases in
tests/language/data/generalise3_rewrite.txt):

- a thing as the subject: "the dog hasn't been walked all day" (kept, contracted)
- the speaker as the subject: "while I sort the kids out", "why do I have to remind you to take your tablets"
- a partner's action not done: "you can't even book a taxi" -> "booking a taxi is left to me"
- "you make me do all the planning" -> "I end up doing all the planning"
- "you'd rather A than B" -> "A-ing comes before B-ing"
- "must be nice to A while I B" -> "A-ing happens while I B"
- "you told me we can't afford a takeaway" -> "I'm told we can't afford a takeaway"
"""
from __future__ import annotations

import re

from lemminflect import getAllLemmas

from .analysis import PARTNER
from .text import inflect, is_noun, verb_lemma

# texting drops apostrophes; the shared expand() leaves these alone, so they are read here
_BARE_NOT = re.compile(r"\b(has|have|had|is|are|was|were|does|do|did|could|would|should)nt\b")
# words that end a verb phrase: the next clause starts
_END = {"and", "but", "because", "so", "while", "when", "whenever", "unless", "if", "though", "although", "than", "or", "like",
        "cause", "which", "who", "instead", "until", "then", "whereas", "you", "he", "she", "they", "we", "i", "as"}
_DROP = {"always", "never", "ever", "even", "just", "constantly", "literally", "still", "again", "really", "actually", "once",
         "seriously", "honestly", "clearly", "obviously", "simply", "basically", "totally", "completely", "only", "finally"}
# verbs whose doing is inside someone or is talk: "remembering things is left to me" says nothing observable
_NOT_A_JOB = {"be", "have", "get", "know", "think", "feel", "care", "want", "need", "like", "love", "mean", "remember", "listen",
              "understand", "notice", "say", "tell", "ask", "talk", "speak", "answer", "reply", "text", "call", "message", "respect",
              "trust", "believe", "seem", "look", "let", "give", "show", "admit", "apologise", "apologize", "see", "hear", "try",
              "bother", "stop", "start", "keep", "go", "come", "stay", "leave", "sit", "stand", "lie", "sleep", "act", "treat",
              "pretend", "agree", "change", "consider", "include", "invite", "support", "defend", "hug", "kiss", "touch", "thank"}
_MENTAL_I = {"be", "feel", "think", "know", "guess", "suppose", "want", "need", "love", "hate", "like", "mean", "say", "tell", "wish",
             "hope", "try", "bother", "believe", "realise", "realize", "notice", "see", "hear", "swear", "get", "go", "feel", "ask",
             "do", "have", "can", "will", "would", "should", "must", "could", "may", "might"}
_OBJ_PRON = {"me", "us", "you", "him", "her", "it", "them", "this", "that", "what", "how", "why", "anything", "something", "nothing",
             "everything", "yourself", "himself", "herself", "myself", "mine", "yours"}
_DANGLE = {"after", "before", "to", "with", "at", "on", "in", "for", "about", "of", "from", "the", "a", "an", "my", "our", "your",
           "by", "into", "over", "without", "around", "every", "each", "all", "whole"}
_ASK_VERBS = {"remind", "ask", "nag", "beg", "tell", "chase", "push", "force", "bully", "pester", "badger", "plead"}


def normalise(t: str) -> str:
    """Apostrophe-less contractions ("hasnt") read as the full words."""
    return _BARE_NOT.sub(r"\1 not", t)


def _phrase(toks: list[str], keep_me: bool = True) -> list[str]:
    """A verb's complement up to where the next clause starts, without absolutes and fillers."""
    out: list[str] = []
    for w in toks:
        w = w.strip(",.;!?:\"")
        if not w:
            continue
        if w in _END or (w in ("me", "us", "my", "our") and not keep_me):
            break
        if w in _DROP:
            continue
        out.append(w)
    while out and out[-1] in _DANGLE and not (len(out) == 1 and out[0] in ("in", "out", "up", "off", "over", "back", "on")):  # "clean the hob after [you fry stuff]": the cut leaves "after" hanging
        out.pop()
    return out


def _turn(words_: list[str]) -> str | None:
    """Second-person words turned to neutral ones ("your phone" -> "the phone"); None when a "you" would remain."""
    from .rewriting import _soft_time, _tidy, _your_to_the
    s = " ".join(words_)
    s = re.sub(r"\byourself\b", "", s)
    s = _tidy(_your_to_the(_soft_time(s)))  # "every morning" keeps its time as "in the mornings"; absolutes go
    if re.search(r"\b(?:you|your|yours|u|ur)\b", s):
        return None
    return s


def _gerund(lem: str, rest: list[str]) -> str | None:
    """"book" + "a taxi" -> "booking a taxi"; None when the complement can't stand without its subject."""
    body = _turn(rest)
    if body is None:
        return None
    return f"{inflect(lem, 'VBG')} {body}".strip()


def _segments(t: str) -> list[str]:
    return [p.strip() for p in re.split(r"[,.;!?:]| but | because | cause | so that ", t) if p.strip()]


def things_as_subject(t: str) -> list[str]:
    """"the dog has not been walked all day" -> "the dog hasn't been walked all day": a thing left undone, in the user's
    words. Only a passive or a state of a thing (never a person, never a feeling) counts."""
    from .rewriting import _tidy
    out = []
    for seg in re.split(r"[,.;!?:]| but | because | cause | and (?=the |my |our )", t):
        m = re.search(r"(?:^|\b(?:omg|lol|and|so|yet|now|while) )((?:the|my|our) (?:\w+ ){0,2}?)(has|have|had|is|are|was|were) (not )?"
                      r"(?:(been) )?(\w+)\b(.*)", seg.strip())
        if not m:
            continue
        np_, aux, neg, been, verb, tail = m.groups()
        head = np_.split()[-1]
        tail_toks = _phrase(tail.split())
        if re.fullmatch(PARTNER, np_.strip()) or not is_noun(head) or re.search(r"\b(?:you|your|he|she|him|her|his|they|them|i|me)\b", " ".join(tail_toks)):
            continue
        lem = verb_lemma(verb)
        passive = bool(lem) and verb != lem and verb.endswith(("ed", "en", "wn", "ne", "t")) and (been or aux in ("is", "are", "was", "were"))
        going = verb.endswith("ing") and bool(lem) and (been is not None or not neg)
        if not (passive or going):
            continue
        aux_out = {"has": "hasn't", "have": "haven't", "had": "hadn't", "is": "isn't", "are": "aren't", "was": "wasn't",
                   "were": "weren't"}[aux] if neg else aux
        s = _tidy(f"{np_.strip()} {aux_out} {been or ''} {verb} {' '.join(tail_toks)}")
        if 3 <= len(s.split()) <= 14:
            out.append(re.sub(r"\s+", " ", s))
    return out


def speaker_clauses(t: str) -> list[str]:
    """The speaker's own doing, as they said it: "while I sort the kids out" -> "I sort the kids out";
    "why do I have to remind you to take your tablets" -> "I have to keep asking about taking the tablets"."""
    t = re.sub(r"\bwhy (?:do|does|must|should) i (?:always |constantly |still )?have to\b", "i have to", t)
    t = re.sub(r"\bwhy am i (?:always |constantly |still )?the (?:only )?one\b", "i am the one", t)
    t = re.sub(r"\bi (?:always |constantly )?have to be the (?:only )?one\b", "i am the one", t)
    out = []
    for seg in re.split(r"[,.;!?:]| but | because | cause | so | and (?=i )", t):
        m = re.search(r"(?:^|\b(?:while|when|whenever|and|then|after|as) )i (?!am not|have not|do not|did not|can not)(.+)", seg.strip())
        if not m:
            continue
        toks = m.group(1).split()
        # "I have to remind you to take your tablets" -> "I have to keep asking about taking the tablets"
        if len(toks) > 4 and toks[0] == "have" and toks[1] == "to" and verb_lemma(toks[2]) in _ASK_VERBS and toks[3] in ("you", "him", "her"):
            rest = toks[4:]
            while rest and rest[0] in _DROP | {"to"} and not (rest[0] == "to" and len(rest) > 1 and verb_lemma(rest[1])):
                rest = rest[1:]
            if rest and rest[0] == "to" and len(rest) > 1 and verb_lemma(rest[1]):
                g = _gerund(verb_lemma(rest[1]), _phrase(rest[2:]))
                if g:
                    out.append(f"I have to keep asking about {g}")
            continue
        # "ask three times before you empty the dishwasher" -> "ask three times before the dishwasher gets emptied"
        body = " ".join(toks)
        mb = re.search(r"\b(before|until|till) (?:you|he|she) (?:finally |actually |even )?(\w+) (.+)$", body)
        if mb and verb_lemma(mb.group(2)):
            obj = _phrase(mb.group(3).split())
            objs = _turn(obj)
            if objs and obj and obj[0] not in _OBJ_PRON:
                vbn = inflect(verb_lemma(mb.group(2)), "VBN")
                body = f"{body[:mb.start()]}{mb.group(1)} {objs} gets {vbn}"
                toks = body.split()
        if toks[:3] == ["am", "the", "one"]:
            rest = _phrase(toks[3:] if toks[3:4] != ["who"] else toks[4:], keep_me=True)
            if rest and verb_lemma(rest[0]):
                s = _turn(rest)
                if s:
                    out.append(f"I'm the one {'who ' if not rest[0].endswith('ing') else ''}{s}")
            continue
        verb = toks[0]
        lem = verb_lemma(verb)
        being = lem == "be" and len(toks) > 1 and (toks[1] in ("in", "at", "on", "out", "home", "away", "with")
                                                   or toks[1].endswith("ing") and bool(verb_lemma(toks[1])))
        if not lem or lem in _MENTAL_I and not (lem == "have" and toks[1:2] == ["to"]) and not being:
            continue
        rest = _phrase(toks[1:])
        if lem == "have":
            if len(rest) < 3 or not verb_lemma(rest[1]) or verb_lemma(rest[1]) in _MENTAL_I:
                continue
        s = _turn([verb] + rest)
        if s and len(s.split()) >= 2 and any(len(w) > 3 for w in s.split()[1:]):
            out.append(f"I {s}")
    return out


_SUBJ = rf"(?:^|[,.;!?] |\b(?:and|but|so|then|when|because|while|if|yet) )(?:{PARTNER}) "
_NEG = r"(?:can not|could not|will not|would not|never|did not|does not|do not|refuse to|refused to|wo not|have never|has never)"


def undone_jobs(t: str) -> list[str]:
    """"you can't even book a taxi" -> "booking a taxi is left to me": a job the partner doesn't do, named with its own
    object, place and time. A job needs a thing as its object and a verb that is a doing (not talk or a feeling)."""
    out = []
    for m in re.finditer(rf"{_SUBJ}(?:\w+ly )?{_NEG} (?:\w+ly |even |just |once |ever |so much as )*(\w+) (.+)", t):
        lem = verb_lemma(m.group(1))
        if not lem or lem in _NOT_A_JOB or lem != m.group(1) and not m.group(1).endswith(("ed", "t")):
            continue
        rest = _phrase(m.group(2).split())
        # "drag yourself off the couch to set the table": the job is the one after "to"
        if rest and rest[0] in ("yourself", "himself", "herself") and "to" in rest:
            k = rest.index("to")
            if k + 1 < len(rest) and verb_lemma(rest[k + 1]):
                lem, rest = verb_lemma(rest[k + 1]), rest[k + 2:]
        if not rest or rest[0] in _OBJ_PRON or rest[0] in ("to", "with", "at", "on", "in", "for", "about", "up", "out") \
                or not (rest[0] in ("the", "a", "an", "my", "our", "your", "his", "her", "their", "any") or is_noun(rest[0])
                        or "ADJ" in getAllLemmas(rest[0])):
            continue
        if rest[0] in ("a", "an") and re.search(r"\b(?:can|could) not\b", m.group(0)):
            continue  # "can't boil an egg" mocks an ability: no job was left undone
        g = _gerund(lem, rest)
        if not g or len(g.split()) < 2:
            continue
        g = re.sub(r"^(\w+) (?:any|some) ", r"\1 ", g)
        past = "did not" in m.group(0) or "refused" in m.group(0) or m.group(1) != lem
        out.append(f"{g} {'was' if past else 'is'} left to me")
    return out


def made_to(t: str) -> list[str]:
    """"you make me do all the planning for Christmas" -> "I end up doing all the planning for Christmas"."""
    out = []
    for m in re.finditer(rf"{_SUBJ}(?:\w+ly |always |just |still )*(make|makes|made|let|lets|leave|leaves|left) me (\w+) (.+)", t):
        lem = verb_lemma(m.group(2))
        if not lem or lem in ("feel", "be", "look", "seem", "think", "want", "wonder", "cry", "question", "hate", "doubt"):
            continue
        if m.group(1).startswith(("let", "leave", "left")):
            continue  # "let me down", "left me to ...": read elsewhere
        g = _gerund(lem, _phrase(m.group(3).split()))
        if g and len(g.split()) >= 2:
            out.append(f"I {'ended' if m.group(1) == 'made' else 'end'} up {g}")
    return out


def let_others(t: str) -> list[str]:
    """"you let your sister insult me and said nothing" -> "your sister insults me and I'm left to answer on my own":
    what the other person did, then where that leaves the speaker (the partner's not stepping in)."""
    from .rewriting import FAMILY
    out = []
    for m in re.finditer(rf"{_SUBJ}(?:\w+ly |always |just |still )*(?:let|lets|allow|allows|allowed) ((?:your|his|her|their|the) (?:\w+ )?(\w+)) (\w+) me\b(.*)", t):
        who, head, verb = m.group(1), m.group(2), m.group(3)
        lem = verb_lemma(verb)
        if head not in FAMILY | {"friend", "friends", "mate", "mates", "boss", "colleagues", "kids"} or not lem:
            continue
        tail = _turn(_phrase(m.group(4).split()))
        plural = head.endswith("s") and head not in ("boss",)
        vb = lem if plural else inflect(lem, "VBZ")
        out.append(re.sub(r"\s+", " ", f"{who} {vb} me {tail or ''} and I'm left to answer on my own").strip())
    return out


def rather_than(t: str) -> list[str]:
    """"you'd rather be at the pub with Dave than spend one evening with me" -> "being at the pub with Dave comes before
    spending one evening with me"."""
    m = re.search(rf"{_SUBJ}(?:would|had|will) (?:much )?rather (\w+) (.+?) than (\w+) (.+)", t)
    if not m:
        return []
    a_lem, b_lem = verb_lemma(m.group(1)), verb_lemma(m.group(3))
    if not a_lem or not b_lem:
        return []
    a = _gerund(a_lem, _phrase(m.group(2).split()))
    b = _gerund(b_lem, _phrase(m.group(4).split(), keep_me=True))
    if not a or not b:
        return []
    return [f"{a} comes before {b}"]


def nice_for_some(t: str) -> list[str]:
    """"must be nice to lie in bed till noon while I do the school run" -> "lying in bed till noon happens while I do the
    school run"."""
    m = re.search(r"\b(?:must|it must|it would|would|it is|'s|it's) be (?:so |really )?nice to (\w+) (.+?) while (i|the \w+|my \w+) (.+)", t)
    if not m:
        return []
    lem = verb_lemma(m.group(1))
    if not lem or lem in ("have", "be", "get"):
        return []
    a = _gerund(lem, _phrase(m.group(2).split()))
    b = _turn(_phrase(m.group(4).split()))
    if not a or not b:
        return []
    subj = "I" if m.group(3) == "i" else m.group(3)
    return [f"{a} happens while {subj} {b}"]


def told(t: str) -> list[str]:
    """"(you) tell me we can't afford a takeaway" -> "I'm told we can't afford a takeaway"."""
    out = []
    for m in re.finditer(r"\b(?:you|he|she|then) (?:\w+ly |just |then |always |still )*(tell|tells|told) me (?:that )?((?:we|i|it|there|the) .+)", t):
        body = _phrase(m.group(2).split()[1:])
        first = m.group(2).split()[0]
        s = _turn([first] + body)
        if s and 3 <= len(s.split()) <= 10:
            s = re.sub(r"\b(can|do|does|is|are|was|were|could|would|will|should) not\b", lambda x: {"can": "can't", "will": "won't"}.get(x.group(1), x.group(1) + "n't"), s)
            out.append(f"I'm told {s}" if m.group(1) != "told" else f"I was told {s}")
    return out


def own_situations(t: str) -> list[str]:
    """Every candidate these shapes find in one (expanded, lower-case) sentence, in the order the user said them."""
    t = normalise(t)
    out: list[str] = []
    for fn in (things_as_subject, speaker_clauses, undone_jobs, made_to, let_others, rather_than, nice_for_some, told):
        try:
            out += fn(t)
        except (IndexError, KeyError, ValueError):  # an odd sentence shape: that reader just finds nothing
            continue
    seen: set[str] = set()
    return [s for s in out if not (s in seen or seen.add(s))]
