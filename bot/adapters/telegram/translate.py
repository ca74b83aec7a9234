"""Pure translation between Telegram and the engine: no I/O, no store, unit-tested.

Telegram update -> engine Event(s); engine Delivery -> the Bot API calls that show it."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urlsplit

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, InputFile, Update
from telegram import User as TgUser

from bot.engine.actions import Button, EditMessage, SendFile, SendMessage
from bot.engine.events import (
    ButtonPress, Chat, CommandMessage, Event, GroupMembers, MemberJoined, MemberLeft, Sender, TextMessage,
    parse_command,
)

PLATFORM = "telegram"
MAX_TEXT = 4096  # characters of one message, counted in UTF-16 code units by Telegram
MAX_CAPTION = 1024
MAX_CALLBACK_BYTES = 64
# The keys the engine makes: "m:menu", "r:resume", "3.1", "<family>:<rest>".
_KEY_RE = re.compile(r"^[A-Za-z0-9_.:\-]{1,64}$")
_COMMAND_NAME_RE = re.compile(r"^[a-z0-9_]{1,32}$")


# --- updates -> events ---------------------------------------------------------------------


def sender_of(user: TgUser) -> Sender:
    name = " ".join(p for p in (user.first_name, user.last_name) if p).strip()
    return Sender(platform=PLATFORM, user_id=str(user.id), display_name=name[:64], is_bot=bool(user.is_bot))


def chat_of(chat: Any) -> Chat | None:
    """Private chat -> a person's DM; group/supergroup -> a (couple) group; channels -> None."""
    if chat is None:
        return None
    if chat.type == "private":
        return Chat(kind="dm", id=f"{PLATFORM}:{chat.id}")
    if chat.type in ("group", "supergroup"):
        return Chat(kind="group", id=f"{PLATFORM}:{chat.id}", title=(chat.title or "")[:128])
    return None


def valid_callback_data(data: object) -> bool:
    """Could this be a key the engine made? (Short, plain ASCII, our grammar.)"""
    return (
        isinstance(data, str)
        and len(data.encode("utf-8")) <= MAX_CALLBACK_BYTES
        and _KEY_RE.match(data) is not None
    )


def addressed_elsewhere(text: str, bot_username: str | None) -> bool:
    """'/start@OtherBot' in a group is for another bot."""
    head = text.strip().split(maxsplit=1)[0] if text.strip() else ""
    if "@" not in head or not bot_username:
        return False
    return head.split("@", 1)[1].casefold() != bot_username.casefold()


def _when(value: datetime | None, now: datetime) -> datetime:
    if value is None:
        return now
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def events_from_update(update: Update, *, bot_username: str | None = None, now: datetime | None = None) -> list[Event]:
    """The engine events for one update; [] for what we don't handle (edits, channel posts,
    stickers in groups, service messages, other bots' commands)."""
    now = now or datetime.now(timezone.utc)
    query = update.callback_query
    if query is not None:
        message = query.message
        chat = chat_of(message.chat) if message is not None else None
        if chat is None or query.from_user is None or not valid_callback_data(query.data):
            return []
        return [ButtonPress(
            id=f"tg-cb-{query.id}", sender=sender_of(query.from_user), chat=chat, at=now, key=str(query.data),
        )]

    message = update.message  # edited_message, channel_post etc. are deliberately not read
    if message is None or message.from_user is None:
        return []
    chat = chat_of(message.chat)
    if chat is None:
        return []
    sender = sender_of(message.from_user)
    base_id = f"tg-m-{message.chat.id}-{message.message_id}"
    at = _when(message.date, now)

    if chat.kind == "group":
        if message.new_chat_members:
            return [
                MemberJoined(id=f"{base_id}-j{m.id}", sender=sender, chat=chat, at=at, member=sender_of(m))
                for m in message.new_chat_members
            ]
        if message.left_chat_member is not None:
            m = message.left_chat_member
            return [MemberLeft(id=f"{base_id}-l{m.id}", sender=sender, chat=chat, at=at, member=sender_of(m))]

    text = message.text
    if text is None:
        if chat.kind == "group":
            return []  # photos, stickers, service messages in a group: not ours to answer
        # In a private chat a sticker, photo or voice note gets a kind "please use words"
        # from the engine (an empty text); a caption counts as text.
        text = message.caption or ""
    command = parse_command(text) if message.text is not None else None
    if command is not None:
        if addressed_elsewhere(text, bot_username):
            return []
        return [CommandMessage(id=base_id, sender=sender, chat=chat, at=at, name=command[0], args=command[1])]
    return [TextMessage(id=base_id, sender=sender, chat=chat, at=at, text=text)]


