"""Outbound delivery: one rate-limited queue per platform, fed from the durable outbox.

- `DeliveryQueue(send, limits, on_sent=, on_blocked=, on_failed=)`: platform-agnostic;
  `send(delivery)` is async and raises `RetryAfter(seconds)`, `Transient` or `Blocked`.
- `OutboxPump(runtime, platform, send)`: what an adapter runs (`await pump.run()`);
  marks a person who blocked the bot `unreachable: True` on their identity.
- `TELEGRAM`, `DISCORD` limits (`limits_for(platform)`).
"""

from bot.delivery.errors import Blocked, DeliveryError, RetryAfter, Transient
from bot.delivery.limits import DISCORD, TELEGRAM, Limits, limits_for
from bot.delivery.pump import OutboxPump
from bot.delivery.queue import DeliveryQueue

__all__ = [
    "Blocked", "DeliveryError", "RetryAfter", "Transient", "DISCORD", "TELEGRAM", "Limits", "limits_for",
    "OutboxPump", "DeliveryQueue",
]
