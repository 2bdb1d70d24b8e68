"""The one train/held-out split of the gold dev data, shared by training scripts and `newswire eval`."""

from __future__ import annotations

import hashlib

HOLDOUT_PERCENT = 20


def is_holdout(doc_id: str) -> bool:
    """True for the ~20 % of documents that training never sees, chosen by a stable hash of the id."""
    digest = hashlib.blake2b(doc_id.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") % 100 < HOLDOUT_PERCENT
