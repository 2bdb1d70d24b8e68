"""The `date ...` header of the seed format: recognised, read as a calendar date, and cut off the body.

Accepted at the very start of the text, after optional whitespace, case-insensitive, with an optional colon:
`date 2019-12-19`, `date: 2019/12/19`, `date: 19 December 2019`, `Date: December 19, 2019`, `date Dec. 19 2019`,
also with a weekday before and a time after, as feeds write them (`Date: Thu, 19 Dec 2019 10:30:00 +0000`,
`date 2019-12-19T10:30:00Z`); the time is not kept, since `published` is a calendar date. The header may sit
on a line of its own or share its line with the first sentence (the seed does).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<{g}>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_ISO = r"(?P<iy>\d{4})[-/.](?P<im>\d{1,2})[-/.](?P<id>\d{1,2})"
_DAY_FIRST = r"(?P<dd>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH.format(g="dm") + r",?\s+(?P<dy>\d{4})"
_MONTH_FIRST = _MONTH.format(g="mm") + r"\s+(?P<md>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<my>\d{4})"

_WEEKDAY = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?[ \t]+"
_TIME = (
    r"(?:(?:T|,?[ \t]+(?:at[ \t]+)?)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[ \t]*[ap]\.?m\.?)?"
    r"(?:[ \t]*(?:Z|UTC|GMT|[+-]\d{2}:?\d{2}))?)?"
)
# The date must end at a word boundary: "date 2019-12-19China" is not a header, "date 2019-12-19 China" is.
_HEADER = re.compile(
    rf"\A\ufeff?\s*date\s*:?[ \t]*(?:{_WEEKDAY})?(?:{_ISO}|{_DAY_FIRST}|{_MONTH_FIRST}){_TIME}(?![\w-])\s*",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Header:
    """A recognised header: the date it names and where the body text starts after it."""

    published: date | None
    body_start: int


def read_header(text: str) -> Header | None:
    """The header at the start of `text`, or None when the text does not start with one.

    A header whose date does not exist on the calendar (`date 2019-02-30`) is still cut off the body, since it
    is clearly metadata and not prose, but yields no date.
    """
    match = _HEADER.match(text)
    if match is None:
        return None
    return Header(published=_header_date(match), body_start=match.end())


def _header_date(match: re.Match[str]) -> date | None:
    groups = match.groupdict()
    if groups["iy"]:
        year, month, day = int(groups["iy"]), int(groups["im"]), int(groups["id"])
    elif groups["dy"]:
        year, month, day = int(groups["dy"]), _month_number(groups["dm"]), int(groups["dd"])
    else:
        year, month, day = int(groups["my"]), _month_number(groups["mm"]), int(groups["md"])
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_number(name: str) -> int:
    return _MONTHS[name[:3].lower()]
