"""Telegram's limits: PTB's AIORateLimiter (overall and per group, RetryAfter honoured) plus
the per-private-chat limit it lacks, and retries with backoff for network errors and 5xx."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut
from telegram.ext import AIORateLimiter

log = logging.getLogger(__name__)
T = TypeVar("T")

# Bot API methods that put something into a chat and so count against its limit.
SENDING = frozenset({
    "sendMessage", "sendPhoto", "sendDocument", "editMessageText", "editMessageReplyMarkup",
    "editMessageCaption", "sendMediaGroup", "copyMessage", "forwardMessage",
})
# Questions about a chat: they don't post anything, so they don't use up a group's 20 messages a minute.
READING = frozenset({"getChat", "getChatMember", "getChatMemberCount", "getChatAdministrators"})


class TokenBucket:
    """`rate` per second with bursts of `burst`; `acquire()` waits for a token, first come first served."""

    def __init__(self, rate: float, burst: int, clock: Callable[[], float] = time.monotonic):
        self.rate = rate
        self.burst = burst
        self.clock = clock
        self.tokens = float(burst)
        self.stamp = clock()
        self.lock = asyncio.Lock()
        self.last_used = self.stamp

    def delay(self) -> float:
        """Take a token; return how long to wait before using it (pure bookkeeping, no sleep)."""
        now = self.clock()
        self.tokens = min(float(self.burst), self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        self.last_used = now
        self.tokens -= 1.0
        return 0.0 if self.tokens >= 0 else -self.tokens / self.rate

    async def acquire(self) -> None:
        async with self.lock:
            wait = self.delay()
        if wait > 0:
            await asyncio.sleep(wait)


class PrivateChatLimiter:
    """About one message a second per private chat (short bursts pass)."""

    def __init__(self, rate: float = 1.0, burst: int = 3, max_chats: int = 4096):
        self.rate = rate
        self.burst = burst
        self.max_chats = max_chats
        self.buckets: dict[int, TokenBucket] = {}

    async def acquire(self, chat_id: int) -> None:
        if self.rate <= 0:
            return
        bucket = self.buckets.get(chat_id)
        if bucket is None:
            if len(self.buckets) >= self.max_chats:
                idle = sorted(self.buckets, key=lambda c: self.buckets[c].last_used)[: self.max_chats // 2]
                for key in idle:
                    del self.buckets[key]
            bucket = self.buckets[chat_id] = TokenBucket(self.rate, self.burst)
        await bucket.acquire()


def private_chat(data: dict[str, Any]) -> int | None:
    """The chat id when a request goes into a private chat (positive ids), else None."""
    chat_id = data.get("chat_id")
    try:
        chat = int(chat_id)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return chat if chat > 0 else None


class BackboneRateLimiter(AIORateLimiter):
    """AIORateLimiter (30/s overall, 20/min per group, RetryAfter waited out and retried)
    plus the per-private-chat limit. Reading a group's member count or administrators
    doesn't count against the group's limit."""

    def __init__(self, *, private_rate: float = 1.0, private_burst: int = 3, max_retries: int = 3, **kw: Any):
        super().__init__(max_retries=max_retries, **kw)
        self.private = PrivateChatLimiter(private_rate, private_burst)

    async def process_request(self, callback, args, kwargs, endpoint, data, rate_limit_args):  # type: ignore[no-untyped-def, override]
        if endpoint in SENDING:
            chat = private_chat(data)
            if chat is not None:
                await self.private.acquire(chat)
        elif endpoint in READING:  # only the overall limit applies (data here only steers the limiter)
            data = {k: v for k, v in data.items() if k != "chat_id"}
        return await super().process_request(callback, args, kwargs, endpoint, data, rate_limit_args)


async def with_retries(
    call: Callable[[], Awaitable[T]], *, attempts: int = 4, base_delay: float = 0.5, max_delay: float = 8.0,
) -> T:
    """Retry network errors and 5xx (PTB raises NetworkError for both) with exponential backoff.
    Bad requests and Forbidden are not retried; RetryAfter that the rate limiter gave up on
    is waited out once more."""
    delay = base_delay
    for attempt in range(1, attempts + 1):
        try:
            return await call()
        except (BadRequest, Forbidden):
            raise
        except RetryAfter as exc:
            if attempt == attempts:
                raise
            delta = getattr(exc, "_retry_after", None)
            wait = delta.total_seconds() if hasattr(delta, "total_seconds") else 1.0
            log.warning("Telegram asked us to slow down; waiting %.1fs", wait)
            await asyncio.sleep(float(wait) + 0.1)
        except (NetworkError, TimedOut) as exc:
            if attempt == attempts:
                raise
            log.warning("Telegram call failed (%s); retry %d in %.1fs", type(exc).__name__, attempt, delay)
            await asyncio.sleep(delay)
            delay = min(max_delay, delay * 2)
    raise AssertionError("unreachable")  # pragma: no cover
