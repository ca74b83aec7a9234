"""Fixtures: the telegram-test-api emulator (a Node process on a free port) and a running
adapter (real PTB code) talking to it, with a FakeClock and a temporary data folder."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from tg_harness import EMULATOR_DIR, Emulator, RunningBot, free_port, next_token, start_bot


@pytest.fixture(scope="session")
def emulator_url() -> Iterator[str]:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed: the Telegram end-to-end tests need the telegram-test-api emulator")
    if not (EMULATOR_DIR / "node_modules" / "telegram-test-api").exists():
        npm = shutil.which("npm")
        if npm is None:
            pytest.fail("telegram-test-api is not installed and npm is missing (run `npm ci` in tests/telegram/emulator)")
        subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=EMULATOR_DIR, check=True, timeout=300)
    port = free_port()
    proc = subprocess.Popen(
        [node, str(EMULATOR_DIR / "server.js"), str(port)], cwd=EMULATOR_DIR,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ, "DEBUG": ""},
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        if not line.startswith("READY"):
            proc.kill()
            pytest.fail(f"the emulator did not start: {line!r} {proc.stderr.read() if proc.stderr else ''}")
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture
async def emulator(emulator_url: str) -> AsyncIterator[Emulator]:
    emu = Emulator(emulator_url)
    yield emu
    await emu.http.aclose()


@pytest.fixture
def token() -> str:
    """A fresh bot token per test: the emulator keeps each token's updates apart."""
    return next_token()


@pytest.fixture
async def running_bot(emulator_url: str, token: str, tmp_path: Path) -> AsyncIterator[RunningBot]:
    bot = await start_bot(emulator_url, token, tmp_path / "data")
    yield bot
    await bot.stop()
