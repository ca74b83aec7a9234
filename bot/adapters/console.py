"""The console adapter: chat with the real engine in a terminal.

Buttons show as numbered choices; type the number or the label. Messages for
other people wait in the store until that person opens `backbone chat --as NAME`."""

from __future__ import annotations

import itertools
import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import TextIO

from rich.console import Console
from rich.markup import escape

from bot.config import Settings
from bot.engine.actions import Button, EditMessage, SendFile, SendMessage
from bot.engine.events import ButtonPress, Chat, CommandMessage, Event, Sender, TextMessage, parse_command
from bot.engine.walker import normalise_label
from bot.runtime import Delivery, Runtime

PLATFORM = "console"
INBOX = "console_inbox"


def event_from_input(line: str, *, name: str, buttons: list[Button], seq: int, now: datetime) -> Event:
    """What the person typed -> an engine event (a number or a label presses a button)."""
    common = {
        "id": f"console-{now.timestamp():.6f}-{seq}", "at": now,
        "sender": Sender(platform=PLATFORM, user_id=name, display_name=name.title()),
        "chat": Chat(kind="dm", id=f"{PLATFORM}:{name}"),
    }
    typed = line.strip()
    if buttons:
        if typed.isdigit() and 1 <= int(typed) <= len(buttons):
            return ButtonPress(key=buttons[int(typed) - 1].key, **common)
        for button in buttons:
            if normalise_label(button.label) == normalise_label(typed) and normalise_label(typed):
                return ButtonPress(key=button.key, **common)
    command = parse_command(typed)
    if command:
        return CommandMessage(name=command[0], args=command[1], **common)
    return TextMessage(text=line, **common)


class ConsoleChat:
    def __init__(self, runtime: Runtime, name: str, out: Console | None = None, files_dir: Path | None = None):
        self.runtime = runtime
        self.name = name
        self.out = out or Console(highlight=False)
        self.files_dir = files_dir or runtime.settings.data_dir / "files"
        self.buttons: list[Button] = []
        self._seq = itertools.count()

    def show(self, delivery: Delivery) -> None:
        action = delivery.action
        if delivery.chat_id != self.name:
            self._park(delivery)
            return
        if isinstance(action, (SendMessage, EditMessage)):
            self.out.print(f"[bold cyan]Backbone:[/] {escape(action.text)}")
            if action.buttons:
                self.buttons = list(action.buttons)
                for i, button in enumerate(action.buttons, start=1):
                    self.out.print(f"   [bold]{i}[/]. {escape(button.label)}")
        elif isinstance(action, SendFile):
            self.files_dir.mkdir(parents=True, exist_ok=True)
            path = self.files_dir / f"{self.name}-{action.filename}"
            path.write_bytes(action.data)
            self.out.print(f"[bold cyan]Backbone:[/] {escape(action.caption)} [dim](saved to {path})[/]")

    def _park(self, delivery: Delivery) -> None:
        """Keep a message for another console person until they open their chat."""
        if not isinstance(delivery.action, SendMessage) or delivery.platform != PLATFORM:
            return
        store = self.runtime.store
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%f")
        with store.transaction():
            store.put(INBOX, f"{delivery.chat_id}:{stamp}", {"text": delivery.action.text})

    def drain_inbox(self) -> None:
        store = self.runtime.store
        keys = store.keys(INBOX, self.name + ":")
        if not keys:
            return
        self.out.print("[dim]While you were away:[/]")
        with store.transaction():
            for key in keys:
                doc = store.get(INBOX, key) or {}
                self.out.print(f"[bold cyan]Backbone:[/] {escape(str(doc.get('text', '')))}")
                store.delete(INBOX, key)

    def send(self, line: str) -> None:
        event = event_from_input(line, name=self.name, buttons=self.buttons, seq=next(self._seq), now=self.runtime.engine.clock.now())
        for delivery in self.runtime.handle_sync(event):
            self.show(delivery)

    def loop(self, stream: TextIO = sys.stdin) -> None:
        self.out.print(f"[dim]Chatting as {escape(self.name)}. Type /start to begin, Ctrl-D to leave.[/]")
        self.drain_inbox()
        if stream.isatty():
            self.send("/start")
        while True:
            try:
                self.out.print("[bold green]you>[/] ", end="")
                line = stream.readline()
            except KeyboardInterrupt:
                break
            if not line:
                break
            self.send(line.rstrip("\n"))
        self.out.print("[dim]Bye for now. Everything is saved.[/]")


def run_console(settings: Settings, name: str) -> None:
    runtime = Runtime(settings)
    try:
        ConsoleChat(runtime, name).loop()
    finally:
        runtime.close()
