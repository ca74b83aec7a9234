"""Slash commands mirroring the engine's commands, and syncing them only when they changed."""

from __future__ import annotations

import hashlib
import json
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

import discord
from discord import app_commands

log = logging.getLogger(__name__)

HASH_FILE = "discord_commands.sha256"
_NAME = re.compile(r"^[-_a-z0-9]{1,32}$")

# Engine words that also work as commands (bot/engine/engine.py SESSION_COMMANDS), with where they make sense.
BUILTINS: dict[str, tuple[str, bool, bool]] = {
    "start": ("start, or see the menu", True, True),
    "help": ("what I can do", True, True),
    "menu": ("show the menu", True, False),
    "cancel": ("stop what we're doing; nothing is shared", True, False),
}


@dataclass(frozen=True)
class SlashSpec:
    name: str
    description: str
    in_dm: bool = True
    in_groups: bool = False
    takes_text: bool = False


def engine_commands(dialogs: Any) -> list[SlashSpec]:
    """Dialog commands (dialogs with `command`), registry COMMANDS and the built-in words."""
    from bot.engine.registry import COMMANDS

    specs: dict[str, SlashSpec] = {}
    for name, (description, in_dm, in_groups) in BUILTINS.items():
        specs[name] = SlashSpec(name, description, in_dm, in_groups)
    for dialog in dialogs.dialogs.values():
        if dialog.command:
            specs[dialog.command] = SlashSpec(
                dialog.command, dialog.description or dialog.title, True, bool(getattr(dialog, "in_groups", False)),
            )
    for spec in COMMANDS.values():
        specs[spec.name] = SlashSpec(spec.name, spec.description, spec.in_dm, spec.in_groups, takes_text=True)
    out = []
    for spec in specs.values():
        if not _NAME.match(spec.name):
            log.warning("command %r is not a valid Discord command name; not registered", spec.name)
            continue
        out.append(spec)
    return sorted(out, key=lambda s: s.name)


def _description(text: str) -> str:
    text = " ".join((text or "").split()) or "Backbone"
    return text if len(text) <= 100 else text[:99] + "…"


def make_command(spec: SlashSpec) -> app_commands.Command:
    name = spec.name

    if spec.takes_text:
        @app_commands.describe(text="anything that goes with the command, such as an invite code")
        async def with_text(interaction: discord.Interaction, text: Optional[str] = None) -> None:
            await interaction.client.backbone_command(interaction, name, text or "")  # type: ignore[attr-defined]

        callback: Any = with_text
    else:
        async def plain(interaction: discord.Interaction) -> None:
            await interaction.client.backbone_command(interaction, name, "")  # type: ignore[attr-defined]

        callback = plain
    command = app_commands.Command(name=name, description=_description(spec.description), callback=callback)
    command.allowed_contexts = app_commands.AppCommandContext(
        guild=spec.in_groups, dm_channel=spec.in_dm, private_channel=False,
    )
    command.allowed_installs = app_commands.AppInstallationType(guild=True, user=False)
    return command


def build_tree(tree: app_commands.CommandTree, specs: list[SlashSpec]) -> None:
    tree.clear_commands(guild=None)
    for spec in specs:
        tree.add_command(make_command(spec))


def commands_hash(tree: app_commands.CommandTree, application_id: int | None) -> str:
    payload = [c.to_dict(tree) for c in sorted(tree.get_commands(), key=lambda c: c.name)]
    blob = json.dumps({"app": application_id, "commands": payload}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def read_hash(data_dir: Path) -> str | None:
    try:
        return (Path(data_dir) / HASH_FILE).read_text(encoding="ascii").strip() or None
    except (OSError, UnicodeDecodeError):
        return None


def write_hash(data_dir: Path, value: str) -> None:
    path = Path(data_dir) / HASH_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(value + "\n", encoding="ascii")
    tmp.replace(path)
