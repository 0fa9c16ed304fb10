from __future__ import annotations

from pathlib import Path

import pytest

from dragoman.domain import errors
from dragoman.store import Store


def test_codes_are_unique_and_stable() -> None:
    classes = [c for c in vars(errors).values() if isinstance(c, type) and issubclass(c, errors.DragomanError)]
    codes = {c.__name__: c.code for c in classes}
    assert len(set(codes.values())) == len(codes)
    assert codes["StoreBusy"] == "D101" and codes["StoreMissing"] == "D102" and codes["StoreNewer"] == "D103"


def test_a_missing_store_is_told_by_type(tmp_path: Path) -> None:
    with pytest.raises(errors.StoreMissing, match="no such store"):
        Store(tmp_path / "absent.duckdb", read_only=True)


def test_a_newer_store_is_told_by_type(tmp_path: Path) -> None:
    db = tmp_path / "newer.duckdb"
    with Store(db) as store:
        store.con.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    with pytest.raises(errors.StoreNewer, match="is newer than this dragoman") as caught:
        Store(db, read_only=True)
    assert caught.value.code == "D103"
