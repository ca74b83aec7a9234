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


_CONTRACTIONS = [
    (r"\bcan't\b|\bcant\b", "can not"), (r"\bwon't\b|\bwont\b", "will not"), (r"\bshan't\b", "shall not"),
    (r"\bain't\b", "are not"), (r"\b(\w+)n't\b", r"\1 not"), (r"\bdont\b", "do not"), (r"\bdoesnt\b", "does not"),
    (r"\bdidnt\b", "did not"), (r"\bisnt\b", "is not"), (r"\barent\b", "are not"), (r"\bwasnt\b", "was not"),
    (r"\bhavent\b", "have not"), (r"\bim\b", "i am"), (r"\bi'm\b", "i am"), (r"\byou're\b|\byoure\b|\bur\b", "you are"),
    (r"\b(you|we|they)'ve\b", r"\1 have"), (r"\b(i|you|he|she|we|they)'ll\b", r"\1 will"),
    (r"\b(i|you|he|she|we|they)'d better\b", r"\1 had better"), (r"\b(i|you|he|she|we|they)'d\b", r"\1 would"),
    (r"\b(he|she|it|that|there|what|who)'s\b", r"\1 is"), (r"\b(we|they)'re\b", r"\1 are"),
    (r"\bgonna\b", "going to"), (r"\bwanna\b", "want to"), (r"\bgotta\b", "have to"), (r"\bu\b", "you"),
    (r"\bcuz\b|\bcos\b|\b'cause\b", "because"), (r"\bi've\b", "i have"),
]
_CONTRACTIONS_RE = [(re.compile(p), r) for p, r in _CONTRACTIONS]


def expand(text: str) -> str:
    """Lower-case and expand contractions, for parsing."""
    t = text.lower()
    t = t.replace("can't", "can not")
    for pat, rep in _CONTRACTIONS_RE:
        t = pat.sub(rep, t)
    return re.sub(r"\s+", " ", t).strip()


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
    return forms[0] if forms else lemma


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
