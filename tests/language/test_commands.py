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


def test_screen_command_honours_semantic_in_dotenv(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from bot.cli import app
    from bot.language import embedding

    msg = "Tell my husband I'm sorry, I won't be around to fix things anymore"  # only the model hears this one
    monkeypatch.delenv("SEMANTIC", raising=False)
    monkeypatch.delenv("BACKBONE_SEMANTIC", raising=False)
    monkeypatch.chdir(tmp_path)
    try:
        (tmp_path / ".env").write_text("SEMANTIC=false\n")
        assert CliRunner().invoke(app, ["screen", msg, "--json"]).output.count('"level": "none"') == 1
        (tmp_path / ".env").write_text("SEMANTIC=true\n")
        assert '"level": "concern"' in CliRunner().invoke(app, ["screen", msg, "--json"]).output
    finally:
        embedding._configured.clear()
