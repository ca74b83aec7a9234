"""What every backend shares: transactions, locking, validation, copies.

A backend only provides the *committed* layer (four small methods working on
documents already encoded as JSON text); this base adds the transaction
buffer on top, so the rules (reads see own writes, nesting, rollback, thread
safety, copy semantics) are written once for all backends.

Documents are kept encoded (a JSON string per document): `get` decodes a fresh
dict each time, which is both the cheapest deep copy and a guarantee that only
plain JSON is ever stored, in every backend alike.
"""

from __future__ import annotations

import json
import logging
import threading
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from bot.store.protocol import Doc, StoreError

log = logging.getLogger("bot.store")

#: Field holding our key inside each document of a TinyDB-format snapshot.
KEY_FIELD = "_key"

#: (table, key, encoded document) for a put, (table, key, None) for a delete.
Op = tuple[str, str, "str | None"]


def dumps_doc(doc: Any) -> str:
    """Compact JSON text of a document, always encodable as UTF-8."""
    text = json.dumps(doc, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:  # lone surrogates: escape them instead
            text = json.dumps(doc, ensure_ascii=True, allow_nan=False, separators=(",", ":"))
    return text


def encode_doc(table: str, key: str, doc: Doc) -> str:
    if not isinstance(doc, dict):
        raise StoreError(f"Cannot store {table}/{key}: a document must be a dict, not {type(doc).__name__}.")
    if KEY_FIELD in doc:
        raise StoreError(f"Cannot store {table}/{key}: the field name {KEY_FIELD!r} is reserved by the store.")
    try:
        return dumps_doc(doc)
    except (TypeError, ValueError, RecursionError) as exc:
        raise StoreError(f"Cannot store {table}/{key}: the document is not plain JSON ({exc}).") from None


def check_names(table: str, key: str, *, writing: bool = False) -> None:
    if not isinstance(table, str) or not table:
        raise StoreError(f"A table name must be a non-empty string, not {table!r}.")
    if not isinstance(key, str):
        raise StoreError(f"A key must be a string, not {type(key).__name__}.")
    if writing and table.startswith("_"):
        raise StoreError(f"Table names starting with '_' are reserved by the store: {table!r}.")


class BaseStore(ABC):
    """Transactions and reads over a backend's committed layer.

    Thread safety: one re-entrant lock guards everything, and a transaction
    holds it from entry to exit. Another thread calling the store meanwhile
    waits until the transaction ends (keep transactions short). Blocking I/O
    (fsync) happens while committing: call the store from a worker thread,
    never from the asyncio event loop.
    """

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._depth = 0
        self._grouping = 0
        self._pending: dict[str, dict[str, str | None]] = {}
        self._closed = False

    # ---- the committed layer, provided by each backend --------------------
    @abstractmethod
    def _committed_get(self, table: str, key: str) -> str | None: ...

    @abstractmethod
    def _committed_keys(self, table: str, prefix: str) -> list[str]:
        """Sorted committed keys of `table` starting with `prefix`."""

    @abstractmethod
    def _committed_items(self, table: str) -> list[tuple[str, str]]:
        """All committed (key, encoded doc) of `table`, sorted by key."""

    @abstractmethod
    def _commit(self, ops: list[Op]) -> None:
        """Make `ops` durable and visible, all or nothing; raise StoreError if not."""

    def _close_backend(self) -> None:
        pass

    # ---- the protocol -----------------------------------------------------
    def get(self, table: str, key: str) -> Doc | None:
        check_names(table, key)
        with self._lock:
            self._check_open()
            pending = self._pending.get(table)
            if pending is not None and key in pending:
                text = pending[key]
            else:
                text = self._committed_get(table, key)
        return None if text is None else json.loads(text)

    def put(self, table: str, key: str, doc: Doc) -> None:
        check_names(table, key, writing=True)
        text = encode_doc(table, key, doc)
        with self._lock:
            self._check_in_transaction("put")
            self._pending.setdefault(table, {})[key] = text

    def delete(self, table: str, key: str) -> None:
        check_names(table, key, writing=True)
        with self._lock:
            self._check_in_transaction("delete")
            self._pending.setdefault(table, {})[key] = None

    def keys(self, table: str, prefix: str = "") -> list[str]:
        check_names(table, prefix)
        with self._lock:
            self._check_open()
            found = self._committed_keys(table, prefix)
            pending = self._pending.get(table)
            if pending:
                merged = set(found)
                for key, text in pending.items():
                    if key.startswith(prefix):
                        if text is None:
                            merged.discard(key)
                        else:
                            merged.add(key)
                found = sorted(merged)
        return found

    def scan(self, table: str, where: Callable[[Doc], bool] | None = None) -> Iterator[tuple[str, Doc]]:
        """Every (key, doc), sorted by key, as of the call. `where` may be any
        callable taking a doc, including a TinyDB query (`Query().age > 3`)."""
        check_names(table, "")
        with self._lock:
            self._check_open()
            items = self._committed_items(table)
            pending = self._pending.get(table)
            if pending:
                merged = dict(items)
                for key, text in pending.items():
                    if text is None:
                        merged.pop(key, None)
                    else:
                        merged[key] = text
                items = sorted(merged.items())
        return _decode_items(items, where)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Group writes; commit them as one durable, atomic unit on normal exit.

        An exception discards the writes. A nested transaction joins the outer
        one; if the nested block raises, only its own writes are undone (a
        savepoint) and the exception propagates. Committing blocks on fsync.
        """
        with self._lock:
            self._check_open()
            if self._depth:
                savepoint = {table: dict(writes) for table, writes in self._pending.items()}
                self._depth += 1
                try:
                    yield
                except BaseException:
                    self._pending = savepoint
                    raise
                finally:
                    self._depth -= 1
                return
            self._depth = 1
            try:
                yield
                ops = [(t, k, text) for t, writes in self._pending.items() for k, text in writes.items()]
                self._pending = {}
                if ops:
                    self._commit(ops)
            finally:
                self._pending = {}
                self._depth = 0

    @contextmanager
    def group_commit(self) -> Iterator[None]:
        """Transactions inside this block share one fsync, made when it ends.

        Each transaction is still atomic and visible at once, but none is
        durable until the block exits: the caller must not acknowledge any of
        them (send a reply) before then. Holds the store lock throughout.
        """
        with self._lock:
            self._check_open()
            self._grouping += 1
            try:
                yield
            finally:
                self._grouping -= 1
                if not self._grouping:
                    self._flush()

    def _flush(self) -> None:
        """Make commits deferred by group_commit durable; backends with files override."""

    def close(self) -> None:
        with self._lock:
            if self._closed:
                return
            if self._depth:
                raise StoreError("close() was called inside a transaction.")
            self._closed = True
            self._close_backend()

    def __enter__(self) -> BaseStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- helpers ----------------------------------------------------------
    def _check_open(self) -> None:
        if self._closed:
            raise StoreError("The store is closed.")

    def _check_in_transaction(self, what: str) -> None:
        self._check_open()
        if not self._depth:
            raise StoreError(f"{what}() must be called inside `with store.transaction():`.")


def _decode_items(items: list[tuple[str, str]], where: Callable[[Doc], bool] | None) -> Iterator[tuple[str, Doc]]:
    for key, text in items:
        doc = json.loads(text)
        if where is None or where(doc):
            yield key, doc
