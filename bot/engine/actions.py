"""Actions the engine emits. Adapters turn these into platform calls."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal


@dataclass(frozen=True, kw_only=True)
class Address:
    kind: Literal["person", "group"]
    id: str  # a person id ("p_...") or a group chat id ("telegram:-1001")
    # For replies: the chat the person wrote from, so the answer lands there even
    # when they reach the bot from several platforms (or were just forgotten).
    via: str | None = None

    @staticmethod
    def person(person_id: str) -> "Address":
        return Address(kind="person", id=person_id)

    @staticmethod
    def group(chat_id: str) -> "Address":
        return Address(kind="group", id=chat_id)


@dataclass(frozen=True, kw_only=True)
class Button:
    label: str
    key: str  # at most 64 bytes: fits Telegram callback data and Discord custom ids


@dataclass(frozen=True, kw_only=True)
class Action:
    to: Address
    # Set only on actions that carry a consented share or a content-free notice;
    # the confidentiality guard checks it for anything not addressed to the sender.
    share_id: str | None = None
    notice: str | None = None


@dataclass(frozen=True, kw_only=True)
class SendMessage(Action):
    text: str
    buttons: tuple[Button, ...] = field(default_factory=tuple)
    ref: str | None = None  # the engine's name for this message, so it can edit it later


@dataclass(frozen=True, kw_only=True)
class EditMessage(Action):
    ref: str
    text: str
    buttons: tuple[Button, ...] = field(default_factory=tuple)


@dataclass(frozen=True, kw_only=True)
class SendFile(Action):
    filename: str
    data: bytes
    caption: str = ""
    image: bool = False
    mime: str = "application/octet-stream"


_KINDS: dict[str, type[Action]] = {"send": SendMessage, "edit": EditMessage, "file": SendFile}


def action_to_dict(action: Action) -> dict:
    """A JSON-able form, for the outbox."""
    import base64
    from dataclasses import asdict

    kind = next(k for k, cls in _KINDS.items() if type(action) is cls)
    data = asdict(action)
    if isinstance(action, SendFile):
        data["data"] = base64.b64encode(action.data).decode("ascii")
    return {"kind": kind, **data}


def action_from_dict(data: dict) -> Action:
    import base64

    data = dict(data)
    cls = _KINDS[data.pop("kind")]
    data["to"] = Address(**data["to"])
    if "buttons" in data:
        data["buttons"] = tuple(Button(**b) for b in data["buttons"])
    if cls is SendFile:
        data["data"] = base64.b64decode(data["data"])
    return cls(**data)
