"""Write the JSON Schema of every record that crosses the wire into schemas/json/.

python -m schemas.export          # regenerate
python -m schemas.export --check  # exit 1 when a file differs from its model
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pydantic import BaseModel

from schemas.classification import EventRecord
from schemas.dead import DeadLetter
from schemas.documents import ProcessedDocument
from schemas.source import SourceDocument

JSON_DIR = Path(__file__).parent / "json"
EXPORTED: dict[str, type[BaseModel]] = {
    "source_document": SourceDocument,
    "processed_document": ProcessedDocument,
    "event_record": EventRecord,
    "dead_letter": DeadLetter,
}


def rendered_schemas() -> dict[Path, str]:
    """Each schema file's path and the text it must hold."""
    return {
        JSON_DIR / f"{name}.schema.json": json.dumps(model.model_json_schema(mode="serialization"), indent=2)
        + "\n"
        for name, model in EXPORTED.items()
    }


def main(argv: list[str]) -> int:
    stale = [
        path for path, text in rendered_schemas().items() if not path.exists() or path.read_text() != text
    ]
    if "--check" in argv:
        for path in stale:
            print(f"{path} differs from its model: run `python -m schemas.export`", file=sys.stderr)
        return 1 if stale else 0
    JSON_DIR.mkdir(exist_ok=True)
    for path, text in rendered_schemas().items():
        path.write_text(text, encoding="utf-8")
    print(f"wrote {len(EXPORTED)} schema files to {JSON_DIR}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
