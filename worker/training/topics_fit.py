"""Fit the topic model: TF-IDF word features, one class-weighted linear SVM per code, tuned thresholds.

- Features come from `worker.stages.classify.topics_features` (the worker's own code), and the IDF is
  rounded to the float16 the weights file stores, so training scores the very vectors the worker builds.
- `class_weight="balanced"` lets thin codes (labour: about 50 articles) weigh as much as politics.
- Thresholds: every training document is scored once by a model fitted on the other folds (k-fold,
  shuffled by the seed), and each code gets the margin that maximises its F1 on those scores. A k-fold
  validation uses all of the training part for tuning, where a single validation slice would hold only
  a handful of labour or society articles; the held-out split is never looked at.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from joblib import Parallel, delayed
from scipy.sparse import csr_matrix
from sklearn.model_selection import KFold
from sklearn.svm import LinearSVC

from worker.stages.classify.topics_features import term_counts
from worker.stages.classify.topics_model import FloatArray, TopicModel
from worker.training.topics_data import CODES, Example, label_matrix

Labels = npt.NDArray[np.int8]


@dataclass(frozen=True)
class FitOptions:
    seed: int = 13
    folds: int = 5
    min_df: int = 2  # a word seen in one training article only is noise, not evidence
    max_df: float = 0.5  # words in half the articles ("said", "the") separate no topic
    c: float = 0.3  # SVM regularisation, chosen by k-fold F1 on the training part
    jobs: int = 2


def fit_topic_model(train: list[Example], options: FitOptions) -> TopicModel:
    """The model and its thresholds, from the training part only."""
    counts = [term_counts(example.title, example.text) for example in train]
    index, idf = vocabulary(counts, options)
    features = feature_matrix(counts, index, idf)
    labels = label_matrix(train)
    out_of_fold = cross_validated_margins(features, labels, options)
    thresholds = np.array(
        [best_threshold(out_of_fold[:, j], labels[:, j]) for j in range(len(CODES))], dtype=np.float32
    )
    weights, bias = fit_linear(features, labels, options)
    return TopicModel(CODES, index, idf, weights, bias, thresholds)


def vocabulary(counts: list[Counter[str]], options: FitOptions) -> tuple[dict[str, int], FloatArray]:
    """Terms within the document-frequency bounds, sorted, and their smoothed IDF (float16-rounded)."""
    document_frequency: Counter[str] = Counter()
    for document in counts:
        document_frequency.update(document.keys())
    documents = len(counts)
    ceiling = options.max_df * documents
    terms = sorted(t for t, df in document_frequency.items() if options.min_df <= df <= ceiling)
    idf = [math.log((1 + documents) / (1 + document_frequency[t])) + 1.0 for t in terms]
    rounded = np.array(idf, dtype=np.float16).astype(np.float32)
    return {term: i for i, term in enumerate(terms)}, rounded


def feature_matrix(counts: list[Counter[str]], index: dict[str, int], idf: FloatArray) -> csr_matrix:
    """Rows of L2-normalised sublinear TF-IDF, exactly as `TopicModel.vector` builds them."""
    model = TopicModel(
        (), index, idf, np.zeros((0, 0), np.float32), np.zeros(0, np.float32), np.zeros(0, np.float32)
    )
    indptr, indices, data = [0], [], []
    for document in counts:
        ids, values = model.vector(document)
        order = np.argsort(ids)
        indices.append(ids[order])
        data.append(values[order])
        indptr.append(indptr[-1] + len(ids))
    return csr_matrix(
        (np.concatenate(data), np.concatenate(indices), np.array(indptr)), shape=(len(counts), len(index))
    )


def fit_linear(features: csr_matrix, labels: Labels, options: FitOptions) -> tuple[FloatArray, FloatArray]:
    """One class-weighted linear SVM per code: weights (vocabulary, codes) and biases (codes)."""
    fitted = Parallel(n_jobs=options.jobs)(
        delayed(_fit_one)(features, labels[:, j], options) for j in range(labels.shape[1])
    )
    weights = np.stack([coefficients for coefficients, _ in fitted], axis=1)
    bias = np.array([intercept for _, intercept in fitted], dtype=np.float32)
    return weights, bias


def _fit_one(
    features: csr_matrix, positives: npt.NDArray[np.int8], options: FitOptions
) -> tuple[FloatArray, float]:
    if positives.min() == positives.max():
        # A fold (or a small training set) without both classes for a code: a constant decision.
        return np.zeros(features.shape[1], dtype=np.float32), 1.0 if positives[0] else -1.0
    model = LinearSVC(C=options.c, class_weight="balanced", random_state=options.seed).fit(
        features, positives
    )
    return model.coef_.ravel().astype(np.float32), float(model.intercept_[0])


def cross_validated_margins(features: csr_matrix, labels: Labels, options: FitOptions) -> FloatArray:
    """Every training document's margins from a model that did not see it (k folds, seeded shuffle)."""
    margins = np.zeros(labels.shape, dtype=np.float32)
    folds = KFold(n_splits=options.folds, shuffle=True, random_state=options.seed)
    for fit_rows, score_rows in folds.split(features):
        weights, bias = fit_linear(features[fit_rows], labels[fit_rows], options)
        margins[score_rows] = features[score_rows] @ weights + bias
    return margins


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
