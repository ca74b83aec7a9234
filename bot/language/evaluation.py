"""Quality checks for rewrites and screening, shared by bench/language.py and the tests."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from . import inventory as data
from .analysis import analyse
from .rewriting import rewrite
from .safety import screen
from .text import STOPWORDS, content_lemmas, expand, words

SECOND_PERSON = re.compile(r"\b(?:you|your|yours|yourself|yourselves|u|ya|ur)\b", re.I)
ABSOLUTES = re.compile(r"\b(?:always|never|constantly|every time|every single time|all the time|ever|forever|not once)\b", re.I)
NEGATIVE_REQ = re.compile(r"\b(?:not|never|stop|quit|no longer|don't|do not|won't|can't)\b|n't\b", re.I)
PERSON_OR_ACTION = re.compile(r"\b(?:you|your|me|him|her|he|she|partner|husband|wife|to (?!be\b|matter\b|feel\b)\w+)\b", re.I)
FRAME = re.compile(r"^I feel (?P<feeling>.+?) when (?P<situation>.+), because I need (?P<need>.+?)\. Would you be willing to (?P<request>.+)\?$")

STRUCTURAL = ("starts_with_i", "feeling_in_inventory", "no_faux_or_feel_like", "no_absolutes_or_labels",
              "need_not_person_or_action", "positive_request_question", "fewer_second_person")


def check_rewrite(source: str, suggestion: str | None) -> dict[str, bool]:
    """Each quality check for one rewrite (False for a missing suggestion)."""
    if not suggestion:
        return {k: False for k in STRUCTURAL + ("keeps_situation",)}
    m = FRAME.match(suggestion)
    parts = m.groupdict() if m else {"feeling": "", "situation": "", "need": "", "request": ""}
    labels = set(data.blame()["labels"])
    faux = set(data.faux_map())
    statement = suggestion.split("Would you be willing", 1)[0]
    src_you = len(SECOND_PERSON.findall(source))
    out_you = len(SECOND_PERSON.findall(statement))
    lab_hit = any(re.search(rf"(?<!the )(?<!my )(?<!our )(?<!a )\b{re.escape(lab)}\b", suggestion, re.I) for lab in labels)
    need = parts["need"]
    res = {
        "starts_with_i": suggestion.startswith("I "),
        "feeling_in_inventory": parts["feeling"] in data.feeling_inventory(),
        "no_faux_or_feel_like": bool(m) and parts["feeling"] not in faux and not re.search(r"\bI feel (?:like|that|as if)\b", suggestion)
                                and not any(re.search(rf"\bfeel {re.escape(f)}\b", suggestion) for f in faux),
        "no_absolutes_or_labels": not ABSOLUTES.search(suggestion) and not lab_hit,
        "need_not_person_or_action": need in data.need_inventory() and not PERSON_OR_ACTION.search(need.replace("to be ", "").replace("to matter", "")),
        "positive_request_question": suggestion.endswith("?") and bool(parts["request"]) and not NEGATIVE_REQ.search(parts["request"]),
        "fewer_second_person": out_you < src_you or (src_you == 0 and out_you == 0),
        "keeps_situation": keeps_situation(source, suggestion),
    }
    return res


def _source_content(source: str) -> set[str]:
    stop = set(STOPWORDS) | set(data.blame()["labels"]) | set(data.faux_map()) | set(data.feeling_inventory()) | set(data.feeling_synonyms())
    stop |= {w for s in data.blame()["sarcasm"] for w in words(s)}
    stop |= {"stupid", "idiot", "crazy", "mad", "nice", "great", "wow", "thanks", "fault", "sick", "tired", "fed", "yell", "care",
             "bother", "finally", "whole", "new", "right", "wrong", "kidding", "serious", "least", "anymore", "properly",
             "seriously", "honestly", "instead", "cannot", "should", "better", "must", "order", "start", "stop", "try", "trying",
             "happen", "bring", "keep", "around", "enough", "grow", "act", "treat", "think", "know", "say", "said", "tell", "told",
             "ask", "asked", "talk", "want", "even", "only", "always", "never", "drive", "ruin", "ruined", "useless", "once",
             "impossible", "person", "most", "stubborn", "unbelievably", "addicted", "dirty", "whole", "wide", "perfect", "typical",
             "usual", "last", "minute", "hour", "hours", "without", "forget", "forgot", "remember", "notice", "make", "made"}
    return content_lemmas(expand(source), frozenset(stop))


def keeps_situation(source: str, suggestion: str) -> bool:
    src = _source_content(source)
    if not src:
        return True
    out = content_lemmas(suggestion, frozenset())
    kept = len(src & out)
    return kept / len(src) >= 0.5


DATA_DIR = Path(__file__).resolve().parents[2] / "tests" / "language" / "data"


def load_lines(name: str, data_dir: Path | None = None, missing_ok: bool = False) -> list[str]:
    path = (data_dir or DATA_DIR) / name
    if missing_ok and not path.exists():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


@dataclass
class Report:
    rewrite_checks: dict[str, float]
    all_structural: float
    blame_precision: float
    blame_recall: float
    crisis_recall: float
    crisis_at_crisis_level: float
    false_alarm_rate: float
    n_rewrites: int
    n_blaming: int
    n_fine: int
    n_crisis: int
    n_tricky: int
    failures: dict[str, list[str]]


HELDOUT = "heldout_"
HELDOUT2 = "heldout2_"
HELDOUT3 = "heldout3_"
HELDOUT4 = "heldout4_"
HELDOUT5 = "heldout5_"
HELDOUT6 = "heldout6_"


def evaluate(data_dir: Path | None = None, prefix: str = "") -> Report:
    """Run every check on one labelled collection: the main sets (prefix "") or the held-out ones ("heldout_")."""
    blaming = load_lines(f"{prefix}blaming.txt", data_dir)
    # a collection may hold blaming sentences only (heldout2_): the other files are then optional
    optional = prefix not in ("", HELDOUT)
    fine = load_lines(f"{prefix}fine.txt", data_dir, optional)
    crisis = [ln.split("|", 1) for ln in load_lines(f"{prefix}crisis.txt", data_dir, optional)]
    tricky = load_lines(f"{prefix}tricky.txt", data_dir, optional)
    failures: dict[str, list[str]] = {}
    tp = fn = fp = 0
    totals = {k: 0 for k in STRUCTURAL + ("keeps_situation",)}
    all_ok = 0
    n_rw = 0
    for s in blaming:
        r = rewrite(s)
        if r.blaming:
            tp += 1
        else:
            fn += 1
            failures.setdefault("blame_missed", []).append(s)
        if not r.suggestion:
            continue
        checks = check_rewrite(s, r.suggestion)
        n_rw += 1
        for k, v in checks.items():
            totals[k] += v
            if not v:
                failures.setdefault(k, []).append(f"{s} -> {r.suggestion}")
        if all(checks[k] for k in STRUCTURAL):
            all_ok += 1
    for s in fine:
        if analyse(s).blaming:
            fp += 1
            failures.setdefault("blame_false_positive", []).append(s)
    c_hit = c_crisis = 0
    for kind, s in crisis:
        sc = screen(s)
        if sc.level != "none":
            c_hit += 1
        else:
            failures.setdefault("crisis_missed", []).append(s)
        if sc.level == "crisis":
            c_crisis += 1
    fa = 0
    for s in tricky:
        if screen(s).level != "none":
            fa += 1
            failures.setdefault("false_alarm", []).append(s)
    return Report(
        rewrite_checks={k: v / max(1, n_rw) for k, v in totals.items()},
        all_structural=all_ok / max(1, n_rw),
        blame_precision=tp / max(1, tp + fp), blame_recall=tp / max(1, tp + fn),
        crisis_recall=c_hit / max(1, len(crisis)), crisis_at_crisis_level=c_crisis / max(1, len(crisis)),
        false_alarm_rate=fa / max(1, len(tricky)),
        n_rewrites=n_rw, n_blaming=len(blaming), n_fine=len(fine), n_crisis=len(crisis), n_tricky=len(tricky), failures=failures)
