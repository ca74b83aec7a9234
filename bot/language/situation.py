"""The user's own words as the situation of an I-statement (round 7).

Each function here reads one general sentence shape and returns candidate situations (with a request when the shape
implies one). rewriting._own_words weighs them against the stock phrases: the candidate that keeps most of what the
user said, and still reads as a plain grammatical observation, wins. Shapes (paraphrases in
tests/language/data/generalise3_rewrite.txt):

- a thing as the subject: "the dog hasn't been walked all day" (kept, contracted)
- a thing or place in a state: "the sink is full of your dirty pans" -> "the sink is full of the dirty pans" (round 13)
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
from .text import inflect, is_noun, is_past_form, is_plural, verb_lemma

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
    # round 13: "I'll carry the shopping in myself, like always" is the speaker doing it alone, told as a resigned future
    t = re.sub(r"\bi (?:will|am going to) (?:just |simply |go and |have to )?(\w+ [^,.;!?]*?) ?(?:myself|by myself|on my own)\b", r"i \1 on my own", t)
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
        doing_job = lem == "do" and toks[1:2] in (["the"], ["all"], ["most"])  # round 13: "I do the school run, the cooking ..."
        if not lem or lem in _MENTAL_I and not (lem == "have" and toks[1:2] == ["to"]) and not being and not doing_job:
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
_NEG = r"(?:can not|could not|will not|would not|never|did not|does not|do not|refuse to|refused to|wo not|have never|has never|have not|has not)"


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


# ---------------------------------------------------------------- round 9: verbless evidence, the partner in the third person
# (paraphrases in generalise5_rewrite.txt)

_PLACE_PREP = r"(?:on|in|under|all over|over|across|around|by|at|behind|next to|inside|outside|in front of|near|beside|down)"
_FRAG_LEAD = {"and", "oh", "so", "plus", "also", "again", "another", "yet", "honestly", "seriously", "literally", "still", "more", "just"}
_PARTICIPLE_OK = {"left", "piled", "dumped", "scattered", "stacked", "thrown", "lying", "sitting", "stuck", "smeared", "spilt", "spilled",
                  "dropped", "strewn", "abandoned", "shoved", "stuffed", "hanging", "soaking", "floating", "growing", "rotting", "going"}


def _fragment(seg: str) -> tuple[str, bool, bool] | None:
    """One verbless piece of evidence: "wet towels on the bedroom floor this morning" -> ("wet towels on the bedroom floor this
    morning", plural, definite). None when the piece has a verb of its own or names a person rather than a thing."""
    from .rewriting import _take_np
    toks = [w for w in seg.split() if w not in _DROP]
    while toks and toks[0] in _FRAG_LEAD:
        toks = toks[1:]
    if len(toks) < 3 or toks[0] in ("i", "you", "he", "she", "we", "they", "it", "this", "that", "there", "what", "why", "how", "who"):
        return None
    np, rest = _take_np(toks)
    np = [w for w in np if w not in ("all", "whole")] if np[:1] != ["all"] else np
    if not np or not rest or not is_noun(np[-1]) or np[-1] in ("me", "us", "time", "way", "day", "week", "night", "morning"):
        return None
    if any(w in ("the", "a", "an", "my", "our", "your", "his", "her", "their", "every", "each", "this", "that") for w in np[1:]):
        return None  # "slams every cupboard": a verb before its object, not a thing
    if any(verb_lemma(w) and not is_noun(w) and "ADJ" not in getAllLemmas(w) for w in np):
        return None  # a verb inside: a clause, read elsewhere
    if np[0] in ("the", "my", "our", "a", "an") and len(np) > 1 and np[1] in PEOPLE_WORDS or np[-1] in PEOPLE_WORDS:
        return None
    tail = " ".join(rest)
    if not (re.match(rf"{_PLACE_PREP} (?:the|my|our|your|his|her|a|an|\w+)\b", tail) or rest[0] in _PARTICIPLE_OK and len(rest) > 1):
        return None
    if re.search(r"\b(?:is|are|was|were|has|have|had|do|does|did|can|will|would|get|gets|got|i|you|he|she|they|we)\b", tail):
        return None
    det = np[0]
    definite = det in ("the", "my", "our", "your", "his", "her", "their") or det.endswith("'s")
    plural = is_plural(np[-1]) or bool(re.fullmatch(r"\d+|two|three|four|five|six|seven|eight|nine|ten|dozens|loads|piles|heaps", det))
    np_s = _turn(np)
    tail_s = _turn(rest)
    if not np_s or tail_s is None:
        return None
    return f"{np_s} {tail_s}".strip(), plural, definite


PEOPLE_WORDS = {"kids", "children", "mum", "mom", "dad", "mother", "father", "sister", "brother", "friends", "friend", "mates", "boss",
                "husband", "wife", "boyfriend", "girlfriend", "partner", "parents", "family", "baby", "people", "man", "woman", "guy"}


def evidence(t: str) -> list[str]:
    """Verbless evidence the user lists: "socks on the landing, mugs on the stairs, crumbs in the bed" -> "there are socks on the
    landing, mugs on the stairs and crumbs in the bed"; "your gym bag in the hallway for the fourth day" -> "the gym bag is in the
    hallway for the fourth day"."""
    from .rewriting import _tidy
    out: list[str] = []
    run: list[tuple[str, bool, bool]] = []
    for seg in re.split(r"[,.;!?:]| and (?=(?:the|a|an|my|our|your|\d+|two|three)\b)| and then ", t) + [""]:
        f = _fragment(seg.strip()) if seg.strip() else None
        if f:
            run.append(f)
            continue
        if run:
            first_s, first_pl, first_def = run[0]
            if first_def and len(run) == 1:
                body = first_s.split()
                np_len = next((k for k in range(1, len(body)) if re.match(rf"{_PLACE_PREP}\b", " ".join(body[k:])) or body[k] in _PARTICIPLE_OK), len(body))
                s = f"{' '.join(body[:np_len])} {'are' if first_pl else 'is'} {' '.join(body[np_len:])}"
            else:
                items = [x[0] for x in run[:3]]
                listed = items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"
                s = f"there {'are' if first_pl or len(items) > 1 else 'is'} {listed}"
            s = _tidy(s)
            if 3 <= len(s.split()) <= 16:
                out.append(s)
            run = []
    return out


# verbs that don't turn into "I get ...-ed": a causative, a wish, a sense, or words about me that aren't done to me
_NO_ME_PASSIVE = {"make", "let", "have", "want", "need", "expect", "like", "love", "know", "see", "hear", "watch", "give", "get", "owe",
                  "remind", "bring", "take", "find", "cost", "say", "do", "be", "help", "miss", "follow", "feel", "hate", "mean",
                  "think", "wish", "pay", "send", "buy", "show", "tell" if False else "", "teach", "keep", "beat", "marry"}
# verbs that judge rather than describe: "I get lied to" repeats the accusation (faux verbs in topics.yaml likewise)
_JUDGING = {"lie", "cheat", "manipulate", "gaslight", "betray", "abandon", "ignore", "neglect", "reject", "humiliate", "disrespect", "bully",
            "belittle", "patronise", "patronize", "guilt", "use", "control", "criticise", "criticize", "judge", "mock", "insult", "attack",
            "dismiss", "invalidate", "smother", "exploit", "trick", "fool", "deceive", "mislead", "abuse", "hurt", "embarrass", "shame"}
# activities whose gerund is an everyday noun: "there's sulking in the car", "there's gaming till four"
_ACTIVITY = {"sulk", "shout", "yell", "smoke", "vape", "game", "drink", "snore", "scroll", "swear", "gamble", "scream", "moan",
             "complain", "whinge", "bicker", "argue", "flirt", "party", "drum", "sing", "whistle", "stomp", "bang", "slam", "sigh", "huff",
             "laugh", "giggle", "text", "chat", "gossip", "nag", "lecture", "rant"}
_YOUR_KEEP = r"(?:mum|mom|mother|dad|father|parents|family|sister|brother|friends|friend|mates|boss|kids|son|daughter|ex|cousins?|colleagues|nan|gran|grandma|grandad)"


def _turn_keep_family(words_: list[str]) -> str | None:
    """Like _turn, but "your mum" stays "your mum" (a message to the partner names their people so); _own_ok checks that
    fewer second-person words remain than the user wrote."""
    from .rewriting import _soft_time, _tidy
    s = " ".join(words_)
    s = re.sub(r"\b(?:yourself|himself|herself)\b", "", s)
    s = re.sub(r"\b(?:your|his|her|their) (?!" + _YOUR_KEEP + r"\b)(\w+)", lambda m: ("" if is_plural(m.group(1)) else "the ") + m.group(1), s)
    s = re.sub(r"\b(?:his|her|their) (?=" + _YOUR_KEEP + r"\b)", "your ", s)
    s = _tidy(_soft_time(s))
    if re.search(r"\b(?:you|yours|u|ur|he|she|him|they|them|it)\b|\byour (?!" + _YOUR_KEEP + r"\b)", s):
        return None
    return s


def _tail_words(toks: list[str], stop_at_you: bool = True) -> list[str]:
    """A verb's complement up to the next clause, without absolutes; a "when"/"while" clause of its own stays with it."""
    out: list[str] = []
    for w in toks:
        w = w.strip(",.;!?:\"")
        if not w:
            continue
        if w in ("and", "but", "because", "so", "cause", "which", "instead", "then", "than", "or", "though", "although", "like") and out:
            break
        if w in ("you", "he", "she") and out and out[-1] not in ("when", "while", "whenever", "after", "before", "until", "till"):
            k = max((j for j, x in enumerate(out) if x in ("when", "while", "whenever", "after", "before", "until", "till", "if", "whether", "to")), default=-1)
            if k >= 0:
                out = out[:k]  # "scroll through it while I'm telling [you ...]": the half clause goes
            break
        if w in _DROP or w in ("ever", "every", "single") and False:
            continue
        out.append(w)
        if len(out) >= 12:
            break
    while out and out[-1] in _DANGLE:
        out.pop()
    return out


def partner_events(t: str) -> list[str]:
    """The partner's doing, said as what happens to me or what happens, for any verb (round 9):
    "he talks over me in meetings" -> "I get talked over in meetings"; "you never back me up when your mum criticises me" -> "I don't
    get backed up when your mum criticises me"; "you sulked in the car the whole way home" -> "there was sulking in the car the whole
    way home"."""
    from .rewriting import PARTICLES, _partner_clauses, _vbn
    out = []
    from . import inventory as data
    judging = _JUDGING | set(data.topics().get("faux_verbs", {}))
    for lem, rest, past, neg in _partner_clauses(t):
        if lem in judging:
            continue
        rest = [w for w in rest if w not in _DROP]
        cut = re.split(r"[,.;!?:\"]", " ".join(rest))[0].split()
        if not cut:
            continue
        # "... me [particle] tail": I get (or don't get) VBN
        if cut[0] == "me" and lem not in _NO_ME_PASSIVE and lem not in _NOT_A_JOB - {"support", "include", "invite", "thank", "call", "text",
                                                                                        "ask", "answer", "defend", "hug", "kiss", "touch",
                                                                                        "treat", "tell", "leave", "ignore"}:
            toks = cut[1:]
            particle = ""
            if toks and toks[0] in PARTICLES and not (len(toks) > 1 and toks[1] in ("the", "my", "our", "your", "a", "an")):
                particle, toks = toks[0], toks[1:]
            tail = _tail_words(toks)
            tail_s = _turn_keep_family(tail) if tail else ""
            if tail_s is None or not tail_s and lem in ("tell", "ask", "call", "text", "answer") or re.match(r"(?:to|that|if|whether|what|how)\b", tail_s) and lem not in ("tell", "leave", "ask", "force", "push", "pressure", "beg", "nag"):
                continue
            get = ("didn't get" if past else "don't get") if neg else ("got" if past else "get")
            sit = re.sub(r"\s+", " ", f"I {get} {_vbn(lem)} {particle} {tail_s}").strip()
            if 3 <= len(sit.split()) <= 15:
                out.append(sit)
            continue
        # "you never ask how my interview went" -> "I don't get asked how my interview went"
        if lem == "ask" and cut[0] in ("how", "what", "where", "whether", "if", "about", "why", "who"):
            tail_s = _turn_keep_family(_tail_words(cut, stop_at_you=False))
            if tail_s and len(tail_s.split()) >= 3 and tail_s.split()[-1] not in ("was", "is", "am", "are", "were", "be", "been", "do", "did", "have", "had", "i"):
                out.append(f"I {('didn' if past else 'don') + chr(39) + 't get' if neg else 'got' if past else 'get'} asked {tail_s}")
            continue
        # "shouts at me in the supermarket", "hung up on me mid-sentence" -> "I got shouted at in the supermarket"
        k = 1 if cut[0] in PARTICLES and len(cut) > 2 and cut[1] in ("on", "at") else 0
        if len(cut) > k + 1 and cut[k] in ("at", "over", "on", "about", "to") and cut[k + 1] == "me" and lem not in _NO_ME_PASSIVE | {"go", "come", "get", "listen", "talk" if cut[k] == "to" else ""}:
            tail = _tail_words(cut[k + 2:])
            tail_s = _turn_keep_family(tail) if tail else ""
            if tail_s is not None and not re.match(r"(?:to|that|if|whether|what|how)\b", tail_s):
                get = ("didn't get" if past else "don't get") if neg else ("got" if past else "get")
                sit = re.sub(r"\s+", " ", f"I {get} {_vbn(lem)} {' '.join(cut[:k + 1])} {tail_s}").strip()
                if 3 <= len(sit.split()) <= 15:
                    out.append(sit)
            continue
        # a thing left undone: "you haven't walked the dog all week" -> "the dog didn't get walked all week"
        if neg and lem not in _NOT_A_JOB and cut[0] in ("the", "my", "our", "your", "his", "her", "their"):
            from .rewriting import _take_np
            np, rest2 = _take_np(cut)
            if len(np) >= 2 and is_noun(np[-1]) and np[-1] not in PEOPLE_WORDS | {"time", "way"}:
                np_s = _turn_keep_family(np)
                particle = ""
                if rest2 and rest2[0] in PARTICLES and rest2[0] not in ("on", "in", "over"):
                    particle, rest2 = rest2[0], rest2[1:]
                tail_s = _turn_keep_family(_tail_words(rest2)) if rest2 else ""
                if np_s and tail_s is not None:
                    plural = is_plural(np[-1])
                    get = "didn't get" if past else ("don't get" if plural else "doesn't get")
                    out.append(re.sub(r"\s+", " ", f"{np_s} {get} {_vbn(lem)} {particle} {tail_s}").strip())
            continue
        if neg:
            continue
        # an everyday activity with its place or time: "there's sulking in the car the whole way home"
        if lem in _ACTIVITY and (cut[0] in ("in", "on", "into", "through", "during", "until", "till", "all", "at", "outside", "next", "right", "under")
                                 and cut[1:2] != ["me"] or cut[0] == "at" and cut[1:2] in (["night"], ["weekends"])) and len(cut) >= 2:
            tail = _tail_words(cut)
            tail_s = _turn_keep_family(tail) if tail else None
            if tail_s and len(tail_s.split()) >= 2:
                out.append(f"there{' was' if past else chr(39) + 's'} {inflect(lem, 'VBG')} {tail_s}")
    return out


# round 13: a thing or place in a state is an observation as it stands ("the sink is full of dirty pans", "there are socks
# all over the bedroom floor"); a verdict followed by such evidence lost it to a stock phrase. Abstract heads ("the problem
# is ...") and nouns as complements ("a joke") are verdicts, not states.
_ABSTRACT = {"problem", "reason", "thing", "things", "issue", "point", "fact", "truth", "way", "attitude", "lateness", "behaviour",
             "behavior", "idea", "excuse", "excuses", "mood", "moods", "tone", "life", "relationship", "marriage", "family", "worst", "best"}
_STATE_WORDS = r"(?:full of|covered in|covered with|piled (?:up )?(?:with|in|on)|littered with|empty|overflowing|on|off|open|unlocked|" \
               r"broken|flooded|filthy|dirty|soaking|wet|sticky|freezing|cold|sick|still|left|sitting|lying|stuck|everywhere)"


def states_of_things(t: str) -> list[str]:
    """"the sink is full of your dirty pans" -> "the sink is full of the dirty pans"; "there are plates under the sofa"."""
    out = []
    for seg in re.split(r"[,.;!?:]| but | because | cause | and (?=the |my |our |there )", t):
        seg = seg.strip()
        m = re.search(r"(?:^|\b(?:and|so|now|yet|then) )((?:the|my|our|your) (?:[\w']+ ){0,2}?([\w']+)) (is|are|was|were) "
                      rf"((?:still |all |left |now )?{_STATE_WORDS}\b.*)", seg)
        if m and is_noun(m.group(2).replace("'s", "")) and m.group(2) not in _ABSTRACT and not re.fullmatch(PARTNER, m.group(1)):
            head, rest = f"{m.group(1)} {m.group(3)}", m.group(4)
        else:
            m = re.search(r"(?:^|\b(?:and|so|now|yet|then) )(there (?:is|are|was|were)) ((?:\w+ ){0,3}?\w+s?) ((?:all )?(?:over|under|on|in|"
                          r"behind|by|around|everywhere|left)\b.*)", seg)
            if not m or m.group(2).split()[0] in ("no", "nothing", "never", "not", "always", "someone", "something", "a", "an"):
                continue
            head, rest = f"{m.group(1)} {m.group(2)}", m.group(3)
        tail = _phrase(rest.split())
        s = _turn(head.split() + tail)
        if s and 4 <= len(s.split()) <= 14 and not re.search(r"\b(?:he|she|him|her|his|they|them|it|i)\b", s):
            out.append(s)
    return out


def own_situations(t: str) -> list[str]:
    """Every candidate these shapes find in one (expanded, lower-case) sentence, in the order the user said them."""
    t = normalise(t)
    out: list[str] = []
    for fn in (things_as_subject, states_of_things, speaker_clauses, undone_jobs, made_to, let_others, rather_than, nice_for_some, told, evidence, partner_events):
        try:
            out += fn(t)
        except (IndexError, KeyError, ValueError):  # an odd sentence shape: that reader just finds nothing
            continue
    seen: set[str] = set()
    return [s for s in out if not (s in seen or seen.add(s))]


# ---------------------------------------------------------------- round 8: the user's content carried by the request,
# sarcasm read literally, comparisons reduced to the partner's own part (paraphrases in generalise4_rewrite.txt)

_PAST_TIME = re.compile(r"\b(?:last (?:night|week|weekend|time|month|year|\w+day)|yesterday|this (?:morning|afternoon|evening)|earlier|"
                        r"(?:again|as usual|like always|like you (?:said|promised|agreed)|as you (?:said|promised)|for once|at least|by now))\b")
_SUBORD = ("when", "whenever", "before", "after", "if", "once", "as")
# verbs whose "should" asks for an inner state or a character change, not a doing
_NOT_ASKABLE = {"be", "have", "know", "feel", "think", "understand", "realise", "realize", "grow", "get", "stop", "quit", "care", "mind",
                "want", "like", "love", "respect", "trust", "believe", "learn", "try", "see", "look", "act", "go", "do", "make", "take",
                "keep", "let", "leave", "listen", "consider", "remember", "admit", "change", "work", "start", "put", "give"}


def _present_tail(toks: list[str]) -> list[str]:
    """A clause told in the past read as what will happen next time: "when you knew you'd be late" -> "when you know you'll be late"."""
    out = []
    for i, w in enumerate(toks):
        prev = out[-1] if out else ""
        if w in ("was", "were"):
            w = "is" if w == "was" else "are"
        elif w in ("you'd", "we'd", "i'd") or w == "would" and prev in ("you", "we", "i", "it"):
            w = {"you'd": "you'll", "we'd": "we'll", "i'd": "i'll"}.get(w, "will")
        elif prev in ("you", "we", "they", "i", "he", "she", "it") and is_past_form(w) and verb_lemma(w):
            lem = verb_lemma(w)
            w = lem if prev in ("you", "we", "they", "i") else inflect(lem, "VBZ")
        out.append(w)
    return out


_NEW_VERBS = {"text": "text", "texted": "text", "texting": "text", "texts": "text", "hoover": "hoover", "hoovered": "hoover",
              "hoovering": "hoover", "hoovers": "hoover", "whatsapp": "whatsapp", "whatsapped": "whatsapp"}


def _vlem(w: str) -> str | None:
    """verb_lemma, knowing a few everyday verbs the lexicon lacks ("texted", "hoovered")."""
    return _NEW_VERBS.get(w) or verb_lemma(w)


def should_requests(t: str) -> list[str]:
    """"you should have called me when you knew you'd be late" -> "call me when you know you'll be late": what the user says the
    partner should do is, said positively, already the request (with its own object, place and time)."""
    t = re.sub(r"\bshould(?:'ve| of|a)\b", "should have", t)
    out = []
    for m in re.finditer(rf"\b(?:{PARTNER}) (?:really |honestly |just |at least )?(?:should|ought to) (have )?(?:really |just |at least |at the very least )?(\w+)\b(.*)", t):
        verb, tail = m.group(2), m.group(3)
        lem = _vlem(verb)
        if not lem or lem in _NOT_ASKABLE or (m.group(1) and verb == lem and lem not in ("run", "come", "put", "cut", "hit", "set")):
            continue
        tail = re.split(r"[,.;!?:\"]| instead | rather than | but | because | cause | so | end of (?:discussion|story)| and (?:then |now )?(?:you|i|he|she) ", tail)[0]
        toks = [w for w in _PAST_TIME.sub(" ", tail).split() if w not in _DROP]
        if lem in ("ask", "check", "warn", "consult", "tell", "text", "call", "ring", "phone") and toks and toks[0] in _SUBORD:
            toks = (["with", "me"] if lem == "check" else ["me"]) + toks  # "should have asked before inviting" asks the speaker
        if not toks or toks[0] not in ("me", "us", "with", "to", "for", "up", "out", "off", "back", "down", "in", "on") and not (
                toks[0] in ("the", "a", "an", "my", "our", "your", "his", "her", "their") or is_noun(toks[0])):
            continue  # "you should have told me you ..." reports what happened: the ask would repeat the past
        if toks[0] in ("me", "us") and len(toks) > 1 and not (toks[1] in _SUBORD or toks[1] in ("with", "about", "for", "back", "up", "to", "know")):
            continue
        toks = _present_tail(toks)
        while toks and toks[-1] in _DANGLE:
            toks.pop()
        req = re.sub(r"\s+", " ", f"{lem} {' '.join(toks)}").strip()
        if m.group(1) and not any(w in _SUBORD for w in toks):
            req += " next time"
        req = re.sub(r"\b(you|we) will\b", r"\1'll", req)
        # texting's "ur" was read as "you are" by expand(): "ask before inviting ur whole team" means "your"
        req = re.sub(r"\byou are (?=(?:whole|own|best|new|old|little|entire|\w+'s)\b)", "your ", req)
        req = re.sub(r"\byou are (\w+)", lambda x: ("your " if is_noun(x.group(1)) and not x.group(1).endswith("ing") and not verb_lemma(x.group(1)) else "you are ") + x.group(1), req)
        if 2 <= len(req.split()) <= 14 and not _bad_would(req) and not re.search(r"\b(?:was|were|did|went|said|i|myself|yourself|eyeroll|more|less|better)\b|\byou are (?!\w+ing\b|late\b|home\b|away\b|back\b|out\b)", req):
            out.append(req)
    return out


# sarcastic praise or a shrug before what the partner did: "typical you, forgetting the passports the morning of the flight",
# "well done on burning the rice again", "thanks for leaving me with all the dishes", "real mature, slamming the door"
_IRONY_FRAME = re.compile(r"(?:^|[,.!?] )(?:oh |wow |well |ok |okay |so |yeah |and )*(?:typical(?: you| of you)?|classic(?: you)?|"
                          r"real(?:ly)? (?:mature|grown[- ]up|classy|smooth|helpful|clever)|very (?:mature|helpful|grown[- ]up|clever)|so (?:mature|helpful)|"
                          r"(?:well done|great job|good job|nice job|great work|nice work|good work|nice one|brilliant work|top job|bravo|cheers|"
                          r"thanks|thank you|thank u|ta)(?: (?:so|very) much| a lot| again| heaps| loads)?)[,!.]* (?:you,? |for |on |at )*(\w+ing)\b(.*)")
_NICE_OF = re.compile(r"\b(?:nice|good|kind|sweet|lovely|decent|thoughtful|big|generous) of (?:you|him|her) to (?:finally |actually |even |bother to )?(\w+)\b(.*)")
_ARRIVE = {"show", "turn", "arrive", "roll", "come", "get", "stroll", "wander", "swan"}
_CUT = re.compile(r"[,.;!?:\"]| eyeroll| genius| mate| babe| love| like (?:a|an|some) | as usual| like always| classic| again| really| thanks| cheers")
# verbs whose sarcastic praise means the thing was NOT done (read elsewhere: "great job remembering our anniversary")
_DUTY = {"remember", "help", "call", "text", "notice", "ask", "listen", "support", "thank", "apologise", "apologize", "clean", "tidy",
         "include", "invite", "check", "tell", "reply", "answer", "care", "show", "think", "plan", "bother",
         # round 13: everyday jobs, whose sarcastic thanks also means they were left undone ("thanks for cooking, oh wait")
         "cook", "wash", "hoover", "feed", "pay", "book", "sort", "pick", "visit", "come", "back", "stick", "cover", "warn", "offer",
         "consider", "empty", "change", "walk", "bath", "iron", "fix", "mend", "organise", "organize", "arrange", "join", "stay"}


def ironic_means_done(lem: str, rest: str = "") -> bool:
    """Sarcastic thanks for an act: the act happened ("thanks for putting my jumper in the dryer"), unless it is a duty or a
    kindness, which the sarcasm says was not done ("thanks for helping"). "Telling" others is done; "telling me" is not."""
    if lem == "tell":
        return not re.match(r"\s*(?:me|us)\b", rest)
    return lem not in _DUTY


_NUMBER = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|several|few|couple)"


