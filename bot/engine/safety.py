"""Safety screening as the engine uses it: screen every typed message first."""

from __future__ import annotations

from bot.language import Screening, safety_reply
from bot.language import screen as _screen


def screen(text: str) -> Screening | None:
    """The screening when a message needs a caring reply instead of coaching, else None."""
    result = _screen(text)
    return result if result.level != "none" else None


def reply_for(screening: Screening, region: str | None) -> str:
    return safety_reply(screening, region or None)
