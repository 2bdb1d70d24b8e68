"""The topic model at run time: a linear model over TF-IDF word and word-pair features, in numpy arrays.

The weights file (`worker/resources/topics_model.npz`, written by `worker.training.train_topics`) holds
the vocabulary, the inverse document frequencies, one weight column per IPTC code, the biases and the
per-code decision thresholds (margins tuned on training data). Scoring a document is a few vectorised
numpy steps over the hashes of its runs (`topics_features.py`) and one small matrix product, so numpy is
the only run-time dependency.

Features: a vocabulary word is feature `id` (its IDF is zero when the word is too common to tell topics
apart: it still pairs); two neighbouring vocabulary words are hashed into one of `2 ** pair_bits`
buckets after them, so no list of pairs is stored. A multiplicative hash of the pair's number spreads
pairs evenly over the buckets; the few that collide share a weight, which costs far less accuracy than
the file size a pair list would.

Each numpy call costs microseconds on a slow CPU, more than the arithmetic of a short article, so
`margins` makes as few as it can: unknown runs look up a zero row appended to the IDF and weights (no
masking), and bias minus threshold is one precomputed vector. Runs are found in the vocabulary by
their hashes (`topics_vocabulary.py`), derived from the stored words once per process.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import numpy.typing as npt

from worker.stages.classify.topics_features import run_hashes
from worker.stages.classify.topics_vocabulary import VocabularyTable
from worker.stages.poly_hash import HashArray

FloatArray = npt.NDArray[np.float32]
IdArray = npt.NDArray[np.int32]

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
# Knuth's multiplicative hash: the low 32 bits of pair number x 2654435761 (about 2**32 / golden ratio),
# of which the top `pair_bits` bits pick the bucket. The arithmetic is in uint32, whose products wrap
# around modulo 2**32 and so keep exactly the low 32 bits of the pair number and of its product.
_GOLDEN = np.uint32(2654435761)
# 1 + ln(k) for k below its length (see `_sublinear`); one table, replaced whole when it grows.
_sublinear_table: list[FloatArray] = []


@dataclass(frozen=True)
class TopicModel:
    """Vocabulary, IDF and one linear classifier per code; `thresholds` are decision margins per code."""

    codes: tuple[str, ...]
    index: dict[str, int]  # vocabulary word -> feature id; pair buckets follow the words
    pair_bits: int
    idf: FloatArray  # (features,)
    weights: FloatArray  # (features, codes)
    bias: FloatArray
    thresholds: FloatArray
    # Derived in __post_init__ for `margins`: IDF and weights with a zero row at `unknown`, bias - thresholds.
    _padded_idf: FloatArray = field(init=False, repr=False, compare=False)
    _padded_weights: FloatArray = field(init=False, repr=False, compare=False)
    _offset: FloatArray = field(init=False, repr=False, compare=False)
    _vocabulary: VocabularyTable = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # A frozen dataclass sets its derived fields through object.__setattr__.
        object.__setattr__(self, "_padded_idf", np.append(self.idf, np.float32(0.0)).astype(np.float32))
        # The weights file's float16 precision, widened once here: numpy converts float16 in software, which
        # for a document's few hundred rows cost more than all the rest of the scoring.
        zero_row = np.zeros((1, self.weights.shape[1]), dtype=np.float32)
        rounded = self.weights.astype(np.float16).astype(np.float32)
        object.__setattr__(self, "_padded_weights", np.vstack((rounded, zero_row)))
        object.__setattr__(self, "_offset", (self.bias - self.thresholds).astype(np.float32))
        words = run_hashes(sorted(self.index, key=self.index.__getitem__))
        if len(words) != len(self.index):
            raise ValueError("a vocabulary word is not one run of a-z and 0-9")
        object.__setattr__(self, "_vocabulary", VocabularyTable(words, self.features))

    @property
    def features(self) -> int:
        """Words plus pair buckets; also the id of every unknown run."""
        return len(self.index) + (1 << self.pair_bits)

    def feature_ids(self, runs: list[str]) -> IdArray:
        """One id per run (unknown runs: `features`), then one per neighbouring pair: a pair bucket when both
        are vocabulary words, else `features` (which adds nothing: its IDF and weights are zero)."""
        return self.hashed_feature_ids(run_hashes(runs))

    def hashed_feature_ids(self, hashes: HashArray) -> IdArray:
        """`feature_ids` of the runs with these hashes."""
        words = np.uint32(len(self.index))
        ids = self._vocabulary.ids(hashes)
        first, second = ids[:-1], ids[1:]
        # Every neighbouring pair gets a bucket, and those that are not two words the unknown id after.
        buckets = first * words
        buckets += second
        buckets *= _GOLDEN
        buckets >>= np.uint32(32 - self.pair_bits)
        buckets += words
        buckets[np.maximum(first, second) >= words] = self.features
        # Ids stay below 2**31, and numpy sorts int32 faster than uint32.
        return np.concatenate((ids, buckets)).view(np.int32)

    def vector(self, runs: list[str]) -> tuple[IdArray, FloatArray]:
        """The document's sparse L2-normalised TF-IDF vector (sublinear tf): sorted feature ids, values."""
        feature_ids = self.feature_ids(runs)
        ids, tf = _counted(feature_ids)
        values = _sublinear(tf, len(feature_ids)) * self._padded_idf[ids]
        kept = values > 0.0
        ids, values = ids[kept], values[kept]
        if len(values):
            values /= np.sqrt(values @ values)
        return ids, values

    def margins(self, runs: list[str]) -> FloatArray:
        """Each code's decision value minus its threshold: positive means the code is predicted.
        The same numbers as `vector` followed by the linear model, in fewer numpy calls."""
        return self.hashed_margins(run_hashes(runs))

    def hashed_margins(self, hashes: HashArray) -> FloatArray:
        """`margins` of the runs with these hashes (`topics_features.document_hashes`)."""
        feature_ids = self.hashed_feature_ids(hashes)
        ids, tf = _counted(feature_ids)
        values = _sublinear(tf, len(feature_ids))
        values *= self._padded_idf[ids]
        # The float32 square root correctly rounded, as np.sqrt gives it, for one numpy call less.
        norm = math.sqrt(values @ values)
        if norm == 0.0:
            return self._offset.copy()
        # take() gathers rows several times faster than fancy indexing does; the method skips np.take's
        # Python-level dispatch.
        raw: FloatArray = values @ self._padded_weights.take(ids, axis=0)
        raw /= np.float32(norm)
        raw += self._offset
        return raw

    def save(self, path: Path) -> None:
        vocabulary = sorted(self.index, key=self.index.__getitem__)
        np.savez_compressed(
            path,
            codes=np.array(self.codes),
            vocabulary=np.array(_VOCAB_SEPARATOR.join(vocabulary)),
            pair_bits=np.array(self.pair_bits),
            idf=self.idf.astype(np.float16),
            weights=self.weights.astype(np.float16),
            bias=self.bias.astype(np.float32),
            thresholds=self.thresholds.astype(np.float32),
        )


