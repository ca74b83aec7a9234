"""The storage protocol every backend implements.

Documents are plain JSON-able dicts in named tables, addressed by a string
key. Writes happen inside a transaction; leaving the `with` block commits all
of them durably and atomically (all or nothing) before returning. Reads see
committed data plus the current transaction's own writes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from typing import Any, Protocol, runtime_checkable

Doc = dict[str, Any]


class StoreError(Exception):
    """A store could not be opened or written; the message is fit for a person to read."""


@runtime_checkable
class Store(Protocol):
    def get(self, table: str, key: str) -> Doc | None:
        """The document, or None. Returned dicts are copies: mutate freely."""

    def put(self, table: str, key: str, doc: Doc) -> None:
        """Insert or replace. Must be called inside `transaction()`."""

    def delete(self, table: str, key: str) -> None:
        """Remove if present. Must be called inside `transaction()`."""

    def keys(self, table: str, prefix: str = "") -> list[str]:
        """Keys of a table starting with `prefix`, sorted. Cost grows with the
        number of matching keys, not with the table size."""

    def scan(self, table: str, where: Callable[[Doc], bool] | None = None) -> Iterator[tuple[str, Doc]]:
        """Every (key, doc) of a table, optionally filtered. Not for hot paths."""

    def transaction(self) -> AbstractContextManager[None]:
        """Group writes; commit durably on normal exit, discard on exception.
        Nested calls join the outer transaction."""

    def close(self) -> None: ...
