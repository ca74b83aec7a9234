"""The engine: one event in, the actions to take out.

Each event is one turn, run inside one store transaction: the person's
record, their dialog session and anything hooks saved are committed durably
before the actions are handed back for sending. The caller runs turns of one
person one at a time (see bot/runtime.py) and never on the asyncio loop."""

from __future__ import annotations

import logging
import random
import unicodedata
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from bot.config import Settings
from bot.engine import safety
from bot.language import analyse, embedding, reflect
from bot.engine.actions import Action, Address, Button, SendMessage
from bot.engine.clock import Clock, SystemClock
from bot.engine.confidentiality import guard
from bot.engine.context import TurnContext
from bot.engine.dialog_loader import DialogSet, load_dialogs
from bot.engine.events import ButtonPress, CommandMessage, Event, TextMessage
from bot.engine.people import PEOPLE, get_or_create_person
from bot.engine.registry import BUTTONS, COMMANDS, GROUP_EVENT_HANDLERS
from bot.engine.walker import Reply, Walker
from bot.store.protocol import Store

log = logging.getLogger(__name__)

SESSIONS = "sessions"
SEEN = "seen_events"
SEEN_KEEP = 200  # event ids remembered per person, for at-most-once handling of redeliveries

GLOBAL_WORDS = {
    "back": "back", "go back": "back", "skip": "skip", "cancel": "cancel", "stop": "cancel", "quit": "cancel",
    "help": "help", "?": "help", "menu": "menu", "main menu": "menu",
}
SESSION_COMMANDS = {"back", "skip", "cancel", "help", "menu", "start"}

ONBOARDING = "onboarding"
COACH = "coach"  # offered when someone types a blaming sentence outside any conversation


def clean_text(text: str) -> str:
    """Drop control and format characters except newlines; keep emoji and right-to-left text."""
    kept = []
    for char in text:
        category = unicodedata.category(char)
        if char in "\n\t" or category[0] != "C" or char in "\u200d\u200f\u200e\u2066\u2067\u2068\u2069\u202a\u202b\u202c":
            kept.append(char)
    return "".join(kept).strip()


