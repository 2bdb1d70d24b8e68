"""Direct quotes: keep real quotations among the marked passages and find who said them."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from worker.stages.enrich.quotes_cues import (
    CUE_THEN_SPEAKER,
    PASSIVE_OR_INFINITIVE,
    SPEAKER_THEN_CUE,
    cues_between,
    plausible_speaker,
    speaker_region_before,
    subject_phrase,
    word_before,
)
from worker.stages.enrich.quotes_found import Found, SpanFields, SpeakerFields, span_fields
from worker.stages.enrich.quotes_marks import MarkedQuote, has_quotation_marks, marked_quotes, paragraph_spans
from worker.stages.enrich.quotes_speakers import MentionIndex, resolve_speaker
from worker.stages.enrich.quotes_titles import is_title

POST_ZONE_CHARS = 200
MIN_UNATTRIBUTED_WORDS = 4
# A fragment shorter than MIN_UNATTRIBUTED_WORDS is a quotation only this close to its cue
# ('told the police, "everything he did"'), else it is a scare quote ('rated "highly critical"').
MAX_WORDS_FROM_CUE_TO_FRAGMENT = 8
_WORD = re.compile(r"[\w'’\-]+")
# As many words as a quotation needs to stand without attribution: a match stops at the last one
# needed, where counting every word of a long quotation would read it all (possessive: a word is
# never split into two).
_ENOUGH_WORDS = re.compile(rf"(?:[^\w'’\-]*+[\w'’\-]++){{{MIN_UNATTRIBUTED_WORDS}}}")
_ALPHANUMERIC = re.compile(r"[^\W_]")


# Plain classes with their own __init__ rather than frozen dataclasses: mypyc compiles these, where a
# dataclass's generated __init__ runs as interpreted Python (and a frozen one sets each field through
# object.__setattr__). No one changes one after it is built.
class Attribution:
    __slots__ = ("cue", "speaker")

    def __init__(self, cue: SpanFields | None, speaker: SpeakerFields | None) -> None:
        self.cue = cue
        self.speaker = speaker


class DirectQuotes:
    __slots__ = ("cue_starts", "quotes")

    def __init__(self, quotes: list[Found], cue_starts: set[int]) -> None:
        self.quotes = quotes
        self.cue_starts = cue_starts  # cues used to attribute direct quotes, so indirect speech skips them


class Cues:
    """The document's speech cues, found once, with their starts for bisecting."""

    __slots__ = ("matches", "starts")

    def __init__(self, matches: list[re.Match[str]], starts: list[int]) -> None:
        self.matches = matches
        self.starts = starts


def _after(
    text: str, quote: MarkedQuote, zone_end: int, index: MentionIndex, cues: Cues
) -> Attribution | None:
    """`..." said X` or `..." X said`, unless a period inside or after the marks ended the sentence."""
    first_cue = bisect_left(cues.starts, quote.end)
    if (
        first_cue == len(cues.starts)
        or cues.starts[first_cue] >= zone_end  # no cue after the quote: the patterns cannot match
        or not quote.closed
        or text[quote.end - 2 : quote.end - 1] == "."
        or text[quote.end : quote.end + 1] in ".!?"
    ):
        return None
    for pattern in (CUE_THEN_SPEAKER, SPEAKER_THEN_CUE):
        match = pattern.match(text, quote.end, zone_end)
        if match and plausible_speaker(match.group("speaker")):
            region = match.span("speaker")
            phrase = subject_phrase(text, *region)
            speaker = resolve_speaker(text, phrase, index, quote.start, region)
            return Attribution(span_fields(text, *match.span("cue")), speaker)
    return None


def _before(
    text: str, quote: MarkedQuote, zone_start: int, index: MentionIndex, all_cues: Cues
) -> Attribution | None:
    """`X said, "..."`, `X told the BBC: "..."`, `according to X, "..."`: the last cue before the quote."""
    cues = cues_between(all_cues.matches, all_cues.starts, zone_start, quote.start)
    if not cues or word_before(text, cues[-1].start()) in PASSIVE_OR_INFINITIVE:
        return None
    cue = cues[-1]
    if len(
        text[cue.end() : quote.start].split()
    ) > MAX_WORDS_FROM_CUE_TO_FRAGMENT and not _ENOUGH_WORDS.match(text, quote.start, quote.end):
        return None
    if cue.group() == "according to":
        after = text[cue.end() : quote.start]
        region = (cue.end(), cue.end() + len(after.split(",")[0]))
        phrase = region
    else:
        region = speaker_region_before(text, zone_start, cue.start())
        phrase = subject_phrase(text, *region)
        if not plausible_speaker(text[phrase[0] : phrase[1]]):
            return Attribution(span_fields(text, *cue.span()), None)
    return Attribution(
        span_fields(text, *cue.span()), resolve_speaker(text, phrase, index, quote.start, region)
    )


_SENTENCE_END = re.compile(r"[.!?][\"”’]?\s+")


