"""Direct quotes by their marks: curly or straight double quotes, and curly single quotes.

News convention for a quote that runs over several paragraphs: every paragraph opens with a mark and
only the last one closes. A paragraph that ends inside a quote while the next one opens with a mark is
therefore a quote up to the paragraph end, continued by the next paragraph.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import NamedTuple

OPENING = '“"«„'
CLOSING = '”"»“'
_DOUBLE_MARKS = '“”"«»„'
_MARKS = _DOUBLE_MARKS + "‘"
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_NEWLINE = re.compile(r"\n")
# A curly single-quoted passage: ‘ after a space or bracket, ’ not followed by a letter (not "don’t").
_SINGLE_QUOTED = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))‘[^‘’\n]*(?:’[A-Za-z][^‘’\n]*)*’(?![A-Za-z])")


class MarkedQuote(NamedTuple):
    start: int  # at the opening mark
    end: int  # after the closing mark, or at the paragraph end for a quote that runs on
    closed: bool
    continues: bool  # runs on into the next paragraph


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Paragraphs split at blank lines, or at single line breaks when the text has no blank line."""
    separator = _BLANK_LINE if _BLANK_LINE.search(text) else _NEWLINE
    spans = []
    start = 0
    for match in separator.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _trimmed_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _opens_with_mark(text: str, start: int, end: int) -> bool:
    stripped = text[start:end].lstrip()
    return bool(stripped) and stripped[0] in OPENING


def _is_opening(text: str, position: int) -> bool:
    """A straight or ambiguous mark opens when it follows a space/start and precedes a non-space."""
    before = text[position - 1] if position else " "
    after = text[position + 1] if position + 1 < len(text) else " "
    return (before.isspace() or before in "([—–-:") and not after.isspace()


def _opens_nested(text: str, position: int) -> bool:
    """A straight mark inside a quote that opens a quotation nested in it: in mid-sentence, after a
    word or a comma and a space, before a word (`by "planets".`, `headed, "ihug broadband"`)."""
    return _before_word(text, position) and (text[position - 2].isalnum() or text[position - 2] in ",:;")


def _opens_sentence(text: str, position: int) -> bool:
    """A straight mark inside a quote that opens a new sentence (`work. "We now want`, `[...] "It's`):
    the quote before it lacked its closing mark."""
    return _before_word(text, position) and text[position - 2] in ".!?])"


def _before_word(text: str, position: int) -> bool:
    """A mark after a space that follows some text, and before a letter or digit."""
    return position >= 2 and text[position - 1] == " " and text[position + 1 : position + 2].isalnum()


def mark_positions(text: str, marks: str) -> list[int]:
    """Where any of the characters `marks` stands in the text, in order.

    A str.find per mark runs at memory-scan speed, where a regex character class tests every character.
    """
    found = []
    for mark in marks:
        position = text.find(mark)
        while position >= 0:
            found.append(position)
            position = text.find(mark, position + 1)
    found.sort()
    return found


def _double_quotes_in(
    text: str, marks: list[int], end: int, next_paragraph: tuple[int, int] | None
) -> list[MarkedQuote]:
    """The quotes of one paragraph (ending at `end`) from the positions of its double marks.

    Inside an open quote, a straight mark shaped as an opening (`the sale of "sports drinks" is`) opens
    a quotation nested in it; the next straight mark closes that one, not the outer quote.
    """
    quotes: list[MarkedQuote] = []
    open_at: int | None = None
    nested_end: int | None = None  # after the last nested quotation closed inside the open quote
    nested = False
    for position in marks:
        mark = text[position]
        if open_at is None:
            if mark in "“«„" or (mark in '"”' and _is_opening(text, position)):
                open_at, nested_end = position, None
        elif nested:
            nested = False
            if mark == '"':
                nested_end = position + 1
                continue
            if mark in "”»":  # a curly mark ends the outer quote that the nested one never closed
                quotes.append(MarkedQuote(open_at, position + 1, closed=True, continues=False))
                open_at = None
            else:
                open_at, nested_end = position, None  # a second opening mark: the first one was stray
        elif mark == '"' and _opens_nested(text, position):
            nested = True
        elif mark == '"' and _opens_sentence(text, position):
            # a new sentence opens a new quote: the one still open lacked its closing mark
            quotes.append(MarkedQuote(open_at, position - 1, closed=False, continues=False))
            open_at, nested_end = position, None
        elif mark in '”»"' or (mark == "“" and not _is_opening(text, position)):
            quotes.append(MarkedQuote(open_at, position + 1, closed=True, continues=False))
            open_at = None
        else:
            open_at, nested_end = position, None  # a second opening mark: the first one was stray
    if open_at is not None:
        quotes.append(_unclosed(text, open_at, nested_end, end, next_paragraph))
    return quotes


def _unclosed(
    text: str, open_at: int, nested_end: int | None, end: int, next_paragraph: tuple[int, int] | None
) -> MarkedQuote:
    """A quote still open at its paragraph's end. One mark often closes a nested quotation and the
    quote around it at once (`"provides a remedy for "bodily injury". Interestingly, ...`)."""
    if nested_end is not None:
        return MarkedQuote(open_at, nested_end, closed=True, continues=False)
    paragraph_end = _trimmed_end(text, open_at, end)
    continues = next_paragraph is not None and _opens_with_mark(text, *next_paragraph)
    return MarkedQuote(open_at, paragraph_end, closed=False, continues=continues)


def _single_quotes_in(text: str, start: int, end: int, taken: list[MarkedQuote]) -> list[MarkedQuote]:
    """Curly single-quoted passages of 3+ words that are not nested in a double-quoted one."""
    found = []
    for match in _SINGLE_QUOTED.finditer(text, start, end):
        if len(match.group().split()) < 3:
            continue
        if any(quote.start <= match.start() < quote.end for quote in taken):
            continue
        found.append(MarkedQuote(match.start(), match.end(), closed=True, continues=False))
    return found


def _start_of(quote: MarkedQuote) -> int:
    return quote.start


def has_quotation_marks(text: str) -> bool:
    """Whether the text holds any mark a quotation can open or close with."""
    return any(mark in text for mark in _MARKS)


def marked_quotes(text: str, paragraphs: list[tuple[int, int]]) -> list[MarkedQuote]:
    """Every passage between quotation marks, in text order, given the text's paragraph_spans.

    The marks are found once; only the paragraphs that hold one are looked at.
    """
    marks = mark_positions(text, _DOUBLE_MARKS)
    any_single = "‘" in text
    if not marks and not any_single:
        return []
    quotes: list[MarkedQuote] = []
    for number, (start, end) in enumerate(paragraphs):
        first = bisect_left(marks, start)
        last = bisect_left(marks, end, first)
        single = any_single and text.find("‘", start, end) >= 0
        if first == last and not single:
            continue
        next_paragraph = paragraphs[number + 1] if number + 1 < len(paragraphs) else None
        in_paragraph = _double_quotes_in(text, marks[first:last], end, next_paragraph)
        if single:
            in_paragraph += _single_quotes_in(text, start, end, in_paragraph)
            in_paragraph.sort(key=_start_of)  # the double quotes come in order; the single ones after
        quotes.extend(in_paragraph)
    return quotes
