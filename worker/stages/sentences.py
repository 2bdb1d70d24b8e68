"""Paragraphs and sentences as character offsets, by rule: fast, and careful about news abbreviations.

A sentence ends at `.`, `!`, `?` or an ellipsis (with any closing quotes or brackets after it) followed by
whitespace and something that can start a sentence (a capital, a digit, an opening quote or bracket). Such a
candidate is then vetoed when the word before the period is an abbreviation or an initial, unless the next
word is one that commonly opens a sentence ("The", "He", "But"...). Inside an open quotation the same rules
hold, so a quoted passage of several sentences is cut at each of them whether or not a reporting clause
follows; only a sentence of one word there ("Stop. Now.", a title such as "Eat. Pray. Love.") needs a
sentence opener after it. Paragraph breaks (blank lines) and list items always end a sentence.
"""

from __future__ import annotations

import re

from worker.stages.parse_lexicon import words

# Titles and words that are followed by a name or a number: the period after them never ends a sentence.
_ALWAYS_ABBREVIATIONS = words(
    "mr mrs ms messrs dr prof gen lt col maj capt cmdr cdr adm sgt cpl pvt gov sen rep reps rev fr "
    "hon pres supt insp det st mt ft no nos vol pp fig art sec ch gens dept"
)
# Abbreviations written in lower case that are never followed by the end of a sentence.
_LOWERCASE_ABBREVIATIONS = frozenset(["vs", "v", "approx", "ca", "cf", "al", "est"])
# Abbreviations that can also close a sentence ("... bought by Apple Inc. The deal ..."), and initials.
_SOMETIMES_ABBREVIATIONS = words(
    "inc corp co ltd llc plc jr sr bros etc jan feb mar apr jun jul aug sep sept oct nov dec mon tue "
    "tues wed thu thur thurs fri sat sun am pm"
)
# Capitalised words that very often open a sentence and rarely follow an abbreviation inside one.
_SENTENCE_OPENERS = words(
    "the a an he she it they we i you his her its their our my this that these those there here but "
    "and so yet however in on at after before when while if as for since although though meanwhile "
    "also according some many most other others another both all no none one two three several what "
    "who how why where which then later earlier last next police officials authorities president"
)

# The pattern starts with a bare character class so that the regex engine skips the other characters
# in its fast scanning loop (the alternatives behind it run only at punctuation and line breaks).
_CANDIDATE = re.compile(
    r"""[.!?…\n](?:"""
    r"""(?<=[.!?…])[.!?…]*["'”’»)\]]*(?=\s+["'“‘«(\[]*[A-Z0-9])"""  # end punctuation, then a capital
    r"""|(?<=\n)(?=[ \t]*\S))"""  # a line break inside a paragraph: judged by the lines around it
)
# The same candidates in a paragraph with no other end punctuation and no line break (most paragraphs): a
# pattern opening with a literal period lets the engine skip to each period in a tight loop, where an opening
# class costs a call per character. With no "!", "?", "…" or line break in reach, the class and the lookbehind
# above can only stand for that period, so both find the same matches.
_PERIOD_CANDIDATE = re.compile(r"""\.[.!?…]*["'”’»)\]]*(?=\s+["'“‘«(\[]*[A-Z0-9])""")
_OTHER_ENDS = ("!", "?", "…")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r]*\n\s*")  # also across Windows line ends
_LIST_ITEM = re.compile(r"[ \t]*(?:[*•]|[-–—]\s|\d+[.)]\s)")
_WORD_START_MARKS = "\"'“‘«([—–"
_NEXT_WORD = re.compile(r"""\s*["'“‘«(\[]*(\w+)""")
_INITIALISM = re.compile(r"(?:[A-Za-z]\.)*[A-Za-z]")  # "U.S", "a.m", "J", "D.C"
# The quotation marks, each looked for with str.find: a regex class would be tested call by call at every
# character of the paragraph, where find skips to a mark in a tight loop.
_QUOTE_MARKS = '"“”«»'
_OPENING_QUOTES = "“«"
# A line that ends with one of these (or a lower-case letter) continues on the next line.
_CONTINUING_LINE_END = ",;-–—("

