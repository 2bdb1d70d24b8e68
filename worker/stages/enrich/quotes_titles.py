"""Quoted titles: the names of posts, articles, books, films, songs and campaigns are not quotations.

A passage between quotation marks is a title when its words are written in title case ("The Internet
Explorer 6 Countdown"), or when the words before it introduce a name: `an essay titled "Can iTunes
Resurrect Old Time TV?"`, `under the headline "..."`, `a video called "Fake footage of ..."`, `dubbed the
conflict: "Scientology vs. the Internet, part XVII"`. After a naming verb the quoted words must look like
a name (a capital first, a few words); "called" and "named" also report what someone said (`what he called
"the post crisis world"`, `Obama called the plan "A disaster"`), so they must not follow their own subject.
"""

from __future__ import annotations

import re

from worker.stages.parse_lexicon import words

# A title recognised by its capitals alone ("The Internet Explorer 6 Countdown") is short.
MAX_TITLE_CHARS = 80
MAX_INTRODUCED_TITLE_CHARS = 200  # a headline after "titled" can be a whole sentence
MAX_NAME_WORDS = 12  # a name after "called" is a phrase, not a passage
MAX_OBJECT_WORDS = 20  # a guard: the named object is one phrase without a clause break

# Articles and prepositions, left in lower case inside a title written in title case ("Frost over the
# World"); not "but" or "or", which also join the capitalised names of a short sentence ("No Lord but God").
_SMALL_WORDS = words("of the and in for on a an to at by with & vs from into onto over per via")
_WORD = re.compile(r"[\w'’\-]+")

# The name follows these at once (after a comma or colon at most): a headline can be any phrase.
# (Not after "the film" or "the song": `denouncing the film "flagrantly misrepresents ..."`.)
# Matched at the end of the words before the quote once their trailing spaces, commas and colons are cut:
# a search from a few characters before that end costs far less than one over the whole stretch.
_TITLE_INTRODUCED = re.compile(
    r"\b(?:(?:sub)?titled|entitled|headlined|headline|title|slogan|motto|hashtag|under the (?:name|banner))\Z",
    re.IGNORECASE,
)
_LONGEST_INTRODUCER = len("under the banner")
# How every match of _TITLE_INTRODUCED ends, lowercased ("subtitled" and "entitled" end as "titled").
_INTRODUCER_ENDINGS = (
    "titled",
    "headlined",
    "headline",
    "title",
    "slogan",
    "motto",
    "hashtag",
    "under the name",
    "under the banner",
)
# A naming verb, with the object it names before the quote: `called "X"`, `dubbed the conflict: "X"`.
_NAMING_VERB = re.compile(r"\b(?:called|named|dubbed|nicknamed|christened|known as)\b", re.IGNORECASE)
# Pieces of every naming verb, one of which the lowered words before a quote hold wherever the verb
# stands; pieces without "i", "k" or "s", whose case-insensitive matches reach beyond ASCII.
_NAMING_VERB_PIECE = re.compile("called|named|dubbed|tened|nown a")
_VERBS_ALSO_REPORTING = frozenset(["called", "named"])
# The named object is one phrase: no clause break, no other quotation, not `called for` or `called on`,
# and not one that ends in an article (`called him a "..."` describes him in the speaker's words).
_NOT_ONE_OBJECT = re.compile(
    r"[.!?;,\"“”()]|^\s*(?:for|on|upon|off|out|in|up|back)\b|\b(?:a|an)$", re.IGNORECASE
)
# A naming verb after these has its own subject or is a reporting verb: `what he called "..."`.
_SUBJECT_OR_AUXILIARY = words("i you he she it we they who what which that have has had so also")
_LOOK_BEHIND_CHARS = 160


def is_title(text: str, start: int, inner: str) -> bool:
    """Whether the marked passage opening at `start`, with `inner` between its marks, is a title."""
    if len(inner) < MAX_TITLE_CHARS and _title_case(inner):
        return True
    if len(inner) > MAX_INTRODUCED_TITLE_CHARS:
        return False
    before = text[max(0, start - _LOOK_BEHIND_CHARS) : start]
    end = len(before)
    while end and (before[end - 1] in ",:" or before[end - 1].isspace()):
        end -= 1  # the marks and spaces that may stand between an introducing word and the quote
    if _introduced(before, max(0, end - _LONGEST_INTRODUCER), end):
        return True
    return _named(before, inner)


def _introduced(before: str, start: int, end: int) -> bool:
    """Whether before[start:end] ends in a word that introduces a title. An ASCII stretch that does not
    end as one of them lowercased cannot match: checking that spares the case-insensitive search."""
    tail = before[start:end]
    if tail.isascii() and not tail.lower().endswith(_INTRODUCER_ENDINGS):
        return False
    return _TITLE_INTRODUCED.search(before, start, end) is not None


def _title_case(inner: str) -> bool:
    """Quoted words that are a name ("Elite Eight", "The Internet Explorer 6 Countdown").

    The words are read one by one: a quotation is told apart at its first word in lower case.
    """
    content = False
    for match in _WORD.finditer(inner):
        word = match.group()
        if word.lower() in _SMALL_WORDS:
            continue
        if not (word[0].isupper() or word[0].isdigit()):
            return False
        content = True
    return content


def _named(before: str, inner: str) -> bool:
    """`a video called "Fake footage"`: a naming verb, not after its subject, then a short name."""
    if not inner.lstrip()[:1].isupper() or len(inner.split()) > MAX_NAME_WORDS:
        return False
    if not _NAMING_VERB_PIECE.search(before.lower()):
        return False
    verbs = list(_NAMING_VERB.finditer(before))
    if not verbs:
        return False
    verb = verbs[-1]  # the one nearest the quote
    named_object = before[verb.end() :].rstrip(" \t\n,:")
    if _NOT_ONE_OBJECT.search(named_object) or len(named_object.split()) > MAX_OBJECT_WORDS:
        return False
    if verb.group().lower() not in _VERBS_ALSO_REPORTING:
        return True
    preceding = before[: verb.start()].split()
    word = preceding[-1].strip(",:-") if preceding else ""
    return word.lower() not in _SUBJECT_OR_AUXILIARY and not word[:1].isupper()
