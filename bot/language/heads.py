"""Small linear read-outs over a message's meaning vector: the semantic second opinion.

Two heads, trained by `train_heads.py` on our own labelled sets and stored as plain numbers in
data/heads.json: one says how much a message reads like a crisis (and of which kind), the other how much a
sentence reads like blame. They are consulted only after the rules have found nothing, and only above a
high threshold, so they add recall for phrasings no rule has seen without overruling a rule's judgement.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from . import embedding

HEADS_FILE = Path(__file__).resolve().parent / "data" / "heads.json"


def neighbours_file(heads_file: Path) -> Path:
    return heads_file.with_name(heads_file.stem + "_neighbours.npz")


@dataclass(frozen=True)
class Neighbours:
    """Labelled examples' vectors: a message's score rises with how much nearer it sits to the head's positive
    examples (crisis, blaming) than to its negative ones (see train_heads.NEIGHBOURS_K)."""

    pos: np.ndarray  # (n, dim) float32 unit rows
    neg: np.ndarray
    k: int
    weight: float
    threshold: float
    by_kind: dict[str, float]

    def margin(self, v: np.ndarray) -> float:
        k = self.k
        near = lambda m: float(np.partition(m @ v, len(m) - k)[-k:].mean())  # noqa: E731
        return near(self.pos) - near(self.neg)


@dataclass(frozen=True)
class Head:
    classes: tuple[str, ...]
    coef: np.ndarray  # (classes, dim) for softmax heads; (1, dim) for a yes/no head
    intercept: np.ndarray
    threshold: float
    by_kind: dict[str, float] | None = None  # a stricter bar for some kinds
    neighbours: Neighbours | None = None

    def probabilities(self, v: np.ndarray) -> dict[str, float]:
        z = self.coef @ v + self.intercept
        if len(self.classes) == 2 and z.shape[0] == 1:  # logistic yes/no
            p = float(1.0 / (1.0 + np.exp(-z[0])))
            return {self.classes[0]: 1.0 - p, self.classes[1]: p}
        e = np.exp(z - z.max())
        e /= e.sum()
        return dict(zip(self.classes, (float(x) for x in e)))


@lru_cache(maxsize=1)
def _heads() -> dict[str, Head]:
    if not HEADS_FILE.exists():
        return {}
    raw = json.loads(HEADS_FILE.read_text(encoding="utf-8"))
    if raw.get("model") != embedding.MiniLM.name:
        return {}
    out = {}
    for name in ("screen", "blame"):
        h = raw.get(name)
        if h:
            out[name] = Head(classes=tuple(h["classes"]), coef=np.asarray(h["coef"], dtype=np.float32),
                             intercept=np.asarray(h["intercept"], dtype=np.float32), threshold=float(h["threshold"]),
                             by_kind={k: float(v) for k, v in h.get("by_kind", {}).items()},
                             neighbours=_neighbours(name, h.get("neighbours")))
    return out


def _neighbours(head: str, spec: dict | None) -> Neighbours | None:
    path = neighbours_file(HEADS_FILE)
    if not spec or not path.exists():
        return None  # the linear head alone, at its own threshold
    with np.load(path) as z:
        if f"{head}_pos" not in z:
            return None
        rows = {n: z[f"{head}_{n}"].astype(np.float32) * z[f"{head}_{n}_scale"][:, None] for n in ("pos", "neg")}
    if any(len(m) < spec["k"] for m in rows.values()):
        return None
    return Neighbours(pos=rows["pos"], neg=rows["neg"], k=int(spec["k"]), weight=float(spec["weight"]),
                      threshold=float(spec["threshold"]), by_kind={k: float(v) for k, v in spec.get("by_kind", {}).items()})


MIN_WORDS = 4  # a bare feeling or need ("to be heard", "lonely") says too little for a sentence model to judge


def _vector(text: str) -> np.ndarray | None:
    if not text or len(text.split()) < MIN_WORDS:
        return None
    return embedding.embed(text)


def crisis_opinion(text: str) -> tuple[str, float] | None:
    """(kind, score) when the message reads like a crisis above the bar, else None. The score is the linear
    head's risk, plus the neighbours' margin when they are installed (then it can pass 1)."""
    head = _heads().get("screen")
    v = _vector(text) if head else None
    if v is None:
        return None
    p = head.probabilities(v)
    risk = 1.0 - p.get("none", 0.0)
    kind = max((c for c in head.classes if c != "none"), key=lambda c: p[c])
    bar = (head.by_kind or {}).get(kind, head.threshold)
    if head.neighbours is not None:
        risk += head.neighbours.weight * head.neighbours.margin(v)
        bar = head.neighbours.by_kind.get(kind, head.neighbours.threshold)
    if risk < bar:
        return None
    return kind, risk


def blame_probability(text: str) -> float | None:
    """How much a sentence reads like blame (0..1), or None without a model."""
    head = _heads().get("blame")
    v = _vector(text) if head else None
    if v is None:
        return None
    return head.probabilities(v)["blaming"]


def blame_opinion(text: str) -> bool:
    """Whether the blame head, with its neighbours when installed, reads the sentence as blame."""
    head = _heads().get("blame")
    v = _vector(text) if head else None
    if v is None:
        return False
    score = head.probabilities(v)["blaming"]
    if head.neighbours is None:
        return score >= head.threshold
    return score + head.neighbours.weight * head.neighbours.margin(v) >= head.neighbours.threshold