def _zone_start(text: str, quote: MarkedQuote, sentence_starts: Sequence[int], floor: int) -> int:
    """Where the stretch before a quote that may hold its cue begins: its sentence, its paragraph and
    the previous quote bound it, and so does a sentence end the sentence splitter did not mark."""
    index = bisect_right(sentence_starts, quote.start) - 1
    start = max(sentence_starts[index] if index >= 0 else 0, floor)
    match = _SENTENCE_END.search(text, start, quote.start)
    while match is not None:  # to after the last sentence end
        start = match.end()
        match = _SENTENCE_END.search(text, start, quote.start)
    return start


def sentence_pieces(text: str, start: int, end: int, sentence_starts: Sequence[int]) -> list[tuple[int, int]]:
    """A quotation over several sentences as pieces that nest in the text's sentences: a first sentence
    that a reporting clause opens (`He said, "I agree. We all do."`), the whole sentences in between as
    one piece, and a last sentence that a reporting clause closes (`"We won. It was hard," he said.`).

    Quotation spans nest in sentences the way GUM marks them: a span does not run on from the middle
    of one sentence into the next, while a quote of whole sentences stays one span.
    """
    first = bisect_right(sentence_starts, start)  # the first sentence that starts inside the quote
    last = bisect_left(sentence_starts, end, first) - 1  # the last one
    if first > last:
        return [(start, end)]  # inside one sentence
    cuts = []
    opening = sentence_starts[first - 1] if first else 0
    if opening < start and not text[opening:start].isspace():
        cuts.append(sentence_starts[first])  # a reporting clause opens the first sentence
    closing = sentence_starts[last + 1] if last + 1 < len(sentence_starts) else len(text)
    if _WORD.search(text, end, closing) and sentence_starts[last] not in cuts:
        cuts.append(sentence_starts[last])  # a reporting clause closes the last sentence
    return _cut_at(text, start, end, cuts)


def _cut_at(text: str, start: int, end: int, cuts: list[int]) -> list[tuple[int, int]]:
    """text[start:end] cut before each position in `cuts`, without whitespace at the pieces' ends;
    a cut that would leave a piece without a word is not made."""
    pieces = []
    piece_start = start
    for cut in cuts:
        cut += len(text[cut:end]) - len(text[cut:end].lstrip())
        piece_end = piece_start + len(text[piece_start:cut].rstrip())
        if _WORD.search(text, piece_start, piece_end) and _WORD.search(text, cut, end):
            pieces.append((piece_start, piece_end))
            piece_start = cut
    pieces.append((piece_start, end))
    return pieces


def _same_sentence(previous: Found | None, start: int, sentence_starts: Sequence[int]) -> bool:
    """Whether the quote kept last ends in the sentence where `start` is: `it "must be done", the
    government recommending "translation tools"` quotes the same source in fragments."""
    if previous is None:
        return False
    return bisect_right(sentence_starts, previous.end - 1) == bisect_right(sentence_starts, start)


def _paragraph_of(position: int, paragraph_starts: Sequence[int]) -> int:
    return bisect_right(paragraph_starts, position) - 1


def find_direct_quotes(
    text: str, sentence_starts: Sequence[int], index: MentionIndex, cues: Cues
) -> DirectQuotes:
    if not has_quotation_marks(text):
        return DirectQuotes([], set())
    paragraphs = paragraph_spans(text)
    marked = marked_quotes(text, paragraphs)
    paragraph_starts = [start for start, _ in paragraphs]
    quotes: list[Found] = []
    cue_starts: set[int] = set()
    previous: Found | None = None
    previous_paragraph = -2
    continued_from_previous = False
    for number, quote in enumerate(marked):
        next_start = marked[number + 1].start if number + 1 < len(marked) else len(text)
        paragraph = _paragraph_of(quote.start, paragraph_starts)
        paragraph_end = (
            paragraph_starts[paragraph + 1] if paragraph + 1 < len(paragraph_starts) else len(text)
        )
        zone_end = min(next_start, paragraph_end, quote.end + POST_ZONE_CHARS)
        floor = max(marked[number - 1].end if number else 0, paragraph_starts[paragraph])
        inner = text[quote.start + 1 : quote.end - (1 if quote.closed else 0)]
        if is_title(text, quote.start, inner):
            continue  # before attributing it: a title is dropped, attributed or not
        attribution = _after(text, quote, zone_end, index, cues) or _before(
            text, quote, _zone_start(text, quote, sentence_starts, floor), index, cues
        )
        if (
            attribution is None
            and not _ENOUGH_WORDS.match(inner)
            and not _same_sentence(previous, quote.start, sentence_starts)
        ):
            continue  # a scare quote, unless it goes on quoting the quotation before it in its sentence
        if attribution is None or attribution.speaker is None:
            # News goes on quoting the last speaker within a paragraph and into a run-on paragraph.
            follows_on = previous_paragraph == paragraph or continued_from_previous
            speaker = previous.speaker if follows_on and previous is not None else None
            attribution = Attribution(attribution.cue if attribution else None, speaker)
        if attribution.cue is not None:
            cue_starts.add(attribution.cue["start"])
        for start, end in sentence_pieces(text, quote.start, quote.end, sentence_starts):
            current = Found(start, end, "direct", attribution.speaker, attribution.cue)
            quotes.append(current)
        previous, previous_paragraph = current, paragraph
        continued_from_previous = quote.continues
    return DirectQuotes(quotes, cue_starts)
