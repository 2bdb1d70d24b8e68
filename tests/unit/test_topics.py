"""The topic stage: the shipped model, the decision rule and the weights file format."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from schemas import EnrichedDocument, ProcessedDocument
from tests.builders import enriched_document
from worker.stages.classify import classify
from worker.stages.classify.topics import classify_topics, selected_codes, topic_model
from worker.stages.classify.topics_features import (
    BREAK,
    TITLE_WEIGHT,
    document_hashes,
    document_runs,
    is_word,
    run_hashes,
)
from worker.stages.classify.topics_model import IPTC_TOP_LEVEL, TopicModel, load_model

FOOTBALL = (
    "United win the derby",
    "Manchester United beat City 2-1 at Old Trafford on Sunday. The striker scored twice in the second half "
    "and the goalkeeper saved a penalty as the home side moved to the top of the Premier League table. "
    "The manager praised his players after the match.",
)
EARTHQUAKE = (
    "Earthquake kills dozens",
    "A magnitude 7.1 earthquake struck the coast early on Tuesday, killing at least 40 people and leaving "
    "hundreds injured. Rescue teams searched collapsed buildings for survivors, and officials warned of "
    "aftershocks. Thousands of residents spent the night outdoors.",
)
ELECTION = (
    "Opposition wins parliamentary election",
    "The opposition party won a majority of seats in parliament in Sunday's general election, ending the "
    "prime minister's ten years in power. Voter turnout was 68 percent. The party leader promised to form "
    "a coalition government and to hold a referendum on the constitution.",
)


def _document(title: str, text: str) -> EnrichedDocument:
    return enriched_document(text, title=title)


def _codes(title: str, text: str) -> list[str]:
    return [topic.code for topic in classify_topics(_document(title, text))]


def test_topic_model_loads_seventeen_iptc_codes() -> None:
    """The shipped weights cover exactly the 17 top-level codes, one weight column each."""
    model = topic_model()
    assert model.codes == tuple(IPTC_TOP_LEVEL)
    assert model.weights.shape == (len(model.index) + 2**model.pair_bits, 17)
    assert topic_model() is model


def test_classify_topics_football_match_is_sport() -> None:
    """A match report is sport first."""
    assert _codes(*FOOTBALL)[0] == "medtop:15000000"


def test_classify_topics_earthquake_is_disaster() -> None:
    """An earthquake with casualties is a disaster."""
    assert _codes(*EARTHQUAKE)[0] == "medtop:03000000"


def test_classify_topics_election_is_politics() -> None:
    """An election report is politics first."""
    assert _codes(*ELECTION)[0] == "medtop:11000000"


@pytest.mark.parametrize("article", [FOOTBALL, EARTHQUAKE, ELECTION])
def test_classify_topics_scores_are_probabilities_best_first(article: tuple[str, str]) -> None:
    """Scores lie in [0, 1], fall from first to last, and labels are the IPTC ones."""
    topics = classify_topics(_document(*article))
    scores = [topic.score for topic in topics]
    assert topics
    assert all(0.0 <= score <= 1.0 for score in scores)
    assert scores == sorted(scores, reverse=True)
    assert all(topic.label == IPTC_TOP_LEVEL[topic.code] for topic in topics)


def test_classify_topics_is_deterministic() -> None:
    """The same document gets the same topics and scores every time."""
    assert classify_topics(_document(*ELECTION)) == classify_topics(_document(*ELECTION))


def test_classify_topics_empty_text_still_gets_one_topic() -> None:
    """A text without a known word falls back to the single best code."""
    assert len(_codes("", "zzzqx")) == 1


def test_selected_codes_orders_passing_codes_by_margin() -> None:
    """Every code over its threshold is chosen, the largest margin first."""
    margins = np.array([0.5, -1.0, 2.0, 0.1], dtype=np.float32)
    assert selected_codes(margins) == [2, 0, 3]


def test_selected_codes_falls_back_to_best_when_none_passes() -> None:
    """With every margin negative, the least negative code alone is chosen."""
    margins = np.array([-0.5, -0.2, -3.0], dtype=np.float32)
    assert selected_codes(margins) == [1]


def test_document_runs_repeats_the_title_after_a_break() -> None:
    """The body's runs come first, then the title's TITLE_WEIGHT times, each copy after a BREAK."""
    runs = document_runs("Flood warning", "A flood hit 3 towns.")
    assert runs[:5] == ["a", "flood", "hit", "3", "towns"]
    assert runs[5:] == [BREAK, "flood", "warning"] * TITLE_WEIGHT
    assert not is_word(BREAK)


def test_document_runs_split_at_non_ascii_and_punctuation() -> None:
    """A non-ASCII letter separates words as `[a-z0-9]+` would; no title adds nothing."""
    assert document_runs(None, "The 3rd vote, in Zürich.") == ["the", "3rd", "vote", "in", "z", "rich"]


def test_document_runs_keep_letters_that_lowercase_to_ascii() -> None:
    """Dotted capital I and the kelvin sign lowercase to "i" and "k" (plus a combining dot), as str.lower
    has it, whatever else the text holds."""
    assert document_runs(None, "\u0130STANBUL at 300 \u212a") == ["i", "stanbul", "at", "300", "k"]
    assert document_runs(None, "ÉTÉ and İ") == ["t", "and", "i"]


def test_document_hashes_hash_the_document_runs() -> None:
    """The worker's hashes, found in the bytes, are the hashes of the runs training sees, one per run."""
    title, text = "Zürich's vote", "The 3rd vote,\tin Zürich; ÉTÉ 2024 — \ud800 end"
    runs = document_runs(title, text)
    hashes = document_hashes(title, text)
    assert hashes.tolist() == run_hashes(runs).tolist()
    assert len(hashes) == len(runs)
    # Equal runs hash alike wherever they stand, and different ones differently.
    by_run = dict(zip(runs, hashes.tolist(), strict=True))
    assert len(set(by_run.values())) == len(by_run)
    assert document_hashes(None, "").tolist() == run_hashes([]).tolist() == []


