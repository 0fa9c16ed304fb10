"""Settings with defaults and help, read from a file < the environment < command-line flags.

pydantic-settings does the layering and the coercion (``dragoman.toml``'s ``[dragoman]``
table, then ``DRAGOMAN_<NAME>`` variables, with ``DRAGOMAN_KB`` and ``DRAGOMAN_LEXICON`` for
the file lists, then the values given). Every command and ``dragoman.open()`` read them
through ``load_settings``; a value that cannot be used (a broken ``dragoman.toml``,
``DRAGOMAN_WORKERS=abc``, ``--batch-size 0``) is a SettingsError naming where it came from,
in one line.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable, Mapping
from contextvars import ContextVar
from pathlib import Path
from typing import Annotated, Any

from pydantic import Field, ValidationError, ValidationInfo, field_validator
from pydantic_settings import (
    BaseSettings,
    NoDecode,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from dragoman.domain.dates import PartialDate

CONFIG_FILE = "dragoman.toml"


# A batch is one store transaction and one checkpoint, whose cost is mostly fixed (about
# 1.5 ms a column written): 128 documents a batch cost the ingest process about a third of
# what 32 did per document (docs/performance.md). Workers get tasks of a few documents each.
DEFAULT_BATCH_SIZE = 128
# Set by ``load_settings``: read the environment, and this file when it has a [dragoman] table.
# Unset, Settings(...) takes only the defaults and the values given (and a bad one raises
# pydantic's ValidationError, a ValueError).
_LOADING: ContextVar[tuple[Path | None] | None] = ContextVar("dragoman_settings_sources", default=None)


class SettingsError(ValueError):
    """A setting that cannot be used, with where it came from, in one line."""


FileList = Annotated[tuple[Path, ...], NoDecode]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="DRAGOMAN_", env_ignore_empty=True, frozen=True, extra="forbid", populate_by_name=True
    )

    db: Path = Field(default=Path("dragoman.duckdb"), description="DuckDB store file")
    kb_files: FileList = Field(
        default=(), description="extra knowledge-base YAML files", validation_alias="DRAGOMAN_KB"
    )
    lexicon_files: FileList = Field(
        default=(), description="language-data override YAML files", validation_alias="DRAGOMAN_LEXICON"
    )
    batch_size: int = Field(default=DEFAULT_BATCH_SIZE, description="documents per store transaction")
    workers: int = Field(default=1, description="local worker processes")
    max_bytes: int = Field(default=50_000_000, description="largest input file accepted")
    max_chars: int = Field(default=12_000_000, description="longest text accepted, in characters (parsed in windows)")
    allow_outside: bool = Field(default=False, description="let a manifest name files outside its own folder")
    near_duplicate_threshold: float = Field(
        default=0.75, description="estimated Jaccard similarity above which a document is a twin"
    )
    event_coder: str = Field(
        default="combined",
        description="event coder: combined (learned on news, rules on analyses), learned or rules (docs/evaluation.md)",
    )
    min_confidence: float = Field(
        default=0.0, description="lowest event confidence exported and shown (a calibrated probability)"
    )
    default_date: str | None = Field(
        default=None,
        description="date (YYYY, YYYY-MM or YYYY-MM-DD) assumed for documents without one; "
        "without it, titles in undated documents name the office, not its holder",
    )

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        del dotenv_settings, file_secret_settings  # no .env file, no secrets directory
        loading = _LOADING.get()
        if loading is None:
            return (init_settings,)
        (path,) = loading
        if path is None:
            return init_settings, env_settings
        return (
            init_settings,
            env_settings,
            TomlConfigSettingsSource(settings_cls, path, toml_table_header=("dragoman",)),
        )

    @field_validator("kb_files", "lexicon_files", mode="before")
    @classmethod
    def _split_paths(cls, value: Any) -> Any:
        """A variable lists files as a PATH does; a file lists them as an array."""
        return tuple(part for part in value.split(os.pathsep) if part) if isinstance(value, str) else value

    @field_validator("*")
    @classmethod
    def _usable(cls, value: Any, info: ValidationInfo) -> Any:
        problem = _problem(str(info.field_name), value)
        if problem is not None:
            raise ValueError(problem)
        return value

    def with_overrides(self, **overrides: Any) -> Settings:
        """Apply command-line values; ``None`` means "not given"."""
        given = {k: v for k, v in overrides.items() if v is not None}
        return _validated(
            lambda: Settings.model_validate({**self.model_dump(), **given}), lambda name: f"--{name.replace('_', '-')}"
        )


# What a value of each setting must be, for the one-line message when it is not.
KINDS = {
    "db": "a file name",
    "kb_files": "a list of file names",
    "lexicon_files": "a list of file names",
    "allow_outside": "true or false",
    "near_duplicate_threshold": "a number",
    "min_confidence": "a number",
    "event_coder": "a coder name",
    "default_date": 'a date string such as "2005-06"',
}
ALIASES = {"DRAGOMAN_KB": "kb_files", "DRAGOMAN_LEXICON": "lexicon_files"}


def _problem(name: str, value: Any) -> str | None:
    """Why no run can use the value, or None."""
    if name == "db" and str(value) in {"", "."}:
        return "not a file name"
    if name == "batch_size" and value < 1:
        return f"{value} is not a batch size (1 or more documents)"
    if name == "workers" and value < 0:
        return f"{value} workers (0 or 1 runs in this process)"
    if name == "max_chars" and value < 1:
        return f"{value} is not a text length limit (1 character or more)"
    if name == "max_bytes" and value < 1:
        return f"{value} is not a file size limit (1 byte or more)"
    if name == "near_duplicate_threshold" and not 0 < value <= 1:
        return f"{value} is not a similarity (over 0, at most 1)"
    if name == "min_confidence" and not 0 <= value <= 1:
        return f"{value} is not a probability (0 to 1)"
    if name == "event_coder" and value not in {"combined", "learned", "rules"}:
        return f"{value!r} is not an event coder (combined, learned or rules)"
    if name == "default_date" and value is not None and not _exact_date(str(value)):
        return f"{value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"
    return None


def _exact_date(text: str) -> bool:
    """A real YYYY, YYYY-MM or YYYY-MM-DD date, written without surrounding space."""
    return text == text.strip() and PartialDate.parse_or_none(text) is not None


def _one_line(error: Mapping[str, Any], where: Callable[[str], str]) -> str:
    """pydantic's error as ``<where>: <reason>``; ``where`` names the source of a setting."""
    name = ALIASES.get(str(error["loc"][0]), str(error["loc"][0])) if error["loc"] else "?"
    if error["type"] == "value_error":
        return f"{where(name)}: {error['ctx']['error']}"
    return f"{where(name)} = {error['input']!r} is not {KINDS.get(name, 'an integer')}"


