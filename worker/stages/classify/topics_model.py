"""The topic model at run time: a linear model over TF-IDF word and word-pair features, in numpy arrays.

The weights file (`worker/resources/topics_model.npz`, written by `worker.training.train_topics` through
`topics_storage.py`) holds the vocabulary, the kept word pairs, the inverse document frequencies, one
weight column per IPTC code, the biases and the per-code decision thresholds (margins tuned on training
data). Scoring a document is a few vectorised numpy steps over the hashes of its runs
(`topics_features.py`) and one small matrix product, so numpy is the only run-time dependency.

Features: a vocabulary word is feature `id` (its IDF is zero when the word is too common to tell topics
apart: it still pairs); a pair of neighbouring vocabulary words is a feature when training kept it (seen
in two or more training articles), its id after the words'. The file lists the kept pairs by number
(first word id x words + second); at load time each becomes a key made of its words' run hashes, in a
second hash table, so only the kept pairs take weights: hashing every pair into buckets cost the rare
pairs' noise in the buckets the kept ones share.

Each numpy call costs microseconds on a slow CPU, more than the arithmetic of a short article, so
`margins` makes as few as it can: unknown runs look up a zero row appended to the IDF and weights (no
masking), and bias minus threshold is one precomputed vector. Runs are found in the vocabulary by
their hashes (`topics_vocabulary.py`), derived from the stored words once per process, and pairs in a
table of the same kind.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from worker.stages.classify.topics_features import run_hashes
from worker.stages.classify.topics_vocabulary import VocabularyTable
from worker.stages.poly_hash import HashArray

FloatArray = npt.NDArray[np.float32]
IdArray = npt.NDArray[np.int32]
PairArray = npt.NDArray[np.uint32]
GridArray = npt.NDArray[np.int16]

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

# A pair's key in its hash table: the first run's hash times this odd number plus the second's (modulo
# 2**64), computed for all of a document's neighbours in two numpy steps from the run hashes. Runs that
# are not vocabulary words make keys no kept pair has (but by a chance of about one in 2**64 / pairs), so
# no test of which runs are words is needed.
_PAIR_MIX = np.uint64(0xC6A4A7935BD1E995)
_GRID_TOP = 127 * 127
# 1 + ln(k) for k below its length (see `_sublinear`); one table, replaced whole when it grows.
_sublinear_table: list[FloatArray] = []


@dataclass(frozen=True)
class TopicModel:
    """Vocabulary, IDF and one linear classifier per code; `thresholds` are decision margins per code."""

    codes: tuple[str, ...]
    index: dict[str, int]  # vocabulary word -> feature id; the pairs' ids follow the words'
    pairs: PairArray  # the kept pairs' numbers (first word id x words + second), in feature order
    idf: FloatArray  # (features,)
    weights: FloatArray  # (features, codes)
    bias: FloatArray
    thresholds: FloatArray
    # Derived in __post_init__ for `margins`: IDF and weights with a zero row at `unknown`, bias - thresholds.
    _padded_idf: FloatArray = field(init=False, repr=False, compare=False)
    _padded_weights: GridArray = field(init=False, repr=False, compare=False)
    _steps: FloatArray = field(init=False, repr=False, compare=False)
    _offset: FloatArray = field(init=False, repr=False, compare=False)
    _vocabulary: VocabularyTable = field(init=False, repr=False, compare=False)
    _pair_table: VocabularyTable = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # A frozen dataclass sets its derived fields through object.__setattr__.
        object.__setattr__(self, "_padded_idf", np.append(self.idf, np.float32(0.0)).astype(np.float32))
        steps, grid = _on_grid(self.weights)
        zero_row = np.zeros((1, self.weights.shape[1]), dtype=np.int16)
        object.__setattr__(self, "_padded_weights", np.vstack((grid, zero_row)))
        object.__setattr__(self, "_steps", steps)
        object.__setattr__(self, "_offset", (self.bias - self.thresholds).astype(np.float32))
        words = run_hashes(sorted(self.index, key=self.index.__getitem__))
        if len(words) != len(self.index):
            raise ValueError("a vocabulary word is not one run of a-z and 0-9")
        object.__setattr__(self, "_vocabulary", VocabularyTable(words, self.features))
        word_count = max(len(self.index), 1)
        keys = words[self.pairs // word_count] * _PAIR_MIX + words[self.pairs % word_count]
        object.__setattr__(self, "_pair_table", VocabularyTable(keys, self.features, len(self.index)))

    @property
    def features(self) -> int:
        """Words plus kept pairs; also the id of every unknown run and pair."""
        return len(self.index) + len(self.pairs)

    def feature_ids(self, runs: list[str]) -> IdArray:
        """One id per run (unknown runs: `features`), then one per neighbouring pair: the pair's id when it
        is a kept pair of vocabulary words, else `features` (which adds nothing: its IDF and weights are
        zero)."""
        return self.hashed_feature_ids(run_hashes(runs))

    def hashed_feature_ids(self, hashes: HashArray) -> IdArray:
        """`feature_ids` of the runs with these hashes."""
        keys = hashes[:-1] * _PAIR_MIX
        keys += hashes[1:]
        # Ids stay below 2**31, and numpy sorts int32 faster than uint32.
        return np.concatenate((self._vocabulary.ids(hashes), self._pair_table.ids(keys))).view(np.int32)

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
        raw *= self._steps
        raw /= np.float32(norm)
        raw += self._offset
        return raw


def _on_grid(weights: FloatArray) -> tuple[FloatArray, GridArray]:
    """(step per code, int16 weights in steps): the weights as the run time keeps them. Half the memory of
    float32 means fewer cache misses when a document's rows are gathered, which is most of their cost. The
    grid has 127 ** 2 steps each way, the squares of the weights file's int8 codes (`topics_storage.py`),
    so a loaded model's weights are exactly on it."""
    largest = np.abs(weights).max(axis=0) if len(weights) else np.zeros(weights.shape[1], np.float32)
    steps = np.where(largest > 0, largest / np.float32(_GRID_TOP), np.float32(1.0)).astype(np.float32)
    grid: GridArray = np.rint(weights / steps).astype(np.int16)
    return steps, grid


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
