"""The semantic second opinion: the numpy encoder, its safety checks, the heads and how screening uses them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from bot.language import embedding, heads, train_heads
from bot.language.safety import screen


@pytest.fixture(scope="module")
def model():
    emb = embedding.get_embedder()
    assert emb is not None, "the sentence model must be installed with the project"
    return emb


def cos(a: np.ndarray, b: np.ndarray) -> float:
    return float(a @ b)


def test_vectors_are_unit_length_and_deterministic(model):
    for text in ("hi", "I could kill for a coffee 😂 #mondays", "<b>x</b> " * 400, "   ", "日本語のメッセージ"):
        v = model.embed(text)
        assert v.shape == (embedding.DIM,) and np.isfinite(v).all()
        assert abs(float(np.linalg.norm(v)) - 1.0) < 1e-4
        assert np.array_equal(v, model.embed(text))


def test_same_as_sentence_transformers(model):
    """Our numpy forward pass is the reference implementation's, not an approximation of it."""
    pytest.importorskip("sentence_transformers")
    from sentence_transformers import SentenceTransformer

    ref = SentenceTransformer(str(embedding._model_dir()), device="cpu")
    texts = ["Tell him I'm sorry, I won't be around much longer", "can u grab milk on the way home", "ok"]
    want = ref.encode(texts, normalize_embeddings=True)
    for t, w in zip(texts, want):
        assert cos(model.embed(t), w) > 0.9999


def test_meaning_not_words(model):
    base = model.embed("I don't want to be alive anymore")
    assert cos(base, model.embed("I'm done living, I can't keep going")) > cos(base, model.embed("I don't want to be late for the train"))


def test_refuses_weights_that_are_not_the_published_model(tmp_path: Path):
    src = embedding._model_dir()
    dst = tmp_path / "model"
    shutil.copytree(src, dst)
    tok = dst / "tokenizer.json"
    tok.write_text(tok.read_text(encoding="utf-8").replace('"[UNK]"', '"[UNKNOWN]"', 1), encoding="utf-8")
    with pytest.raises(ValueError):
        embedding.MiniLM(dst)


def test_turned_off_means_rules_only(monkeypatch):
    monkeypatch.setenv("SEMANTIC", "false")
    assert embedding.embed("anything") is None
    assert heads.crisis_opinion("I've made my peace, this weekend is my last") is None
    assert heads.blame_probability("you never listen") is None


def test_configure_from_settings(monkeypatch):
    monkeypatch.delenv("SEMANTIC", raising=False)
    monkeypatch.delenv("BACKBONE_SEMANTIC", raising=False)
    try:
        embedding.configure(enabled=False)
        assert not embedding.enabled()
        embedding.configure(enabled=True)
        assert embedding.enabled()
    finally:
        embedding._configured.clear()


def test_trainer_writes_heads_that_load(tmp_path: Path, monkeypatch):
    ex = train_heads.Examples(
        crisis=[("self_harm", "I want to end my life"), ("self_harm", "I have the pills saved up"),
                ("violence", "he said he would stab me"), ("violence", "she threw a knife at me"),
                ("abuse", "he takes my wages and checks every receipt"), ("abuse", "she won't let me see my friends")],
        not_crisis=["can you grab milk", "my feet are killing me", "see you at dinner", "the film was great",
                    "I burned the toast again", "we killed it at the pitch"],
        blaming=["you never listen", "you're so selfish", "thanks for nothing", "you always forget", "typical you"],
        fine=["thank you for dinner", "could we talk tonight?", "I'm running late", "love you", "see you at six"])
    path = tmp_path / "heads.json"
    train_heads.write(train_heads.fit(ex), path)
    raw = json.loads(path.read_text())
    assert raw["screen"]["classes"] == list(train_heads.SCREEN_CLASSES)
    assert len(raw["screen"]["coef"]) == 4 and len(raw["screen"]["coef"][0]) == embedding.DIM
    monkeypatch.setattr(heads, "HEADS_FILE", path)
    heads._heads.cache_clear()
    try:
        loaded = heads._heads()
        assert set(loaded) == {"screen", "blame"}
        p = loaded["screen"].probabilities(embedding.embed("I want to end my life"))
        assert abs(sum(p.values()) - 1.0) < 1e-5 and max(p, key=p.get) == "self_harm"
        nb = loaded["screen"].neighbours
        assert nb is not None and nb.pos.shape == (6, embedding.DIM) and nb.neg.shape == (6, embedding.DIM)
        # int8 storage keeps cosines close to exact: a stored line is its own nearest neighbour
        v = embedding.embed("she threw a knife at me")
        assert float((nb.pos @ v).max()) > 0.99
        assert nb.margin(v) > 0 > nb.margin(embedding.embed("can you grab milk"))
        assert loaded["blame"].neighbours is None  # see train_heads: nearness can't hear "the least selfish man"
    finally:
        heads._heads.cache_clear()


