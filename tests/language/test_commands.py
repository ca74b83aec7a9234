import json

import typer
from typer.testing import CliRunner

from bot.commands.language import register

app = typer.Typer()
register(app)
runner = CliRunner()


def test_rewrite_json():
    res = runner.invoke(app, ["rewrite", "You never help with the dishes", "--json"])
    assert res.exit_code == 0, res.output
    d = json.loads(res.output)
    assert set(d) == {"text", "blaming", "problems", "suggestion", "feeling", "need", "request"}
    assert d["blaming"] is True and d["suggestion"].startswith("I feel")
    assert all(set(p) == {"kind", "span", "why"} for p in d["problems"])


def test_rewrite_plain_fair_sentence():
    res = runner.invoke(app, ["rewrite", "Could you call me at lunch?"])
    assert res.exit_code == 0 and "fair" in res.output.lower()


def test_rewrite_stdin_one_per_line():
    res = runner.invoke(app, ["rewrite", "-", "--json"], input="You never listen\nThanks for dinner\n\nYou're so lazy\n")
    lines = [json.loads(x) for x in res.output.strip().splitlines()]
    assert [d["blaming"] for d in lines] == [True, False, True]


def test_screen_json_and_stdin():
    res = runner.invoke(app, ["screen", "I want to die", "--json"])
    assert json.loads(res.output) == {"text": "I want to die", "level": "crisis", "kind": "self_harm"}
    res = runner.invoke(app, ["screen", "-", "--json"], input="this deadline is killing me\nhe hit me\n")
    out = [json.loads(x) for x in res.output.strip().splitlines()]
    assert [o["level"] for o in out] == ["none", "crisis"]
    assert out[1]["kind"] == "abuse"
