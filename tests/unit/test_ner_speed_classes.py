"""Chunks and groups are plain classes with their own __init__, which the compiled build compiles."""

from __future__ import annotations

import dataclasses

from worker.stages.enrich.ner.candidates import Chunk
from worker.stages.enrich.ner.resolve import Group


def test_chunk_and_group_are_no_dataclasses() -> None:
    # A dataclass's generated __init__ would run as interpreted Python even in the compiled build.
    assert not dataclasses.is_dataclass(Chunk)
    assert not dataclasses.is_dataclass(Group)


def test_a_chunk_takes_its_defaults_and_can_be_retyped() -> None:
    chunk = Chunk(3, 9, "Boeing", None)
    assert (chunk.entry, chunk.after_title, chunk.article_start, chunk.opening_word) == (
        None,
        False,
        None,
        False,
    )
    chunk.type, chunk.end = "PRODUCT", 13
    assert (chunk.start, chunk.end, chunk.text, chunk.type) == (3, 13, "Boeing", "PRODUCT")


def test_a_group_keeps_its_chunks_list() -> None:
    chunks = [Chunk(0, 5, "Paris", "LOC")]
    group = Group(("place", "Paris"), "LOC", "Paris", None, chunks)
    group.chunks.append(Chunk(20, 25, "Paris", "LOC"))
    assert [chunk.start for chunk in chunks] == [0, 20]
    assert (group.key, group.type, group.canonical, group.entry) == (("place", "Paris"), "LOC", "Paris", None)