# --- who is in a group ----------------------------------------------------------------------
# The Bot API can't list a group's members, only count them (getChatMemberCount) and name the
# administrators (getChatAdministrators). The engine gets a GroupMembers event with the
# administrators and a head count of humans, so /linkgroup can refuse a group with a third person.

COUNT_BEFORE_COMMANDS = frozenset({"linkgroup", "prompt"})


def count_members_when(event: Event) -> str | None:
    """"before" the engine sees this event (a command that checks the group is just the couple),
    "after" it (members joined or left, the bot itself added), or None (no count needed)."""
    if event.chat.kind != "group":
        return None
    if isinstance(event, CommandMessage) and event.name in COUNT_BEFORE_COMMANDS:
        return "before"
    if isinstance(event, (MemberJoined, MemberLeft)):
        return "after"
    return None


def members_event(trigger: Event, *, member_count: int, administrators: Iterable[Any], bot_id: int | None) -> GroupMembers:
    """GroupMembers from getChatMemberCount and getChatAdministrators: the administrators by name,
    and the humans counted: every member but the bots we can see (ourselves and bot
    administrators). Other bots can't be told apart, so they count as people: that errs on the
    side of refusing a group, never of posting in one with a stranger."""
    users = [m.user for m in administrators if getattr(m, "user", None) is not None]
    bots = {u.id for u in users if u.is_bot}
    if bot_id is not None:
        bots.add(bot_id)
    return GroupMembers(
        id=f"{trigger.id}-count", sender=trigger.sender, chat=trigger.chat, at=trigger.at,
        members=tuple(sender_of(u) for u in users), headcount=max(0, int(member_count) - len(bots)),
    )


# --- deliveries -> Bot API calls ------------------------------------------------------------


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _cut_point(text: str, limit: int) -> int:
    """The index (in characters) where to end the first chunk of `text`: at most `limit`
    UTF-16 units, preferably at a paragraph, line, sentence or word break."""
    # Largest prefix in characters that fits the limit.
    size, end = 0, 0
    for i, char in enumerate(text):
        size += 2 if ord(char) > 0xFFFF else 1
        if size > limit:
            break
        end = i + 1
    else:
        return len(text)
    window = text[:end]
    floor = end // 2  # never produce a tiny first chunk
    for sep in ("\n\n", "\n", ". ", "! ", "? ", " "):
        at = window.rfind(sep)
        if at >= floor:
            return at + len(sep)
    # No break at all: cut, but not between a character and its combining marks / joiners.
    while end > floor and (text[end] in "\u200d\ufe0f" or 0x0300 <= ord(text[end]) <= 0x036F):
        end -= 1
    return end


def split_text(text: str, limit: int = MAX_TEXT) -> list[str]:
    """Split a long text into messages of at most `limit` UTF-16 units, at natural breaks."""
    text = text.strip() or "…"
    chunks: list[str] = []
    while utf16_len(text) > limit:
        cut = _cut_point(text, limit)
        head, text = text[:cut].rstrip(), text[cut:].lstrip()
        if head:
            chunks.append(head)
    if text:
        chunks.append(text)
    return chunks


def keyboard(buttons: Iterable[Button]) -> InlineKeyboardMarkup | None:
    """Inline keyboard: short labels two to a row, long ones alone; keys over 64 bytes dropped."""
    rows: list[list[InlineKeyboardButton]] = []
    pending: list[InlineKeyboardButton] = []
    for button in buttons:
        if len(button.key.encode("utf-8")) > MAX_CALLBACK_BYTES:
            continue
        item = InlineKeyboardButton(text=button.label[:64] or "·", callback_data=button.key)
        if len(button.label) > 18:
            if pending:
                rows.append(pending)
                pending = []
            rows.append([item])
            continue
        pending.append(item)
        if len(pending) == 2:
            rows.append(pending)
            pending = []
    if pending:
        rows.append(pending)
    return InlineKeyboardMarkup(rows) if rows else None