def test_heads_without_their_neighbours_fall_back_to_the_linear_bar(tmp_path: Path, monkeypatch):
    path = tmp_path / "heads.json"
    path.write_text(heads.HEADS_FILE.read_text())  # the shipped heads, with no neighbours file beside them
    monkeypatch.setattr(heads, "HEADS_FILE", path)
    heads._heads.cache_clear()
    try:
        screen_head = heads._heads()["screen"]
        assert screen_head.neighbours is None
        opinion = heads.crisis_opinion("Tell my husband I'm sorry, I won't be around to fix things anymore")
        assert opinion is None or opinion[1] <= 1.0  # a probability again, judged at the linear head's own bar
    finally:
        heads._heads.cache_clear()


def test_shipped_neighbours_are_installed_and_speak_for_unseen_phrasings():
    nb = heads._heads()["screen"].neighbours
    assert nb is not None and len(nb.pos) >= 1000 and len(nb.neg) >= 3000
    assert heads._heads()["blame"].neighbours is None
    # a plain farewell no rule names sits among crisis examples; a near-miss about a trip does not
    assert heads.crisis_opinion("I've written letters for everyone and left them in the drawer, they'll understand") is not None
    assert heads.crisis_opinion("I've written postcards for everyone from the trip, they'll love them") is None


def test_shipped_heads_match_the_model():
    raw = json.loads(heads.HEADS_FILE.read_text())
    assert raw["model"] == embedding.MiniLM.name
    assert raw["trained_on"]["crisis"] >= 500 and raw["trained_on"]["blaming"] >= 800
    assert 0.5 < raw["screen"]["threshold"] < 1 and 0.5 < raw["blame"]["threshold"] < 1


@pytest.mark.parametrize("text, kind", [
    # oblique, no rule keyword: the model hears the goodbye
    ("Tell my husband I'm sorry, I won't be around to fix things anymore", "self_harm"),
    ("I have to ask his permission to buy groceries and show him every receipt", "abuse"),
])
def test_semantic_hits_are_a_gentle_concern_never_a_crisis(text, kind):
    s = screen(text)
    assert s.level == "concern" and s.kind == kind


@pytest.mark.parametrize("text", [
    "I need to pick up my pills from the pharmacy",
    "mum is going to kill me when she sees this haircut lol",
    "he really hit it off with my parents",
    "I used to hurt myself years ago but I'm doing really well now",
])
def test_everyday_and_vetoed_messages_stay_quiet(text):
    assert screen(text).level == "none"


def test_blame_second_opinion_only_where_the_rules_saw_nothing(monkeypatch):
    from bot.language import analyse

    # a blaming shape no rule knows (round 11's rules now catch the old example, 'you are the reason I cry ...')
    a = analyse("Even the dog avoids you when you're in one of your moods")
    assert a.blaming and [p.kind for p in a.problems] == ["tone"]
    assert a.problems[0].span == "Even the dog avoids you when you're in one of your moods"
    for fine in ("I love how you cook", "can you grab milk on the way home", "Could you tell me how your day went?"):
        assert not analyse(fine).blaming
    monkeypatch.setenv("SEMANTIC", "false")
    assert not analyse("Even the dog avoids you when you're in one of your moods").blaming
