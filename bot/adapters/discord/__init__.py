"""Backbone on Discord (discord.py 2): `backbone run discord`.

- translate.py: Discord <-> engine events/actions, pure functions.
- commands.py: slash commands mirroring the engine's, synced only when their hash changed.
- client.py: the client (plain or auto-sharded), interactions, sending, outbox, faults.

The bot needs the Server Members intent enabled in the developer portal (to tell
who can read a couple's channel); it does not need the Message Content intent."""

from __future__ import annotations

import logging
import re

from bot.config import Settings

log = logging.getLogger(__name__)

_SECRETS = re.compile(r"(/(?:webhooks|interactions)/\d+/)[A-Za-z0-9._-]+")


class RedactTokens(logging.Filter):
    """Interaction tokens appear in discord.py's URLs (rate-limit warnings): never write them."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.args:
            record.msg = record.getMessage()
            record.args = None
        if isinstance(record.msg, str):
            record.msg = _SECRETS.sub(r"\1<token>", record.msg)
        return True


def quiet_logs() -> None:
    """discord.py logs request bodies and gateway payloads (message text) at DEBUG: never below INFO."""
    lib = logging.getLogger("discord")
    if lib.getEffectiveLevel() < logging.INFO:
        lib.setLevel(logging.INFO)
    redact = RedactTokens()
    for handler in logging.getLogger().handlers:
        if not any(isinstance(f, RedactTokens) for f in handler.filters):
            handler.addFilter(redact)


async def serve(settings: Settings, runtime, token: str) -> None:  # type: ignore[no-untyped-def]
    """Run until closed. Starts sharded when DISCORD_SHARDS is set, and switches to
    AutoShardedClient (Discord's recommended shard count) if Discord asks (close code 4011)."""
    import discord

    from bot.adapters.discord.client import create_client

    sharded = settings.discord_shards is not None
    while True:
        client = create_client(runtime, sharded=sharded, shard_count=settings.discord_shards)
        try:
            async with client:  # type: ignore[attr-defined]
                await client.start(token)  # type: ignore[attr-defined]  # reconnects on its own
            return
        except discord.ConnectionClosed as exc:
            if exc.code == 4011 and not sharded:
                log.info("Discord asks for sharding; restarting with AutoShardedClient")
                sharded = True
                continue
            raise


def run_discord(settings: Settings) -> None:
    """Run the bot on Discord until Ctrl-C / SIGTERM, with the scheduler."""
    from bot.serve import discord_starter, run_platforms

    run_platforms(settings, [discord_starter(settings)])
