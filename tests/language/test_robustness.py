"""Odd input never raises."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.language import (analyse, check_feeling, check_need, check_request, compose, reflect, rewrite,
                          safety_reply, screen)

ODD = ["", "   ", "\n\n", "😀😀😀", "🔪", "<b>you never</b> &amp; <script>alert(1)</script>", "אתה אף פעם לא עוזר",
       "أنت لا تساعد أبدا", "\x00\x01\x1b[31myou never help\x1b[0m", "you never help " * 700, "a" * 10000,
       "\u202eyou never help", "YOU NEVER HELP!!!", "?!?!", "you", "I", "🙂 you always 🙄", "{\"json\": true}", "\ud800"]


@pytest.mark.parametrize("text", ODD)
def test_odd_input(text):
    analyse(text)
    r = rewrite(text)
    assert r.suggestion is None or r.suggestion.endswith("?")
    s = screen(text)
    assert s.level in ("none", "concern", "crisis")
    safety_reply(s, None)
    assert reflect(text, 3).endswith(".")
    check_feeling(text)
    check_need(text)
    check_request(text)
    compose(text, text, text, text)


def test_huge_input_is_fast():
    import time
    t = time.perf_counter()
    rewrite("You never help with the dishes. " * 400)
    screen("I am fine. " * 1000)
    assert time.perf_counter() - t < 3


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_never_raises(text):
    rewrite(text)
    screen(text)
    reflect(text, 2, [text])
    check_feeling(text)
    check_need(text)
    check_request(text)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["you", "never", "always", "help", "me", "with", "the", "dishes", "so", "lazy", "i", "feel",
                                 "like", "ignored", "why", "can't", "should", "stop", "my", "phone", ",", ".", "?"]), max_size=14))
def test_word_salad_suggestions_keep_the_frame(ws):
    r = rewrite(" ".join(ws))
    if r.suggestion:
        assert r.suggestion.startswith("I feel ") and r.suggestion.endswith("?")


def test_rule_rewriter_raises_nothing_internally_on_the_labelled_sets():
    """The public rewrite() swallows errors; make sure none happen on our sets."""
    from bot.language.evaluation import load_lines
    from bot.language.rewriting import RuleRewriter
    r = RuleRewriter()
    for name in ("blaming.txt", "fine.txt", "crisis.txt", "tricky.txt"):
        for line in load_lines(name):
            r._rewrite(line.split("|", 1)[-1])
