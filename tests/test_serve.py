"""`backbone run`: one runtime and one scheduler for every platform adapter in the process."""

from __future__ import annotations

import asyncio

import pytest
from typer.testing import CliRunner

from bot.cli import app
from bot.config import Settings
from bot.serve import run_platforms


def test_adapters_share_one_runtime_and_the_scheduler_runs_while_they_serve(tmp_path, monkeypatch):
    seen = []
    ticks = []
    import bot.scheduler.service as service

    monkeypatch.setattr(service.SchedulerService, "tick_sync", lambda self: ticks.append(1) or 0)

    async def first(runtime):
        seen.append(runtime)
        await asyncio.sleep(0.3)  # the scheduler's first tick runs meanwhile

    async def second(runtime):
        seen.append(runtime)
        await asyncio.sleep(10)  # cancelled when the first stops

    run_platforms(Settings(data_dir=tmp_path, _env_file=None), [first, second])
    assert len(seen) == 2 and seen[0] is seen[1]
    assert ticks, "the scheduler ticked while the adapters ran"
    assert seen[0].store._closed  # everything closed on the way out


def test_an_adapter_that_fails_to_start_stops_the_run_with_its_message(tmp_path):
    async def broken(runtime):
        raise SystemExit("Backbone can't start on Telegram: no such token")

    with pytest.raises(SystemExit, match="no such token"):
        run_platforms(Settings(data_dir=tmp_path, _env_file=None), [broken])


@pytest.mark.parametrize("platform", ["telegram", "discord", "all"])
def test_missing_tokens_give_one_clear_line(tmp_path, monkeypatch, platform):
    monkeypatch.delenv("TELEGRAM_TOKEN", raising=False)
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    monkeypatch.chdir(tmp_path)  # no .env here
    result = CliRunner().invoke(app, ["run", platform, "--data", str(tmp_path / "d")])
    assert result.exit_code == 1
    assert "TOKEN is not set" in result.output
    assert "Traceback" not in result.output
