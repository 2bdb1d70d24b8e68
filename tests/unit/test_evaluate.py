"""`newswire eval` end to end: stages run per gold document, failures survive, JSON and table output."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from schemas import (
    EnrichedDocument,
    Entity,
    Offsets,
    ParsedDocument,
    ProcessedDocument,
    SourceDocument,
    Span,
    Topic,
)
from tests.builders import NEUTRAL_TONE
from worker import evaluate, stages
from worker.evaluation import runner as runner_module
from worker.evaluation.gold import load_gold
from worker.evaluation.runner import PipelineRunner

FIXTURES = Path(__file__).parents[1] / "fixtures" / "eval"
MINI = str(FIXTURES / "mini.dev.jsonl")
WIRE = str(FIXTURES / "wire.dev.jsonl")
POLITICS = "medtop:11000000"


def fake_parse(source: SourceDocument) -> ParsedDocument:
    whole = Offsets(start=0, end=len(source.text))
    return ParsedDocument(
        doc_id=source.doc_id, text=source.text, published=source.published, received_at=source.received_at,
        language="en", language_confidence=1.0, paragraphs=[whole], sentences=[whole],
        word_count=len(source.text.split()),
    )  # fmt: skip


def fake_enrich(parsed: ParsedDocument) -> EnrichedDocument:
    """Finds "Ana Ruiz" (inside gold "Mayor Ana Ruiz") and "Ruiz" (exact) as one person and "Harbor Trust"
    (inside gold "the Harbor Trust") in mini-harbor; nothing elsewhere."""
    entities = []
    if parsed.doc_id == "mini-harbor":
        entities = [
            _entity("E1", "PERSON", parsed.text, "Ana Ruiz", "Ruiz said"),
            _entity("E2", "ORG", parsed.text, "Harbor Trust"),
        ]
    return EnrichedDocument(
        **dict(parsed), entities=entities, dates=[], quotes=[], amounts=[], keywords=[], tone=NEUTRAL_TONE,
        fingerprint="0" * 16,
    )  # fmt: skip


def fake_classify(enriched: EnrichedDocument) -> ProcessedDocument:
    """Says politics for the border deal, nothing elsewhere; fails on the marathon."""
    if enriched.doc_id == "wire-marathon":
        raise RuntimeError("topic weights not found\nsecond line")
    topics = (
        [Topic(code=POLITICS, label="politics", score=0.9)] if enriched.doc_id == "wire-border-deal" else []
    )
    return ProcessedDocument(**dict(enriched), topics=topics, events=[], pipeline_version="test")


def _entity(entity_id: str, entity_type: Any, text: str, *names: str) -> Entity:
    mentions = []
    for name in names:
        start = text.index(name)
        word = name.split()[0] if name.endswith(" said") else name
        mentions.append(Span(start=start, end=start + len(word), text=word))
    return Entity(
        id=entity_id, text=names[0], type=entity_type, canonical=names[0], mentions=mentions,
        mention_count=len(mentions), salience=0.5,
    )  # fmt: skip


@pytest.fixture
def fake_stages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runner_module, "parse", fake_parse)
    monkeypatch.setattr(runner_module, "enrich", fake_enrich)
    monkeypatch.setattr(runner_module, "classify", fake_classify)


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, Any]:
    assert evaluate.main([*argv, "--json"]) == 0
    result: dict[str, Any] = json.loads(capsys.readouterr().out)
    return result


@pytest.mark.usefixtures("fake_stages")
def test_main_scores_the_stage_output_against_the_gold(capsys: pytest.CaptureFixture[str]) -> None:
    """7 gold entities; 3 predicted mentions, 1 exact ("Ruiz") and 3 overlapping: exact P=1/3, R=1/7,
    F1=0.2; overlap P=1, R=3/7, F1=0.6. Topics: 5 gold labels, 1 predicted and right: micro F1 1/3."""
    result = run_json(capsys, MINI, WIRE)
    entities = result["mini.dev.jsonl"]["entities"]
    assert entities["exact_f1"] == pytest.approx(0.2)
    assert entities["overlap_f1"] == pytest.approx(0.6)
    assert result["wire.dev.jsonl"]["topics"]["micro_f1"] == pytest.approx(1 / 3)
    assert result["all_files"]["documents"] == 6


@pytest.mark.usefixtures("fake_stages")
def test_main_counts_a_failing_stage_and_goes_on(capsys: pytest.CaptureFixture[str]) -> None:
    """classify raising on one document is counted with its first error line, the rest is still scored."""
    result = run_json(capsys, WIRE)
    failures = result["wire.dev.jsonl"]["failures"]
    assert failures == {
        "classify": {
            "count": 1,
            "first": "classify failed on wire-marathon: RuntimeError: topic weights not found",
        }
    }
    assert result["wire.dev.jsonl"]["events"]["gold_events"] == 2
    assert result["speed"]["classify_documents_timed"] == 2


@pytest.mark.usefixtures("fake_stages")
def test_main_reports_speed_of_each_stage(capsys: pytest.CaptureFixture[str]) -> None:
    """Every document is timed through parse+enrich, and the medians are positive milliseconds."""
    speed = run_json(capsys, MINI)["speed"]
    assert speed["documents_timed"] == 3
    assert speed["enrich_ms_median"] > 0
    assert speed["classify_ms_median"] > 0
    assert speed["docs_per_second"] > 0


@pytest.mark.usefixtures("fake_stages")
def test_main_says_which_build_of_the_stages_it_timed(capsys: pytest.CaptureFixture[str]) -> None:
    """Compiled and pure Python stages differ in speed, so the figures say which ran."""
    assert run_json(capsys, MINI)["speed"]["compiled"] is stages.COMPILED
    evaluate.main([MINI])
    expected = "compiled stages (make native)" if stages.COMPILED else "pure Python stages"
    assert expected in capsys.readouterr().out


@pytest.mark.usefixtures("fake_stages")
def test_main_holdout_scores_topics_on_the_held_out_split_only(capsys: pytest.CaptureFixture[str]) -> None:
    """Of the three, only wire-marathon is held out (and classify fails on it): 1 of 3 documents scored, its
    2 gold codes missed, and the right politics label of the training-part border deal left out."""
    topics = run_json(capsys, WIRE, "--holdout")["wire.dev.jsonl"]["topics"]
    assert (topics["subset"], topics["documents"], topics["annotated_documents"]) == ("holdout", 1, 3)
    assert (topics["micro_recall"], topics["micro_precision"]) == (0.0, 0.0)
    assert sorted(topics["by_code"]) == ["medtop:15000000", "medtop:17000000"]


@pytest.mark.usefixtures("fake_stages")
def test_main_prints_a_table_for_people(capsys: pytest.CaptureFixture[str]) -> None:
    """The table names each file, its layers, the failure and the speed section."""
    assert evaluate.main([MINI, WIRE]) == 0
    table = capsys.readouterr().out
    for expected in ("== mini.dev.jsonl: 3 documents ==", "entities (3 documents)", "topics (all 3 documents,",
                     "classify failed on 1 documents", "== speed:", "events ("):  # fmt: skip
        assert expected in table


def test_main_rejects_an_unreadable_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A missing gold file exits with 2 and says which file."""
    assert evaluate.main([str(tmp_path / "absent.jsonl")]) == 2
    assert "absent.jsonl" in capsys.readouterr().err


