"""Event coding against the PLOVER gold sentences, through the real parse and enrich stages."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from schemas import SourceDocument
from tests.conftest import gold_path
from worker.evaluation.events import EventScorer
from worker.evaluation.gold import load_gold, safe_doc_id
from worker.stages import enrich, parse
from worker.stages.classify.events import extract_events


@pytest.mark.gold
def test_extract_events_reaches_the_plover_dev_targets() -> None:
    """Type accuracy >= 0.80, source code accuracy >= 0.80 and target code accuracy >= 0.75 (issue 4)."""
    scorer = EventScorer()
    for gold in load_gold(gold_path("plover.dev.jsonl")):
        source = SourceDocument(doc_id=safe_doc_id(gold.id), text=gold.text, received_at=datetime.now(UTC))
        scorer.add(gold.events or [], extract_events(enrich(parse(source))))
    result = scorer.result()
    scores = (result["type_accuracy"], result["source_accuracy"], result["target_accuracy"])
    assert scores[0] >= 0.80, scores
    assert scores[1] >= 0.80, scores
    assert scores[2] >= 0.75, scores
