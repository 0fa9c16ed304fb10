from __future__ import annotations

from pathlib import Path

import pytest

from dragoman.store import Store


def test_transaction_commits_a_whole_block(tmp_path: Path) -> None:
    with Store(tmp_path / "t.duckdb") as store:
        with store.transaction():
            store.insert_rows("disputes", [{"id": "d1", "proposition_id": "p", "kind": "date"}])
        assert store.scalar("SELECT count(*) FROM disputes") == 1


def test_transaction_rolls_back_on_error(tmp_path: Path) -> None:
    with Store(tmp_path / "t.duckdb") as store:
        with pytest.raises(RuntimeError, match="midway"):
            with store.transaction():
                store.insert_rows("disputes", [{"id": "d1", "proposition_id": "p", "kind": "date"}])
                raise RuntimeError("midway")
        assert store.scalar("SELECT count(*) FROM disputes") == 0