# Every byte of UTF-8 as b" " when str.split() takes it for whitespace (the ASCII controls \t-\r and \x1c-\x1f
# too), else as b"x": the bytes of a character beyond ASCII are all 0x80 and up, and stand for no space.
_SPACE_OR_NOT = bytes(32 if byte < 128 and chr(byte).isspace() else ord("x") for byte in range(256))
# The characters beyond ASCII that str.split() takes for whitespace: a text without them is counted in its
# UTF-8 bytes as ASCII text is. (U+3000 is the last of them.)
_NON_ASCII_SPACES = tuple(chr(code) for code in range(128, 0x3001) if chr(code).isspace())

Span = tuple[int, int]


def paragraphs(text: str) -> list[Span]:
    """Blank-line separated blocks as (start, end), trimmed of surrounding whitespace."""
    spans: list[Span] = []
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        _append_trimmed(text, start, match.start(), spans)
        start = match.end()
    _append_trimmed(text, start, len(text), spans)
    return spans


def sentences(text: str, paragraph_spans: list[Span]) -> list[Span]:
    """Sentences of every paragraph as (start, end), trimmed of surrounding whitespace; none crosses a
    paragraph."""
    spans: list[Span] = []
    # Most news holds no "!", "?" or "…" at all: then only a line break sends a paragraph to the full pattern.
    other_ends = _holds_other_ends(text, 0, len(text))
    for paragraph_start, paragraph_end in paragraph_spans:
        start = paragraph_start
        for end in _sentence_ends(text, paragraph_start, paragraph_end, other_ends):
            _append_trimmed(text, start, end, spans)
            start = end
        _append_trimmed(text, start, paragraph_end, spans)
    return spans


def word_count(text: str) -> int:
    """Whitespace-separated words (GDELT counts words the same way)."""
    # Counted without making a string per word: each word starts where a space is followed by a non-space,
    # or at the very start.
    if text.isascii():  # most English news
        marks = text.encode("ascii").translate(_SPACE_OR_NOT)
    else:
        # A memory scan each; one wider than the text's own characters is ruled out without a scan.
        for space in _NON_ASCII_SPACES:
            if space in text:
                return len(text.split())
        # surrogatepass: a stray surrogate is a character like any other, as split() sees it.
        marks = text.encode("utf-8", "surrogatepass").translate(_SPACE_OR_NOT)
    return marks.count(b" x") + marks.startswith(b"x")


