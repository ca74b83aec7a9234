"""Dialog files are checked at load, with errors naming file, state and problem."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.cli import app
from bot.engine.dialog_loader import DialogError, load_dialogs


def write(tmp_path: Path, text: str, name: str = "demo.yaml") -> Path:
    (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


GOOD = """
title: Demo
command: demo
start: a
states:
  a:
    say: ["Hi {name}, pick one", "Hello {name}, pick"]
    choices:
      - {label: "One", value: 1, next: b}
    save: picked
  b:
    say: "You picked {picked}."
    end: true
"""


def test_shipped_dialogs_are_valid():
    dialogs = load_dialogs()
    assert {"onboarding", "checkin", "coach", "confide", "history", "export", "forget"} <= set(dialogs.dialogs)


def test_good_dialog_loads(tmp_path):
    assert "demo" in load_dialogs(write(tmp_path, GOOD)).dialogs


@pytest.mark.parametrize(
    ("broken", "expected"),
    [
        (GOOD.replace("next: b", "next: nowhere"), "state 'a': goes to unknown state 'nowhere'"),
        (GOOD + "  lonely:\n    say: hi\n    end: true\n", "state 'lonely': is unreachable"),
        (GOOD.replace("    end: true", "    text: true"), "state 'b': has no way out"),
        (GOOD.replace("{picked}", "{mystery}"), "template variable '{mystery}' is never set"),
        (GOOD.replace("save: picked", "save: picked\n    on_enter: no_such_hook"), "unknown hook 'no_such_hook'"),
        (GOOD.replace("start: a", "start: zz"), "start state 'zz' does not exist"),
        (GOOD.replace("title: Demo", "title: Demo\nbogus: 1"), "bogus"),
        ("states: [", "cannot read YAML"),
    ],
)
def test_broken_dialogs_name_file_state_and_problem(tmp_path, broken, expected):
    with pytest.raises(DialogError) as info:
        load_dialogs(write(tmp_path, broken))
    text = str(info.value)
    assert "demo.yaml" in text and expected in text


def test_cli_check_and_graph(tmp_path):
    runner = CliRunner()
    ok = runner.invoke(app, ["dialogs", "check"])
    assert ok.exit_code == 0, ok.output
    assert "dialogs OK" in ok.output
    bad = runner.invoke(app, ["dialogs", "check", "--directory", str(write(tmp_path, GOOD.replace("next: b", "next: x")))])
    assert bad.exit_code == 1 and "unknown state 'x'" in bad.output
    graph = runner.invoke(app, ["dialogs", "graph", "checkin"])
    assert graph.exit_code == 0 and graph.output.startswith("flowchart TD")
    assert "scale" in graph.output and "share" in graph.output
    out = tmp_path / "c.mmd"
    assert runner.invoke(app, ["dialogs", "graph", "checkin", "--out", str(out)]).exit_code == 0
    assert out.read_text().startswith("flowchart TD")
    assert runner.invoke(app, ["dialogs", "graph", "nope"]).exit_code == 1
