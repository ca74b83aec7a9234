"""Walks a person through a dialog: the state machine of `dialogs/*.yaml`.

A session is a plain dict stored by the engine; the walker changes it and
collects what to say. It never touches storage itself, so a turn is
(session, input) -> (session, reply), with hooks as the only side door."""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from bot.engine.actions import Button
from bot.engine.context import TurnContext
from bot.engine.dialog_loader import DialogSet
from bot.engine.dialog_model import Dialog, State
from bot.engine.hooks import HookResult, get_hook
from bot.engine.templates import pick, render

log = logging.getLogger(__name__)

MAX_HOPS = 40  # states passed through in one turn; guards against loops built of hook jumps


@dataclass
class Reply:
    texts: list[str] = field(default_factory=list)
    buttons: list[Button] = field(default_factory=list)

    def say(self, text: str) -> None:
        if text:
            self.texts.append(text)

    @property
    def text(self) -> str:
        return "\n\n".join(self.texts)


def normalise_label(text: str) -> str:
    """Compare labels the way a person types them: no emoji, case or punctuation."""
    kept = [c for c in unicodedata.normalize("NFKC", text) if unicodedata.category(c)[0] in "LNZ"]
    return re.sub(r"\s+", " ", "".join(kept)).strip().casefold()


class Walker:
    def __init__(self, dialogs: DialogSet):
        self.dialogs = dialogs

    # --- entering -------------------------------------------------------------

    def start(self, ctx: TurnContext, dialog: Dialog, reply: Reply, now_iso: str) -> dict[str, Any] | None:
        session: dict[str, Any] = {
            "dialog": dialog.name,
            "state": dialog.start,
            "vars": {},
            "history": [],
            "nonce": 0,
            "options": [],
            "started_at": now_iso,
            "updated_at": now_iso,
        }
        return self.enter(ctx, session, dialog.start, reply)

    def enter(self, ctx: TurnContext, session: dict[str, Any], name: str, reply: Reply) -> dict[str, Any] | None:
        """Enter a state and flow on until one waits for the person or the dialog ends.
        Returns the session, or None when the dialog has ended."""
        dialog = self.dialogs.dialogs[session["dialog"]]
        ctx.vars = session["vars"]
        for _ in range(MAX_HOPS):
            state = dialog.states[name]
            session["state"] = name
            jumped = False
            for hook_name in state.on_enter:
                result = self._run_hook(ctx, hook_name)
                if result.goto:
                    if result.goto not in state.branches:
                        log.error("hook %s jumped to undeclared state %s", hook_name, result.goto)
                    else:
                        name, jumped = result.goto, True
                        break
            if jumped:
                continue
            reply.say(render(pick(state.say, ctx.rng), self._vars(ctx)))
            if state.end:
                return None
            if state.waits:
                session["nonce"] = int(session.get("nonce", 0)) + 1
                session["options"] = self._options(ctx, state)
                reply.buttons = self.buttons(session, state)
                return session
            assert state.next is not None  # checked at load
            name = state.next
        log.error("dialog %s looped without waiting", dialog.name)
        reply.say("Something went round in circles on my side. Let's start again from the menu.")
        return None

    def reprompt(self, ctx: TurnContext, session: dict[str, Any], reply: Reply) -> None:
        """Say the current question again, with the same (still valid) buttons."""
        state = self.state_of(session)
        ctx.vars = session["vars"]
        reply.say(render(pick(state.say, ctx.rng), self._vars(ctx)))
        reply.buttons = self.buttons(session, state)

    def buttons(self, session: dict[str, Any], state: State) -> list[Button]:
        labels = [c.label for c in state.choices] + list(session.get("options", []))
        nonce = session.get("nonce", 0)
        return [Button(label=label, key=f"{nonce}.{i}") for i, label in enumerate(labels)]

    # --- answering ------------------------------------------------------------

    def on_button(self, ctx: TurnContext, session: dict[str, Any], nonce: int, index: int, reply: Reply) -> dict[str, Any] | None | bool:
        """False when the button is stale (from an earlier question)."""
        if nonce != session.get("nonce"):
            return False
        return self._choose(ctx, session, index, reply)

    def on_text(self, ctx: TurnContext, session: dict[str, Any], text: str, reply: Reply) -> dict[str, Any] | None:
        state = self.state_of(session)
        labels = [c.label for c in state.choices] + list(session.get("options", []))
        if labels:
            index = self._match(text, labels)
            if index is not None:
                return self._choose(ctx, session, index, reply)
            if not state.accepts_text:
                reply.say(self._not_a_choice(labels))
                reply.buttons = self.buttons(session, state)
                return session
        return self._answer(ctx, session, state, text, state.next, reply)

    def back(self, ctx: TurnContext, session: dict[str, Any], reply: Reply) -> dict[str, Any] | None:
        history: list[str] = session.get("history", [])
        if not history:
            reply.say("We're at the first step already.")
            self.reprompt(ctx, session, reply)
            return session
        previous = history.pop()
        return self.enter(ctx, session, previous, reply)

    def skip(self, ctx: TurnContext, session: dict[str, Any], reply: Reply) -> dict[str, Any] | None:
        state = self.state_of(session)
        if not state.optional:
            reply.say("This one I do need an answer for. You can also say “cancel” to stop here.")
            self.reprompt(ctx, session, reply)
            return session
        if state.save:
            session["vars"][state.save] = ""
        return self._advance(ctx, session, state.skip_to or state.next, reply)

    def help_text(self, session: dict[str, Any]) -> str:
        dialog = self.dialogs.dialogs[session["dialog"]]
        state = self.state_of(session)
        words = "back, cancel, menu" + (", skip" if state.optional else "")
        return "\n\n".join(t for t in (state.help or dialog.help, f"You can say {words} or help at any point.") if t)

    def state_of(self, session: dict[str, Any]) -> State:
        return self.dialogs.dialogs[session["dialog"]].states[session["state"]]

    # --- inside ---------------------------------------------------------------

    def _choose(self, ctx: TurnContext, session: dict[str, Any], index: int, reply: Reply) -> dict[str, Any] | None:
        state = self.state_of(session)
        if index < len(state.choices):
            choice = state.choices[index]
            value: Any = choice.value if choice.value is not None else choice.label
            return self._answer(ctx, session, state, value, choice.next or state.next, reply, validate=False)
        options = session.get("options", [])
        if index - len(state.choices) < len(options):
            return self._answer(ctx, session, state, options[index - len(state.choices)], state.next, reply)
        reply.say("That button doesn't belong to this question.")
        self.reprompt(ctx, session, reply)
        return session

    def _answer(
        self, ctx: TurnContext, session: dict[str, Any], state: State, value: Any, target: str | None,
        reply: Reply, validate: bool = True,
    ) -> dict[str, Any] | None:
        ctx.vars = session["vars"]
        if validate and state.validate_:
            ctx.answer = value
            result = self._run_hook(ctx, state.validate_)
            if result.error:
                reply.say(result.error)
                reply.buttons = self.buttons(session, state)
                return session
            if result.value is not None:
                value = result.value
            if result.goto and result.goto in state.branches:
                target = result.goto
        if state.save:
            session["vars"][state.save] = value
        return self._advance(ctx, session, target, reply)

    def _advance(self, ctx: TurnContext, session: dict[str, Any], target: str | None, reply: Reply) -> dict[str, Any] | None:
        assert target is not None  # checked at load
        session.setdefault("history", []).append(session["state"])
        del session["history"][:-30]
        return self.enter(ctx, session, target, reply)

    def _options(self, ctx: TurnContext, state: State) -> list[str]:
        if not state.options:
            return []
        result = self._run_hook(ctx, state.options)
        return [o for o in (result.options or []) if o][:12]

    def _run_hook(self, ctx: TurnContext, name: str) -> HookResult:
        spec = get_hook(name)
        if spec is None:  # load-time validation makes this unreachable for checked dialogs
            raise KeyError(name)
        result = spec.fn(ctx) or HookResult()
        ctx.vars.update(result.vars)
        ctx.outbox.extend(result.actions)
        return result

    @staticmethod
    def _vars(ctx: TurnContext) -> dict[str, Any]:
        return {"name": ctx.person.get("name") or "there", "partner_name": ctx.person.get("partner_name") or "your partner", **ctx.vars}

    @staticmethod
    def _match(text: str, labels: list[str]) -> int | None:
        typed = text.strip()
        if typed.isdigit() and 1 <= int(typed) <= len(labels):
            return int(typed) - 1
        wanted = normalise_label(typed)
        if not wanted:
            return None
        normalised = [normalise_label(label) for label in labels]
        if wanted in normalised:
            return normalised.index(wanted)
        starts = [i for i, label in enumerate(normalised) if label.startswith(wanted)]
        return starts[0] if len(starts) == 1 else None

    @staticmethod
    def _not_a_choice(labels: list[str]) -> str:
        if len(labels) <= 4:
            return "I didn't quite get that. Could you pick one of these: " + ", ".join(f"“{l}”" for l in labels) + "?"
        return "I didn't quite get that. Tap one of the buttons, or type its number."
