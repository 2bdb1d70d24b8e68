"""The Wikinews dev file as training examples, split by `worker.training.split.is_holdout`."""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from worker.stages.classify.topics_model import IPTC_TOP_LEVEL
from worker.training.split import is_holdout

CODES: tuple[str, ...] = tuple(IPTC_TOP_LEVEL)


@dataclass(frozen=True)
class Example:
    doc_id: str
    title: str | None
    text: str
    topics: frozenset[str]


def read_examples(path: Path) -> list[Example]:
    """Every document of a gold JSONL file (gzipped or not) that carries a topics layer, in file order."""
    opener = gzip.open if path.suffix == ".gz" else open
    examples = []
    with opener(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if "topics" in record:
                examples.append(
                    Example(record["id"], record.get("title"), record["text"], frozenset(record["topics"]))
                )
    return examples


def split_examples(examples: list[Example]) -> tuple[list[Example], list[Example]]:
    """(training part, held-out part): the held-out part is never used to fit or tune anything."""
    train = [example for example in examples if not is_holdout(example.doc_id)]
    holdout = [example for example in examples if is_holdout(example.doc_id)]
    return train, holdout


def label_matrix(examples: list[Example]) -> npt.NDArray[np.int8]:
    """One row per example, one 0/1 column per code of `CODES`."""
    return np.array([[code in example.topics for code in CODES] for example in examples], dtype=np.int8)
