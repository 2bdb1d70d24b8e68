"""The entity extractor against the gold dev files, scored by the team's scorer (floors guard regressions)."""

from __future__ import annotations

import datetime

import pytest

from schemas import SourceDocument
from tests.conftest import gold_path
from worker.evaluation.entities import EntityScorer
from worker.evaluation.gold import load_gold
from worker.stages.enrich.entities import extract_entities
from worker.stages.parse import parse

# Overlap F1 over PERSON/ORG/LOC (NORP counted as LOC) measured when these floors were set: MEANTIME
# 0.88, GUM 0.82 (GUM does not annotate nationality adjectives, which cost it about 4 points).
OVERLAP_F1_FLOOR = {"meantime.dev.jsonl": 0.85, "gum.dev.jsonl": 0.80}


@pytest.mark.gold
@pytest.mark.parametrize("file_name", sorted(OVERLAP_F1_FLOOR))
def test_extract_entities_gold_overlap_f1_stays_above_floor(file_name: str) -> None:
    """Entities of a gold dev file, found from parsed text, keep their overlap F1 above the floor."""
    scorer = EntityScorer()
    received = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
    for gold in load_gold(gold_path(file_name)):
        parsed = parse(SourceDocument(doc_id="gold", text=gold.text, received_at=received))
        assert parsed.text == gold.text
        scorer.add(gold.entities or [], extract_entities(parsed.text, parsed.sentences))
    assert scorer.result()["overlap_f1"] >= OVERLAP_F1_FLOOR[file_name]
