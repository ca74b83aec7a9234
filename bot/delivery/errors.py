"""What a platform `send(delivery)` callable raises, so the queue knows what to do."""

from __future__ import annotations


class DeliveryError(Exception):
    pass


class RetryAfter(DeliveryError):
    """The platform said "too many requests, wait `seconds`" (HTTP 429).
    `scope="chat"` pauses that chat only; `scope="global"` pauses the whole queue."""

    def __init__(self, seconds: float, scope: str = "chat"):
        super().__init__(f"retry after {seconds}s ({scope})")
        self.seconds = max(0.0, float(seconds))
        self.scope = scope


class Transient(DeliveryError):
    """A 5xx, a timeout, a dropped connection: try again later with backoff."""


class Blocked(DeliveryError):
    """The person blocked the bot or closed their DMs (Telegram 403, Discord 50007): never retry."""
