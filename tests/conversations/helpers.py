"""Shared bits for the conversation transcript tests (health check, backup, mood)."""

from __future__ import annotations

import re
import struct
from typing import Any

from tests.conftest import onboard

CODE = re.compile(r"\b([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2})\b")
QUESTIONS = 20  # in dialogs/healthcheck.yaml


def texts_to(outputs: list[dict[str, Any]], who: str) -> list[str]:
    return [o["text"] for o in outputs if o["to"] == who]


def at_step(outputs: list[dict[str, Any]], step: int, who: str | None = None) -> list[dict[str, Any]]:
    return [o for o in outputs if o["step"] == step and (who is None or o["to"] == who)]


def paired_steps(run_script, data, a: str = "alice", b: str = "bob") -> list[dict[str, Any]]:
    out = run_script(onboard(a) + onboard(b) + [{"as": a, "say": "/pair"}], data=data)
    code = next(CODE.search(o["text"]).group(1) for o in reversed(out) if CODE.search(o.get("text", "")))
    out += run_script([{"as": b, "say": f"/join {code}"}], data=data)
    return out


def answer_all(who: str, values: list[int | str]) -> list[dict[str, Any]]:
    """Tap numbers (ints) or type text (strs), one per question."""
    return [{"as": who, "tap": v} if isinstance(v, int) else {"as": who, "say": v} for v in values]


def checkin(who: str, scale: int, feeling: int = 1, share: bool = False) -> list[dict[str, Any]]:
    return [
        {"as": who, "say": "/checkin"},
        {"as": who, "tap": scale},
        {"as": who, "tap": feeling},
        {"as": who, "say": "skip"},
        {"as": who, "say": "skip"},
        {"as": who, "tap": "Share it" if share else "Keep it private"},
    ]


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    assert data.rstrip(b"\x00").endswith(b"IEND\xaeB`\x82"), "PNG is cut short"
    return width, height
