"""Helpers shared by the store tests (imported by name: tests/store is on sys.path)."""
from __future__ import annotations

from pathlib import Path

from bot.store import MemoryStore, TinyStore
from bot.store.tinydb_default_store import TinyDBDefaultStore

BACKENDS = ["memory", "tiny", "tinydb_default"]


def make_store(kind: str, path: Path, **kw):
    if kind == "memory":
        return MemoryStore()
    if kind == "tiny":
        return TinyStore(path, **kw)
    return TinyDBDefaultStore(path)


def dump(store, tables=("users", "events", "meta")) -> dict:
    """Everything visible in `tables`, as plain dicts (empty tables omitted)."""
    out = {}
    for t in tables:
        items = dict(store.scan(t))
        assert list(items) == store.keys(t)
        if items:
            out[t] = items
    return out


