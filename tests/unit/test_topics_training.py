"""Training the topic model: a small fixed run is deterministic given its seed."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest
from scipy.sparse import csr_matrix

from tests.conftest import gold_path
from worker.stages.classify.topics import topic_model
from worker.training.topics_card import write_model_card
from worker.training.topics_data import read_examples, split_examples
from worker.training.topics_fit import FitOptions, best_threshold, fit_topic_model
from worker.training.topics_linear import LinearOptions, fit_blend, fit_nbsvm, log_count_ratio


@pytest.mark.gold
def test_fit_topic_model_same_seed_same_model() -> None:
    """Two fits of the same 600 training articles with the same seed give identical arrays."""
    train, _ = split_examples(read_examples(gold_path("wikinews.dev.jsonl.gz"))[:750])
    options = FitOptions(seed=7, folds=3, jobs=1)
    first, second = fit_topic_model(train, options), fit_topic_model(train, options)
    assert first.index == second.index
    np.testing.assert_array_equal(first.weights, second.weights)
    np.testing.assert_array_equal(first.bias, second.bias)
    np.testing.assert_array_equal(first.thresholds, second.thresholds)
    assert np.isfinite(first.thresholds).all()


def test_best_threshold_separates_at_best_f1() -> None:
    """The threshold falls between the last positive kept and the first negative below it."""
    margins = np.array([2.0, 1.5, 1.0, -0.5, -1.0], dtype=np.float32)
    positives = np.array([1, 1, 1, 0, 0], dtype=np.int8)
    assert best_threshold(margins, positives) == pytest.approx(0.25)


def _toy_features() -> tuple[csr_matrix, npt.NDArray[np.int8]]:
    """Six documents over three features: feature 0 only in positives, 1 only in negatives, 2 everywhere."""
    rows = np.array(
        [
            [1.0, 0.0, 0.5],
            [0.8, 0.0, 0.5],
            [0.9, 0.1, 0.5],
            [0.0, 1.0, 0.5],
            [0.0, 0.7, 0.5],
            [0.1, 0.9, 0.5],
        ],
        dtype=np.float32,
    )
    return csr_matrix(rows), np.array([1, 1, 1, 0, 0, 0], dtype=np.int8)


def test_log_count_ratio_signs() -> None:
    """A feature of the code's articles gets a positive ratio, one of the others a negative one."""
    features, positives = _toy_features()
    ratio = log_count_ratio(features, positives, alpha=0.1)
    assert ratio[0] > 0 > ratio[1]
    assert ratio[2] == pytest.approx(0.0, abs=0.2)


def test_nbsvm_is_one_weight_column_per_code() -> None:
    """The NBSVM's stored column (w * r) scores plain rows as its SVM scores the ratio-scaled rows."""
    features, positives = _toy_features()
    labels = np.stack([positives, 1 - positives], axis=1).astype(np.int8)
    options = LinearOptions(jobs=1)
    weights, bias = fit_nbsvm(features, labels, options)
    assert weights.shape == (3, 2)
    margins = features @ weights + bias
    assert (margins[:3, 0] > 0).all()
    assert (margins[3:, 0] < 0).all()
    assert (margins[:3, 1] < 0).all()
    assert (margins[3:, 1] > 0).all()


def test_blend_is_finite_for_a_code_without_positives() -> None:
    """A code absent from the rows (a thin code in a fold) stays a constant decision, not a NaN."""
    features, positives = _toy_features()
    labels = np.stack([positives, np.zeros_like(positives)], axis=1).astype(np.int8)
    weights, bias = fit_blend(features, labels, LinearOptions(jobs=1))
    assert np.isfinite(weights).all()
    assert np.isfinite(bias).all()
    assert not weights[:, 1].any()
    assert bias[1] < 0
    margins = features @ weights[:, 0] + bias[0]
    assert (margins[:3] > 0).all()
    assert (margins[3:] < 0).all()


def test_model_card_fills_every_field_of_its_template(tmp_path: Path) -> None:
    """The card the training script writes has no field left open, and carries the table, the verdict,
    the model's sizes and the settings tried and not kept."""
    model = topic_model()
    card = tmp_path / "card.md"
    write_model_card(card, "TABLE-OF-SCORES", "VERDICT-LINE", FitOptions(), model, 3 * 1024 * 1024)
    text = card.read_text(encoding="utf-8")
    assert "{" not in text
    assert "}" not in text
    assert "TABLE-OF-SCORES" in text
    assert "VERDICT-LINE" in text
    assert f"{len(model.pairs):,} pairs" in text
    assert "3,072 KB" in text
    assert "Tried in a second round for issue 4" in text
