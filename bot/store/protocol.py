"""The storage protocol every backend implements.

Documents are plain JSON-able dicts in named tables, addressed by a string
key. Writes happen inside a transaction; leaving the `with` block commits all
of them durably and atomically (all or nothing) before returning. Reads see
committed data plus the current transaction's own writes.

Threads: a store may be shared by threads (the engine's worker, the
scheduler); a transaction holds the store's lock from entry to exit, so other
threads wait for it: keep transactions short. Committing blocks on fsync:
call the store from a worker thread, never on the asyncio event loop.

Table names starting with "_" and the document field "_key" are reserved.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from typing import Any, Protocol, runtime_checkable

Doc = dict[str, Any]


class StoreError(Exception):
    """A store could not be opened or written; the message is fit for a person to read."""


class StoreInUse(StoreError):
    """Another process holds the data folder."""


@runtime_checkable
class Store(Protocol):
    def get(self, table: str, key: str) -> Doc | None:
        """The document, or None. Returned dicts are copies: mutate freely."""

    def put(self, table: str, key: str, doc: Doc) -> None:
        """Insert or replace. Must be called inside `transaction()` (else
        StoreError). The doc is copied at once: changing it afterwards has no
        effect. StoreError if it is not a plain JSON object (NaN, sets, ...)."""

    def delete(self, table: str, key: str) -> None:
        """Remove if present. Must be called inside `transaction()`."""

    def keys(self, table: str, prefix: str = "") -> list[str]:
        """Keys of a table starting with `prefix`, sorted. Cost grows with the
        number of matching keys, not with the table size."""

    def scan(self, table: str, where: Callable[[Doc], bool] | None = None) -> Iterator[tuple[str, Doc]]:
        """Every (key, doc) of a table, sorted by key, optionally filtered
        (`where` may also be a TinyDB query). Docs are copies, taken when
        called. Not for hot paths: cost grows with the table size."""

    def transaction(self) -> AbstractContextManager[None]:
        """Group writes; commit durably on normal exit, discard on exception.
        Nested calls join the outer transaction; an exception leaving a nested
        block undoes only that block's writes. A failed commit raises
        StoreError and changes nothing."""

    def close(self) -> None:
        """Release files and locks; later calls raise StoreError. Idempotent."""
