"""The wire contract: exported JSON Schemas match the models, stages stay pure, models are strict."""

from __future__ import annotations

import ast
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pydantic import ValidationError

from schemas import SourceDocument
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
