"""Training the topic model: a small fixed run is deterministic given its seed."""

from __future__ import annotations

import numpy as np
import pytest

from tests.conftest import gold_path
from worker.training.topics_data import read_examples, split_examples
from worker.training.topics_fit import FitOptions, best_threshold, fit_topic_model


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
