"""Events the engine accepts. Adapters build these from platform updates."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal


@dataclass(frozen=True, kw_only=True)
class Sender:
    platform: str  # "telegram", "discord", "console", ...
    user_id: str
    display_name: str = ""
    is_bot: bool = False

    @property
    def identity(self) -> str:
        return f"{self.platform}:{self.user_id}"


@dataclass(frozen=True, kw_only=True)
class Chat:
    kind: Literal["dm", "group"]
    id: str  # platform-qualified, e.g. "telegram:-1001", "console:home"
    title: str = ""


@dataclass(frozen=True, kw_only=True)
class Event:
    id: str  # unique per platform update; a repeated id has no second effect
    sender: Sender
    chat: Chat
    at: datetime  # timezone-aware


@dataclass(frozen=True, kw_only=True)
class TextMessage(Event):
    text: str


@dataclass(frozen=True, kw_only=True)
class CommandMessage(Event):
    name: str  # without the slash, lower-case
    args: str = ""


@dataclass(frozen=True, kw_only=True)
class ButtonPress(Event):
    key: str  # the short key the engine put on the button


@dataclass(frozen=True, kw_only=True)
class MemberJoined(Event):
    member: Sender


@dataclass(frozen=True, kw_only=True)
class MemberLeft(Event):
    member: Sender


@dataclass(frozen=True, kw_only=True)
class GroupMembers(Event):
    """The adapter's answer to "who is in this group" (for /linkgroup).

    Without `headcount`, `members` is the whole membership (people and bots). With it,
    `members` is only who the platform named (e.g. Telegram's administrators) and
    `headcount` is the number of human members as far as the platform can tell
    (Telegram can count a group's members but not list them)."""

    members: tuple[Sender, ...] = field(default_factory=tuple)
    headcount: int | None = None


def parse_command(text: str) -> tuple[str, str] | None:
    """'/Join@BackboneBot ABC-123' -> ('join', 'ABC-123'); None when not a command."""
    stripped = text.strip()
    if not stripped.startswith("/") or len(stripped) < 2:
        return None
    head, _, args = stripped[1:].partition(" ")
    name = head.split("@", 1)[0].casefold()
    if not name or not all(c.isalnum() or c == "_" for c in name):
        return None
    return name[:64], args.strip()
