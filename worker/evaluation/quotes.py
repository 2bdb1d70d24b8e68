"""Quote scoring: span F1 (exact and overlap) and speaker accuracy.

The gold quote layer marks quotation spans (text between quotation marks), so only predicted quotes of
kind "direct" are scored against it; indirect (reported) speech has no gold span to match and is counted
apart, as `indirect_predicted`.

Speaker accuracy is scored on the overlap-matched quotes whose gold quote names a speaker (GUM's dev file
names none, so it reports None there). A predicted speaker is correct when its span overlaps the gold
speaker span, or when the entity it is linked to has a mention that does: "he said" resolved to the right
person is right wherever the annotator put the speaker span. A missing predicted speaker is wrong.

A gold file may leave whole documents unannotated for quotes while keeping the layer (an empty list): GUM's
dev file does so for two articles full of attributed quotations. The headline figures count every
document, as the file says. Beside them, the scorer says how many predicted quotes fall in documents whose
gold marks none, and scores the documents whose gold marks at least one on their own, so a reader can tell
missing annotation from wrong output; it does not replace the headline figures.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from schemas import Entity, Quote
from worker.evaluation.gold import GoldQuote, GoldSpan
from worker.evaluation.metrics import SpanCounts, SpanKey, Tally, overlaps


@dataclass
class QuoteScorer:
    documents: int = 0
    spans: SpanCounts = field(default_factory=SpanCounts)
    speakers: Tally = field(default_factory=Tally)
    indirect: int = 0
    # The same spans, counted only in the documents whose gold marks at least one quote.
    annotated: SpanCounts = field(default_factory=SpanCounts)
    unmarked_documents: int = 0  # gold marks no quote, the stage finds direct quotes
    predicted_in_unmarked: int = 0

    def add(self, gold: Sequence[GoldQuote], predicted: Sequence[Quote], entities: Sequence[Entity]) -> None:
        self.documents += 1
        self.indirect += sum(1 for q in predicted if q.kind != "direct")
        predicted = [q for q in predicted if q.kind == "direct"]
        gold_spans = [(q.start, q.end) for q in gold]
        predicted_spans = [(q.start, q.end) for q in predicted]
        pairs = self.spans.add(gold_spans, predicted_spans)
        if gold_spans:
            self.annotated.add(gold_spans, predicted_spans)
        elif predicted_spans:
            self.unmarked_documents += 1
            self.predicted_in_unmarked += len(predicted_spans)
        mentions = {entity.id: [(m.start, m.end) for m in entity.mentions] for entity in entities}
        for gold_index, predicted_index in pairs:
            gold_speaker = gold[gold_index].speaker
            if gold_speaker is not None:
                self.speakers.add(_speaker_is_right(gold_speaker, predicted[predicted_index], mentions))

    def result(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            **self.spans.as_json(),
            "speaker_accuracy": self.speakers.accuracy,
            "speaker_scored": self.speakers.total,
            "indirect_predicted": self.indirect,
            "unmarked_documents": self.unmarked_documents,
            "predicted_in_unmarked_documents": self.predicted_in_unmarked,
            "in_documents_with_gold_quotes": self.annotated.as_json(),
        }


def _speaker_is_right(gold: GoldSpan, quote: Quote, mentions: dict[str, list[SpanKey]]) -> bool:
    speaker = quote.speaker
    if speaker is None:
        return False
    target = (gold.start, gold.end)
    if overlaps(target, (speaker.start, speaker.end)):
        return True
    linked = mentions.get(speaker.entity_id, []) if speaker.entity_id else []
    return any(overlaps(target, mention) for mention in linked)
