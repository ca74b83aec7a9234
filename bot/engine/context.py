"""What a hook sees during one turn of the engine."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from bot.config import Settings
from bot.engine.actions import Action
from bot.engine.clock import Clock
from bot.engine.events import Event
from bot.store.protocol import Store


@dataclass
class TurnContext:
    store: Store
    clock: Clock
    settings: Settings
    event: Event
    person: dict[str, Any]  # the person's record; saved at the end of the turn
    vars: dict[str, Any] = field(default_factory=dict)  # the running dialog's variables
    answer: Any = None  # the typed text or chosen value, for validate hooks
    rng: random.Random = field(default_factory=random.Random)
    outbox: list[Action] = field(default_factory=list)  # extra actions hooks emit
    # Set by a command or button handler to start a dialog in the person's private chat.
    start_dialog: str | None = None

    @property
    def person_id(self) -> str:
        return str(self.person["id"])
