"""Schema versions: fresh and old data folders are brought to the newest version."""

from __future__ import annotations

import json

import pytest

from bot.store import MemoryStore, StoreError, TinyStore, migrations
from bot.store.tinydb_store import JOURNAL, SNAPSHOT


def test_fresh_store_is_at_the_newest_version(tmp_path):
    with TinyStore(tmp_path / "d") as s:
        assert migrations.current_version(s) == migrations.SCHEMA_VERSION == 1
    assert migrations.current_version(MemoryStore()) == 1


def write_v0_folder(folder):
    """A data folder from before versioning: a snapshot without the meta record."""
    folder.mkdir()
    snapshot = {
        "_store": {"1": {"_key": "store", "format": 1, "generation": 1}},
        "users": {"1": {"_key": "alice", "name": "Alice", "tz": "Europe/Berlin"}},
    }
    (folder / SNAPSHOT).write_text(json.dumps(snapshot))


def test_unversioned_folder_is_migrated_to_v1(tmp_path):
    d = tmp_path / "d"
    write_v0_folder(d)
    with TinyStore(d) as s:
        assert s.get("meta", "schema") == {"schema_version": 1}
        assert s.get("users", "alice") == {"name": "Alice", "tz": "Europe/Berlin"}


def _v2_split_name(store):
    for key, doc in store.scan("users"):
        first, _, last = doc.pop("name").partition(" ")
        store.put("users", key, {**doc, "first": first, "last": last})


def test_old_folder_is_migrated_through_every_step(tmp_path, monkeypatch):
    d = tmp_path / "d"
    write_v0_folder(d)
    with TinyStore(d) as s:  # to v1
        with s.transaction():
            s.put("users", "bob", {"name": "Bob Stone"})
    monkeypatch.setitem(migrations.MIGRATIONS, 2, _v2_split_name)
    with TinyStore(d) as s:
        assert migrations.current_version(s) == 2
        assert s.get("users", "bob") == {"first": "Bob", "last": "Stone"}
        assert s.get("users", "alice") == {"tz": "Europe/Berlin", "first": "Alice", "last": ""}
    with TinyStore(d) as s:  # durable, and not run twice
        assert s.get("users", "bob") == {"first": "Bob", "last": "Stone"}


def test_failing_migration_changes_nothing(tmp_path, monkeypatch):
    d = tmp_path / "d"
    with TinyStore(d) as s:
        with s.transaction():
            s.put("users", "bob", {"name": "Bob Stone"})
    journal = (d / JOURNAL).read_bytes()

    def broken(store):
        store.put("users", "bob", {"half": "done"})
        raise KeyError("oops")

    monkeypatch.setitem(migrations.MIGRATIONS, 2, broken)
    with pytest.raises(StoreError, match="schema version 2 failed"):
        TinyStore(d)
    assert (d / JOURNAL).read_bytes() == journal
    monkeypatch.delitem(migrations.MIGRATIONS, 2)
    with TinyStore(d) as s:
        assert s.get("users", "bob") == {"name": "Bob Stone"}
        assert migrations.current_version(s) == 1
