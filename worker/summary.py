"""Readable one-screen summaries of processed records and dead letters, for `newswire run`."""

from __future__ import annotations

from typing import Any

MAX_ENTITIES = 12


def summarise_document(record: dict[str, Any]) -> str:
    title = record.get("title") or _lead(record.get("text", ""))
    lines = [f"== {record['doc_id']}  {title}"]
    lines.append(
        f"   published: {record.get('published') or 'unknown'}   words: {record.get('word_count')}"
        f"   language: {record.get('language')}"
    )
    if record.get("duplicate_of"):
        lines.append(f"   near-duplicate of: {record['duplicate_of']}")
    lines.append(f"   entities: {_entities(record.get('entities', []))}")
    dates = ", ".join(f"{d['text']!r}={d['value']}" for d in record.get("dates", [])) or "none"
    lines.append(f"   dates: {dates}")
    quotes = record.get("quotes", [])
    speakers = sorted({q["speaker"]["text"] for q in quotes if q.get("speaker")})
    lines.append(f"   quotes: {len(quotes)}" + (f" (speakers: {', '.join(speakers)})" if speakers else ""))
    topics = ", ".join(f"{t['label']} {t['score']:.2f}" for t in record.get("topics", [])) or "none"
    lines.append(f"   topics: {topics}")
    events = record.get("events", [])
    kinds = ", ".join(sorted({e["type"] for e in events}))
    lines.append(f"   events: {len(events)}" + (f" ({kinds})" if kinds else ""))
    timings = record.get("timings_ms", {})
    lines.append("   timings (ms): " + ", ".join(f"{k} {v:.2f}" for k, v in timings.items()))
    return "\n".join(lines)


def summarise_dead_letter(record: dict[str, Any]) -> str:
    return (
        f"!! {record['doc_id']}  dead-lettered at {record['stage']} ({record['error_type']})\n"
        f"   {record['message']}"
    )


def _lead(text: str, width: int = 90) -> str:
    first = " ".join(text.split())
    return first if len(first) <= width else first[: width - 1] + "…"


def _entities(entities: list[dict[str, Any]]) -> str:
    if not entities:
        return "none"
    ranked = sorted(entities, key=lambda e: -e.get("salience", 0.0))[:MAX_ENTITIES]
    parts = []
    for entity in ranked:
        code = entity.get("country_code") or entity.get("kb_id")
        label = f"{entity['canonical']} ({entity['type']}"
        parts.append(label + (f", {code})" if code else ")"))
    more = len(entities) - len(ranked)
    return "; ".join(parts) + (f"; +{more} more" if more > 0 else "")
