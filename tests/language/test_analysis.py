import pytest

from bot.language import Analysis, Problem, analyse


def kinds(text):
    return {p.kind for p in analyse(text).problems}


@pytest.mark.parametrize("text,kind", [
    ("You never help me with anything.", "accusing_you"),
    ("You always leave the lights on.", "absolute"),
    ("You make me so furious.", "you_make_me"),
    ("I feel like you don't even want to be here.", "feel_like"),
    ("I feel that he never listens.", "feel_like"),
    ("You're so inconsiderate.", "label"),
    ("You should have told me earlier.", "you_should"),
    ("Oh great, you're late again.", "sarcasm"),
    ("I feel ignored.", "faux_feeling"),
    ("I feel so taken for granted.", "faux_feeling"),
])
def test_each_problem_kind(text, kind):
    a = analyse(text)
    assert a.blaming
    assert kind in kinds(text)
    p = next(p for p in a.problems if p.kind == kind)
    assert isinstance(p, Problem) and p.span and p.why


@pytest.mark.parametrize("text", [
    "I feel sad when we eat apart, because I need connection. Would you be willing to have dinner with me on Friday?",
    "Could you grab some bread on the way home?",
    "What do you want for dinner?",
    "Thank you for picking up the kids, that really helped.",
    "You always know how to cheer me up.",
    "I'm worried about my exam tomorrow.",
    "It's raining again.",
    "You should try the new bakery, it's lovely.",
    "You don't have to come if you're tired.",
    "I feel like going for a walk.",
])
def test_fine_sentences_are_not_flagged(text):
    a = analyse(text)
    assert isinstance(a, Analysis)
    assert not a.blaming


def test_third_person_partner_is_covered():
    assert analyse("My husband never does the washing.").blaming


def test_rhetorical_questions_blame():
    assert analyse("Why can't you ever just listen?").blaming
    assert analyse("Do you even care about me?").blaming





@pytest.mark.parametrize("text", [
    # round 3 (blind set 3 misses, generalised)
    "your always so selfish",
    "she makes every conversation about herself",
    "everytime i bring it up you groan",
    "brilliant work forgetting my birthday",
    "you should try listening for a change",
    "you make me feel like i'm not smart enough",
    "well done, losing the keys again, einstein",
])
def test_round3_blame(text):
    assert analyse(text).blaming, analyse(text)


@pytest.mark.parametrize("text", [
    "i really appreciated you picking up the kids today",
    "i loved you cooking for my parents",
    "great job on the presentation",
    "you should try the new cafe",
])
def test_round3_not_blame(text):
    assert not analyse(text).blaming, analyse(text)
