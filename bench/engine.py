"""Engine throughput on the durable store with 10,000 people already stored.

Drives people through check-ins in-process (the real engine, dialogs, language
hooks and safety screening), every turn committed durably, and prints
messages/s, p50/p99 latency per message and peak RSS; then the same on
TinyDB's default storage, and the ratio.

    python bench/engine.py [--people 10000] [--checkins 1500]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.config import Settings  # noqa: E402
from bot.engine.actions import SendMessage  # noqa: E402
from bot.engine.clock import FakeClock  # noqa: E402
from bot.engine.events import ButtonPress, Chat, CommandMessage, Sender, TextMessage  # noqa: E402
from bot.runtime import Runtime  # noqa: E402
from bot.store import Store, TinyStore  # noqa: E402
from bot.store.tinydb_default_store import FILENAME, TinyDBDefaultStore  # noqa: E402


def person_docs(n: int) -> list[tuple[str, str, dict, dict]]:
    docs = []
    for i in range(n):
        pid = f"p_bench{i:06d}"
        ident = f"console:user{i}"
        person = {"id": pid, "name": f"User {i}", "display_name": "", "onboarded": True, "tz": "Europe/Berlin",
                  "checkin_time": "20:00", "nudges": True, "identities": [ident], "created_at": "2026-01-01T00:00:00+00:00"}
        identity = {"person": pid, "platform": "console", "user_id": f"user{i}", "dm": f"console:user{i}"}
        docs.append((pid, ident, person, identity))
    return docs


def populate_tinystore(path: Path, n: int) -> Store:
    store = TinyStore(path)
    with store.transaction():
        for pid, ident, person, identity in person_docs(n):
            store.put("people", pid, person)
            store.put("identities", ident, identity)
    return store


def populate_default(path: Path, n: int) -> Store:
    # Written straight in TinyDB's own file format: inserting one by one would rewrite the file 20,000 times.
    path.mkdir(parents=True, exist_ok=True)
    people, identities = {}, {}
    for i, (pid, ident, person, identity) in enumerate(person_docs(n), start=1):
        people[str(i)] = {"_key": pid, **person}
        identities[str(i)] = {"_key": ident, **identity}
    (path / FILENAME).write_text(json.dumps({"people": people, "identities": identities}))
    return TinyDBDefaultStore(path)


def checkin_script(rng: random.Random):
    """One person's check-in as a coroutine: send it the last reply, get the next event's kind and payload."""
    actions = yield (CommandMessage, {"name": "checkin"})

    def press(index):
        message = [a for a in actions if isinstance(a, SendMessage)][-1]
        return (ButtonPress, {"key": message.buttons[index].key})

    actions = yield press(rng.randrange(5))
    actions = yield (TextMessage, {"text": rng.choice(["tired, hopeful", "calm", "a bit tense and worried", "happy"])})
    actions = yield (TextMessage, {"text": rng.choice(["skip", "work was long and the train was late"])})
    actions = yield (TextMessage, {"text": "skip"})
    yield press(0)  # keep it private


def drive(store: Store, people: int, checkins: int, concurrent: int, seed: int = 7) -> list[float]:
    """`concurrent` people check in at the same time: each wave submits one message from
    each of them and waits for all replies (each durable before it is released)."""
    clock = FakeClock()
    runtime = Runtime(Settings(data_dir=Path(".")), store=store, clock=clock, rng=random.Random(seed))
    rng = random.Random(seed)
    latencies: list[float] = []
    counter = 0
    started = 0
    active: list[tuple[Sender, Chat, object, list]] = []

    def begin() -> None:
        nonlocal started
        i = rng.randrange(people)
        started += 1
        active.append((Sender(platform="console", user_id=f"user{i}"), Chat(kind="dm", id=f"console:user{i}"), checkin_script(rng), []))

    while started < checkins or active:
        while len(active) < concurrent and started < checkins:
            begin()
        wave = []
        for person in list(active):
            sender, chat, script, last = person
            try:
                kind, payload = script.send(last[0] if last else None) if last else next(script)
            except StopIteration:
                active.remove(person)
                continue
            counter += 1
            event = kind(id=f"e{counter}", sender=sender, chat=chat, at=clock.now(), **payload)
            wave.append((person, time.perf_counter(), runtime.submit(event)))
        for (sender, chat, script, last), t0, future in wave:
            deliveries = future.result()
            latencies.append(time.perf_counter() - t0)
            last[:] = [[d.action for d in deliveries]]
        clock.advance(timedelta(seconds=1))
    runtime._worker.close()
    return latencies


def report(name: str, latencies: list[float], seconds: float) -> float:
    rate = len(latencies) / seconds
    cuts = statistics.quantiles(latencies, n=100)
    print(f"{name:<28} {len(latencies):>7} msgs  {rate:>9.1f} msg/s  p50 {cuts[49] * 1000:7.2f} ms  "
          f"p99 {cuts[98] * 1000:7.2f} ms  max {max(latencies) * 1000:7.2f} ms")
    return rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--checkins", type=int, default=1500, help="check-ins (6 messages each) on the durable store")
    parser.add_argument("--default-checkins", type=int, default=3, help="check-ins on TinyDB's default storage")
    parser.add_argument("--concurrent", type=int, default=8, help="people checking in at the same moment")
    args = parser.parse_args()

    print(f"{args.people:,} people stored; every reply released only after its turn is fsynced; one worker thread.")
    rates = {}
    with tempfile.TemporaryDirectory(prefix="bench-engine-") as tmp:
        for concurrent in (1, args.concurrent):
            store = populate_tinystore(Path(tmp) / f"tiny{concurrent}", args.people)
            start = time.perf_counter()
            lat = drive(store, args.people, args.checkins, concurrent)
            rates[concurrent] = report(f"journaled, {concurrent:>2} at once", lat, time.perf_counter() - start)
            store.close()

        store = populate_default(Path(tmp) / "default", args.people)
        start = time.perf_counter()
        lat = drive(store, args.people, args.default_checkins, 1)
        theirs = report("TinyDB default,  1 at once", lat, time.perf_counter() - start)
        store.close()

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"ratio (journaled / TinyDB default, one at a time): {rates[1] / theirs:,.0f}x")
    print(f"peak RSS: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
