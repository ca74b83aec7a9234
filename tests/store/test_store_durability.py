"""TinyStore on disk: reopen, torn journal tails, damaged files, compaction crashes."""

from __future__ import annotations

import json
import logging
import os
import shutil
from pathlib import Path

import pytest
import tinydb

from bot.store import StoreError, TinyStore
from bot.store.tinydb_store import JOURNAL, SNAPSHOT

from store_testlib import dump


def fill(store: TinyStore, n: int, start: int = 0) -> None:
    with store.transaction():
        for i in range(start, start + n):
            store.put("users", f"u{i:04d}", {"i": i, "name": f"User {i}"})


def test_reopen_sees_committed_data(tmp_path):
    d = tmp_path / "data"
    s = TinyStore(d)
    assert (d / SNAPSHOT).exists() and (d / JOURNAL).exists()
    fill(s, 5)
    with s.transaction():
        s.delete("users", "u0001")
        s.put("events", "e1", {"x": "é🙂"})
    before = dump(s)
    s.close()
    s = TinyStore(d)
    assert dump(s) == before
    s.compact()
    s.close()
    s = TinyStore(d)
    assert dump(s) == before
    s.close()


def test_snapshot_is_a_tinydb_document(tmp_path):
    d = tmp_path / "data"
    with TinyStore(d) as s:
        fill(s, 3)
        s.compact()
    db = tinydb.TinyDB(d / SNAPSHOT, access_mode="r")
    assert sorted(doc["_key"] for doc in db.table("users").all()) == ["u0000", "u0001", "u0002"]
    assert db.table("users").get(tinydb.where("_key") == "u0001")["name"] == "User 1"
    db.close()


def test_rolled_back_and_empty_transactions_write_nothing(tmp_path):
    d = tmp_path / "data"
    with TinyStore(d) as s:
        size = (d / JOURNAL).stat().st_size
        with s.transaction():
            pass
        with pytest.raises(RuntimeError):
            with s.transaction():
                s.put("users", "a", {})
                raise RuntimeError
        assert (d / JOURNAL).stat().st_size == size


def _last_record_span(d: Path, write) -> tuple[dict, dict, int, bytes]:
    """Commit `write` as the last record; return old state, new state, offset where it starts, journal bytes."""
    s = TinyStore(d, durable=False)
    old = dump(s)
    start = (d / JOURNAL).stat().st_size
    with s.transaction():
        write(s)
    new = dump(s)
    s.close()
    return old, new, start, (d / JOURNAL).read_bytes()


def test_torn_last_record_at_every_offset(tmp_path, caplog):
    d = tmp_path / "data"
    with TinyStore(d, durable=False) as s:
        fill(s, 4)

    def write(s):
        s.put("users", "u0000", {"changed": True, "text": "שלום 🙂"})
        s.delete("users", "u0002")
        s.put("events", "new", {"n": 1})

    old, new, start, data = _last_record_span(d, write)
    assert old != new and len(data) - start > 50
    work = tmp_path / "work"
    for cut in range(start, len(data) + 1):
        shutil.rmtree(work, ignore_errors=True)
        shutil.copytree(d, work)
        with open(work / JOURNAL, "r+b") as f:
            f.truncate(cut)
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger="bot.store"):
            s = TinyStore(work, durable=False)
        try:
            assert dump(s) == (new if cut == len(data) else old), cut
            if start < cut < len(data):
                assert "incomplete or damaged record" in caplog.text
                assert list(work.glob(JOURNAL + ".tail-*"))
            # the store keeps working after a torn tail, and its next commit survives
            with s.transaction():
                s.put("users", "after", {"cut": cut})
        finally:
            s.close()
        with TinyStore(work, durable=False) as s:
            assert s.get("users", "after") == {"cut": cut}
            assert dump(s)["users"].keys() - {"after"} == (new if cut == len(data) else old)["users"].keys()


def test_corrupt_checksum_of_last_record(tmp_path, caplog):
    d = tmp_path / "data"
    with TinyStore(d) as s:
        fill(s, 3)
    old, new, start, data = _last_record_span(d, lambda s: s.put("users", "u0001", {"new": 1}))
    flipped = bytearray(data)
    flipped[-3] ^= 0x40
    (d / JOURNAL).write_bytes(bytes(flipped))
    with caplog.at_level(logging.WARNING, logger="bot.store"):
        with TinyStore(d) as s:
            assert dump(s) == old
    assert "damaged record" in caplog.text


def test_zero_filled_tail_is_discarded(tmp_path):
    d = tmp_path / "data"
    with TinyStore(d) as s:
        fill(s, 3)
        before = dump(s)
    with open(d / JOURNAL, "ab") as f:
        f.write(b"\0" * 4096)
    with TinyStore(d) as s:
        assert dump(s) == before