def _late_wait(tail: list[str]) -> str | None:
    """"[turn up] an hour after the party started" -> "I'm left waiting until an hour after the party started"."""
    s = " ".join(tail)
    m = re.search(r"\b((?:an?|one|two|three|four|five|ten|fifteen|twenty|thirty|forty|fifty|half an?|\d+) (?:minutes?|hours?|mins?|hrs?) "
                  r"(?:after|into) .+)$", s)
    if m:
        return f"I'm left waiting until {m.group(1)}"
    m = re.search(r"\b((?:an?|one|two|three|four|five|ten|fifteen|twenty|thirty|forty|fifty|half an?|\d+) (?:minutes?|hours?|mins?|hrs?)) late\b", s)
    if m:
        return f"I'm left waiting {re.sub(r'^(?:an?|one) ', 'an ', m.group(1))}".replace("an hour", "an hour").replace("an half", "half")
    return None


def _bad_would(s: str) -> bool:
    """expand() reads "I'd told" as "I would told": a past form after "would" is broken English."""
    return any(is_past_form(m.group(1)) or inflect(verb_lemma(m.group(1)) or m.group(1), "VBN") == m.group(1) != verb_lemma(m.group(1))
               for m in re.finditer(r"\bwould (\w+)", s))


def ironic_events(t: str) -> list[str]:
    """The literal event under sarcastic praise: "well done on burning the rice again" -> "the rice got burned";
    "thanks for leaving me with all the dishes" -> "I got left with all the dishes"; "nice of you to turn up an hour after the
    party started" -> "I'm left waiting until an hour after the party started"."""
    from .rewriting import PARTICLES, _take_np, _vbn
    out = []
    for pat in (_IRONY_FRAME, _NICE_OF):
        for m in pat.finditer(t):
            verb, tail = m.group(1), m.group(2)
            lem = verb_lemma(verb)
            if not lem or (pat is _IRONY_FRAME and verb == lem):
                continue
            full = re.split(r"[.;!?]", tail)[0].split()
            toks = _CUT.split(tail)[0].split()
            toks = [w for w in toks if w not in _DROP]
            particle = ""
            if toks and toks[0] in PARTICLES | {"up"} and lem in _ARRIVE | {"hang", "run", "walk", "storm", "drive", "go"}:
                particle, toks = toks[0], toks[1:]
            if lem in _ARRIVE and (particle or lem == "arrive"):
                w = _late_wait([x for x in full if x not in _DROP and x != "eyeroll"])
                if w:
                    out.append(w)
                continue
            if lem in _DUTY or lem in ("be", "have", "get", "do", "make", "say"):
                continue
            if particle and toks[:2] == ["on", "me"]:  # "hanging up on me in the middle of a sentence"
                s = _turn(toks[2:])
                if s is not None:
                    out.append(re.sub(r"\s+", " ", f"I got {_vbn(lem)} {particle} on {s}").strip())
                continue
            if toks[:1] == ["me"]:  # "leaving me with all the dishes"; not "leaving me exactly zero milk" (a thing, said elsewhere)
                s = _turn(toks[1:])
                if s and not particle and toks[1:2] and toks[1] in ("with", "to", "in", "at", "on", "out", "alone", "behind", "for", "outside", "waiting", "hanging", "stranded"):
                    out.append(f"I got {_vbn(lem)} {s}")
                continue
            if lem == "forget" and toks[:1] == ["to"] and len(toks) > 2 and verb_lemma(toks[1]):  # "forgetting to pay the bill"
                lem2 = verb_lemma(toks[1])
                np, rest = _take_np(toks[2:])
                s = _turn(np + ["didn't", "get", _vbn(lem2)] + rest)
                if np and s and np[0] in ("the", "a", "an", "my", "our", "your"):
                    out.append(s)
                continue
            if not toks or not (toks[0] in ("the", "a", "an", "my", "our", "your", "his", "her", "their", "all") or is_noun(toks[0])):
                continue
            np, rest = _take_np(toks)
            while len(np) > 1 and re.fullmatch(_NUMBER, np[-1]):  # "the car keys | ten minutes before we leave"
                rest = [np.pop()] + rest
            if not np or not is_noun(np[-1]) or np[-1] in ("me", "us", "time", "way"):
                continue
            plural = np[-1].endswith("s") and not np[-1].endswith("ss")
            s = _turn(np + ["got", _vbn(lem)] + ([particle] if particle else []) + rest)
            if s and 3 <= len(s.split()) <= 14 and not _bad_would(s):
                out.append(s)
    return out


