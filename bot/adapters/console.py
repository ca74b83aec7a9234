"""The console adapter: chat with the real engine in a terminal.

Buttons show as numbered choices; type the number or the label. The first
terminal owns the data folder and runs the scheduler; a second `backbone chat
--as NAME` joins it through a local socket (see console_link.py), so two
terminals can be two partners. Messages for someone not connected (a partner's
share, a nudge) wait in the durable outbox until they are."""

from __future__ import annotations

import itertools
import logging
import sys
import time
from collections.abc import Callable
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
from bot.store import StoreInUse

PLATFORM = "console"


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
            if normalise_label(typed) and normalise_label(button.label) == normalise_label(typed):
                return ButtonPress(key=button.key, **common)
    command = parse_command(typed)
    if command:
        return CommandMessage(name=command[0], args=command[1], **common)
    return TextMessage(text=line, **common)


class ConsoleChat:
    """One person's terminal: shows deliveries, turns typed lines into events."""

    def __init__(self, name: str, send: Callable[[Event], None], files_dir: Path, out: Console | None = None):
        self.name = name
        self.send_event = send
        self.files_dir = files_dir
        self.out = out or Console(highlight=False)
        self.buttons: list[Button] = []
        self._seq = itertools.count()

    def show(self, delivery: Delivery) -> None:
        action = delivery.action
        if isinstance(action, (SendMessage, EditMessage)):
            self.out.print(f"[bold cyan]Backbone:[/] {escape(action.text)}")
            if action.buttons:
                self.buttons = list(action.buttons)
                for i, button in enumerate(action.buttons, start=1):
                    self.out.print(f"   [bold]{i}[/]. {escape(button.label)}")
        elif isinstance(action, SendFile):
            self.files_dir.mkdir(parents=True, exist_ok=True)
            path = self.files_dir / f"{self.name}-{Path(action.filename).name}"
            path.write_bytes(action.data)
            self.out.print(f"[bold cyan]Backbone:[/] {escape(action.caption)} [dim](saved to {path})[/]")

    def show_text(self, text: str) -> None:
        self.out.print(f"[bold cyan]Backbone:[/] {escape(text)}")

    def send(self, line: str) -> None:
        now = datetime.now(timezone.utc)
        self.send_event(event_from_input(line, name=self.name, buttons=self.buttons, seq=next(self._seq), now=now))

    def loop(self, stream: TextIO = sys.stdin, start: bool = False) -> None:
        self.out.print(f"[dim]Chatting as {escape(self.name)}. Type /start to begin, Ctrl-D to leave.[/]")
        if start:
            self.send("/start")
        while True:
            try:
                line = stream.readline()
            except KeyboardInterrupt:
                break
            if not line:
                break
            self.send(line.rstrip("\n"))
        self.out.print("[dim]Bye for now. Everything is saved.[/]")


def run_console(settings: Settings, name: str, stream: TextIO = sys.stdin, out: Console | None = None) -> None:
    from bot.adapters.console_link import ConsoleClient, ConsoleHost, socket_path

    files_dir = settings.data_dir / "files"
    try:
        runtime = Runtime(settings)
    except StoreInUse:
        if not socket_path(settings.data_dir).exists():
            raise
        # Another terminal owns the data folder: join it.
        holder: list[ConsoleChat] = []
        client = ConsoleClient(settings.data_dir, lambda d: holder[0].show(d))
        chat = ConsoleChat(name, client.send, files_dir, out)
        holder.append(chat)
        try:
            client.hello(name)
            chat.loop(stream, start=stream.isatty())
            time.sleep(0.2)  # let the last replies arrive
        finally:
            client.close()
        return

    from bot.scheduler import SchedulerService

    # Library chatter would interleave with the conversation on the same terminal.
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    chat = ConsoleChat(name, lambda e: host.dispatch(runtime.submit(e, PLATFORM).result()), files_dir, out)
    host = ConsoleHost(runtime, name, chat.show)
    scheduler = SchedulerService(runtime)
    try:
        scheduler.start()
        chat.loop(stream, start=stream.isatty())
    finally:
        scheduler.shutdown()
        host.close()
        runtime.close()
