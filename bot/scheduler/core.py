"""The nudge scheduler: an in-memory index of due times over schedules kept in the store.

The store is the source of truth. At start the index is rebuilt from it: one
entry per person ("p:<id>") and per couple group ("g:<chat>"), holding the
next UTC instant at which something about them may be due. A tick (APScheduler
runs one per minute; the simulator runs one per due time) claims every entry
due by now and, for each, decides and enqueues in ONE store transaction:

- decision records (`nudge_state`: which slot of each kind was handled, when
  each kind was last sent, today's count) and the outbox entry commit
  together, so after a crash either both exist (the outbox sends it; the slot
  is never decided again) or neither does (decided again after restart);
- a slot is decided at most once (its local day is recorded as handled);
- a slot missed by less than `grace_minutes` (downtime) is still sent, once;
  older ones are skipped; never two of one kind to one person on one local
  day; at most `max_nudges_per_day` reminders per person per local day;
- nothing is sent in quiet hours: a slot falling inside them fires when they end;
- while paused, slots are skipped (not saved up for later: no flood on /resume).
"""

from __future__ import annotations

import heapq
import logging
import time as _time
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta, timezone
from typing import Any

from bot.config import Settings
from bot.engine.actions import Action, action_from_dict
from bot.engine.confidentiality import guard
from bot.engine.people import PEOPLE
from bot.outbox import enqueue
from bot.runtime import route
from bot.scheduler import model as m
from bot.scheduler.timecalc import hhmm, local_date, local_instant, quiet_release
from bot.store.protocol import Store

log = logging.getLogger(__name__)

# Registered by the couples feature: fn(store, chat_id, schedule_doc, now) -> actions for the group.
GroupPromptSender = Callable[[Store, str, dict[str, Any], datetime], "list[Action]"]
GROUP_PROMPT_SENDERS: list[GroupPromptSender] = []

DAY = 86400.0
RECHECK_MIN, RECHECK_MAX = 60.0, DAY  # people not yet onboarded are looked at again with backoff
LOG_KEEP = 12  # recent decisions kept in the state doc, for support and tests


def group_prompt_sender(fn: GroupPromptSender) -> GroupPromptSender:
    """Register the function that builds a couple group's scheduled prompt (see bot/scheduler/__init__.py)."""
    GROUP_PROMPT_SENDERS.append(fn)
    return fn


