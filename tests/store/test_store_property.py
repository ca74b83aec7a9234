"""Random put/delete/transaction/reopen sequences behave like a dict."""

from __future__ import annotations

import copy
import shutil
import tempfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.store import MemoryStore, TinyStore

TABLES = ["users", "events"]
KEYS = st.sampled_from(["", "a", "ab", "abc", "b", "ba", "p:1", "p:10", "p:2", "é", "🙂"])
VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53), 2**53) | st.text(max_size=8),
    lambda kids: st.lists(kids, max_size=3) | st.dictionaries(st.text(max_size=4), kids, max_size=3),
    max_leaves=6,
)
DOCS = st.dictionaries(st.text(max_size=5).filter(lambda k: k != "_key"), VALUES, max_size=3)

PUT = st.tuples(st.just("put"), st.sampled_from(TABLES), KEYS, DOCS)
DELETE = st.tuples(st.just("delete"), st.sampled_from(TABLES), KEYS)
ACTIONS = st.recursive(
    PUT | DELETE,
    lambda inner: st.tuples(st.just("tx"), st.lists(inner, max_size=5), st.booleans()),
    max_leaves=12,
)
STEPS = st.lists(ACTIONS | st.just(("reopen",)) | st.just(("compact",)), max_size=25)


class Boom(Exception):
    pass


def run(store, model, action):
    kind = action[0]
    if kind == "put":
        _, t, k, doc = action
        store.put(t, k, doc)
        model.setdefault(t, {})[k] = copy.deepcopy(doc)
    elif kind == "delete":
        _, t, k = action
        store.delete(t, k)
        model.get(t, {}).pop(k, None)
    else:
        _, inner, fail = action
        saved = copy.deepcopy(model)
        try:
            with store.transaction():
                for a in inner:
                    run(store, model, a)
                    check(store, model)  # reads inside see own writes
                if fail:
                    raise Boom
        except Boom:
            model.clear()
            model.update(saved)


def check(store, model):
    for t in TABLES:
        expected = {k: v for k, v in sorted(model.get(t, {}).items())}
        assert dict(store.scan(t)) == expected
        assert store.keys(t) == list(expected)
        for prefix in ("", "a", "p:1", "🙂", "zz"):
            assert store.keys(t, prefix) == [k for k in expected if k.startswith(prefix)]
        for k in ("a", "p:2", "nothere"):
            assert store.get(t, k) == expected.get(k)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=STEPS, tiny=st.booleans(), small_journal=st.booleans())
def test_store_behaves_like_a_dict(steps, tiny, small_journal):
    folder = tempfile.mkdtemp(prefix="store-prop-")
    opts = {"durable": False, "compact_min_bytes": 0 if small_journal else 1 << 20, "compact_ratio": 1.0}
    store = TinyStore(folder, **opts) if tiny else MemoryStore()
    model: dict[str, dict] = {}
    try:
        for step in steps:
            if step[0] == "reopen":
                if tiny:
                    store.close()
                    store = TinyStore(folder, **opts)
            elif step[0] == "compact":
                if tiny:
                    store.compact()
            elif step[0] == "tx":
                run(store, model, step)
            else:
                run(store, model, ("tx", [step], False))
            check(store, model)
        if tiny:
            store.close()
            store = TinyStore(folder, **opts)
            check(store, model)
    finally:
        store.close()
        shutil.rmtree(folder, ignore_errors=True)
