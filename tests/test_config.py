from __future__ import annotations

import os
from pathlib import Path

import pytest

from dragoman.config import Settings, SettingsError, load_settings


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


def test_every_setting_has_a_variable_and_file_lists_split_like_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("DRAGOMAN_DB", "DRAGOMAN_WORKERS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DRAGOMAN_KB", os.pathsep.join(["a.yaml", "", "b.yaml"]))
    monkeypatch.setenv("DRAGOMAN_BATCH_SIZE", "16")
    monkeypatch.setenv("DRAGOMAN_ALLOW_OUTSIDE", "")  # empty: not given
    settings = load_settings(tmp_path / "absent.toml")
    assert settings.kb_files == (Path("a.yaml"), Path("b.yaml")) and settings.batch_size == 16
    assert settings.allow_outside is False


def test_a_file_without_a_dragoman_table_gives_the_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DRAGOMAN_DB", raising=False)
    config = tmp_path / "dragoman.toml"
    config.write_text('[other]\ndb = "x.duckdb"\n')
    assert load_settings(config).db == Path("dragoman.duckdb")


def test_a_file_list_of_the_wrong_type_is_named_with_its_file(tmp_path: Path) -> None:
    config = tmp_path / "dragoman.toml"
    config.write_text("[dragoman]\nkb_files = 3\n")
    with pytest.raises(SettingsError) as caught:
        load_settings(config)
    assert str(caught.value) == f"{config}: kb_files = 3 is not a list of file names"


def test_settings_built_in_code_read_neither_file_nor_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRAGOMAN_WORKERS", "7")
    assert Settings().workers == 1
    with pytest.raises(ValueError, match="0 is not a batch size"):
        Settings(batch_size=0)
