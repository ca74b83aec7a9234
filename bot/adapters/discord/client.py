"""The Discord client: gateway events in, engine turns on the runtime's worker, sends out.

Nothing here decides what to say; the engine does. This module answers
interactions in time, sends what the engine returns, polls the outbox, and
turns Discord faults (closed DMs, rate limits, outages) into the right
bookkeeping. Logs carry ids, kinds and lengths, never message text or tokens."""

from __future__ import annotations

import asyncio
import logging
import time
import traceback
from enum import Enum
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp
import discord
from discord import app_commands

from bot import outbox
from bot.adapters.arrival import ArrivalOrder
from bot.adapters.discord.commands import build_tree, commands_hash, engine_commands, read_hash, write_hash
from bot.adapters.discord.translate import (
    NO_MENTIONS, PLATFORM, BackboneButton, edit_kwargs, event_from_button, event_from_command, event_from_message,
    key_from_custom_id, members_event, qualified, send_kwargs,
)
from bot.engine.actions import Address, EditMessage, SendFile, SendMessage
from bot.delivery import OutboxPump, RetryAfter, Transient
from bot.engine.people import IDENTITIES, PEOPLE, mark_unreachable
from bot.runtime import Delivery, Runtime
from bot.store.protocol import Store

log = logging.getLogger(__name__)

REFS = "discord_refs"  # "<person id>:<ref>" or "<group chat id>:<ref>" -> {"channel", "message"}

CLOSED_DM = 50007

SORRY = "Something went wrong on my side. Please try again in a moment."
NOT_HERE = (
    "That one works in a private chat with me: send it to me in a direct message. "
    "In a server channel I only run couple prompts, once both partners have linked it with /linkgroup."
)
STALE_BUTTON = "That button isn't active any more. Send /menu to me in a direct message to see what we can do."
STALE_COMMAND = "I don't know that command any more. Try /help."
GROUP_REFUSED = (
    "I only post couple prompts where just the two partners (and bots) can read along, and someone else can "
    "read this channel. A private channel or thread for the two of you works; link it there with /linkgroup."
)


def unreachable_notice(name: str) -> str:
    who = name or "one of you"
    return (
        f"Heads-up: I can't reach {who} by direct message on Discord right now, so my private messages to them are "
        "on hold. Allowing direct messages from this server's members (or sending me a DM) fixes it."
    )


class Outcome(Enum):
    SENT = "sent"
    DROPPED = "dropped"  # can never succeed (closed DM, deleted channel, bad id): don't retry
    RETRY = "retry"  # temporary (rate limit, outage): try again later


def _log_failure(what: str, exc: BaseException) -> None:
    """Log an exception's type and stack, not its message (which may quote user text)."""
    frames = "".join(traceback.format_tb(exc.__traceback__)[-4:])
    log.error("%s: %s\n%s", what, type(exc).__name__, frames)


# --- store work (always run on the runtime's worker via run_sync) ---------------


def save_ref(store: Store, key: str, channel_id: str, message_id: int) -> None:
    with store.transaction():
        store.put(REFS, key, {"channel": channel_id, "message": message_id})


def load_ref(store: Store, key: str) -> dict[str, Any] | None:
    return store.get(REFS, key)


def couple_only(store: Store, discord_user_ids: list[str]) -> bool:
    """True when every (human) reader is a known person and they are at most one couple."""
    person_ids = set()
    for user_id in discord_user_ids:
        identity = store.get(IDENTITIES, qualified(user_id))
        if identity is None:
            return False
        person_ids.add(identity["person"])
    if len(person_ids) > 2:
        return False
    if len(person_ids) == 2:
        a, b = (store.get(PEOPLE, p) or {} for p in sorted(person_ids))
        if a.get("couple") and a.get("couple") == b.get("couple"):
            return True
        return bool(a.get("partner")) and a.get("partner") == b.get("id")
    return True


def linked_groups(store: Store, person: dict[str, Any]) -> list[str]:
    """Discord channels linked to the person's couple. The engine has no helper for this yet;
    we look where the couples feature keeps it (a `couples` doc's group field(s))."""
    found: list[str] = []
    couple_id = person.get("couple")
    docs = []
    if couple_id:
        docs.append(store.get("couples", str(couple_id)) or {})
    for doc in docs:
        for field in ("group", "group_id", "group_chat", "groups", "linked_groups"):
            value = doc.get(field)
            values = value if isinstance(value, list) else [value]
            found += [v for v in values if isinstance(v, str) and v.startswith(PLATFORM + ":")]
    return sorted(set(found))


