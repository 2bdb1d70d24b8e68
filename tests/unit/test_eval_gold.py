"""Reading gold files: plain and gzipped JSONL, absent versus empty layers, safe doc ids, clear errors."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest

from schemas.source import DOC_ID_PATTERN
from worker.evaluation.gold import GoldFileError, load_gold, safe_doc_id

FIXTURES = Path(__file__).parents[1] / "fixtures" / "eval"


def test_load_gold_reads_every_document_in_order() -> None:
    """The mini fixture has three documents; the first has five entities and a quote with a speaker."""
    documents = load_gold(FIXTURES / "mini.dev.jsonl")
    assert [d.id for d in documents] == ["mini-harbor", "mini-council vote", "mini-shares"]
    first = documents[0]
    assert first.entities is not None
    assert len(first.entities) == 5
    assert first.quotes is not None
    assert first.quotes[0].speaker is not None
    assert first.text[first.entities[0].start : first.entities[0].end] == "Mayor Ana Ruiz"


def test_load_gold_tells_an_absent_layer_from_an_empty_one() -> None:
    """mini-council vote annotates quotes and has none ([]); mini-shares does not annotate them (None)."""
    documents = load_gold(FIXTURES / "mini.dev.jsonl")
    assert documents[1].quotes == []
    assert documents[2].quotes is None
    assert documents[0].topics is None


def test_load_gold_reads_gzipped_files(tmp_path: Path) -> None:
    """A .gz file reads the same as the plain one."""
    packed = tmp_path / "wire.dev.jsonl.gz"
    packed.write_bytes(gzip.compress((FIXTURES / "wire.dev.jsonl").read_bytes()))
    assert load_gold(packed) == load_gold(FIXTURES / "wire.dev.jsonl")


def test_load_gold_stops_at_the_limit() -> None:
    """--limit 2 reads the first two documents."""
    assert [d.id for d in load_gold(FIXTURES / "wire.dev.jsonl", limit=2)] == [
        "wire-border-deal",
        "wire-shelling",
    ]


def test_load_gold_names_the_bad_line(tmp_path: Path) -> None:
    """A broken line is reported with the file and line number to fix."""
    path = tmp_path / "broken.jsonl"
    path.write_text('{"id": "a", "corpus": "x", "text": "ok"}\n{"id": \n', encoding="utf-8")
    with pytest.raises(GoldFileError, match=r"broken\.jsonl:2"):
        load_gold(path)


def test_load_gold_reports_a_missing_file(tmp_path: Path) -> None:
    """A missing file is a GoldFileError naming it, not a traceback."""
    with pytest.raises(GoldFileError, match=r"absent\.jsonl"):
        load_gold(tmp_path / "absent.jsonl")


def test_safe_doc_id_keeps_valid_ids() -> None:
    """An id the pipeline accepts is used unchanged."""
    assert safe_doc_id("gum-news_afghan") == "gum-news_afghan"


@pytest.mark.parametrize("gold_id", ["mini-council vote", "wikinews-a b c" + "x" * 300, " leading"])
def test_safe_doc_id_makes_invalid_ids_valid_and_distinct(gold_id: str) -> None:
    """Spaces and overlong ids become valid doc ids, distinct from the cleaned-up lookalike."""
    cleaned = safe_doc_id(gold_id)
    assert re.match(DOC_ID_PATTERN, cleaned)
    assert cleaned != safe_doc_id(gold_id.replace(" ", "_"))
