"""Pure translation between Discord and the engine: no network, no store.

Inbound: a Discord message or interaction -> an engine event.
Outbound: a Delivery -> keyword arguments for `send` / `edit` (content split to
2,000 characters, markdown and mentions escaped, buttons as a persistent view
of dynamic items, files as attachments).

Functions read only plain attributes (`.id`, `.author.bot`, ...), so tests can
pass real discord.py objects or simple stand-ins."""

from __future__ import annotations

import io
import re
from datetime import datetime
from typing import Any

import discord

from bot.engine.actions import Action, Button, EditMessage, SendFile, SendMessage
from bot.engine.events import (
    ButtonPress, Chat, CommandMessage, Event, GroupMembers, Sender, TextMessage, parse_command,
)

PLATFORM = "discord"
CUSTOM_ID_PREFIX = "bb:"
MAX_CUSTOM_ID = 100
MAX_CONTENT = 2000
MAX_LABEL = 80
MAX_BUTTONS = 25  # 5 rows of 5
NO_MENTIONS = discord.AllowedMentions.none()


# --- ids -----------------------------------------------------------------------


def qualified(channel_id: int | str) -> str:
    return f"{PLATFORM}:{channel_id}"


def custom_id_for(key: str) -> str:
    """The engine's short key on a Discord button. Raises ValueError when it can't fit."""
    custom_id = CUSTOM_ID_PREFIX + key
    if not key or len(custom_id) > MAX_CUSTOM_ID:
        raise ValueError(f"a button key of {len(key)} characters does not fit a custom_id")
    return custom_id


def key_from_custom_id(custom_id: str | None) -> str | None:
    """The engine key in one of our custom_ids; None for anything else (foreign or malformed)."""
    if not custom_id or not custom_id.startswith(CUSTOM_ID_PREFIX) or len(custom_id) > MAX_CUSTOM_ID:
        return None
    key = custom_id[len(CUSTOM_ID_PREFIX):]
    return key or None


# --- inbound -------------------------------------------------------------------


def sender_of(user: Any) -> Sender:
    name = getattr(user, "display_name", None) or getattr(user, "name", None) or ""
    return Sender(platform=PLATFORM, user_id=str(user.id), display_name=str(name)[:64], is_bot=bool(getattr(user, "bot", False)))


def chat_of(channel_id: int | str, guild_id: int | None, title: str = "") -> Chat:
    """A DM is the person's private chat; any server channel or thread is a (possible) couple's group."""
    return Chat(kind="dm" if guild_id is None else "group", id=qualified(channel_id), title=str(title or "")[:100])


_MENTION = re.compile(r"^\s*<@!?(\d+)>\s*")


def strip_bot_mention(text: str, bot_id: int | None) -> str:
    """'<@123> /linkgroup' -> '/linkgroup' when 123 is the bot."""
    match = _MENTION.match(text)
    if match and bot_id is not None and int(match.group(1)) == bot_id:
        return text[match.end():]
    return text


def addressed_to_bot(message: Any, bot_id: int | None) -> bool:
    """In a server channel we only read messages meant for us: a mention or a reply to the bot.
    (Everything else is other people's conversation; we do not even create a record for them.)"""
    if bot_id is None:
        return False
    if any(getattr(u, "id", None) == bot_id for u in getattr(message, "mentions", None) or []):
        return True
    ref = getattr(message, "reference", None)
    resolved = getattr(ref, "resolved", None) if ref is not None else None
    author = getattr(resolved, "author", None)
    return getattr(author, "id", None) == bot_id


def event_from_message(message: Any, now: datetime, bot_id: int | None = None) -> Event | None:
    """A Discord message -> TextMessage / CommandMessage, or None when we ignore it
    (bots, our own messages, system messages, server chatter not addressed to us).

    Attachments are not read: a message with only attachments becomes an empty
    TextMessage, which the engine answers kindly ("I didn't catch any words")."""
    author = message.author
    if getattr(author, "bot", False) or (bot_id is not None and author.id == bot_id):
        return None
    msg_type = getattr(message, "type", discord.MessageType.default)
    if msg_type not in (discord.MessageType.default, discord.MessageType.reply):
        return None
    guild = getattr(message, "guild", None)
    guild_id = getattr(guild, "id", None) if guild is not None else None
    if guild_id is None:
        guild_id = getattr(message, "guild_id", None)
    if guild_id is not None and not addressed_to_bot(message, bot_id):
        return None
    text = strip_bot_mention(message.content or "", bot_id)
    channel = message.channel
    common: dict[str, Any] = {
        "id": f"discord:m:{message.id}",
        "sender": sender_of(author),
        "chat": chat_of(channel.id, guild_id, getattr(channel, "name", "") or ""),
        "at": now,
    }
    command = parse_command(text)
    if command is not None:
        return CommandMessage(name=command[0], args=command[1], **common)
    return TextMessage(text=text, **common)


def event_from_command(
    *, interaction_id: int, user: Any, channel_id: int, guild_id: int | None, name: str, args: str, now: datetime,
    title: str = "",
) -> CommandMessage:
    return CommandMessage(
        id=f"discord:i:{interaction_id}", sender=sender_of(user), chat=chat_of(channel_id, guild_id, title),
        at=now, name=name.casefold()[:64], args=(args or "").strip(),
    )