def unreachable_person(store: Store, person_id: str, dm_chat: str) -> tuple[str, list[str]]:
    """Flag the person's Discord identity (the one with this DM) unreachable.
    Returns their name and their couple's Discord channels, for a content-free notice."""
    person = store.get(PEOPLE, person_id)
    if person is None:
        return "", []
    mark_unreachable(store, dm_chat, person_id)
    return str(person.get("name") or person.get("display_name") or ""), linked_groups(store, person)


# --- the client ------------------------------------------------------------------


class BackboneTree(app_commands.CommandTree):
    async def on_error(self, interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
        log.warning("slash command interaction %s failed: %s", interaction.id, type(error).__name__)
        try:
            if not interaction.response.is_done():
                await interaction.response.send_message(STALE_COMMAND, ephemeral=True)
        except discord.HTTPException:
            pass


class _Backbone:
    """Mixed into discord.Client or discord.AutoShardedClient."""

    def __init__(self, runtime: Runtime, *, poll_interval: float = 1.0, sync_commands: bool = True, **options: Any):
        options.setdefault("allowed_mentions", NO_MENTIONS)
        super().__init__(**options)  # type: ignore[call-arg]
        self.runtime = runtime
        self.poll_interval = poll_interval
        self.sync_commands = sync_commands
        self.tree = BackboneTree(self)  # type: ignore[arg-type]
        self._outbox_task: asyncio.Task[None] | None = None
        self._paused_until = 0.0
        self.synced = False
        self.arrivals = ArrivalOrder()  # one channel's turns in the order its events came

    # -- lifecycle

    async def setup_hook(self) -> None:
        self.add_dynamic_items(BackboneButton)  # type: ignore[attr-defined]  # buttons work after a restart
        build_tree(self.tree, engine_commands(self.runtime.engine.dialogs))
        if self.sync_commands:
            await self.sync_commands_if_changed()
        pump = OutboxPump(self.runtime, PLATFORM, self.send_from_outbox, poll_seconds=self.poll_interval)
        self._outbox_task = asyncio.create_task(pump.run(), name="backbone-discord-outbox")

    async def close(self) -> None:
        if self._outbox_task is not None:
            self._outbox_task.cancel()
            try:
                await self._outbox_task
            except (asyncio.CancelledError, Exception):
                pass
            self._outbox_task = None
        await super().close()  # type: ignore[misc]

    async def sync_commands_if_changed(self) -> bool:
        data_dir = self.runtime.settings.data_dir
        app_id = self.application_id  # type: ignore[attr-defined]
        current = commands_hash(self.tree, app_id)
        previous = await self.runtime.run_sync(read_hash, data_dir)
        if previous == current:
            log.info("slash commands unchanged; not syncing")
            return False
        await self.tree.sync()
        await self.runtime.run_sync(write_hash, data_dir, current)
        self.synced = True
        log.info("slash commands synced (%d)", len(self.tree.get_commands()))
        return True

    def now(self):  # type: ignore[no-untyped-def]
        return self.runtime.engine.clock.now()

    # -- inbound: messages

    async def on_message(self, message: discord.Message) -> None:
        async with self.arrivals.place(str(message.channel.id)) as my_turn:
            await my_turn()
            await self._on_message(message)

    async def _on_message(self, message: discord.Message) -> None:
        me = self.user  # type: ignore[attr-defined]
        try:
            event = event_from_message(message, self.now(), me.id if me else None)
        except Exception as exc:  # a payload shape we didn't expect: skip it, never crash
            _log_failure(f"could not read message {message.id}", exc)
            return
        if event is None:
            return
        log.info("message %s from %s in %s (%d chars, %d attachments)", message.id, event.sender.user_id,
                 event.chat.kind, len(message.content or ""), len(message.attachments or []))
        try:
            deliveries = await self.runtime.handle(event, local=PLATFORM)
        except Exception as exc:
            _log_failure(f"turn for message {message.id} failed", exc)
            await self._send_plain(message.channel, SORRY)
            return
        for delivery in deliveries:
            await self.deliver(delivery)

    # -- inbound: interactions

    async def on_interaction(self, interaction: discord.Interaction) -> None:
        """Buttons that aren't ours (a foreign or malformed custom_id) get a kind answer.
        Ours are dispatched by discord.py to BackboneButton; slash commands to the tree."""
        if interaction.type is not discord.InteractionType.component:
            return
        custom_id = (interaction.data or {}).get("custom_id")  # type: ignore[union-attr]
        if key_from_custom_id(custom_id) is not None and BackboneButton.__discord_ui_compiled_template__.fullmatch(custom_id or ""):
            return
        log.info("interaction %s: a button that isn't ours", interaction.id)
        try:
            await interaction.response.send_message(STALE_BUTTON, ephemeral=True)
        except discord.HTTPException as exc:
            log.warning("could not answer interaction %s: %s", interaction.id, type(exc).__name__)

    async def backbone_command(self, interaction: discord.Interaction, name: str, args: str) -> None:
        async with self.arrivals.place(str(interaction.channel_id)) as my_turn:
            await self._command(interaction, name, args, my_turn)

    async def _command(self, interaction: discord.Interaction, name: str, args: str, my_turn: Callable[[], Awaitable[None]]) -> None:
        in_guild = interaction.guild_id is not None
        try:  # first thing, within Discord's 3 seconds: nothing before this touches the store
            await interaction.response.defer(thinking=True, ephemeral=in_guild)
        except discord.HTTPException as exc:
            log.warning("could not defer interaction %s: %s", interaction.id, type(exc).__name__)
            return
        await my_turn()
        log.info("slash /%s from %s in %s", name, interaction.user.id, "group" if in_guild else "dm")
        deliveries: list[Delivery] = []
        try:
            title = getattr(interaction.channel, "name", "") or ""
            if in_guild:
                readers = await self.channel_readers(interaction.channel)
                if readers is not None:
                    deliveries += await self.runtime.handle(members_event(
                        interaction_id=interaction.id, user=interaction.user, channel_id=interaction.channel_id,
                        guild_id=interaction.guild_id, readers=readers, now=self.now(), title=title,
                    ), local=PLATFORM)
            deliveries += await self.runtime.handle(event_from_command(
                interaction_id=interaction.id, user=interaction.user, channel_id=interaction.channel_id,  # type: ignore[arg-type]
                guild_id=interaction.guild_id, name=name, args=args, now=self.now(), title=title,
            ), local=PLATFORM)
        except Exception as exc:
            _log_failure(f"turn for interaction {interaction.id} failed", exc)
            await self._finish(interaction, [], fallback=SORRY, thinking=True)
            return
        await self._finish(interaction, deliveries, fallback=NOT_HERE if in_guild else SORRY, thinking=True)

    async def backbone_button(self, interaction: discord.Interaction, key: str) -> None:
        async with self.arrivals.place(str(interaction.channel_id)) as my_turn:
            await self._button(interaction, key, my_turn)

    async def _button(self, interaction: discord.Interaction, key: str, my_turn: Callable[[], Awaitable[None]]) -> None:
        try:  # deferred update: acknowledges the press within 3 s, no visible reply yet
            await interaction.response.defer()
        except discord.HTTPException as exc:
            log.warning("could not defer interaction %s: %s", interaction.id, type(exc).__name__)
            return
        await my_turn()
        in_guild = interaction.guild_id is not None
        log.info("button on message %s from %s in %s", getattr(interaction.message, "id", None), interaction.user.id,
                 "group" if in_guild else "dm")
        if not in_guild:
            try:  # old buttons stay rare: the pressed message loses its buttons (a group's stay for the partner)
                await interaction.edit_original_response(view=None)
            except discord.HTTPException as exc:
                log.info("could not clear buttons on interaction %s: %s", interaction.id, type(exc).__name__)
        try:
            deliveries = []
            if in_guild:  # the engine keeps who is in a couple's group up to date (an outsider unlinks it)
                readers = await self.channel_readers(interaction.channel)
                if readers is not None:
                    deliveries += await self.runtime.handle(members_event(
                        interaction_id=interaction.id, user=interaction.user, channel_id=interaction.channel_id,
                        guild_id=interaction.guild_id, readers=readers, now=self.now(),
                        title=getattr(interaction.channel, "name", "") or "",
                    ), local=PLATFORM)
            deliveries += await self.runtime.handle(event_from_button(
                interaction_id=interaction.id, user=interaction.user, channel_id=interaction.channel_id,  # type: ignore[arg-type]
                guild_id=interaction.guild_id, key=key, now=self.now(),
                title=getattr(interaction.channel, "name", "") or "",
            ), local=PLATFORM)
        except Exception as exc:
            _log_failure(f"turn for interaction {interaction.id} failed", exc)
            await self._finish(interaction, [], fallback=SORRY, thinking=False)
            return
        await self._finish(interaction, deliveries, fallback=STALE_BUTTON if in_guild else None, thinking=False)

    async def _finish(
        self, interaction: discord.Interaction, deliveries: list[Delivery], *, fallback: str | None, thinking: bool,
    ) -> None:
        """Follow up a deferred interaction: replies for this DM go as followups (the first
        replaces "thinking…"); everything else is sent normally."""
        here = str(interaction.channel_id)
        in_guild = interaction.guild_id is not None
        answered = False
        for delivery in deliveries:
            same_chat = delivery.platform == PLATFORM and delivery.chat_id == here
            if same_chat and not in_guild and isinstance(delivery.action, (SendMessage, SendFile)):
                outcome = await self.deliver(delivery, followup=interaction.followup)
            else:
                outcome = await self.deliver(delivery)
            answered = answered or (same_chat and outcome is Outcome.SENT)
        try:
            if in_guild and thinking and answered:
                await interaction.delete_original_response()  # the public reply is in the channel
            elif not answered and (fallback or thinking):
                await interaction.followup.send(fallback or SORRY, ephemeral=in_guild, allowed_mentions=NO_MENTIONS)
        except discord.HTTPException as exc:
            log.warning("could not follow up interaction %s: %s", interaction.id, type(exc).__name__)

    # -- who can read a server channel

    async def channel_readers(self, channel: Any) -> list[discord.Member] | None:
        """Everyone (people and bots) who can read the channel or thread; None when unknown."""
        guild = getattr(channel, "guild", None)
        if guild is None or not hasattr(channel, "permissions_for"):
            return None
        try:
            if not guild.chunked and self.intents.members:  # type: ignore[attr-defined]
                await guild.chunk()
            if isinstance(channel, discord.Thread):
                parent = channel.parent
                if parent is None:
                    return None
                readers = [m for m in guild.members if parent.permissions_for(m).read_messages]
                if channel.type is discord.ChannelType.private_thread:
                    in_thread = {m.id for m in await channel.fetch_members()}
                    readers = [m for m in readers if m.id in in_thread or parent.permissions_for(m).manage_threads]
                return readers
            return [m for m in guild.members if channel.permissions_for(m).read_messages]
        except (discord.HTTPException, asyncio.TimeoutError, aiohttp.ClientError) as exc:
            log.warning("could not list readers of channel %s: %s", getattr(channel, "id", None), type(exc).__name__)
            return None

    async def group_is_private(self, channel_id: int) -> bool:
        channel = self.get_channel(channel_id)  # type: ignore[attr-defined]
        if channel is None:
            try:
                channel = await self.fetch_channel(channel_id)  # type: ignore[attr-defined]
            except (discord.HTTPException, discord.InvalidData):
                return False
        readers = await self.channel_readers(channel)
        if readers is None:
            return False  # fail closed: no content where we can't tell who reads
        humans = [str(m.id) for m in readers if not m.bot]
        return bool(await self.runtime.run_sync(couple_only, self.runtime.store, humans))

    # -- outbound

    def _ref_key(self, delivery: Delivery, ref: str) -> str:
        return f"{delivery.action.to.id}:{ref}"

    async def deliver(self, delivery: Delivery, *, followup: discord.Webhook | None = None, from_outbox: bool = False) -> Outcome:
        """Send one delivery. Temporary failures of a live reply go to the outbox (nothing lost)."""
        try:
            return await self._deliver(delivery, followup)
        except discord.RateLimited as exc:
            log.warning("rate limited for %.1fs sending to %s", exc.retry_after, delivery.chat_id)
            self._paused_until = max(self._paused_until, time.monotonic() + exc.retry_after)
            outcome = Outcome.RETRY
        except discord.Forbidden as exc:
            if exc.code == CLOSED_DM:
                await self._unreachable(delivery)
            else:
                log.warning("not allowed to send to channel %s (code %s)", delivery.chat_id, exc.code)
            return Outcome.DROPPED
        except discord.NotFound as exc:
            log.warning("channel or message gone for %s (code %s)", delivery.chat_id, exc.code)
            return Outcome.DROPPED
        except discord.HTTPException as exc:
            if exc.status >= 500:
                log.warning("Discord error %s sending to %s", exc.status, delivery.chat_id)
                outcome = Outcome.RETRY
            else:
                log.warning("Discord refused a %s to %s (status %s code %s)", type(delivery.action).__name__,
                            delivery.chat_id, exc.status, exc.code)
                return Outcome.DROPPED
        except (aiohttp.ClientError, asyncio.TimeoutError, OSError) as exc:
            log.warning("network error sending to %s: %s", delivery.chat_id, type(exc).__name__)
            outcome = Outcome.RETRY
        except ValueError as exc:  # a chat id that isn't a Discord id
            log.warning("cannot send to %r: %s", delivery.chat_id[:30], type(exc).__name__)
            return Outcome.DROPPED
        if outcome is Outcome.RETRY and not from_outbox:
            await self.runtime.run_sync(outbox.enqueue_all, self.runtime.store, [delivery])
            log.info("queued a reply to %s for a later try", delivery.chat_id)
        return outcome

    async def _deliver(self, delivery: Delivery, followup: discord.Webhook | None) -> Outcome:
        action = delivery.action
        channel_id = int(delivery.chat_id)
        channel = self.get_partial_messageable(channel_id)  # type: ignore[attr-defined]
        if action.to.kind == "group" and action.notice is None and not await self.group_is_private(channel_id):
            log.warning("held back content for channel %s: others can read it", channel_id)
            action = SendMessage(to=Address.group(qualified(channel_id)), notice="group_refused", text=GROUP_REFUSED)
        if isinstance(action, EditMessage):
            ref = await self.runtime.run_sync(load_ref, self.runtime.store, self._ref_key(delivery, action.ref))
            if ref is not None and str(ref.get("channel")) == delivery.chat_id:
                first, rest = edit_kwargs(action)
                try:
                    await channel.get_partial_message(int(ref["message"])).edit(**first)
                except discord.NotFound:
                    rest = send_kwargs(action)
                if rest:
                    await self._send_all(channel.send, rest, delivery, action.ref)
                return Outcome.SENT
            await self._send_all(channel.send, send_kwargs(action), delivery, action.ref)
            return Outcome.SENT
        send: Callable[..., Any] = channel.send
        if followup is not None:
            async def send(**kw: Any) -> Any:  # noqa: F811
                return await followup.send(wait=True, **kw)
        ref = action.ref if isinstance(action, SendMessage) else None
        await self._send_all(send, send_kwargs(action), delivery, ref)
        return Outcome.SENT

    async def _send_all(self, send: Callable[..., Any], pieces: list[dict[str, Any]], delivery: Delivery, ref: str | None) -> None:
        message = None
        for kwargs in pieces:
            message = await send(**kwargs)
        if ref and message is not None:
            await self.runtime.run_sync(save_ref, self.runtime.store, self._ref_key(delivery, ref), delivery.chat_id, message.id)

    async def _send_plain(self, channel: Any, text: str) -> None:
        try:
            await channel.send(text, allowed_mentions=NO_MENTIONS)
        except (discord.HTTPException, aiohttp.ClientError, asyncio.TimeoutError) as exc:
            log.warning("could not send a notice: %s", type(exc).__name__)

    async def _unreachable(self, delivery: Delivery) -> None:
        if delivery.action.to.kind != "person":
            return
        log.info("DM closed for person %s: marking unreachable", delivery.action.to.id)
        name, groups = await self.runtime.run_sync(
            unreachable_person, self.runtime.store, delivery.action.to.id, qualified(delivery.chat_id),
        )
        for group in groups:
            notice = SendMessage(to=Address.group(group), notice="unreachable", text=unreachable_notice(name))
            await self.deliver(Delivery(PLATFORM, group.partition(":")[2], notice))

    # -- the outbox

    async def send_from_outbox(self, delivery: Delivery) -> None:
        """The OutboxPump's `send`: outcomes as bot.delivery errors (the pump paces, retries, marks done)."""
        paused_before = self._paused_until
        outcome = await self.deliver(delivery, from_outbox=True)
        if outcome is Outcome.RETRY:
            if self._paused_until > paused_before:
                raise RetryAfter(self._paused_until - time.monotonic(), scope="global")
            raise Transient("discord send failed")
        # DROPPED: can never succeed (a closed DM is already marked and noticed by deliver)


class BackboneClient(_Backbone, discord.Client):
    pass


class BackboneShardedClient(_Backbone, discord.AutoShardedClient):
    pass


def intents() -> discord.Intents:
    wanted = discord.Intents.default()
    wanted.members = True  # privileged: to know who can read a couple's channel
    wanted.message_content = False  # DMs and mentions carry content without it
    wanted.presences = False
    return wanted


def create_client(runtime: Runtime, *, sharded: bool = False, shard_count: int | None = None, **options: Any) -> _Backbone:
    options.setdefault("intents", intents())
    options.setdefault("max_ratelimit_timeout", 30.0)  # longer waits raise RateLimited; the outbox retries
    if sharded:
        if shard_count:
            options["shard_count"] = shard_count
        return BackboneShardedClient(runtime, **options)
    return BackboneClient(runtime, **options)
