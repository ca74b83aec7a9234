"""Storage: a small protocol and its backends.

`open_store(path)` gives the default, durable backend (`TinyStore`). Every
store blocks on fsync when committing: call it from a worker thread, never on
the asyncio event loop.
"""

from __future__ import annotations

from pathlib import Path

from bot.store.memory_store import MemoryStore
from bot.store.protocol import Doc, Store, StoreError, StoreInUse
from bot.store.tinydb_store import TinyStore

__all__ = ["Doc", "MemoryStore", "Store", "StoreError", "StoreInUse", "TinyStore", "open_store"]


def open_store(path: Path | str, *, durable: bool = True) -> Store:
    """Open (creating if needed) the durable store in the data folder `path`."""
    return TinyStore(path, durable=durable)
