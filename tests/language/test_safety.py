import datetime as dt

import pytest

from bot.language import Resource, Screening, resources_for, safety_reply, screen


@pytest.mark.parametrize("text,kind", [
    ("I want to end my life", "self_harm"),
    ("i dont want to be here anymore", "self_harm"),
    ("He hit me again last night", "abuse"),
    ("She won't let me see my family", "abuse"),
    ("I'm going to stab him", "violence"),
])
def test_crisis(text, kind):
    s = screen(text)
    assert s.level == "crisis" and s.kind == kind


@pytest.mark.parametrize("text", [
    "This deadline is killing me",
    "I could kill for a coffee",
    "I would never hurt myself",
    "I'm not suicidal, just exhausted",
    "We killed the dragon in the last raid",
    "The detective finds the victim was poisoned in chapter two",
    "I'm dying to try that ramen place",
    "I cut myself shaving this morning",
    "My mum will kill me if I forget to call",
])
def test_idioms_negations_fiction_games_are_not_crises(text):
    assert screen(text).level == "none"


def test_screening_shape():
    s = screen("hello")
    assert isinstance(s, Screening) and s.level == "none" and s.kind is None


@pytest.mark.parametrize("region", [None, "INT", "US", "UK", "GB", "DE", "IN", "AU", "en-AU", "de_DE", "zz", ""])
def test_resources_have_checked_dates(region):
    res = resources_for(region)
    assert res
    for r in res:
        assert isinstance(r, Resource) and r.name and r.contact and isinstance(r.checked, dt.date)


def test_unknown_region_falls_back_to_international():
    assert {r.region for r in resources_for("Narnia")} == {"INT"}
    assert {r.region for r in resources_for("uk")} == {"GB"}


@pytest.mark.parametrize("text", ["I want to die", "he hits me", "I'm going to hurt him", "I feel hopeless"])
def test_safety_reply_is_warm_and_has_resources(text):
    s = screen(text)
    reply = safety_reply(s, "US")
    assert "988" in reply or "911" in reply or "1-800-799-7233" in reply
    low = reply.lower()
    assert "breath" in low or "breathe" in low or "feet on the floor" in low
    assert "plan" in low
    for cold in ("you must", "you should", "diagnos", "disorder", "patient"):
        assert cold not in low


def test_safety_reply_without_flag_still_works():
    assert safety_reply(Screening(text="", level="none", kind=None), None)


@pytest.mark.parametrize("text,kind", [
    # round 3 (blind set 3 misses, generalised): contractions, objects thrown at the head, fear of what he's
    # going to do, weapon kept plus a threat, money control, silencing, blackmail, cutting off contacts
    ("whats the point of carrying on", "self_harm"),
    ("gave all my books away, i won't need them", "self_harm"),
    ("he hurled a mug at my face", "abuse"),
    ("i'm terrified she's going to hit me", "abuse"),
    ("she has a knife in the drawer and says she'll use it on me", "violence"),
    ("my husband controls all the finances and i have to ask him for money", "abuse"),
    ("she tells me nobody would believe me if i reported her", "abuse"),
    ("he said he'd send my photos to my boss if i break up with him", "abuse"),
    ("she blocks my friends' numbers on my phone", "abuse"),
])
def test_round3_crisis(text, kind):
    s = screen(text)
    assert s.level == "crisis" and s.kind == kind, s


@pytest.mark.parametrize("text", [
    "she elbowed me at hockey practice and now i have a bruise",
    "we watched a film about an abusive marriage, so sad",
    "my dad would kill me if he saw the state of my room lol",
    "i gave my old clothes away to the charity shop",
    "he deleted my contacts by accident when he reset the phone",
    "she threw the ball at me and i dropped it",
])
def test_round3_not_crises(text):
    assert screen(text).level == "none", screen(text)
