"""Boundaries: proposed by one, added when the other agrees, revisited by either."""

from __future__ import annotations

from tests.conftest import onboard
from tests.couples.helpers import paired, texts_to


def test_boundary_lifecycle(run_script, tmp_path):
    _, data = paired(run_script, data=tmp_path / "d")
    out = run_script([
        {"as": "alice", "say": "/boundaries"},
        {"as": "alice", "tap": "Suggest a boundary"},
        {"as": "alice", "say": "No phones at dinner"},
        {"as": "alice", "tap": "Send it"},
        {"as": "bob", "say": "/boundaries"},
        {"as": "bob", "tap": "Respond"},
        {"as": "bob", "tap": 1},
        {"as": "bob", "tap": "Agree"},
        {"as": "alice", "say": "/boundaries"},
    ], data=data)
    preview = [o["text"] for o in out if o["step"] == 3][0]
    to_bob_step4 = texts_to([o for o in out if o["step"] == 4], "bob")
    assert to_bob_step4 and to_bob_step4[0] in preview and "No phones at dinner" in to_bob_step4[0]
    assert "1 waiting for your answer" in [o["text"] for o in out if o["step"] == 5][0]
    assert "agreed to a boundary" in texts_to([o for o in out if o["step"] == 8], "alice")[0]
    assert "• No phones at dinner" in out[-1]["text"]
    # Bob asks to revisit; Alice decides to set it aside.
    out = run_script([
        {"as": "bob", "say": "/boundaries"},
        {"as": "bob", "tap": "Revisit one"},
        {"as": "bob", "tap": 1},
        {"as": "alice", "say": "/boundaries"},
        {"as": "alice", "tap": "Respond"},
        {"as": "alice", "tap": 1},
        {"as": "alice", "tap": "Set it aside"},
        {"as": "bob", "say": "/boundaries"},
    ], data=data)
    assert "revisit" in texts_to([o for o in out if o["step"] == 3], "alice")[0]
    assert "up for revisiting" in [o for o in out if o["step"] == 4][0]["text"]
    assert "set one of your boundaries aside" in texts_to([o for o in out if o["step"] == 7], "bob")[0]
    assert "No phones" not in out[-1]["text"]


def test_boundary_kept_private_and_not_paired(run_script, tmp_path):
    _, data = paired(run_script, data=tmp_path / "d")
    out = run_script(onboard("carol") + [
        {"as": "alice", "say": "/boundaries"},
        {"as": "alice", "tap": "Suggest a boundary"},
        {"as": "alice", "say": "Quiet Sundays wombat"},
        {"as": "alice", "tap": "Keep it to myself"},
        {"as": "bob", "say": "/boundaries"},
        {"as": "bob", "tap": "Respond"},
        {"as": "carol", "say": "/boundaries"},
    ], data=data)
    assert not [o for o in out if "wombat" in o["text"] and o["to"] != "alice"]
    assert "Nothing is waiting" in texts_to(out, "bob")[-1]
    assert "Pair first" in texts_to(out, "carol")[-1]
