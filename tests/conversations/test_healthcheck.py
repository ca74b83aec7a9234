"""The relationship health check: a private self-check, its chart, sharing a summary, retaking it."""

from __future__ import annotations

from bot.charts import SIZE
from tests.conftest import onboard
from tests.conversations.helpers import QUESTIONS, answer_all, at_step, paired_steps, png_size, texts_to

# communication 4 4 4, respect 5 5, boundaries 2 2, trust 5 5, independence 4 4,
# conflict 3 2 2, support 4 4 4, safety 5 5 5  -> weakest: boundaries (2.0), conflict (2.3)
STEADY = [4, 4, 4, 5, 5, 2, 2, 5, 5, 4, 4, 3, 2, 2, 4, 4, 4, 5, 5, 5]


def test_healthcheck_typed_and_out_of_range_answers_then_results_and_chart(run_script, monkeypatch):
    drawn = []
    import bot.charts

    real = bot.charts.health_chart
    monkeypatch.setattr(bot.charts, "health_chart", lambda *a, **k: drawn.append(real(*a, **k)) or drawn[-1])
    answers = ["6", "0", "four", "hmm, hard to say", "4/5"] + STEADY[2:]
    out = run_script(onboard("alice") + [
        {"as": "alice", "say": "/healthcheck"},
        {"as": "alice", "say": "let's start"},  # typing the label instead of pressing
    ] + answer_all("alice", answers) + [{"as": "alice", "tap": "Keep it to myself"}])
    first_q = 8
    assert "1 (not at all) to 5 (very much)" in at_step(out, 7)[0]["text"]
    assert "1/20" in at_step(out, first_q)[0]["text"]
    assert "Just 1 to 5" in at_step(out, first_q + 1)[0]["text"]  # "6"
    assert "Just 1 to 5" in at_step(out, first_q + 2)[0]["text"]  # "0"
    assert "2/20" in at_step(out, first_q + 3)[0]["text"]  # "four" accepted
    assert "Tap a number" in at_step(out, first_q + 4)[0]["text"]  # not a number: kind re-ask, same buttons
    assert at_step(out, first_q + 4)[0]["buttons"][0] == "1 Not at all"
    assert "3/20" in at_step(out, first_q + 5)[0]["text"]  # "4/5" accepted
    last = first_q + len(answers)
    result, image = at_step(out, last)
    assert "Boundaries: 2.0" in result["text"] and "Conflict resolution: 2.3" in result["text"]
    assert "Two areas that could use a little care" in result["text"]
    care = result["text"].split("a little care:")[1]
    assert "• Boundaries:" in care and "• Conflict resolution:" in care and "• Trust" not in care
    assert "first health check" in result["text"]
    assert result["buttons"] == ["Preview a summary", "Keep it to myself"]
    assert image["file"] == "healthcheck.png" and "Just for you" in image["text"]
    assert "Saved, just for you" in out[-1]["text"] or "Kept private" in out[-1]["text"]
    assert all(o["to"] == "alice" for o in out)
    assert len(drawn) == 1 and drawn[0].points == 8
    assert png_size(drawn[0].png) == SIZE


