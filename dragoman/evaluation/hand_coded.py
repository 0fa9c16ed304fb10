"""What the checks against hand-coded lists share: reading the list and the stored rows, and
finding the document an item names."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from dragoman.store import Store


def expected_and_stored(store: Store, key_file: Path, sql: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The hand-coded items of ``key_file`` and the stored rows ``sql`` selects (with ``path``)."""
    return yaml.safe_load(key_file.read_text(encoding="utf-8")), store.rows(sql)


def in_document(row: dict[str, Any], doc: str) -> bool:
    """An item names its document by the start of the file name."""
    return Path(row["path"]).name.startswith(doc)
