"""The default backend: TinyDB-format files, written in O(size of the change).

Files in the data folder:

* ``store.json`` – the snapshot, a TinyDB document (``{table: {doc_id: doc}}``,
  readable with ``tinydb.TinyDB(path)``); each doc carries our key in the
  ``_key`` field, and the internal table ``_store`` holds the format and the
  journal generation. Rewritten only by compaction, always as temp file +
  fsync + ``os.replace`` + fsync of the folder: it is old or new, never torn.
* ``store.journal`` – append-only. A header record (its generation), then one
  record per committed transaction: ``magic, length, CRC32`` (12 bytes) and
  the JSON list of the transaction's ops. One write + one fsync per commit.
* ``store.lock`` – an exclusive ``flock`` so two processes never share a folder.

All documents live in memory (one dict + one sorted key list per table), so
reads never touch the disk and a write costs the same at 10 or 100,000 docs.
On open: load the snapshot, replay the journal; a torn or corrupt *tail*
record (a crash mid-append) is detected by length/CRC, set aside in
``store.journal.tail-<time>`` and cut off with a warning. When the journal
outgrows ``compact_ratio`` x the snapshot (and ``compact_min_bytes``), it is
compacted: write a new snapshot (generation g+1), then replace the journal by
an empty one of generation g+1. On open, a journal one generation older than
the snapshot (crash between those two steps) is replayed anyway: its ops are
absolute puts/deletes, so replaying ops the snapshot already holds is harmless.

fsync blocks the calling thread (about 0.2 ms here): call the store from a
worker thread, never from the asyncio event loop.
"""

from __future__ import annotations

import json
import logging
import os
import struct
import time
import zlib
from pathlib import Path
from typing import Any

from bot.store.base import KEY_FIELD, Op, dumps_doc
from bot.store.memory_store import MemoryStore, Table
from bot.store.protocol import StoreError, StoreInUse

try:
    import fcntl
except ImportError:  # pragma: no cover - not on Linux
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger("bot.store")

SNAPSHOT = "store.json"
JOURNAL = "store.journal"
LOCKFILE = "store.lock"
FORMAT = 1
_INTERNAL_TABLE = "_store"
_FRAME = struct.Struct("<4sII")  # magic, payload length, crc32(payload)
_MAGIC = b"BBJ1"
_MAX_RECORD = 1 << 31


def frame(payload: bytes) -> bytes:
    return _FRAME.pack(_MAGIC, len(payload), zlib.crc32(payload)) + payload


def read_frame(data: bytes | memoryview, pos: int) -> tuple[bytes, int] | None:
    """The payload at `pos` and the offset after it, or None if torn/corrupt."""
    end = pos + _FRAME.size
    if end > len(data):
        return None
    magic, length, crc = _FRAME.unpack_from(data, pos)
    if magic != _MAGIC or length == 0 or end + length > len(data):
        return None
    payload = bytes(data[end : end + length])
    if zlib.crc32(payload) != crc:
        return None
    return payload, end + length


def _encode_ops(ops: list[Op]) -> bytes:
    parts = []
    dumps = json.dumps
    for table, key, text in ops:
        if text is None:
            parts.append(f'["d",{dumps(table)},{dumps(key)}]')
        else:
            parts.append(f'["p",{dumps(table)},{dumps(key)},{text}]')
    return ("[" + ",".join(parts) + "]").encode("utf-8")


def _decode_ops(payload: bytes) -> list[Op]:
    """Ops of a journal record; ValueError if it is not one."""
    raw = json.loads(payload)
    if not isinstance(raw, list):
        raise ValueError("not a list of ops")
    ops: list[Op] = []
    for op in raw:
        if not isinstance(op, list) or len(op) < 3 or not isinstance(op[1], str) or not isinstance(op[2], str):
            raise ValueError(f"bad op {op!r:.80}")
        if op[0] == "p" and len(op) == 4 and isinstance(op[3], dict):
            ops.append((op[1], op[2], dumps_doc(op[3])))
        elif op[0] == "d" and len(op) == 3:
            ops.append((op[1], op[2], None))
        else:
            raise ValueError(f"bad op {op!r:.80}")
    return ops


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _pwrite_all(fd: int, data: bytes, offset: int) -> None:
    view = memoryview(data)
    while view:
        n = os.pwrite(fd, view, offset)
        view = view[n:]
        offset += n


def _stamp() -> str:
    return time.strftime("%Y%m%dT%H%M%S")


