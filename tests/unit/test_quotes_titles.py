"""Quoted titles: names of posts, articles, films and campaigns are told apart from quotations."""

from __future__ import annotations

import pytest

from worker.stages.enrich.quotes_titles import is_title


def _title(text: str) -> bool:
    """Whether the first marked passage of `text` is taken for a title."""
    start = text.index('"')
    return is_title(text, start, text[start + 1 : text.index('"', start + 1)])


@pytest.mark.parametrize(
    "text",
    [
        'He wrote in a blog post titled "Scientology vs. the Internet, part XVII" on Monday.',
        'The paper ran an article entitled "Secret papers show Blair was warned of Iraq chaos" in 2004.',
        'The memo went out with the title "Policy planning ahead of the visit" last week.',
        'A second video is called "Fake footage of the bombing at the museum" by its maker.',
        'The columnist dubbed the long conflict over the video: "Scientology vs. the Internet, part XVII".',
        'Viewers saw the show "The Internet Explorer 6 Countdown" at once.',
        'The first episode of "Frost over the World" aired on Friday.',
    ],
)
def test_is_title_finds_titles_by_the_words_before_them_or_their_capitals(text: str) -> None:
    """After titled, entitled, headline, title or a naming verb, or written in title case: a title."""
    assert _title(text)


@pytest.mark.parametrize(
    "text",
    [
        'The launch was what Jobs called "the biggest change in the line ever."',
        'Obama called the plan "A disaster for the working families of this country" on Monday.',
        'He allegedly called the driver a "Tainui thief and liar," police said.',
        'The minister called on residents to "Stay inside your homes until the storm has passed".',
        'Protesters shouted that there is "No Lord but Jesus Christ", adding insults.',
        'A statement denouncing the film said it "flagrantly misrepresents my personal actions."',
        'He said "We will win this match and the next one." Then he left.',
    ],
)
def test_is_title_keeps_quotations_that_follow_a_speaker_or_describe(text: str) -> None:
    """Quoted words after their speaker's own naming verb, after "called on", after an article, or a
    short sentence of capitalised names stay quotations."""
    assert not _title(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('A post under the banner:\n "Down with the dam that floods our valley" went up.', True),
        ('He wrote a piece titled ,  "why the dam must go now, said the author" last week.', True),
        ('The essay was retitled "why the dam must go now, said the author" later on.', False),
        ('A dam KNOWN AS "Old Grey" holds the lake.', True),
    ],
)
def test_is_title_reads_the_words_just_before_the_marks(text: str, expected: bool) -> None:
    """An introducing word counts up to the marks across spaces, commas and colons, and only whole."""
    assert _title(text) is expected
