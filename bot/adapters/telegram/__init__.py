"""Backbone on Telegram (python-telegram-bot 22): `backbone run telegram`.

Long polling by default; `--webhook URL` serves a webhook (secret token verified) on
`listen:port`. TELEGRAM_BASE_URL points at another Bot API server (an emulator, or a
self-hosted Bot API server)."""

from __future__ import annotations

import logging
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
    """Run the bot on Telegram until Ctrl-C / SIGTERM (with the scheduler). Exits with one clear
    line on a missing or bad token, an unreachable server, or another instance polling the same token (409)."""
    from bot.serve import run_platforms, telegram_starter

    run_platforms(settings, [telegram_starter(settings, webhook, listen, port)])


__all__ = ["run_telegram"]