class NudgeScheduler:
    def __init__(self, store: Store, settings: Settings | None = None, *, batch: int = 400):
        self.store = store
        self.settings = settings or Settings()
        self.batch = batch
        self._heap: list[tuple[float, str]] = []
        self._due: dict[str, float] = {}
        self._known: set[str] = set()
        self._recheck: dict[str, float] = {}
        self._plan_cache: dict[tuple[Any, ...], float] = {}
        self.sent = 0  # outbox entries enqueued by this instance (for benches and logs)

    # --- index ------------------------------------------------------------------

    @property
    def grace(self) -> float:
        return self.settings.grace_minutes * 60.0

    @property
    def default_quiet(self) -> tuple[str, str]:
        return (self.settings.quiet_start, self.settings.quiet_end)

    def __len__(self) -> int:
        return len(self._due)

    def _set(self, key: str, due: float | None) -> None:
        if due is None:
            self._due.pop(key, None)
            return
        if self._due.get(key) == due:
            return
        self._due[key] = due
        heapq.heappush(self._heap, (due, key))

    def next_due(self) -> float | None:
        while self._heap:
            due, key = self._heap[0]
            if self._due.get(key) == due:
                return due
            heapq.heappop(self._heap)
        return None

    def load(self, now: float) -> int:
        """Rebuild the index from the store (at start-up). Returns the number of entries."""
        self._heap, self._due, self._known, self._recheck = [], {}, set(), {}
        self._plan_cache: dict[tuple[Any, ...], float] = {}
        headsup_people = {key.split(":", 1)[0] for key in self.store.keys(m.HEADSUP)}
        entries: list[tuple[float, str]] = []
        for pid, person in self.store.scan(PEOPLE):
            self._known.add(pid)
            state = self.store.get(m.STATE, pid) or {}
            due = self._plan_person(pid, person, state, now, pending_headsup=pid in headsup_people)
            if due is not None:
                entries.append((due, "p:" + pid))
        for chat, doc in self.store.scan(m.GROUPS):
            due = self._plan_group(doc, now)
            if due is not None:
                entries.append((due, "g:" + chat))
        self._plan_cache = {}
        self._due = {key: due for due, key in entries}
        self._heap = entries
        heapq.heapify(self._heap)
        return len(self._due)

    def _plan_person(self, pid: str, person: dict[str, Any], state: dict[str, Any], now: float, pending_headsup: bool) -> float | None:
        """The next instant something may be due for this person (without deciding anything)."""
        candidates: list[float] = []
        if pending_headsup:
            candidates.append(now)
        for snooze in state.get("snoozes", []):
            candidates.append(float(snooze.get("at", now)))
        if not person.get("onboarded"):
            created = person.get("created_at")
            age = now - datetime.fromisoformat(created).timestamp() if isinstance(created, str) else 0.0
            candidates.append(now + (RECHECK_MAX if age > DAY else RECHECK_MIN))
        elif not person.get("nudges"):
            candidates.append(now + RECHECK_MAX)
        else:
            quiet = m.quiet_of(state, self.default_quiet)
            handled = state.get("handled", {})
            not_before = max(now - self.grace, float(state.get("since", 0)))
            days = person.get("checkin_days")
            # Most people share a zone, a time and a pattern: plan each combination once per load.
            key = (
                person.get("tz"), person.get("checkin_time"), tuple(days) if isinstance(days, list) else None,
                m._fortnight_parity(pid), tuple(handled.get(k) for k in m.REMINDER_KINDS), quiet, not_before, now,
            )
            due = self._plan_cache.get(key)
            if due is None:
                today = local_date(now, person.get("tz"))
                slots = [m.first_slot(k, pid, person, not_before, handled.get(k), quiet, today) for k in m.REMINDER_KINDS]
                due = self._plan_cache[key] = min((s.fire for s in slots if s is not None), default=float("inf"))
            if due != float("inf"):
                candidates.append(due)
        return min(candidates) if candidates else None

    def _plan_group(self, doc: dict[str, Any], now: float) -> float | None:
        slot = self._group_slot(doc, now - self.grace)
        return slot[1] if slot else None

    # --- ticking ----------------------------------------------------------------

    def tick(self, now: float | None = None) -> int:
        """Claim and handle everything due by `now`. Returns how many deliveries were enqueued."""
        now = _time.time() if now is None else now
        self._absorb_changes(now)
        claimed: list[str] = []
        seen: set[str] = set()
        while self._heap and self._heap[0][0] <= now:
            due, key = heapq.heappop(self._heap)
            if self._due.get(key) == due and key not in seen:
                seen.add(key)
                claimed.append(key)
        before = self.sent
        for start in range(0, len(claimed), self.batch):
            batch = claimed[start:start + self.batch]
            try:
                with self.store.transaction():
                    results = [(key, self._process(key, now)) for key in batch]
            except Exception:
                log.exception("scheduler batch failed; will retry in a minute")
                for key in batch:
                    self._due.pop(key, None)
                    self._set(key, now + 60.0)
                continue
            for key, due in results:
                self._due.pop(key, None)
                self._set(key, due)
        return self.sent - before

    def _absorb_changes(self, now: float) -> None:
        dirty = self.store.keys(m.DIRTY)
        if dirty:
            with self.store.transaction():
                for key in dirty:
                    self.store.delete(m.DIRTY, key)
            for key in dirty:
                self._due.pop(key, None)
                self._set(key, now)
        people = self.store.keys(PEOPLE)
        current = set(people)
        for pid in current - self._known:
            self._set("p:" + pid, now)
        self._known = current

    def _process(self, key: str, now: float) -> float | None:
        kind, _, ident = key.partition(":")
        if kind == "p":
            return self._process_person(ident, now)
        if kind == "g":
            return self._process_group(ident, now)
        return None

    # --- people -----------------------------------------------------------------

    def _deliver(self, action: Action, on_behalf_of: str | None) -> bool:
        allowed = guard(self.store, [action], on_behalf_of=on_behalf_of)
        if not allowed:
            return False
        delivery = route(self.store, allowed[0])
        if delivery is None:
            return False
        enqueue(self.store, delivery)
        self.sent += 1
        return True

    @staticmethod
    def _log(state: dict[str, Any], entry: str) -> None:
        state["log"] = [*state.get("log", []), entry][-LOG_KEEP:]

    def _process_person(self, pid: str, now: float) -> float | None:
        store = self.store
        person = store.get(PEOPLE, pid)
        if person is None:
            self._known.discard(pid)
            return None
        state = store.get(m.STATE, pid) or {}
        original = repr(state)
        tz = person.get("tz")
        quiet = m.quiet_of(state, self.default_quiet)
        paused = m.paused_until(state, now)
        today = local_date(now, tz)
        candidates: list[float] = []

        if person.get("onboarded") and person.get("nudges"):
            self._recheck.pop(pid, None)
            # Slots from before the schedule was (re)made are not "missed": nothing fires on joining.
            since = state.setdefault("since", now)
            not_before = max(now - self.grace, float(since))
            handled = state.setdefault("handled", {})
            for kind in m.REMINDER_KINDS:
                slot = m.first_slot(kind, pid, person, not_before, handled.get(kind), quiet, today)
                while slot is not None and slot.fire <= now:
                    self._decide(pid, person, state, slot, now, paused, today.isoformat())
                    handled[kind] = slot.day.isoformat()
                    slot = m.first_slot(kind, pid, person, not_before, handled[kind], quiet, slot.day)
                if slot is not None:
                    candidates.append(slot.fire)
        elif not person.get("onboarded"):
            interval = min(RECHECK_MAX, self._recheck.get(pid, RECHECK_MIN / 2) * 2)
            self._recheck[pid] = interval
            candidates.append(now + interval)
        else:
            candidates.append(now + RECHECK_MAX)

        # Snoozed nudges.
        kept = []
        for snooze in state.get("snoozes", []):
            fire = quiet_release(float(snooze["at"]), tz, quiet)
            if fire > now:
                kept.append(snooze)
                candidates.append(fire)
                continue
            kind, nid = snooze["kind"], snooze["nid"]
            if now - fire > self.grace:
                self._log(state, f"{nid} snooze skipped: missed")
            elif paused:
                self._log(state, f"{nid} snooze skipped: paused")
            elif state.get("sent_nid", {}).get(kind) != nid:
                self._log(state, f"{nid} snooze skipped: a newer reminder went out")
            elif self._deliver(m.nudge_message(kind, pid, person, nid, state, snoozed=True), pid):
                state.setdefault("sent_at", {})[kind] = now
                self._log(state, f"{nid} snooze sent")
        if kept or "snoozes" in state:
            state["snoozes"] = kept

        # Partner heads-ups held for quiet hours or a pause.
        for key in store.keys(m.HEADSUP, pid + ":"):
            doc = store.get(m.HEADSUP, key) or {}
            expires = float(doc.get("expires", 0))
            release = quiet_release(max(now, paused or now), tz, quiet)
            if expires <= now:
                store.delete(m.HEADSUP, key)
                self._log(state, "heads-up expired")
            elif release > now:
                candidates.append(min(release, expires))
            else:
                store.delete(m.HEADSUP, key)
                action = action_from_dict(doc["action"])
                sent = self._deliver(action, doc.get("owner"))
                self._log(state, "heads-up sent" if sent else "heads-up dropped")

        if repr(state) != original:
            store.put(m.STATE, pid, state)
        return min(candidates) if candidates else None

    def _decide(self, pid: str, person: dict[str, Any], state: dict[str, Any], slot: m.Slot, now: float, paused: float | None, today: str) -> None:
        kind, nid = slot.kind, slot.nid
        tz = person.get("tz")
        sent_at = state.setdefault("sent_at", {})
        if state.get("day") != today:
            state["day"], state["count"] = today, 0
        last = sent_at.get(kind)
        reason = None
        if paused:
            reason = "paused"
        elif last is not None and local_date(float(last), tz).isoformat() == today:
            reason = "one of this kind already today"
        elif int(state.get("count", 0)) >= self.settings.max_nudges_per_day:
            reason = "daily limit reached"
        elif kind == m.CONFIDENTIALITY and last is not None and now - float(last) < m.CONFIDENTIALITY_MIN_DAYS * DAY:
            reason = "too soon since the last one"
        elif kind == m.CONFIDENTIALITY and now - self._joined(person, now) < 7 * DAY:
            reason = "too soon after joining"
        elif kind == m.CHECKIN and self._checked_in_today(pid, tz, today):
            reason = "already checked in today"
        if reason is None:
            if self._deliver(m.nudge_message(kind, pid, person, nid, state), pid):
                sent_at[kind] = now
                state.setdefault("sent_nid", {})[kind] = nid
                state["count"] = int(state.get("count", 0)) + 1
                self._log(state, f"{nid} sent")
                return
            reason = "unreachable"
        self._log(state, f"{nid} skipped: {reason}")

    @staticmethod
    def _joined(person: dict[str, Any], now: float) -> float:
        try:
            return datetime.fromisoformat(str(person.get("created_at"))).timestamp()
        except ValueError:
            return 0.0

    def _checked_in_today(self, pid: str, tz: str | None, today: str) -> bool:
        keys = self.store.keys("checkins", pid + ":")
        if not keys:
            return False
        stamp = keys[-1].rsplit(":", 1)[-1]
        try:
            when = datetime.strptime(stamp[:15], "%Y%m%dT%H%M%S").replace(tzinfo=timezone.utc)
        except ValueError:
            return False
        return local_date(when.timestamp(), tz).isoformat() == today

    # --- groups -----------------------------------------------------------------

    def _group_slot(self, doc: dict[str, Any], not_before: float) -> tuple[str, float] | None:
        if not doc.get("active", True):
            return None
        tz = doc.get("tz")
        not_before = max(not_before, float(doc.get("since", 0)))
        at = hhmm(doc.get("time"), "19:00")
        weekly = doc.get("cadence") == "weekly"
        weekday = int(doc.get("weekday", 6))
        handled = doc.get("handled")
        start = local_date(not_before, tz)
        for offset in range(-1, 9):
            day = start + timedelta(days=offset)
            if (handled is not None and day.isoformat() <= handled) or (weekly and day.weekday() != weekday):
                continue
            fire = local_instant(day, at, tz)
            if fire >= not_before:
                return day.isoformat(), fire
        return None

    def _process_group(self, chat: str, now: float) -> float | None:
        doc = self.store.get(m.GROUPS, chat)
        if doc is None:
            return None
        slot = self._group_slot(doc, now - self.grace)
        changed = False
        while slot is not None and slot[1] <= now:
            day, _ = slot
            actions: list[Action] = []
            for sender in GROUP_PROMPT_SENDERS:
                actions.extend(sender(self.store, chat, doc, datetime.fromtimestamp(now, timezone.utc)))
            if not GROUP_PROMPT_SENDERS:
                log.warning("no @group_prompt_sender registered; group %s prompt skipped", chat)
            for action in actions:
                self._deliver(action, None)
            doc["handled"] = day
            changed = True
            slot = self._group_slot(doc, now - self.grace)
        if changed:
            self.store.put(m.GROUPS, chat, doc)
        return slot[1] if slot else None


def drain(store: Store, platform: str, limit: int = 1000) -> Iterable[Any]:
    """Take the outbox entries of one platform (for the simulator and tests): yields deliveries, marks them done."""
    from bot.outbox import done, pending

    for entry in pending(store, platform, limit):
        yield entry.delivery
        done(store, entry.key)
