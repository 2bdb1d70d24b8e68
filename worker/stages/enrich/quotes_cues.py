"""Speech cues ("said", "told", "according to", ...) and where the speaker stands around them."""

from __future__ import annotations

import re
from bisect import bisect_left

from worker.stages.enrich.word_bytes import word_bytes
from worker.stages.regex_trie import trie_pattern

# Finite forms of verbs of saying, as news uses them around quotes. Lower case only: "States" in
# "United States" or "Reports" as a title word are not cues.
_FINITE = (
    "said says say told tells added adds stated states warned warns explained explains insisted insists "
    "argued argues claimed claims noted notes announced announces wrote writes asked asks replied replies "
    "responded responds commented comments acknowledged acknowledges admitted admits confirmed confirms "
    "denied denies declared declares continued continues asserted asserts recalled recalls suggested "
    "suggests stressed stresses emphasised emphasises emphasized emphasizes urged urges predicted "
    "predicts tweeted posted alleged alleges maintained maintains contended contends conceded concedes "
    "observed remarked quipped joked shouted exclaimed cautioned cautions reads read reported reports "
    "believes believed thinks thought estimated estimates revealed reveals promised promises vowed vows"
)
# Participles that continue the speech of the clause's subject: ", adding that ...".
_PARTICIPLES = "adding saying stating warning claiming noting insisting arguing explaining"
# Cues that report a clause without "that" ("X said the plan failed"); the others ("confirmed the deal",
# "continued the tradition", "conceded a penalty") report speech only with "that".
BARE_CUES = frozenset(
    str.split(
        "said says say told tells tell added adds warned warns insisted insists argued argues claimed claims "
        "believes believed thinks stated states wrote writes predicted predicts stressed stresses noted notes "
        "alleged alleges adding saying stating warning claiming noting insisting arguing"
    )
)
# A cue followed by one of these is a noun ("reports have shown", "claims of abuse").
NOUN_FOLLOWERS = frozenset({"have", "has", "had", "were", "was", "are", "is", "of", "by", "about", "against"})
PARTICIPLES = frozenset(_PARTICIPLES.split())
TELL_VERBS = frozenset({"told", "tells", "tell", "asked", "asks", "warned", "warns", "urged", "urges",
                        "promised", "promises", "assured", "reminded"})  # fmt: skip

_FINITE_ALTERNATION = trie_pattern(_FINITE.split())
_PARTICIPLE_ALTERNATION = trie_pattern(_PARTICIPLES.split())
_MULTIWORD_CUES = ["according to", "pointed out", "was quoted as saying", "were quoted as saying"]
# All cues in one prefix tree, so each position costs one walk down the tree.
_ALL_CUES = trie_pattern(_MULTIWORD_CUES + _FINITE.split() + _PARTICIPLES.split())
CUE = re.compile(rf"\b{_ALL_CUES}\b")
# Where cues may start, looked for from the character before them: any but an ASCII letter, digit or
# underscore, a space in the text's word_bytes, found by the engine's fast search for one literal byte. A
# space there may stand for a non-ASCII letter, so CUE, with Unicode word boundaries, confirms each place.
# The search stops at every word, so each stop must cost little: the word is matched, not looked ahead
# at (a lookahead is one more level of the engine per word), and the first letters are tried in the order
# of how often English words start with them, so most words fail at the first few branches. A multiword
# cue is matched only as far as a prefix that no other cue starts inside (a match hides the spaces it
# spans, and "saying" in "was quoted as saying" is a cue of its own); CUE reads the whole cue on the text.
_MULTIWORD_PREFIXES = ["according", "pointed", "was quoted", "were quoted"]
_SCANNED_CUES = _FINITE.split() + _PARTICIPLES.split() + _MULTIWORD_PREFIXES
_FIRST_LETTERS_BY_FREQUENCY = "tawsoicpbmdrenuqjvfhlgkyxz"
_CUE_AFTER = re.compile(
    (
        " (?:"
        + "|".join(
            trie_pattern([cue for cue in _SCANNED_CUES if cue[0] == letter])
            for letter in _FIRST_LETTERS_BY_FREQUENCY
            if any(cue[0] == letter for cue in _SCANNED_CUES)
        )
        + r")\b"
    ).encode()
)