def test_topic_model_finds_every_vocabulary_word_by_hash() -> None:
    """The shipped vocabulary's words all get their own id back; other runs, numbers and pairs none."""
    model = topic_model()
    words = sorted(model.index, key=model.index.__getitem__)
    assert model.feature_ids(words)[: len(words)].tolist() == list(range(len(words)))
    unknown = ["zzzqx", "3rd", "s", BREAK, "goalgoalgoal"]
    assert model.feature_ids(unknown)[: len(unknown)].tolist() == [model.features] * len(unknown)


def test_is_word_wants_two_characters_starting_with_a_letter() -> None:
    """Numbers, "3rd" and possessive "s" carry no topic; "g20" and "flood" do."""
    assert [run for run in ["3rd", "1990s", "s", "g20", "flood"] if is_word(run)] == ["g20", "flood"]


def _tiny_model() -> TopicModel:
    """Two words, four pair buckets, two codes; the word pair "goal vote" has its own weight."""
    weights = np.zeros((6, 2), dtype=np.float32)
    weights[:2] = [[2.0, -1.0], [-1.0, 2.0]]
    parts = {
        "codes": ("medtop:15000000", "medtop:11000000"),
        "index": {"goal": 0, "vote": 1},
        "pair_bits": 2,
        "idf": np.array([1.5, 2.0, 1.0, 1.0, 1.0, 1.0], dtype=np.float32),
        "bias": np.array([-0.5, -0.5], dtype=np.float32),
        "thresholds": np.array([0.0, 0.25], dtype=np.float32),
    }
    # The model copies its weights when built: find the pair's bucket first, then build the real one.
    weights[TopicModel(weights=weights, **parts).feature_ids(["goal", "vote"])[-1]] = [0.0, 3.0]
    return TopicModel(weights=weights, **parts)


def test_topic_model_pairs_only_neighbouring_known_words() -> None:
    """Each run gets an id (unknown: `features`); only neighbouring vocabulary words make a pair bucket."""
    model = _tiny_model()
    ids = model.feature_ids(["goal", "vote", "zzzqx", "goal", BREAK, "vote"])
    assert ids[:6].tolist() == [0, 1, model.features, 0, model.features, 1]
    # Pair number 0 * 2 + 1, times 2654435761, low 32 bits, top 2 of them: bucket 2, after the 2 words.
    # A fixed formula (no Python hash(), which changes per process) keeps shipped weights meaningful.
    # Neighbours that are not two words get the unknown id, which weighs nothing.
    assert ids[6:].tolist() == [2 + 2] + [model.features] * 4


def test_topic_model_round_trips_through_weights_file(tmp_path: Path) -> None:
    """A saved model loads back with the same vocabulary and the same margins (float16 precision)."""
    model = _tiny_model()
    model.save(tmp_path / "model.npz")
    loaded = load_model(tmp_path / "model.npz")
    runs = ["goal", "goal", "goal", "unknown", "vote"]
    assert loaded.index == model.index
    assert loaded.codes == model.codes
    assert loaded.pair_bits == model.pair_bits
    np.testing.assert_allclose(loaded.margins(runs), model.margins(runs), atol=1e-3)
    assert loaded.margins(runs)[0] > 0 > loaded.margins(runs)[1]
    assert loaded.margins(["goal", "vote"])[1] > 0


def test_topic_model_margins_match_the_training_vector() -> None:
    """The fast margins equal the linear model applied to `vector`, the features training sees."""
    model = topic_model()
    runs = [*document_runs(*ELECTION), "zzzqx", "zzzqx"]
    ids, values = model.vector(runs)
    assert (np.diff(ids) > 0).all()
    expected = values @ model.weights[ids] + model.bias - model.thresholds
    np.testing.assert_allclose(model.margins(runs), expected, atol=1e-5)


def test_topic_model_margins_without_known_words_are_bias_minus_threshold() -> None:
    """A document of unknown words scores each code by its bias alone."""
    model = topic_model()
    np.testing.assert_allclose(model.margins(["zzzqx"]), model.bias - model.thresholds)


def test_classify_assembles_a_record_that_validates() -> None:
    """The processed document, built without re-validation, passes validation and round-trips through JSON."""
    processed = classify(_document(*EARTHQUAKE))
    assert ProcessedDocument.model_validate_json(processed.model_dump_json()) == processed
    assert processed.topics[0].code == "medtop:03000000"
