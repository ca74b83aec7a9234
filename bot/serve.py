"""Run the bot on real platforms: one process, one store, one scheduler, one or more adapters.

Partners may use different platforms, and a data folder belongs to one process,
so `backbone run all` serves Telegram and Discord side by side on one runtime."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Awaitable, Callable

from bot.config import Settings
from bot.runtime import Runtime

log = logging.getLogger(__name__)

Starter = Callable[[Runtime], Awaitable[None]]


def telegram_starter(settings: Settings, webhook: str | None, listen: str, port: int) -> Starter:
    """Check the settings now (a missing token fails before anything opens); serve later."""
    from bot.adapters.telegram import webhook_warnings
    from bot.adapters.telegram.app import StartupError, TelegramAdapter
    from bot.adapters.telegram.logs import protect_logs

    token = settings.telegram_token.get_secret_value() if settings.telegram_token else ""
    if not token:
        raise SystemExit("TELEGRAM_TOKEN is not set. Put it in .env or the environment (see .env.example).")
    secret = settings.telegram_webhook_secret.get_secret_value() if settings.telegram_webhook_secret else None
    protect_logs([token, secret or ""])
    if webhook:
        for problem in webhook_warnings(webhook, bool(settings.telegram_base_url)):
            log.warning("Webhook URL: %s", problem)

    async def start(runtime: Runtime) -> None:
        adapter = TelegramAdapter(runtime, token, base_url=settings.telegram_base_url, webhook_secret=secret)
        try:
            await adapter.serve(webhook, listen, port)
        except StartupError as exc:
            raise SystemExit(f"Backbone can't start on Telegram: {exc}") from None

    return start


def discord_starter(settings: Settings) -> Starter:
    from bot.adapters.discord import quiet_logs, serve

    token = settings.discord_token.get_secret_value() if settings.discord_token else ""
    if not token:
        raise SystemExit("DISCORD_TOKEN is not set (in the environment or .env).")
    quiet_logs()

    async def start(runtime: Runtime) -> None:
        await serve(settings, runtime, token)

    return start


def run_platforms(settings: Settings, starters: list[Starter]) -> None:
    """Serve until Ctrl-C / SIGTERM, or until an adapter stops (its error is raised)."""
    from bot.scheduler import SchedulerService

    runtime = Runtime(settings)

    async def main() -> None:
        scheduler = SchedulerService(runtime)
        scheduler.start()  # inside the loop: ticks run on the runtime's worker
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.add_signal_handler(sig, stop.set)
        adapters = [asyncio.create_task(start(runtime)) for start in starters]
        stopper = asyncio.create_task(stop.wait())
        try:
            done, _ = await asyncio.wait([*adapters, stopper], return_when=asyncio.FIRST_COMPLETED)
        finally:
            for task in (*adapters, stopper):
                task.cancel()
            for task in adapters:
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await task
            scheduler.shutdown()
        for task in done:
            if task is not stopper and not task.cancelled() and task.exception() is not None:
                raise task.exception()  # type: ignore[misc]

    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        pass
    finally:
        runtime.close()