def event_from_button(
    *, interaction_id: int, user: Any, channel_id: int, guild_id: int | None, key: str, now: datetime, title: str = "",
) -> ButtonPress:
    return ButtonPress(
        id=f"discord:i:{interaction_id}", sender=sender_of(user), chat=chat_of(channel_id, guild_id, title),
        at=now, key=key,
    )


def members_event(
    *, interaction_id: int, user: Any, channel_id: int, guild_id: int, readers: list[Any], now: datetime, title: str = "",
) -> GroupMembers:
    """Who can read this channel (people and bots), for the engine's /linkgroup check."""
    return GroupMembers(
        id=f"discord:members:{interaction_id}", sender=sender_of(user), chat=chat_of(channel_id, guild_id, title),
        at=now, members=tuple(sender_of(m) for m in readers),
    )


# --- outbound ------------------------------------------------------------------


def escape(text: str) -> str:
    """Show the engine's text literally: no markdown, no pings."""
    return discord.utils.escape_mentions(discord.utils.escape_markdown(text))


def split_text(text: str, limit: int = MAX_CONTENT) -> list[str]:
    """Split escaped text into pieces of at most `limit` characters: at a paragraph,
    line or word break where possible, never right after an escaping backslash."""
    if len(text) <= limit:
        return [text]
    pieces = []
    rest = text
    while len(rest) > limit:
        window = rest[:limit]
        cut = -1
        for sep in ("\n\n", "\n", " "):
            at = window.rfind(sep)
            if at > limit // 2:
                cut = at + len(sep)
                break
        if cut <= 0:
            cut = limit
        while cut > 1 and rest[cut - 1] == "\\":  # keep "\*" together
            cut -= 1
        piece, rest = rest[:cut], rest[cut:]
        if piece.strip():
            pieces.append(piece.rstrip())
        rest = rest.lstrip("\n ") if piece.endswith(("\n", " ")) else rest
    if rest.strip():
        pieces.append(rest)
    return pieces or [""]


class BackboneButton(discord.ui.DynamicItem[discord.ui.Button], template=r"bb:(?P<key>[\s\S]{1,97})"):
    """A button carrying the engine's short key in its custom_id. Registered with
    `add_dynamic_items` in setup_hook, so presses on any message work after a restart."""

    def __init__(self, key: str, label: str = "…", style: discord.ButtonStyle = discord.ButtonStyle.secondary):
        super().__init__(discord.ui.Button(label=label_for(label), custom_id=custom_id_for(key), style=style))
        self.key = key

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str]):  # type: ignore[override]
        return cls(match["key"], label=getattr(item, "label", None) or "…")

    async def callback(self, interaction: discord.Interaction) -> None:  # type: ignore[override]
        handler = getattr(interaction.client, "backbone_button", None)
        if handler is not None:
            await handler(interaction, self.key)


def label_for(label: str) -> str:
    label = " ".join(str(label).split())
    if len(label) > MAX_LABEL:
        label = label[: MAX_LABEL - 1] + "…"
    return label or "…"


def view_for(buttons: tuple[Button, ...] | list[Button]) -> discord.ui.View | None:
    """A persistent view (timeout None) with one dynamic button per engine button; at most 25."""
    if not buttons:
        return None
    view = discord.ui.View(timeout=None)
    for button in list(buttons)[:MAX_BUTTONS]:
        try:
            view.add_item(BackboneButton(button.key, button.label))
        except ValueError:
            continue  # a key too long for Discord: leave that button out rather than fail the message
    return view if view.children else None


def _file_of(action: SendFile) -> discord.File:
    filename = re.sub(r"[^A-Za-z0-9._-]", "_", action.filename)[:100] or "file"
    return discord.File(io.BytesIO(action.data), filename=filename)


def send_kwargs(action: Action) -> list[dict[str, Any]]:
    """One dict of `Messageable.send` keyword arguments per message to send.
    Long text is split; the buttons (or the file) go with the last piece.
    Files are built fresh on each call (a discord.File can be sent once)."""
    if isinstance(action, (SendMessage, EditMessage)):
        pieces = split_text(escape(action.text))
        out: list[dict[str, Any]] = [{"content": p, "allowed_mentions": NO_MENTIONS} for p in pieces]
        view = view_for(action.buttons)
        if view is not None:
            out[-1]["view"] = view
        return out
    if isinstance(action, SendFile):
        pieces = split_text(escape(action.caption)) if action.caption else []
        out = [{"content": p, "allowed_mentions": NO_MENTIONS} for p in pieces] or [{"allowed_mentions": NO_MENTIONS}]
        out[-1]["file"] = _file_of(action)
        return out
    raise TypeError(f"unknown action {type(action).__name__}")


def edit_kwargs(action: EditMessage) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Edit the message in place with the first piece; any further pieces are sent
    as new messages (the buttons then move to the last of them)."""
    pieces = send_kwargs(action)
    first = dict(pieces[0])
    first.setdefault("view", None)  # an edit without buttons removes the old ones
    return first, pieces[1:]
