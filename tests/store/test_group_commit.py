"""Group commit: several transactions, one fsync, all durable when the block ends."""

from __future__ import annotations

import os

from bot.store import MemoryStore, TinyStore


def test_group_commit_shares_one_fsync_and_survives_reopen(tmp_path, monkeypatch):
    store = TinyStore(tmp_path)
    calls = []
    real = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (calls.append(fd), real(fd))[1])
    with store.group_commit():
        for i in range(20):
            with store.transaction():
                store.put("t", f"k{i}", {"i": i})
            assert store.get("t", f"k{i}") == {"i": i}  # visible at once
        assert calls == []  # nothing synced yet: nothing may be acknowledged yet
    assert len(calls) == 1
    store.close()
    reopened = TinyStore(tmp_path)
    assert reopened.keys("t") == sorted(f"k{i}" for i in range(20))
    reopened.close()


def test_single_transactions_still_sync_each(tmp_path, monkeypatch):
    store = TinyStore(tmp_path)
    calls = []
    real = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (calls.append(fd), real(fd))[1])
    for i in range(3):
        with store.transaction():
            store.put("t", f"k{i}", {"i": i})
    assert len(calls) == 3
    store.close()


def test_memory_store_group_commit_is_harmless():
    store = MemoryStore()
    with store.group_commit():
        with store.transaction():
            store.put("t", "a", {"x": 1})
    assert store.get("t", "a") == {"x": 1}