class Engine:
    def __init__(
        self, store: Store, settings: Settings | None = None, clock: Clock | None = None,
        dialogs: DialogSet | None = None, rng: random.Random | None = None,
    ):
        self.store = store
        self.settings = settings or Settings()
        self.clock = clock or SystemClock()
        self.dialogs = dialogs or load_dialogs(self.settings.dialogs_dir)
        self.walker = Walker(self.dialogs)
        self.rng = rng or random.Random()
        import bot.engine.builtin_hooks  # noqa: F401  (registers commands and hooks)

        # Compile the language patterns and load the inventories and the sentence model now, not in the first person's turn.
        embedding.configure(enabled=self.settings.semantic)
        safety.screen("hello")
        analyse("you never listen")
        reflect("a long day", 3, ["tired"])

    # --- the turn -------------------------------------------------------------

    def handle(self, event: Event) -> list[Action]:
        if event.sender.is_bot:
            return []
        now = self.clock.now()
        with self.store.transaction():
            dm = event.chat.id if event.chat.kind == "dm" else None
            person = get_or_create_person(self.store, event.sender, dm, now)
            seen = self.store.get(SEEN, person["id"]) or {"ids": []}
            if event.id in seen["ids"]:
                return []
            seen["ids"] = (seen["ids"] + [event.id])[-SEEN_KEEP:]
            self.store.put(SEEN, person["id"], seen)
            ctx = TurnContext(
                store=self.store, clock=self.clock, settings=self.settings, event=event, person=person, rng=self.rng,
            )
            if event.chat.kind == "group":
                actions = self._group_turn(ctx)
            else:
                actions = self._dm_turn(ctx)
            if self.store.get(PEOPLE, person["id"]) is not None:  # /forget may have removed them
                self.store.put(PEOPLE, person["id"], ctx.person)
            allowed = guard(self.store, [*actions, *ctx.outbox], person["id"])
        return [self._reply_in_place(a, person["id"], event) for a in allowed]

    @staticmethod
    def _reply_in_place(action: Action, person_id: str, event: Event) -> Action:
        if event.chat.kind == "dm" and action.to.kind == "person" and action.to.id == person_id and action.to.via is None:
            return replace(action, to=Address(kind="person", id=person_id, via=event.chat.id))
        return action

    # --- private chats -----------------------------------------------------------

    def _dm_turn(self, ctx: TurnContext) -> list[Action]:
        event = ctx.event
        session = self.store.get(SESSIONS, ctx.person_id)
        reply = Reply()
        if session is not None and session.get("dialog") not in self.dialogs.dialogs:
            session = None  # a dialog removed since; start fresh rather than fail
        if isinstance(event, TextMessage):
            text = clean_text(event.text)
            if not text:
                reply.say("I didn't catch any words there. Could you try again in a few words?")
                if session:
                    self.walker.reprompt(ctx, session, reply)
                return self._out(ctx, reply)
            if len(text) > self.settings.max_text_chars:
                reply.say(
                    f"That's a lot to take in at once. Could you say it in fewer than "
                    f"{self.settings.max_text_chars:,} characters? The heart of it is enough."
                )
                return self._out(ctx, reply)
            screening = safety.screen(text)
            if screening is not None:
                reply.say(safety.reply_for(screening, ctx.person.get("region") or self.settings.default_region))
                if session:
                    reply.say("Whenever you're ready, we can go on where we were, or just talk. Say “menu” for options.")
                return self._out(ctx, reply)
            word = GLOBAL_WORDS.get(text.casefold().strip(" .!"))
            if word:
                session = self._global(ctx, session, word, reply)
            elif session is None:
                session = self._idle_text(ctx, text, reply)
            elif self._paused_long(session):
                self._offer_resume(ctx, session, reply)
            else:
                session = self.walker.on_text(ctx, session, text, reply)
        elif isinstance(event, CommandMessage):
            session = self._command(ctx, session, event, reply)
        elif isinstance(event, ButtonPress):
            session = self._button(ctx, session, event.key, reply)
        self._save_session(ctx, session)
        return self._out(ctx, reply)

    def _global(self, ctx: TurnContext, session: dict[str, Any] | None, word: str, reply: Reply) -> dict[str, Any] | None:
        if session is None:
            if word == "help":
                reply.say(self._help_text(ctx))
            else:
                self._menu(ctx, None, reply, intro="We're not in the middle of anything. Here's what we can do:")
            return None
        if word == "back":
            return self.walker.back(ctx, session, reply)
        if word == "skip":
            return self.walker.skip(ctx, session, reply)
        if word == "help":
            reply.say(self.walker.help_text(session))
            self.walker.reprompt(ctx, session, reply)
            return session
        if word == "cancel":
            title = self.dialogs.dialogs[session["dialog"]].title
            reply.say(f"Okay, I've stopped the {title.lower()}. Nothing from it was shared.")
            self._menu(ctx, None, reply, intro="Whenever you like:")
            return None
        self._menu(ctx, session, reply)
        return session

    def _idle_text(self, ctx: TurnContext, text: str, reply: Reply) -> dict[str, Any] | None:
        if not ctx.person.get("onboarded"):
            return self._start_dialog(ctx, ONBOARDING, reply)
        if COACH in self.dialogs.dialogs and analyse(text).blaming:
            # Typed straight at us, a sentence that blames is usually one they want to say to their partner.
            partner = ctx.person.get("partner_name") or "your partner"
            reply.say(f"That sounds like something you might want to say to {partner}. Let's find words they can hear.")
            session = self._start_dialog(ctx, COACH, Reply())  # its first question is answered already
            return self.walker.on_text(ctx, session, text, reply) if session is not None else None
        self._menu(ctx, None, reply, intro=self.rng.choice([
            "I'm here. What would you like to do?",
            "Hi {name}! What would help right now?".format(name=ctx.person.get("name") or "there"),
            "Good to hear from you. Pick something, or type a command:",
        ]))
        return None

    def _command(self, ctx: TurnContext, session: dict[str, Any] | None, event: CommandMessage, reply: Reply) -> dict[str, Any] | None:
        name = event.name
        if name == "start":
            if not ctx.person.get("onboarded"):
                return self._start_dialog(ctx, ONBOARDING, reply)
            self._menu(ctx, session, reply, intro=f"Welcome back, {ctx.person.get('name') or 'friend'}.")
            return session
        if name in SESSION_COMMANDS:
            return self._global(ctx, session, name, reply)
        dialog = self.dialogs.by_command(name)
        if dialog is not None:
            if dialog.needs_onboarding and not ctx.person.get("onboarded"):
                reply.say("Let's get you set up first. It takes a minute.")
                return self._start_dialog(ctx, ONBOARDING, reply)
            return self._start_dialog(ctx, dialog.name, reply)
        spec = COMMANDS.get(name)
        if spec is not None and spec.in_dm:
            if spec.needs_onboarding and not ctx.person.get("onboarded"):
                reply.say("Let's get you set up first. It takes a minute.")
                return self._start_dialog(ctx, ONBOARDING, reply)
            ctx.outbox.extend(spec.fn(ctx, event.args.strip()))
            if ctx.start_dialog:
                return self._start_dialog(ctx, ctx.start_dialog, reply)
            return self.store.get(SESSIONS, ctx.person_id) if session is not None else None
        reply.say(f"I don't know “/{name[:40]}”, sorry.")
        self._menu(ctx, session, reply, intro="Here's what I can do:")
        return session

    def _button(self, ctx: TurnContext, session: dict[str, Any] | None, key: str, reply: Reply) -> dict[str, Any] | None:
        head, _, rest = key.partition(":")
        if head == "m":
            if rest == "continue" and session is not None:
                self.walker.reprompt(ctx, session, reply)
                return session
            if rest == "menu":
                self._menu(ctx, session, reply)
                return session
            dialog = self.dialogs.dialogs.get(rest)
            if dialog is not None:
                if dialog.needs_onboarding and not ctx.person.get("onboarded"):
                    return self._start_dialog(ctx, ONBOARDING, reply)
                return self._start_dialog(ctx, dialog.name, reply)
        elif head == "r" and session is not None:
            if rest == "resume":
                reply.say("Here's where we were.")
                self.walker.reprompt(ctx, session, reply)
                return session
            if rest == "restart":
                return self._start_dialog(ctx, session["dialog"], reply)
        elif head in BUTTONS:
            ctx.outbox.extend(BUTTONS[head](ctx, rest))
            if ctx.start_dialog:
                return self._start_dialog(ctx, ctx.start_dialog, reply)
            return self.store.get(SESSIONS, ctx.person_id) if session is not None else None
        elif session is not None and "." in key:
            nonce, _, index = key.partition(".")
            if nonce.isdigit() and index.isdigit():
                if self._paused_long(session):
                    self._offer_resume(ctx, session, reply)
                    return session
                result = self.walker.on_button(ctx, session, int(nonce), int(index), reply)
                if result is not False:
                    return result  # type: ignore[return-value]
        reply.say("That button is from an earlier conversation, so it doesn't do anything now.")
        if session is not None:
            self.walker.reprompt(ctx, session, reply)
        else:
            self._menu(ctx, None, reply, intro="Here's what we can do:")
        return session

    # --- pieces ---------------------------------------------------------------

    def _start_dialog(self, ctx: TurnContext, name: str, reply: Reply) -> dict[str, Any] | None:
        return self.walker.start(ctx, self.dialogs.dialogs[name], reply, self.clock.now().isoformat())

    def _menu(self, ctx: TurnContext, session: dict[str, Any] | None, reply: Reply, intro: str = "Here's the menu:") -> None:
        if not ctx.person.get("onboarded"):
            reply.say(intro + " First, let's get you set up: send /start.")
            return
        reply.say(intro)
        buttons = []
        if session is not None:
            title = self.dialogs.dialogs[session["dialog"]].title
            buttons.append(Button(label=f"↩ Continue: {title}", key="m:continue"))
        buttons += [Button(label=d.title, key=f"m:{d.name}") for d in self.dialogs.menu()]
        reply.buttons = buttons

    def _help_text(self, ctx: TurnContext) -> str:
        lines = ["Here's what I can help with:"]
        for dialog in self.dialogs.dialogs.values():
            if dialog.command and dialog.description:
                lines.append(f"/{dialog.command} — {dialog.description}")
        for spec in COMMANDS.values():
            if spec.in_dm:
                lines.append(f"/{spec.name} — {spec.description}")
        lines.append("In any conversation you can say back, skip, cancel, menu or help.")
        return "\n".join(lines)

    def _paused_long(self, session: dict[str, Any]) -> bool:
        updated = datetime.fromisoformat(session["updated_at"])
        return self.clock.now() - updated > timedelta(hours=self.settings.resume_after_hours)

    def _offer_resume(self, ctx: TurnContext, session: dict[str, Any], reply: Reply) -> None:
        title = self.dialogs.dialogs[session["dialog"]].title
        reply.say(f"Welcome back! Last time we were partway through the {title.lower()}. Pick up where we left off, or start it fresh?")
        reply.buttons = [
            Button(label="Pick up where we were", key="r:resume"),
            Button(label="Start fresh", key="r:restart"),
            Button(label="Menu", key="m:menu"),
        ]

    def _save_session(self, ctx: TurnContext, session: dict[str, Any] | None) -> None:
        if self.store.get(PEOPLE, ctx.person_id) is None:
            return
        if session is None:
            self.store.delete(SESSIONS, ctx.person_id)
        else:
            session["updated_at"] = self.clock.now().isoformat()
            self.store.put(SESSIONS, ctx.person_id, session)

    def _out(self, ctx: TurnContext, reply: Reply) -> list[Action]:
        if not reply.texts:
            return []
        return [SendMessage(to=Address.person(ctx.person_id), text=reply.text, buttons=tuple(reply.buttons))]

    # --- groups ---------------------------------------------------------------

    def _group_turn(self, ctx: TurnContext) -> list[Action]:
        event = ctx.event
        if isinstance(event, CommandMessage):
            spec = COMMANDS.get(event.name)
            if spec is not None and spec.in_groups:
                return spec.fn(ctx, event.args.strip())
            if event.name in ("start", "help"):
                return [SendMessage(
                    to=Address.group(event.chat.id), notice="group_help",
                    text="Hi! In a group I run couple prompts. Both partners can send /linkgroup here to set it up; everything else happens in a private chat with me.",
                )]
            return []
        if isinstance(event, ButtonPress):
            head, _, rest = event.key.partition(":")
            if head not in BUTTONS:
                return []
            actions = BUTTONS[head](ctx, rest)
            if ctx.start_dialog:  # e.g. "Answer" under a group prompt: the answer is given in private
                reply = Reply()
                self._save_session(ctx, self._start_dialog(ctx, ctx.start_dialog, reply))
                actions += [SendMessage(to=Address.person(ctx.person_id), text=reply.text, buttons=tuple(reply.buttons))]
            return actions
        actions: list[Action] = []
        for handler in GROUP_EVENT_HANDLERS:
            actions.extend(handler(ctx))
        return actions
