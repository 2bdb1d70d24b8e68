"""Run the real stages on gold documents, one by one, timing each call and surviving their failures.

No broker: parse, enrich and classify are called directly, as a worker would call them. A stage that
raises does not stop the evaluation: the document is scored as if the stage had returned nothing
(no entities, dates, quotes, topics or events from that stage on), and the failure is counted.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import datetime

from schemas import (
    EnrichedDocument,
    Entity,
    EventRecord,
    ProcessedDocument,
    Quote,
    SourceDocument,
    TimeExpression,
)
from worker.evaluation.gold import GoldDocument, safe_doc_id
from worker.evaluation.speed import SpeedMeter
from worker.stages import classify, enrich, parse
from worker.warmup import warm_up_stages


@dataclass(frozen=True)
class Failure:
    stage: str
    doc_id: str
    error: str

    def describe(self) -> str:
        return f"{self.stage} failed on {self.doc_id}: {self.error}"


@dataclass
class Prediction:
    """What the stages said about one document; empty where a stage failed."""

    entities: list[Entity] = field(default_factory=list)
    dates: list[TimeExpression] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    events: list[EventRecord] = field(default_factory=list)
    failure: Failure | None = None
    text_changed: bool = False


class PipelineRunner:
    """Feeds gold documents to the stages and keeps the per-stage timings in `speed`."""

    def __init__(self, received_at: datetime) -> None:
        self.received_at = received_at
        self.speed = SpeedMeter()

    def warm_up(self) -> None:
        """Load every stage's resources untimed, so lazy loading is not counted as per-document work."""
        warm_up_stages()

    def source_document(self, gold: GoldDocument) -> SourceDocument:
        return SourceDocument(
            doc_id=safe_doc_id(gold.id),
            text=gold.text,
            published=gold.published,
            title=gold.title,
            received_at=self.received_at,
        )

    def run(self, gold: GoldDocument) -> Prediction:
        stage = "input"
        try:
            source = self.source_document(gold)
            stage = "parse"
            started = time.perf_counter()
            parsed = parse(source)
            self.speed.record_parse(time.perf_counter() - started)
            stage = "enrich"
            enriched = enrich(parsed)
            self.speed.record_enrich(time.perf_counter() - started)
        except Exception as error:  # noqa: BLE001 - a stage bug is counted and scored as empty, not fatal
            return Prediction(failure=_failure(stage, gold, error))
        prediction = _enrichment(enriched, gold)
        try:
            started = time.perf_counter()
            processed = classify(enriched)
            self.speed.record_classify(time.perf_counter() - started)
        except Exception as error:  # noqa: BLE001 - as above: counted, scored as empty, not fatal
            prediction.failure = _failure("classify", gold, error)
            return prediction
        _add_classification(prediction, processed)
        return prediction


def _enrichment(enriched: EnrichedDocument, gold: GoldDocument) -> Prediction:
    return Prediction(
        entities=list(enriched.entities),
        dates=list(enriched.dates),
        quotes=list(enriched.quotes),
        text_changed=enriched.text != gold.text,
    )


def _add_classification(prediction: Prediction, processed: ProcessedDocument) -> None:
    prediction.topics = [topic.code for topic in processed.topics]
    prediction.events = list(processed.events)


def _failure(stage: str, gold: GoldDocument, error: Exception) -> Failure:
    message = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return Failure(stage, gold.id, f"{type(error).__name__}: {message}" if message else type(error).__name__)
