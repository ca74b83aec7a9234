"""Replay a YAML script of people talking to the bot; yield one dict per bot output.

    steps:
      - {as: alice, say: "/start"}
      - {as: alice, tap: "Good"}          # a button by label, or {tap: 2} by position
      - {as: alice, in: "group:home", say: "/linkgroup"}
      - {wait: "26h"}                     # move the simulated clock on
"""

from __future__ import annotations

import random
import re
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from bot.config import Settings
from bot.engine.actions import Action, EditMessage, SendFile, SendMessage
from bot.engine.clock import FakeClock
from bot.engine.events import (
    ButtonPress, Chat, CommandMessage, Event, MemberJoined, MemberLeft, Sender, TextMessage, parse_command,
)
from bot.engine.walker import normalise_label
from bot.runtime import Delivery, Runtime

PLATFORM = "console"


class ScriptError(Exception):
    pass


class Step(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    as_: str | None = Field(default=None, alias="as")
    in_: str | None = Field(default=None, alias="in")
    say: str | None = None
    tap: str | int | None = None
    wait: str | None = None
    join: bool | None = None  # the person joins the group named in `in`
    leave: bool | None = None

    @model_validator(mode="after")
    def one_thing(self) -> "Step":
        doing = [k for k in ("say", "tap", "wait", "join", "leave") if getattr(self, k) is not None]
        if len(doing) != 1:
            raise ValueError("each step does exactly one of say, tap, wait, join, leave")
        if self.wait is None and not self.as_:
            raise ValueError("who is acting? add `as: NAME`")
        if self.in_ is not None and not self.in_.startswith("group:"):
            raise ValueError("`in` must look like group:NAME")
        if self.wait is not None and parse_duration(self.wait) is None:
            raise ValueError(f"cannot read the duration {self.wait!r} (try 30m, 26h, 2d)")
        return self


class Script(BaseModel):
    model_config = ConfigDict(extra="forbid")
    start: datetime | None = None
    steps: list[Step]


def parse_duration(text: str) -> timedelta | None:
    parts = re.findall(r"(\d+(?:\.\d+)?)\s*([dhms])", text.strip().lower())
    if not parts or "".join(a + b for a, b in parts) != re.sub(r"\s+", "", text.strip().lower()):
        return None
    unit = {"d": "days", "h": "hours", "m": "minutes", "s": "seconds"}
    delta = timedelta()
    for amount, u in parts:
        delta += timedelta(**{unit[u]: float(amount)})
    return delta


def load_script(path: Path) -> Script:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ScriptError(f"{path}: cannot read: {exc}") from exc
    if not isinstance(raw, dict) or not isinstance(raw.get("steps"), list):
        raise ScriptError(f"{path}: a script is a mapping with a `steps:` list")
    try:
        return Script.model_validate(raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = err["loc"]
        where = f"step {int(loc[1]) + 1}" if len(loc) > 1 and loc[0] == "steps" and isinstance(loc[1], int) else "script"
        raise ScriptError(f"{path}: {where}: {err['msg']}") from exc


@dataclass
class Simulator:
    runtime: Runtime
    clock: FakeClock
    # Functions run after the clock moves (the scheduler plugs in here); each returns deliveries.
    tickers: list[Callable[[], list[Delivery]]] = field(default_factory=list)
    # The buttons last shown in each chat (a group's may be pressed by either partner).
    last_buttons: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    _counter: int = 0
    _run: str = field(default_factory=lambda: uuid.uuid4().hex[:8])  # event ids stay unique across runs on one data folder

    def chat_for(self, step: Step) -> Chat:
        if step.in_:
            return Chat(kind="group", id=f"{PLATFORM}:{step.in_}", title=step.in_[6:])
        return Chat(kind="dm", id=f"{PLATFORM}:{step.as_}")

    def event_for(self, number: int, step: Step) -> Event:
        self._counter += 1
        common: dict[str, Any] = {
            "id": f"sim-{self._run}-{self._counter}", "at": self.clock.now(), "chat": self.chat_for(step),
            "sender": Sender(platform=PLATFORM, user_id=str(step.as_), display_name=str(step.as_).title()),
        }
        if step.say is not None:
            command = parse_command(step.say)
            if command:
                return CommandMessage(name=command[0], args=command[1], **common)
            return TextMessage(text=step.say, **common)
        if step.tap is not None:
            return ButtonPress(key=self._find_button(number, step), **common)
        member = common["sender"]
        if step.join:
            return MemberJoined(member=member, **common)
        return MemberLeft(member=member, **common)

    def _find_button(self, number: int, step: Step) -> str:
        where = self.chat_for(step).id
        buttons = self.last_buttons.get(where) or []
        if not buttons:
            raise ScriptError(f"step {number}: {step.as_} has no buttons to tap")
        if isinstance(step.tap, int):
            if not 1 <= step.tap <= len(buttons):
                raise ScriptError(f"step {number}: there is no button {step.tap} (there are {len(buttons)})")
            return buttons[step.tap - 1][1]
        wanted = normalise_label(str(step.tap))
        labels = [normalise_label(label) for label, _ in buttons]
        for i, label in enumerate(labels):
            if label == wanted:
                return buttons[i][1]
        matches = [i for i, label in enumerate(labels) if wanted and wanted in label]
        if len(matches) == 1:
            return buttons[matches[0]][1]
        shown = ", ".join(label for label, _ in buttons)
        raise ScriptError(f"step {number}: no button {step.tap!r} (buttons: {shown})")

    def output(self, number: int, delivery: Delivery) -> dict[str, Any]:
        action: Action = delivery.action
        out: dict[str, Any] = {"step": number, "to": delivery.chat_id}
        if isinstance(action, (SendMessage, EditMessage)):
            out["text"] = action.text
            out["buttons"] = [b.label for b in action.buttons]
            if isinstance(action, EditMessage):
                out["edit"] = True
            if action.buttons:
                self.last_buttons[f"{delivery.platform}:{delivery.chat_id}"] = [(b.label, b.key) for b in action.buttons]
        elif isinstance(action, SendFile):
            out.update({"text": action.caption, "file": action.filename, "buttons": []})
        return out

    def run(self, script: Script) -> Iterator[dict[str, Any]]:
        for number, step in enumerate(script.steps, start=1):
            if step.wait is not None:
                delta = parse_duration(step.wait)
                assert delta is not None
                self.clock.advance(delta)
                for tick in self.tickers:
                    for delivery in tick():
                        yield self.output(number, delivery)
                continue
            event = self.event_for(number, step)
            for delivery in self.runtime.handle_sync(event):
                yield self.output(number, delivery)


def simulate(script_path: Path, data_dir: Path, settings: Settings | None = None, seed: int = 0) -> Iterator[dict[str, Any]]:
    """Deterministic for a given seed: the same script gives the same phrasings."""
    script = load_script(script_path)
    clock = FakeClock(script.start.astimezone(timezone.utc) if script.start else None)
    settings = (settings or Settings()).model_copy(update={"data_dir": data_dir})
    runtime = Runtime(settings, clock=clock, rng=random.Random(seed))
    simulator = Simulator(runtime, clock)
    for make_ticker in TICKER_FACTORIES:
        simulator.tickers.append(make_ticker(runtime, clock))
    try:
        yield from simulator.run(script)
    finally:
        runtime.close()


# The scheduler registers a factory here: (runtime, clock) -> tick function.
TICKER_FACTORIES: list[Callable[[Runtime, FakeClock], Callable[[], list[Delivery]]]] = []


def _scheduler_ticker(runtime: Runtime, clock: FakeClock) -> Callable[[], list[Delivery]]:
    from bot.scheduler.sim import make_ticker  # imported late: the scheduler imports the runtime too

    return make_ticker(runtime, clock)


TICKER_FACTORIES.append(_scheduler_ticker)
