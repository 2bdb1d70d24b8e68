"""The per-code linear models the topic model averages: a class-weighted linear SVM and an NBSVM.

- SVM: liblinear on the TF-IDF rows, `class_weight="balanced"` so that thin codes (labour: about 50
  articles) weigh as much as politics.
- NBSVM (Wang and Manning 2012): per code, each feature is scaled by its log-count ratio
  r = log((p / |p|) / (q / |q|)), where p and q are the feature's smoothed TF-IDF sums over the code's
  articles and over the others, and an SVM is fitted on the scaled rows. Its margin on a row x is
  (x * r) . w + b = x . (w * r) + b, so it is stored, and run, as the one weight column w * r.
- Blend: each model's weights and bias divided by the spread (standard deviation) of its margins on the
  rows it was fitted on, then averaged, so that neither model's scale outweighs the other's. The result
  is again one linear model per code: the weights file keeps its shape and the worker its code.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from joblib import Parallel, delayed
from scipy.sparse import csr_matrix, diags
from sklearn.svm import LinearSVC

from worker.stages.classify.topics_model import FloatArray

Labels = npt.NDArray[np.int8]
Linear = tuple[FloatArray, FloatArray]  # weights (features, codes), bias (codes)


@dataclass(frozen=True)
class LinearOptions:
    seed: int = 13
    svm_c: float = 3.0  # the SVM's regularisation, chosen by k-fold F1 on the training part
    nb_c: float = 1.0  # the NBSVM's (alone, C = 0.3 to 3 scored within 0.004 F1 in k-fold)
    nb_alpha: float = 0.1  # smoothing of the feature sums in the log-count ratio
    nb_share: float = 0.5  # the NBSVM's share of the blend
    jobs: int = 2


def fit_blend(features: csr_matrix, labels: Labels, options: LinearOptions) -> Linear:
    """The SVM and the NBSVM, each scaled to unit margin spread on these rows, averaged by `nb_share`."""
    svm = _unit_spread(features, fit_svm(features, labels, options))
    nbsvm = _unit_spread(features, fit_nbsvm(features, labels, options))
    share = np.float32(options.nb_share)
    weights = (1 - share) * svm[0] + share * nbsvm[0]
    bias = (1 - share) * svm[1] + share * nbsvm[1]
    return weights.astype(np.float32), bias.astype(np.float32)


def fit_svm(features: csr_matrix, labels: Labels, options: LinearOptions) -> Linear:
    """One class-weighted linear SVM per code."""
    fitted = Parallel(n_jobs=options.jobs)(
        delayed(_fit_one)(features, labels[:, j], options.svm_c, options.seed) for j in range(labels.shape[1])
    )
    return _stacked(fitted)


def fit_nbsvm(features: csr_matrix, labels: Labels, options: LinearOptions) -> Linear:
    """One NBSVM per code, its weights already multiplied by the code's log-count ratios."""
    fitted = Parallel(n_jobs=options.jobs)(
        delayed(_fit_nbsvm_one)(features, labels[:, j], options) for j in range(labels.shape[1])
    )
    return _stacked(fitted)


def log_count_ratio(features: csr_matrix, positives: Labels, alpha: float) -> FloatArray:
    """log((p / |p|) / (q / |q|)) per feature, p and q its sums (plus `alpha`) in and out of the code."""
    inside = alpha + np.asarray(features[positives == 1].sum(axis=0)).ravel()
    outside = alpha + np.asarray(features[positives == 0].sum(axis=0)).ravel()
    ratio: FloatArray = np.log((inside / inside.sum()) / (outside / outside.sum())).astype(np.float32)
    return ratio


def _fit_nbsvm_one(
    features: csr_matrix, positives: Labels, options: LinearOptions
) -> tuple[FloatArray, float]:
    ratio = log_count_ratio(features, positives, options.nb_alpha)
    scaled = csr_matrix(features @ diags(ratio))
    weights, intercept = _fit_one(scaled, positives, options.nb_c, options.seed)
    return weights * ratio, intercept


def _fit_one(features: csr_matrix, positives: Labels, c: float, seed: int) -> tuple[FloatArray, float]:
    if positives.min() == positives.max():
        # A fold (or a small training set) without both classes for a code: a constant decision.
        return np.zeros(features.shape[1], dtype=np.float32), 1.0 if positives[0] else -1.0
    model = LinearSVC(C=c, class_weight="balanced", random_state=seed).fit(features, positives)
    return model.coef_.ravel().astype(np.float32), float(model.intercept_[0])


def _stacked(fitted: list[tuple[FloatArray, float]]) -> Linear:
    weights = np.stack([coefficients for coefficients, _ in fitted], axis=1)
    bias = np.array([intercept for _, intercept in fitted], dtype=np.float32)
    return weights, bias


def _unit_spread(features: csr_matrix, model: Linear) -> Linear:
    """The model divided, per code, by the standard deviation of its margins on `features`."""
    weights, bias = model
    spread = np.asarray(features @ weights + bias, dtype=np.float32).std(axis=0)
    # A constant code (no positives in these rows) has no spread: leave it as it is.
    spread[spread == 0] = 1.0
    return weights / spread, bias / spread