def _holds_other_ends(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] holds end punctuation other than a period."""
    for mark in _OTHER_ENDS:  # noqa: SIM110 - a plain loop over three finds, cheaper than any() of a generator
        if text.find(mark, start, end) >= 0:
            return True
    return False


def _candidate_pattern(text: str, start: int, end: int, other_ends: bool) -> re.Pattern[str]:
    """_CANDIDATE, or the cheaper _PERIOD_CANDIDATE where it finds the same matches."""
    if text.find("\n", start, end) >= 0 or (other_ends and _holds_other_ends(text, start, end)):
        return _CANDIDATE
    return _PERIOD_CANDIDATE


def _sentence_ends(text: str, start: int, end: int, other_ends: bool) -> list[int]:
    """Where sentences end in the paragraph text[start:end]; `other_ends` is False when the whole text holds
    no "!", "?" or "…"."""
    ends: list[int] = []
    # Found at the first end punctuation that needs them: a one-sentence paragraph has none.
    quote_marks: list[tuple[int, str]] | None = None
    for match in _candidate_pattern(text, start, end, other_ends).finditer(text, start, end):
        boundary = match.end()
        if text[match.start()] == "\n":
            if _line_break_ends_sentence(text, start, boundary):
                ends.append(boundary)
            continue
        if quote_marks is None:
            quote_marks = _quote_marks(text, start, end)
        piece_start = ends[-1] if ends else start
        if _ends_sentence(text, piece_start, match.start(), boundary, quote_marks):
            ends.append(boundary)
    return ends


def _quote_marks(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """Positions of the quotation marks of a paragraph (usually none, so this is cheap)."""
    if text.find('"', start, end) < 0 and text.find("“", start, end) < 0 and text.find("«", start, end) < 0:
        return []
    marks = []
    for mark in _QUOTE_MARKS:
        at = text.find(mark, start, end)
        while at >= 0:
            marks.append((at, mark))
            at = text.find(mark, at + 1, end)
    marks.sort()  # in text order: each position holds one mark, so only positions are compared
    return marks


def _line_break_ends_sentence(text: str, paragraph_start: int, next_line_start: int) -> bool:
    """A single line break ends a sentence before a list item, or after a line that does not run on."""
    if _LIST_ITEM.match(text, next_line_start):
        return True
    line_end = text[paragraph_start : next_line_start - 1].rstrip()
    return bool(line_end) and not (line_end[-1].islower() or line_end[-1] in _CONTINUING_LINE_END)


def _ends_sentence(
    text: str, piece_start: int, punct_start: int, boundary: int, quote_marks: list[tuple[int, str]]
) -> bool:
    """Whether the end punctuation at `punct_start..boundary` really closes the sentence that started at
    `piece_start` (the paragraph's start or the last sentence end)."""
    first = text[punct_start]
    if first == "…" or text.startswith("...", punct_start):
        return _next_word_opens_sentence(text, boundary)
    if quote_marks:
        quote_start = _open_quote_start(quote_marks, boundary)
        if (
            quote_start >= 0
            and _one_word(text, max(quote_start, piece_start), punct_start)
            and not _next_word_opens_sentence(text, boundary)
        ):
            return False  # a quoted word or title ("Stop. Now.") inside a longer sentence
    if first != ".":
        return True
    # The word before the period starts after the last space or line break (a conditional, not max(): this
    # runs for every sentence).
    space = text.rfind(" ", piece_start, punct_start)
    line_break = text.rfind("\n", space + 1 if space >= 0 else piece_start, punct_start)
    word = text[(line_break if line_break > space else space) + 1 : punct_start].lstrip(_WORD_START_MARKS)
    key = word.lower()
    if (key in _ALWAYS_ABBREVIATIONS and word[:1].isupper()) or key in _LOWERCASE_ABBREVIATIONS:
        return False
    # An initialism of two or more characters has a period second: most words are spared the regex.
    if key in _SOMETIMES_ABBREVIATIONS or (word[1:2] in ("", ".") and _INITIALISM.fullmatch(word)):
        return _next_word_opens_sentence(text, boundary)
    return True


def _open_quote_start(quote_marks: list[tuple[int, str]], position: int) -> int:
    """Where the innermost quotation opened earlier in the paragraph and still open at `position` starts,
    or -1."""
    straight_open = -1
    curly_open: list[int] = []
    for mark_position, mark in quote_marks:
        if mark_position >= position:
            break
        if mark == '"':
            straight_open = -1 if straight_open >= 0 else mark_position
        elif mark in _OPENING_QUOTES:
            curly_open.append(mark_position)
        elif curly_open:
            curly_open.pop()
    return max(straight_open, curly_open[-1] if curly_open else -1)


def _one_word(text: str, start: int, end: int) -> bool:
    """Whether the words of `text[start:end]` after its last end punctuation are at most one ("Love" in
    "Eat. Pray. Love")."""
    last_end = max(text.rfind(".", start, end), text.rfind("!", start, end), text.rfind("?", start, end))
    return len(text[max(start, last_end) + 1 : end].split(None, 1)) < 2


def _next_word_opens_sentence(text: str, position: int) -> bool:
    match = _NEXT_WORD.match(text, position)
    return match is not None and match.group(1).lower() in _SENTENCE_OPENERS


def _append_trimmed(text: str, start: int, end: int, spans: list[Span]) -> None:
    if start >= end:
        return
    if text[start].isspace() and start + 1 < end and not text[start + 1].isspace():
        start += 1  # the one space after the sentence before: the usual case, trimmed without a copy
    if not (text[start].isspace() or text[end - 1].isspace()):
        spans.append((start, end))  # nothing (more) to trim
        return
    segment = text[start:end]
    stripped = segment.lstrip()
    if stripped:
        start += len(segment) - len(stripped)
        spans.append((start, start + len(stripped.rstrip())))
