"""Small text helpers: cleaning, contractions, sentence splitting, word forms (lemminflect)."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from lemminflect import getAllLemmas, getInflection, getLemma

MAX_CHARS = 2000  # longer input is analysed on its first part only

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201b": "'", "\u2032": "'", "`": "'",
                         "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2013": "-", "\u2014": "-",
                         "\u2026": "..."})


def clean(text: object, limit: int = MAX_CHARS) -> str:
    """Normalise unicode, quotes and whitespace; drop control and format characters."""
    if text is None:
        return ""
    if not isinstance(text, str):
        text = str(text)
    text = text[: limit * 2]
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    out = []
    for ch in text:
        cat = unicodedata.category(ch)
        if ch in "\n\t\r":
            out.append(" ")
        elif cat in ("Cc", "Cf", "Cs", "Co", "Cn"):
            continue
        else:
            out.append(ch)
    return re.sub(r"\s+", " ", "".join(out)).strip()[:limit]


_PARTICIPLE = (r"(?:been|had|got|gotten|done|gone|taken|made|said|told|forgotten|eaten|seen|given|known|bought|brought|"
               r"spent|sent|let|left|broken|written|driven|thrown|run|put|cut|hit|lost|kept|found|paid|heard|"
               r"promised|decided|started|stopped|finished|booked|cancelled|canceled|invited|asked|agreed)")
_CONTRACTIONS = [
    (r"\bcan't\b|\bcant\b", "can not"), (r"\bwon't\b|\bwont\b", "will not"), (r"\bshan't\b", "shall not"),
    (r"\bain't\b", "are not"), (r"\b(\w+)n't\b", r"\1 not"), (r"\bdont\b", "do not"), (r"\bdoesnt\b", "does not"),
    (r"\bdidnt\b", "did not"), (r"\bisnt\b", "is not"), (r"\barent\b", "are not"), (r"\bwasnt\b", "was not"),
    (r"\bhavent\b", "have not"), (r"\bim\b", "i am"), (r"\bi'm\b", "i am"), (r"\byou're\b|\byoure\b", "you are"),
    (r"\b(you|we|they)'ve\b", r"\1 have"), (r"\b(i|you|he|she|we|they)'ll\b", r"\1 will"),
    (r"\b(i|you|he|she|we|they)'d(?= (?:(?:never|already|just|not|ever|even|only) ){0,2}(?:" + _PARTICIPLE + r"|\w+ed)\b)",
     r"\1 had"),
    (r"\b(i|you|he|she|we|they)'d better\b", r"\1 had better"), (r"\b(i|you|he|she|we|they)'d\b", r"\1 would"),
    # 's and 'd before a past participle are "has" and "had" ("she's had enough", "you'd left"): reading "is had"
    # or "would left" broke the clause parsers. Participles that double as adjectives ("he's tired") stay "is".
    (r"\b(he|she)'s(?= (?:(?:never|already|just|not|always|ever|even) ){0,2}" + _PARTICIPLE + r"\b(?! (?:with|for|in|to)\b))",
     r"\1 has"),
    (r"\b(he|she|it|that|there|what|who)'s\b", r"\1 is"), (r"\b(we|they)'re\b", r"\1 are"),
    (r"\b(could|should|would|might|must)'ve\b|\b(could|should|would|might|must)ve\b", r"\1\2 have"),
    (r"\bgonna\b", "going to"), (r"\bwanna\b", "want to"), (r"\bgotta\b", "have to"), (r"\bu\b", "you"),
    (r"\bcuz\b|\bcos\b|\b'cause\b", "because"), (r"\bi've\b", "i have"),
    # run-together and your/you're slips that hide blame: "everytime", "your so inconsiderate"
    (r"\beverytime\b", "every time"), (r"\beveryday\b(?= (?:you|he|she|i)\b)", "every day"),
    (r"^your (?=(?:so|such|really|very|being|always|never|just|a|an|the|too|literally|honestly|not|constantly|completely|"
     r"totally|acting|unbelievable|impossible|ridiculous|pathetic|useless|selfish|lazy|unbelievably)\b)", "you are "),
    (r"(?<=[,.!?;] )your (?=(?:so|such|really|very|being|always|never|just|a|an|the|too|literally|not|constantly|completely|totally|acting)\b)", "you are "),
]
_CONTRACTIONS_RE = [(re.compile(p), r) for p, r in _CONTRACTIONS]


def _ur(m: re.Match[str]) -> str:
    """Texting 'ur' is 'your' before a thing ('ur phone', 'ur mum', 'ur own') and 'you are' before anything else
    ('ur late', 'ur a joke', 'ur always on it', 'ur kidding')."""
    nxt = m.group(1)
    pos = getAllLemmas(nxt)
    thing = nxt in _UR_YOUR or ("NOUN" in pos and "ADJ" not in pos and "ADV" not in pos and not nxt.endswith("ing")
                                and nxt not in _UR_ARE)
    return ("your " if thing else "you are ") + nxt


_UR_ARE = frozenset({"such", "all", "both", "gonna", "not", "welcome", "right", "wrong", "kidding", "joking", "unbelievable", "the", "a", "an"})
_UR_YOUR = frozenset({"own", "mum", "mom", "ex", "fault", "turn", "idea", "family", "kids", "friends", "mates", "phone"})


def expand(text: str) -> str:
    """Lower-case and expand contractions, for parsing; strip emoji and fix typos in marker words."""
    t = strip_symbols(_fix_case_aware(text)).lower()
    t = t.replace("can't", "can not")
    t = re.sub(r"\bur (\w+)", _ur, t)
    t = re.sub(r"\bur\b", "you are", t)
    for pat, rep in _CONTRACTIONS_RE:
        t = pat.sub(rep, t)
    return re.sub(r"\s+", " ", t).strip()


_SARCASM_EMOJI = "\U0001F644\U0001F643\U0001F612\U0001F624\U0001F926\U0001F937"  # eye-roll, upside-down, unamused, huff, facepalm, shrug


def strip_symbols(text: str) -> str:
    """Drop emoji and other pictographs (they carry tone, not content); an eye-roll-type emoji
    becomes the word 'eyeroll' so analysis can still see the sarcasm."""
    out = []
    for ch in text:
        if ch in _SARCASM_EMOJI:
            out.append(" eyeroll ")
        elif unicodedata.category(ch) == "So" or 0x1F000 <= ord(ch) <= 0x1FAFF or ch in "\u200d\ufe0f":
            out.append(" ")
        else:
            out.append(ch)
    return re.sub(r"(?:\s*eyeroll\b)+", " eyeroll", "".join(out))


# words whose misspelling would hide blame ("alwyas", "nevr", "selfsih"); labels are added lazily
_MARKERS = ("always", "never", "constantly", "every", "everything", "nothing", "anything", "selfish", "lazy", "useless",
            "stupid", "ignore", "ignored", "ignoring", "forget", "forgot", "forgotten", "seriously", "honestly", "actually",
            "literally", "anymore", "because", "ridiculous", "inconsiderate", "disrespectful", "irresponsible", "pathetic",
            "listen", "interrupt", "whatever", "thanks", "again", "supposed", "should", "couldn't", "wouldn't", "doesn't",
            "really", "though", "about", "yourself", "birthday", "anniversary", "remember", "obviously", "typical")


@lru_cache(maxsize=1)
def _marker_words() -> tuple[str, ...]:
    """Sorted once: with two markers at the same distance ("forgt": forget/forgot) a set's hash order would pick
    one at random per process, and the same sentence would be rewritten differently from one run to the next."""
    try:
        from . import inventory
        labels = [w for w in inventory.blame()["labels"] if " " not in w]
    except Exception:  # pragma: no cover
        labels = []
    return tuple(sorted(frozenset(_MARKERS) | frozenset(labels)))


def _damerau(a: str, b: str, cap: int) -> int:
    if abs(len(a) - len(b)) > cap:
        return cap + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[len(b)]


@lru_cache(maxsize=8192)
def fix_word(w: str) -> str:
    """A known spelling for an unknown word: stretched letters squeezed ("soooo"), or the marker word
    within one edit (two for long words)."""
    if len(w) < 3 or not w.isalpha() or getAllLemmas(w) or w in _KNOWN_SHORT:
        return w
    squeezed = re.sub(r"(\w)\1{2,}", r"\1\1", w)
    for cand in (squeezed, re.sub(r"(\w)\1+", r"\1", w)):
        if cand != w and (getAllLemmas(cand) or cand in _KNOWN_SHORT):
            return cand
    if len(w) < 4:
        return w
    best, best_d = w, 99
    for m in _marker_words():
        cap = 2 if len(m) >= 8 else 1
        d = _damerau(w, m, cap)
        if d <= cap and d < best_d:
            best, best_d = m, d
    return best


_KNOWN_SHORT = frozenset({"so", "to", "no", "too", "you", "are", "the", "and", "not", "lol", "omg", "tbh", "idk", "ok", "tho", "pls",
                          "ur", "im", "ya", "yeah", "yep", "nope", "telly", "mum", "mom", "eyeroll", "gonna", "wanna", "gotta", "kinda"})


def fix_typos(t: str) -> str:
    return re.sub(r"[a-z]+", lambda m: fix_word(m.group(0)), t)


def _fix_case_aware(text: str) -> str:
    """fix_typos, leaving capitalised words inside a sentence alone (names: "Neve", "Tomas")."""
    def rep(m: re.Match) -> str:
        w = m.group(0)
        if w[:1].isupper() and m.start() > 0 and not re.search(r"[.!?]\s*$", text[:m.start()]):
            return w
        low = w.lower()
        fixed = fix_word(low)
        return w if fixed == low else fixed
    # a word cut by an apostrophe ("wouldn't") is left alone: "wouldn" is not a typo for the marker "wouldn't"
    return re.sub(r"\b[A-Za-z]+\b(?!')", rep, text)


def sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[.!?;])\s+|\n+|(?<=[.!?])(?=[A-Z])", text)
    return [p.strip() for p in parts if p and p.strip()]


WORD_RE = re.compile(r"[a-z0-9]+(?:['-][a-z0-9]+)*")


def words(text: str) -> list[str]:
    return WORD_RE.findall(text.lower())


@lru_cache(maxsize=4096)
def verb_lemma(word: str) -> str | None:
    """The verb lemma of a word, or None when the word cannot be a verb."""
    lemmas = getAllLemmas(word)
    if "VERB" in lemmas:
        return lemmas["VERB"][0]
    if "AUX" in lemmas:
        return lemmas["AUX"][0]
    return None


@lru_cache(maxsize=4096)
def is_noun(word: str) -> bool:
    return "NOUN" in getAllLemmas(word)


@lru_cache(maxsize=4096)
def noun_lemma(word: str) -> str:
    lemmas = getAllLemmas(word)
    if "NOUN" in lemmas:
        return lemmas["NOUN"][0]
    return word


def lemma_any(word: str) -> str:
    lemmas = getAllLemmas(word)
    for pos in ("VERB", "NOUN", "ADJ", "ADV"):
        if pos in lemmas:
            return lemmas[pos][0]
    return word


@lru_cache(maxsize=4096)
def inflect(lemma: str, tag: str) -> str:
    forms = getInflection(lemma, tag=tag)
    if tag in ("VBD", "VBN") and len(forms) > 1:
        irregular = [f for f in forms if not f.endswith("ed")]
        if irregular and lemma in _STRONG_VERBS:
            return irregular[0]
    return forms[0] if forms else lemma


_STRONG_VERBS = frozenset({"wake", "forget", "get", "speak", "break", "take", "give", "write", "drive", "ride", "hide", "bite", "shake", "steal"})


def is_past_form(word: str) -> bool:
    lemma = verb_lemma(word)
    return bool(lemma) and word != lemma and word in {inflect(lemma, "VBD"), *getInflection(lemma, "VBD")}


def is_plural(word: str) -> bool:
    if word in {"clothes", "dishes", "kids", "children", "people", "friends", "things", "plans", "bills", "groceries"}:
        return True
    lem = noun_lemma(word)
    return lem != word and word.endswith("s")


def content_lemmas(text: str, stop: frozenset[str]) -> set[str]:
    out = set()
    for w in words(text):
        if w in stop or len(w) < 3:
            continue
        lemmas = getAllLemmas(w)
        for pos in ("NOUN", "VERB", "ADJ"):
            if pos in lemmas:
                out.add(lemmas[pos][0])
                break
        else:
            out.add(w)
    return out


STOPWORDS = frozenset("""
a an the and or but if then so to of in on at by for with about from into over after before up down out off
is are was were be been being am do does did done have has had having will would can could should shall may
might must i me my mine myself you your yours yourself we us our ours he him his she her hers they them their
it its this that these those there here what which who whom whose when where why how all any both each few
more most other some such no nor not only own same than too very just also even ever never always again
really actually literally seriously clearly obviously still get got getting gets make makes made making
feel feels felt feeling like because since as while until once every time times thing things something
anything nothing everything anyone someone everyone nobody somebody lot lots much many way ways oh well yeah
ok okay please thanks thank sure let lets let's go going gone went come came coming want wanted wants need
needs needed one ones day days now today tonight yesterday tomorrow week constantly
""".split())


@lru_cache(maxsize=8192)
def closest_word(w: str, candidates: frozenset[str] | set[str], cap: int = 1) -> str | None:
    """The one candidate within `cap` edits (transpositions count as one) of an unknown word, for typos in
    content words ("aks" -> "ask", "forgt" -> "forget"); None when the word is known, too short, or ambiguous."""
    if len(w) < 3 or not w.isalpha() or getAllLemmas(w) or w in _KNOWN_SHORT:
        return None
    hits = {c for c in candidates if len(c) >= 3 and _damerau(w, c, cap) <= cap}
    if len(hits) > 1:  # texting drops letters ("txt"): prefer the word the typo is a shortening of
        it = None
        hits = {c for c in hits if all(ch in (it := iter(c)) for ch in w)}
    return next(iter(hits)) if len(hits) == 1 else None
