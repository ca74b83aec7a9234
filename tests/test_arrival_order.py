"""bot.adapters.arrival: one chat's turns in arrival order, whatever each update awaits first."""

from __future__ import annotations

import asyncio

from bot.adapters.arrival import ArrivalOrder


async def _update(order: ArrivalOrder, chat: str, name: str, ack_delay: float, log: list[str], *, leave_early: bool = False) -> None:
    async with order.place(chat) as my_turn:
        await asyncio.sleep(ack_delay)  # acknowledging the platform: free to overlap
        log.append(f"ack {name}")
        if leave_early:
            return
        await my_turn()
        log.append(f"start {name}")
        await asyncio.sleep(0.01)
        log.append(f"end {name}")


async def test_a_slow_acknowledgement_is_not_overtaken() -> None:
    order, log = ArrivalOrder(), []
    await asyncio.gather(_update(order, "c", "press", 0.05, log), _update(order, "c", "text", 0.0, log))
    assert log.index("ack text") < log.index("ack press")  # acknowledging ran freely...
    assert log.index("end press") < log.index("start text")  # ...the turns kept their order
    assert len(order) == 0  # nothing kept once the chat is quiet


async def test_other_chats_are_not_held_up() -> None:
    order, log = ArrivalOrder(), []
    await asyncio.gather(_update(order, "a", "slow", 0.05, log), _update(order, "b", "quick", 0.0, log))
    assert log.index("end quick") < log.index("start slow")


async def test_leaving_early_does_not_let_a_later_update_overtake_an_earlier_one() -> None:
    order, log = ArrivalOrder(), []
    await asyncio.gather(
        _update(order, "c", "first", 0.05, log),
        _update(order, "c", "failed", 0.0, log, leave_early=True),
        _update(order, "c", "third", 0.0, log),
    )
    assert log.index("end first") < log.index("start third")
    assert len(order) == 0


async def test_a_cancelled_update_does_not_cancel_the_one_before() -> None:
    order, log = ArrivalOrder(), []
    first = asyncio.create_task(_update(order, "c", "first", 0.05, log))
    second = asyncio.create_task(_update(order, "c", "second", 0.0, log))
    await asyncio.sleep(0.02)
    second.cancel()
    await asyncio.gather(first, second, return_exceptions=True)
    assert "end first" in log and "start second" not in log
    assert len(order) == 0
