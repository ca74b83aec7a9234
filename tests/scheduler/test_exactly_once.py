"""A crash between deciding and sending: after restart the nudge goes out exactly once."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import textwrap
from pathlib import Path


from bot.delivery import OutboxPump
from bot.outbox import OUTBOX
from bot.scheduler import core as core_mod
from bot.scheduler.core import NudgeScheduler
from bot.store import TinyStore
from tests.scheduler.conftest import add_person, utc

ROOT = Path(__file__).resolve().parents[2]


class FakeRuntime:
    def __init__(self, store):
        self.store = store

    async def run_sync(self, fn, *args):
        return await asyncio.to_thread(fn, *args)


class Sink:
    def __init__(self):
        self.got: list[str] = []

    async def send(self, delivery):
        self.got.append(delivery.action.text)


async def deliver_all(store) -> list[str]:
    sink = Sink()
    await OutboxPump(FakeRuntime(store), "console", sink.send).drain()
    return sink.got


async def test_crash_after_deciding_before_sending(tmp_path):
    store = TinyStore(tmp_path)
    add_person(store, "ana", checkin_time="08:30")
    core = NudgeScheduler(store)
    core.load(utc(2026, 1, 6, 7, 29))
    assert core.tick(utc(2026, 1, 6, 7, 30)) == 1
    store.close()  # "crash": nothing was sent

    store = TinyStore(tmp_path)
    again = NudgeScheduler(store)
    again.load(utc(2026, 1, 6, 7, 35))
    assert again.tick(utc(2026, 1, 6, 7, 35)) == 0  # the decision is durable: not decided twice
    assert len(store.keys(OUTBOX)) == 1
    assert len(await deliver_all(store)) == 1
    assert store.keys(OUTBOX) == []
    store.close()


async def test_crash_inside_the_decision_transaction_leaves_nothing(tmp_path, monkeypatch):
    store = TinyStore(tmp_path)
    add_person(store, "ana", checkin_time="08:30")

    def boom(*args, **kwargs):
        raise RuntimeError("power cut")

    monkeypatch.setattr(core_mod, "enqueue", boom)
    core = NudgeScheduler(store)
    core.load(utc(2026, 1, 6, 7, 29))
    core.tick(utc(2026, 1, 6, 7, 30))
    assert store.keys(OUTBOX) == [] and "handled" not in (store.get("nudge_state", "p_ana") or {})
    store.close()
    monkeypatch.undo()

    store = TinyStore(tmp_path)
    again = NudgeScheduler(store)
    again.load(utc(2026, 1, 6, 7, 40))
    assert again.tick(utc(2026, 1, 6, 7, 40)) == 1
    assert len(await deliver_all(store)) == 1
    store.close()


async def test_killed_process_after_commit(tmp_path):
    store = TinyStore(tmp_path)
    add_person(store, "ana", checkin_time="08:30")
    store.close()
    script = textwrap.dedent(f"""
        import os
        from bot.store import TinyStore
        from bot.scheduler.core import NudgeScheduler
        store = TinyStore({str(tmp_path)!r})
        core = NudgeScheduler(store)
        core.load({utc(2026, 1, 6, 7, 29)})
        core.tick({utc(2026, 1, 6, 7, 30)})
        os._exit(9)  # killed between deciding and sending
    """)
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, timeout=60)
    assert result.returncode == 9, result.stderr.decode()
    store = TinyStore(tmp_path)
    again = NudgeScheduler(store)
    again.load(utc(2026, 1, 6, 7, 31))
    again.tick(utc(2026, 1, 6, 7, 31))
    assert len(await deliver_all(store)) == 1
    again.tick(utc(2026, 1, 6, 7, 45))
    assert await deliver_all(store) == []
    store.close()
