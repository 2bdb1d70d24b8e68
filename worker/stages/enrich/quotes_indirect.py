"""Indirect (reported) speech: "X said (that) ...", "X told reporters ...", "according to X, ...",
"..., X said.", and ", adding that ..." continuing the speech of the clause's speaker.

The quote span is the reported content; the cue is the verb (or "according to"); the speaker is the
subject before the verb, resolved like a direct quote's speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate

from schemas import Offsets
from worker.stages.enrich.quotes_cues import (
    BARE_CUES,
    NOT_A_SUBJECT_START,
    NOUN_FOLLOWERS,
    PARTICIPLES,
    PASSIVE_OR_INFINITIVE,
    TELL_VERBS,
    plausible_speaker_words,
    speaker_region_before,
    subject_phrase,
    word_before,
)
from worker.stages.enrich.quotes_found import Found, SpeakerFields, span_fields
from worker.stages.enrich.quotes_speakers import (
    GROUP_PRONOUNS,
    PERSON_PRONOUNS,
    MentionIndex,
    resolve_speaker,
)

MIN_CONTENT_WORDS = 3
# A cue after these is passive ("was told"), an infinitive ("to say") or a noun ("the claims",
# "in some states", "a group of states").
_NOT_BEFORE_A_SPEECH_VERB = PASSIVE_OR_INFINITIVE | frozenset(
    str.split(
        "the a an his her their its these those this that such whose some many several all both other "
        "of in for with from across among between two three"
    )
)
_AUXILIARIES = frozenset(
    str.split(
        "was were is are has have had been be being will would can could may might should must did does do"
    )
)
_COLON_SOON = re.compile(r"^(?:\s+[^\s,.;:\"“”]+){0,6}?:\s+(?=\S)")
_THAT_SOON = re.compile(r"^(?:\s+[^\s,.;:\"“”]+){0,8}?\s+that\s+")
# After a bare cue, the reported clause starts at once ("said denuclearization was ..."); a preposition
# or time word there means the cue reports no clause ("said in a statement", "said on Monday.").
_NOT_A_CLAUSE = re.compile(
    r"^\s+(?:in|on|at|during|after|before|to|for|with|from|by|when|while|as|yesterday|today|tonight|"
    r"late|early|earlier|later|last|next|through|via|over|under|outside|inside|near|so|and|but|or|"
    r"nothing|little|much|more|goodbye|hello|sorry|yes|no)\b|^\s*[^\s\w]"
)
_TELL_OBJECT = re.compile(
    r"^\s+(?:him|her|them|us|me|reporters|journalists|police|investigators|lawmakers|parliament|"
    r"(?:the|a|an|his|her|their|its)\s+(?:[A-Z][\w.&'’\-]*\s+){0,4}[\w.&'’\-]+|(?:[A-Z][\w.&'’\-]*\s*){1,5})"
)
_TRAILING_ADJUNCT = re.compile(r"^(?:\s+[^\s.!?;\"“”]+){0,5}?\s*[.!?]?\s*$")
_FINAL_PUNCTUATION = " \t\n.,;:!?"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in _FINAL_PUNCTUATION:
        end -= 1
    return start, end


def _word_after(text: str, position: int) -> str:
    words = text[position : position + 20].split()
    return words[0].lower() if words else ""


def _content_start(text: str, cue: re.Match[str], sentence_end: int) -> int | None:
    """Where the reported clause begins after the cue, or None when the cue reports no clause."""
    rest = text[cue.end() : sentence_end]
    # Each pattern needs its literal word or mark: looking for it first spares most matches.
    that = _THAT_SOON.match(rest) if "that" in rest else None
    if that:
        return cue.end() + that.end()
    colon = _COLON_SOON.match(rest) if ":" in rest else None
    if colon:  # "the Church denied these allegations: She ..." reports what follows the colon
        return cue.end() + colon.end()
    if cue.group() not in BARE_CUES:
        return None
    offset = 0
    if cue.group() in TELL_VERBS:
        obj = _TELL_OBJECT.match(rest)
        if obj is None:
            return None
        offset = obj.end()
    if _NOT_A_CLAUSE.match(rest[offset:]) or not rest[offset:].strip():
        return None
    return cue.end() + offset


def _is_subject(text: str, phrase: tuple[int, int], index: MentionIndex) -> bool:
    """A subject that can speak: a named mention, a pronoun, or a capitalised or role noun phrase."""
    words = text[phrase[0] : phrase[1]].split()
    if not plausible_speaker_words(words):
        return False
    first = words[0].lower()
    if first in NOT_A_SUBJECT_START:
        return False
    if len(words) == 1 and (first in PERSON_PRONOUNS or first in GROUP_PRONOUNS or first == "i"):
        return True
    if first in _AUXILIARIES:
        return False  # "was manufactured in Italy until authorities": a verb phrase, not a subject
    # the mentions are looked up last: the words alone decide most phrases
    return words[0][:1].isupper() or first in {"the", "a", "an"} or bool(index.inside(*phrase))


class _SentenceFinder:
    """The sentence around a position, from the sentence starts the caller already holds."""

    def __init__(self, sentences: Sequence[Offsets], starts: Sequence[int], length: int) -> None:
        self.sentences = sentences
        self.starts = starts
        self.length = length

    def around(self, position: int) -> tuple[int, int]:
        if not self.sentences:
            return 0, self.length
        index = max(0, bisect_right(self.starts, position) - 1)
        return self.starts[index], self.sentences[index].end


class _Covered:
    """Whether a position lies inside one of some spans: a bisect on their starts, and the furthest end
    of the spans that start at or before the position."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [start for start, _ in ordered]
        self.furthest_ends = list(accumulate((end for _, end in ordered), max))

    def __contains__(self, position: int) -> bool:
        count = bisect_right(self.starts, position)
        return count > 0 and self.furthest_ends[count - 1] > position


