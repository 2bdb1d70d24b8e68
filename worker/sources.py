"""Read documents from files, directories, JSONL and stdin, turning every problem into a clear rejection.

Nothing here raises on bad input: each item is either a `SourceDocument` or a `Rejection` naming the file,
the line where there is one, and what to do about it.
"""

from __future__ import annotations

import gzip
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from schemas import SourceDocument, content_doc_id

JSONL_FIELDS = {"text", "published", "title", "id", "source", "url", "language"}
DIRECTORY_SUFFIXES = (".txt", ".jsonl", ".jsonl.gz")


@dataclass(frozen=True)
class Rejection:
    origin: str
    reason: str


@dataclass(frozen=True)
class Accepted:
    origin: str
    doc: SourceDocument


Item = Accepted | Rejection


def read_paths(paths: list[str], max_doc_bytes: int) -> Iterator[Item]:
    """Every document under `paths` ("-" is stdin), in a stable order."""
    for raw in paths:
        if raw == "-":
            yield from _read_blob(sys.stdin.buffer.read(), "<stdin>", max_doc_bytes, sniff_jsonl=True)
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file() and _wanted_in_directory(p)):
                yield from _read_file(child, max_doc_bytes)
        elif path.is_file():
            yield from _read_file(path, max_doc_bytes)
        else:
            yield Rejection(raw, "no such file or directory")


def _wanted_in_directory(path: Path) -> bool:
    return not any(part.startswith(".") for part in path.parts) and path.name.endswith(DIRECTORY_SUFFIXES)


def _read_file(path: Path, max_doc_bytes: int) -> Iterator[Item]:
    try:
        if path.name.endswith(".jsonl.gz"):
            with gzip.open(path, "rb") as handle:
                yield from _read_jsonl(handle.read(), str(path), max_doc_bytes)
            return
        blob = path.read_bytes()
    except OSError as exc:
        yield Rejection(str(path), f"cannot read: {exc.strerror or exc}")
        return
    yield from _read_blob(blob, str(path), max_doc_bytes, sniff_jsonl=path.suffix == ".jsonl")


def _read_blob(blob: bytes, origin: str, max_doc_bytes: int, *, sniff_jsonl: bool) -> Iterator[Item]:
    is_jsonl = origin.endswith(".jsonl") or (origin == "<stdin>" and blob.lstrip()[:1] == b"{")
    if sniff_jsonl and is_jsonl:
        yield from _read_jsonl(blob, origin, max_doc_bytes)
        return
    text, problem = decode_text(blob, max_doc_bytes)
    if problem is not None:
        yield Rejection(origin, problem)
        return
    yield _build(origin, {"text": text}, doc_id=None)


def decode_text(blob: bytes, max_doc_bytes: int) -> tuple[str, str | None]:
    """The text of an article, or the reason it cannot be one."""
    if b"\x00" in blob:
        return "", "binary data (NUL bytes): not a text article; pass UTF-8 text or JSONL"
    if len(blob) > max_doc_bytes:
        return "", (
            f"{len(blob):,} bytes is above the limit of {max_doc_bytes:,} "
            "(raise NEWSWIRE_MAX_DOC_BYTES or split the article)"
        )
    try:
        text = blob.decode("utf-8")
    except UnicodeDecodeError as exc:
        return "", f"invalid UTF-8 at byte {exc.start}: re-encode the file as UTF-8"
    if not text.strip():
        return "", "empty text: nothing to process"
    return text, None


def _read_jsonl(blob: bytes, origin: str, max_doc_bytes: int) -> Iterator[Item]:
    for number, line in enumerate(blob.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            record = json.loads(line.decode("utf-8"))
        except UnicodeDecodeError as exc:
            yield Rejection(
                where, f"invalid UTF-8 at byte {exc.start} of the line: re-encode the file as UTF-8"
            )
            continue
        except json.JSONDecodeError as exc:
            yield Rejection(where, f"malformed JSON ({exc.msg} at column {exc.colno})")
            continue
        yield _from_record(record, where, max_doc_bytes)


def _from_record(record: Any, where: str, max_doc_bytes: int) -> Item:
    if not isinstance(record, dict):
        return Rejection(where, f"expected a JSON object with a `text` field, got {type(record).__name__}")
    unknown = sorted(set(record) - JSONL_FIELDS)
    if unknown:
        return Rejection(where, f"unknown field(s) {unknown}; allowed: {sorted(JSONL_FIELDS)}")
    text = record.get("text")
    if not isinstance(text, str):
        return Rejection(where, "missing `text` (a string holding the article)")
    size = len(text.encode("utf-8", errors="surrogatepass"))
    if size > max_doc_bytes:
        return Rejection(
            where, f"text of {size:,} bytes is above the limit of {max_doc_bytes:,} (NEWSWIRE_MAX_DOC_BYTES)"
        )
    doc_id = record.get("id")
    if doc_id is not None and not isinstance(doc_id, str):
        return Rejection(where, "`id` must be a string")
    fields = {key: value for key, value in record.items() if key != "id"}
    return _build(where, fields, doc_id=doc_id)


def _build(origin: str, fields: dict[str, Any], doc_id: str | None) -> Item:
    text = fields.get("text", "")
    try:
        doc = SourceDocument(
            doc_id=doc_id if doc_id is not None else content_doc_id(text),
            received_at=datetime.now(UTC),
            **fields,
        )
    except ValidationError as exc:
        return Rejection(origin, _explain(exc))
    except UnicodeEncodeError:
        return Rejection(origin, "text holds unpaired surrogates, which is not valid Unicode")
    return Accepted(origin, doc)


def _explain(exc: ValidationError) -> str:
    parts = []
    for error in exc.errors():
        field = ".".join(str(p) for p in error["loc"]) or "record"
        message = str(error["msg"]).removeprefix("Value error, ")
        if field == "published":
            message = f"{message} (expected YYYY-MM-DD, e.g. {date(2019, 12, 19).isoformat()})"
        parts.append(f"`{field}`: {message}")
    return "; ".join(parts)