def _counted(ids: IdArray) -> tuple[IdArray, npt.NDArray[np.intp]]:
    """The distinct ids, sorted, and how often each occurs: `np.unique(ids, return_counts=True)` in
    fewer steps."""
    ordered = np.sort(ids)
    edges = np.empty(len(ordered) + 1, dtype=bool)
    edges[0] = edges[-1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=edges[1:-1])
    starts = edges.nonzero()[0]
    # A subtraction of views: np.diff does the same after several Python-level checks.
    return ordered[starts[:-1]], starts[1:] - starts[:-1]


def _sublinear(counts: npt.NDArray[np.intp], most: int) -> FloatArray:
    """1 + ln(count) in float32 for counts of at most `most`, read from a table grown to the longest
    document seen: one numpy call where computing it takes two."""
    table = _sublinear_table[0] if _sublinear_table else np.zeros(0, dtype=np.float32)
    if len(table) <= most:
        table = np.zeros(max(1024, 2 * most + 1), dtype=np.float32)
        table[1:] = np.log(np.arange(1, len(table), dtype=np.float32)) + np.float32(1.0)
        _sublinear_table[:] = [table]  # swapped whole, so a reader never sees a half-filled table
    values: FloatArray = table[counts]
    return values


def load_model(path: Path) -> TopicModel:
    """Read a weights file written by `TopicModel.save` (plain arrays: no pickle is ever loaded)."""
    with np.load(path, allow_pickle=False) as data:
        vocabulary = str(data["vocabulary"]).split(_VOCAB_SEPARATOR)
        return TopicModel(
            codes=tuple(str(code) for code in data["codes"]),
            index={term: feature for feature, term in enumerate(vocabulary)},
            pair_bits=int(data["pair_bits"]),
            idf=data["idf"].astype(np.float32),
            weights=np.ascontiguousarray(data["weights"], dtype=np.float32),
            bias=data["bias"].astype(np.float32),
            thresholds=data["thresholds"].astype(np.float32),
        )
