"""Shared bits for the couples transcript tests."""

from __future__ import annotations

import re
from typing import Any

from tests.conftest import onboard

CODE = re.compile(r"\b([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2})\b")


def texts_to(outputs: list[dict[str, Any]], who: str) -> list[str]:
    return [o["text"] for o in outputs if o["to"] == who]


def at_step(outputs: list[dict[str, Any]], step: int, who: str | None = None) -> list[str]:
    return [o["text"] for o in outputs if o["step"] == step and (who is None or o["to"] == who)]


def code_in(outputs: list[dict[str, Any]]) -> str:
    for o in reversed(outputs):
        match = CODE.search(o.get("text", ""))
        if match:
            return match.group(1)
    raise AssertionError("no invite code in the outputs")


def paired(run_script, a: str = "alice", b: str = "bob", **kw: Any) -> tuple[list[dict[str, Any]], Any]:
    """Onboard two people and pair them; returns (outputs, data folder)."""
    data = kw.pop("data")
    out = run_script(onboard(a) + onboard(b) + [{"as": a, "say": "/pair"}], data=data)
    code = code_in(out)
    out += run_script([{"as": b, "say": f"/join {code}"}], data=data)
    return out, data


def linked(run_script, data, a: str = "alice", b: str = "bob", group: str = "group:home") -> list[dict[str, Any]]:
    return run_script([
        {"as": a, "in": group, "join": True},
        {"as": b, "in": group, "join": True},
        {"as": a, "in": group, "say": "/linkgroup"},
    ], data=data)
