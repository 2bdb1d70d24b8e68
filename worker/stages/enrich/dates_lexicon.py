"""The words of English time expressions and the one compiled regex that finds them all.

Each alternative of the regex is a named group whose name says which resolver reads it (see dates.py);
the group's span is the extent of the expression. Extents follow TimeML as the news corpora annotate it:
prepositions ("on", "in", "since") and possessive "'s" are left out; a determiner that belongs to the
expression itself is kept ("the end of 2019", "the first quarter", "the past decade"), but not one that
belongs to the noun the date modifies ("the 1991 agreement" -> "1991"). Month and weekday names must be
capitalised, so that the verb "may" or a "march" is never read as a date.
"""

from __future__ import annotations

import re
from functools import cache

from schemas.enrichment import Granularity
from worker.stages.parse_lexicon import words
from worker.stages.regex_trie import trie_pattern

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}  # fmt: skip
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
# Unit -> (ISO 8601 duration designator, whether it belongs after the "T" of a duration, granularity).
UNITS: dict[str, tuple[str, bool, Granularity]] = {
    "second": ("S", True, "time"), "minute": ("M", True, "time"), "hour": ("H", True, "time"),
    "day": ("D", False, "day"), "week": ("W", False, "week"), "weekend": ("WE", False, "week"),
    "fortnight": ("W", False, "week"), "month": ("M", False, "month"), "quarter": ("Q", False, "quarter"),
    "year": ("Y", False, "year"), "decade": ("DE", False, "decade"), "century": ("CE", False, "century"),
}  # fmt: skip
# Fixed-date holidays: (month, day).
HOLIDAYS = {
    "christmas day": (12, 25), "christmas eve": (12, 24), "christmas": (12, 25), "new year's day": (1, 1),
    "new year's eve": (12, 31), "halloween": (10, 31), "valentine's day": (2, 14),
}  # fmt: skip

# Words that introduce a bare month or a bare year as a date ("in March", "since 2018").
DATE_PREPOSITIONS = words(
    "in since by until till through throughout during from to of before after and or between for "
    "early late mid as around on"
)
# Nouns that, after a four-digit number, show it is a count and not a year ("2000 people").
COUNTED_NOUNS = words(
    "people persons men women children troops soldiers police officers residents students workers "
    "employees jobs members votes voters cases deaths patients dollars euros pounds yen yuan rupees "
    "km kilometres kilometers metres meters miles feet ft tons tonnes units copies homes houses cars "
    "vehicles points pages words hectares acres barrels calories pilgrims fans refugees migrants "
    "prisoners year years month months day days hour hours"
)

# An abbreviation needs its period or a day after it: "Mar Menor" is a lagoon, "Mar. 3" a date.
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\.|(?=\s+[0-9])))(?![a-z])"
)
MONTH_PATTERN = _MONTH
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?![a-z])"
_DAY = r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?![0-9])"
# Not "1970s" (a decade) nor "1930 GMT" (a clock time).
_YEAR = r"(?:1[0-9]{3}|20[0-9]{2})(?![0-9]|s\b|\s+(?:UTC|GMT)\b)"
_YEAR_OF_DATE = _YEAR + r"(?!-[0-9])"  # not the start of an ISO date after "March 3, "
# Word lists first, patterns from them: the scan gate below builds prefix trees from the same lists.
_NUMBER_WORD_LIST = sorted((w for w in NUMBER_WORDS if w not in {"a", "an"}), key=len, reverse=True)
_NUMBER_WORD = "|".join(_NUMBER_WORD_LIST)
_NUMBER = (
    rf"(?:[0-9]{{1,4}}(?:\.[0-9]+)?|(?:{_NUMBER_WORD})(?:[- ](?:{_NUMBER_WORD}))?(?:\s+and\s+a\s+half)?"
    r"|a\s+(?:few|couple\s+of)|few|couple\s+of|several|a|an)"
)
_UNIT_STEMS = [
    "second",
    "minute",
    "hour",
    "day",
    "week",
    "weekend",
    "fortnight",
    "month",
    "year",
    "decade",
    "century",
    "centurie",
]
_UNIT = rf"(?:{'|'.join(_UNIT_STEMS)})s?"
_REL = r"(?:this\s+past|this\s+coming|this|last|next|past|previous|coming|current|following)"
_PERIOD_UNIT = r"(?:week|weekend|month|year|quarter|decade|century|spring|summer|autumn|fall|winter)"
_PART_WORDS = ["morning", "afternoon", "evening", "night"]
_PART = rf"(?:{'|'.join(_PART_WORDS)})"

