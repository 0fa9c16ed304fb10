"""Reading, merging and validating the language-data files, with ``file:line`` errors."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import yaml

from dragoman.domain.errors import LexiconError
from dragoman.lexicon.schema import SCHEMAS, Invalid, Section

LANGUAGE = "en"
# The packaged files, by name; each has a schema in lexicon/schema.py.
LEXICON_FILES = tuple(SCHEMAS)


class _Lines(dict[str, Any]):
    """A mapping that remembers the line of each key."""

    lines: dict[str, int]


class _Items(list[Any]):
    """A list that remembers the line of each item."""

    lines: list[int]


# libyaml's parser when PyYAML was built with it (the wheels are): the word lists are read at
# every process start, and the pure-Python parser takes most of that time.
_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[misc,valid-type]
    """Safe YAML that keeps line numbers and leaves dates as text."""


def _mapping(loader: _Loader, node: yaml.MappingNode) -> _Lines:
    out = _Lines()
    out.lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        out[str(key)] = loader.construct_object(value_node, deep=True)
        out.lines[str(key)] = key_node.start_mark.line + 1
    return out


def _sequence(loader: _Loader, node: yaml.SequenceNode) -> _Items:
    out = _Items(loader.construct_object(child, deep=True) for child in node.value)
    out.lines = [child.start_mark.line + 1 for child in node.value]
    return out


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _sequence)
_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _line(container: Any, key: str | int) -> int | str:
    lines = getattr(container, "lines", None)
    if isinstance(lines, dict) and isinstance(key, str):
        return lines.get(key, "?")
    if isinstance(lines, list) and isinstance(key, int) and key < len(lines):
        return lines[key]
    return "?"


def _read(text: str, source: str) -> Any:
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else "?"
        raise LexiconError(f"{source}:{line}: YAML syntax error: {getattr(exc, 'problem', exc)}") from None


@dataclass(frozen=True)
class LexiconFile:
    """One language-data file after overrides: its sections as plain Python values."""

    name: str
    version: int
    sections: Mapping[str, Any]

    def __getitem__(self, section: str) -> Any:
        return self.sections[section]


@dataclass(frozen=True)
class Lexicon:
    """The language data of a run, and the files it came from (for the stage versions)."""

    files: Mapping[str, LexiconFile]
    sources: tuple[Traversable | Path, ...]

    def __getitem__(self, name: str) -> LexiconFile:
        return self.files[name]


def lexicon_paths(name: str, overrides: Sequence[Path] = ()) -> list[Traversable | Path]:
    """The packaged file ``name`` and the override files: what a stage's version hashes."""
    return [resources.files("dragoman.lexicon") / LANGUAGE / f"{name}.yaml", *overrides]


def load_lexicon(names: Sequence[str] = LEXICON_FILES, overrides: Sequence[Path] = ()) -> Lexicon:
    """The packaged files ``names``, then each override file in order, validated."""
    packaged = {name: _packaged(name) for name in names}
    for path in overrides:
        _apply_override(packaged, Path(path))
    files = {name: _finish(name, raw) for name, raw in packaged.items()}
    sources: list[Traversable | Path] = [resources.files("dragoman.lexicon") / LANGUAGE / f"{n}.yaml" for n in names]
    return Lexicon(files, tuple(sources + [Path(p) for p in overrides]))


def _packaged(name: str) -> dict[str, Any]:
    if name not in SCHEMAS:
        raise LexiconError(f"no lexicon file {name!r}; one of {', '.join(LEXICON_FILES)}")
    source = f"dragoman/lexicon/{LANGUAGE}/{name}.yaml"
    text = (resources.files("dragoman.lexicon") / LANGUAGE / f"{name}.yaml").read_text(encoding="utf-8")
    data = _read(text, source)
    if not isinstance(data, dict) or not isinstance(data.get("version"), int):
        raise LexiconError(f"{source}:1: a lexicon file is a mapping with an integer 'version'")
    schema = SCHEMAS[name]
    for section in schema:
        if section not in data:
            raise LexiconError(f"{source}:1: missing section {section!r}")
    return {"version": data["version"], **{s: _check(schema[s], data, s, source) for s in schema}}