def test_healthcheck_share_summary_with_partner_and_retake_shows_change(run_script, tmp_path):
    data = tmp_path / "couple"
    out = paired_steps(run_script, data)
    out = run_script([{"as": "alice", "say": "/healthcheck"}, {"as": "alice", "tap": "Let's start"}]
                     + answer_all("alice", STEADY)
                     + [{"as": "alice", "tap": "Preview a summary"}, {"as": "alice", "tap": "Share it"},
                        {"wait": "14d"},
                        {"as": "alice", "say": "/healthcheck"}, {"as": "alice", "tap": "Let's start"}]
                     + answer_all("alice", STEADY[:5] + [4, 4] + STEADY[7:])
                     + [{"as": "alice", "tap": "Keep it to myself"}], data=data)
    preview = [o for o in out if "exactly what Bob would see" in o["text"]][0]["text"]
    shown = preview.split("would see:\n\n", 1)[1]
    to_bob = [t for t in texts_to(out, "bob") if "check-in" not in t.lower() and "check in" not in t.lower()]
    assert to_bob[0] == shown  # exactly the preview
    assert [t for t in texts_to(out, "bob") if "health check" in t] == [shown]  # and nothing more of it
    assert "boundaries and conflict resolution" in shown and "Alice" in shown
    assert not any(ch.isdigit() for ch in shown)  # a summary, never the answers or scores
    retake = [o for o in out if "Since last time" in o["text"]][0]["text"]
    assert "boundaries up 2" in retake and "the rest about the same" in retake
    assert "Conflict resolution" in retake.split("a little care:")[1]
    caption = [o for o in out if o.get("file") == "healthcheck.png"][-1]["text"]
    assert "last time" in caption


def test_healthcheck_unpaired_share_is_refused_kindly(run_script):
    out = run_script(onboard("alice") + [{"as": "alice", "say": "/healthcheck"}, {"as": "alice", "tap": 1}]
                     + answer_all("alice", STEADY) + [{"as": "alice", "tap": "Preview a summary"}])
    assert "not paired" in out[-1]["text"] and "saved just for you" in out[-1]["text"]


def test_healthcheck_fear_leads_to_private_resources_and_no_sharing(run_script, tmp_path):
    data = tmp_path / "couple"
    paired_steps(run_script, data)
    answers = STEADY[:17] + [1, 2, 4]  # unsafe, afraid to disagree
    out = run_script([{"as": "alice", "say": "/healthcheck"}, {"as": "alice", "tap": "Let's start"}]
                     + answer_all("alice", answers)
                     + [{"as": "alice", "tap": "See my results"}, {"as": "alice", "tap": "Done"}], data=data)
    safety = [o for o in out if "don't always feel safe" in o["text"]][0]
    assert "•" in safety["text"] and "Emergency" in safety["text"]  # resources listed
    assert safety["buttons"] == ["See my results", "Stop here"]
    results = [o for o in out if "Here's how things feel" in o["text"]][0]
    assert results["buttons"] == ["Done"]  # no share offered
    assert texts_to(out, "bob") == []


def test_healthcheck_back_changes_the_last_answer(run_script):
    out = run_script(onboard("alice") + [{"as": "alice", "say": "/healthcheck"}, {"as": "alice", "tap": 1},
                                         {"as": "alice", "tap": 1}, {"as": "alice", "say": "back"}]
                     + answer_all("alice", [4] + STEADY[1:]) + [{"as": "alice", "tap": 2}])
    assert "1/20" in at_step(out, 10)[0]["text"]
    assert "Communication: 4.0" in [o for o in out if "Here's how things feel" in o["text"]][0]["text"]


def test_healthcheck_leave_halfway_and_come_back_a_week_later(run_script):
    out = run_script(onboard("alice") + [{"as": "alice", "say": "/healthcheck"}, {"as": "alice", "tap": 1}]
                     + answer_all("alice", STEADY[:8])
                     + [{"wait": "7d"}, {"as": "alice", "say": "5"}, {"as": "alice", "tap": "Pick up where we were"}]
                     + answer_all("alice", STEADY[8:]) + [{"as": "alice", "tap": 2}])
    welcome = [o for o in out if "Welcome back" in o["text"]][0]
    assert "health check" in welcome["text"] and "Pick up where we were" in welcome["buttons"]
    resumed = [o for o in out if o["text"].startswith("Here's where we were")][0]
    assert f"9/{QUESTIONS}" in resumed["text"]
    results = [o for o in out if "Here's how things feel" in o["text"]][0]["text"]
    assert "Communication: 4.0" in results and "Trust: 5.0" in results  # answers from before the pause kept
