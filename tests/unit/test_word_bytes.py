"""A text as bytes with only its ASCII word characters left, one byte at each character's offset."""

from __future__ import annotations

from worker.stages.enrich.word_bytes import word_bytes


def test_word_bytes_keeps_ascii_word_characters_and_spaces_the_rest() -> None:
    assert word_bytes('He said, "yes_1" (no)') == b"He said   yes_1   no "


def test_word_bytes_keeps_offsets_for_latin_1_and_other_characters() -> None:
    text = "Zoë 中文 İstanbul ß"
    scanned = word_bytes(text)
    assert len(scanned) == len(text)
    assert scanned == b"Zo      stanbul  "
