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

import math
from functools import cache
from importlib import resources
from pathlib import Path

from pydantic import TypeAdapter

from schemas import EnrichedDocument, Topic
from worker.stages.classify.topics_features import document_hashes
from worker.stages.classify.topics_model import IPTC_TOP_LEVEL, FloatArray, TopicModel
from worker.stages.classify.topics_storage import load_model

# Found through the resources package, not this module's __file__: a compiled module's __file__ is not yet
# its own while its top level runs (make native).
MODEL_PATH = Path(str(resources.files("worker.resources").joinpath("topics_model.npz")))
_TOPIC_LIST = TypeAdapter(list[Topic])


@cache
def topic_model() -> TopicModel:
    """The shipped model, read once per process on first use."""
    return load_model(MODEL_PATH)


def classify_topics(doc: EnrichedDocument) -> list[Topic]:
    return topics_of(doc.title, doc.text, topic_model())


def topics_of(title: str | None, text: str, model: TopicModel) -> list[Topic]:
    """The codes the model assigns to a title and text, best first."""
    margins = model.hashed_margins(document_hashes(title, text)).tolist()
    # One validation of the whole list in pydantic-core costs less than a model_construct per topic.
    return _TOPIC_LIST.validate_python(
        [
            {
                "code": model.codes[i],
                "label": IPTC_TOP_LEVEL[model.codes[i]],
                "score": round(_logistic(margins[i]), 4),
            }
            for i in _chosen(margins)
        ]
    )


def selected_codes(margins: FloatArray) -> list[int]:
    """Indices of the codes over their threshold, by falling margin; the best one alone if none is."""
    return _chosen(margins.tolist())


def _logistic(margin: float) -> float:
    """1 / (1 + e^-margin), written so that no exponent can overflow."""
    if margin >= 0.0:
        return 1.0 / (1.0 + math.exp(-margin))
    tail = math.exp(margin)
    return tail / (1.0 + tail)


def _chosen(margins: list[float]) -> list[int]:
    # Seventeen numbers: plain Python is quicker here than a handful of numpy calls. Sorting is stable, so
    # equal margins keep code order, and max() returns the first best code, as argmax does.
    passing = [index for index, margin in enumerate(margins) if margin > 0.0]
    if not passing:
        return [max(range(len(margins)), key=margins.__getitem__)]
    return sorted(passing, key=lambda index: -margins[index])
