"""The protocol on plain `tinydb.TinyDB(file)` with its default JSONStorage.

FOR THE BENCHMARK ONLY (bench/store.py), to show what the default costs: every
read parses the whole file and every put/delete rewrites it in place (O(n)
per op, ~170 ms at 10,000 docs), ops of one transaction are written one by
one (not atomic), and a crash mid-write leaves a broken file. Use `TinyStore`.
"""

from __future__ import annotations

import json
from pathlib import Path

from tinydb import TinyDB, where

from bot.store.base import KEY_FIELD, BaseStore, Op, dumps_doc
from bot.store.migrations import migrate

FILENAME = "tinydb_default.json"


class TinyDBDefaultStore(BaseStore):
    def __init__(self, path: Path | str) -> None:
        super().__init__()
        self.path = Path(path)
        self.path.mkdir(parents=True, exist_ok=True)
        self.file = self.path / FILENAME
        self._db = TinyDB(self.file)
        migrate(self)

    @staticmethod
    def _encode(doc: dict) -> str:
        doc = dict(doc)
        doc.pop(KEY_FIELD, None)
        return dumps_doc(doc)

    def _committed_get(self, table: str, key: str) -> str | None:
        doc = self._db.table(table).get(where(KEY_FIELD) == key)
        return None if doc is None else self._encode(doc)  # type: ignore[arg-type]

    def _committed_keys(self, table: str, prefix: str) -> list[str]:
        return sorted(d[KEY_FIELD] for d in self._db.table(table).all() if d[KEY_FIELD].startswith(prefix))

    def _committed_items(self, table: str) -> list[tuple[str, str]]:
        return sorted((d[KEY_FIELD], self._encode(d)) for d in self._db.table(table).all())

    def _commit(self, ops: list[Op]) -> None:
        for table, key, text in ops:
            t = self._db.table(table)
            if text is None:
                t.remove(where(KEY_FIELD) == key)
            else:
                new = {KEY_FIELD: key, **json.loads(text)}
                if not t.update(_replace_with(new), where(KEY_FIELD) == key):
                    t.insert(new)

    def _close_backend(self) -> None:
        self._db.close()


def _replace_with(new: dict):
    def transform(doc: dict) -> None:
        doc.clear()
        doc.update(new)

    return transform
