"""Counting and matching shared by the layer scorers.

Spans are (start, end) pairs of character offsets, end exclusive.
- exact: the same start and end. Each gold span matches at most one predicted span (multiset intersection).
- overlap: the two ranges share at least one character. Matching is one-to-one (a maximum bipartite
  matching): a predicted span can account for one gold span only, so one long prediction over three
  nested gold spans earns one hit, not three. Among the maximum matchings, exact pairs and larger
  overlaps are preferred, which is what value and speaker accuracy are then scored on.
Precision, recall and F1 are 0.0 when their denominator is 0 (as scikit-learn's zero_division=0);
accuracies are None when nothing was scored.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

SpanKey = tuple[int, int]


@dataclass
class SpanCounts:
    """Gold and predicted span counts of one layer (or one type), with their exact and overlap matches."""

    gold: int = 0
    predicted: int = 0
    exact: int = 0
    overlap: int = 0

    def add(self, gold: Sequence[SpanKey], predicted: Sequence[SpanKey]) -> list[tuple[int, int]]:
        """Count one document's spans; return the overlap pairs as (gold index, predicted index)."""
        pairs = match_overlap(gold, predicted)
        self.gold += len(gold)
        self.predicted += len(predicted)
        self.exact += count_exact(gold, predicted)
        self.overlap += len(pairs)
        return pairs

    def as_json(self) -> dict[str, float | int | None]:
        exact = prf(self.exact, self.gold, self.predicted)
        overlap = prf(self.overlap, self.gold, self.predicted)
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "exact_precision": exact[0],
            "exact_recall": exact[1],
            "exact_f1": exact[2],
            "overlap_precision": overlap[0],
            "overlap_recall": overlap[1],
            "overlap_f1": overlap[2],
        }


@dataclass
class Tally:
    """Correct answers out of the cases scored (an accuracy that knows its own support)."""

    correct: int = 0
    total: int = 0

    def add(self, is_correct: bool) -> None:
        self.total += 1
        self.correct += is_correct

    @property
    def accuracy(self) -> float | None:
        return ratio(self.correct, self.total)


def ordered_names(names: Iterable[str], preferred: Sequence[str]) -> list[str]:
    """`names` in the order of `preferred`, then any name not in it alphabetically (for stable reports)."""
    rank = {name: index for index, name in enumerate(preferred)}
    return sorted(names, key=lambda name: (rank.get(name, len(rank)), name))


def ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


def prf(matched: int, gold: int, predicted: int) -> tuple[float, float, float]:
    """Precision, recall and F1 of `matched` hits, 0.0 where a denominator is 0."""
    precision = matched / predicted if predicted else 0.0
    recall = matched / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def count_exact(gold: Sequence[SpanKey], predicted: Sequence[SpanKey]) -> int:
    return sum((Counter(gold) & Counter(predicted)).values())


def overlaps(a: SpanKey, b: SpanKey) -> bool:
    return max(a[0], b[0]) < min(a[1], b[1])


def match_overlap(gold: Sequence[SpanKey], predicted: Sequence[SpanKey]) -> list[tuple[int, int]]:
    """A maximum one-to-one matching of overlapping spans, as sorted (gold index, predicted index) pairs."""
    candidates = [_ranked_candidates(span, predicted) for span in gold]
    owner: dict[int, int] = {}  # predicted index -> gold index it is matched to
    for gold_index in range(len(gold)):
        _augment(gold_index, candidates, owner, set())
    return sorted((gold_index, predicted_index) for predicted_index, gold_index in owner.items())


def _ranked_candidates(span: SpanKey, predicted: Sequence[SpanKey]) -> list[int]:
    """Predicted spans overlapping `span`, best first: exact, then by overlap length, then in order."""
    hits = [index for index, other in enumerate(predicted) if overlaps(span, other)]

    def preference(index: int) -> tuple[bool, int, int]:
        other = predicted[index]
        shared = min(span[1], other[1]) - max(span[0], other[0])
        return (other != span, -shared, index)

    return sorted(hits, key=preference)


def _augment(gold_index: int, candidates: list[list[int]], owner: dict[int, int], seen: set[int]) -> bool:
    """Kuhn's augmenting path: give `gold_index` a partner, re-seating earlier matches if needed."""
    for predicted_index in candidates[gold_index]:
        if predicted_index in seen:
            continue
        seen.add(predicted_index)
        current = owner.get(predicted_index)
        if current is None or _augment(current, candidates, owner, seen):
            owner[predicted_index] = gold_index
            return True
    return False
