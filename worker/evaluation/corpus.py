"""Evaluate one gold file: run every document through the stages and feed each annotated layer's scorer."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, TextIO

from worker.evaluation.entities import EntityScorer
from worker.evaluation.events import EventScorer
from worker.evaluation.gold import GoldDocument
from worker.evaluation.quotes import QuoteScorer
from worker.evaluation.runner import Failure, PipelineRunner, Prediction
from worker.evaluation.timexes import TimexScorer
from worker.evaluation.topics import TopicScorer
from worker.training.split import is_holdout

LAYERS = ("entities", "timexes", "quotes", "topics", "events")


@dataclass
class FileScores:
    """The scorers of one gold file; a layer's scorer exists only once a document annotating it is seen."""

    holdout: bool = False
    documents: int = 0
    text_changed: int = 0
    failures: dict[str, list[Failure]] = field(default_factory=dict)
    entities: EntityScorer | None = None
    timexes: TimexScorer | None = None
    quotes: QuoteScorer | None = None
    topics: TopicScorer | None = None
    events: EventScorer | None = None

    def add(self, gold: GoldDocument, prediction: Prediction) -> None:
        """Score one document's prediction on every layer its gold record annotates."""
        self.documents += 1
        self.text_changed += prediction.text_changed
        if prediction.failure is not None:
            self.failures.setdefault(prediction.failure.stage, []).append(prediction.failure)
        if gold.entities is not None:
            self.entities = self.entities or EntityScorer(corpus=gold.corpus)
            self.entities.add(gold.entities, prediction.entities)
        if gold.timexes is not None:
            self.timexes = self.timexes or TimexScorer()
            self.timexes.add(gold.timexes, prediction.dates)
        if gold.quotes is not None:
            self.quotes = self.quotes or QuoteScorer()
            self.quotes.add(gold.quotes, prediction.quotes, prediction.entities)
        if gold.topics is not None:
            self.topics = self.topics or TopicScorer(subset="holdout" if self.holdout else "all")
            if not self.holdout or is_holdout(gold.id):
                self.topics.add(gold.topics, prediction.topics)
            else:
                self.topics.skip()
        if gold.events is not None:
            self.events = self.events or EventScorer()
            self.events.add(gold.events, prediction.events)

    def result(self) -> dict[str, Any]:
        scored: dict[str, Any] = {"documents": self.documents}
        for layer in LAYERS:
            scorer = getattr(self, layer)
            if scorer is not None:
                scored[layer] = scorer.result()
        scored["failures"] = {
            stage: {"count": len(failures), "first": failures[0].describe()}
            for stage, failures in self.failures.items()
        }
        scored["text_changed"] = self.text_changed
        return scored


def evaluate_documents(
    name: str,
    documents: Sequence[GoldDocument],
    runner: PipelineRunner,
    targets: Sequence[FileScores],
    progress: TextIO | None,
) -> None:
    """Run every document of one file once and score it into each of `targets` (the file's, the pooled).

    Progress goes to `progress` (stderr) for long files."""
    ticker = _Progress(name, len(documents), progress)
    for gold in documents:
        prediction = runner.run(gold)
        for scores in targets:
            scores.add(gold, prediction)
        ticker.tick()
    ticker.done()


class _Progress:
    """`name: done/total documents` on stderr for files worth waiting on: one refreshed line on a terminal,
    an occasional plain line in a log."""

    MIN_DOCUMENTS = 500

    def __init__(self, name: str, total: int, stream: TextIO | None) -> None:
        self.name = name
        self.total = total
        self.stream = stream if stream is not None and total >= self.MIN_DOCUMENTS else None
        self.interactive = self.stream is not None and self.stream.isatty()
        self.interval_s = 0.5 if self.interactive else 10.0
        self.count = 0
        self.last_shown = time.monotonic()

    def tick(self) -> None:
        self.count += 1
        now = time.monotonic()
        if self.stream is not None and now - self.last_shown >= self.interval_s:
            self.last_shown = now
            self._show(final=False)

    def done(self) -> None:
        if self.stream is not None:
            self._show(final=True)

    def _show(self, final: bool) -> None:
        assert self.stream is not None  # callers check; the assert narrows the type for mypy
        line = f"{self.name}: {self.count}/{self.total} documents"
        if self.interactive:
            self.stream.write("\r" + line + ("\n" if final else ""))
        else:
            self.stream.write(line + "\n")
        self.stream.flush()
