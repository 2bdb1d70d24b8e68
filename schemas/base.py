"""Shared building blocks of every record: the strict base model and the span types."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any, Self

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"


class Record(BaseModel):
    """Base of every wire model: immutable, and unknown fields are an error, not silently dropped."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    @classmethod
    def assemble(cls, fields: dict[str, Any]) -> Self:
        """A record from parts that are validated already, without validating them again: what
        `model_construct` builds, at a fraction of its cost (it runs Python code per field). A field left
        out takes its default; a required one left out, or an unknown one, is an error. Values are stored in
        the model's field order, the order of the JSON written. When `fields` already names every field in
        that order (the stages' case) the dictionary itself becomes the record's: the caller gives it up."""
        order = _field_order(cls)
        given = set(fields)
        if tuple(fields) != order:
            fields = _with_defaults(cls, fields)
            fields = {name: fields[name] for name in order}
        record = new_record(cls)
        # The attributes pydantic's own model_construct sets on a model without private attributes or extras.
        set_record_dict(record, fields)
        set_fields_set(record, given)
        set_extra(record, None)
        set_private(record, None)
        return record


def _slot_setter(name: str) -> Callable[[object, object], None]:
    """The setter of one of the slots pydantic's BaseModel declares (`__dict__`, `__pydantic_extra__`...).

    Called directly rather than through object.__setattr__, which looks the slot up by name on every
    call. Public for the stages' compiled record builder (worker/stages/records.py), which makes small
    records by the thousand, so that what pydantic's slots are is known here only.
    """
    for cls in BaseModel.__mro__:
        if name in vars(cls):
            setter: Callable[[object, object], None] = vars(cls)[name].__set__
            return setter
    raise LookupError(name)


new_record = object.__new__  # what a model's __new__ is: pydantic's BaseModel defines none
set_record_dict = _slot_setter("__dict__")
set_fields_set = _slot_setter("__pydantic_fields_set__")
set_extra = _slot_setter("__pydantic_extra__")
set_private = _slot_setter("__pydantic_private__")


@cache
def _field_order(model: type[Record]) -> tuple[str, ...]:
    return tuple(model.model_fields)


def _with_defaults(model: type[Record], fields: dict[str, Any]) -> dict[str, Any]:
    declared = model.model_fields
    unknown = sorted(fields.keys() - declared.keys())
    left_out = declared.keys() - fields.keys()
    missing = sorted(name for name in left_out if declared[name].is_required())
    if unknown or missing:
        raise ValueError(f"{model.__name__}.assemble: missing {missing}, unknown {unknown}")
    return {**{name: declared[name].get_default(call_default_factory=True) for name in left_out}, **fields}


class Offsets(Record):
    """A character range of the document text (Python str indices, end exclusive)."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Span(Offsets):
    """A character range together with the text it covers (`text == doc.text[start:end]`)."""

    text: str