def find_cues(text: str, start: int = 0, end: int | None = None) -> list[re.Match[str]]:
    """Every speech cue in text[start:end], in order."""
    stop = len(text) if end is None else end
    found = []
    if start == 0:
        first = CUE.match(text, 0, stop)
        if first:
            found.append(first)
    scanned = word_bytes(text)
    for hit in _CUE_AFTER.finditer(scanned, max(start - 1, 0), stop):
        cue = CUE.match(text, hit.start() + 1, stop)
        if cue and cue.start() >= start:
            found.append(cue)
    return found


def cues_between(
    cues: list[re.Match[str]], cue_starts: list[int], start: int, end: int
) -> list[re.Match[str]]:
    """The cues of a whole-text find_cues (with their starts) that lie inside text[start:end].

    Cutting one scan of the text costs a bisect, where a find_cues per quote would scan again.
    """
    first = bisect_left(cue_starts, start)
    last = bisect_left(cue_starts, end, first)
    return [cue for cue in cues[first:last] if cue.end() <= end]


# Adverbs that sit between the speaker and the cue: "the minister further said".
_BETWEEN = r"(?:(?:also|further|later|then|previously|earlier|again|once|reportedly|[a-z]+ly)\s+)?"
# Speaker text: no quote marks, line breaks or sentence ends, but titles and initials ("Mr. ", "U.S. ").
_SPEAKER_CHARS = r"(?:(?:\b[A-Z][a-z]{0,2}|\b[A-Z]\.[A-Z])\.\s|(?![.!?]\s)[^\"“”«»\n;])"
# No "^": Pattern.match(text, pos) already anchors at pos, and "^" would only match at 0.
_AFTER_QUOTE_PUNCT = r"[ \t,:;—–\-]*"

# After a quote: `..." said the minister` (cue first) or `..." the minister said` (speaker first).
CUE_THEN_SPEAKER = re.compile(
    _AFTER_QUOTE_PUNCT
    + rf"(?P<cue>{_FINITE_ALTERNATION})\s+(?P<speaker>{_SPEAKER_CHARS}{{1,120}}?)"
    + r"(?=\s*(?:[.!?;,:\"“”\n]|$|\s(?:in|on|at|during|after|before|to|when|while|as|who|following|from)\s))"
)
SPEAKER_THEN_CUE = re.compile(
    _AFTER_QUOTE_PUNCT
    + rf"(?P<speaker>{_SPEAKER_CHARS}{{1,150}}?)\s+{_BETWEEN}(?P<cue>{_FINITE_ALTERNATION}|pointed out)\b"
)
_CONNECTIVES = frozenset({"and", "but", "or", "which", "that", "who", "while", "as", "so", "then", "if"})
MAX_SPEAKER_WORDS = 14


def plausible_speaker(phrase: str) -> bool:
    """A speaker phrase is a short noun phrase, not a clause that starts with a connective."""
    return plausible_speaker_words(phrase.split())


def plausible_speaker_words(words: list[str]) -> bool:
    """plausible_speaker of a phrase already split into words."""
    if not words or len(words) > MAX_SPEAKER_WORDS:
        return False
    return words[0].lower() not in _CONNECTIVES


MAX_REGION_WORDS = 12


def speaker_region_before(text: str, zone_start: int, cue_start: int) -> tuple[int, int]:
    """The stretch before a cue that can hold its subject: back to the zone start, at most 12 words."""
    if cue_start - zone_start < 80:  # too short to hold more than 12 words: no search needed
        return zone_start, cue_start
    segment = text[zone_start:cue_start]
    parts = segment.rsplit(None, MAX_REGION_WORDS)
    if len(parts) <= MAX_REGION_WORDS:
        return zone_start, cue_start
    head = parts[0]  # rsplit keeps the head as a prefix of the segment; the region starts after it
    rest = segment[len(head) :]
    return zone_start + len(head) + len(rest) - len(rest.lstrip()), cue_start


