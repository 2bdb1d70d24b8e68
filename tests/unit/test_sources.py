"""Reading input: every bad item becomes a clear rejection naming where it came from."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from worker.sources import Accepted, Rejection, read_paths

LIMIT = 10_000


def read(paths: list[Path], limit: int = LIMIT) -> list[Accepted | Rejection]:
    return list(read_paths([str(p) for p in paths], limit))


def test_sources_text_file_with_header_is_one_document(tmp_path: Path) -> None:
    """A seed-format file becomes one document whose text keeps its header for the parse stage."""
    path = tmp_path / "a.txt"
    path.write_text(" date 2019-12-19 China says the plan is best.\n", encoding="utf-8")
    [item] = read([path])
    assert isinstance(item, Accepted)
    assert item.doc.text.startswith(" date 2019-12-19")
    assert item.origin == str(path)


def test_sources_same_text_gets_same_content_id(tmp_path: Path) -> None:
    """Ids from content are stable across files and whitespace differences."""
    (tmp_path / "a.txt").write_text("Same  article text.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Same article text.", encoding="utf-8")
    a, b = read([tmp_path / "a.txt", tmp_path / "b.txt"])
    assert isinstance(a, Accepted)
    assert isinstance(b, Accepted)
    assert a.doc.doc_id == b.doc.doc_id


def test_sources_directory_is_read_recursively_and_skips_other_files(tmp_path: Path) -> None:
    """Directories yield their .txt/.jsonl files in order, not READMEs or hidden files."""
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("Second article.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("First article.", encoding="utf-8")
    (tmp_path / "README.md").write_text("not an article", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("hidden", encoding="utf-8")
    texts = [item.doc.text for item in read([tmp_path]) if isinstance(item, Accepted)]
    assert texts == ["First article.", "Second article."]


def test_sources_bad_files_are_rejected_with_reasons(tmp_path: Path) -> None:
    """Empty, invalid UTF-8, oversized and binary files are each rejected with a reason saying why."""
    cases = {
        "empty.txt": (b"  \n\n", "empty text"),
        "latin1.txt": ("café crème".encode("latin-1"), "invalid UTF-8 at byte 3"),
        "big.txt": (b"word " * 3000, "above the limit of 10,000"),
        "image.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data"),
    }
    for name, (blob, _) in cases.items():
        (tmp_path / name).write_bytes(blob)
    for name, (_, expected) in cases.items():
        [item] = read([tmp_path / name])
        assert isinstance(item, Rejection), name
        assert expected in item.reason, (name, item.reason)
        assert item.origin.endswith(name)


def test_sources_jsonl_rejects_bad_lines_and_keeps_good_ones(tmp_path: Path) -> None:
    """Each JSONL line stands alone: bad lines are rejected with their line number, the rest accepted."""
    lines = [
        json.dumps({"text": "Good one.", "id": "g1", "published": "2020-01-02", "title": "T"}),
        '{"text": "broken',
        json.dumps({"text": ""}),
        json.dumps({"body": "wrong field"}),
        json.dumps({"text": "Bad date.", "published": "02/01/2020"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"text": "Good two."}),
    ]
    path = tmp_path / "docs.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read([path])
    accepted = [i for i in items if isinstance(i, Accepted)]
    rejected = {i.origin.rsplit(":", 1)[1]: i.reason for i in items if isinstance(i, Rejection)}
    assert accepted[0].doc.doc_id == "g1"
    assert accepted[0].doc.published is not None
    assert accepted[0].doc.published.isoformat() == "2020-01-02"
    assert len(accepted) == 2
    assert "malformed JSON" in rejected["2"]
    assert "empty" in rejected["3"]
    assert "unknown field(s) ['body']" in rejected["4"]
    assert "YYYY-MM-DD" in rejected["5"]
    assert "expected a JSON object" in rejected["6"]


def test_sources_gzipped_jsonl_is_read(tmp_path: Path) -> None:
    """.jsonl.gz files are decompressed transparently."""
    path = tmp_path / "docs.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(json.dumps({"text": "Zipped article.", "id": "z1"}) + "\n")
    [item] = read([path])
    assert isinstance(item, Accepted)
    assert item.doc.doc_id == "z1"


def test_sources_missing_path_is_rejected(tmp_path: Path) -> None:
    """A path that does not exist is reported, not ignored."""
    [item] = read([tmp_path / "nope.txt"])
    assert isinstance(item, Rejection)
    assert item.reason == "no such file or directory"
