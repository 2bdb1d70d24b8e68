"""The reference point the topic model must beat: plain TF-IDF + one-vs-rest logistic regression.

scikit-learn defaults throughout (`TfidfVectorizer()`, `LogisticRegression()`, probability threshold 0.5),
fed the title and text, trained on the same training part and scored on the same held-out split.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.multiclass import OneVsRestClassifier

from worker.training.topics_data import Example, label_matrix


def baseline_predictions(train: list[Example], holdout: list[Example]) -> npt.NDArray[np.int8]:
    """The baseline's 0/1 predictions for the held-out examples, one column per code."""
    vectorizer = TfidfVectorizer()
    features = vectorizer.fit_transform([_document(example) for example in train])
    classifier = OneVsRestClassifier(LogisticRegression(max_iter=1000))
    classifier.fit(features, label_matrix(train))
    predicted = classifier.predict(vectorizer.transform([_document(example) for example in holdout]))
    return np.asarray(predicted, dtype=np.int8)


def _document(example: Example) -> str:
    return f"{example.title or ''}\n{example.text}"
