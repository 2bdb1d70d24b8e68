"""Time expressions: extents, TimeML values, resolution against the publication date and direction."""

from __future__ import annotations

from datetime import date

import pytest

from schemas import Offsets, TimeExpression
from worker.stages.enrich.dates import extract_dates
from worker.stages.enrich.dates_context import Context, Found
from worker.stages.sentences import paragraphs, sentences

PUBLISHED = date(2019, 12, 19)  # a Thursday


def _dates(text: str, published: date | None = PUBLISHED) -> list[TimeExpression]:
    spans = [Offsets(start=start, end=end) for start, end in sentences(text, paragraphs(text))]
    return extract_dates(text, spans, published)


def _values(text: str, published: date | None = PUBLISHED) -> dict[str, str]:
    return {found.text: found.value for found in _dates(text, published)}


def _one(text: str, published: date | None = PUBLISHED) -> TimeExpression:
    found = _dates(text, published)
    assert len(found) == 1, found
    return found[0]


def test_extract_dates_seed_excerpt() -> None:
    """The seed's dates: Monday before a Thursday publication, that Thursday, the end of 2019, 2018."""
    text = (
        "Russia and China tabled a draft resolution at the council on Monday that would ease sanctions. "
        "The vice minister said in a press conference on Thursday that talks could resume.\n\n"
        "Pyongyang has taken several steps since 2018 to show goodwill. It set the end of 2019 as the "
        "deadline for Washington. Earlier this month, its ambassador said talks were over."
    )
    found = {expression.text: expression for expression in _dates(text)}
    assert found["Monday"].value == "2019-12-16"
    assert found["Monday"].direction == "past"
    assert found["Thursday"].value == "2019-12-19"
    assert found["Thursday"].direction == "same"
    assert found["2018"].value == "2018"
    assert found["the end of 2019"].value == "2019"
    assert found["Earlier this month"].value == "2019-12"
    assert found["Earlier this month"].direction == "past"


def test_extract_dates_offsets_index_the_text() -> None:
    """Every expression's text is exactly the text at its offsets."""
    text = "Talks were held on March 3, 2009 and again last week; more will follow next month."
    for found in _dates(text):
        assert text[found.start : found.end] == found.text


@pytest.mark.parametrize(
    ("sentence", "value", "direction"),
    [
        ("The committee met on Monday.", "2019-12-16", "past"),
        ("The committee will vote on Monday.", "2019-12-23", "future"),
        ("The committee is set to vote on Tuesday.", "2019-12-24", "future"),
        ("The couple will be buried on Sunday.", "2019-12-22", "future"),
        ("Winds on Saturday may bring rain.", "2019-12-21", "future"),
        ("The committee voted on Thursday.", "2019-12-19", "same"),
        ("The committee will vote next Thursday.", "2019-12-26", "future"),
        ("The committee voted last Thursday.", "2019-12-12", "past"),
    ],
)
def test_extract_dates_weekday_direction_from_tense(sentence: str, value: str, direction: str) -> None:
    """A weekday is the one before publication unless the sentence speaks of the future."""
    found = _one(sentence)
    assert (found.value, found.direction) == (value, direction)


def test_extract_dates_weekday_agrees_with_a_following_date() -> None:
    """In "on Friday, September 16" the weekday takes the stated date, not the last Friday."""
    assert (
        _values("The blockade starts on Friday, September 16.", date(2005, 9, 14))["Friday"] == "2005-09-16"
    )


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("today", "2019-12-19"),
        ("yesterday", "2019-12-18"),
        ("tomorrow", "2019-12-20"),
        ("this morning", "2019-12-19TMO"),
        ("last week", "2019-W50"),
        ("this week", "2019-W51"),
        ("next week", "2019-W52"),
        ("last month", "2019-11"),
        ("next month", "2020-01"),
        ("this year", "2019"),
        ("last year", "2018"),
        ("next year", "2020"),
        ("two years ago", "2017"),
        ("three days ago", "2019-12-16"),
        ("the first quarter", "2019-Q1"),
        ("the last quarter", "2019-Q3"),
        ("last summer", "2019-SU"),
        ("the end of the year", "2019"),
    ],
)
def test_extract_dates_relative_values(phrase: str, value: str) -> None:
    """Relative expressions resolve against the publication date to TimeML values."""
    found = _one(f"It happened {phrase}, officials said.")
    assert (found.text, found.value, found.type) == (phrase, value, "DATE")
    assert found.resolution == "publication_date"


