"""The table `newswire eval` prints for people (scripts use `--json`, which holds the same numbers)."""

from __future__ import annotations

from typing import Any

from worker.evaluation.topics import TOP_LEVEL_CODES

_SPAN_COLUMNS = ("ex P", "ex R", "ex F1", "ov P", "ov R", "ov F1")
_SPAN_KEYS = (
    "exact_precision",
    "exact_recall",
    "exact_f1",
    "overlap_precision",
    "overlap_recall",
    "overlap_f1",
)
_LEGEND = "  (ex: exact span match, ov: overlapping spans; entities also match the type)"


def render(results: dict[str, Any]) -> str:
    """The whole report: one section per file (and the pooled files), then the speed of the stages."""
    lines: list[str] = []
    for name, scores in results.items():
        if name != "speed":
            lines += file_section(name, scores)
    lines += speed_section(results["speed"])
    return "\n".join(lines) + "\n"


def file_section(name: str, scores: dict[str, Any]) -> list[str]:
    lines = ["", f"== {name}: {scores['documents']} documents =="]
    if "entities" in scores:
        lines += _span_layer("entities", scores["entities"], extra=None)
    if "timexes" in scores:
        lines += _span_layer(
            "timexes", scores["timexes"], extra=("value acc", "value_accuracy", "value_scored")
        )
    if "quotes" in scores:
        lines += _span_layer(
            "quotes", scores["quotes"], extra=("speaker acc", "speaker_accuracy", "speaker_scored")
        )
        lines += _unmarked_quotes(scores["quotes"])
    if "topics" in scores:
        lines += _topics(scores["topics"])
    if "events" in scores:
        lines += _events(scores["events"])
    if any(layer in scores for layer in ("entities", "timexes", "quotes")):
        lines.append(_LEGEND)
    lines += _problems(scores)
    return lines


def speed_section(speed: dict[str, Any]) -> list[str]:
    where = "pinned to one core" if speed.get("pinned_to_one_core") else "one process (not pinned)"
    build = "compiled stages (make native)" if speed.get("compiled") else "pure Python stages"
    return [
        "",
        f"== speed: {speed['documents_timed']} documents, {where}, {build}, no broker, after a warm-up ==",
        f"  parse+enrich  median {_ms(speed['enrich_ms_median'])}  p95 {_ms(speed['enrich_ms_p95'])}"
        f"  {_rate(speed['enrich_docs_per_second'])}   (parse alone: median {_ms(speed['parse_ms_median'])})",
        f"  classify      median {_ms(speed['classify_ms_median'])}  p95 {_ms(speed['classify_ms_p95'])}"
        f"  {_rate(speed['classify_docs_per_second'])}",
        f"  whole chain   {_rate(speed['docs_per_second'])}",
    ]


def _span_layer(layer: str, scores: dict[str, Any], extra: tuple[str, str, str] | None) -> list[str]:
    header = f"  {'':<10}{'gold':>6}{'pred':>6}  " + "".join(f"{name:>7}" for name in _SPAN_COLUMNS)
    header += f"   {extra[0]} (n)" if extra else ""
    lines = ["", f"{layer} ({scores['documents']} documents)", header]
    for label, row in [("all", scores), *scores.get("by_type", {}).items()]:
        line = f"  {label:<10}{row['gold']:>6}{row['predicted']:>6}  " + "".join(
            f"{_f(row[key]):>7}" for key in _SPAN_KEYS
        )
        if extra and extra[1] in row:
            line += f"   {_f(row[extra[1]])} ({row[extra[2]]})"
        lines.append(line)
    return lines


def _unmarked_quotes(scores: dict[str, Any]) -> list[str]:
    """Predicted quotes in documents whose gold marks none: wrong output, or annotation the gold lacks."""
    if not scores.get("unmarked_documents"):
        return []
    annotated = scores["in_documents_with_gold_quotes"]
    return [
        f"  {scores['predicted_in_unmarked_documents']} predicted in {scores['unmarked_documents']} documents"
        " whose gold marks no quote (all counted above as false positives);",
        f"  the documents whose gold marks quotes, alone: ov P {_f(annotated['overlap_precision'])}"
        f"  ov R {_f(annotated['overlap_recall'])}  ov F1 {_f(annotated['overlap_f1'])}",
    ]


def _topics(scores: dict[str, Any]) -> list[str]:
    if scores["subset"] == "holdout":
        subset = f"held-out split only, {scores['documents']} of {scores['annotated_documents']} documents"
    else:
        subset = f"all {scores['documents']} documents, including the topic model's training part"
    lines = [
        "",
        f"topics ({subset})",
        f"  micro  P {_f(scores['micro_precision'])}  R {_f(scores['micro_recall'])}"
        f"  F1 {_f(scores['micro_f1'])}    macro F1 {_f(scores['macro_f1'])}",
        f"  {'code':<17}{'label':<43}{'gold':>6}{'pred':>6}   P      R      F1",
    ]
    for code, row in scores["by_code"].items():
        label = TOP_LEVEL_CODES.get(code, "")[:41]
        lines.append(
            f"  {code:<17}{label:<43}{row['gold']:>6}{row['predicted']:>6}"
            f"   {_f(row['precision'])} {_f(row['recall'])} {_f(row['f1'])}"
        )
    return lines


def _events(scores: dict[str, Any]) -> list[str]:
    lines = [
        "",
        f"events ({scores['documents']} documents, {scores['gold_events']} gold events,"
        f" {scores['predicted_events']} predicted, {scores['aligned_events']} aligned)",
        f"  {'type':<12}{'gold':>6}   type   source target   source~ target~  (~: code sets intersect)",
    ]
    for label, row in [("all", scores), *scores["by_type"].items()]:
        lines.append(
            f"  {label:<12}{row['gold_events']:>6}   {_f(row['type_accuracy'])} {_f(row['source_accuracy'])}"
            f"  {_f(row['target_accuracy'])}    {_f(row['source_partial_accuracy'])}"
            f"   {_f(row['target_partial_accuracy'])}"
        )
    return lines


def _problems(scores: dict[str, Any]) -> list[str]:
    lines = []
    for stage, failure in scores["failures"].items():
        lines.append(
            f"  ! {stage} failed on {failure['count']} documents (scored as empty); first: {failure['first']}"
        )
    if scores["text_changed"]:
        lines.append(
            f"  ! parse changed the text of {scores['text_changed']} documents: their gold offsets may not match"
        )
    return lines


def _f(value: float | None) -> str:
    return "  -  " if value is None else f"{value:.3f}"


def _ms(value: float | None) -> str:
    return "   -    " if value is None else f"{value:6.3f} ms"


def _rate(value: float | None) -> str:
    return "- docs/s" if value is None else f"{value:,.0f} docs/s"
