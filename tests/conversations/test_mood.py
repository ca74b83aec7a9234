"""The mood chart: last 30 days of check-ins, a partner's shared ones alongside, kind when empty."""

from __future__ import annotations

import pytest

import bot.charts
from bot.charts import SIZE, Series, health_chart, mood_chart
from tests.conftest import onboard
from tests.conversations.helpers import checkin, paired_steps, png_size, texts_to


@pytest.fixture
def drawn(monkeypatch):
    """Every mood chart the dialog draws, as returned by bot.charts (PNG bytes and point counts)."""
    charts = []
    real = bot.charts.mood_chart

    def spy(*args, **kwargs):
        charts.append(real(*args, **kwargs))
        return charts[-1]

    monkeypatch.setattr(bot.charts, "mood_chart", spy)
    return charts


def test_mood_with_no_checkins_is_kind_and_draws_nothing(run_script, drawn):
    out = run_script(onboard("alice") + [{"as": "alice", "say": "/mood"}])
    last = out[-1]
    assert "nothing to draw yet" in last["text"] or "No check-ins" in last["text"]
    assert "/checkin" in last["text"] and "file" not in last
    assert drawn == []


def test_mood_with_one_checkin_is_a_single_dot(run_script, drawn):
    out = run_script(onboard("alice") + checkin("alice", 3) + [{"as": "alice", "say": "/mood"}])
    text, image = out[-2], out[-1]
    assert "single dot" in text["text"] and "feelings you named most" in text["text"]
    assert image["file"] == "mood.png"
    assert len(drawn) == 1 and drawn[0].points == 1
    assert png_size(drawn[0].png) == SIZE


def test_mood_last_30_days_only_with_feelings_and_no_streaks(run_script, drawn):
    steps = onboard("alice") + checkin("alice", 1, feeling=2) + [{"wait": "40d"}]
    for scale in (2, 4, 5, 4):
        steps += checkin("alice", scale, feeling=1) + [{"wait": "3d"}]
    out = run_script(steps + [{"as": "alice", "say": "/mood"}])
    text = out[-2]["text"]
    assert "feelings you named most" in text
    assert not any(word in text.lower() for word in ("streak", "missed", "in a row", "only"))
    assert drawn[0].points == 4  # the check-in from 40 days ago is outside the window
    assert drawn[0].series == {"You": 4}


def test_mood_couple_who_share_see_both_lines_private_ones_stay_out(run_script, drawn, tmp_path):
    data = tmp_path / "couple"
    paired_steps(run_script, data)
    out = run_script(
        checkin("alice", 4, share=True) + checkin("bob", 2, share=True) + [{"wait": "1d"}]
        + checkin("bob", 1, share=False) + checkin("alice", 3)
        + [{"as": "alice", "say": "/mood"}, {"as": "bob", "say": "/mood"}],
        data=data,
    )
    text = [t for t in texts_to(out, "alice") if "last 30 days" in t][0]
    assert "Bob's line shows only the check-ins they chose to share" in text
    assert drawn[0].series == {"You": 2, "Bob": 1}  # Bob's private check-in stays out
    assert drawn[0].points == 3
    assert drawn[1].series == {"You": 2, "Alice": 1}  # and Alice's private one stays out of Bob's chart


def test_mood_partner_who_never_shared_is_not_drawn(run_script, drawn, tmp_path):
    data = tmp_path / "couple"
    paired_steps(run_script, data)
    run_script(checkin("bob", 2) + checkin("alice", 4) + [{"as": "alice", "say": "/mood"}], data=data)
    assert drawn[-1].series == {"You": 1}


def test_chart_images_are_phone_sized_pngs_with_the_expected_points():
    from datetime import date, timedelta

    today = date(2026, 3, 30)
    mine = Series("You", [(today - timedelta(days=d), d % 5 + 1) for d in range(0, 30, 3)])  # 10 points
    theirs = Series("Sam", [(today - timedelta(days=d), 3) for d in (1, 8, 40)])  # 2 in the window
    chart = mood_chart([mine, theirs], [("tired", 4), ("hopeful 🌱", 2)], today=today)
    assert png_size(chart.png) == SIZE == (1080, 1350)
    assert chart.points == 12 and chart.series == {"You": 10, "Sam": 2}
    empty = mood_chart([Series("You", [])], [], today=today)
    assert png_size(empty.png) == SIZE and empty.points == 0
    health = health_chart([("Trust", 4.5), ("Support", 1.0), ("Respect", 6)], previous={"Trust": 3.0})
    assert png_size(health.png) == SIZE and health.points == 3
