"""IPTC Media Topic classification: multi-label over the 17 top-level codes, from a trained linear model.

The model (see `topics_model.py` and `resources/topics_MODEL_CARD.md`) gives every code a decision margin
relative to its own threshold, tuned on training data for that code's F1. A code is returned when its
margin is positive. When no code passes, the single best one is returned anyway: nearly every news article
has a topic (3 of the 12,611 Wikinews dev articles have none), and filling the empty ones with their best
code raised both micro and macro F1 on data the model was not trained on.

A topic's score is the logistic of its margin, so a score of 0.5 sits exactly on the code's threshold:
returned codes score at least 0.5, except the fallback one.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import numpy as np

from schemas import EnrichedDocument, Topic
from worker.stages.classify.topics_features import term_counts
from worker.stages.classify.topics_model import IPTC_TOP_LEVEL, FloatArray, TopicModel, load_model

MODEL_PATH = Path(__file__).resolve().parents[2] / "resources" / "topics_model.npz"


@cache
def topic_model() -> TopicModel:
    """The shipped model, read once per process on first use."""
    return load_model(MODEL_PATH)


def classify_topics(doc: EnrichedDocument) -> list[Topic]:
    return topics_of(doc.title, doc.text, topic_model())


def topics_of(title: str | None, text: str, model: TopicModel) -> list[Topic]:
    """The codes the model assigns to a title and text, best first."""
    margins = model.margins(term_counts(title, text))
    chosen = selected_codes(margins)
    scores = 1.0 / (1.0 + np.exp(-margins[chosen].astype(np.float64)))
    return [
        Topic(code=model.codes[i], label=IPTC_TOP_LEVEL[model.codes[i]], score=round(float(score), 4))
        for i, score in zip(chosen, scores, strict=True)
    ]


def selected_codes(margins: FloatArray) -> list[int]:
    """Indices of the codes over their threshold, by falling margin; the best one alone if none is."""
    passing = np.flatnonzero(margins > 0.0)
    if passing.size == 0:
        return [int(np.argmax(margins))]
    return [int(i) for i in passing[np.argsort(-margins[passing], kind="stable")]]
