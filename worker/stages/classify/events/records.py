"""An event's record: its codes, its actors' texts and offsets, its id and its confidence.

Records are made without pydantic's validation (worker/stages/records.py): every value is valid by
construction (a PLOVER type and CAMEO code from the lexicon, Goldstein and QuadClass from their tables,
offsets inside the text, a confidence clipped to 0..1), and validating each record from dicts was most of
the cost of making it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from functools import cache
from typing import Final

from schemas import Actor, EnrichedDocument, EventRecord, Offsets
from schemas.base import SCHEMA_VERSION
from worker.stages.classify.events.actor_spans import ActorSpan
from worker.stages.classify.events.candidates import Candidate
from worker.stages.classify.events.coding import goldstein, quad_class
from worker.stages.classify.events.roles import Roles
from worker.stages.records import trusted, trusted_span

__all__ = ["event_id", "event_record"]

_ARMED_STATE = frozenset({"MIL"})
_AIRCRAFT = re.compile(
    r"(?i)\b(?:warplanes?|jets?|aircraft|helicopters?|gunships?|drones?|bombers|air\s+force)\b"
)
_EVENT_HASHER = hashlib.blake2b(digest_size=8)
# The fields a constructor call would be given: all but the schema version (left to its default).
_EVENT_FIELDS: Final = frozenset(EventRecord.model_fields) - {"schema_version"}
_ACTOR_FIELDS: Final = frozenset(Actor.model_fields)


def event_id(
    doc_id: str, sentence: Offsets, plover: str, source: Sequence[str | None], target: Sequence[str | None]
) -> str:
    """A stable id from the document, the sentence's offsets, the type and the actors' codes: reprocessing
    the same document gives the same ids."""
    source_codes = ",".join([code or "" for code in source])
    target_codes = ",".join([code or "" for code in target])
    key = f"{doc_id}|{sentence.start}:{sentence.end}|{plover}|{source_codes}>{target_codes}"
    hasher = _EVENT_HASHER.copy()  # cheaper than building one, with its keyword arguments, per event
    hasher.update(key.encode())
    return hasher.hexdigest()


def event_record(
    doc: EnrichedDocument, sentence: Offsets, candidate: Candidate, roles: Roles, date: str | None
) -> EventRecord:
    """The record of a sentence's event (`candidate` and `roles` are sentence-relative)."""
    text, doc_id, offset, sentence_end = doc.text, doc.doc_id, sentence.start, sentence.end
    plover, cameo = _violence_kind(text, offset, candidate, roles)
    source = [_actor(text, offset, span) for span in roles.source]
    target = [_actor(text, offset, span) for span in roles.target]
    source_codes = [span.code for span in roles.source]
    action_start, action_end = offset + candidate.start, offset + candidate.end
    # In the order of the model's fields, as validation stores them (the order of the JSON written).
    return trusted(EventRecord, {
        "schema_version": SCHEMA_VERSION,
        "event_id": event_id(doc_id, sentence, plover, source_codes, [span.code for span in roles.target]),
        "doc_id": doc_id,
        "type": plover,
        "cameo": cameo,
        "quad_class": quad_class(cameo),
        "goldstein": goldstein(cameo),
        "source": source,
        "target": target,
        "action": trusted_span(action_start, action_end, text[action_start:action_end]),
        "reciprocal": roles.reciprocal,
        "date": date,
        "sentence": trusted_span(offset, sentence_end, text[offset:sentence_end]),
        "confidence": _confidence(candidate.weight, any(source_codes), bool(target) or roles.reciprocal),
    }, _EVENT_FIELDS)  # fmt: skip


def _actor(text: str, offset: int, span: ActorSpan) -> Actor:
    start, end = offset + span.start, offset + span.end
    return trusted(Actor, {
        "text": text[start:end], "start": start, "end": end, "entity_id": span.entity_id,
        "code": span.code, "sector": span.sector,
    }, _ACTOR_FIELDS)  # fmt: skip


def _violence_kind(text: str, offset: int, candidate: Candidate, roles: Roles) -> tuple[str, str]:
    """Killing, attacking or bombing by a state's armed forces is conventional FIGHT (from the air when
    aircraft do it), by anyone else ASSAULT."""
    if candidate.cameo not in ("180", "183"):
        return candidate.plover, candidate.cameo
    armed = [actor for actor in roles.source if actor.sector in _ARMED_STATE]
    if not armed:
        return candidate.plover, candidate.cameo
    flying = any(_AIRCRAFT.search(text, offset + actor.start, offset + actor.end) for actor in armed)
    return "FIGHT", "195" if flying else "190"


@cache  # of a few dozen rule weights and four cases; round() to three digits is dear
def _confidence(weight: float, has_source: bool, has_target: bool) -> float:
    return min(1.0, round(weight * (0.55 + 0.25 * has_source + 0.2 * has_target), 3))
