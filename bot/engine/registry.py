"""Commands and button families that live outside dialog files, registered by name.

Dialog files cover step-by-step conversations; these cover one-shot commands
(/pair CODE) and buttons on messages that are not part of a dialog (a nudge's
snooze, a group prompt's "Answer")."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.engine.actions import Action
    from bot.engine.context import TurnContext

GroupEventFn = Callable[["TurnContext"], "list[Action]"]
CommandFn = Callable[["TurnContext", str], "list[Action]"]
ButtonFn = Callable[["TurnContext", str], "list[Action]"]


@dataclass(frozen=True)
class CommandSpec:
    name: str
    fn: CommandFn
    description: str
    in_dm: bool = True
    in_groups: bool = False
    needs_onboarding: bool = True


COMMANDS: dict[str, CommandSpec] = {}
BUTTONS: dict[str, ButtonFn] = {}
# Non-command events in a group chat (plain text, members joining or leaving).
GROUP_EVENT_HANDLERS: list[GroupEventFn] = []


def command(
    name: str, description: str, *, in_dm: bool = True, in_groups: bool = False, needs_onboarding: bool = True
) -> Callable[[CommandFn], CommandFn]:
    def register(fn: CommandFn) -> CommandFn:
        COMMANDS[name] = CommandSpec(name, fn, description, in_dm, in_groups, needs_onboarding)
        return fn

    return register


def button_family(prefix: str) -> Callable[[ButtonFn], ButtonFn]:
    """Buttons whose key starts with `prefix` + ":" go to this function with the rest of the key."""

    def register(fn: ButtonFn) -> ButtonFn:
        BUTTONS[prefix] = fn
        return fn

    return register


def on_group_event(fn: GroupEventFn) -> GroupEventFn:
    GROUP_EVENT_HANDLERS.append(fn)
    return fn