def find_indirect_quotes(
    text: str,
    sentences: Sequence[Offsets],
    sentence_starts: Sequence[int],
    direct: Sequence[Found],
    used_cues: set[int],
    index: MentionIndex,
    cues: Sequence[re.Match[str]],
) -> list[Found]:
    finder = _SentenceFinder(sentences, sentence_starts, len(text))
    direct_spans = [(quote.start, quote.end) for quote in direct]
    in_direct = _Covered(direct_spans)
    found: list[Found] = []
    last_speaker: tuple[tuple[int, int], SpeakerFields | None] | None = None
    for cue in cues:
        if cue.start() in used_cues or cue.start() in in_direct:
            continue
        sentence = finder.around(cue.start())
        reported = _reported(text, cue, sentence, index, last_speaker)
        if reported is None:
            continue
        content, speaker = reported
        content = _clip_at_direct_quote(content, direct_spans)
        start, end = _trim(text, *content)
        if len(text[start:end].split()) < MIN_CONTENT_WORDS or (found and found[-1].start == start):
            continue
        found.append(Found(start, end, "indirect", speaker, span_fields(text, *cue.span())))
        last_speaker = (sentence, speaker)
    return found


def _clip_at_direct_quote(content: tuple[int, int], direct_spans: list[tuple[int, int]]) -> tuple[int, int]:
    start, end = content
    for quote_start, quote_end in direct_spans:
        if start <= quote_start < end:
            end = quote_start
        elif quote_start <= start < quote_end:
            start = end  # the content is itself a direct quote: nothing indirect left
    return start, end


def _reported(
    text: str,
    cue: re.Match[str],
    sentence: tuple[int, int],
    index: MentionIndex,
    last_speaker: tuple[tuple[int, int], SpeakerFields | None] | None,
) -> tuple[tuple[int, int], SpeakerFields | None] | None:
    """(content span, speaker) for one cue, or None when the cue does not report speech."""
    sentence_start, sentence_end = sentence
    word = cue.group()
    if word == "according to":
        return _according_to(text, cue, sentence, index)
    if word in PARTICIPLES:
        if text[cue.start() - 2 : cue.start()] != ", ":
            return None
        start = _content_start(text, cue, sentence_end)
        if start is None:
            return None
        speaker = last_speaker[1] if last_speaker and last_speaker[0] == sentence else None
        if speaker is None:
            region = speaker_region_before(text, sentence_start, cue.start())
            speaker = resolve_speaker(text, subject_phrase(text, *region), index, cue.start(), region)
        return (start, sentence_end), speaker
    if (
        word_before(text, cue.start()) in _NOT_BEFORE_A_SPEECH_VERB
        or _word_after(text, cue.end()) in NOUN_FOLLOWERS
    ):
        return None
    start = _content_start(text, cue, sentence_end)
    # Without a clause after the cue, "..., the minister said (on Monday)." reports what comes before
    # the comma; when nothing or a short adjunct follows the cue. Checked before the subject is looked
    # for: most cues that report nothing are let go here.
    if start is None and not _TRAILING_ADJUNCT.match(text[cue.end() : sentence_end]):
        return None
    region = speaker_region_before(text, sentence_start, cue.start())
    phrase = subject_phrase(text, *region)
    if not _is_subject(text, phrase, index):
        return None
    if start is not None:
        return (start, sentence_end), resolve_speaker(text, phrase, index, cue.start(), region)
    before_subject = text[sentence_start : phrase[0]].rstrip()
    if before_subject.endswith(","):
        speaker = resolve_speaker(text, phrase, index, cue.start(), region)
        return (sentence_start, sentence_start + len(before_subject) - 1), speaker
    return None  # no reported clause: the speaker need not be resolved


def _according_to(
    text: str, cue: re.Match[str], sentence: tuple[int, int], index: MentionIndex
) -> tuple[tuple[int, int], SpeakerFields | None] | None:
    sentence_start, sentence_end = sentence
    after = text[cue.end() : sentence_end]
    source_length = len(after.split(",")[0])
    source = (cue.end(), cue.end() + source_length)
    speaker = resolve_speaker(text, source, index, cue.start(), source)
    if text[sentence_start : cue.start()].strip() and text[cue.start() - 2 : cue.start()] == ", ":
        return (sentence_start, cue.start() - 2), speaker  # "..., according to X."
    if source_length < len(after):
        return (cue.end() + source_length + 1, sentence_end), speaker  # "According to X, ..."
    return None
