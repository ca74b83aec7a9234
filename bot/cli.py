"""The `backbone` command."""

from __future__ import annotations

import json
import logging
import shutil
import subprocess
import sys
import tempfile
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from bot.commands.language import register as register_language_commands
from bot.config import Settings

app = typer.Typer(help="Backbone: a chat bot that helps two partners have each other's back.", no_args_is_help=True)
dialogs_app = typer.Typer(help="Check and draw the dialogs in dialogs/.", no_args_is_help=True)
app.add_typer(dialogs_app, name="dialogs")


class Platform(str, Enum):
    console = "console"
    telegram = "telegram"
    discord = "discord"
    all = "all"  # Telegram and Discord in one process, so partners on either share one store


def _settings(data: Path | None) -> Settings:
    settings = Settings()
    if data is not None:
        settings = settings.model_copy(update={"data_dir": data})
    logging.basicConfig(level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    from bot.language import embedding

    embedding.configure(enabled=settings.semantic)
    return settings


def _fail(message: str) -> None:
    typer.echo(message, err=True)
    raise typer.Exit(code=1)


def _open_checked(fn, *args):  # type: ignore[no-untyped-def]
    """Run a start-up step, turning known failures into one clear line instead of a traceback."""
    from bot.engine.dialog_loader import DialogError
    from bot.store import StoreError

    try:
        return fn(*args)
    except StoreError as exc:
        _fail(f"Can't open the data folder: {exc}")
    except DialogError as exc:
        _fail("The dialogs have problems:\n" + "\n".join(f"  - {p}" for p in exc.problems))


@app.command()
def run(
    platform: Annotated[Platform, typer.Argument(help="Where to run the bot.")] = Platform.console,
    data: Annotated[Optional[Path], typer.Option(help="Data folder (default: ./data or DATA_DIR).")] = None,
    as_: Annotated[str, typer.Option("--as", help="Console only: who you are.")] = "me",
    webhook: Annotated[Optional[str], typer.Option(help="Telegram only: public webhook URL (default: long polling).")] = None,
    listen: Annotated[str, typer.Option(help="Telegram webhook: listen address.")] = "0.0.0.0",
    port: Annotated[int, typer.Option(help="Telegram webhook: port.")] = 8443,
) -> None:
    """Start the bot: on the console (default), Telegram, Discord, or both ("all")."""
    settings = _settings(data)
    if platform is Platform.console:
        from bot.adapters.console import run_console

        _open_checked(run_console, settings, as_)
    elif platform is Platform.telegram:
        from bot.adapters.telegram import run_telegram

        _open_checked(run_telegram, settings, webhook, listen, port)
    elif platform is Platform.discord:
        from bot.adapters.discord import run_discord

        _open_checked(run_discord, settings)
    else:
        from bot.serve import discord_starter, run_platforms, telegram_starter

        starters = [telegram_starter(settings, webhook, listen, port), discord_starter(settings)]
        _open_checked(run_platforms, settings, starters)


@app.command()
def chat(
    as_: Annotated[str, typer.Option("--as", help="Who you are; use another name in a second terminal.")] = "me",
    data: Annotated[Optional[Path], typer.Option(help="Data folder (default: ./data).")] = None,
) -> None:
    """Chat with the bot in this terminal, with the same data as the real bot."""
    from bot.adapters.console import run_console

    _open_checked(run_console, _settings(data), as_)


@app.command()
def simulate(
    script: Annotated[Path, typer.Argument(help="A YAML script of steps.")],
    data: Annotated[Optional[Path], typer.Option(help="Data folder (default: a fresh temporary one).")] = None,
) -> None:
    """Replay a script and print one JSON line per bot output."""
    from bot.simulate import ScriptError, load_script, simulate as run_script

    def replay(folder: Path) -> None:
        for output in run_script(script, folder):  # printed as they come: a later bad step keeps earlier lines
            typer.echo(json.dumps(output, ensure_ascii=False))

    try:
        load_script(script)  # report a malformed script before anything runs
        with tempfile.TemporaryDirectory(prefix="backbone-sim-") as tmp:
            _open_checked(replay, data or Path(tmp))
    except ScriptError as exc:
        _fail(str(exc))


@dialogs_app.command("check")
def dialogs_check(directory: Annotated[Optional[Path], typer.Option(help="Dialogs folder.")] = None) -> None:
    """Validate every dialog file."""
    from bot.engine.dialog_loader import DialogError, load_dialogs

    try:
        dialogs = load_dialogs(directory or Settings().dialogs_dir)
    except DialogError as exc:
        _fail("\n".join(exc.problems))
        return
    typer.echo(f"{len(dialogs.dialogs)} dialogs OK: {', '.join(sorted(dialogs.dialogs))}")


@dialogs_app.command("graph")
def dialogs_graph(
    name: Annotated[str, typer.Argument(help="The dialog's name, e.g. checkin.")],
    out: Annotated[Optional[Path], typer.Option(help="Write here (.mmd for Mermaid; .png/.svg renders with Graphviz).")] = None,
) -> None:
    """Write a diagram of a dialog: Mermaid text always, an image where Graphviz is installed."""
    from bot.engine.dialog_graph import to_dot, to_mermaid
    from bot.engine.dialog_loader import DialogError, load_dialogs

    try:
        dialogs = load_dialogs(Settings().dialogs_dir)
    except DialogError as exc:
        _fail("\n".join(exc.problems))
        return
    dialog = dialogs.dialogs.get(name)
    if dialog is None:
        _fail(f"No dialog called {name!r}. Known: {', '.join(sorted(dialogs.dialogs))}")
        return
    mermaid = to_mermaid(dialog)
    if out is None:
        typer.echo(mermaid, nl=False)
        return
    if out.suffix in (".png", ".svg"):
        dot = shutil.which("dot")
        out.with_suffix(".mmd").write_text(mermaid, encoding="utf-8")
        if dot is None:
            typer.echo(f"Graphviz isn't installed; wrote Mermaid text to {out.with_suffix('.mmd')}")
            return
        subprocess.run([dot, f"-T{out.suffix[1:]}", "-o", str(out)], input=to_dot(dialog), text=True, check=True)
        typer.echo(f"Wrote {out} and {out.with_suffix('.mmd')}")
        return
    out.write_text(mermaid, encoding="utf-8")
    typer.echo(f"Wrote {out}")


register_language_commands(app)  # backbone rewrite, backbone screen

if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
