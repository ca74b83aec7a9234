"""CLI commands: `backbone rewrite` and `backbone screen`."""
from __future__ import annotations

import json
import sys
from typing import Iterable

import typer

from bot.config import Settings
from bot.language import embedding
from bot.language import rewrite as _rewrite
from bot.language import screen as _screen


def _configure() -> None:
    """Honour SEMANTIC from .env here too, as the bot does, so `backbone screen` judges as the bot would."""
    embedding.configure(enabled=Settings().semantic)


def _lines(text: str) -> Iterable[str]:
    if text == "-":
        for line in sys.stdin:
            line = line.rstrip("\r\n")
            if line.strip():
                yield line
    else:
        yield text


def _rewrite_dict(text: str) -> dict:
    r = _rewrite(text)
    return {"text": r.text, "blaming": r.blaming,
            "problems": [{"kind": p.kind, "span": p.span, "why": p.why} for p in r.problems],
            "suggestion": r.suggestion, "feeling": r.feeling, "need": r.need, "request": r.request}


def _rewrite_plain(d: dict) -> str:
    if not d["text"]:
        return "Nothing to rewrite yet: type the sentence you'd like to say."
    if not d["blaming"] or not d["suggestion"]:
        return "This already reads fair and kind. No rewrite needed."
    return f"Try: {d['suggestion']}"


def register(app: typer.Typer) -> None:
    """Add the `rewrite` and `screen` commands to a Typer app."""

    @app.command("rewrite")
    def rewrite_cmd(text: str = typer.Argument(..., help='Sentence to rewrite, or "-" to read one per line from stdin.'),
                    as_json: bool = typer.Option(False, "--json", help="Print JSON, one object per line.")) -> None:
        """Suggest an I-statement for a sentence that blames."""
        _configure()
        for line in _lines(text):
            d = _rewrite_dict(line)
            typer.echo(json.dumps(d, ensure_ascii=False) if as_json else _rewrite_plain(d))

    @app.command("screen")
    def screen_cmd(text: str = typer.Argument(..., help='Message to screen, or "-" to read one per line from stdin.'),
                   as_json: bool = typer.Option(False, "--json", help="Print JSON, one object per line.")) -> None:
        """Check a message for signs of self-harm, violence or abuse."""
        _configure()
        for line in _lines(text):
            s = _screen(line)
            d = {"text": s.text, "level": s.level, "kind": s.kind}
            if as_json:
                typer.echo(json.dumps(d, ensure_ascii=False))
            else:
                typer.echo(s.level if s.level == "none" else f"{s.level} ({s.kind})")
