"""The couple's group: linking, prompts, answers revealed together."""

from __future__ import annotations

from bot.engine.steps.group_prompts import prompt_library
from tests.conftest import onboard
from tests.couples.helpers import linked, paired, texts_to

G = "group:home"


def in_group(who, text):
    return {"as": who, "in": G, "say": text}


def test_library_has_enough_prompts_in_every_category():
    library = prompt_library()
    assert len(library) >= 60
    assert len({p["id"] for p in library}) == len(library)
    assert {"matters_now", "stress", "loved", "hard_to_hear", "admire", "appreciation", "needs", "boundaries",
            "pressure", "play"} <= {p["category"] for p in library}


def test_link_and_answers_revealed_together(run_script, tmp_path):
    _, data = paired(run_script, data=tmp_path / "d")
    out = linked(run_script, data)
    assert "Linked" in out[-1]["text"] and out[-1]["to"] == G
    out = run_script([
        in_group("alice", "/prompt"),
        {"as": "alice", "in": G, "tap": "Answer"},
        {"as": "alice", "say": "Quokka answer from Alice"},
        {"as": "alice", "tap": "Yes, that's it"},
        in_group("bob", "Bob says pelican"),
    ], data=data)
    prompt = [o for o in out if o["step"] == 1][0]
    assert prompt["to"] == G and prompt["buttons"] == ["✍️ Answer"]
    # Alice's private answer is not in the group until Bob has answered; nobody is named or nudged.
    before = [o for o in out if o["to"] == G and o["step"] < 5]
    assert len(before) == 1 and "Quokka" not in before[0]["text"] and "Bob" not in before[0]["text"]
    assert "Got it" in texts_to([o for o in out if o["step"] == 4], "alice")[0]
    reveal = [o for o in out if o["step"] == 5 and o["to"] == G][0]["text"]
    assert "Alice: Quokka answer from Alice" in reveal and "Bob: Bob says pelican" in reveal
    # After the reveal: plain chat is just chat; an answer via the button is added beneath.
    out = run_script([
        in_group("bob", "haha love it"),
        {"as": "bob", "say": "/answer"},
        {"as": "bob", "say": "and also tapirs"},
        {"as": "bob", "tap": "Yes, that's it"},
    ], data=data)
    assert not [o for o in out if o["step"] == 1]
    added = [o for o in out if o["to"] == G]
    assert len(added) == 1 and "Added by Bob" in added[0]["text"] and "tapirs" in added[0]["text"]


def test_group_with_a_third_person_is_refused_without_content(run_script, tmp_path):
    _, data = paired(run_script, data=tmp_path / "d")
    out = run_script(onboard("carol") + [
        {"as": "alice", "in": G, "join": True},
        {"as": "bob", "in": G, "join": True},
        {"as": "carol", "in": G, "join": True},
        in_group("alice", "/linkgroup"),
        in_group("alice", "/prompt"),
    ], data=data)
    group = [o for o in out if o["to"] == G]
    assert len(group) == 2 and "private space for two" in group[0]["text"] and "linked to a couple" in group[1]["text"]
    # Carol leaves: now it works; Carol comes back: prompts stop.
    out = run_script([
        {"as": "carol", "in": G, "leave": True},
        in_group("alice", "/linkgroup"),
        {"as": "carol", "in": G, "join": True},
        in_group("alice", "/prompt"),
    ], data=data)
    group = [o["text"] for o in out if o["to"] == G]
    assert "Linked" in group[0] and "Someone new" in group[1] and "linked to a couple" in group[2]


def test_linking_needs_both_partners_seen_and_a_couple(run_script, tmp_path):
    _, data = paired(run_script, data=tmp_path / "d")
    out = run_script(onboard("carol") + [
        in_group("alice", "/linkgroup"),
        {"as": "carol", "in": "group:other", "say": "/linkgroup"},
        {"as": "alice", "say": "/linkgroup"},
    ], data=data)
    assert "haven't seen both partners" in out[-3]["text"]
    assert "Pair first" in out[-2]["text"] and out[-2]["to"] == "group:other"
    assert "inside a group chat" in out[-1]["text"]


