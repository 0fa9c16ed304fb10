"""Settings with defaults and help, read from a file < the environment < command-line flags."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

CONFIG_FILE = "dragoman.toml"


# A batch is one store transaction and one checkpoint, whose cost is mostly fixed (about
# 1.5 ms a column written): 128 documents a batch cost the ingest process about a third of
# what 32 did per document (docs/performance.md). Workers get tasks of a few documents each.
DEFAULT_BATCH_SIZE = 128


@dataclass(frozen=True)
class Settings:
    db: Path = field(default=Path("dragoman.duckdb"), metadata={"help": "DuckDB store file", "env": "DRAGOMAN_DB"})
    kb_files: tuple[Path, ...] = field(
        default=(), metadata={"help": "extra knowledge-base YAML files", "env": "DRAGOMAN_KB"}
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

    def with_overrides(self, **overrides: Any) -> Settings:
        """Apply command-line values; ``None`` means "not given"."""
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})


class SettingsError(ValueError):
    """A settings file or variable that cannot be used; the message names it and says why."""


def _coerce(name: str, value: Any) -> Any:
    if name == "db":
        return Path(value)
    if name == "kb_files":
        items = value.split(os.pathsep) if isinstance(value, str) else value
        return tuple(Path(v) for v in items if v)
    if name in {"batch_size", "workers", "max_bytes", "max_chars"}:
        if isinstance(value, bool) or not isinstance(value, int | str):
            raise ValueError(f"{name} must be a whole number, not {value!r}")
        try:
            return int(value)
        except ValueError:
            raise ValueError(f"{name} must be a whole number, not {value!r}") from None
    if name == "near_duplicate_threshold":
        try:
            return float(value)
        except (TypeError, ValueError):
            raise ValueError(f"{name} must be a number, not {value!r}") from None
    if name == "allow_outside" and not isinstance(value, bool):
        raise ValueError(f"{name} must be true or false, not {value!r}")
    return value


def load_settings(config_file: Path | None = None) -> Settings:
    """Defaults, then ``dragoman.toml`` (``[dragoman]`` table), then DRAGOMAN_* variables."""
    values: dict[str, Any] = {}
    path = config_file or Path(CONFIG_FILE)
    if path.exists():
        try:
            with path.open("rb") as handle:
                table = tomllib.load(handle).get("dragoman", {})
            known = {f.name for f in fields(Settings)}
            values.update({k: _coerce(k, v) for k, v in table.items() if k in known})
        except tomllib.TOMLDecodeError as exc:
            raise SettingsError(f"{path}: not valid TOML ({exc})") from None
        except (OSError, AttributeError, ValueError) as exc:
            raise SettingsError(f"{path}: {exc}") from None
    for f in fields(Settings):
        env = f.metadata.get("env")
        if env and os.environ.get(env):
            try:
                values[f.name] = _coerce(f.name, os.environ[env])
            except ValueError as exc:
                raise SettingsError(f"{env}: {exc}") from None
    return Settings(**values)
