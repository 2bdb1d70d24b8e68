from __future__ import annotations

from schemas import ParsedDocument, SourceDocument


def parse(doc: SourceDocument) -> ParsedDocument:
    raise NotImplementedError  # being written