# A space before a conjunction or relative word, or a semicolon or colon, then a space. Written to open
# with one character class, which lets the regex engine skip from space to space instead of trying
# every position; the lookbehinds tell which kind of character the class took.
_BOUNDARY_WORDS = str.split(
    "and but while when because although after before until since unless though whereas where if that which who"
)
_CLAUSE_BOUNDARY = re.compile(rf"[\s;:](?:(?<=\s)(?:{'|'.join(_BOUNDARY_WORDS)})\s|(?<=[;:])\s)")
_BOUNDARY_WORD_SET = frozenset(_BOUNDARY_WORDS)
# A phrase opening with one of these is a clause or an adverbial, not the speaker ("However said", "In the
# days before the vote it predicted", "In a statement, the Church").
NOT_A_SUBJECT_START = frozenset(
    str.split(
        "although though if when while because since as after before despite during following in on at "
        "with by for from however but and so yet meanwhile instead according"
    )
)
_TRAILING_WORDS = frozenset(
    str.split(
        "also further later then previously earlier again reportedly has have had will would could may might "
        "did does do"
    )
)
_COMMA_SPACE = re.compile(r",\s+")


def _without_trailing_auxiliaries(text: str, start: int, end: int) -> int:
    """The end of text[start:end] once trailing adverbs and auxiliaries are dropped ("Korea also has")."""
    while True:
        segment = text[start:end].rstrip()
        cut = segment.rfind(" ")
        last = segment[cut + 1 :]
        if cut < 0 or not (last in _TRAILING_WORDS or (last.endswith("ly") and last.islower())):
            return start + len(segment)
        end = start + cut


def subject_phrase(text: str, start: int, end: int) -> tuple[int, int]:
    """The subject inside a region: after the last clause boundary and introductory phrase, without
    trailing adverbs and auxiliaries.

    "On Wednesday, Home Secretary Suella Braverman" -> "Home Secretary Suella Braverman"; an appositive
    ending in a comma ("Khaled Al-Maeena, editor at the Gazette,") keeps its head; "The talks began and
    Korea also" -> "Korea".
    """
    segment = text[start:end]
    # A boundary needs a semicolon, a colon or one of its words between spaces, which split() gives whole:
    # checking for them costs less than the search, which tests a class at every character.
    has_boundary = ";" in segment or ":" in segment or not _BOUNDARY_WORD_SET.isdisjoint(segment.split())
    boundary = _CLAUSE_BOUNDARY.search(text, start, end) if has_boundary else None
    while boundary is not None:  # one search call for the many regions without a boundary
        start = boundary.end()  # after the last one
        boundary = _CLAUSE_BOUNDARY.search(text, start, end)
    end = _without_trailing_auxiliaries(text, start, end)
    segment = text[start:end].rstrip(" ,")
    if "," not in segment:  # one part, the segment itself: no need to split and look it up again
        return (start, start + len(segment)) if segment.strip() else (start, start)
    parts = [part for part in _COMMA_SPACE.split(segment) if part.strip()]
    if not parts:
        return start, start
    # "Name, a role at Org" -> the name; "On Monday, the minister" -> the last part.
    appositive = (
        len(parts) > 1
        and parts[-1][:1].islower()
        and parts[0][:1].isupper()
        and parts[0].split()[0].lower() not in NOT_A_SUBJECT_START
    )
    chosen = parts[0] if appositive else parts[-1]
    offset = text.index(chosen, start)
    return offset, offset + len(chosen)


PASSIVE_OR_INFINITIVE = frozenset({"was", "were", "been", "being", "is", "are", "be", "to", "not"})


def word_before(text: str, position: int) -> str:
    """The lowercased word that ends just before `position` ("" at the start)."""
    words = text[max(0, position - 20) : position].rsplit(None, 1)
    return words[-1].lower() if words else ""
