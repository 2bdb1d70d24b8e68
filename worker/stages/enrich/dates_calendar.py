"""Calendar arithmetic for resolving time expressions, and their TimeML value strings."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal

Direction = Literal["past", "future", "same"]

# A month-day within two weeks of the anchor is taken as it is, whatever the tense around it: so near,
# a misread tense is likelier than a date almost a year away.
_NEAR_DAYS = 14


def day_value(day: date) -> str:
    return day.isoformat()


def week_value(day: date) -> str:
    """The ISO week of `day` as TimeML writes it: `2019-W51`."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def quarter_value(year: int, quarter: int) -> str:
    return f"{year:04d}-Q{quarter}"


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def shift_months(year: int, month: int, months: int) -> tuple[int, int]:
    """The (year, month) `months` months after (year, month); negative goes back."""
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def shift_quarters(year: int, quarter: int, quarters: int) -> tuple[int, int]:
    index = year * 4 + (quarter - 1) + quarters
    return index // 4, index % 4 + 1


def weekday_date(
    anchor: date, weekday: int, direction: Direction | None, modifier: str
) -> tuple[date, Direction]:
    """The day named by a weekday, read from `anchor`.

    "last Monday" is the latest Monday strictly before the anchor and "next Monday" the first strictly after;
    "this Monday" is the Monday of the anchor's week. A bare weekday equal to the anchor's weekday is the
    anchor itself (news says "on Thursday" of the day it reports); otherwise it is the latest one before the
    anchor unless the sentence speaks of the future.
    """
    offset = weekday - anchor.weekday()
    if modifier == "this":
        day = anchor + timedelta(days=offset)
        return day, _direction_between(anchor, day)
    if modifier in {"next", "coming"}:
        return anchor + timedelta(days=offset % 7 or 7), "future"
    if modifier in {"last", "past"}:
        return anchor - timedelta(days=(-offset) % 7 or 7), "past"
    if offset == 0:
        return anchor, "same"
    if direction == "future":
        return anchor + timedelta(days=offset % 7), "future"
    return anchor - timedelta(days=(-offset) % 7), "past"


def month_year(anchor: date, month: int, direction: Direction | None) -> tuple[int, Direction]:
    """The year of a bare month name: the latest such month up to the anchor's, or the next one from the
    anchor's month on when the sentence speaks of the future."""
    if month == anchor.month:
        return anchor.year, "same"
    if direction == "future":
        return (anchor.year if month > anchor.month else anchor.year + 1), "future"
    return (anchor.year if month < anchor.month else anchor.year - 1), "past"


def day_in_direction(anchor: date, month: int, day: int, direction: Direction | None) -> date | None:
    """The date with this month and day nearest to the anchor, on the side the sentence points to when it
    has a tense ("it struck on March 3" in December is the March before, not the one after)."""
    nearest = closest_day(anchor, month, day)
    if nearest is None or direction is None:
        return nearest
    for year in (nearest.year - 1, nearest.year + 1):
        try:
            other = date(year, month, day)
        except ValueError:
            continue
        wrong_side = nearest > anchor if direction == "past" else nearest < anchor
        right_side = other <= anchor if direction == "past" else other >= anchor
        if wrong_side and right_side and abs((nearest - anchor).days) > _NEAR_DAYS:
            return other
    return nearest


def closest_day(anchor: date, month: int, day: int) -> date | None:
    """The date with this month and day nearest to the anchor (a month-day without a year in news
    almost always lies within half a year of the publication date)."""
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    return min(candidates, key=lambda candidate: abs((candidate - anchor).days), default=None)


def direction_between(anchor: date, day: date) -> Direction:
    return _direction_between(anchor, day)


def _direction_between(anchor: date, day: date) -> Direction:
    if day < anchor:
        return "past"
    return "future" if day > anchor else "same"