_ALTERNATIVES = [
    # 2019-12-19, 12/19/2019, 7/8/07
    rf"(?P<iso>(?P<iso_y>{_YEAR})-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>0[1-9]|[12][0-9]|3[01])(?![0-9]))",
    r"(?P<slash>(?P<sl_m>1[0-2]|0?[1-9])/(?P<sl_d>3[01]|[12][0-9]|0?[1-9])/(?P<sl_y>[0-9]{4}|[0-9]{2})(?![0-9/]))",
    # the end of 2019, early 2009, mid-2011, the first quarter of 2009, summer 2009, March 2009
    rf"(?P<period>(?P<pe_mod>(?:[Tt]he\s+(?:very\s+)?(?:end|beginning|start|middle|close|turn)\s+of\s+)"
    rf"|(?P<pe_fiscal>(?:[Ff]iscal|[Ff]inancial)\s+(?:[Yy]ear\s+)?|FY\s?)"
    rf"|(?:[Ee]arly|[Ll]ate|[Mm]id)(?:\s+|-)|(?:[Tt]he\s+)?(?P<pe_ord>first|second|third|fourth|last|1st|2nd|3rd"
    rf"|4th)\s+(?P<pe_unit>half|quarter)\s+of\s+|(?:[Tt]he\s+)?(?P<pe_season>[Ss]pring|[Ss]ummer|[Aa]utumn"
    rf"|[Ff]all|[Ww]inter)\s+(?:of\s+)?)?(?:(?P<pe_month>{_MONTH}),?\s+)?(?P<pe_year>{_YEAR}))",
    # March 3, 2009; March 3; 3 March 2009; 3rd of March
    rf"(?P<mdy>(?P<mdy_m>{_MONTH})\s+(?P<mdy_d>{_DAY})(?:,?\s+(?P<mdy_y>{_YEAR_OF_DATE}))?)",
    rf"(?P<dmy>(?P<dmy_d>{_DAY})\s+(?:of\s+)?(?P<dmy_m>{_MONTH})(?:,?\s+(?P<dmy_y>{_YEAR_OF_DATE}))?)",
    # the 1990s, the '90s, the 19th century
    r"(?P<decade>(?:[Tt]he\s+)?(?:(?:[Ee]arly|[Ll]ate|[Mm]id)(?:\s+|-))?(?P<dec_y>1[0-9]{2}0|20[0-9]0)'?s(?![a-z]))",
    r"(?P<century>(?:[Tt]he\s+)?(?P<cent_n>1[0-9]|2[01])(?:st|nd|rd|th)[- ]century)",
    # today, yesterday, tonight, this morning, last night
    # (a part of the day after "yesterday" or a weekday is left out of the extent, as the corpora do)
    rf"(?P<deictic>(?i:today|tonight|yesterday|tomorrow|(?:this|last)\s+{_PART}))(?![a-z])",
    # last Monday, Monday, next Monday
    rf"(?P<weekday>(?:(?P<wd_rel>[Tt]his\s+(?:past|coming)|[Ll]ast|[Nn]ext|[Tt]his|[Cc]oming|[Pp]ast|[Ee]arly|[Ll]ate)"
    rf"\s+)?(?P<wd_name>{_WEEKDAY}))",
    # earlier this month, last week, this year, next quarter, the past decade (durations: see below)
    rf"(?P<relative>(?P<rel_adv>(?i:earlier|later|early|late)\s+)?(?P<rel_the>(?i:the)\s+)?(?P<rel_which>(?i:{_REL}))\s+"
    rf"(?P<rel_unit>(?i:{_PERIOD_UNIT}))(?![a-z]))",
    # the same day, the next morning, the day before, that day: from the last date the article named
    r"(?P<anchored>(?i:the\s+(?P<an_which>same|next|following|previous|preceding)\s+|that\s+)"
    r"(?P<an_unit>(?i:day|morning|afternoon|evening|night))(?![a-z])|(?i:the\s+day\s+(?P<an_rel>before|after))\b)",
    # (over) the weekend
    r"(?P<weekend>(?<=the )weekend)(?![a-z])",
    # the end of the year, the end of this month, year end
    r"(?P<period_rel>(?P<pr_mod>(?i:the\s+(?:very\s+)?(?:end|beginning|start|middle|close|turn|(?P<pr_half>first|second)"
    r"\s+half)\s+of\s+)(?:the|this|next|last)\s+)(?P<pr_unit>(?i:week|month|year|decade|century))(?![a-z])"
    r"|(?i:year)[- ]end)",
    # in March, early March, last March (a bare month needs a preposition before it: checked in code)
    rf"(?P<month>(?P<mo_rel>(?:[Ll]ast|[Nn]ext|[Tt]his|[Ee]arly|[Ll]ate|[Mm]id)(?:\s+|-))?(?P<mo_name>{_MONTH}))",
    # two years ago, a decade ago
    # (and "a year earlier", "a month later", told from the last date named; "two days later" is a duration)
    rf"(?P<ago>(?P<ago_n>(?i:{_NUMBER}))[- ](?P<ago_u>(?i:{_UNIT}))\s+(?P<ago_dir>(?i:ago|earlier|later)))(?![a-z])",
    # the first quarter, the fourth quarter
    r"(?P<quarter>(?i:the\s+)?(?P<q_ord>(?i:first|second|third|fourth|1st|2nd|3rd|4th))\s+(?i:quarter)"
    r"|(?P<q_code>Q[1-4])\s+(?P<q_year>20[0-9]{2}))",
    # Christmas, New Year's Day
    r"(?P<holiday>Christmas(?:\s+(?:Day|Eve))?|New\s+Year['’]s\s+(?:Day|Eve)|Halloween|Valentine['’]s\s+Day)",
    # recently (not "now" or "currently": annotators rarely mark them, and they carry no date)
    r"(?P<ref>(?i:recently|more\s+recently))(?![a-z])",
    # twice a year, every week, each Monday, annually
    rf"(?P<set>(?i:every|each|per)\s+(?:{_UNIT}|{_WEEKDAY})|(?i:annually|yearly|monthly|weekly|daily|hourly)"
    r"|(?<=[0-9] )(?:a|per)\s+(?:year|month|week|day)(?![a-z]))",
    # 18:00 UTC, 6:40 p.m., 6am, noon, midnight
    r"(?P<clock>(?P<cl_h>[01]?[0-9]|2[0-3])(?::(?P<cl_m>[0-5][0-9]))?(?:\s*(?P<cl_ap>[ap]\.?m\.?|[AP]\.?M\.?))?"
    r"(?(cl_m)|(?(cl_ap)|(?!)))(?:\s+(?:UTC|GMT|local\s+time))?(?![0-9])|(?P<cl_word>noon|midnight)"
    r"|(?P<cl_hh>[01][0-9]|2[0-3])(?P<cl_mm>[0-5][0-9])\s+(?:UTC|GMT)\b)",
    # two years, the next four years, 18 months, a week, 27-year, several years
    rf"(?P<duration>(?:(?:(?i:the)\s+)?(?i:past|last|next|first|coming|previous|following)\s+)?(?P<du_n>(?i:{_NUMBER}))"
    rf"[- ](?:more\s+)?(?P<du_u>(?i:{_UNIT}))(?![a-z])(?![- ]old)|(?P<du_vague>(?i:decades|years|months)(?=[- ]long)"
    r"|(?i:over\s+the\s+years|recent\s+(?:years|months|weeks|days))))",
]

