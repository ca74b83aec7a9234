"""The outbound queue against a local fake sink: limits, 429 retry_after, 5xx backoff, blocked people."""

from __future__ import annotations

import asyncio
import random
import selectors
import time
from collections import defaultdict

from bot.delivery.fake_platform import LimitedSink
from bot.delivery import TELEGRAM, Blocked, DeliveryQueue, Limits, OutboxPump, RetryAfter, Transient
from bot.engine.actions import Address, SendMessage
from bot.engine.people import IDENTITIES
from bot.outbox import OUTBOX, enqueue
from bot.runtime import Delivery
from bot.store import MemoryStore
from tests.scheduler.conftest import add_person
from tests.scheduler.test_exactly_once import FakeRuntime


def dm(chat: str, text: str, person: str = "p_x") -> Delivery:
    return Delivery("telegram", chat, SendMessage(to=Address.person(person), text=text))


def group(chat: str, text: str) -> Delivery:
    return Delivery("telegram", chat, SendMessage(to=Address.group(f"telegram:{chat}"), text=text, notice="group_prompt"))


class Sink:
    def __init__(self, fail=None):
        self.log: list[tuple[float, str, str]] = []
        self.attempts: dict[str, list[float]] = defaultdict(list)
        self.fail = fail or (lambda d, n: None)

    async def send(self, d):
        now = time.monotonic()
        self.attempts[d.action.text].append(now)
        await asyncio.sleep(0.001)
        error = self.fail(d, len(self.attempts[d.action.text]))
        if error:
            raise error
        self.log.append((now, d.chat_id, d.action.text))


async def run_queue(queue, items):
    task = asyncio.create_task(queue.run())
    for key, d in items:
        queue.put(key, d)
    await asyncio.wait_for(queue.join(), 30)
    task.cancel()


async def test_overall_rate_and_per_chat_spacing_and_group_window():
    limits = Limits(per_second=40, dm_interval=0.2, group_max=3, group_window=0.5)
    sink = Sink()
    items = [(f"k{i}", dm(f"c{i % 20}", f"m{i}")) for i in range(60)]
    items += [(f"g{i}", group("g1", f"g{i}")) for i in range(6)]
    started = time.monotonic()
    await run_queue(DeliveryQueue(sink.send, limits), items)
    assert len(sink.log) == 66 and len({t for _, _, t in sink.log}) == 66
    times = sorted(t for t, _, _ in sink.log)
    # 40/s overall: no one-second window holds more than 40 (+1 for timer jitter at the edges)
    assert max(sum(1 for u in times if t <= u < t + 1.0) for t in times) <= 41
    per_chat = defaultdict(list)
    for t, chat, text in sink.log:
        per_chat[chat].append((t, text))
    for chat, sends in per_chat.items():
        if chat.startswith("c"):
            assert [x for _, x in sends] == sorted((x for _, x in sends), key=lambda s: int(s[1:]))  # in order
            assert all(b[0] - a[0] >= 0.19 for a, b in zip(sends, sends[1:]))
    g = [t for t, _ in per_chat["g1"]]
    assert g[3] - g[0] >= 0.49  # at most 3 per 0.5 s into one group
    assert time.monotonic() - started < 10


async def test_429_waits_retry_after_and_5xx_backs_off_then_succeeds():
    def fail(d, attempt):
        if d.action.text == "a" and attempt == 1:
            return RetryAfter(0.3)
        if d.action.text == "b" and attempt <= 2:
            return Transient("502")
        if d.action.text == "c" and attempt == 1:
            return ConnectionError("reset")  # unexpected errors count as transient
        return None

    sink = Sink(fail)
    queue = DeliveryQueue(sink.send, Limits(per_second=200), base_backoff=0.05)
    await run_queue(queue, [("1", dm("x", "a")), ("2", dm("y", "b")), ("3", dm("z", "c"))])
    assert sorted(t for _, _, t in sink.log) == ["a", "b", "c"]
    a = sink.attempts["a"]
    assert len(a) == 2 and a[1] - a[0] >= 0.3
    assert len(sink.attempts["b"]) == 3
    assert queue.stats["retry_after"] == 1 and queue.stats["transient"] == 3


async def test_global_retry_after_pauses_everything():
    def fail(d, attempt):
        return RetryAfter(0.3, scope="global") if d.action.text == "m0" and attempt == 1 else None

    sink = Sink(fail)
    started = time.monotonic()
    await run_queue(DeliveryQueue(sink.send, Limits(per_second=50), concurrency=1), [(f"{i}", dm(f"c{i}", f"m{i}")) for i in range(3)])
    assert min(t for t, _, _ in sink.log) - started >= 0.29


