"""The stage runner: one bad document fails alone, with a dead letter a person can act on."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from schemas import EnrichedDocument, ParsedDocument, ProcessedDocument, SourceDocument
from worker import keys, stages
from worker.runner import (
    chained_stages,
    dead_letters_for_batch,
    encode_batch,
    next_stage,
    run_stage,
    run_stages,
)


def source(n: int, text: str = "A short article about nothing much.") -> SourceDocument:
    return SourceDocument(doc_id=f"d{n}", text=text, received_at=datetime.now(UTC))


def test_runner_parses_a_batch_and_records_stage_timing() -> None:
    """Every document of a good batch comes out, with the stage's time in timings_ms."""
    result = run_stage("parse", encode_batch([source(1), source(2)]))
    assert [doc.doc_id for doc in result.outputs] == ["d1", "d2"]  # type: ignore[attr-defined]
    assert all(isinstance(doc, ParsedDocument) for doc in result.outputs)
    assert all("parse" in doc.timings_ms for doc in result.outputs)  # type: ignore[attr-defined]
    assert result.dead == []


def test_runner_dead_letters_only_the_document_whose_stage_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    """A stage exception on one document dead-letters that one; the others go on."""
    real_parse = stages.parse

    def parse_or_fail(doc: SourceDocument) -> ParsedDocument:
        if doc.doc_id == "d2":
            raise KeyError("missing lexicon entry")
        return real_parse(doc)

    monkeypatch.setattr(stages, "parse", parse_or_fail)
    result = run_stage("parse", encode_batch([source(1), source(2), source(3)]), attempts=2)
    assert [doc.doc_id for doc in result.outputs] == ["d1", "d3"]  # type: ignore[attr-defined]
    [letter] = result.dead
    assert (letter.doc_id, letter.stage, letter.error_type, letter.attempts) == ("d2", "parse", "KeyError", 2)
    assert "missing lexicon entry" in letter.message
    assert "newswire replay --doc-id d2" in letter.message
    assert letter.payload["text"] == source(2).text


def test_runner_dead_letters_a_document_of_the_wrong_shape() -> None:
    """A document that does not validate as the stage's input is dead-lettered with the validation detail."""
    batch = json.dumps([{"doc_id": "odd", "text": "x"}, json.loads(source(1).model_dump_json())])
    result = run_stage("parse", batch)
    assert len(result.outputs) == 1
    [letter] = result.dead
    assert letter.doc_id == "odd"
    assert letter.error_type == "ValidationError"
    assert "received_at" in letter.message


def test_runner_dead_letters_a_batch_that_is_not_json() -> None:
    """A message that is not a JSON array is kept whole in one dead letter instead of crashing the worker."""
    result = run_stage("enrich", "{not json")
    [letter] = result.dead
    assert letter.doc_id.startswith("batch-")
    assert letter.payload == {"batch": "{not json"}
    assert result.outputs == []


@pytest.mark.parametrize("message", [123, None, "{}", ["x"], {"a": 1}])
def test_runner_dead_letters_any_message_that_is_not_a_batch_string(message: object) -> None:
    """Whatever JSON value a hand-sent message carries, it is dead-lettered whole, never raised."""
    [letter] = run_stages(("parse",), message).dead
    assert letter.payload == {"batch": message}
    assert "not a JSON array of documents" in letter.message
    [again] = dead_letters_for_batch("parse", message, ValueError("boom"), 1)
    assert again.payload == {"batch": message}


def test_runner_gives_each_malformed_message_its_own_dead_letter_id() -> None:
    """Dead letters are recorded once per id: distinct bad messages need distinct ids, a redelivery the same."""
    first, second = (run_stage("parse", text).dead[0].doc_id for text in ("{not json", "[nor this"))
    assert first != second
    assert run_stage("parse", "{not json").dead[0].doc_id == first
    no_ids = run_stage("parse", json.dumps([{"text": "a"}, {"text": "b"}])).dead
    assert len({letter.doc_id for letter in no_ids}) == 2
    assert all(letter.doc_id.startswith("unknown-") for letter in no_ids)


def test_runner_dead_letters_for_a_failed_batch_keep_every_document() -> None:
    """A batch that failed as a whole becomes one dead letter per document, each with its payload."""
    letters = dead_letters_for_batch(
        "classify", encode_batch([source(1), source(2)]), RuntimeError("boom"), 3
    )
    assert [(d.doc_id, d.stage, d.error_type, d.attempts) for d in letters] == [
        ("d1", "classify", "RuntimeError", 3),
        ("d2", "classify", "RuntimeError", 3),
    ]
    assert letters[1].payload["text"] == source(2).text


def test_runner_fused_stages_hand_models_on_and_name_the_failing_stage(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """run_stages runs parse to classify in one call; a failure in enrich is dead-lettered as enrich."""

    def enrich_or_fail(doc: ParsedDocument) -> EnrichedDocument:
        if doc.doc_id == "d2":
            raise ValueError("bad lexicon")
        return real_enrich(doc)

    real_enrich = stages.enrich
    monkeypatch.setattr(stages, "enrich", enrich_or_fail)
    result = run_stages(("parse", "enrich", "classify"), encode_batch([source(1), source(2)]))
    [published] = result.outputs
    assert isinstance(published, ProcessedDocument)
    assert set(published.timings_ms) == {"parse", "enrich", "classify"}
    [letter] = result.dead
    assert (letter.doc_id, letter.stage) == ("d2", "enrich")
    assert letter.payload["language"] == "en"  # the parsed document that enrich received


@pytest.mark.parametrize(
    ("first", "local_queues", "expected"),
    [
        ("parse", keys.STAGE_QUEUES, ("parse", "enrich", "classify")),
        ("parse", [keys.PARSE_QUEUE], ("parse",)),
        ("parse", [keys.PARSE_QUEUE, keys.CLASSIFY_QUEUE], ("parse",)),  # enrich is elsewhere: hand on
        ("parse", [keys.PARSE_QUEUE, keys.ENRICH_QUEUE], ("parse", "enrich")),
        ("enrich", [keys.ENRICH_QUEUE, keys.CLASSIFY_QUEUE], ("enrich", "classify")),
        ("enrich", [keys.ENRICH_QUEUE], ("enrich",)),
        ("classify", keys.STAGE_QUEUES, ("classify",)),
    ],
)
def test_runner_chains_the_next_stages_whose_queues_this_worker_consumes(
    first: str, local_queues: list[str], expected: tuple[str, ...]
) -> None:
    """A task runs its stage and each following one this worker also consumes, stopping at the first gap."""
    assert chained_stages(first, local_queues) == expected  # type: ignore[arg-type]


def test_runner_next_stage_follows_the_pipeline_order() -> None:
    assert [next_stage(s) for s in ("parse", "enrich", "classify")] == ["enrich", "classify", None]


def test_runner_raises_batch_level_errors_instead_of_dead_lettering(monkeypatch: pytest.MonkeyPatch) -> None:
    """An error the caller names as batch-level (the task's soft time limit) ends the batch, unrecorded."""

    class OutOfTimeError(Exception):
        pass

    def slow_parse(doc: SourceDocument) -> ParsedDocument:
        raise OutOfTimeError

    monkeypatch.setattr(stages, "parse", slow_parse)
    with pytest.raises(OutOfTimeError):
        run_stages(("parse",), encode_batch([source(1)]), escalate=(OutOfTimeError,))
    [letter] = run_stages(("parse",), encode_batch([source(1)])).dead  # not named: one document's failure
    assert letter.error_type == "OutOfTimeError"