@dataclass(frozen=True)
class Call:
    """One Bot API call: the bot method's name and its keyword arguments."""

    method: str
    kwargs: dict[str, Any] = field(default_factory=dict)
    ref: str | None = None  # remember the sent message under this engine ref
    has_buttons: bool = False


def chat_id_of(delivery_chat: str) -> int | str:
    try:
        return int(delivery_chat)
    except ValueError:
        return delivery_chat  # "@channelname"; not used by us, but harmless


def calls_for(action: Any, chat_id: int | str, message_id_for: Callable[[str], int | None] = lambda ref: None) -> list[Call]:
    """The Bot API calls that show one engine action in one chat. Text goes as plain text
    (no parse_mode), so nothing a user or a dialog wrote can break markup."""
    if isinstance(action, EditMessage):
        message_id = message_id_for(action.ref)
        if message_id is not None:
            text = split_text(action.text)[0]
            return [Call("edit_message_text", {
                "chat_id": chat_id, "message_id": message_id, "text": text,
                "reply_markup": keyboard(action.buttons),
            }, ref=action.ref, has_buttons=bool(action.buttons))]
        action = SendMessage(to=action.to, text=action.text, buttons=action.buttons, ref=action.ref)
    if isinstance(action, SendMessage):
        chunks = split_text(action.text)
        calls = [Call("send_message", {"chat_id": chat_id, "text": chunk}) for chunk in chunks]
        markup = keyboard(action.buttons)
        last = calls[-1]
        last.kwargs["reply_markup"] = markup
        calls[-1] = Call(last.method, last.kwargs, ref=action.ref, has_buttons=markup is not None)
        return calls
    if isinstance(action, SendFile):
        calls = []
        caption = action.caption.strip()
        if utf16_len(caption) > MAX_CAPTION:
            calls += [Call("send_message", {"chat_id": chat_id, "text": c}) for c in split_text(caption)]
            caption = ""
        file = InputFile(action.data, filename=action.filename or "file", attach=False)
        if action.image:
            calls.append(Call("send_photo", {"chat_id": chat_id, "photo": file, "caption": caption or None}))
        else:
            calls.append(Call("send_document", {"chat_id": chat_id, "document": file, "caption": caption or None}))
        return calls
    return []


# --- start-up ------------------------------------------------------------------------------


def api_urls(base: str | None) -> tuple[str, str]:
    """TELEGRAM_BASE_URL -> (base_url, base_file_url) for PTB; default: the real Bot API."""
    if not base:
        return "https://api.telegram.org/bot", "https://api.telegram.org/file/bot"
    root = base.rstrip("/")
    if root.endswith("/bot"):
        root = root[: -len("/bot")]
    return f"{root}/bot", f"{root}/file/bot"


def webhook_path(url: str) -> str:
    """The local path PTB's webhook server listens on: the public URL's path."""
    return urlsplit(url).path.strip("/")


def command_menu(dialogs: Iterable[Any], commands: Iterable[Any]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(private chat commands, group commands) as (name, description), from the engine's
    dialogs (those with a `command`) and the registry's one-shot commands."""
    private: dict[str, str] = {}
    group: dict[str, str] = {}
    for dialog in dialogs:
        name = getattr(dialog, "command", None)
        if name:
            private.setdefault(name, getattr(dialog, "description", "") or getattr(dialog, "title", "") or name)
    for spec in commands:
        if spec.in_dm:
            private.setdefault(spec.name, spec.description or spec.name)
        if spec.in_groups:
            group.setdefault(spec.name, spec.description or spec.name)
    private.setdefault("help", "what I can do")
    private.setdefault("cancel", "stop what we're doing")
    group.setdefault("help", "what I do in a group")

    def clean(items: dict[str, str]) -> list[tuple[str, str]]:
        out = []
        for name, description in items.items():
            name = name.casefold()
            if not _COMMAND_NAME_RE.match(name):
                continue
            description = " ".join(str(description).split())[:256] or name
            out.append((name, description))
        return out[:100]

    return clean(private), clean(group)
