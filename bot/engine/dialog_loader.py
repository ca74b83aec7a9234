"""Load dialog YAML files and check them, with errors that name file, state and problem."""

from __future__ import annotations

import string
from collections import deque
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import ValidationError

from bot.engine.dialog_model import Dialog
from bot.engine.hooks import get_hook, hook_names

# Variables every template may use: they come from the person's profile.
GLOBAL_VARS = frozenset({"name", "partner_name"})

DEFAULT_DIALOGS_DIR = Path(__file__).resolve().parents[2] / "dialogs"


class DialogError(Exception):
    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


def template_vars(text: str) -> set[str]:
    out: set[str] = set()
    for _, field_name, _, _ in string.Formatter().parse(text):
        if field_name:
            out.add(field_name.split(".")[0].split("[")[0])
    return out


def check_dialog(dialog: Dialog, source: str) -> list[str]:
    problems: list[str] = []
    known_hooks = hook_names()

    def bad(state: str | None, what: str) -> None:
        where = f"state '{state}'" if state else "dialog"
        problems.append(f"{source}: {where}: {what}")

    if dialog.start not in dialog.states:
        bad(None, f"start state '{dialog.start}' does not exist")

    defined_vars = set(GLOBAL_VARS)
    for name, state in dialog.states.items():
        if state.save:
            defined_vars.add(state.save)
        for hook_name in [*state.on_enter, state.validate_, state.options]:
            if hook_name is None:
                continue
            if hook_name not in known_hooks:
                bad(name, f"unknown hook '{hook_name}' (known: {', '.join(sorted(known_hooks))})")
                continue
            spec = get_hook(hook_name)
            assert spec is not None
            defined_vars.update(spec.sets)

    for name, state in dialog.states.items():
        for target in state.targets():
            if target not in dialog.states:
                bad(name, f"goes to unknown state '{target}'")
        if not state.end and not state.targets():
            bad(name, "has no way out and is not marked `end: true`")
        if state.choices and not state.next:
            for choice in state.choices:
                if not choice.next:
                    bad(name, f"choice '{choice.label}' leads nowhere (give it or the state a `next`)")
        labels = [c.label.casefold() for c in state.choices]
        if len(labels) != len(set(labels)):
            bad(name, "two choices share a label")
        if state.optional and not (state.skip_to or state.next):
            bad(name, "is optional but has nowhere to skip to")
        if not state.say and not state.end:
            bad(name, "says nothing")
        for text in state.say + ([state.help] if state.help else []):
            try:
                used = template_vars(text)
            except ValueError as exc:
                bad(name, f"broken template {text!r}: {exc}")
                continue
            for var in sorted(used - defined_vars):
                bad(name, f"template variable '{{{var}}}' is never set")

    if dialog.start in dialog.states:
        seen = {dialog.start}
        queue = deque([dialog.start])
        while queue:
            for target in dialog.states[queue.popleft()].targets():
                if target in dialog.states and target not in seen:
                    seen.add(target)
                    queue.append(target)
        for name in dialog.states:
            if name not in seen:
                bad(name, "is unreachable from the start state")
    return problems


@dataclass(frozen=True)
class DialogSet:
    dialogs: dict[str, Dialog]

    def by_command(self, command: str) -> Dialog | None:
        for dialog in self.dialogs.values():
            if dialog.command == command:
                return dialog
        return None

    def menu(self) -> list[Dialog]:
        listed = [d for d in self.dialogs.values() if d.menu is not False and d.menu != 0]
        return sorted(listed, key=lambda d: (d.menu is True, int(d.menu), d.title))


def load_dialog_file(path: Path) -> tuple[Dialog | None, list[str]]:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        return None, [f"{path.name}: cannot read YAML: {exc}"]
    if not isinstance(raw, dict):
        return None, [f"{path.name}: expected a mapping at the top level"]
    raw.setdefault("name", path.stem)
    try:
        dialog = Dialog.model_validate(raw)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = err["loc"]
            where = f"state '{loc[1]}'" if len(loc) > 1 and loc[0] == "states" else "dialog"
            field = ".".join(str(p) for p in loc[2:] if p != "validate_") or ".".join(map(str, loc))
            problems.append(f"{path.name}: {where}: {field}: {err['msg']}")
        return None, problems
    return dialog, check_dialog(dialog, path.name)


def load_dialogs(directory: Path | None = None) -> DialogSet:
    """Load and check every dialog; raise DialogError listing all problems."""
    directory = directory or DEFAULT_DIALOGS_DIR
    dialogs: dict[str, Dialog] = {}
    problems: list[str] = []
    files = sorted(directory.glob("*.yaml"))
    if not files:
        raise DialogError([f"{directory}: no dialog files (*.yaml) found"])
    for path in files:
        dialog, found = load_dialog_file(path)
        problems += found
        if dialog is None:
            continue
        if dialog.name in dialogs:
            problems.append(f"{path.name}: dialog name '{dialog.name}' is used twice")
        dialogs[dialog.name] = dialog
    commands = [d.command for d in dialogs.values() if d.command]
    for command in {c for c in commands if commands.count(c) > 1}:
        problems.append(f"command '/{command}' is claimed by two dialogs")
    if problems:
        raise DialogError(problems)
    return DialogSet(dialogs)
