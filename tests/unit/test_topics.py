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
from worker.stages.classify.topics_model import IPTC_TOP_LEVEL, TopicModel
from worker.stages.classify.topics_storage import load_model, quantised_idf, save_model

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
    assert model.weights.shape == (len(model.index) + len(model.pairs), 17)
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
    """Two words, one kept pair ("goal vote", pair number 0 * 2 + 1), two codes; the pair has its own weight."""
    weights = np.array([[2.0, -1.0], [-1.0, 2.0], [0.0, 3.0]], dtype=np.float32)
    return TopicModel(
        codes=("medtop:15000000", "medtop:11000000"),
        index={"goal": 0, "vote": 1},
        pairs=np.array([1], dtype=np.uint32),
        idf=np.array([1.5, 2.0, 1.0], dtype=np.float32),
        weights=weights,
        bias=np.array([-0.5, -0.5], dtype=np.float32),
        thresholds=np.array([0.0, 0.25], dtype=np.float32),
    )


def test_topic_model_pairs_only_kept_pairs_of_neighbouring_known_words() -> None:
    """Each run gets an id (unknown: `features`); only a kept pair of neighbouring vocabulary words gets
    the pair's id, after the words'."""
    model = _tiny_model()
    ids = model.feature_ids(["goal", "vote", "zzzqx", "goal", BREAK, "vote", "goal", "goal"])
    assert ids[:8].tolist() == [0, 1, model.features, 0, model.features, 1, 0, 0]
    # "goal vote" is kept (id 2); "vote goal" and "goal goal" are words but not kept pairs, and
    # neighbours that are not two words get the unknown id, which weighs nothing.
    assert ids[8:].tolist() == [2] + [model.features] * 6


def test_topic_model_round_trips_through_weights_file(tmp_path: Path) -> None:
    """A saved model loads back with the same vocabulary, pairs and margins (8-bit precision)."""
    model = _tiny_model()
    save_model(model, tmp_path / "model.npz")
    loaded = load_model(tmp_path / "model.npz")
    runs = ["goal", "goal", "goal", "unknown", "vote"]
    assert loaded.index == model.index
    assert loaded.codes == model.codes
    assert loaded.pairs.tolist() == model.pairs.tolist()
    np.testing.assert_allclose(loaded.margins(runs), model.margins(runs), atol=2e-2)
    assert loaded.margins(runs)[0] > 0 > loaded.margins(runs)[1]
    assert loaded.margins(["goal", "vote"])[1] > 0


def test_weights_file_stores_8_bit_codes_with_a_scale_per_code(tmp_path: Path) -> None:
    """Weights are int8 codes c with w = c * |c| * scale, one scale per code (each column's largest weight
    is code +-127, exactly); the IDF is uint8 with one scale. Loading gives them back to within half a step."""
    model = _tiny_model()
    save_model(model, tmp_path / "model.npz")
    with np.load(tmp_path / "model.npz") as data:
        assert data["weights"].dtype == np.int8
        assert data["idf"].dtype == np.uint8
        assert np.abs(data["weights"]).max(axis=0).tolist() == [127, 127]
        codes = data["weights"].astype(np.float32)
        steps = (2 * np.abs(codes) + 1) * data["weight_scales"]
        idf_scale = float(data["idf_scale"])
    loaded = load_model(tmp_path / "model.npz")
    np.testing.assert_allclose(
        np.abs(loaded.weights).max(axis=0), np.abs(model.weights).max(axis=0), rtol=1e-6
    )
    assert np.all(np.abs(loaded.weights - model.weights) <= steps / 2 + 1e-6)
    assert np.all(np.abs(loaded.idf - model.idf) <= idf_scale / 2 + 1e-6)
    np.testing.assert_allclose(quantised_idf(model.idf), loaded.idf)


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