# Words that can open an expression whatever follows them (the gate below needs no second word for them).
_STANDALONE_FIRST_WORDS = words(
    "today tonight yesterday tomorrow annually yearly monthly weekly daily hourly noon midnight earlier "
    "later weekend"
)
_MONTH_ABBREVIATIONS = words("jan feb mar apr jun jul aug sep sept oct nov dec")


# A number starts an expression only as a year, a decade, a date or time in figures, a day before a month,
# or an amount before a time unit: "40 billion", "2,000" or "15%" are turned away at once.
_DIGIT_GATE = (
    rf"[0-9](?:[0-9]{{3}}(?![0-9])|[0-9]{{0,3}}(?:s\b|[-/:.][0-9]|(?:st|nd|rd|th)?[- ](?:of\s+)?"
    rf"(?:{_MONTH}|(?i:{_UNIT}|more|centur))|\s*(?i:[ap]\.?m\b|utc|gmt)))"
)


def _gate_branches() -> dict[str, str]:
    """A cheap necessary condition on the first word(s) of any expression, tried before the alternatives,
    as one branch per initial character.

    Python's regex engine tries every alternative at every word start; a branch that begins with a
    literal is skipped at once when the character does not fit. Grouping the first words by their
    initial letter makes the gate reject most words after such checks, so the costly alternatives run at
    a few positions per article only.
    """
    # The word lists as prefix trees, walked once rather than tried word by word: the gate is a lookahead
    # and each list ends its branch or is followed by a separator, so which word fits never matters.
    units = f"(?i:{trie_pattern(_UNIT_STEMS)})"
    unit_like = f"(?i:{trie_pattern([*_UNIT_STEMS, *_PART_WORDS, *SEASONS, 'quarter'])})"
    names = rf"(?:{_WEEKDAY}|{_MONTH})"
    number_words = f"(?i:{trie_pattern(_NUMBER_WORD_LIST)})"
    amount = f"[0-9]|(?i:{trie_pattern([*_NUMBER_WORD_LIST, 'few', 'couple', 'several'])})"
    # a number word opens an expression only before a unit: "two years", "twenty-five days", "ten-year"
    counted = rf"(?:[- ]{number_words}(?=[- ]))?(?:\s+and\s+a\s+half)?[- ](?:more\s+)?{units}"
    by_initial: dict[str, list[str]] = {}
    for word, tail in (
        (
            "the",
            r"\s+(?i:(?:very\s+)?(?:end|beginning|start|middle|close|turn|first\s+half|second\s+half)\s+of\b"
            r"|(?:first|second|third|fourth|last|1st|2nd|3rd|4th)\s+(?:quarter|half)|(?:early|late|mid)[-\s]"
            rf"|[12][0-9]|{_REL}\s+(?:{unit_like}|{names}|{amount})|spring|summer|autumn|fall|winter"
            rf"|(?:same|preceding)\s+{unit_like}|first\s+(?:{amount})|day\s+(?:before|after))",
        ),
        *((word, rf"\s+(?:{unit_like}|{names}|{amount})") for word in _REL[3:-1].split("|")),
        *(
            (word, r"(?:\s+|-)(?:[0-9]|(?i:this|last|next)\b|" + names + ")")
            for word in ("early", "late", "mid")
        ),
        ("that", r"\s+(?i:day|morning|afternoon|evening|night)"),
        *((word, r"\s+(?:[Yy]ear\s+)?[12]") for word in ("fiscal", "financial")),
        ("a", rf"n?\s+(?:(?i:few|couple)|{units})"),
        *((word, r"\s+(?i:quarter|half)") for word in ("first", "second", "third", "fourth")),
        *((word, rf"\s+(?:{units}|{_WEEKDAY})") for word in ("every", "each", "per")),
        ("more", r"\s+recently"),
        ("over", r"\s+the\s+years"),
        ("year", r"[- ]end"),
        ("recent", r"(?:ly|\s+(?:years|months|weeks|days))"),
        *((word, r"[- ]long") for word in ("decades", "years", "months")),
        *((word, r"\s+(?:of\s+)?[12]") for word in ("spring", "summer", "autumn", "fall", "winter")),
        *((word, "") for word in sorted(_STANDALONE_FIRST_WORDS)),
        *((word, counted) for word in _NUMBER_WORD_LIST),
        *((word, rf"(?:\s+|-)(?:more\s+)?{units}") for word in ("few", "several")),
    ):
        for initial in (word[0], word[0].upper()):
            by_initial.setdefault(initial, []).append(word[1:] + tail)
    for name in (
        *(name.capitalize() for name in (*MONTHS, *WEEKDAYS)),
        "Christmas",
        "New Year",
        "Halloween",
        "Valentine",
    ):
        rest = name[1:].replace(" ", r"\s+") + (
            r"(?:\.|\s+[0-9])" if name.lower() in _MONTH_ABBREVIATIONS else ""
        )
        by_initial.setdefault(name[0], []).append(rest)
    by_initial.setdefault("Q", []).append("[1-4]")
    by_initial.setdefault("F", []).append("Y")
    # One branch per initial letter as a plain literal, which the engine rejects with a single comparison
    # (a class such as [tT] costs a set lookup); lower-case initials first, since most words start so.
    ordered = sorted(by_initial.items(), key=lambda item: (item[0].isupper(), item[0]))
    branches = {initial: f"{initial}(?:{'|'.join(rests)})" for initial, rests in ordered}
    return {**branches, **dict.fromkeys("0123456789", _DIGIT_GATE)}