def test_damage_in_the_middle_of_the_journal_stops_start_up(tmp_path):
    d = tmp_path / "data"
    with TinyStore(d) as s:
        for i in range(3):
            fill(s, 1, start=i)
    data = bytearray((d / JOURNAL).read_bytes())
    # the header record, then the migration record, then 3 records: damage the 4th of 5
    pos = 0
    for _ in range(3):
        length = int.from_bytes(data[pos + 4 : pos + 8], "little")
        pos += 12 + length
    data[pos + 14] ^= 0x01
    (d / JOURNAL).write_bytes(bytes(data))
    with pytest.raises(StoreError, match="damaged in the middle") as exc:
        TinyStore(d)
    assert str(d / JOURNAL) in str(exc.value)
    assert (d / JOURNAL).read_bytes() == bytes(data)  # untouched


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\x00\xff\xfe garbage \x13",
        b'{"_store": {"1": {"_key": "store", "format": 1, "generation": 1}}, "users": {"1": {"_key": "a", "x"',
        b'{"users": {"1": {"name": "no key"}}}',
        b"[1, 2, 3]",
        b'{"_store": {"1": {"_key": "store", "generation": 1}}, "users": {"1": {"name": "no key"}}}',
        b'{"_store": {"1": {"_key": "store", "generation": 1}}, "users": [1]}',
    ],
)
def test_damaged_snapshot_gives_a_clear_error_and_is_kept(tmp_path, content):
    d = tmp_path / "data"
    with TinyStore(d) as s:
        fill(s, 3)
        s.compact()
    (d / SNAPSHOT).write_bytes(content)
    with pytest.raises(StoreError) as exc:
        TinyStore(d)
    msg = str(exc.value)
    assert str(d / SNAPSHOT) in msg and "damaged" in msg and "backup" in msg
    assert "Traceback" not in msg
    assert (d / SNAPSHOT).read_bytes() == content  # never overwritten
    with pytest.raises(StoreError):  # and the lock was released: same clear error again
        TinyStore(d)


def test_damaged_journal_header(tmp_path):
    d = tmp_path / "data"
    with TinyStore(d) as s:
        fill(s, 1)
    (d / JOURNAL).write_bytes(b"garbage" * 10)
    with pytest.raises(StoreError, match="damaged at its start"):
        TinyStore(d)


def test_missing_snapshot_with_journal(tmp_path):
    d = tmp_path / "data"
    with TinyStore(d) as s:
        fill(s, 1)
    (d / SNAPSHOT).unlink()
    with pytest.raises(StoreError, match="is missing"):
        TinyStore(d)


def test_journal_from_another_generation(tmp_path):
    d = tmp_path / "data"
    with TinyStore(d) as s:
        fill(s, 1)
    old_snapshot = (d / SNAPSHOT).read_bytes()
    with TinyStore(d) as s:
        s.compact()
        s.compact()
        fill(s, 1, start=1)
    (d / SNAPSHOT).write_bytes(old_snapshot)  # restored from an old backup
    with pytest.raises(StoreError, match="does not belong"):
        TinyStore(d)


def test_folder_in_use_by_another_store(tmp_path):
    d = tmp_path / "data"
    with TinyStore(d):
        with pytest.raises(StoreError, match=f"in use by another Backbone process \\(pid {os.getpid()}\\)"):
            TinyStore(d)
    TinyStore(d).close()


def test_newer_schema_is_refused(tmp_path):
    d = tmp_path / "data"
    with TinyStore(d) as s:
        with s.transaction():
            s.put("meta", "schema", {"schema_version": 99})
    with pytest.raises(StoreError, match="newer Backbone"):
        TinyStore(d)


# ---- compaction ------------------------------------------------------------


def test_automatic_compaction_keeps_everything(tmp_path):
    d = tmp_path / "data"
    with TinyStore(d, durable=False, compact_min_bytes=2000, compact_ratio=2) as s:
        for i in range(200):
            fill(s, 1, start=i % 50)
            with s.transaction():
                s.put("events", f"e{i}", {"i": i})
        snapshot_size = (d / SNAPSHOT).stat().st_size
        assert (d / JOURNAL).stat().st_size < max(2000, 2 * snapshot_size) + 500
        before = dump(s)
    snap = json.loads((d / SNAPSHOT).read_text())
    assert snap["_store"]["1"]["generation"] > 3
    with TinyStore(d) as s:
        assert dump(s) == before


