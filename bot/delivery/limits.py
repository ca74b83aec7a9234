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


# A hair under the documented figures: "about 30/s" is not a promise to the millisecond,
# and arrival times jitter by a few tens of milliseconds.
TELEGRAM = Limits(per_second=29.0, dm_interval=1.0, group_max=20, group_window=60.0)
DISCORD = Limits(per_second=48.0)
UNLIMITED = Limits(per_second=1000.0)
LIMITS = {"telegram": TELEGRAM, "discord": DISCORD}


def limits_for(platform: str) -> Limits:
    return LIMITS.get(platform, UNLIMITED)


class Gate:
    """Bookkeeping for the three limits. Times are the queue's monotonic clock.

    Overall: at most `per_second` sends in any sliding second (counting sends
    still in flight), never two closer than 90% of the average spacing.
    A send the platform did not accept (5xx, a chat's own 429) is taken out
    of the window again, so failures don't eat into the allowance."""

    WINDOW = 1.0

    def __init__(self, limits: Limits):
        self.limits = limits
        self.capacity = max(1, int(limits.per_second * self.WINDOW))
        self.min_gap = 0.9 / limits.per_second  # some room to fill the gaps failures leave, no bursts
        self._window: deque[float] = deque()
        self._last = float("-inf")
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

    def take_global(self, now: float) -> float:
        """Reserve the next overall send slot; returns when it is (may be now)."""
        slot = max(now, self._last + self.min_gap, self._paused_until)
        window = self._window
        while window and window[0] <= now - self.WINDOW:
            window.popleft()
        if len(window) >= self.capacity:
            slot = max(slot, window[-self.capacity] + self.WINDOW)
        window.append(slot)
        self._last = slot
        return slot

    def refund_global(self, slot: float) -> None:
        """The send reserved at `slot` was not processed by the platform: free its place."""
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
