""""I don't feel backed up": the calm step-by-step flow, its invitation, privacy and resuming."""

from __future__ import annotations

from tests.conftest import onboard
from tests.conversations.helpers import paired_steps, texts_to

HAPPENED = "At dinner with his parents he laughed along when his mum criticised my cooking. Then he changed the subject."


def start(who: str = "alice") -> list[dict]:
    return [{"as": who, "say": "/backup"}, {"as": who, "tap": "Okay, let's start"}]


def first_half(who: str = "alice") -> list[dict]:
    return [
        {"as": who, "say": HAPPENED},
        {"as": who, "tap": "Hurt"},
        {"as": who, "tap": "Feeling like a team"},
        {"as": who, "say": "He was probably tired and hates conflict with his mum"},
        {"as": who, "tap": "I feel that urge right now"},
        {"as": who, "tap": "Okay"},
        {"as": who, "tap": "A walk together"},
    ]


def second_half(who: str = "alice") -> list[dict]:
    return [
        {"as": who, "tap": "To talk it through this week"},
        {"as": who, "say": "when you laughed along at dinner"},  # asked: the story was too long for one clause
        {"as": who, "tap": "That works"},
        {"as": who, "say": "I snapped at him in the car on the way home"},
        {"as": who, "tap": "Makes sense"},
        {"as": who, "tap": "Sometimes"},
        {"as": who, "say": "We back each other up in front of family"},
        {"as": who, "tap": "Good to know"},
    ]


def test_backup_whole_flow_then_share_only_the_invitation(run_script, tmp_path):
    data = tmp_path / "couple"
    paired_steps(run_script, data)
    out = run_script(start() + first_half() + second_half() + [{"as": "alice", "tap": "Send it"}], data=data)
    said = "\n".join(texts_to(out, "alice"))
    for step in ("camera", "underneath", "hit back", "time together", "invitation", "your own share",
                 "not to weigh this against", "giving a lot more", "boundary", "counsellor"):
        assert step in said, step
    draft = [o for o in out if "Here's a draft" in o["text"]][0]["text"]
    assert "“I feel hurt when you laughed along at dinner, because I need partnership." in draft
    assert "talk it through" in draft
    preview = [o for o in out if "exactly what they'd get" in o["text"]][0]
    assert preview["buttons"] == ["Send it", "Keep it private"]
    shown = preview["text"].split("exactly what they'd get:\n\n", 1)[1]
    to_bob = texts_to(out, "bob")
    assert to_bob == [shown]
    assert "mum criticised my cooking" not in shown and "snapped" not in shown and "tired" not in shown
    assert "Sent, exactly as you saw it" in texts_to(out, "alice")[-1]


def test_backup_typing_instead_of_pressing_and_bad_input(run_script):
    out = run_script(onboard("alice") + [
        {"as": "alice", "say": "/backup"},
        {"as": "alice", "say": "okay lets start"},  # the button's label, typed
        {"as": "alice", "say": "..."},  # no words
        {"as": "alice", "say": "x" * 1500},  # far too long for one step
        {"as": "alice", "say": "He left me alone at the party"},
        {"as": "alice", "say": "hurt, lonely and a bit embarrassed"},
        {"as": "alice", "say": "skip"},
        {"as": "alice", "say": "skip"},
        {"as": "alice", "say": "banana"},  # not one of the two choices
        {"as": "alice", "say": "2"},  # the second button, by number
        {"as": "alice", "say": "skip"},
        {"as": "alice", "say": "could we please make a plan for parties"},
        {"as": "alice", "say": "respect"},  # the need was skipped earlier, so it is asked for here
    ])
    texts = [o["text"] for o in out]
    assert "A few words are enough" in texts[8]
    assert "That's a lot at once" in texts[9]
    assert "Feeling hurt, lonely and a bit embarrassed after" in texts[11]
    assert "I didn't quite get that" in texts[14]
    assert "small thing you could suggest" in texts[15]
    assert "What do you need underneath it" in texts[-2]
    draft = texts[-1]
    assert "“I feel hurt when" in draft and "the party" in draft and "because I need respect" in draft
    assert "Would you be willing to make a plan for parties together?”" in draft  # "could we": done together


def test_backup_stop_and_resume_a_week_later(run_script):
    out = run_script(onboard("alice") + start() + first_half()[:3]
                     + [{"wait": "7d"}, {"as": "alice", "say": "hello"},
                        {"as": "alice", "tap": "Pick up where we were"}, {"as": "alice", "say": "skip"}]
                     + first_half()[4:] + second_half() + [{"as": "alice", "tap": "Keep it private"}])
    welcome = [o for o in out if "Welcome back" in o["text"]][0]
    assert "i don't feel backed up" in welcome["text"]
    resumed = [o for o in out if o["text"].startswith("Here's where we were")][0]["text"]
    assert "what might have been going on for them" in resumed
    assert "Kept private" in out[-1]["text"]
    assert all(o["to"] == "alice" for o in out)


def test_backup_write_own_words_gets_a_gentler_suggestion(run_script):
    out = run_script(onboard("alice") + start() + first_half() + [
        {"as": "alice", "tap": "To talk it through this week"},
        {"as": "alice", "say": "when you laughed along at dinner"},
        {"as": "alice", "tap": "Write my own"},
        {"as": "alice", "say": "You never back me up in front of your mother"},
        {"as": "alice", "tap": "Keep mine"},
        {"as": "alice", "tap": "I don't think so"},
        {"as": "alice", "tap": "Makes sense"},
        {"as": "alice", "tap": "No, it's a rough patch"},
        {"as": "alice", "tap": "Not right now"},
        {"as": "alice", "tap": "Good to know"},
    ])
    suggestion = [o for o in out if "One way to say it" in o["text"]][0]["text"]
    assert "blame" in suggestion and "I feel" in suggestion
    assert "“You never back me up in front of your mother”" in out[-1]["text"]  # kept as they wrote it


def test_backup_fear_gives_resources_and_offers_no_sending(run_script, tmp_path):
    data = tmp_path / "couple"
    paired_steps(run_script, data)
    out = run_script(start() + first_half() + second_half()[:5] + [
        {"as": "alice", "tap": "I feel afraid of them"},
        {"as": "alice", "tap": "Keep going"},
        {"as": "alice", "say": "skip"},
        {"as": "alice", "tap": "Good to know"},
    ], data=data)
    safety = [o for o in out if "deserve to feel safe" in o["text"]][0]["text"]
    assert "Emergency" in safety and "nothing from here goes to Bob" in safety
    assert "one just for you" in [o for o in out if "counsellor" in o["text"]][-1]["text"]
    assert "stays with you" in out[-1]["text"] and out[-1]["buttons"] == []
    assert texts_to(out, "bob") == []
