import pytest

from bot.language import check_feeling, check_need, check_request, feelings_for_scale, reflect
from bot.language import inventory as ldata


def test_feeling_ok_and_normalised():
    c = check_feeling("I feel really Frustrated")
    assert c.ok and c.feeling == "frustrated" and not c.faux


def test_faux_feeling_gets_gentle_explanation():
    c = check_feeling("ignored")
    assert not c.ok and c.faux and c.message and c.alternatives
    assert all(a in ldata.feeling_inventory() for a in c.alternatives)
    assert "wrong" not in c.message.lower()


def test_feel_like_is_a_thought():
    c = check_feeling("like you don't care")
    assert not c.ok and c.message and c.alternatives


def test_typo_is_forgiven():
    assert check_feeling("frustated").feeling == "frustrated"


def test_need_ok():
    assert check_need("to be heard").need == "to be heard"
    assert check_need("I need some respect").need == "respect"


def test_action_need_becomes_request():
    c = check_need("you to put your phone down")
    assert not c.ok and c.is_action and c.request == "put your phone down" and c.message


def test_request_positive_and_concrete():
    assert check_request("Would you be willing to walk with me after dinner?").request == "walk with me after dinner"
    neg = check_request("stop interrupting me")
    assert not neg.ok and "instead" in neg.message
    vague = check_request("be nicer")
    assert not vague.ok and vague.message


def test_feelings_for_scale():
    low = feelings_for_scale(1)
    high = feelings_for_scale(5, n=5)
    assert len(low) == 8 and len(high) == 5
    assert set(low) <= ldata.unmet_feelings()
    assert set(high) <= ldata.met_feelings()
    assert feelings_for_scale(99) == feelings_for_scale(5)


def test_reflect_one_sentence_no_advice():
    s = reflect("Work was relentless and I barely spoke to anyone", 1, ["drained"])
    assert s.endswith(".") and s.count(".") == 1
    assert "drained" in s
    for advice in ("should", "try ", "maybe you", "why not"):
        assert advice not in s.lower()


def test_reflect_uses_their_words():
    s = reflect("I felt so lonely today", 2)
    assert "lonely" in s


def test_a_we_request_keeps_its_togetherness():
    from bot.language import check_request, compose

    check = check_request("could we please take a walk tonight?")
    assert check.ok and check.request == "take a walk tonight together"
    sentence = compose("lonely", "we eat in front of screens", "closeness", check.request)
    assert sentence.endswith("Would you be willing to take a walk tonight together?")
    assert check_request("Can we talk it through with me on Sunday").request.endswith("with me on Sunday")


@pytest.mark.parametrize(("text", "scale", "expected"), [
    ("work was brutal and nobody noticed how hard I tried", 2, {"discouraged", "hurt"}),
    ("spent the whole evening on my own again", 2, {"lonely"}),
    ("my nan passed away this morning", 1, {"sad", "heartbroken"}),
    ("couldnt sleep, baby was up every hour", 2, {"exhausted"}),
    ("had a silly afternoon, we laughed so much", 5, {"joyful", "playful"}),
])
def test_reflect_reads_the_situation_when_no_feeling_is_named(text, scale, expected):
    s = reflect(text, scale)
    assert any(f in s for f in expected), s
    assert s.count(".") == 1 and "should" not in s


def test_reflect_keeps_to_the_scale_and_does_not_repeat_itself():
    assert "joyful" not in reflect("we laughed about it but I was hurt", 1)
    s = reflect("so tired, kids were up all night", 2)
    assert not ("tired" in s and "exhausted" in s) and "lonely" not in s


def test_reflect_on_something_still_ahead():
    assert "has you feeling" in reflect("job interview tomorrow morning", 3)


@pytest.mark.parametrize("word", ["steamrolled", "stonewalled", "blindsided", "sidelined", "bulldozed"])
def test_an_unlisted_done_to_me_word_is_treated_like_a_faux_feeling(word):
    r = check_feeling(word)
    assert not r.ok and r.faux and r.alternatives and word.capitalize() in r.message


@pytest.mark.parametrize("word", ["tired", "stressed", "embarrassed", "relaxed", "excited"])
def test_participles_that_name_feelings_still_pass(word):
    assert check_feeling(word).ok


@pytest.mark.parametrize(("answer", "expected"), [
    ("for him to text me back", "text me back"),
    ("her to ring me at lunch", "ring me at lunch"),
])
def test_a_need_that_is_an_action_keeps_its_verb_as_the_request(answer, expected):
    r = check_need(answer)
    assert not r.ok and r.is_action and r.request == expected


@pytest.mark.parametrize("text", ["", "🙂", "k", "-"])
def test_reflect_on_a_score_alone_speaks_of_the_day(text):
    s = reflect(text, 3)
    assert s == "It sounds like today left you feeling okay and steady."  # nothing made up, no "it"
    assert "today" in reflect(text, 1) and "low" in reflect(text, 1)


def test_reflect_grammar_and_softening():
    assert "the kids have you feeling" in reflect("the kids are off school tomorrow and I'm dreading it", 2)
    assert "a bit hopeful" not in reflect("job interview tomorrow morning", 3)  # "a bit" only softens hard feelings
    assert "discouraged" in reflect("I feel like nobody notices how much I do", 2)
