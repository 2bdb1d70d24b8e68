"""Quote scoring: span F1 (exact and overlap) and speaker accuracy.

The gold quote layer marks quotation spans (text between quotation marks), so only predicted quotes of
kind "direct" are scored against it; indirect (reported) speech has no gold span to match and is counted
apart, as `indirect_predicted`.

Speaker accuracy is scored on the overlap-matched quotes whose gold quote names a speaker (GUM's dev file
names none, so it reports None there). A predicted speaker is correct when its span overlaps the gold
speaker span, or when the entity it is linked to has a mention that does: "he said" resolved to the right
person is right wherever the annotator put the speaker span. A missing predicted speaker is wrong.
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

    def add(self, gold: Sequence[GoldQuote], predicted: Sequence[Quote], entities: Sequence[Entity]) -> None:
        self.documents += 1
        self.indirect += sum(1 for q in predicted if q.kind != "direct")
        predicted = [q for q in predicted if q.kind == "direct"]
        pairs = self.spans.add([(q.start, q.end) for q in gold], [(q.start, q.end) for q in predicted])
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
