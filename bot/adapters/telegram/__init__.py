"""Backbone on Telegram (python-telegram-bot 22): `backbone run telegram`.

Long polling by default; `--webhook URL` serves a webhook (secret token verified) on
`listen:port`. TELEGRAM_BASE_URL points at another Bot API server (an emulator, or a
self-hosted Bot API server)."""

from __future__ import annotations

import asyncio
import logging
import signal
from urllib.parse import urlsplit

from bot.config import Settings

log = logging.getLogger("bot.adapters.telegram")

WEBHOOK_PORTS = (443, 80, 88, 8443)


def webhook_warnings(url: str, custom_server: bool) -> list[str]:
    """What the real Bot API would refuse about a public webhook URL."""
    parts = urlsplit(url)
    problems = []
    if not custom_server:
        if parts.scheme != "https":
            problems.append("Telegram only calls https:// webhooks")
        port = parts.port or (443 if parts.scheme == "https" else 80)
        if port not in WEBHOOK_PORTS:
            problems.append(f"Telegram only calls webhooks on ports {', '.join(map(str, WEBHOOK_PORTS))}")
    return problems


def run_telegram(settings: Settings, webhook: str | None, listen: str, port: int) -> None:
    """Run the bot until Ctrl-C / SIGTERM. Exits with one clear line on a missing or bad token,
    an unreachable server, or another instance already polling the same token (409)."""
    from bot.adapters.telegram.app import StartupError, TelegramAdapter
    from bot.adapters.telegram.logs import protect_logs
    from bot.runtime import Runtime

    token = settings.telegram_token.get_secret_value() if settings.telegram_token else ""
    if not token:
        raise SystemExit("TELEGRAM_TOKEN is not set. Put it in .env or the environment (see .env.example).")
    protect_logs([token, settings.telegram_webhook_secret.get_secret_value() if settings.telegram_webhook_secret else ""])
    if webhook:
        for problem in webhook_warnings(webhook, bool(settings.telegram_base_url)):
            log.warning("Webhook URL: %s", problem)

    runtime = Runtime(settings)
    try:
        adapter = TelegramAdapter(
            runtime, token, base_url=settings.telegram_base_url,
            webhook_secret=settings.telegram_webhook_secret.get_secret_value() if settings.telegram_webhook_secret else None,
        )

        async def main() -> None:
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGINT, signal.SIGTERM):
                try:
                    loop.add_signal_handler(sig, adapter.stop)
                except (NotImplementedError, RuntimeError):  # pragma: no cover (Windows)
                    pass
            await adapter.serve(webhook, listen, port)

        try:
            asyncio.run(main())
        except StartupError as exc:
            raise SystemExit(f"Backbone can't start on Telegram: {exc}") from None
    finally:
        runtime.close()


__all__ = ["run_telegram"]
