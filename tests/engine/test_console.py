"""The console adapter: numbered buttons, and a second terminal joining the first."""

from __future__ import annotations

import io
import threading
import time
from datetime import datetime, timezone

from rich.console import Console

from bot.adapters.console import ConsoleChat, event_from_input, run_console
from bot.adapters.console_link import ConsoleClient, socket_path
from bot.config import Settings
from bot.engine.actions import Button
from bot.engine.events import ButtonPress, CommandMessage, TextMessage


def test_typed_number_or_label_presses_a_button():
    buttons = [Button(label="🙂 Good", key="3.0"), Button(label="Okay", key="3.1")]
    now = datetime.now(timezone.utc)
    assert isinstance(event_from_input("2", name="a", buttons=buttons, seq=1, now=now), ButtonPress)
    assert event_from_input("good", name="a", buttons=buttons, seq=2, now=now).key == "3.0"
    assert isinstance(event_from_input("/checkin", name="a", buttons=buttons, seq=3, now=now), CommandMessage)
    assert isinstance(event_from_input("9", name="a", buttons=buttons, seq=4, now=now), TextMessage)


class SlowLines(io.StringIO):
    """stdin that waits between lines, like a person typing."""

    def __init__(self, lines, pause=0.15, hold=None):
        super().__init__("".join(line + "\n" for line in lines))
        self.pause = pause
        self.hold = hold

    def readline(self, *args):
        time.sleep(self.pause)
        line = super().readline(*args)
        if not line and self.hold is not None:
            self.hold.wait(10)
        return line


def test_two_terminals_are_two_people_on_one_data_folder(tmp_path):
    settings = Settings(data_dir=tmp_path)
    host_out = io.StringIO()
    release = threading.Event()
    host_lines = SlowLines(["/start", "Alice", "Berlin", "20:00", "2", "1"], hold=release)

    def host() -> None:
        run_console(settings, "alice", host_lines, Console(file=host_out, highlight=False, width=200))

    thread = threading.Thread(target=host)
    thread.start()
    for _ in range(100):
        if socket_path(tmp_path).exists():
            break
        time.sleep(0.05)
    received = []
    bob_out = io.StringIO()
    chat = ConsoleChat("bob", lambda e: None, tmp_path / "files", Console(file=bob_out, highlight=False, width=200))
    client = ConsoleClient(tmp_path, lambda d: (received.append(d), chat.show(d)))
    chat.send_event = client.send
    client.hello("bob")
    chat.send("/start")
    chat.send("Bob")
    time.sleep(0.5)
    client.close()
    release.set()
    thread.join(20)
    assert "what name" in bob_out.getvalue().lower() or "call you" in bob_out.getvalue()
    assert "Bob" in bob_out.getvalue()
    assert "Alice" in host_out.getvalue() and "Bob" not in host_out.getvalue()
    assert all(d.chat_id == "bob" for d in received)


def test_waiting_messages_reach_a_console_person_when_they_join(tmp_path):
    from bot import outbox
    from bot.adapters.console_link import ConsoleHost
    from bot.engine.actions import Address, SendMessage
    from bot.runtime import Delivery, Runtime

    runtime = Runtime(Settings(data_dir=tmp_path))
    shown = []
    host = ConsoleHost(runtime, "alice", shown.append, poll_seconds=0.1)
    waiting = Delivery("console", "bob", SendMessage(to=Address.person("p_bob"), text="Time for a check-in?"))
    host.dispatch([waiting])  # bob isn't here: it waits in the outbox
    assert [e.delivery.chat_id for e in runtime.call(outbox.pending, runtime.store, "console", 10)] == ["bob"]
    received = []
    client = ConsoleClient(tmp_path, received.append)
    client.hello("bob")
    for _ in range(50):
        if received:
            break
        time.sleep(0.05)
    client.close()
    host.close()
    assert [d.action.text for d in received] == ["Time for a check-in?"]
    assert runtime.call(outbox.pending, runtime.store, "console", 10) == []
    runtime.close()
