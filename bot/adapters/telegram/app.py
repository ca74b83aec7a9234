"""The running Telegram adapter: PTB application, update handling, sending, outbox polling.

Every update goes through `events_from_update` (pure) to `runtime.handle` (the engine's
worker thread) and back out through `calls_for` (pure) to the Bot API. Store work never
runs on the asyncio loop: always `runtime.handle` / `runtime.run_sync`."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Any

from telegram import BotCommand, BotCommandScopeAllGroupChats, BotCommandScopeAllPrivateChats, Message, Update
from telegram.error import BadRequest, Conflict, Forbidden, InvalidToken, NetworkError, TelegramError
from telegram.ext import Application, ApplicationBuilder, ContextTypes, ExtBot, TypeHandler
from telegram.request import HTTPXRequest

from bot import outbox
from bot.adapters.arrival import ArrivalOrder
from bot.adapters.telegram.logs import protect_logs
from bot.adapters.telegram.limits import BackboneRateLimiter, with_retries
from bot.adapters.telegram.translate import (
    PLATFORM, Call, api_urls, calls_for, chat_id_of, command_menu, count_members_when, events_from_update,
    members_event, webhook_path,
)
from bot.engine.events import Event
from bot.delivery import Blocked, OutboxPump, Transient
from bot.engine.people import mark_unreachable
from bot.engine.registry import COMMANDS
from bot.runtime import Delivery, Runtime

log = logging.getLogger("bot.adapters.telegram")

ALLOWED_UPDATES = ["message", "callback_query"]
CONFLICT_MESSAGE = (
    "Another program is already receiving updates for this Telegram bot token (409 Conflict). "
    "Only one Backbone instance may poll a token: stop the other one, or give this one its own token."
)
UNKNOWN_BUTTON = "Sorry, that button isn't one of mine, so it doesn't do anything."


class StartupError(Exception):
    """A problem that stops the bot with one clear line instead of a traceback."""


def update_kind(update: Update) -> str:
    for kind in ("message", "edited_message", "channel_post", "edited_channel_post", "callback_query",
                 "my_chat_member", "chat_member", "inline_query"):
        if getattr(update, kind, None) is not None:
            return kind
    return "other"


def _person_of(delivery: Delivery) -> str | None:
    to = delivery.action.to
    return to.id if to.kind == "person" else None


class BackboneBot(ExtBot):
    """ExtBot whose getUpdates never chokes on one malformed update: it is skipped (its id
    still advances the offset) instead of failing the whole batch forever, and the raw data
    is never logged."""

    async def get_updates(self, offset=None, limit=None, timeout=None, allowed_updates=None, *,  # type: ignore[no-untyped-def, override]
                          read_timeout=None, write_timeout=None, connect_timeout=None, pool_timeout=None, api_kwargs=None):
        data: dict[str, Any] = {"timeout": timeout, "offset": offset, "limit": limit, "allowed_updates": allowed_updates}
        base_read = read_timeout if read_timeout is not None else (self._request[0].read_timeout or 0)
        wait = timeout.total_seconds() if hasattr(timeout, "total_seconds") else (timeout or 0)
        kwargs = {"read_timeout": base_read + wait}
        for name, value in (("write_timeout", write_timeout), ("connect_timeout", connect_timeout), ("pool_timeout", pool_timeout)):
            if value is not None:
                kwargs[name] = value
        result = await self._post("getUpdates", data, api_kwargs=api_kwargs, **kwargs)
        updates = []
        for item in result if isinstance(result, list) else []:
            try:
                update = Update.de_json(item, self)
            except Exception as exc:
                update_id = item.get("update_id") if isinstance(item, dict) else None
                log.warning("Skipped an update we could not read (update %s, %s)", update_id, type(exc).__name__)
                if not isinstance(update_id, int):
                    continue
                update = Update(update_id=update_id)
            if update is not None:
                updates.append(update)
        return tuple(updates)


class TelegramAdapter:
    def __init__(
        self, runtime: Runtime, token: str, *, base_url: str | None = None, private_rate: float = 1.0,
        private_burst: int = 3, poll_timeout: float = 25.0, outbox_interval: float = 1.0, retry_delay: float = 0.5,
        conflict_window: float = 20.0, webhook_secret: str | None = None,
    ):
        self.runtime = runtime
        self.token = token
        self.base_url = base_url
        self.private_rate = private_rate
        self.private_burst = private_burst
        self.poll_timeout = poll_timeout
        self.outbox_interval = outbox_interval
        self.retry_delay = retry_delay
        self.conflict_window = conflict_window
        self.webhook_secret = webhook_secret or secrets.token_urlsafe(32)
        self.stop_event = asyncio.Event()
        self.fatal: str | None = None
        self.bot_username: str | None = None
        self.app: Application | None = None
        self.polling_since = 0.0
        self._refs: OrderedDict[tuple[int | str, str], int] = OrderedDict()  # (chat, engine ref) -> message id
        self._keyboards: dict[int, int] = {}  # private chat -> the message that has live buttons
        self._locks: dict[str, asyncio.Lock] = {}
        self.arrivals = ArrivalOrder()
        self.ready = asyncio.Event()

    # --- building -------------------------------------------------------------

    def build_application(self) -> Application:
        base_url, base_file_url = api_urls(self.base_url)
        bot = BackboneBot(
            token=self.token, base_url=base_url, base_file_url=base_file_url,
            request=HTTPXRequest(connection_pool_size=16, connect_timeout=10, read_timeout=20, write_timeout=30),
            get_updates_request=HTTPXRequest(connection_pool_size=2, connect_timeout=10, read_timeout=10),
            rate_limiter=BackboneRateLimiter(private_rate=self.private_rate, private_burst=self.private_burst),
        )
        app = ApplicationBuilder().bot(bot).concurrent_updates(64).job_queue(None).build()
        app.add_handler(TypeHandler(Update, self.on_update))
        app.add_error_handler(self.on_error)
        self.app = app
        return app

    @property
    def bot(self) -> ExtBot:
        assert self.app is not None
        return self.app.bot

    def _lock(self, chat: str) -> asyncio.Lock:
        lock = self._locks.get(chat)
        if lock is None:
            if len(self._locks) > 4096:
                # a lock just released to a waiter reads as unlocked: keep those, or a newcomer
                # would get a fresh lock and overtake the waiter
                for key in [k for k, v in self._locks.items() if not v.locked() and not getattr(v, "_waiters", None)]:
                    del self._locks[key]
            lock = self._locks[chat] = asyncio.Lock()
        return lock

    def _now(self):  # type: ignore[no-untyped-def]
        return self.runtime.engine.clock.now()

    # --- updates in ---------------------------------------------------------------

    async def on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        uid = getattr(update, "update_id", None)
        log.error("Handling update %s failed (%s)", uid, type(context.error).__name__)

    async def on_update(self, update: Update, context: Any = None) -> None:
        """Never raises: a bad update is logged (without content) and dropped. One chat's turns
        keep the order its updates came in (bot.adapters.arrival)."""
        chat = update.effective_chat
        async with self.arrivals.place(str(chat.id) if chat is not None else f"update:{update.update_id}") as my_turn:
            try:
                if update.callback_query is not None:
                    await self._on_callback(update, my_turn)
                else:
                    await my_turn()
                    await self._on_message(update)
            except Exception as exc:  # the loop must never die on one update
                tb = exc.__traceback__
                while tb is not None and tb.tb_next is not None:
                    tb = tb.tb_next
                where = f"{tb.tb_frame.f_code.co_filename}:{tb.tb_lineno}" if tb else "?"
                log.error("Update %s (%s) failed: %s at %s", update.update_id, update_kind(update), type(exc).__name__, where)

    async def _on_message(self, update: Update) -> None:
        events = events_from_update(update, bot_username=self.bot_username, now=self._now())
        if not events:
            log.debug("Ignored update %s (%s)", update.update_id, update_kind(update))
            return
        for event in events:
            if count_members_when(event) == "before":
                await self._count_members(event)
            await self._turn(event)
        changed = [e for e in events if count_members_when(e) == "after"]
        if changed:
            await self._count_members(changed[-1])

    async def _count_members(self, trigger: Event) -> None:
        """Tell the engine how many humans are in the group (the Bot API can count members and
        name administrators, not list everyone). If Telegram won't say, the engine goes by the
        members it has seen."""
        chat_id = chat_id_of(trigger.chat.id.partition(":")[2])
        try:
            count = await with_retries(lambda: self.bot.get_chat_member_count(chat_id), base_delay=self.retry_delay)
        except TelegramError as exc:
            log.info("Could not count a group's members (%s)", type(exc).__name__)
            return
        try:
            admins = await with_retries(lambda: self.bot.get_chat_administrators(chat_id), base_delay=self.retry_delay)
        except TelegramError as exc:  # the count alone still works: unknown bots count as people
            log.info("Could not list a group's administrators (%s)", type(exc).__name__)
            admins = ()
        await self._turn(members_event(trigger, member_count=count, administrators=admins, bot_id=self.bot.id))

    async def _on_callback(self, update: Update, my_turn: Callable[[], Awaitable[None]]) -> None:
        query = update.callback_query
        assert query is not None
        events = events_from_update(update, bot_username=self.bot_username, now=self._now())
        message = query.message
        private_chat = message.chat.id if message is not None and message.chat.type == "private" else None
        await self._quietly(query.answer(text=None if events else UNKNOWN_BUTTON))  # at once: the spinner stops
        await my_turn()
        if private_chat is not None and isinstance(message, Message) and message.reply_markup is not None:
            await self._remove_keyboard(private_chat, message.message_id)
        if not events:
            log.info("Ignored a button press with data we did not make (update %s)", update.update_id)
            return
        for event in events:
            await self._turn(event)

    async def _turn(self, event: Event) -> None:
        async with self._lock(event.chat.id):
            deliveries = await self.runtime.handle(event, local=PLATFORM)
            for delivery in deliveries:
                outcome = await self.send(delivery)
                if outcome == "retry":
                    await self.runtime.run_sync(outbox.enqueue_all, self.runtime.store, [delivery])

    async def _quietly(self, coro: Any) -> Any:
        try:
            return await coro
        except TelegramError as exc:
            log.info("Telegram call failed (%s), carrying on", type(exc).__name__)
            return None

    async def _remove_keyboard(self, chat_id: int, message_id: int) -> None:
        if self._keyboards.get(chat_id) == message_id:
            del self._keyboards[chat_id]
        await self._quietly(self.bot.edit_message_reply_markup(chat_id=chat_id, message_id=message_id, reply_markup=None))

    # --- deliveries out -----------------------------------------------------------

    async def send(self, delivery: Delivery) -> str:
        """Send one delivery: "sent", "unreachable" (blocked), "dropped" (never deliverable) or "retry"."""
        chat_id = chat_id_of(delivery.chat_id)
        private = isinstance(chat_id, int) and chat_id > 0
        calls = calls_for(delivery.action, chat_id, lambda ref: self._refs.get((chat_id, ref)))
        try:
            for call in calls:
                await self._call(call, chat_id, private)
        except Forbidden:
            if private:
                changed = await self.runtime.run_sync(
                    mark_unreachable, self.runtime.store, f"{PLATFORM}:{chat_id}", _person_of(delivery),
                )
                log.info("A person blocked the bot; marked unreachable%s", "" if changed else " (already)")
            else:
                log.info("The bot can't post in a group any more (Forbidden)")
            return "unreachable"
        except BadRequest as exc:
            log.warning("Telegram refused a %s (%s)", type(delivery.action).__name__, _describe(exc))
            return "dropped"
        except TelegramError as exc:
            log.warning("Could not send a %s (%s); will retry", type(delivery.action).__name__, type(exc).__name__)
            return "retry"
        return "sent"

    async def _call(self, call: Call, chat_id: int | str, private: bool) -> None:
        if private and call.method != "edit_message_text":
            old = self._keyboards.pop(chat_id, None)  # type: ignore[arg-type]
            if old is not None:  # keep old buttons rare: only the newest message has live ones
                await self._quietly(self.bot.edit_message_reply_markup(chat_id=chat_id, message_id=old, reply_markup=None))
        method = getattr(self.bot, call.method)
        result = await with_retries(lambda: method(**call.kwargs), base_delay=self.retry_delay)
        message_id = result.message_id if isinstance(result, Message) else call.kwargs.get("message_id")
        if message_id is None:
            return
        if call.ref:
            self._refs[(chat_id, call.ref)] = message_id
            self._refs.move_to_end((chat_id, call.ref))
            while len(self._refs) > 10_000:
                self._refs.popitem(last=False)
        if private and call.has_buttons:
            self._keyboards[chat_id] = message_id  # type: ignore[index]

    async def send_from_outbox(self, delivery: Delivery) -> None:
        """The OutboxPump's `send`: outcomes as bot.delivery errors (the pump paces, retries, marks done)."""
        async with self._lock(f"{PLATFORM}:{delivery.chat_id}"):
            outcome = await self.send(delivery)
        if outcome == "retry":
            raise Transient("telegram send failed")
        if outcome == "unreachable":
            raise Blocked("telegram: forbidden")
        # "dropped": Telegram refused it for good (already logged); nothing more to do

    # --- start-up -------------------------------------------------------------

    async def set_commands(self) -> None:
        engine = self.runtime.engine
        private, group = command_menu(engine.dialogs.dialogs.values(), COMMANDS.values())
        for scope, items in ((BotCommandScopeAllPrivateChats(), private), (BotCommandScopeAllGroupChats(), group)):
            try:
                await with_retries(
                    lambda: self.bot.set_my_commands([BotCommand(n, d) for n, d in items], scope=scope),
                    base_delay=self.retry_delay,
                )
            except TelegramError as exc:
                log.warning("Could not set the command menu (%s)", type(exc).__name__)

    def _polling_error(self, exc: TelegramError) -> None:
        if isinstance(exc, Conflict):
            if time.monotonic() - self.polling_since < self.conflict_window:
                self.fatal = CONFLICT_MESSAGE
                self.stop_event.set()
            else:
                log.warning("409 Conflict: another instance is polling this token; it should stop by itself")
            return
        log.warning("Polling failed (%s); retrying", type(exc).__name__)

    async def serve(self, webhook: str | None = None, listen: str = "0.0.0.0", port: int = 8443) -> None:
        """Run until `stop_event` is set. Raises StartupError with a clear message on a bad token,
        an unreachable Bot API server, or a second instance on the same token."""
        protect_logs([self.token, self.webhook_secret])
        app = self.build_application()
        try:
            await app.initialize()
        except InvalidToken as exc:
            raise StartupError("Telegram rejected the bot token (TELEGRAM_TOKEN). Check it with @BotFather.") from exc
        except NetworkError as exc:
            where = self.base_url or "api.telegram.org"
            raise StartupError(f"Can't reach the Telegram Bot API at {where} ({type(exc).__name__}).") from exc
        outbox_task: asyncio.Task[None] | None = None
        try:
            self.bot_username = app.bot.username
            await self.set_commands()
            await app.start()
            self.polling_since = time.monotonic()
            if webhook:
                assert app.updater is not None
                await app.updater.start_webhook(
                    listen=listen, port=port, url_path=webhook_path(webhook), webhook_url=webhook,
                    secret_token=self.webhook_secret, allowed_updates=ALLOWED_UPDATES,
                )
                log.info("Telegram webhook listening on %s:%d", listen, port)
            else:
                assert app.updater is not None
                await app.updater.start_polling(
                    poll_interval=0, timeout=int(self.poll_timeout), allowed_updates=ALLOWED_UPDATES,
                    error_callback=self._polling_error,
                )
                log.info("Telegram long polling started")
            outbox_task = asyncio.create_task(OutboxPump(
                self.runtime, PLATFORM, self.send_from_outbox, poll_seconds=self.outbox_interval,
            ).run())
            self.ready.set()
            await self.stop_event.wait()
        finally:
            self.stop_event.set()
            if outbox_task is not None:
                outbox_task.cancel()
                with contextlib.suppress(BaseException):
                    await outbox_task
            with contextlib.suppress(Exception):
                if app.updater is not None and app.updater.running:
                    await app.updater.stop()
            with contextlib.suppress(Exception):
                if app.running:
                    await app.stop()
            with contextlib.suppress(Exception):
                await app.shutdown()
        if self.fatal:
            raise StartupError(self.fatal)

    def stop(self) -> None:
        self.stop_event.set()


def _describe(exc: BadRequest) -> str:
    """Telegram's own error text names the problem, never our content; keep it short anyway."""
    return str(exc.message)[:120]
