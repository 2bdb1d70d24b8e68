"""The enrich stage: ParsedDocument -> EnrichedDocument. Pure: no Celery, no Redis, no settings."""

from __future__ import annotations

from schemas import EnrichedDocument, ParsedDocument
from worker.stages.enrich.amounts import extract_amounts
from worker.stages.enrich.dates import extract_dates
from worker.stages.enrich.entities import extract_entities
from worker.stages.enrich.fingerprint import simhash
from worker.stages.enrich.keywords import extract_keywords
from worker.stages.enrich.quotes import extract_quotes
from worker.stages.enrich.tone import score_tone
from worker.stages.tokens import words_of_lowered


def enrich(doc: ParsedDocument) -> EnrichedDocument:
    text = doc.text
    lowered = text.lower()
    words = words_of_lowered(lowered)
    entities = extract_entities(text, doc.sentences)
    # Built without validation: the parsed document and every part below are already validated models
    # (or, for the fingerprint, 16 hex digits by construction), and validating them again cost as much
    # as the tone and keyword steps. The parsed fields are read from __dict__, since iterating over a
    # model (dict(doc)) runs a Python generator per field. The JSON written is the same either way.
    return EnrichedDocument.assemble({
        **doc.__dict__,
        "entities": entities,
        "dates": extract_dates(text, doc.sentences, doc.published, lowered=lowered),
        "quotes": extract_quotes(text, doc.sentences, entities),
        "amounts": extract_amounts(text, doc.sentences, lowered=lowered),
        "keywords": extract_keywords(text, words, entities, lowered=lowered),
        "tone": score_tone(words),
        "fingerprint": simhash(words),
    })  # fmt: skip
