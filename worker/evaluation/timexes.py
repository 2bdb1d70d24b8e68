"""Time expression scoring: span F1 (exact and overlap) and accuracy of the normalised value.

- Over all types, spans are matched whatever their type (a timex found is a timex found); per type
  (DATE, TIME, DURATION, SET) only spans of that type on both sides are matched, so the DATE row is the
  score of the DATE timexes alone.
- `span_f1` is the overlap span F1 (TempEval-3's relaxed match); `exact_f1` is the strict one.
- `value_accuracy` is the share of overlap-matched pairs whose predicted value equals the gold value
  (TimeML/ISO 8601 string, compared exactly after trimming spaces). Unmatched gold timexes are not in it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from schemas import TimeExpression
from worker.evaluation.gold import GoldTimex
from worker.evaluation.metrics import SpanCounts, Tally, ordered_names

TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")


@dataclass
class _TimexCounts:
    spans: SpanCounts = field(default_factory=SpanCounts)
    values: Tally = field(default_factory=Tally)

    def add(self, gold: Sequence[GoldTimex], predicted: Sequence[TimeExpression]) -> None:
        pairs = self.spans.add([(t.start, t.end) for t in gold], [(t.start, t.end) for t in predicted])
        for gold_index, predicted_index in pairs:
            self.values.add(gold[gold_index].value.strip() == predicted[predicted_index].value.strip())

    def as_json(self) -> dict[str, Any]:
        spans = self.spans.as_json()
        return {
            **spans,
            "span_f1": spans["overlap_f1"],
            "value_accuracy": self.values.accuracy,
            "value_scored": self.values.total,
        }


@dataclass
class TimexScorer:
    documents: int = 0
    overall: _TimexCounts = field(default_factory=_TimexCounts)
    by_type: dict[str, _TimexCounts] = field(default_factory=dict)

    def add(self, gold: Sequence[GoldTimex], predicted: Sequence[TimeExpression]) -> None:
        self.documents += 1
        self.overall.add(gold, predicted)
        for timex_type in sorted({t.type for t in gold} | {t.type for t in predicted}):
            self.by_type.setdefault(timex_type, _TimexCounts()).add(
                [t for t in gold if t.type == timex_type], [t for t in predicted if t.type == timex_type]
            )

    def result(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            **self.overall.as_json(),
            "by_type": {
                name: self.by_type[name].as_json() for name in ordered_names(self.by_type, TIMEX_TYPES)
            },
        }