@pytest.mark.parametrize(
    ("text", "extent", "value", "granularity"),
    [
        ("It opened on 2009-03-03 in Paris.", "2009-03-03", "2009-03-03", "day"),
        ("It opened on March 3, 2009 in Paris.", "March 3, 2009", "2009-03-03", "day"),
        ("It opened on 3 March 2009 in Paris.", "3 March 2009", "2009-03-03", "day"),
        ("It opened in March 2009 in Paris.", "March 2009", "2009-03", "month"),
        ("It opened in 2009 in Paris.", "2009", "2009", "year"),
        ("It opened in the 1990s in Paris.", "the 1990s", "199", "decade"),
        ("It opened in the 19th century in Paris.", "the 19th century", "18", "century"),
        ("Sales fell in the first quarter of 2009.", "the first quarter of 2009", "2009-Q1", "quarter"),
        ("It will open in mid-2011.", "mid-2011", "2011", "year"),
        ("It opened on 7/8/07 in Paris.", "7/8/07", "2007-07-08", "day"),
    ],
)
def test_extract_dates_explicit_values(text: str, extent: str, value: str, granularity: str) -> None:
    """Explicit dates keep their own value whatever the publication date."""
    found = _one(text)
    assert (found.text, found.value, found.granularity, found.resolution) == (
        extent,
        value,
        granularity,
        "explicit",
    )


def test_extract_dates_month_day_without_year_takes_the_nearest_year() -> None:
    """A month-day without a year is the one nearest the publication date."""
    assert _values("The vote was on December 2.")["December 2"] == "2019-12-02"
    assert _values("The vote is on January 5.")["January 5"] == "2020-01-05"


def test_extract_dates_bare_month_direction() -> None:
    """A bare month is the latest one before publication, or the next one when the sentence looks ahead."""
    assert _values("Sales fell in March.")["March"] == "2019-03"
    assert _values("Sales will recover in March.")["March"] == "2020-03"


def test_extract_dates_without_publication_date_are_unanchored() -> None:
    """With no publication date relative expressions get reference or underspecified values."""
    values = {found.text: (found.value, found.resolution) for found in _dates(
        "Yesterday the board met. It meets again on Monday and in March. Sales rose last year.", None
    )}  # fmt: skip
    assert values["Yesterday"] == ("PAST_REF", "unanchored")
    assert values["Monday"] == ("XXXX-WXX-1", "unanchored")
    assert values["March"] == ("XXXX-03", "unanchored")
    assert values["last year"] == ("PAST_REF", "unanchored")


@pytest.mark.parametrize(
    ("text", "extent", "value"),
    [
        ("The plan runs for two years.", "two years", "P2Y"),
        ("The flight lasted thirty minutes.", "thirty minutes", "PT30M"),
        ("It signed a 27-year contract.", "27-year", "P27Y"),
        ("It is almost two and a half years late.", "two and a half years", "P2.5Y"),
        ("It was delayed several years.", "several years", "PXY"),
        ("Cuts are due over the next four years.", "the next four years", "P4Y"),
        ("It was the best result in the past decade.", "the past decade", "P10Y"),
    ],
)
def test_extract_dates_durations(text: str, extent: str, value: str) -> None:
    """Durations carry ISO 8601 period values."""
    found = _one(text)
    assert (found.text, found.type, found.value) == (extent, "DURATION", value)


def test_extract_dates_sets_and_times() -> None:
    """Rates are SETs; clock times are TIMEs on the publication day."""
    found = {expression.text: expression for expression in _dates(
        "Planes arrive at 15 a year. The jet landed at 6:40 p.m. and left at 18:00 UTC."
    )}  # fmt: skip
    assert (found["a year"].type, found["a year"].value) == ("SET", "P1Y")
    assert (found["6:40 p.m."].type, found["6:40 p.m."].value) == ("TIME", "2019-12-19T18:40")
    assert found["18:00 UTC"].value == "2019-12-19T18:00Z"


def test_extract_dates_clock_time_takes_the_day_named_before_it() -> None:
    """In "flew on Tuesday at 18:00 UTC" the time is on that Tuesday."""
    assert _values("The jet flew on Tuesday at 18:00 UTC.")["18:00 UTC"] == "2019-12-17T18:00Z"


@pytest.mark.parametrize(
    "text",
    [
        "The union has 2000 members and 1500 cars.",
        "Prices may fall as investors march on.",
        "The 2,015 votes were counted.",
        "Artist Johnnie Christmas drew the cover.",
        "It is a 2000 year old tradition.",
        "A 15-year-old boy was hurt.",
        "He won for a second time.",
        "They swam in the Mar Menor lagoon.",
    ],
)
def test_extract_dates_ignores_numbers_and_words_that_are_not_dates(text: str) -> None:
    """Counts, the verb "may", surnames, ages, ordinals and look-alike names are not time expressions."""
    assert _dates(text) == []


