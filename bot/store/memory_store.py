"""In-memory backend: the whole protocol, no files. For unit tests, and the
in-memory half of `TinyStore` (which adds a journal and snapshots)."""

from __future__ import annotations

from bisect import bisect_left, insort

from bot.store.base import BaseStore, Op
from bot.store.migrations import migrate


class Table:
    """One table: encoded documents by key, plus a sorted key index so that a
    prefix query costs O(log n + matches)."""

    __slots__ = ("docs", "sorted_keys")

    def __init__(self, docs: dict[str, str] | None = None) -> None:
        self.docs: dict[str, str] = docs if docs is not None else {}
        self.sorted_keys: list[str] = sorted(self.docs)

    def put(self, key: str, text: str) -> None:
        if key not in self.docs:
            insort(self.sorted_keys, key)
        self.docs[key] = text

    def delete(self, key: str) -> None:
        if self.docs.pop(key, None) is not None:
            del self.sorted_keys[bisect_left(self.sorted_keys, key)]

    def keys_with_prefix(self, prefix: str) -> list[str]:
        keys = self.sorted_keys
        if not prefix:
            return list(keys)
        out = []
        i = bisect_left(keys, prefix)
        n = len(keys)
        while i < n and keys[i].startswith(prefix):
            out.append(keys[i])
            i += 1
        return out


class MemoryStore(BaseStore):
    """The protocol on plain dicts; nothing survives `close()`."""

    def __init__(self) -> None:
        super().__init__()
        self._tables: dict[str, Table] = {}
        try:
            self._open_backend()
            migrate(self)
        except BaseException:
            self._close_backend()
            raise

    def _open_backend(self) -> None:
        pass

    def _persist(self, ops: list[Op]) -> None:
        """Make `ops` durable before they become visible (nothing to do here)."""

    def _committed_get(self, table: str, key: str) -> str | None:
        t = self._tables.get(table)
        return None if t is None else t.docs.get(key)

    def _committed_keys(self, table: str, prefix: str) -> list[str]:
        t = self._tables.get(table)
        return [] if t is None else t.keys_with_prefix(prefix)

    def _committed_items(self, table: str) -> list[tuple[str, str]]:
        t = self._tables.get(table)
        if t is None:
            return []
        docs = t.docs
        return [(k, docs[k]) for k in t.sorted_keys]

    def _commit(self, ops: list[Op]) -> None:
        self._persist(ops)
        self._apply(ops)

    def _apply(self, ops: list[Op]) -> None:
        tables = self._tables
        for table, key, text in ops:
            t = tables.get(table)
            if text is None:
                if t is not None:
                    t.delete(key)
                    if not t.docs:
                        del tables[table]
            else:
                if t is None:
                    t = tables[table] = Table()
                t.put(key, text)