def _apply_override(packaged: dict[str, dict[str, Any]], path: Path) -> None:
    """An override file names lexicon files and sections: mappings are updated, lists extended."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read: {exc.strerror or exc}") from None
    data = _read(text, str(path))
    if not isinstance(data, dict):
        raise LexiconError(f"{path}:1: a lexicon override is a mapping of lexicon file names")
    for name, sections in data.items():
        if name not in packaged:
            if name in SCHEMAS:
                continue  # another file's words: checked when the stage that reads that file loads it
            raise LexiconError(f"{path}:{_line(data, name)}: no lexicon file {name!r}; one of {', '.join(SCHEMAS)}")
        if not isinstance(sections, dict):
            raise LexiconError(f"{path}:{_line(data, name)}: {name}: expected a mapping of sections")
        schema = SCHEMAS[name]
        for section in sections:
            if section not in schema:
                raise LexiconError(
                    f"{path}:{_line(sections, section)}: {name} has no section {section!r}; one of {', '.join(schema)}"
                )
            added = _check(schema[section], sections, section, str(path))
            packaged[name][section] = schema[section].merge(packaged[name][section], added)


def _check(section: Section, container: Any, key: str, source: str) -> Any:
    try:
        return section.read(container[key])
    except Invalid as invalid:
        line = _line(invalid.container, invalid.key) if invalid.container is not None else _line(container, key)
        raise LexiconError(f"{source}:{line}: {key}: {invalid.reason}") from None


def _finish(name: str, raw: dict[str, Any]) -> LexiconFile:
    schema = SCHEMAS[name]
    return LexiconFile(name, raw["version"], {s: schema[s].freeze(raw[s]) for s in schema})


# ----------------------------------------------------------------- the run's language data
# The override files of the run (``--lexicon``), set when a processor or an ingest starts:
# the stage modules read their words through ``lexicon_file``, which applies them.
_overrides: list[tuple[Path, ...]] = [()]


# The files read under the current overrides, by name: the stages look words up per token.
_current: dict[str, LexiconFile] = {}


def use_overrides(paths: Sequence[Path]) -> None:
    """Make ``paths`` the override files ``lexicon_file`` applies (one set per run and process)."""
    overrides = tuple(Path(p) for p in paths)
    if overrides != _overrides[0]:
        _overrides[0] = overrides
        _current.clear()


def active_overrides() -> tuple[Path, ...]:
    return _overrides[0]


def lexicon_file(name: str) -> LexiconFile:
    """The file ``name`` with the run's overrides applied, validated once."""
    found = _current.get(name)
    if found is None:
        found = _current[name] = _cached_file(name, active_overrides())
    return found


@lru_cache(maxsize=64)
def _cached_file(name: str, overrides: tuple[Path, ...]) -> LexiconFile:
    return load_lexicon([name], overrides)[name]


@dataclass(frozen=True)
class OverridePart:
    """What an override file says about the files ``names``: a stage that reads only those
    files hashes this, so an override of trigger words changes no other stage's version."""

    path: Path
    names: tuple[str, ...]

    def read_bytes(self) -> bytes:
        try:
            data = _read(self.path.read_text(encoding="utf-8"), str(self.path))
        except (OSError, LexiconError):
            return self.path.read_bytes() if self.path.is_file() else b""  # the load reports it
        if not isinstance(data, dict):
            return json.dumps(data, default=str).encode()
        part = {name: data[name] for name in self.names if name in data}
        return json.dumps(part, sort_keys=True, ensure_ascii=False, default=str).encode() if part else b""


def lexicon_sources(names: Sequence[str], overrides: Sequence[Path] = ()) -> list[Traversable | OverridePart]:
    """The packaged files ``names`` and what each override says about them: a stage's data files."""
    packaged: list[Traversable | OverridePart] = [
        resources.files("dragoman.lexicon") / LANGUAGE / f"{name}.yaml" for name in names
    ]
    parts = [OverridePart(Path(p), tuple(names)) for p in overrides]
    return packaged + [part for part in parts if part.read_bytes()]  # an override of other files is no source
