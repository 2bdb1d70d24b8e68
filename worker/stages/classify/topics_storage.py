"""The topic model's weights file: a compressed npz of plain arrays, its weights and IDF stored as 8-bit
integers with a float scale.

Eight bits halve the file that float16 made, which is what lets the kept word pairs have weights of their
own within 5 MB. A weight is stored as the int8 code c with w = c * |c| * scale, one scale per code (its
column's largest weight over 127 ** 2), so that each code keeps its full range whatever the spread of the
others. The square spends the codes where the weights are: most are small (rare pairs) and a few large,
and the largest must stay (clipping the largest 0.01 % cost 0.004 micro and 0.017 macro F1 in nested
k-fold), while evenly spaced codes left the small ones too coarse (-0.001 micro, -0.002 macro F1; the
square lost nothing measurable against float32: see the model card). The IDF is uint8 times one scale.
Training builds its features with the IDF already rounded so (`quantised_idf`), so it fits on the very
vectors the worker builds; the weights' rounding moves a margin by far less than the thresholds' gaps.
The worker widens both to float32 once, at load time, and never converts per document.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import numpy.typing as npt

from worker.stages.classify.topics_model import FloatArray, TopicModel

_VOCAB_SEPARATOR = "\n"
_INT8_TOP = 127
_UINT8_TOP = 255


def quantised_idf(idf: FloatArray) -> FloatArray:
    """The IDF as the weights file gives it back: each value the nearest multiple of max / 255."""
    codes, scale = _idf_codes(idf)
    return (codes.astype(np.float32) * scale).astype(np.float32)


def save_model(model: TopicModel, path: Path) -> None:
    """Write `model` to `path` as `load_model` reads it."""
    vocabulary = sorted(model.index, key=model.index.__getitem__)
    idf_codes, idf_scale = _idf_codes(model.idf)
    weight_scales, weight_codes = _weight_codes(model.weights)
    np.savez_compressed(
        path,
        codes=np.array(model.codes),
        vocabulary=np.array(_VOCAB_SEPARATOR.join(vocabulary)),
        pairs=model.pairs.astype(np.uint32),
        idf=idf_codes,
        idf_scale=np.array(idf_scale, dtype=np.float32),
        weights=weight_codes,
        weight_scales=weight_scales.astype(np.float32),
        bias=model.bias.astype(np.float32),
        thresholds=model.thresholds.astype(np.float32),
    )


def load_model(path: Path) -> TopicModel:
    """Read a weights file written by `save_model` (plain arrays: no pickle is ever loaded)."""
    with np.load(path, allow_pickle=False) as data:
        vocabulary = str(data["vocabulary"]).split(_VOCAB_SEPARATOR)
        codes = data["weights"].astype(np.float32)
        weights = codes * np.abs(codes)
        weights *= data["weight_scales"].astype(np.float32)
        return TopicModel(
            codes=tuple(str(code) for code in data["codes"]),
            index={term: feature for feature, term in enumerate(vocabulary)},
            pairs=data["pairs"].astype(np.uint32),
            idf=data["idf"].astype(np.float32) * np.float32(data["idf_scale"]),
            weights=weights,
            bias=data["bias"].astype(np.float32),
            thresholds=data["thresholds"].astype(np.float32),
        )


def _idf_codes(idf: FloatArray) -> tuple[npt.NDArray[np.uint8], np.float32]:
    top = float(idf.max()) if len(idf) else 0.0
    scale = np.float32(top / _UINT8_TOP if top > 0 else 1.0)
    return np.rint(idf / scale).astype(np.uint8), scale


def _weight_codes(weights: FloatArray) -> tuple[FloatArray, npt.NDArray[np.int8]]:
    """(scale per code, int8 codes) with weights ~ codes * |codes| * scale: the root of each weight's share
    of its column's largest, times 127."""
    largest = np.abs(weights).max(axis=0)
    largest[largest == 0] = 1.0  # an all-zero column stays zero
    roots = np.sqrt(np.abs(weights) / largest) * np.float32(_INT8_TOP)
    codes = (np.sign(weights) * np.rint(roots)).astype(np.int8)
    scales: FloatArray = (largest / np.float32(_INT8_TOP * _INT8_TOP)).astype(np.float32)
    return scales, codes
