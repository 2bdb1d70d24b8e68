"""Fit the topic model: TF-IDF word and word-pair features, per code an average of a class-weighted linear
SVM and an NBSVM (`topics_linear.py`), tuned thresholds.

- Features come from `TopicModel.vector` (the worker's own code), and the IDF is rounded to the 8 bits
  the weights file stores, so training scores the very vectors the worker builds.
- Word pairs ("prime minister", "stock market") tell topics apart where their words alone do not; with
  them the SVM wants less regularisation (a larger C), chosen by k-fold F1 on the training part. Only
  pairs in two or more training articles are kept, as a list: hashing all pairs into buckets scored
  lower (nested k-fold 0.792/0.724 against 0.796/0.727).
- Folds: the training part is split into k folds (shuffled by the seed) and a model is fitted on each
  fold's complement. Every training document is thus scored once by a model that did not see it, and each
  code gets the margin that maximises its F1 on those scores. The shipped model is the mean of the k fold
  models: its thresholds were tuned on the margins of those very models, where a refit on all the data
  would have margins of another spread (nested k-fold: micro/macro F1 0.792/0.724 for the mean, 0.790/
  0.724 for a refit). A k-fold validation uses all of the training part for tuning, where a single
  validation slice would hold only a handful of labour or society articles; the held-out split is never
  looked at.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy.sparse import csr_matrix
from sklearn.model_selection import KFold

from worker.stages.classify.topics_features import document_runs, is_word
from worker.stages.classify.topics_model import FloatArray, IdArray, PairArray, TopicModel
from worker.stages.classify.topics_storage import quantised_idf
from worker.training.topics_data import CODES, Example, label_matrix
from worker.training.topics_linear import Labels, LinearOptions, fit_blend

_NO_PAIRS: PairArray = np.zeros(0, dtype=np.uint32)


@dataclass(frozen=True)
class FitOptions:
    seed: int = 13
    folds: int = 5
    min_df: int = 2  # a word seen in one training article only is noise, not evidence
    max_df: float = 0.5  # features in half the articles ("said", "of the") separate no topic
    min_pair_df: int = 2  # a pair of words in one training article only is noise, as a word is
    c: float = 3.0  # SVM regularisation, chosen by k-fold F1 on the training part
    nb_c: float = 1.0  # NBSVM regularisation, likewise
    nb_alpha: float = 0.1  # smoothing of the NBSVM's log-count ratios
    jobs: int = 2

    def linear(self) -> LinearOptions:
        return LinearOptions(
            seed=self.seed, svm_c=self.c, nb_c=self.nb_c, nb_alpha=self.nb_alpha, jobs=self.jobs
        )


def fit_topic_model(train: list[Example], options: FitOptions) -> TopicModel:
    """The model and its thresholds, from the training part only."""
    runs = [document_runs(example.title, example.text) for example in train]
    features, vectorizer = feature_matrix(runs, options)
    labels = label_matrix(train)
    out_of_fold, weights, bias = fold_models(features, labels, options)
    thresholds = np.array(
        [best_threshold(out_of_fold[:, j], labels[:, j]) for j in range(len(CODES))], dtype=np.float32
    )
    return TopicModel(CODES, vectorizer.index, vectorizer.pairs, vectorizer.idf, weights, bias, thresholds)


def feature_matrix(runs: list[list[str]], options: FitOptions) -> tuple[csr_matrix, TopicModel]:
    """Rows of L2-normalised sublinear TF-IDF, exactly as `TopicModel.vector` builds them, and a weightless
    model that holds the vocabulary and IDF they were built with."""
    index = vocabulary(runs, options.min_df)
    pairs = kept_pairs(
        runs, _weightless(index, _NO_PAIRS, np.ones(len(index), np.float32)), options.min_pair_df
    )
    blank = _weightless(index, pairs, np.ones(len(index) + len(pairs), np.float32))
    ids = [np.unique(blank.feature_ids(document)) for document in runs]
    vectorizer = _weightless(index, pairs, inverse_frequencies(ids, blank.features, options))
    indptr, indices, data = [0], [], []
    for document in runs:
        kept, values = vectorizer.vector(document)
        indices.append(kept)
        data.append(values)
        indptr.append(indptr[-1] + len(kept))
    matrix = csr_matrix(
        (np.concatenate(data), np.concatenate(indices), np.array(indptr)),
        shape=(len(runs), vectorizer.features),
    )
    return matrix, vectorizer


def vocabulary(runs: list[list[str]], min_df: int) -> dict[str, int]:
    """Words in at least `min_df` training articles, sorted; pairs are built from these words only."""
    document_frequency: Counter[str] = Counter()
    for document in runs:
        document_frequency.update({run for run in document if is_word(run)})
    return {w: i for i, w in enumerate(sorted(w for w, df in document_frequency.items() if df >= min_df))}


def kept_pairs(runs: list[list[str]], words_only: TopicModel, min_df: int) -> PairArray:
    """The numbers (first word id x words + second) of the neighbouring word pairs in at least `min_df`
    training articles, sorted: the model's pair features, in feature order."""
    words = np.uint32(len(words_only.index))
    per_document = []
    for document in runs:
        ids = words_only.feature_ids(document)[: len(document)].view(np.uint32)
        first, second = ids[:-1], ids[1:]
        both = np.maximum(first, second) < words
        per_document.append(np.unique(first[both] * words + second[both]))
    numbers, counts = np.unique(np.concatenate([*per_document, _NO_PAIRS]), return_counts=True)
    kept: PairArray = numbers[counts >= min_df].astype(np.uint32)
    return kept


