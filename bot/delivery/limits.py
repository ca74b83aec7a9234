"""Platform rate limits and the gate that keeps a queue inside them."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    per_second: float  # overall, across all chats
    dm_interval: float = 0.0  # seconds between two messages to one private chat
    group_max: int = 0  # at most this many messages ...
    group_window: float = 0.0  # ... per this many seconds into one group (0: no limit)


# A hair (at least one message) under the documented figures: "about 30/s" is not a promise
# to the millisecond, and arrival times jitter by a few tens of milliseconds (the Gate lets
# that jitter use the one message of room, and no more).
TELEGRAM = Limits(per_second=29.0, dm_interval=1.0, group_max=20, group_window=60.0)
DISCORD = Limits(per_second=48.0)
UNLIMITED = Limits(per_second=1000.0)
LIMITS = {"telegram": TELEGRAM, "discord": DISCORD}


def limits_for(platform: str) -> Limits:
    return LIMITS.get(platform, UNLIMITED)


class Gate:
    """Bookkeeping for the three limits. Times are the queue's monotonic clock.

    Overall, over the sends the platform accepted and those still in flight
    (each at the time it started):
    - at most `per_second` (`capacity`) in any sliding second;
    - at most `capacity + 1` in any sliding `1 s + jitter`: the platform counts
      a send when it arrives, up to `jitter` later relative to another, and
      this keeps its count within `capacity + 1`, the documented limit that
      `per_second` stays a hair under;
    - no two attempts closer than `min_gap` (half the average spacing): no bursts.

    Nothing is reserved ahead: the queue asks `ready_global` when the send it is
    about to start may go, and `take_global` records it as it starts. A send the
    platform did not process (5xx, a chat's own 429) is taken out again
    (`refund_global`); since no later send was booked against the window that
    still held it, the next send uses its place at once: a failure costs the
    time it was in flight, not a whole slot."""

    WINDOW = 1.0
    EPSILON = 1e-6  # "within a second" is open at one end; don't let rounding put a send on the edge

    def __init__(self, limits: Limits):
        self.limits = limits
        self.capacity = max(1, int(limits.per_second * self.WINDOW))
        self.jitter = 0.9 / limits.per_second  # how much later one send may arrive than another, relatively
        self.min_gap = 0.5 / limits.per_second
        self._window: deque[float] = deque()  # starts of accepted and in-flight sends, ascending
        self._last = float("-inf")  # start of the latest attempt, whatever became of it
        self._paused_until = 0.0
        self._last_dm: dict[str, float] = {}
        self._group_sends: dict[str, deque[float]] = {}

    def chat_ready(self, chat: str, is_group: bool) -> float:
        """Earliest time the per-chat limit allows the next message to `chat`."""
        if is_group:
            sends = self._group_sends.get(chat)
            if self.limits.group_window and sends is not None and len(sends) >= self.limits.group_max:
                return sends[0] + self.limits.group_window
            return 0.0
        last = self._last_dm.get(chat)
        return 0.0 if last is None else last + self.limits.dm_interval

    def ready_global(self, now: float) -> float:
        """Earliest time the overall limit allows the next send to start (`now` or later)."""
        window, cap = self._window, self.capacity
        while window and window[0] <= now - self.WINDOW - self.jitter:
            window.popleft()
        ready = max(now, self._last + self.min_gap, self._paused_until)
        if len(window) >= cap:
            ready = max(ready, window[-cap] + self.WINDOW + self.EPSILON)
        if len(window) > cap:
            ready = max(ready, window[-cap - 1] + self.WINDOW + self.jitter + self.EPSILON)
        return ready

    def take_global(self, now: float) -> float:
        """Take the overall place of a send starting now; returns its slot (for `refund_global`).
        If the limit does not allow a send now, the slot is the earliest time it does and the
        caller must not start before then (the queue only calls this once `ready_global` <= now)."""
        slot = self.ready_global(now)
        self._window.append(slot)
        self._last = slot
        return slot

    def refund_global(self, slot: float) -> None:
        """The send started at `slot` was not processed by the platform: free its place."""
        try:
            self._window.remove(slot)
        except ValueError:
            pass

    def pause_all(self, until: float) -> None:
        self._paused_until = max(self._paused_until, until)

    def record(self, chat: str, is_group: bool, at: float) -> None:
        if is_group:
            if self.limits.group_window:
                sends = self._group_sends.setdefault(chat, deque())
                sends.append(at)
                while len(sends) > self.limits.group_max:
                    sends.popleft()
        elif self.limits.dm_interval:
            self._last_dm[chat] = at
