"""Micro and macro F1 of 0/1 prediction matrices, and the table the training script prints."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from worker.stages.classify.topics_model import IPTC_TOP_LEVEL
from worker.training.topics_data import CODES

Matrix = npt.NDArray[np.int8]


@dataclass(frozen=True)
class Scores:
    name: str
    micro_f1: float
    macro_f1: float
    per_code_f1: tuple[float, ...]


def score(name: str, gold: Matrix, predicted: Matrix) -> Scores:
    """Micro F1 pools every code's hits; macro F1 averages the per-code F1 over all codes."""
    gold_b, predicted_b = gold.astype(bool), predicted.astype(bool)
    hits = (gold_b & predicted_b).sum(0)
    per_code = _f1(hits, predicted_b.sum(0), gold_b.sum(0))
    pooled = predicted_b.sum() + gold_b.sum()
    micro = 2 * hits.sum() / pooled if pooled else 0.0
    return Scores(name, float(micro), float(per_code.mean()), tuple(float(f) for f in per_code))


def _f1(
    hits: npt.NDArray[np.int_], predicted: npt.NDArray[np.int_], gold: npt.NDArray[np.int_]
) -> npt.NDArray[np.float64]:
    total = predicted + gold
    return np.where(total > 0, 2 * hits / np.maximum(total, 1), 0.0)


def score_table(results: list[Scores], trained: int, held_out: int) -> str:
    """The summary (micro, macro) and per-code F1 of each model, as plain text."""
    width = max(len(result.name) for result in results)
    lines = [
        f"Topics on the held-out split ({held_out:,} documents; trained on {trained:,})",
        f"{'model':<{width}}  micro F1  macro F1",
    ]
    lines += [f"{r.name:<{width}}  {r.micro_f1:8.4f}  {r.macro_f1:8.4f}" for r in results]
    lines.append("")
    lines.append("per-code F1: " + " | ".join(r.name for r in results))
    for j, code in enumerate(CODES):
        values = "  ".join(f"{r.per_code_f1[j]:.3f}" for r in results)
        lines.append(f"  {code}  {IPTC_TOP_LEVEL[code]:<42} {values}")
    return "\n".join(lines)