def inverse_frequencies(ids: list[IdArray], features: int, options: FitOptions) -> FloatArray:
    """Smoothed IDF per feature (rounded as stored), zero for features in more than `max_df` of the articles."""
    document_frequency = np.bincount(np.concatenate(ids), minlength=features + 1)[:features]
    documents = len(ids)
    idf = np.log((1 + documents) / (1 + document_frequency)) + 1.0
    idf[document_frequency > options.max_df * documents] = 0.0
    return quantised_idf(idf.astype(np.float32))


def _weightless(index: dict[str, int], pairs: PairArray, idf: FloatArray) -> TopicModel:
    nothing = np.zeros(0, np.float32)
    return TopicModel((), index, pairs, idf, np.zeros((len(idf), 0), np.float32), nothing, nothing)


def fold_models(
    features: csr_matrix, labels: Labels, options: FitOptions
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Every training document's margins from the fold model that did not see it (k folds, seeded
    shuffle), and the mean of the k fold models' weights and biases."""
    margins = np.zeros(labels.shape, dtype=np.float32)
    weights = np.zeros((features.shape[1], labels.shape[1]), dtype=np.float32)
    bias = np.zeros(labels.shape[1], dtype=np.float32)
    folds = KFold(n_splits=options.folds, shuffle=True, random_state=options.seed)
    for fit_rows, score_rows in folds.split(features):
        fold_weights, fold_bias = fit_blend(features[fit_rows], labels[fit_rows], options.linear())
        margins[score_rows] = features[score_rows] @ fold_weights + fold_bias
        weights += fold_weights
        bias += fold_bias
    folds_count = np.float32(options.folds)
    return margins, (weights / folds_count).astype(np.float32), (bias / folds_count).astype(np.float32)


def best_threshold(margins: FloatArray, positives: npt.NDArray[np.int8]) -> float:
    """The margin above which predicting the code gives the highest F1 on these documents."""
    order = np.argsort(-margins, kind="stable")
    hits = np.cumsum(positives[order])
    predicted = np.arange(1, len(order) + 1)
    f1 = 2 * hits / (predicted + positives.sum())
    best = int(np.argmax(f1))
    # Halfway to the next lower margin, so that a document scored exactly like the last one kept passes.
    below = margins[order[best + 1]] if best + 1 < len(order) else margins[order[best]] - 1.0
    return float((margins[order[best]] + below) / 2)
