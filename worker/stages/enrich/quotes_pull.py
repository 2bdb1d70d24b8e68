"""Pull quotes: a quotation set apart as its own paragraph and signed with its speaker's name.

Wikinews boxes a striking quotation beside the article ("I was hauled in and told ... suppressive.
Valeska Paris"); in plain text the box is a paragraph of quoted sentences ending in a person's name,
without quotation marks. The box repeats words of the article, so where the same sentences stand in the
body they are the quotation too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from schemas import Entity
from worker.stages.enrich.quotes_found import Found, speaker_fields
from worker.stages.enrich.quotes_marks import has_quotation_marks

MIN_PULL_QUOTE_WORDS = 6
MAX_NAME_WORDS = 4
_SENTENCE_END_BEFORE_NAME = re.compile(r"[.!?][ \t]+$")


def _paragraph_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The line that holds text[start:end] (paragraphs are lines in parsed text)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return line_start, len(text) if line_end < 0 else line_end


def _pull_quote(text: str, name_start: int, name_end: int) -> tuple[int, int] | None:
    """The quoted sentences before a person's name that closes its paragraph, if it signs one."""
    line_start, line_end = _paragraph_around(text, name_start, name_end)
    if text[name_end:line_end].strip() or len(text[name_start:name_end].split()) > MAX_NAME_WORDS:
        return None  # the name does not close the paragraph, or is not a bare name
    before = text[line_start:name_start]
    if not _SENTENCE_END_BEFORE_NAME.search(before) or has_quotation_marks(before):
        return None
    quote_start = line_start + len(before) - len(before.lstrip())
    quote_end = line_start + len(before.rstrip())
    if len(text[quote_start:quote_end].split()) < MIN_PULL_QUOTE_WORDS:
        return None
    return quote_start, quote_end


def find_pull_quotes(text: str, entities: Sequence[Entity]) -> list[Found]:
    """Pull quotes signed by a named person, and their copies in the body, in text order."""
    if not any(line.rstrip()[-1:].isalpha() for line in text.split("\n")):
        return []  # a signature ends its line in a letter; most texts end every line in punctuation
    found: dict[tuple[int, int], Found] = {}
    for entity in entities:
        if entity.type != "PERSON":
            continue
        for mention in entity.mentions:
            span = _pull_quote(text, mention.start, mention.end)
            if span is None:
                continue
            speaker = speaker_fields(text, mention.start, mention.end, entity.id)
            words = text[span[0] : span[1]]
            copy = text.find(words)
            while copy >= 0:  # the box and every copy of its words in the body
                found[(copy, copy + len(words))] = Found(copy, copy + len(words), "direct", speaker, None)
                copy = text.find(words, copy + len(words))
    return [found[key] for key in sorted(found)]
