"""Records the stages build from values that are valid by construction, without pydantic's validation.

A stage makes thousands of small records a second (offsets, spans, entities, quotes, events). Their values
come from the stage's own code: offsets into the text, codes from its own tables, numbers it computed.
Validating them again cost as much as some whole steps did, so they are built the way `Record.assemble`
builds a record, with pydantic's slot setters, in one compiled call. What the setters are is known in
schemas/base.py only; this module is the stages' one way to use them.

The caller gives the values in the model's field order (validation stores them in that order, and it is the
order of the JSON written) and the names of the fields a constructor call would have been given.
tests/unit/test_trusted_records.py checks every record of the stages' output against a validated copy.
"""

from __future__ import annotations

from typing import Any, Final, TypeVar

from schemas import Span
from schemas.base import Record, new_record, set_extra, set_fields_set, set_private, set_record_dict

R = TypeVar("R", bound=Record)

# Final: compiled, each is a C static, where an imported name is looked up in the module's dict per use.
_NEW_RECORD: Final = new_record
_SET_RECORD_DICT: Final = set_record_dict
_SET_FIELDS_SET: Final = set_fields_set
_SET_EXTRA: Final = set_extra
_SET_PRIVATE: Final = set_private
_SPAN: Final = Span


def trusted(model: type[R], fields: dict[str, Any], given: frozenset[str]) -> R:
    """A `model` holding `fields` (every field, in the model's order), with `given` as the fields set.
    The record keeps `fields` as its own: the caller gives the dictionary up."""
    record: R = _NEW_RECORD(model)
    _SET_RECORD_DICT(record, fields)
    _SET_FIELDS_SET(record, set(given))  # a set of its own per record, as validation makes
    _SET_EXTRA(record, None)
    _SET_PRIVATE(record, None)
    return record


SPAN_FIELDS: Final = frozenset({"start", "end", "text"})
OFFSETS_FIELDS: Final = frozenset({"start", "end"})


def trusted_span(start: int, end: int, text: str) -> Span:
    """A Span of the document (`text` is what `start..end` covers), the record stages make most often."""
    return trusted(_SPAN, {"start": start, "end": end, "text": text}, SPAN_FIELDS)
