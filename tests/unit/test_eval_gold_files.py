"""The scorers on the real gold files: the gold scored against itself must be perfect on every layer.

This checks the matching on real nesting and overlaps (MEANTIME's nested extents, GUM's long quotes)
without depending on the NLP stages.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from schemas import Actor, EventRecord, Quote, Span, SpeakerRef, TimeExpression
from schemas.enrichment import Entity
from worker.evaluation.corpus import FileScores
from worker.evaluation.gold import GoldActor, GoldDocument, load_gold
from worker.evaluation.runner import Prediction

GOLD_DIR = Path(__file__).parents[3] / "shared" / "eval"
GOLD_FILES = ["gum.dev.jsonl", "meantime.dev.jsonl", "plover.dev.jsonl"]

pytestmark = [
    pytest.mark.gold,
    pytest.mark.skipif(not GOLD_DIR.is_dir(), reason="the gold data is not in ../shared/eval"),
]


def echo(gold: GoldDocument) -> Prediction:
    """A prediction that repeats the gold record in the pipeline's own types."""
    return Prediction(
        entities=[
            Entity(
                id=f"E{index}", text=e.text, type=e.type, canonical=e.text,
                mentions=[Span(start=e.start, end=e.end, text=e.text)], mention_count=1, salience=0.5,
            )
            for index, e in enumerate(gold.entities or [])
        ],
        dates=[
            TimeExpression(
                start=t.start, end=t.end, text=t.text, type=t.type, value=t.value,
                granularity="none", resolution="explicit",
            )
            for t in gold.timexes or []
        ],
        quotes=[
            Quote(
                start=q.start, end=q.end, text=q.text, kind="direct",
                speaker=SpeakerRef(**q.speaker.model_dump()) if q.speaker else None,
            )
            for q in gold.quotes or []
        ],
        topics=list(gold.topics or []),
        events=[
            EventRecord(
                event_id=f"v{index}", doc_id=gold.id, type=v.type, cameo="", quad_class=1,
                goldstein=0.0, source=_actors(v.source), target=_actors(v.target),
                action=Span(start=0, end=1, text=gold.text[:1]), reciprocal=not v.target, date=None,
                sentence=Span(start=0, end=1, text=gold.text[:1]), confidence=1.0,
            )
            for index, v in enumerate(gold.events or [])
        ],
    )  # fmt: skip


def _actors(actors: list[GoldActor]) -> list[Actor]:
    return [Actor(text=a.text, code=a.code, sector=a.sector) for a in actors]


@pytest.mark.parametrize("name", GOLD_FILES)
def test_gold_scored_against_itself_is_perfect(name: str) -> None:
    """Every F1 and accuracy of every layer the file has is 1.0 (or None where nothing is scored)."""
    scores = FileScores()
    for gold in load_gold(GOLD_DIR / name):
        scores.add(gold, echo(gold))
    result = scores.result()
    figures = {
        (layer, key): value
        for layer in ("entities", "timexes", "quotes", "events")
        if layer in result
        for key, value in result[layer].items()
        if key.endswith(("_f1", "_accuracy", "_precision", "_recall"))
    }
    assert figures
    assert all(value in (1.0, None) for value in figures.values()), figures
