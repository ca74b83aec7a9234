from __future__ import annotations

import sys
from pathlib import Path

import discord
import pytest

sys.path.insert(0, str(Path(__file__).parent))

from fake_discord import FakeDiscord  # noqa: E402

from bot.adapters.discord.client import create_client  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.engine.clock import FakeClock  # noqa: E402
from bot.runtime import Runtime  # noqa: E402
from bot.store import MemoryStore  # noqa: E402


@pytest.fixture
async def fake(monkeypatch):
    server = FakeDiscord()
    runner = await server.start()
    monkeypatch.setattr(discord.http.Route, "BASE", server.base)
    yield server
    await runner.cleanup()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data", _env_file=None)


@pytest.fixture
def store():
    return MemoryStore()


@pytest.fixture
def runtime(settings, store):
    rt = Runtime(settings, store=store, clock=FakeClock())
    yield rt
    rt._worker.close()  # not rt.close(): the store is shared with a "restarted" runtime in some tests


@pytest.fixture
async def make_bot(fake, runtime):
    """Log a client in against the fake (runs setup_hook: dynamic items, command sync, outbox poller)."""
    clients = []

    async def make(rt: Runtime | None = None, **options):
        client = create_client(rt or runtime, poll_interval=0.05, **options)
        await client.login("fake-token-not-real")
        clients.append(client)
        return client

    yield make
    for client in clients:
        await client.close()
