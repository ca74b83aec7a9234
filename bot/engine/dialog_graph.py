"""Draw a dialog as a Mermaid flowchart (always) or Graphviz DOT (for an image)."""

from __future__ import annotations

from bot.engine.dialog_model import Dialog


def _edges(dialog: Dialog) -> list[tuple[str, str, str]]:
    edges: list[tuple[str, str, str]] = []
    for name, state in dialog.states.items():
        for choice in state.choices:
            edges.append((name, choice.next or state.next or "", choice.label))
        if state.next and (not state.choices or state.accepts_text or state.options):
            edges.append((name, state.next, "answer" if state.waits else ""))
        if state.optional and (state.skip_to or state.next):
            edges.append((name, state.skip_to or state.next or "", "skip"))
        for branch in state.branches:
            edges.append((name, branch, "hook"))
    return [e for e in edges if e[1]]


def _label(text: str) -> str:
    return text.replace('"', "'").replace("\n", " ")[:40]


def to_mermaid(dialog: Dialog) -> str:
    lines = ["flowchart TD", f'  start(("{_label(dialog.title)}")) --> {dialog.start}']
    for name, state in dialog.states.items():
        shape = f'{name}(["{name}"])' if state.end else f'{name}["{name}"]'
        lines.append(f"  {shape}")
    for source, target, label in _edges(dialog):
        arrow = f' -->|"{_label(label)}"| ' if label else " --> "
        lines.append(f"  {source}{arrow}{target}")
    return "\n".join(lines) + "\n"


def to_dot(dialog: Dialog) -> str:
    lines = [f'digraph "{dialog.name}" {{', "  rankdir=TB; node [shape=box, style=rounded];"]
    for name, state in dialog.states.items():
        lines.append(f'  "{name}" [shape={"doublecircle" if state.end else "box"}];')
    for source, target, label in _edges(dialog):
        lines.append(f'  "{source}" -> "{target}" [label="{_label(label)}"];')
    lines.append("}")
    return "\n".join(lines) + "\n"