def test_extract_dates_weekend_follows_the_tense() -> None:
    """On a Thursday "this weekend" is the one just past in a report, the coming one in a plan."""
    assert _values("Protests took place this weekend.")["this weekend"] == "2019-W50-WE"
    assert _values("Talks will resume this weekend.")["this weekend"] == "2019-W51-WE"
    assert _values("Crowds gathered over the weekend.")["weekend"] == "2019-W50-WE"


def test_extract_dates_month_day_follows_the_tense() -> None:
    """A month-day months away lies on the side the verb points to."""
    assert _values("The quake struck on March 3.")["March 3"] == "2019-03-03"
    assert _values("The summit will open on March 3.")["March 3"] == "2020-03-03"
    assert _values("It announced an event to be held on December 28.")["December 28"] == "2019-12-28"


def test_extract_dates_anchored_on_the_last_named_day() -> None:
    """ "The next day" and "that morning" count from the last day the article named."""
    found = {expression.text: expression for expression in _dates(
        "The quake struck on March 3. The next day, rescuers arrived. That morning it rained."
    )}  # fmt: skip
    assert found["The next day"].value == "2019-03-04"
    assert found["The next day"].resolution == "previous_date"
    assert found["That morning"].value == "2019-03-04TMO"


@pytest.mark.parametrize(
    ("text", "extent", "value"),
    [
        ("Prices will rise early next year.", "early next year", "2020"),
        ("It happened in the late 1970s.", "the late 1970s", "197"),
        ("It has grown in recent years.", "recent years", "PXY"),
        ("It landed at 1930 GMT.", "1930 GMT", "2019-12-19T19:30Z"),
        ("It will fall over the next few weeks.", "the next few weeks", "PXW"),
        ("Profit rose in fiscal 2009.", "fiscal 2009", "FY2009"),
        ("Sales doubled in the first half of the year.", "the first half of the year", "2019-H1"),
        ("It happened this past week.", "this past week", "2019-W50"),
        ("Rescuers came five hours later.", "five hours", "PT5H"),
        ("The vote was held late Tuesday.", "late Tuesday", "2019-12-17"),
    ],
)
def test_extract_dates_more_forms(text: str, extent: str, value: str) -> None:
    """Modified relative periods and weekdays, decades, vague durations, fiscal years, clock times."""
    found = _one(text)
    assert (found.text, found.value) == (extent, value)


def test_extract_dates_absurd_amounts_do_not_fail() -> None:
    """Amounts past the calendar give a reference value instead of an error."""
    assert _values("It began 9999 years ago.")["9999 years ago"] == "PAST_REF"
    assert _values("It began 5000 days ago.")["5000 days ago"] == "2006-04-11"


def test_extract_dates_year_earlier_counts_from_the_story() -> None:
    """ "a year later" counts from the last date named; "a year earlier" without one from publication."""
    assert _values("He joined on March 3, 2005 and left a year later.")["a year later"] == "2006"
    assert _values("Profit rose from a year earlier.")["a year earlier"] == "2018"


def test_extract_dates_year_ranges_give_both_years() -> None:
    """Both years of "2009-2011" are dates."""
    assert _values("The plan ran 2009-2011.") == {"2009": "2009", "2011": "2011"}


def test_extract_dates_year_carried_within_the_sentence() -> None:
    """A month-day without a year takes a year written earlier in the same sentence; a bare month not."""
    values = _values("He backed the act in 2001 after the attacks of September 11. It passed on October 26.")
    assert values["September 11"] == "2001-09-11"
    assert values["October 26"] == "2019-10-26"
    assert _values("Sales since its launch in 2003 rose, as of March, to ten million.")["March"] == "2019-03"


def test_context_starts_without_a_remembered_day_or_year_and_finds_the_sentence_year() -> None:
    text = "In 2001 it began. On May 2 it ended."
    ctx = Context(text, [Offsets(start=0, end=17), Offsets(start=18, end=len(text))], PUBLISHED)
    assert (ctx.text, ctx.published, ctx.last_day, ctx.last_year) == (text, PUBLISHED, None, None)
    ctx.last_year = (2001, 7)
    assert ctx.year_in_sentence(5) == 2001
    assert ctx.year_in_sentence(25) is None


def test_found_has_no_direction_unless_given() -> None:
    found = Found(3, 7, "DATE", "2001", "year", "explicit")
    assert (found.start, found.end, found.value, found.direction) == (3, 7, "2001", None)
    assert Found(0, 6, "DATE", "2019-12-16", "day", "publication_date", "past").direction == "past"
