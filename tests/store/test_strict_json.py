"""NaN and Infinity (which JSONL metadata may hold) are stored and exported as null: strict JSON."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from pathlib import Path

from dragoman.read.export import frame, write
from dragoman.store import Store
from dragoman.store.rows import to_json
from tests.store.test_db import processed


def strict(text: str) -> object:
    def refuse(name: str) -> object:
        raise ValueError(f"not strict JSON: {name}")

    return json.loads(text, parse_constant=refuse)


def test_non_finite_numbers_become_null() -> None:
    assert to_json({"s": float("nan"), "i": float("inf"), "n": [float("-inf"), 1.5]}) == (
        '{"i": null, "n": [null, 1.5], "s": null}'
    )


def test_stored_metadata_and_the_export_are_strict_json(tmp_path: Path) -> None:
    record = processed()
    record = replace(record, document=replace(record.document, meta={"score": float("nan"), "inf": float("inf")}))
    with Store(tmp_path / "s.duckdb") as store:
        store.write_documents([record])
        stored = store.scalar("SELECT meta FROM documents")
        documents = frame(store, "documents")
    assert strict(stored) == {"inf": None, "score": None}
    out = io.StringIO()
    write(documents, "jsonl", None, out)
    for line in out.getvalue().splitlines():
        strict(line)
