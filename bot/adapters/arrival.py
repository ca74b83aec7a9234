"""One chat's turns in the order its updates arrived.

Both platform libraries handle updates concurrently, and a button press must first be
acknowledged over the network (Telegram's answerCallbackQuery, Discord's 3-second defer).
Without an order, a message typed right after a press reaches the engine first and is read
against the wrong step. Each update takes its place as soon as it arrives, may do its own
acknowledging at once, and waits for the earlier updates of its chat only before its turn."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager


class ArrivalOrder:
    def __init__(self) -> None:
        self._last: dict[str, asyncio.Future[None]] = {}  # per chat: done when its newest update is

    @asynccontextmanager
    async def place(self, chat: str) -> AsyncIterator[Callable[[], Awaitable[None]]]:
        """`async with order.place(chat) as my_turn: ...; await my_turn(); <the turn>`.

        The place is taken on entry, before anything awaits, so call it first thing."""
        before = self._last.get(chat)
        mine: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._last[chat] = mine

        async def my_turn() -> None:
            if before is not None:
                await asyncio.shield(before)  # our cancellation must not cancel theirs

        def finish(_: object = None) -> None:
            if not mine.done():
                mine.set_result(None)
            if self._last.get(chat) is mine:
                del self._last[chat]  # nobody queued behind us: forget the chat

        try:
            yield my_turn
        finally:
            # Leaving early (a failed acknowledgement) must not let a later update overtake an
            # earlier one still running: we are done only when those before us are.
            if before is None or before.done():
                finish()
            else:
                before.add_done_callback(finish)

    def __len__(self) -> int:
        return len(self._last)