_GATE_BRANCHES = _gate_branches()
# An expression starts at a word, not inside one nor after a currency sign or a hyphen (the year after
# the hyphen of "2009-2011" is found by YEAR_RANGE_END, which keeps this one check per position cheap).
_START = r"(?<![\w$£€/-])"
# Each alternative by the name of its outer group (each opens with "(?P<name>").
ALTERNATIVES = {alternative[4 : alternative.index(">")]: alternative for alternative in _ALTERNATIVES}
PATTERN = re.compile(
    _START
    + "(?="
    + "|".join(
        [*(branch for initial, branch in _GATE_BRANCHES.items() if not initial.isdigit()), _DIGIT_GATE]
    )
    + ")(?:"
    + "|".join(_ALTERNATIVES)
    + r")"
)


def pattern_at(initial: str, names: frozenset[str]) -> re.Pattern[str] | None:
    """PATTERN as it reads a position whose first character is `initial`, if only the alternatives `names`
    can start there: the gate's branch for that character and those alternatives, in PATTERN's order.
    None when no expression starts with that character."""
    branch = _GATE_BRANCHES.get(initial)
    return None if branch is None else _cut_down(branch, names)


@cache
def _cut_down(branch: str, names: frozenset[str]) -> re.Pattern[str]:
    """Compiled once for all the characters that share a gate branch (the ten digits)."""
    chosen = "|".join(alternative for name, alternative in ALTERNATIVES.items() if name in names)
    return re.compile(f"{_START}(?={branch})(?:{chosen})")


YEAR_RANGE_END = re.compile(r"-(" + _YEAR + ")")