def test_no_repeat_until_the_library_is_used_up(run_script, tmp_path):
    _, data = paired(run_script, data=tmp_path / "d")
    linked(run_script, data)
    n = len(prompt_library())
    out = run_script([in_group("bob", "/prompt") for _ in range(n + 3)], data=data)
    posts = [o["text"].split("\n\n")[0] for o in out if o["to"] == G]
    assert len(posts) == n + 3
    assert len(set(posts[:n])) == n


def test_answer_via_dm_command_and_answer_after_reveal_and_closed_prompt(run_script, tmp_path):
    _, data = paired(run_script, data=tmp_path / "d")
    linked(run_script, data)
    out = run_script([
        {"as": "alice", "say": "/answer"},
        {"as": "alice", "say": "/prompt"},
        {"as": "alice", "say": "/answer"},
        {"as": "alice", "say": "first answer lynx"},
        {"as": "alice", "tap": "Keep it to myself"},
        {"as": "alice", "say": "/answer"},
        {"as": "alice", "say": "second answer lynx"},
        {"as": "alice", "tap": "Yes, that's it"},
        {"as": "alice", "say": "/prompt"},  # a new prompt closes the old round: Alice's answer stays private
        in_group("bob", "Bob's answer to the new one"),
    ], data=data)
    assert "no open question" in out[0]["text"]
    assert "Posted a question" in texts_to([o for o in out if o["step"] == 2], "alice")[0]
    assert not [o for o in out if o["to"] == G and "lynx" in o["text"]]
    assert not [o for o in out if o["to"] == "bob" and "lynx" in o["text"]]
    # Bob's group reply to the new prompt counts as his answer; he is told so privately.
    assert any("took your message" in t for t in texts_to([o for o in out if o["step"] == 10], "bob"))


def test_unpairing_in_the_middle_of_a_prompt(run_script, tmp_path):
    _, data = paired(run_script, data=tmp_path / "d")
    linked(run_script, data)
    out = run_script([
        in_group("alice", "/prompt"),
        {"as": "alice", "in": G, "tap": "Answer"},
        {"as": "bob", "say": "/unpair"},
        {"as": "bob", "tap": "Yes, unpair"},
        {"as": "alice", "say": "heron answer typed after the unpairing"},
        {"as": "alice", "tap": "Yes, that's it"},
        in_group("bob", "anything"),
        {"as": "bob", "in": G, "tap": "Answer"},
    ], data=data)
    assert not [o for o in out if "heron" in o["text"] and o["to"] != "alice"]
    assert any("isn't linked" in o["text"] for o in out if o["to"] == G)
    assert "kept your answer just for you" in [o for o in out if o["step"] == 6][0]["text"]
    assert not [o for o in out if o["step"] == 7]


def test_group_button_for_someone_without_a_private_chat(run_script, tmp_path):
    """Dave joined the group only; tapping Answer there asks him to open a chat, naming nobody."""
    _, data = paired(run_script, data=tmp_path / "d")
    linked(run_script, data)
    out = run_script([in_group("alice", "/prompt"), {"as": "dave", "in": G, "tap": "Answer"}], data=data)
    group = [o for o in out if o["to"] == G]
    assert "Someone new" in group[-1]["text"]


def test_a_linked_group_gets_a_weekly_prompt_from_the_scheduler(run_script, tmp_path):
    _, data = paired(run_script, data=tmp_path / "d")
    linked(run_script, data)
    out = run_script([{"wait": "8d"}], data=data)
    prompts = [o for o in out if o["to"] == G]
    assert len(prompts) == 1 and prompts[0]["buttons"] == ["✍️ Answer"]
    out = run_script([{"as": "alice", "in": G, "say": "/unlinkgroup"}, {"wait": "8d"}], data=data)
    assert [o["text"] for o in out if o["to"] == G] == ["Okay, I've stopped the prompts here. /linkgroup starts them again."]


def test_a_worrying_reply_in_the_group_is_never_taken_as_an_answer(run_script, tmp_path):
    _, data = paired(run_script, data=tmp_path / "d")
    linked(run_script, data)
    out = run_script([
        in_group("alice", "/prompt"),
        in_group("bob", "I want to hurt myself"),
        in_group("alice", "alice answers calmly"),
    ], data=data)
    assert not [o for o in out if o["step"] > 1 and o["to"] == G]  # no reveal, nothing relayed
    assert texts_to([o for o in out if o["step"] == 2], "bob")  # a caring reply, in private