async def test_blocked_person_is_marked_unreachable_not_retried_and_outbox_cleared():
    store = MemoryStore()
    pid = add_person(store, "bob")
    with store.transaction():
        identity = store.get(IDENTITIES, "console:bob")
        identity["dm"] = "telegram:777"
        store.put(IDENTITIES, "console:bob", identity)
        for i in range(3):
            enqueue(store, dm("777", f"hello {i}", person=pid))
        enqueue(store, dm("888", "other"))
    calls = []

    async def send(d):
        calls.append(d.chat_id)
        if d.chat_id == "777":
            raise Blocked("403: bot was blocked by the user")

    await asyncio.wait_for(OutboxPump(FakeRuntime(store), "telegram", send).drain(), 10)
    assert calls.count("777") == 1 and calls.count("888") == 1
    assert store.get(IDENTITIES, "console:bob")["unreachable"] is True
    assert store.keys(OUTBOX) == []


async def test_random_failures_lose_nothing_and_duplicate_nothing():
    rng = random.Random(7)

    def fail(d, attempt):
        r = rng.random()
        return RetryAfter(0.05) if r < 0.1 else Transient("500") if r < 0.2 else None

    store = MemoryStore()
    with store.transaction():
        for i in range(200):
            enqueue(store, dm(f"c{i % 50}", f"m{i}"))
    sink = Sink(fail)
    pump = OutboxPump(FakeRuntime(store), "telegram", sink.send, Limits(per_second=400), base_backoff=0.02)
    await asyncio.wait_for(pump.drain(), 30)
    texts = [t for _, _, t in sink.log]
    assert sorted(texts) == sorted(f"m{i}" for i in range(200)) and len(set(texts)) == 200
    assert store.keys(OUTBOX) == []


# --- a fake clock: the event loop's own time is virtual and jumps to the next timer ----------------


class _VirtualSelector(selectors.BaseSelector):
    """Never blocks on a timeout: the loop's clock jumps ahead instead (no threads may be involved)."""

    def __init__(self):
        self.real = selectors.DefaultSelector()
        self.now = 0.0

    def register(self, fileobj, events, data=None):
        return self.real.register(fileobj, events, data)

    def unregister(self, fileobj):
        return self.real.unregister(fileobj)

    def modify(self, fileobj, events, data=None):
        return self.real.modify(fileobj, events, data)

    def get_map(self):
        return self.real.get_map()

    def close(self):
        self.real.close()

    def select(self, timeout=None):
        events = self.real.select(0)
        if events or timeout == 0:
            return events
        assert timeout is not None, "the virtual loop went idle with nothing scheduled"
        self.now += timeout
        return []


class _VirtualLoop(asyncio.SelectorEventLoop):
    def __init__(self):
        self._virtual = _VirtualSelector()
        super().__init__(self._virtual)

    def time(self):
        return self._virtual.now


def _most_in_a_second(times):
    times, first, most = sorted(times), 0, 0
    for i, t in enumerate(times):
        while times[first] <= t - 1.0:
            first += 1
        most = max(most, i - first + 1)
    return most


def test_failures_cost_little_throughput_on_a_fake_clock():
    """6,000 messages (some chats get two) through TELEGRAM's limits into a 30/s sink that fails
    6% of attempts: the whole batch, first to last, runs at >= 95% of 30/s, nothing lost or
    sent twice, no 429 for going over the limit, and never more than 29 accepted sends started
    in any second. Deterministic: the loop's clock is virtual."""
    messages = 6000
    loop = _VirtualLoop()
    sink = LimitedSink(seed=3, clock=loop.time)

    async def main():
        queue = DeliveryQueue(sink.send, TELEGRAM, base_backoff=0.5, clock=loop.time, rng=random.Random(3))
        task = asyncio.ensure_future(queue.run())
        for i in range(messages):
            queue.put(f"k{i}", dm(str(100000 + i % 5000), f"m{i}"))
        await queue.join()
        task.cancel()
        return queue.stats

    try:
        stats = loop.run_until_complete(main())
    finally:
        loop.close()
    texts = [text for *_, text in sink.accepted]
    assert sorted(texts) == sorted(f"m{i}" for i in range(messages)) and len(set(texts)) == messages
    assert sink.counts["429_over_limit"] == 0
    assert sink.counts["429_injected"] > 100 and sink.counts["5xx"] > 100
    assert stats["retry_after"] == sink.counts["429_injected"] and stats["transient"] == sink.counts["5xx"]
    first, last = sink.accepted[0][1], sink.accepted[-1][1]
    rate = (messages - 1) / (last - first)
    assert rate >= 0.95 * 30, rate
    assert _most_in_a_second([started for started, *_ in sink.accepted]) <= TELEGRAM.per_second
    per_chat = defaultdict(list)
    for started, _, chat, text in sink.accepted:
        per_chat[chat].append((started, int(text[1:])))
    for sends in per_chat.values():
        assert [n for _, n in sends] == sorted(n for _, n in sends)
        assert all(b[0] - a[0] >= TELEGRAM.dm_interval for a, b in zip(sends, sends[1:]))