# a comparison with someone else's partner or a relative: the other person's doing is what the user wants (the request);
# only the partner's own part is their situation
_COMP_SUBJ = re.compile(r"^(?:why is it that |how come |why can |why does |why do |why will |so )?"
                        r"((?:[a-z]+'s|my [a-z]+'s|my best friend's|everyone else's|all my friends'|other|other people's|most) "
                        r"(?:husbands?|wife|wives|boyfriends?|girlfriends?|partners?|dads?|mums?|moms?|fathers?|mothers?|fellas?|fiance|fiancee|blokes?|guys?|men|women)|"
                        r"my (?:sister's husband|brother's wife|best friend's (?:husband|wife|boyfriend|girlfriend|partner)))"
                        r" (?:can |could |will |does |do |did |actually |always |still |even |at least |manages to |somehow )*(\w+)\b(.*)$")


def comparison(t: str) -> tuple[str, str | None]:
    """("the partner's own part of the sentence", "the other person's doing as a request"): "why is it that Sarah's boyfriend
    can plan a weekend away and you can't even book a table" -> ("you can't even book a table", "plan a weekend away");
    "unlike you, my sister's husband rings when he's running late" -> (unchanged, "ring me when you're running late")."""
    unlike = re.match(r"^(?:\w+ )?unlike you,? ", t)
    body = t[unlike.end():] if unlike else t
    parts = re.split(r"(\s*[,;]\s*|\s+(?:and|but|yet|whereas|while)\s+)", body)
    if len(parts) < 3 and not unlike:
        return t, None
    m = _COMP_SUBJ.match(parts[0].strip())
    if not m:
        return t, None
    rest_text = "".join(parts[2:]).strip()
    if not unlike and not re.match(rf"(?:{PARTNER}|all you|and you|but you)\b", rest_text):
        return t, None
    lem = verb_lemma(m.group(2))
    req = None
    if lem and lem not in ("be", "have", "get", "know", "think", "feel", "say", "tell", "treat", "make", "love", "care", "want"):
        tail = m.group(3) if unlike else re.split(r"[,;?!.]", m.group(3))[0]
        tail = re.split(r"[.?!;]", tail)[0]
        toks = [w for w in tail.split() if w not in _DROP]
        sub = {"he": "you", "she": "you", "he's": "you're", "she's": "you're", "his": "the", "their": "the", "her": "me", "him": "me",
               "them": "me", "is": "are", "was": "are", "has": "have", "does": "do"}
        out_t, prev = [], ""
        for w in toks:
            w2 = sub.get(w, w)
            if prev == "you" and w2.endswith("s") and verb_lemma(w2) and verb_lemma(w2) != w2:
                w2 = verb_lemma(w2)
            out_t.append(w2)
            prev = w2
        s = " ".join(out_t)
        s = re.sub(r"\bevery (?:single )?(?:night|evening|day)\b", "one evening this week", s)
        s = re.sub(r"\bevery (?:single )?(weekend|sunday|saturday|friday|monday|tuesday|wednesday|thursday)\b", r"this \1", s)
        s = re.sub(r"\b(?:all the time|every time|every week)\b", "", s)
        if lem in ("ring", "call", "phone", "text") and not re.match(r"(?:me|us|the|our|my)\b", s):
            s = "me " + s
        req = re.sub(r"\s+", " ", f"{lem} {s}").strip()
        if not 2 <= len(req.split()) <= 12 or re.search(r"\b(?:i|was|were|did|said|went)\b", req):
            req = None
    return (t if unlike else rest_text), req
