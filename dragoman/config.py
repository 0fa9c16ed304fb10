"""Settings with defaults and help, read from a file < the environment < command-line flags.

Every command and ``dragoman.open()`` read them through ``load_settings``; a value that
cannot be used (a broken ``dragoman.toml``, ``DRAGOMAN_WORKERS=abc``, ``--batch-size 0``)
is a SettingsError naming where it came from, in one line.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from dragoman.domain.dates import PartialDate

CONFIG_FILE = "dragoman.toml"


# A batch is one store transaction and one checkpoint, whose cost is mostly fixed (about
# 1.5 ms a column written): 128 documents a batch cost the ingest process about a third of
# what 32 did per document (docs/performance.md). Workers get tasks of a few documents each.
DEFAULT_BATCH_SIZE = 128


class SettingsError(ValueError):
    """A setting that cannot be used, with where it came from, in one line."""


@dataclass(frozen=True)
class Settings:
    db: Path = field(default=Path("dragoman.duckdb"), metadata={"help": "DuckDB store file", "env": "DRAGOMAN_DB"})
    kb_files: tuple[Path, ...] = field(
        default=(), metadata={"help": "extra knowledge-base YAML files", "env": "DRAGOMAN_KB"}
    )
    lexicon_files: tuple[Path, ...] = field(
        default=(), metadata={"help": "language-data override YAML files", "env": "DRAGOMAN_LEXICON"}
    )
    batch_size: int = field(default=DEFAULT_BATCH_SIZE, metadata={"help": "documents per store transaction"})
    workers: int = field(default=1, metadata={"help": "local worker processes", "env": "DRAGOMAN_WORKERS"})
    max_bytes: int = field(default=50_000_000, metadata={"help": "largest input file accepted"})
    max_chars: int = field(
        default=12_000_000, metadata={"help": "longest text accepted, in characters (parsed in windows)"}
    )
    allow_outside: bool = field(default=False, metadata={"help": "let a manifest name files outside its own folder"})
    near_duplicate_threshold: float = field(
        default=0.75, metadata={"help": "estimated Jaccard similarity above which a document is a twin"}
    )
    event_coder: str = field(
        default="rules",
        metadata={
            "help": "event coder: rules, or the learned coder (see docs/evaluation.md)",
            "env": "DRAGOMAN_EVENT_CODER",
        },
    )
    min_confidence: float = field(
        default=0.0, metadata={"help": "lowest event confidence exported and shown (a calibrated probability)"}
    )
    default_date: str | None = field(
        default=None,
        metadata={
            "help": "date (YYYY, YYYY-MM or YYYY-MM-DD) assumed for documents without one; "
            "without it, titles in undated documents name the office, not its holder",
            "env": "DRAGOMAN_DEFAULT_DATE",
        },
    )

    def __post_init__(self) -> None:
        for f in fields(self):
            _check(f.name, getattr(self, f.name), f"setting {f.name}")

    def with_overrides(self, **overrides: Any) -> Settings:
        """Apply command-line values; ``None`` means "not given"."""
        given = {k: v for k, v in overrides.items() if v is not None}
        for name, value in given.items():
            _check(name, value, f"--{name.replace('_', '-')}")
        return replace(self, **given)


def _check(name: str, value: Any, where: str) -> None:
    """Refuse a value no run can use, naming where it came from."""
    if name == "batch_size" and value < 1:
        raise SettingsError(f"{where}: {value} is not a batch size (1 or more documents)")
    if name == "workers" and value < 0:
        raise SettingsError(f"{where}: {value} workers (0 or 1 runs in this process)")
    if name == "max_chars" and value < 1:
        raise SettingsError(f"{where}: {value} is not a text length limit (1 character or more)")
    if name == "max_bytes" and value < 1:
        raise SettingsError(f"{where}: {value} is not a file size limit (1 byte or more)")
    if name == "near_duplicate_threshold" and not 0 < value <= 1:
        raise SettingsError(f"{where}: {value} is not a similarity (over 0, at most 1)")
    if name == "min_confidence" and not 0 <= value <= 1:
        raise SettingsError(f"{where}: {value} is not a probability (0 to 1)")
    if name == "event_coder" and value not in {"rules", "learned"}:
        raise SettingsError(f"{where}: {value!r} is not an event coder (rules or learned)")
    if name == "default_date" and value is not None and not _exact_date(str(value)):
        raise SettingsError(f"{where}: {value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")


def _exact_date(text: str) -> bool:
    """A real YYYY, YYYY-MM or YYYY-MM-DD date, written without surrounding space."""
    return text == text.strip() and PartialDate.parse_or_none(text) is not None


def _coerce(name: str, value: Any, where: str) -> Any:
    try:
        if name == "db":
            if not isinstance(value, str) or not value:
                raise TypeError("a file name")
            return Path(value)
        if name in {"kb_files", "lexicon_files"}:
            items = value.split(os.pathsep) if isinstance(value, str) else value
            if not isinstance(items, list) or not all(isinstance(v, str) for v in items):
                raise TypeError("a list of file names")
            return tuple(Path(v) for v in items if v)
        if name in {"batch_size", "workers", "max_bytes", "max_chars"}:
            if isinstance(value, bool) or not isinstance(value, int | str):
                raise TypeError("an integer")
            return int(value)
        if name in {"near_duplicate_threshold", "min_confidence"}:
            if isinstance(value, bool) or not isinstance(value, int | float | str):
                raise TypeError("a number")
            return float(value)
        if name == "allow_outside":
            if not isinstance(value, bool):
                raise TypeError("true or false")
            return value
        if name == "default_date":
            if not isinstance(value, str):
                raise TypeError('a date string such as "2005-06"')
            return value
    except TypeError as exc:
        raise SettingsError(f"{where}: {name} = {value!r} is not {exc}") from None
    except ValueError:
        kind = "a number" if name in {"near_duplicate_threshold", "min_confidence"} else "an integer"
        raise SettingsError(f"{where}: {name} = {value!r} is not {kind}") from None
    return value


def _read(name: str, value: Any, where: str) -> Any:
    coerced = _coerce(name, value, where)
    _check(name, coerced, f"{where}: {name}")
    return coerced


def load_settings(config_file: Path | None = None) -> Settings:
    """Defaults, then ``dragoman.toml`` (``[dragoman]`` table), then DRAGOMAN_* variables."""
    values: dict[str, Any] = {}
    path = config_file or Path(CONFIG_FILE)
    known = {f.name for f in fields(Settings)}
    if path.is_file():
        try:
            with path.open("rb") as handle:
                document = tomllib.load(handle)
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise SettingsError(f"{path}: not valid TOML: {exc}") from None
        except OSError as exc:
            raise SettingsError(f"{path}: cannot read: {exc.strerror or exc}") from None
        table = document.get("dragoman", {})
        if not isinstance(table, dict):
            raise SettingsError(f"{path}: 'dragoman' is a table ([dragoman]), not a value")
        unknown = sorted(set(table) - known)
        if unknown:
            raise SettingsError(f"{path}: unknown setting {unknown[0]!r} (one of {', '.join(sorted(known))})")
        values.update({k: _read(k, v, str(path)) for k, v in table.items()})
    for f in fields(Settings):
        env = f.metadata.get("env")
        if env and os.environ.get(env):
            values[f.name] = _read(f.name, os.environ[env], env)
    return Settings(**values)
