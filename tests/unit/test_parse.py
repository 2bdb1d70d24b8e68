"""The parse stage: header, published date, title, language and the offsets it hands on."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest

from schemas import ParsedDocument, SourceDocument
from worker.stages.parse import NON_ENGLISH, parse

RECEIVED = datetime(2020, 1, 1, tzinfo=UTC)
BODY = "China says its plan is the best. Russia agreed with it on Monday."


def _parse(text: str, **fields: Any) -> ParsedDocument:
    return parse(SourceDocument(doc_id="doc-1", text=text, received_at=RECEIVED, **fields))


def _sentence_texts(doc: ParsedDocument) -> list[str]:
    return [doc.text[span.start : span.end] for span in doc.sentences]


@pytest.mark.parametrize(
    "header",
    [
        "date 2019-12-19\n",
        " date 2019-12-19 ",
        "  date 2019-12-19\n\n",
        "date: 19 December 2019\n",
        "Date: December 19, 2019\n",
        "DATE: Dec. 19, 2019\n",
        "date 2019/12/19\n",
        "\ufeffdate 2019-12-19\r\n",
        "date:2019-12-19\r\n\r\n",
        "Date: Thu, 19 Dec 2019 10:30:00 +0000\n",
        "date 2019-12-19T10:30:00Z\n",
        "Date: Thursday, December 19, 2019 at 10:30 a.m. GMT\n",
    ],
)
def test_parse_header_sets_published_and_is_cut_off(header: str) -> None:
    """Every accepted header form yields 2019-12-19 and leaves the body starting at its first word."""
    doc = _parse(header + BODY)
    assert doc.published == date(2019, 12, 19)
    assert doc.text == BODY


def test_parse_header_sharing_a_line_with_the_first_sentence() -> None:
    """The seed's `' date 2019-12-19 China says ...'` keeps the first sentence whole."""
    doc = _parse(" date 2019-12-19 China says its plan is the best.\n\nWashington disagrees.")
    assert doc.published == date(2019, 12, 19)
    assert _sentence_texts(doc) == ["China says its plan is the best.", "Washington disagrees."]


def test_parse_without_header_keeps_the_text_exactly() -> None:
    """Without a header the stored text is the input, whitespace and all, so gold offsets stay valid."""
    text = "  The date was set.  \n\n Talks resume today.\n"
    doc = _parse(text)
    assert doc.text == text
    assert doc.published is None


def test_parse_word_date_in_prose_is_not_a_header() -> None:
    """A body that starts with the word "date" but no date after it stays untouched."""
    text = "Dates of the talks were not announced."
    assert _parse(text).text == text
    text = "Date night is popular in 2019-era apps."
    assert _parse(text).text == text


def test_parse_explicit_published_wins_over_header() -> None:
    """A date given with the document is kept; the header is still removed from the text."""
    doc = _parse("date 2019-12-19\n" + BODY, published=date(2019, 12, 20))
    assert doc.published == date(2019, 12, 20)
    assert doc.text == BODY


def test_parse_impossible_header_date_is_flagged_not_fatal() -> None:
    """`date 2019-02-30` is cut off as metadata, gives no date and is flagged."""
    doc = _parse("date 2019-02-30\n" + BODY)
    assert doc.published is None
    assert doc.text == BODY
    assert "invalid_header_date" in doc.flags


def test_parse_title_is_kept_and_never_invented() -> None:
    """A given title passes through; without one the title stays empty."""
    assert _parse(BODY, title="Plan backed").title == "Plan backed"
    assert _parse(BODY).title is None


def test_parse_offsets_index_the_stored_text() -> None:
    """Paragraph and sentence offsets cut the stored text without surrounding whitespace."""
    doc = _parse(" date 2019-12-19 First one here. Second one here.\n\n  Third paragraph.  \n")
    paragraphs = [doc.text[span.start : span.end] for span in doc.paragraphs]
    assert paragraphs == ["First one here. Second one here.", "Third paragraph."]
    assert _sentence_texts(doc) == ["First one here.", "Second one here.", "Third paragraph."]


def test_parse_counts_words() -> None:
    """word_count counts the whitespace-separated words of the body, not of the header."""
    assert _parse("date 2019-12-19\nOne two three, four.").word_count == 4


def test_parse_english_is_recognised_with_confidence() -> None:
    """Ordinary English news is "en" with a high confidence and no flag."""
    doc = _parse(
        "The government said on Monday that it would raise taxes on fuel, and the opposition has "
        "promised to vote against the plan when it is brought to the parliament."
    )
    assert doc.language == "en"
    assert doc.language_confidence > 0.8
    assert NON_ENGLISH not in doc.flags


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Die Regierung hat am Montag erklärt, dass sie die Steuern auf Benzin erhöhen wird, und die "
         "Opposition will gegen den Plan stimmen.", "de"),
        ("Le gouvernement a annoncé lundi qu'il allait augmenter les taxes sur le carburant, et "
         "l'opposition a promis de voter contre le projet.", "fr"),
        ("El gobierno anunció el lunes que subirá los impuestos sobre el combustible, y la oposición "
         "votará en contra del plan.", "es"),
        ("Правительство заявило в понедельник, что повысит налоги на топливо.", "ru"),
        ("東京は日本の首都です。政府は月曜日に新しい計画を発表しました。", "ja"),
        ("政府星期一宣布将提高燃油税。", "zh"),
        ("정부는 월요일에 연료세를 인상하겠다고 발표했다.", "ko"),
    ],
)  # fmt: skip
def test_parse_non_english_is_flagged_with_a_guess(text: str, language: str) -> None:
    """Other languages are named and flagged `non_english` instead of failing."""
    doc = _parse(text)
    assert doc.language == language
    assert NON_ENGLISH in doc.flags


def test_parse_unreadable_text_is_undetermined() -> None:
    """Digits and symbols only give "und", flagged, without an error."""
    doc = _parse("12345 678 -- 9.10 %%")
    assert doc.language == "und"
    assert NON_ENGLISH in doc.flags


def test_parse_leaves_timings_to_the_glue() -> None:
    """The stage does not time itself: timings_ms is empty."""
    assert _parse(BODY).timings_ms == {}


def test_parse_header_only_document_has_an_empty_body() -> None:
    """A text that is only a header keeps its date, gets an empty body and is not called foreign."""
    doc = _parse(" date 2019-12-19\n")
    assert (doc.text, doc.published, doc.sentences, doc.word_count) == ("", date(2019, 12, 19), [], 0)
    assert doc.flags == ["empty_body"]
