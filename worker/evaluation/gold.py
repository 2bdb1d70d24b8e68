"""Gold files in the format of ../shared/eval/FORMAT.md: one JSON document per line, plain or gzipped.

A layer key that is absent means the corpus does not annotate that layer (the field is None here);
an empty list means it does and the document has none. Unknown keys are ignored, so a newer gold
release with extra fields still loads.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import IO

from pydantic import BaseModel, ConfigDict, ValidationError

from schemas.source import DOC_ID_PATTERN

_DOC_ID = re.compile(DOC_ID_PATTERN)
_UNSAFE_DOC_ID_CHARS = re.compile(r"[^A-Za-z0-9._:/@-]")
_MAX_DOC_ID = 200


class GoldRecord(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")


class GoldSpan(GoldRecord):
    start: int
    end: int
    text: str


class GoldEntity(GoldSpan):
    type: str
    kb: str | None = None


class GoldTimex(GoldSpan):
    type: str
    value: str


class GoldQuote(GoldSpan):
    speaker: GoldSpan | None = None
    cue: GoldSpan | None = None


class GoldActor(GoldRecord):
    text: str
    code: str | None = None
    sector: str | None = None


class GoldEvent(GoldRecord):
    type: str
    cameo: str | None = None
    source: list[GoldActor]
    target: list[GoldActor]


class GoldDocument(GoldRecord):
    id: str
    corpus: str
    published: date | None = None
    title: str | None = None
    text: str
    entities: list[GoldEntity] | None = None
    timexes: list[GoldTimex] | None = None
    quotes: list[GoldQuote] | None = None
    topics: list[str] | None = None
    events: list[GoldEvent] | None = None


class GoldFileError(ValueError):
    """A gold file that cannot be read: the message names the file and line to fix."""


def load_gold(path: Path, limit: int | None = None) -> list[GoldDocument]:
    """Every document of a gold file (at most `limit`), in file order."""
    documents: list[GoldDocument] = []
    for document in iter_gold(path):
        if limit is not None and len(documents) >= limit:
            break
        documents.append(document)
    return documents


def iter_gold(path: Path) -> Iterator[GoldDocument]:
    try:
        with _open_text(path) as lines:
            for number, line in enumerate(lines, start=1):
                if line.strip():
                    yield _parse_line(path, number, line)
    except (OSError, UnicodeDecodeError) as error:
        raise GoldFileError(f"{path}: cannot read the gold file ({error})") from error


def safe_doc_id(gold_id: str) -> str:
    """A pipeline doc_id for a gold id: the id itself when valid, else a cleaned id made unique by a hash."""
    if _DOC_ID.match(gold_id):
        return gold_id
    suffix = "-" + hashlib.blake2b(gold_id.encode("utf-8"), digest_size=4).hexdigest()
    cleaned = _UNSAFE_DOC_ID_CHARS.sub("_", gold_id).lstrip("._:/@-") or "doc"
    return cleaned[: _MAX_DOC_ID - len(suffix)] + suffix


def _open_text(path: Path) -> IO[str]:
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8")
    return path.open(encoding="utf-8")


def _parse_line(path: Path, number: int, line: str) -> GoldDocument:
    try:
        return GoldDocument.model_validate(json.loads(line))
    except (json.JSONDecodeError, ValidationError) as error:
        raise GoldFileError(f"{path}:{number}: not a gold document ({error})") from error