def test_runner_scores_a_parse_failure_as_empty_output(monkeypatch: pytest.MonkeyPatch) -> None:
    """parse raising gives an empty prediction that names the stage and the error."""

    def broken_parse(source: SourceDocument) -> ParsedDocument:
        raise ValueError("bad header")

    monkeypatch.setattr(runner_module, "parse", broken_parse)
    prediction = PipelineRunner(datetime.now(UTC)).run(load_gold(Path(MINI))[0])
    assert prediction.entities == []
    assert prediction.topics == []
    assert prediction.failure is not None
    assert prediction.failure.describe() == "parse failed on mini-harbor: ValueError: bad header"


def test_main_runs_the_real_stages_and_prints_the_json_keys(capsys: pytest.CaptureFixture[str]) -> None:
    """Whatever the stages find (or if they fail), --json holds the keys scripts rely on."""
    result = run_json(capsys, MINI, WIRE)
    mini, wire = result["mini.dev.jsonl"], result["wire.dev.jsonl"]
    for layer, key in [("entities", "exact_f1"), ("entities", "overlap_f1"), ("timexes", "span_f1"),
                       ("timexes", "value_accuracy"), ("quotes", "overlap_f1"), ("quotes", "speaker_accuracy")]:  # fmt: skip
        assert key in mini[layer]
    for layer, key in [("topics", "micro_f1"), ("topics", "macro_f1"), ("events", "type_accuracy"),
                       ("events", "source_accuracy"), ("events", "target_accuracy")]:  # fmt: skip
        assert key in wire[layer]
    assert "events" not in mini
    assert "entities" not in wire
    assert {"enrich_ms_median", "classify_ms_median", "docs_per_second"} <= result["speed"].keys()
