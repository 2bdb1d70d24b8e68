"""Topic scoring: micro and macro F1 over the 17 IPTC Media Topic top-level codes.

Every code a document's classify output lists is a predicted label (the stage applies its own
threshold). Codes outside the 17 top-level ones are ignored on both sides. Micro F1 pools the hits of all
codes; macro F1 is the mean of the per-code F1 over the codes that occur in the gold or the predictions of
the scored documents (a code absent from both has no defined F1; on the wikinews held-out split all 17
occur in the gold).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from worker.evaluation.metrics import prf
from worker.stages.classify.topics_model import IPTC_TOP_LEVEL

# The one table of the 17 codes and their labels is the classifier's.
TOP_LEVEL_CODES = IPTC_TOP_LEVEL


@dataclass
class _CodeCounts:
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0

    @property
    def gold(self) -> int:
        return self.true_positive + self.false_negative

    @property
    def predicted(self) -> int:
        return self.true_positive + self.false_positive


@dataclass
class TopicScorer:
    subset: str = "all"
    documents: int = 0
    annotated: int = 0  # documents with a topics layer, scored or not (with --holdout most are not)
    by_code: dict[str, _CodeCounts] = field(default_factory=dict)

    def skip(self) -> None:
        """Count a document left out of the scored subset (it belongs to the topic model's training part)."""
        self.annotated += 1

    def add(self, gold: Iterable[str], predicted: Iterable[str]) -> None:
        self.annotated += 1
        self.documents += 1
        gold_codes = set(gold) & TOP_LEVEL_CODES.keys()
        predicted_codes = set(predicted) & TOP_LEVEL_CODES.keys()
        for code in gold_codes | predicted_codes:
            counts = self.by_code.setdefault(code, _CodeCounts())
            if code in gold_codes and code in predicted_codes:
                counts.true_positive += 1
            elif code in gold_codes:
                counts.false_negative += 1
            else:
                counts.false_positive += 1

    def result(self) -> dict[str, Any]:
        hits = sum(c.true_positive for c in self.by_code.values())
        gold = sum(c.gold for c in self.by_code.values())
        predicted = sum(c.predicted for c in self.by_code.values())
        micro = prf(hits, gold, predicted)
        per_code = {code: _code_json(self.by_code[code]) for code in sorted(self.by_code)}
        f1s = [scores["f1"] for scores in per_code.values()]
        return {
            "documents": self.documents,
            "annotated_documents": self.annotated,
            "subset": self.subset,
            "micro_precision": micro[0],
            "micro_recall": micro[1],
            "micro_f1": micro[2],
            "macro_f1": sum(f1s) / len(f1s) if f1s else 0.0,
            "by_code": per_code,
        }


def _code_json(counts: _CodeCounts) -> dict[str, Any]:
    precision, recall, f1 = prf(counts.true_positive, counts.gold, counts.predicted)
    return {
        "gold": counts.gold,
        "predicted": counts.predicted,
        "precision": precision,
        "recall": recall,
        "f1": f1,
    }