class TinyStore(MemoryStore):
    """Durable store in a data folder (created if missing).

    durable: fsync every commit (default). With False a commit still reaches
    the OS before returning (survives the process being killed) but not
    necessarily a power loss; for tests.
    """

    def __init__(
        self,
        path: Path | str,
        *,
        durable: bool = True,
        compact_ratio: float = 4.0,
        compact_min_bytes: int = 1 << 20,
    ) -> None:
        self.path = Path(path)
        self.durable = durable
        self.compact_ratio = compact_ratio
        self.compact_min_bytes = compact_min_bytes
        self.snapshot_path = self.path / SNAPSHOT
        self.journal_path = self.path / JOURNAL
        self._lock_fd: int | None = None
        self._jfd: int | None = None
        self._jsize = 0  # offset after the last good record
        self._jgen = 0
        self._snap_size = 0
        self._next_compact_try = 0
        self._broken: str | None = None
        self._unsynced = False  # journal records written under group_commit, not yet fsynced
        super().__init__()

    # ---- opening ----------------------------------------------------------
    def _open_backend(self) -> None:
        try:
            self.path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"Cannot create the data folder {self.path}: {exc.strerror or exc}.") from None
        self._acquire_folder_lock()
        for leftover in (self._tmp(self.snapshot_path), self._tmp(self.journal_path)):
            if leftover.exists():  # an interrupted compaction; the real files are intact
                log.info("removing %s left by an interrupted compaction", leftover)
                leftover.unlink()
        try:
            if self.snapshot_path.exists():
                snap_gen = self._load_snapshot()
            elif self.journal_path.exists():
                raise StoreError(
                    f"{self.journal_path} exists but the data file {self.snapshot_path} is missing, so "
                    f"the stored data is incomplete. Restore {SNAPSHOT} from a backup, or move "
                    f"{JOURNAL} out of {self.path} to start with an empty store."
                )
            else:
                self._snap_size = self._write_snapshot(1)
                snap_gen = 1
            if self.journal_path.exists():
                self._replay_journal(snap_gen)
            else:
                if snap_gen > 1:
                    log.warning("%s was missing; changes after the last snapshot are lost", self.journal_path)
                self._new_journal(snap_gen)
            if self._jgen != snap_gen:
                self._compact()  # finish the interrupted compaction
        except OSError as exc:
            raise StoreError(f"Cannot open the store in {self.path}: {exc}.") from None

    def _acquire_folder_lock(self) -> None:
        if fcntl is None:  # pragma: no cover
            return
        lock_path = self.path / LOCKFILE
        try:
            fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise StoreError(f"Cannot open {lock_path}: {exc.strerror or exc}.") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            owner = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "unknown"
            os.close(fd)
            raise StoreInUse(
                f"The data folder {self.path} is in use by another Backbone process (pid {owner}). "
                "Stop that process first, or use another data folder."
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        self._lock_fd = fd

    def _corrupt_snapshot(self, why: str) -> StoreError:
        return StoreError(
            f"The data file {self.snapshot_path} is damaged ({why}), so Backbone will not start. "
            f"The file has not been changed. Restore it from a backup, or move {SNAPSHOT} and {JOURNAL} "
            f"out of {self.path} to start with an empty store."
        )

    def _load_snapshot(self) -> int:
        raw = self.snapshot_path.read_bytes()
        self._snap_size = len(raw)
        try:
            data: Any = json.loads(raw)
        except (ValueError, RecursionError) as exc:
            raise self._corrupt_snapshot(f"not valid JSON: {str(exc)[:120]}") from None
        if not isinstance(data, dict):
            raise self._corrupt_snapshot("not a TinyDB document")
        header = data.get(_INTERNAL_TABLE)
        header_doc = next(iter(header.values()), None) if isinstance(header, dict) else None
        gen = header_doc.get("generation") if isinstance(header_doc, dict) else None
        if not isinstance(gen, int) or gen < 1:
            raise self._corrupt_snapshot(f"no valid {_INTERNAL_TABLE!r} header; not a Backbone store file")
        fmt = header_doc.get("format", FORMAT)
        if not isinstance(fmt, int):
            raise self._corrupt_snapshot("its format number is not a number")
        if fmt > FORMAT:
            raise StoreError(
                f"{self.snapshot_path} was written by a newer Backbone (format {header_doc['format']}). "
                "Upgrade Backbone to open it."
            )
        tables: dict[str, Table] = {}
        for name, docs in data.items():
            if name.startswith("_"):
                if name != _INTERNAL_TABLE and docs:
                    log.warning("ignoring table %r in %s (not written by the store)", name, self.snapshot_path)
                continue
            if not isinstance(docs, dict):
                raise self._corrupt_snapshot(f"table {name!r} is not an object")
            encoded: dict[str, str] = {}
            for doc in docs.values():
                key = doc.pop(KEY_FIELD, None) if isinstance(doc, dict) else None
                if not isinstance(key, str):
                    raise self._corrupt_snapshot(f"a document in table {name!r} has no {KEY_FIELD!r}")
                encoded[key] = dumps_doc(doc)
            if encoded:
                tables[name] = Table(encoded)
        self._tables = tables
        return gen

    def _replay_journal(self, snap_gen: int) -> None:
        data = self.journal_path.read_bytes()
        first = read_frame(data, 0)
        header = None
        if first is not None:
            try:
                header = json.loads(first[0])
            except ValueError:
                pass
        if not isinstance(header, dict) or not isinstance(header.get("generation"), int):
            if not data:  # empty file: nothing was ever committed to it
                log.warning("%s is empty; starting a new journal", self.journal_path)
                self._new_journal(snap_gen)
                return
            raise StoreError(
                f"The journal {self.journal_path} is damaged at its start, so Backbone will not start. "
                f"The file has not been changed. Restore the data folder from a backup, or move {JOURNAL} "
                f"out of {self.path} to start from the last snapshot (losing the changes made since)."
            )
        gen = header["generation"]
        if gen not in (snap_gen, snap_gen - 1):
            raise StoreError(
                f"The journal {self.journal_path} (generation {gen}) does not belong to the data file "
                f"{self.snapshot_path} (generation {snap_gen}); one of them was restored from elsewhere. "
                f"Restore both from the same backup, or move {JOURNAL} out of {self.path} to use "
                f"{SNAPSHOT} alone."
            )
        pos = first[1]  # type: ignore[index]
        count = 0
        while pos < len(data):
            rec = read_frame(data, pos)
            ops = None
            if rec is not None:
                try:
                    ops = _decode_ops(rec[0])
                except (ValueError, RecursionError):
                    ops = None
            if ops is None:
                break
            self._apply(ops)
            pos = rec[1]  # type: ignore[index]
            count += 1
        if pos < len(data):
            self._cut_tail(data, pos)
        self._jfd = os.open(self.journal_path, os.O_RDWR)
        if pos < len(data):
            os.ftruncate(self._jfd, pos)
            self._sync(self._jfd)
        self._jsize = pos
        self._jgen = gen
        log.debug("replayed %d journal records from %s", count, self.journal_path)

    def _cut_tail(self, data: bytes, pos: int) -> None:
        """A bad record at `pos`: a torn tail is set aside; damage followed by
        valid records (not what a crash does) stops the start-up instead."""
        magic, length, _ = _FRAME.unpack_from(data, pos) if pos + _FRAME.size <= len(data) else (b"", 0, 0)
        after = pos + _FRAME.size + length
        if magic == _MAGIC and length and after < len(data) and read_frame(data, after) is not None:
            raise StoreError(
                f"The journal {self.journal_path} is damaged in the middle (offset {pos}), with valid "
                "changes after the damage, so Backbone will not start. The file has not been changed. "
                "Restore the data folder from a backup."
            )
        aside = self.journal_path.with_name(f"{JOURNAL}.tail-{_stamp()}")
        n = 1
        while aside.exists():
            n += 1
            aside = self.journal_path.with_name(f"{JOURNAL}.tail-{_stamp()}-{n}")
        aside.write_bytes(data[pos:])
        log.warning(
            "%s ends with %d bytes of an incomplete or damaged record (a crash while writing); "
            "that change was never acknowledged and is dropped (bytes kept in %s)",
            self.journal_path, len(data) - pos, aside,
        )

    # ---- writing ----------------------------------------------------------
    def _sync(self, fd: int) -> None:
        if self.durable:
            os.fsync(fd)

    def _sync_dir(self) -> None:
        if self.durable:
            _fsync_dir(self.path)

    @staticmethod
    def _tmp(path: Path) -> Path:
        return path.with_name(path.name + ".tmp")

    def _persist(self, ops: list[Op]) -> None:
        if self._broken:
            raise StoreError(self._broken)
        record = frame(_encode_ops(ops))
        offset = self._jsize
        assert self._jfd is not None
        try:
            _pwrite_all(self._jfd, record, offset)
        except OSError as exc:
            try:
                os.ftruncate(self._jfd, offset)
            except OSError:
                self._broken = (
                    f"Writing to {self.journal_path} failed ({exc.strerror or exc}) and could not be undone; "
                    "no further changes are accepted. Restart Backbone."
                )
            raise StoreError(f"Could not save the change to {self.journal_path}: {exc.strerror or exc}.") from None
        if self._grouping:
            self._jsize = offset + len(record)
            self._unsynced = True
            return
        try:
            self._sync(self._jfd)
        except OSError as exc:
            # After a failed fsync the kernel may have dropped the data: nothing
            # written from now on could be trusted.
            self._broken = (
                f"Saving to {self.journal_path} failed ({exc.strerror or exc}); no further changes are "
                "accepted. Restart Backbone."
            )
            raise StoreError(self._broken) from None
        self._jsize = offset + len(record)

    def _flush(self) -> None:
        if not self._unsynced or self._jfd is None:
            return
        self._unsynced = False
        try:
            self._sync(self._jfd)
        except OSError as exc:
            self._broken = (
                f"Saving to {self.journal_path} failed ({exc.strerror or exc}); no further changes are "
                "accepted. Restart Backbone."
            )
            raise StoreError(self._broken) from None

    def _commit(self, ops: list[Op]) -> None:
        super()._commit(ops)
        if (
            self._jsize > self.compact_min_bytes
            and self._jsize > self.compact_ratio * self._snap_size
            and self._jsize >= self._next_compact_try
        ):
            try:
                self._compact()
            except OSError as exc:  # the commit itself is safe in the journal
                self._next_compact_try = 2 * self._jsize
                log.error("compacting %s failed (%s); will retry later", self.path, exc)

    def compact(self) -> None:
        """Write a fresh snapshot and start an empty journal now."""
        with self._lock:
            self._check_open()
            if self._depth:
                raise StoreError("compact() cannot run inside a transaction.")
            if self._broken:
                raise StoreError(self._broken)
            try:
                self._compact()
            except OSError as exc:
                raise StoreError(f"Compacting {self.path} failed: {exc}.") from None

    def _compact(self) -> None:
        gen = self._jgen + 1
        self._snap_size = self._write_snapshot(gen)
        # From here a crash leaves snapshot g+1 with journal g: replayed on open.
        self._new_journal(gen)
        self._next_compact_try = 0

    def _write_snapshot(self, gen: int) -> int:
        tmp = self._tmp(self.snapshot_path)
        dumps = json.dumps
        header = dumps({"1": {KEY_FIELD: "store", "format": FORMAT, "generation": gen}})
        size = 0
        try:
            with open(tmp, "wb") as f:
                chunk = [f'{{"{_INTERNAL_TABLE}":{header}']
                for name in sorted(self._tables):
                    table = self._tables[name]
                    chunk.append(f",{dumps(name)}:{{")
                    docs = table.docs
                    for i, key in enumerate(table.sorted_keys, 1):
                        text = docs[key]
                        sep = "" if text == "{}" else ","
                        chunk.append(f'{"," if i > 1 else ""}"{i}":{{"{KEY_FIELD}":{dumps(key)}{sep}{text[1:]}')
                        if len(chunk) >= 4096:
                            size += f.write("".join(chunk).encode("utf-8"))
                            chunk = []
                    chunk.append("}")
                chunk.append("}")
                size += f.write("".join(chunk).encode("utf-8"))
                f.flush()
                self._sync(f.fileno())
            os.replace(tmp, self.snapshot_path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        self._sync_dir()
        return size

    def _new_journal(self, gen: int) -> None:
        tmp = self._tmp(self.journal_path)
        header = frame(json.dumps({"journal": "backbone", "format": FORMAT, "generation": gen}).encode())
        try:
            fd = os.open(tmp, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o644)
            try:
                _pwrite_all(fd, header, 0)
                self._sync(fd)
                os.replace(tmp, self.journal_path)
            except BaseException:
                os.close(fd)
                raise
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        self._sync_dir()
        if self._jfd is not None:
            os.close(self._jfd)
        self._jfd = fd
        self._jsize = len(header)
        self._jgen = gen

    def _close_backend(self) -> None:
        for name in ("_jfd", "_lock_fd"):
            fd = getattr(self, name, None)
            if fd is not None:
                setattr(self, name, None)
                try:
                    os.close(fd)
                except OSError:
                    pass

    def __repr__(self) -> str:
        return f"TinyStore({str(self.path)!r}, durable={self.durable})"
