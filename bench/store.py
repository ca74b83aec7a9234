"""Store benchmark: durable transactions per second and latency per transaction.

    python bench/store.py [--iterations 5000] [--dir DIR]

Each transaction reads one stored person, changes it and writes it back, and
adds one event document (2 writes, 1 fsync), like the engine does per message.
Measured for TinyStore at 10,000 and 100,000 stored people, and for
TinyDBDefaultStore (plain TinyDB + default JSONStorage, benchmark-only) at
10,000 with fewer iterations. All runs are durable (fsync on every commit).
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import psutil  # noqa: E402
from tinydb import TinyDB  # noqa: E402

from bot.store import TinyStore  # noqa: E402
from bot.store.tinydb_default_store import FILENAME, TinyDBDefaultStore  # noqa: E402


def person(i: int) -> dict:
    return {
        "name": f"Person {i}",
        "platform": "telegram",
        "chat": 100_000 + i,
        "tz": "Europe/Berlin",
        "checkin_time": "20:30",
        "consent": {"nudges": True, "share_hard_days": False},
        "dialog": {"name": "checkin", "state": "feelings", "vars": {"scale": 3, "feelings": ["tired", "hopeful"]}},
        "updated": 1_700_000_000 + i,
    }


def populate_tinystore(path: Path, n: int) -> None:
    with TinyStore(path) as s:
        with s.transaction():
            for i in range(n):
                s.put("people", f"p{i:07d}", person(i))
        s.compact()


def populate_tinydb(path: Path, n: int) -> None:
    path.mkdir(parents=True, exist_ok=True)
    db = TinyDB(path / FILENAME)
    db.table("people").insert_multiple({"_key": f"p{i:07d}", **person(i)} for i in range(n))
    db.close()


def run(store, n: int, iterations: int, seed: int = 1) -> list[float]:
    rng = random.Random(seed)
    latencies = []
    for j in range(iterations):
        key = f"p{rng.randrange(n):07d}"
        t0 = time.perf_counter()
        with store.transaction():
            doc = store.get("people", key)
            doc["dialog"]["state"] = f"step{j % 7}"
            doc["updated"] += 1
            store.put("people", key, doc)
            store.put("events", f"{key}:{j:08d}", {"update_id": j, "seen": True})
        latencies.append(time.perf_counter() - t0)
    return latencies


def report(label: str, latencies: list[float]) -> float:
    total = sum(latencies)
    rate = len(latencies) / total
    q = statistics.quantiles(latencies, n=100, method="inclusive")
    print(
        f"{label:<34} {len(latencies):>6} tx  {rate:>9.0f} tx/s  "
        f"p50 {q[49] * 1000:>8.3f} ms  p99 {q[98] * 1000:>8.3f} ms  max {max(latencies) * 1000:>8.1f} ms"
    )
    return rate


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--iterations", type=int, default=5000, help="transactions per TinyStore run")
    ap.add_argument("--default-iterations", type=int, default=30, help="transactions for TinyDB default")
    ap.add_argument("--dir", type=Path, default=None, help="where to put the data (default: a temp folder)")
    args = ap.parse_args()
    root = Path(tempfile.mkdtemp(prefix="bench-store-", dir=args.dir))
    print(f"data in {root}; every commit is fsynced\n")
    try:
        rates = {}
        for n in (10_000, 100_000):
            path = root / f"tiny{n}"
            t0 = time.perf_counter()
            populate_tinystore(path, n)
            t1 = time.perf_counter()
            s = TinyStore(path)
            t2 = time.perf_counter()
            print(f"TinyStore {n:,} people: populate {t1 - t0:.2f} s, open (load + replay) {t2 - t1:.2f} s, "
                  f"snapshot {(path / 'store.json').stat().st_size / 1e6:.1f} MB")
            rates[n] = report(f"TinyStore, {n:,} stored", run(s, n, args.iterations))
            s.close()
        path = root / "default"
        populate_tinydb(path, 10_000)
        d = TinyDBDefaultStore(path)
        rates["default"] = report("TinyDB default, 10,000 stored", run(d, 10_000, args.default_iterations))
        d.close()
        print(f"\nTinyStore / TinyDB default at 10,000: {rates[10_000] / rates['default']:,.0f}x")
        print(f"TinyStore 100,000 / 10,000 throughput: {rates[100_000] / rates[10_000]:.2f}")
        print(f"peak RSS {psutil.Process().memory_info().rss / 1e6:.0f} MB")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
