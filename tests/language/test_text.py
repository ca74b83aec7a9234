"""expand(): the normalised text every parser reads. Contractions must come out as the verb the writer meant."""

from __future__ import annotations

import pytest

from bot.language.text import expand


@pytest.mark.parametrize("text, want", [
    ("ur phone is on the table again", "your phone is on the table again"),
    ("ur mum rang twice", "your mum rang twice"),
    ("that's ur own fault", "that is your own fault"),
    ("ur late AGAIN", "you are late again"),
    ("ur such a child about it", "you are such a child about it"),
    ("ur a joke", "you are a joke"),
    ("ur kidding me", "you are kidding me"),
    ("ur all the same", "you are all the same"),
    ("she's had enough of it", "she has had enough of it"),
    ("he's left the milk out", "he has left the milk out"),
    ("she's never even been on time", "she has never even been on time"),
    ("he's tired", "he is tired"),
    ("he's done with me", "he is done with me"),
    ("it's done", "it is done"),
    ("what's said is said", "what is said is said"),
    ("you'd left the door open", "you had left the door open"),
    ("you'd never even asked", "you had never even asked"),
    ("i'd booked the table", "i had booked the table"),
    ("you'd rather go out", "you would rather go out"),
    ("i'd love that", "i would love that"),
    ("you'd better call", "you had better call"),
    ("you could've called", "you could have called"),
    ("you shouldve asked", "you should have asked"),
])
def test_contractions_read_as_meant(text, want):
    assert expand(text) == want
