"""Let a second terminal join the console chat of the process that owns the data folder.

The first `backbone chat` opens the store and listens on a Unix socket in the
data folder; a later `backbone chat --as bob` finds the folder in use and
connects instead, so two terminals can be two partners on one store. Lines are
JSON: the client sends engine events, the host sends back deliveries."""

from __future__ import annotations

import json
import socket
import socketserver
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from bot import outbox
from bot.engine.actions import action_from_dict, action_to_dict
from bot.engine.events import ButtonPress, Chat, CommandMessage, Event, Sender, TextMessage
from bot.runtime import Delivery, Runtime

SOCKET_NAME = "console.sock"
_EVENTS: dict[str, type[Event]] = {"text": TextMessage, "command": CommandMessage, "button": ButtonPress}


def socket_path(data_dir: Path) -> Path:
    return data_dir / SOCKET_NAME


def event_to_dict(event: Event) -> dict[str, Any]:
    kind = next(k for k, cls in _EVENTS.items() if type(event) is cls)
    payload = {k: getattr(event, k) for k in ("text", "name", "args", "key") if hasattr(event, k)}
    return {"kind": kind, "id": event.id, "user": event.sender.user_id, "at": event.at.isoformat(), **payload}


def event_from_dict(data: dict[str, Any]) -> Event:
    user = str(data["user"])[:64]
    cls = _EVENTS[data["kind"]]
    payload = {k: str(data[k]) for k in ("text", "name", "args", "key") if k in data}
    return cls(
        id=str(data["id"]), at=datetime.fromisoformat(data["at"]),
        sender=Sender(platform="console", user_id=user, display_name=user.title()),
        chat=Chat(kind="dm", id=f"console:{user}"), **payload,
    )


def delivery_to_dict(delivery: Delivery) -> dict[str, Any]:
    return {"platform": delivery.platform, "chat_id": delivery.chat_id, "action": action_to_dict(delivery.action)}


def delivery_from_dict(data: dict[str, Any]) -> Delivery:
    return Delivery(data["platform"], data["chat_id"], action_from_dict(data["action"]))


class ConsoleHost:
    """Serves console clients from the process that owns the store, and sends
    what waits in the outbox for console people as soon as they are here."""

    def __init__(self, runtime: Runtime, name: str, show: Callable[[Delivery], None], poll_seconds: float = 1.0):
        self.runtime = runtime
        self.name = name  # the host terminal's own person
        self.show = show
        self.clients: dict[str, socket.socket] = {}
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self.path = socket_path(runtime.settings.data_dir)
        host = self

        class Handler(socketserver.StreamRequestHandler):
            def handle(self) -> None:
                name = None
                for raw in self.rfile:
                    try:
                        data = json.loads(raw)
                        if data.get("hello"):
                            name = str(data["hello"])[:64]
                            with host._lock:
                                host.clients[name] = self.connection
                            host.flush()
                            continue
                        event = event_from_dict(data)
                    except (ValueError, KeyError, TypeError):
                        continue
                    host.dispatch(host.runtime.submit(event, "console").result())
                if name is not None:
                    with host._lock:
                        host.clients.pop(name, None)

        if self.path.exists():
            self.path.unlink()  # left by a host that died; we own the store, so it is stale
        self.server = socketserver.ThreadingUnixStreamServer(str(self.path), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, name="console-link", daemon=True).start()
        threading.Thread(target=self._poll, args=(poll_seconds,), name="console-outbox", daemon=True).start()

    def _send(self, delivery: Delivery) -> bool:
        """Show or push a delivery; False when its person isn't here."""
        if delivery.platform != "console":
            return False
        if delivery.chat_id == self.name:
            self.show(delivery)
            return True
        with self._lock:
            client = self.clients.get(delivery.chat_id)
        if client is None:
            return False
        try:
            client.sendall((json.dumps(delivery_to_dict(delivery)) + "\n").encode("utf-8"))
        except OSError:
            return False
        return True

    def dispatch(self, deliveries: list[Delivery]) -> None:
        kept = [d for d in deliveries if not self._send(d)]
        if kept:
            self.runtime.call(outbox.enqueue_all, self.runtime.store, kept)

    def flush(self) -> None:
        """Send outbox entries whose person is here now."""
        for entry in self.runtime.call(outbox.pending, self.runtime.store, "console", 500):
            if self._send(entry.delivery):
                self.runtime.call(outbox.done, self.runtime.store, entry.key)

    def _poll(self, seconds: float) -> None:
        while not self._stop.wait(seconds):
            try:
                self.flush()
            except Exception:  # the store closed under us at exit, or a transient error: try again later
                if self._stop.is_set():
                    return

    def close(self) -> None:
        self._stop.set()
        self.server.shutdown()
        self.server.server_close()
        if self.path.exists():
            self.path.unlink()


class ConsoleClient:
    """A terminal talking to a host's store through its socket."""

    def __init__(self, data_dir: Path, on_delivery: Callable[[Delivery], None]):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(str(socket_path(data_dir)))
        self.on_delivery = on_delivery
        self._reader = threading.Thread(target=self._read, name="console-client", daemon=True)
        self._reader.start()

    def hello(self, name: str) -> None:
        """Say who this terminal is, so messages waiting for them arrive."""
        self.sock.sendall((json.dumps({"hello": name}) + "\n").encode("utf-8"))

    def send(self, event: Event) -> None:
        self.sock.sendall((json.dumps(event_to_dict(event)) + "\n").encode("utf-8"))

    def _read(self) -> None:
        with self.sock.makefile("r", encoding="utf-8") as lines:
            for line in lines:
                try:
                    self.on_delivery(delivery_from_dict(json.loads(line)))
                except (ValueError, KeyError, TypeError):
                    continue

    def close(self) -> None:
        self.sock.close()
