from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.config import Settings
from bot.engine.clock import FakeClock
from bot.simulate import simulate


@pytest.fixture
def run_script(tmp_path: Path):
    """Run simulator steps (a list of dicts) and return the outputs."""

    def run(steps: list[dict[str, Any]], data: Path | None = None, **script: Any) -> list[dict[str, Any]]:
        path = tmp_path / f"script-{len(list(tmp_path.glob('script-*')))}.yaml"
        path.write_text(yaml.safe_dump({"steps": steps, **script}, allow_unicode=True), encoding="utf-8")
        return list(simulate(path, data or tmp_path / "data", Settings()))

    return run


ONBOARD = [
    {"say": "/start"},
    {"say": "{name}"},
    {"say": "Europe/Berlin"},
    {"say": "20:00"},
    {"tap": "Yes, remind me"},
    {"tap": "Sounds good"},
]


def onboard(name: str) -> list[dict[str, Any]]:
    steps = []
    for step in ONBOARD:
        step = dict(step)
        if step.get("say") == "{name}":
            step["say"] = name.title()
        steps.append({"as": name, **step})
    return steps


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()
