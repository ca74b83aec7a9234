"""Protocol behaviour, the same for every backend."""

from __future__ import annotations

import threading

import pytest
from tinydb import Query

from bot.store import Store, StoreError
from bot.store.migrations import SCHEMA_VERSION


def test_is_a_store(store):
    assert isinstance(store, Store)
    assert store.get("meta", "schema") == {"schema_version": SCHEMA_VERSION}


def test_put_get_delete(store):
    assert store.get("users", "alice") is None
    with store.transaction():
        store.put("users", "alice", {"name": "Alice", "tags": ["a", "b"], "n": 1.5, "ok": True, "none": None})
    assert store.get("users", "alice") == {"name": "Alice", "tags": ["a", "b"], "n": 1.5, "ok": True, "none": None}
    with store.transaction():
        store.put("users", "alice", {"name": "A2"})
    assert store.get("users", "alice") == {"name": "A2"}
    with store.transaction():
        store.delete("users", "alice")
        store.delete("users", "nobody")
        store.delete("nosuchtable", "x")
    assert store.get("users", "alice") is None
    assert store.keys("users") == []


def test_copies(store):
    doc = {"nested": {"list": [1, 2]}}
    with store.transaction():
        store.put("users", "a", doc)
        doc["nested"]["list"].append(3)  # caller mutates after put
        inside = store.get("users", "a")
        inside["nested"]["list"].append(99)
        assert store.get("users", "a") == {"nested": {"list": [1, 2]}}
    got = store.get("users", "a")
    got["nested"]["list"].clear()
    assert store.get("users", "a") == {"nested": {"list": [1, 2]}}
    for _, d in store.scan("users"):
        d["nested"] = None
    assert store.get("users", "a") == {"nested": {"list": [1, 2]}}


def test_keys_prefix_sorted(store):
    with store.transaction():
        for k in ["p:tg:2", "p:tg:10", "p:dc:1", "q", "p:", "p:tg:1"]:
            store.put("users", k, {"k": k})
    assert store.keys("users") == sorted(["p:tg:2", "p:tg:10", "p:dc:1", "q", "p:", "p:tg:1"])
    assert store.keys("users", "p:tg:") == ["p:tg:1", "p:tg:10", "p:tg:2"]
    assert store.keys("users", "p:tg:1") == ["p:tg:1", "p:tg:10"]
    assert store.keys("users", "zzz") == []
    assert store.keys("nosuchtable", "p") == []


def test_scan_where_and_tinydb_query(store):
    with store.transaction():
        for i in range(10):
            store.put("users", f"u{i}", {"age": i})
    assert [k for k, _ in store.scan("users", lambda d: d["age"] % 3 == 0)] == ["u0", "u3", "u6", "u9"]
    assert [d["age"] for _, d in store.scan("users", Query().age >= 8)] == [8, 9]
    assert list(store.scan("nosuchtable")) == []


def test_transaction_reads_own_writes_and_rollback(store):
    with store.transaction():
        store.put("users", "a", {"v": 1})
        store.put("users", "b", {"v": 1})
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.put("users", "a", {"v": 2})
            store.delete("users", "b")
            store.put("users", "c", {"v": 2})
            assert store.get("users", "a") == {"v": 2}
            assert store.get("users", "b") is None
            assert store.keys("users") == ["a", "c"]
            assert dict(store.scan("users")) == {"a": {"v": 2}, "c": {"v": 2}}
            raise RuntimeError("boom")
    assert dict(store.scan("users")) == {"a": {"v": 1}, "b": {"v": 1}}


def test_nested_joins_outer_with_savepoint(store):
    with store.transaction():
        store.put("users", "outer", {})
        with store.transaction():
            store.put("users", "inner", {})
        with pytest.raises(ValueError):
            with store.transaction():
                store.put("users", "failed", {})
                store.delete("users", "outer")
                raise ValueError
        assert store.keys("users") == ["inner", "outer"]
    assert store.keys("users") == ["inner", "outer"]
    with pytest.raises(KeyError):
        with store.transaction():
            store.put("users", "x", {})
            with store.transaction():
                store.put("users", "y", {})
            raise KeyError
    assert store.keys("users") == ["inner", "outer"]


def test_writes_need_a_transaction(store):
    with pytest.raises(StoreError, match="transaction"):
        store.put("users", "a", {})
    with pytest.raises(StoreError, match="transaction"):
        store.delete("users", "a")


@pytest.mark.parametrize(
    "doc, match",
    [
        ({"x": float("nan")}, "not plain JSON"),
        ({"x": object()}, "not plain JSON"),
        ({"x": {1, 2}}, "not plain JSON"),
        (["not", "a", "dict"], "must be a dict"),
        ({"_key": "mine"}, "reserved"),
    ],
)
def test_bad_documents_are_refused_cleanly(store, doc, match):
    with store.transaction():
        with pytest.raises(StoreError, match=match):
            store.put("users", "a", doc)
        store.put("users", "b", {"fine": True})
    assert store.keys("users") == ["b"]


def test_bad_names(store):
    with store.transaction():
        with pytest.raises(StoreError):
            store.put("_store", "a", {})
        with pytest.raises(StoreError):
            store.put("", "a", {})
        with pytest.raises(StoreError):
            store.put("users", 3, {})  # type: ignore[arg-type]


NASTY = [
    "",
    "x" * 10_000,
    "🙂🙂🫶🏽",
    "* _ [ ] ( ) ~ > # + - = | { } . ! < > &",
    "ctrl \x00 \x01 \x1b[31m \t\r\n \u2028 \u2029",
    "שלום مرحبا \u202e reversed",
    "lone surrogate \ud800",
    '"quotes" \\ backslash',
]


@pytest.mark.parametrize("text", NASTY)
def test_any_text_round_trips(store, text):
    with store.transaction():
        store.put("users", text, {"text": text, text: [text]})
    assert store.get("users", text) == {"text": text, text: [text]}
    assert store.keys("users", text) == [text]


def test_closed_store_refuses(store):
    store.close()
    store.close()  # idempotent
    with pytest.raises(StoreError, match="closed"):
        store.get("users", "a")
    with pytest.raises(StoreError, match="closed"):
        with store.transaction():
            pass


def test_threads(store):
    with store.transaction():
        store.put("users", "counter", {"n": 0})
    n_threads, per_thread = 4, 25

    def work():
        for _ in range(per_thread):
            with store.transaction():
                doc = store.get("users", "counter")
                doc["n"] += 1
                store.put("users", "counter", doc)

    threads = [threading.Thread(target=work) for _ in range(n_threads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert store.get("users", "counter") == {"n": n_threads * per_thread}
