"""The wire contract: exported JSON Schemas match the models, stages stay pure, models are strict."""

from __future__ import annotations

import ast
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pydantic import ValidationError

from schemas import SCHEMA_VERSION, SourceDocument
from schemas.export import rendered_schemas

STAGES_DIR = Path(__file__).resolve().parents[2] / "worker" / "stages"
FORBIDDEN = {"celery", "redis", "kombu"}


def test_contracts_json_schema_files_match_the_models() -> None:
    """Every schemas/json file is exactly what the models generate (regenerate with python -m schemas.export)."""
    for path, text in rendered_schemas().items():
        assert path.exists(), f"{path} is missing"
        assert path.read_text(encoding="utf-8") == text, f"{path} drifted from its model"


def test_contracts_stages_import_neither_celery_nor_redis() -> None:
    """No module under worker/stages imports celery, redis or kombu, at any depth of the file."""
    offenders = []
    for path in STAGES_DIR.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {name}" for name in names if name.split(".")[0] in FORBIDDEN]
    assert offenders == []


def test_contracts_models_refuse_unknown_fields() -> None:
    """An unexpected field is an error, not silently dropped."""
    with pytest.raises(ValidationError, match="extra"):
        SourceDocument(doc_id="a", text="x", received_at=datetime.now(UTC), colour="red")  # type: ignore[call-arg]


def test_contracts_models_are_immutable() -> None:
    """Records are frozen: a stage builds a new one instead of editing its input."""
    doc = SourceDocument(doc_id="a", text="x", received_at=datetime.now(UTC))
    with pytest.raises(ValidationError, match="frozen"):
        doc.text = "y"  # type: ignore[misc]


def test_contracts_source_document_rejects_blank_and_binary_text() -> None:
    """Whitespace-only text and NUL bytes are refused with a message saying why."""
    with pytest.raises(ValidationError, match="empty"):
        SourceDocument(doc_id="a", text=" \n ", received_at=datetime.now(UTC))
    with pytest.raises(ValidationError, match="binary"):
        SourceDocument(doc_id="a", text="ab\x00cd", received_at=datetime.now(UTC))


def test_contracts_assemble_builds_what_model_construct_builds() -> None:
    """Record.assemble (the stages' fast path for validated parts) gives an equal record with the same JSON,
    still frozen, and refuses a missing or unknown field instead of building a half record."""
    fields = {
        "schema_version": SCHEMA_VERSION, "doc_id": "a", "text": "Text.", "published": None, "title": None, "source": None, "url": None,
        "received_at": datetime(2026, 1, 1, tzinfo=UTC), "language": None,
    }  # fmt: skip
    in_model_order = {name: fields[name] for name in SourceDocument.model_fields}
    assert list(fields) != list(in_model_order)  # both paths: the dictionary as given, and reordered
    constructed = SourceDocument.model_construct(**fields)
    for given in (fields, in_model_order):
        assembled = SourceDocument.assemble(dict(given))
        assert assembled == constructed
        assert assembled.model_dump_json() == constructed.model_dump_json()
        assert assembled.model_fields_set == constructed.model_fields_set
    with pytest.raises(ValidationError):
        assembled.doc_id = "b"  # type: ignore[misc]
    without_defaults = {k: v for k, v in fields.items() if k not in ("url", "schema_version")}
    defaulted = SourceDocument.assemble(without_defaults)
    assert defaulted == SourceDocument.model_construct(**without_defaults)
    assert defaulted.model_fields_set == set(without_defaults)
    with pytest.raises(ValueError, match=r"missing \['text'\], unknown \['uri'\]"):
        SourceDocument.assemble({**{k: v for k, v in fields.items() if k != "text"}, "uri": None})
