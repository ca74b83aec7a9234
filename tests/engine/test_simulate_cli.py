"""`backbone simulate`: JSON lines out, malformed scripts named by step."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from bot.cli import app


def run(tmp_path, text: str):
    script = tmp_path / "s.yaml"
    script.write_text(text, encoding="utf-8")
    return CliRunner().invoke(app, ["simulate", str(script)])


def test_prints_one_json_line_per_output(tmp_path):
    result = run(tmp_path, """
steps:
  - {as: alice, say: "/start"}
  - {as: alice, say: "Alice"}
  - {as: alice, say: "Europe/Berlin"}
  - {as: alice, tap: 2}
  - {as: alice, tap: "Yes, remind me"}
  - {wait: "26h"}
""")
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert [line["step"] for line in lines][:4] == [1, 2, 3, 4]
    assert all(set(line) >= {"step", "to", "text", "buttons"} for line in lines)
    assert lines[2]["buttons"] == ["Morning (08:00)", "Evening (20:00)"]
    assert "20:00" in lines[3]["text"]


def test_same_script_same_output(tmp_path):
    text = "steps:\n  - {as: a, say: /start}\n  - {as: a, say: A}\n"
    assert run(tmp_path, text).output == run(tmp_path, text).output


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("steps:\n  - {as: a, say: hi}\n  - {as: a, tap: 'Nope'}\n", "step 2"),
        ("steps:\n  - {as: a, say: hi, tap: 1}\n", "step 1: "),
        ("steps:\n  - {say: hi}\n", "step 1: "),
        ("steps:\n  - {wait: 'soon'}\n", "cannot read the duration"),
        ("steps:\n  - {as: a, in: 'home', say: hi}\n", "group:NAME"),
        ("steps: 3\n", "steps:"),
        ("steps: [\n", "cannot read"),
        ("steps:\n  - {as: a, sing: hi}\n", "step 1"),
    ],
)
def test_malformed_scripts_exit_nonzero_naming_the_step(tmp_path, text, message):
    result = run(tmp_path, text)
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output


def test_outputs_before_a_bad_step_are_still_printed(tmp_path):
    result = run(tmp_path, "steps:\n  - {as: a, say: /start}\n  - {as: a, tap: 'Nope'}\n")
    assert result.exit_code != 0
    assert result.output.splitlines()[0].startswith('{"step": 1')
    assert "step 2" in result.output
