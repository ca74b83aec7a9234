"""Render dialog texts: pick one phrasing, fill in variables."""

from __future__ import annotations

import random
import string
from collections.abc import Mapping, Sequence
from typing import Any


class _Lenient(string.Formatter):
    def get_value(self, key: int | str, args: Sequence[Any], kwargs: Mapping[str, Any]) -> Any:
        if isinstance(key, str):
            value = kwargs.get(key)
            return "" if value is None else value
        return super().get_value(key, args, kwargs)

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, (list, tuple)):
            value = join_words([str(v) for v in value])
        return super().format_field(value, format_spec)


_FORMATTER = _Lenient()


def join_words(words: Sequence[str]) -> str:
    words = [w for w in words if w]
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def render(text: str, variables: Mapping[str, Any]) -> str:
    # Only the template is parsed; values (which may hold the user's own braces) are inserted as-is.
    return _FORMATTER.vformat(text, (), variables).strip()


def pick(phrasings: Sequence[str], rng: random.Random) -> str:
    return rng.choice(list(phrasings)) if phrasings else ""
