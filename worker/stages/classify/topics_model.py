"""The topic model at run time: a linear model over TF-IDF word features, held in numpy arrays.

The weights file (`worker/resources/topics_model.npz`, written by `worker.training.train_topics`) holds
the vocabulary, the inverse document frequencies, one weight column per IPTC code, the biases and the
per-code decision thresholds (margins tuned on training data). Scoring a document is a dictionary look-up
per distinct word and one small matrix product, so numpy is the only run-time dependency.

Each numpy call costs microseconds on a slow CPU, more than the arithmetic of a short article, so
`margins` makes as few as it can: unknown words look up a zero row appended to the IDF and weights (no
masking), and bias minus threshold is one precomputed vector.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float32]

# The 17 IPTC Media Topic top-level codes and their labels, in the order of the weight columns.
IPTC_TOP_LEVEL: dict[str, str] = {
    "medtop:01000000": "arts, culture, entertainment and media",
    "medtop:02000000": "crime, law and justice",
    "medtop:03000000": "disaster, accident and emergency incident",
    "medtop:04000000": "economy, business and finance",
    "medtop:05000000": "education",
    "medtop:06000000": "environment",
    "medtop:07000000": "health",
    "medtop:08000000": "human interest",
    "medtop:09000000": "labour",
    "medtop:10000000": "lifestyle and leisure",
    "medtop:11000000": "politics",
    "medtop:12000000": "religion",
    "medtop:13000000": "science and technology",
    "medtop:14000000": "society",
    "medtop:15000000": "sport",
    "medtop:16000000": "conflict, war and peace",
    "medtop:17000000": "weather",
}

_VOCAB_SEPARATOR = "\n"


@dataclass(frozen=True)
class TopicModel:
    """Vocabulary, IDF and one linear classifier per code; `thresholds` are decision margins per code."""

    codes: tuple[str, ...]
    index: dict[str, int]
    idf: FloatArray
    weights: FloatArray  # (vocabulary, codes)
    bias: FloatArray
    thresholds: FloatArray
    # Derived in __post_init__ for `margins`: IDF and weights with a zero row at `unknown`, bias - thresholds.
    _padded_idf: FloatArray = field(init=False, repr=False, compare=False)
    _padded_weights: FloatArray = field(init=False, repr=False, compare=False)
    _offset: FloatArray = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # A frozen dataclass sets its derived fields through object.__setattr__.
        object.__setattr__(self, "_padded_idf", np.append(self.idf, np.float32(0.0)).astype(np.float32))
        zero_row = np.zeros((1, self.weights.shape[1]), dtype=np.float32)
        object.__setattr__(self, "_padded_weights", np.vstack((self.weights, zero_row)).astype(np.float32))
        object.__setattr__(self, "_offset", (self.bias - self.thresholds).astype(np.float32))

    def vector(self, counts: Counter[str]) -> tuple[npt.NDArray[np.intp], FloatArray]:
        """The document's sparse L2-normalised TF-IDF vector (sublinear tf) as feature ids and values."""
        lookup = self.index.get
        ids = np.fromiter(map(lookup, counts, repeat(-1)), dtype=np.intp, count=len(counts))
        tf = np.fromiter(counts.values(), dtype=np.float32, count=len(counts))
        known = ids >= 0
        if not known.any():
            return np.zeros(0, dtype=np.intp), np.zeros(0, dtype=np.float32)
        ids, tf = ids[known], tf[known]
        values = (np.log(tf) + np.float32(1.0)) * self.idf[ids]
        values /= np.sqrt(values @ values)
        return ids, values

    def margins(self, counts: Counter[str]) -> FloatArray:
        """Each code's decision value minus its threshold: positive means the code is predicted.
        The same numbers as `vector` followed by the linear model, in fewer numpy calls."""
        unknown = len(self.index)
        ids = np.fromiter(map(self.index.get, counts, repeat(unknown)), dtype=np.intp, count=len(counts))
        values = np.fromiter(counts.values(), dtype=np.float32, count=len(counts))
        np.log(values, out=values)
        values += np.float32(1.0)
        values *= self._padded_idf[ids]
        norm = float(np.sqrt(values @ values))
        if norm == 0.0:
            return self._offset.copy()
        raw: FloatArray = values @ self._padded_weights[ids]
        raw /= np.float32(norm)
        raw += self._offset
        return raw

    def save(self, path: Path) -> None:
        vocabulary = sorted(self.index, key=self.index.__getitem__)
        np.savez_compressed(
            path,
            codes=np.array(self.codes),
            vocabulary=np.array(_VOCAB_SEPARATOR.join(vocabulary)),
            idf=self.idf.astype(np.float16),
            weights=self.weights.astype(np.float16),
            bias=self.bias.astype(np.float32),
            thresholds=self.thresholds.astype(np.float32),
        )


def load_model(path: Path) -> TopicModel:
    """Read a weights file written by `TopicModel.save` (plain arrays: no pickle is ever loaded)."""
    with np.load(path, allow_pickle=False) as data:
        vocabulary = str(data["vocabulary"]).split(_VOCAB_SEPARATOR)
        return TopicModel(
            codes=tuple(str(code) for code in data["codes"]),
            index={term: feature for feature, term in enumerate(vocabulary)},
            idf=data["idf"].astype(np.float32),
            weights=np.ascontiguousarray(data["weights"], dtype=np.float32),
            bias=data["bias"].astype(np.float32),
            thresholds=data["thresholds"].astype(np.float32),
        )
