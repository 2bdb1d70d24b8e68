"""The stages' own speed: per-document wall time of each call, summarised as medians and documents/second.

Times are `time.perf_counter` around each stage call in one process (the eval pins itself to one core),
after a warm-up call, so they measure the stage code and not the broker, the I/O or resource loading.
`docs_per_second` is the rate of the whole parse+enrich+classify chain: 1 / (mean parse+enrich time +
mean classify time).
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from typing import Any

_MS = 1000.0


@dataclass
class SpeedMeter:
    parse_s: list[float] = field(default_factory=list)
    enrich_s: list[float] = field(default_factory=list)  # parse + enrich, the figure the targets are on
    classify_s: list[float] = field(default_factory=list)

    def record_parse(self, seconds: float) -> None:
        self.parse_s.append(seconds)

    def record_enrich(self, parse_and_enrich_seconds: float) -> None:
        self.enrich_s.append(parse_and_enrich_seconds)

    def record_classify(self, seconds: float) -> None:
        self.classify_s.append(seconds)

    def result(self) -> dict[str, Any]:
        enrich_mean = _mean(self.enrich_s)
        classify_mean = _mean(self.classify_s)
        chain = enrich_mean + classify_mean if enrich_mean is not None and classify_mean is not None else None
        return {
            "documents_timed": len(self.enrich_s),
            "parse_documents_timed": len(self.parse_s),
            "classify_documents_timed": len(self.classify_s),
            "parse_ms_median": _median_ms(self.parse_s),
            "enrich_ms_median": _median_ms(self.enrich_s),
            "enrich_ms_p95": _quantile_ms(self.enrich_s, 0.95),
            "enrich_docs_per_second": _rate(enrich_mean),
            "classify_ms_median": _median_ms(self.classify_s),
            "classify_ms_p95": _quantile_ms(self.classify_s, 0.95),
            "classify_docs_per_second": _rate(classify_mean),
            "docs_per_second": _rate(chain),
        }


def _mean(seconds: list[float]) -> float | None:
    return statistics.fmean(seconds) if seconds else None


def _rate(mean_seconds: float | None) -> float | None:
    return 1.0 / mean_seconds if mean_seconds else None


def _median_ms(seconds: list[float]) -> float | None:
    return statistics.median(seconds) * _MS if seconds else None


def _quantile_ms(seconds: list[float], fraction: float) -> float | None:
    if not seconds:
        return None
    ordered = sorted(seconds)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] * _MS
