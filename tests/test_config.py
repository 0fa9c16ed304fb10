from __future__ import annotations

from pathlib import Path

import pytest

from dragoman.config import Settings, load_settings


def test_file_then_environment_then_flags(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "dragoman.toml"
    config.write_text('[dragoman]\ndb = "from-file.duckdb"\nbatch_size = 8\nworkers = 3\n')
    monkeypatch.setenv("DRAGOMAN_DB", "from-env.duckdb")
    settings = load_settings(config)
    assert settings.db == Path("from-env.duckdb")
    assert settings.batch_size == 8 and settings.workers == 3
    assert settings.with_overrides(db=Path("flag.duckdb"), workers=None).db == Path("flag.duckdb")
    assert settings.with_overrides(workers=None).workers == 3


def test_defaults(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("DRAGOMAN_DB", raising=False)
    assert load_settings(tmp_path / "absent.toml") == Settings()


@pytest.mark.parametrize("value", ["2022-02-30", "2022-13", " 2022", "22-01", ""])
def test_default_date_must_be_a_real_partial_date(value: str) -> None:
    with pytest.raises(ValueError) as caught:
        Settings().with_overrides(default_date=value)
    assert str(caught.value) == f"--default-date: {value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"


def test_default_date_accepts_each_precision() -> None:
    for value in ("2022", "2022-02", "2022-02-28"):
        assert Settings().with_overrides(default_date=value).default_date == value
