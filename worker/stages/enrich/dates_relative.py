"""Resolvers of expressions relative to the publication date (today, on Monday, last week, two years
ago, the first quarter) and of references (recently).

Without a publication date a relative expression is kept, with a TimeML reference value (PAST_REF,
PRESENT_REF, FUTURE_REF) or an underspecified one (`XXXX-WXX-1` for "Monday") and resolution "unanchored".
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from schemas.enrichment import Resolution
from worker.stages.enrich.dates_anchored import resolve_weekend
from worker.stages.enrich.dates_calendar import (
    Direction,
    closest_day,
    direction_between,
    month_value,
    quarter_of,
    quarter_value,
    shift_months,
    shift_quarters,
    week_value,
    weekday_date,
)
from worker.stages.enrich.dates_context import Context, Found
from worker.stages.enrich.dates_durations import duration_value, granularity_of, unit_name
from worker.stages.enrich.dates_lexicon import (
    MONTH_PATTERN,
    MONTHS,
    ORDINALS,
    PARTS_OF_DAY,
    SEASONS,
    WEEKDAYS,
)
from worker.stages.enrich.dates_numbers import amount_of

_MONTH_DAY_AFTER = re.compile(
    rf",?\s+(?:(?P<m1>{MONTH_PATTERN})\s+(?P<d1>[0-9]{{1,2}})"
    rf"|(?P<d2>[0-9]{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{MONTH_PATTERN}))"
)
_REFERENCE = {"past": "PAST_REF", "future": "FUTURE_REF", "same": "PRESENT_REF"}
_OFFSETS = {
    "this": 0, "current": 0, "last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1,
    "this past": -1, "this coming": 1,
}  # fmt: skip
# "this past Monday" is last Monday; "early Monday" is Monday, read by the tense like a bare weekday.
_WEEKDAY_MODIFIERS = {
    "this past": "last", "this coming": "next", "last": "last", "past": "past", "next": "next",
    "coming": "coming", "this": "this",
}  # fmt: skip
_DIRECTIONS: dict[int, Direction] = {-1: "past", 0: "same", 1: "future"}
_CALENDAR_UNITS = frozenset({"year", "month", "quarter", "decade", "century"})
_SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
# "the last quarter" is one calendar quarter, where "the last year" is a stretch of twelve months.
_DATE_UNITS = frozenset({"quarter", *SEASONS})


def resolve_deictic(match: re.Match[str], ctx: Context) -> Found | None:
    """today, yesterday, tomorrow, tonight, this morning, last night."""
    start, end = match.span("deictic")
    words = match["deictic"].lower().split()
    offset = {"yesterday": -1, "tomorrow": 1, "last": -1}.get(words[0], 0)
    part = PARTS_OF_DAY.get(words[-1], "")
    direction = _DIRECTIONS[offset]
    if ctx.published is None:
        return Found(start, end, "DATE", _REFERENCE[direction], "day", "unanchored", direction)
    day = ctx.published + timedelta(days=offset)
    ctx.last_day = day
    value = day.isoformat() + (f"T{part}" if part else "")
    return Found(start, end, "DATE", value, "day", "publication_date", direction)


def resolve_weekday(match: re.Match[str], ctx: Context) -> Found | None:
    """on Monday (the one before, unless the sentence speaks of the future), last/next/this Monday."""
    start, end = match.span("weekday")
    weekday = WEEKDAYS[match["wd_name"].lower()]
    modifier = _WEEKDAY_MODIFIERS.get(" ".join((match["wd_rel"] or "").lower().split()), "")
    if ctx.published is None:
        return Found(start, end, "DATE", f"XXXX-WXX-{weekday + 1}", "day", "unanchored")
    stated = _stated_date_after(ctx, end)
    if stated is not None and stated.weekday() == weekday:
        ctx.last_day = stated
        direction_read = direction_between(ctx.published, stated)
        return Found(start, end, "DATE", stated.isoformat(), "day", "publication_date", direction_read)
    direction = None if modifier else ctx.direction(start, end)
    day, read_as = weekday_date(ctx.published, weekday, direction, modifier)
    ctx.last_day = day
    return Found(start, end, "DATE", day.isoformat(), "day", "publication_date", read_as)


def _stated_date_after(ctx: Context, position: int) -> date | None:
    """The date of "Friday, September 16" when a month-day follows the weekday, so that both agree."""
    match = _MONTH_DAY_AFTER.match(ctx.text, position)
    if match is None or ctx.published is None:
        return None
    month = MONTHS[(match["m1"] or match["m2"]).lower().rstrip(".")]
    return closest_day(ctx.published, month, int(match["d1"] or match["d2"]))


def resolve_relative(match: re.Match[str], ctx: Context) -> Found | None:
    """this week, last month, next year, earlier this month, the last quarter; "the past decade" and
    "the next year" name a stretch of time, so they are durations."""
    start, end = match.span("relative")
    which = " ".join(match["rel_which"].lower().split())
    unit = match["rel_unit"].lower()
    offset = _OFFSETS[which]
    if (
        match["rel_the"]
        and which not in {"previous", "following"}
        and offset != 0
        and unit not in _DATE_UNITS
    ):
        return Found(start, end, "DURATION", duration_value(1, unit), granularity_of(unit), "explicit")
    direction = _DIRECTIONS[offset]
    adverb = (match["rel_adv"] or "").strip().lower()
    if adverb in {"earlier", "later"}:
        direction = "past" if adverb == "earlier" else "future"
    if unit == "weekend" and which == "this" and ctx.published is not None:
        # "this weekend" said on a weekday is the one just past when the sentence reports the past.
        return resolve_weekend(match, ctx, start, end)
    anchor = ctx.published
    resolution: Resolution = "publication_date"
    if which in {"following", "previous"} and ctx.last_day is not None:
        anchor, resolution = ctx.last_day, "previous_date"
    if anchor is None:
        return Found(start, end, "DATE", _REFERENCE[direction], granularity_of(unit), "unanchored", direction)
    value = _shifted_period(anchor, unit, offset)
    return Found(start, end, "DATE", value, granularity_of(unit), resolution, direction)


def resolve_period_relative(match: re.Match[str], ctx: Context) -> Found | None:
    """the end of the year, the beginning of next month, year end: the value of the period itself (TimeML
    keeps "end" or "beginning" as a modifier outside the value); the first half of the year: `2019-H1`."""
    start, end = match.span("period_rel")
    words = match["period_rel"].lower().replace("-", " ").split()
    unit = match["pr_unit"].lower() if match["pr_unit"] else "year"
    offset = {"next": 1, "last": -1}.get(words[-2], 0) if len(words) > 2 else 0
    if ctx.published is None:
        return Found(start, end, "DATE", _REFERENCE[_DIRECTIONS[offset]], granularity_of(unit), "unanchored")
    value = _shifted_period(ctx.published, unit, offset)
    if match["pr_half"] and unit == "year":
        value += "-H1" if match["pr_half"].lower() == "first" else "-H2"
    return Found(start, end, "DATE", value, granularity_of(unit), "publication_date", _DIRECTIONS[offset])


def resolve_ago(match: re.Match[str], ctx: Context) -> Found | None:
    """two years ago -> the year two years before publication; a vague amount gives PAST_REF.

    "a year earlier" / "a month later" count from the last date the article named (else the publication
    date); with a shorter unit ("five hours earlier", "two days later") only the amount is an expression,
    a duration, as TimeML annotates it.
    """
    start, end = match.span("ago")
    amount = amount_of(match["ago_n"])
    unit = unit_name(match["ago_u"])
    granularity = granularity_of(unit)
    told_from_story = match["ago_dir"].lower() != "ago"
    if told_from_story and unit not in _CALENDAR_UNITS:
        end = match.end("ago_u")
        return Found(start, end, "DURATION", duration_value(amount, unit), granularity, "explicit")
    sign = -1 if match["ago_dir"].lower() != "later" else 1
    direction: Direction = "past" if sign < 0 else "future"
    anchor = (ctx.last_day or ctx.published) if told_from_story else ctx.published
    resolution: Resolution = "previous_date" if told_from_story and ctx.last_day else "publication_date"
    if anchor is None or amount is None or amount != int(amount):
        return Found(start, end, "DATE", _REFERENCE[direction], granularity, "unanchored", direction)
    try:
        value = _ago_value(anchor, -sign * int(amount), unit)
    except (OverflowError, ValueError):  # "99999999 days ago" lies before the calendar's first day
        return Found(start, end, "DATE", _REFERENCE[direction], granularity, "unanchored", direction)
    return Found(start, end, "DATE", value, granularity, resolution, direction)


def resolve_quarter(match: re.Match[str], ctx: Context) -> Found | None:
    """the first quarter (of the current year, or of the last one when it has not begun yet); Q1 2009."""
    start, end = match.span("quarter")
    if match["q_code"]:
        return Found(
            start,
            end,
            "DATE",
            quarter_value(int(match["q_year"]), int(match["q_code"][1])),
            "quarter",
            "explicit",
        )
    quarter = ORDINALS[match["q_ord"].lower()]
    if ctx.published is None:
        return Found(start, end, "DATE", f"XXXX-Q{quarter}", "quarter", "unanchored")
    year = ctx.published.year
    current = quarter_of(ctx.published)
    direction = ctx.direction(start, end)
    if direction == "future" and quarter < current:
        year += 1
    elif direction != "future" and quarter > current:
        year -= 1
    return Found(start, end, "DATE", quarter_value(year, quarter), "quarter", "publication_date", direction)


def resolve_reference(match: re.Match[str], ctx: Context) -> Found | None:
    start, end = match.span("ref")
    return Found(start, end, "DATE", "PAST_REF", "none", "unanchored", "past")


def _shifted_period(anchor: date, unit: str, offset: int) -> str:
    """The TimeML value of the `unit` (week, month, ...) `offset` units from the anchor's."""
    if unit in {"week", "weekend"}:
        value = week_value(anchor + timedelta(weeks=offset))
        return value + "-WE" if unit == "weekend" else value
    if unit == "month":
        return month_value(*shift_months(anchor.year, anchor.month, offset))
    if unit == "quarter":
        return quarter_value(*shift_quarters(anchor.year, quarter_of(anchor), offset))
    if unit == "decade":
        return str(anchor.year // 10 + offset)
    if unit == "century":
        return str(anchor.year // 100 + offset)
    if unit in SEASONS:
        return _season_value(anchor, SEASONS[unit], offset)
    return str(anchor.year + offset)


def _season_value(anchor: date, season: str, offset: int) -> str:
    """this/last/next summer: the season of the anchor's year, or the latest past or next future one."""
    year = anchor.year
    begun = anchor.month >= _SEASON_MONTHS[season]
    if offset < 0 and not (begun and anchor.month >= _SEASON_MONTHS[season] + 3):
        year -= 1
    elif offset > 0 and begun:
        year += 1
    return f"{year}-{season}"


def _ago_value(published: date, amount: int, unit: str) -> str:
    """The value `amount` units before `published` (a negative amount goes forward)."""
    if unit in {"year", "decade", "century"}:
        year = published.year - amount * {"year": 1, "decade": 10, "century": 100}[unit]
        if year < 1:
            raise ValueError(f"{amount} {unit}s before {published} is before year 1")
        return f"{year:04d}"
    if unit == "month":
        return month_value(*shift_months(published.year, published.month, -amount))
    if unit in {"week", "weekend", "fortnight"}:
        return week_value(published - timedelta(weeks=amount * (2 if unit == "fortnight" else 1)))
    if unit == "quarter":
        return quarter_value(*shift_quarters(published.year, quarter_of(published), -amount))
    days = amount if unit == "day" else amount // {"hour": 24, "minute": 1440, "second": 86400}[unit]
    return (published - timedelta(days=days)).isoformat()
