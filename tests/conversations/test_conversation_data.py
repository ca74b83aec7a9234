"""What the three conversations keep: private, exported, forgotten; and the chart in the console."""

from __future__ import annotations

import io
from datetime import timezone

from rich.console import Console

from bot.adapters.console import ConsoleChat
from bot.config import Settings
from bot.engine.clock import FakeClock
from bot.engine.events import Chat, CommandMessage, Sender
from bot.engine.personal_data import export_person, forget_person
from bot.runtime import Runtime
from bot.store import open_store
from tests.conftest import onboard
from tests.conversations.helpers import answer_all, checkin, png_size

STEADY = [4, 4, 4, 5, 5, 2, 2, 5, 5, 4, 4, 3, 2, 2, 4, 4, 4, 5, 5, 5]


def _person_id(store, name: str) -> str:
    return store.get("identities", f"console:{name}")["person"]


def test_results_and_notes_are_exported_and_forgotten(run_script, tmp_path):
    data = tmp_path / "data"
    run_script(onboard("alice") + [{"as": "alice", "say": "/healthcheck"}, {"as": "alice", "tap": 1}]
               + answer_all("alice", STEADY) + [{"as": "alice", "tap": "Keep it to myself"},
                                                {"as": "alice", "say": "/backup"}, {"as": "alice", "tap": 1},
                                                {"as": "alice", "say": "We argued about money"}, {"as": "alice", "tap": "Sad"}]
               + [{"as": "alice", "say": "skip"}] * 2 + [{"as": "alice", "tap": 2}, {"as": "alice", "say": "skip"},
                                                          {"as": "alice", "tap": 1}, {"as": "alice", "tap": 3}],
               data=data)
    store = open_store(data)
    try:
        pid = _person_id(store, "alice")
        exported = export_person(store, pid)
        (record,) = exported["healthchecks"].values()
        assert record["scores"]["boundaries"] == 2.0 and record["sharing"] == "private"
        assert record["answers"]["communication_1"] == 4
        with store.transaction():
            forget_person(store, pid)
        assert store.keys("healthchecks", pid + ":") == []
    finally:
        store.close()


def test_backup_record_is_kept_privately(run_script, tmp_path):
    data = tmp_path / "data"
    run_script(onboard("alice") + [
        {"as": "alice", "say": "/backup"}, {"as": "alice", "tap": 1}, {"as": "alice", "say": "He forgot my birthday"},
        {"as": "alice", "tap": "Sad"}, {"as": "alice", "tap": "Support"}, {"as": "alice", "say": "skip"},
        {"as": "alice", "tap": 2}, {"as": "alice", "say": "skip"}, {"as": "alice", "tap": 1},
        {"as": "alice", "tap": "Skip this for now"}, {"as": "alice", "say": "skip"}, {"as": "alice", "tap": 1},
        {"as": "alice", "tap": 1}, {"as": "alice", "say": "skip"}, {"as": "alice", "tap": 1},
    ], data=data)
    store = open_store(data)
    try:
        (doc,) = export_person(store, _person_id(store, "alice"))["backups"].values()
        assert doc["happened"] == "He forgot my birthday" and doc["sharing"] == "private" and "statement" not in doc
    finally:
        store.close()


def test_console_writes_the_mood_chart_to_a_file_and_shows_its_path(run_script, tmp_path):
    data = tmp_path / "data"
    run_script(onboard("alice") + checkin("alice", 4), data=data)
    runtime = Runtime(Settings(data_dir=data), clock=FakeClock())
    try:
        event = CommandMessage(
            id="console-mood-1", name="mood", at=runtime.engine.clock.now().astimezone(timezone.utc),
            sender=Sender(platform="console", user_id="alice", display_name="Alice"),
            chat=Chat(kind="dm", id="console:alice"),
        )
        screen = io.StringIO()
        chat = ConsoleChat("alice", send=lambda event: None, files_dir=tmp_path / "files", out=Console(file=screen, width=400))
        for delivery in runtime.handle_sync(event):
            chat.show(delivery)
    finally:
        runtime.close()
    path = tmp_path / "files" / "alice-mood.png"
    assert path.exists() and png_size(path.read_bytes()) == (1080, 1350)
    assert "alice-mood.png" in screen.getvalue() and "Just for you" in screen.getvalue()
