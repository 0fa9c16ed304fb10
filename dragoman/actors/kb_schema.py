"""The shape of a knowledge-base file, checked before any of it is used.

User files (``--kb``) come from anywhere: their YAML aliases are refused (an alias
bomb expands to gigabytes when its values are read), every value must have the
type the format says (no coercion of lists or mappings to strings), and every
error names the file and the line of the mapping it is in.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
MAX_TEXT = 1000
MAX_NAMES = 2000


class ShapeError(ValueError):
    """A value of the wrong shape, at ``line`` (of the mapping it is in)."""

    def __init__(self, line: int | str, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def _printable(value: str) -> str:
    if CONTROL.search(value):
        raise ValueError("control characters are not allowed")
    return value


Text = Annotated[str, Field(min_length=1, max_length=MAX_TEXT), AfterValidator(_printable)]
Date = Annotated[str | int, Field(union_mode="left_to_right")]
Names = Annotated[list[Text], Field(max_length=MAX_NAMES)]
STRICT = ConfigDict(extra="forbid", strict=True)


class OfficeSpec(BaseModel):
    model_config = STRICT
    role: Text
    office: Text | None = None
    country: Text | None = None
    org: Text | None = None
    sector: Text | None = None
    start: Date | None = None
    end: Date | None = None
    note: str | None = None


class EntrySpec(BaseModel):
    model_config = STRICT
    id: Text
    kind: Text
    name: Text
    country: Text | None = None
    org: Text | None = None
    qid: Text | None = None
    sector: Text | None = None
    aliases: Names | None = None
    demonyms: Names | None = None
    metonyms: Names | None = None
    status: Text | None = None
    office_key: Text | None = None
    offices: Annotated[list[OfficeSpec], Field(max_length=MAX_NAMES)] | None = None
    note: str | None = None


class RoleSpec(BaseModel):
    model_config = STRICT
    role: Text
    office: Text
    country: Text | None = None
    org: Text | None = None
    sector: Text | None = None


# "places" is read by the gazetteer (dragoman/places), not by the actor knowledge base.
TOP_LEVEL = {"defaults", "entries", "roles", "title_scopes", "places"}


def kind_of(value: Any) -> str:
    """What a YAML value is, in the format's words."""
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "a string"
    return "null" if value is None else f"a {type(value).__name__}"


def refuse_aliases(text: str) -> None:
    """Raise ShapeError at the first YAML alias (``*name``): reading it may expand without bound."""
    for event in yaml.parse(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
        if isinstance(event, yaml.AliasEvent):
            raise ShapeError(
                event.start_mark.line + 1 if event.start_mark else "?",
                f"YAML aliases (*{event.anchor}) are not accepted in knowledge-base files; write the values out",
            )


class LineList(list[Any]):
    """A YAML sequence that remembers the line of each item (scalars carry no line of their own)."""

    lines: list[int]


def _without_lines(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_lines(v) for k, v in value.items() if k != "__line__"}
    if isinstance(value, list):
        return [_without_lines(v) for v in value]
    return value


def _line_of(raw: Any, loc: tuple[int | str, ...]) -> int | str:
    """The line of the innermost mapping on the path ``loc`` into ``raw``."""
    line = raw.get("__line__", "?") if isinstance(raw, dict) else "?"
    node = raw
    for key in loc:
        if isinstance(node, dict) and isinstance(key, str) and key in node:
            node = node[key]
        elif isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node):
            if isinstance(node, LineList):
                line = node.lines[key]
            node = node[key]
        else:
            break
        if isinstance(node, dict) and "__line__" in node:
            line = node["__line__"]
    return line


def _check(model: type[BaseModel], raw: dict[str, Any]) -> None:
    try:
        model.model_validate(_without_lines(raw))
    except ValidationError as exc:
        first = exc.errors(include_url=False, include_input=False)[0]
        loc = tuple(first["loc"])
        # Unions report each branch ('str', 'int'): the field path is what the reader needs.
        path = ".".join(str(p) for p in loc if not (isinstance(p, str) and p in {"str", "int", "list[...]"}))
        message = first["msg"].removeprefix("Value error, ")
        if first["type"] == "extra_forbidden":
            message = f"unknown field {loc[-1]!r}"
            path = ".".join(str(p) for p in loc[:-1])
        raise ShapeError(_line_of(raw, loc), f"{path}: {message}" if path else message) from None


def check_entry(raw: dict[str, Any]) -> None:
    _check(EntrySpec, raw)


def check_role(raw: Any) -> None:
    if not isinstance(raw, dict):
        raise ShapeError("?", f"a role is a mapping, not {kind_of(raw)}")
    _check(RoleSpec, raw)


def check_document(data: Any) -> None:
    """The top level: a list of entries, or a mapping of defaults, entries, roles and title scopes."""
    if isinstance(data, list):
        return
    if not isinstance(data, dict):
        raise ShapeError(1, f"expected a list of entries or a mapping with 'entries', not {kind_of(data)}")
    unknown = sorted(set(data) - TOP_LEVEL - {"__line__"})
    if unknown:
        raise ShapeError(data.get("__line__", 1), f"unknown top-level key {unknown[0]!r} (one of {sorted(TOP_LEVEL)})")
    for key, kind in (("defaults", dict), ("entries", list), ("roles", list), ("title_scopes", dict), ("places", list)):
        if data.get(key) is not None and not isinstance(data[key], kind):
            expected = "a mapping" if kind is dict else "a list"
            raise ShapeError(data.get("__line__", 1), f"'{key}' is {expected}, not {kind_of(data[key])}")