def test_crash_at_each_step_of_compaction(tmp_path, monkeypatch):
    """Copy the folder as a crash would leave it before and after every
    rename of the compaction; each copy must open to the same state."""
    d = tmp_path / "data"
    s = TinyStore(d)
    fill(s, 20)
    with s.transaction():
        s.delete("users", "u0003")
    expected = dump(s)
    crashes: list[Path] = []
    real_replace = os.replace

    def capture():
        dst = tmp_path / f"crash{len(crashes)}"
        shutil.copytree(d, dst, ignore=shutil.ignore_patterns(".nothing"))
        crashes.append(dst)

    def replace(src, dst):
        capture()
        real_replace(src, dst)
        capture()

    monkeypatch.setattr(os, "replace", replace)
    s.compact()
    monkeypatch.setattr(os, "replace", real_replace)
    s.close()
    assert len(crashes) == 4
    assert any(p.name.endswith(".tmp") for p in crashes[0].iterdir())
    for folder in crashes:
        with TinyStore(folder) as c:
            assert dump(c) == expected, folder
            assert not list(folder.glob("*.tmp"))
            fill(c, 1, start=100)
        with TinyStore(folder) as c:
            assert c.get("users", "u0100") is not None


@pytest.mark.parametrize("failing", [SNAPSHOT, JOURNAL])
def test_failed_rename_during_compaction(tmp_path, monkeypatch, caplog, failing):
    """Every os.replace onto the snapshot (or onto the journal) fails: the
    commits that trigger compaction stand, later commits keep working (with a
    journal one generation behind the snapshot), and reopening gives everything."""
    d = tmp_path / "data"
    s = TinyStore(d, durable=False, compact_min_bytes=2000, compact_ratio=1)
    real_replace = os.replace
    calls = {"failed": 0}

    def replace(src, dst):
        if Path(dst).name == failing:
            calls["failed"] += 1
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    with caplog.at_level(logging.ERROR, logger="bot.store"):
        for i in range(120):
            fill(s, 1, start=i)
    assert calls["failed"] >= 2 and "compacting" in caplog.text
    expected = dump(s)
    assert len(expected["users"]) == 120
    monkeypatch.setattr(os, "replace", real_replace)
    s.close()
    assert not list(d.glob("*.tmp"))
    snap_gen = json.loads((d / SNAPSHOT).read_text())["_store"]["1"]["generation"]
    assert snap_gen == (1 if failing == SNAPSHOT else 2)
    with TinyStore(d) as s:
        assert dump(s) == expected
    with TinyStore(d) as s:
        assert dump(s) == expected


def test_explicit_compact_failure_is_a_store_error(tmp_path, monkeypatch):
    d = tmp_path / "data"
    with TinyStore(d) as s:
        fill(s, 3)
        before = dump(s)
        monkeypatch.setattr(os, "replace", lambda *a: (_ for _ in ()).throw(OSError(5, "I/O error")))
        with pytest.raises(StoreError, match="Compacting"):
            s.compact()
        monkeypatch.undo()
        fill(s, 1, start=10)
        before["users"]["u0010"] = {"i": 10, "name": "User 10"}
    with TinyStore(d) as s:
        assert dump(s) == before


def test_leftover_temp_files_are_ignored(tmp_path):
    d = tmp_path / "data"
    with TinyStore(d) as s:
        fill(s, 2)
        before = dump(s)
    (d / (SNAPSHOT + ".tmp")).write_bytes(b'{"half": ')
    (d / (JOURNAL + ".tmp")).write_bytes(b"BBJ1")
    with TinyStore(d) as s:
        assert dump(s) == before


def test_failed_journal_write_leaves_no_trace(tmp_path, monkeypatch):
    d = tmp_path / "data"
    with TinyStore(d) as s:
        fill(s, 2)
        before = dump(s)

        def pwrite(fd, data, offset):
            os.write(fd, b"")  # nothing
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(os, "pwrite", pwrite)
        with pytest.raises(StoreError, match="No space left"):
            fill(s, 1, start=5)
        monkeypatch.undo()
        assert dump(s) == before
        fill(s, 1, start=6)
        before["users"]["u0006"] = {"i": 6, "name": "User 6"}
    with TinyStore(d) as s:
        assert dump(s) == before


def test_failed_fsync_refuses_further_writes(tmp_path, monkeypatch):
    d = tmp_path / "data"
    with TinyStore(d) as s:
        fill(s, 2)
        before = dump(s)
        monkeypatch.setattr(os, "fsync", lambda fd: (_ for _ in ()).throw(OSError(5, "I/O error")))
        with pytest.raises(StoreError, match="Restart"):
            fill(s, 1, start=5)
        monkeypatch.undo()
        assert dump(s) == before
        with pytest.raises(StoreError, match="Restart"):
            fill(s, 1, start=6)


def test_torn_tails_are_kept_aside_each_time(tmp_path):
    d = tmp_path / "data"
    for round_ in range(2):
        with TinyStore(d) as s:
            fill(s, 1, start=round_)
        with open(d / JOURNAL, "ab") as f:
            f.write(b"BBJ1\x40\x00\x00\x00\x00\x00\x00\x00{half")
    with TinyStore(d) as s:
        assert s.keys("users") == ["u0000", "u0001"]
    assert len(list(d.glob(JOURNAL + ".tail-*"))) == 2