def _validated(build: Callable[[], Settings], where: Callable[[str], str]) -> Settings:
    try:
        return build()
    except ValidationError as exc:
        raise SettingsError(_one_line(exc.errors(include_url=False)[0], where)) from None


def _environment_name(name: str) -> str:
    return {v: k for k, v in ALIASES.items()}.get(name, f"DRAGOMAN_{name.upper()}")


def load_settings(config_file: Path | None = None) -> Settings:
    """Defaults, then ``dragoman.toml`` (``[dragoman]`` table), then DRAGOMAN_* variables."""
    path = config_file or Path(CONFIG_FILE)
    known = sorted(Settings.model_fields)
    table: Any = None
    if path.is_file():
        try:
            with path.open("rb") as handle:
                table = tomllib.load(handle).get("dragoman")
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise SettingsError(f"{path}: not valid TOML: {exc}") from None
        except OSError as exc:
            raise SettingsError(f"{path}: cannot read: {exc.strerror or exc}") from None
        if table is not None and not isinstance(table, dict):
            raise SettingsError(f"{path}: 'dragoman' is a table ([dragoman]), not a value")
        unknown = sorted(set(table or ()) - set(known))
        if unknown:
            raise SettingsError(f"{path}: unknown setting {unknown[0]!r} (one of {', '.join(known)})")

    def where(name: str) -> str:
        """The variable when it is set (it wins over the file), else the file."""
        variable = _environment_name(name)
        return f"{variable}: {name}" if os.environ.get(variable) else f"{path}: {name}"

    token = _LOADING.set((path if table is not None else None,))
    try:
        return _validated(Settings, where)
    finally:
        _LOADING.reset(token)
