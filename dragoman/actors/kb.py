"""The actor knowledge base: packaged YAML data plus user files (``--kb``).

Entries are plain dicts validated here once, so the resolver can trust them.
The format is documented in docs/kb.md.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from dragoman.actors.kb_schema import (
    LineList,
    ShapeError,
    check_document,
    check_entry,
    check_role,
    kind_of,
    refuse_aliases,
)
from dragoman.actors.titles import INSTITUTIONS
from dragoman.domain.dates import PartialDate
from dragoman.domain.records import ActorRef

KINDS = {"state", "igo", "group", "institution", "media", "person", "company", "region", "agreement"}
DATA_FILES = (
    "states.yaml",
    "igos.yaml",
    "groups.yaml",
    "institutions.yaml",
    "media.yaml",
    "regions.yaml",
    "roles.yaml",
    "people.yaml",
)
# Fields that must agree when two files describe the same id.
IDENTITY_FIELDS = ("kind", "country", "org", "qid", "sector")
GENERIC_OFFICES: dict[str, tuple[str, str]] = {
    # office key -> (label used in "<label> of <country>", sector)
    "head-of-state": ("Head of State", "GOV"),
    "president": ("President", "GOV"),
    "vice-president": ("Vice President", "GOV"),
    "head-of-government": ("Prime Minister", "GOV"),
    "foreign-minister": ("Foreign Minister", "GOV"),
    "defence-minister": ("Defence Minister", "GOV"),
    "interior-minister": ("Interior Minister", "GOV"),
    "finance-minister": ("Finance Minister", "GOV"),
    "security-chief": ("National Security Adviser", "GOV"),
    "mfa-spokesperson": ("Foreign Ministry Spokesperson", "GOV"),
    "spokesperson": ("Government Spokesperson", "GOV"),
    "chief-of-staff": ("Chief of the General Staff", "MIL"),
    "speaker": ("Speaker of Parliament", "LEG"),
    "ambassador": ("Ambassador", "GOV"),
    "supreme-leader": ("Supreme Leader", "GOV"),
    "king": ("King", "GOV"),
    "crown-prince": ("Crown Prince", "GOV"),
    "secretary-general": ("Secretary-General", "GOV"),
}


class KBError(ValueError):
    """A knowledge-base file that cannot be used; the message names file and line."""


_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_BaseLoader):  # type: ignore[misc,valid-type]
    """SafeLoader that records the line of every mapping as ``__line__``."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> LineList:
    items = LineList(loader.construct_sequence(node, deep=True))
    items.lines = [child.start_mark.line + 1 for child in node.value]
    return items


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
# Keep dates as strings: the format says ISO strings and YAML would turn them into dates.
_LineLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def parse_date(value: str | int | None, *, end: bool = False) -> dt.date | None:
    """Parse YYYY, YYYY-MM or YYYY-MM-DD; ``end`` gives the last day of a coarse date."""
    if not value:
        return None
    period = PartialDate.parse(str(value))
    return period.end_of_period if end else period.start


def date_window(published: str | None) -> tuple[dt.date, dt.date] | None:
    """The interval a document date stands for (a whole year for ``2022``)."""
    period = PartialDate.parse_or_none(published)
    return None if period is None else (period.start, period.end_of_period)


@dataclass
class Office:
    role: str
    office: str  # generic office key (president, foreign-minister ...)
    country: str | None
    org: str | None
    sector: str
    start: dt.date | None
    end: dt.date | None

    def overlap(self, window: tuple[dt.date, dt.date]) -> int:
        """Days of this tenure inside the window (+1 so a one-day match counts)."""
        lo = max(window[0], self.start or dt.date.min)
        hi = min(window[1], self.end or dt.date.max)
        return (hi - lo).days + 1 if hi >= lo else 0


@dataclass
class Entry:
    """One knowledge-base actor."""

    id: str
    kind: str
    name: str
    country: str | None = None
    org: str | None = None
    qid: str | None = None
    sector: str | None = None
    aliases: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    metonyms: list[str] = field(default_factory=list)
    status: str | None = None
    office_key: str | None = None  # institutions: the generic key (foreign-ministry ...)
    offices: list[Office] = field(default_factory=list)
    source: str = ""

    def ref(self, role: str | None = None, sector: str | None = None) -> ActorRef:
        return ActorRef(
            name=self.name,
            actor_id=self.id,
            country=self.country,
            org=self.org,
            kb_id=self.qid,
            sector=sector or self.sector,
            kind=self.kind,
            role=role,
        )

    def office_at(self, window: tuple[dt.date, dt.date] | None) -> Office | None:
        """The office held in the window (largest overlap); None window → latest office."""
        if not self.offices:
            return None
        if window is None:
            return max(self.offices, key=lambda o: o.start or dt.date.min)
        best = max(self.offices, key=lambda o: o.overlap(window))
        return best if best.overlap(window) > 0 else None


@dataclass
class RoleDef:
    role: str
    office: str
    country: str | None
    org: str | None
    sector: str


class KnowledgeBase:
    """All actors, indexed by id, alias and office."""

    def __init__(self) -> None:
        self.entries: dict[str, Entry] = {}
        self.roles: dict[str, RoleDef] = {}
        self.aliases: dict[str, list[str]] = {}  # surface form -> ids (names and aliases)
        self.demonyms: dict[str, str] = {}  # demonym -> state id
        self.metonyms: dict[str, str] = {}  # capital/seat -> state or institution id
        self.holders: dict[tuple[str, str], list[tuple[str, Office]]] = {}  # (office, country/org)
        self.institutions: dict[tuple[str, str], str] = {}  # (office_key, country) -> id
        self.title_scopes: dict[str, str] = {}  # title phrase -> the state it implies ("chancellor" -> DEU)

    # ----------------------------------------------------------------- loading
    @classmethod
    def load(cls, extra_files: list[Path] | None = None) -> KnowledgeBase:
        """Load the packaged data, then each user file in order."""
        kb = cls()
        data_dir = resources.files("dragoman.actors") / "data"
        for name in DATA_FILES:
            text = (data_dir / name).read_text(encoding="utf-8")
            kb.add_text(text, f"dragoman/actors/data/{name}")
        for path in extra_files or []:
            kb.add_text(_read_user_file(Path(path)), str(path), untrusted=True)
        kb._index()
        return kb

    def add_text(self, text: str, source: str, untrusted: bool = False) -> None:
        """Add the entries and roles of one YAML text; ``untrusted`` (user files) refuses aliases."""
        try:
            self._add_text(text, source, untrusted)
        except ShapeError as exc:
            raise KBError(f"{source}:{exc.line}: {exc.message}") from None

    def _add_text(self, text: str, source: str, untrusted: bool) -> None:
        try:
            if untrusted:
                refuse_aliases(text)
            data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - SafeLoader subclass
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = f"line {mark.line + 1}" if mark is not None else "unknown line"
            raise KBError(
                f"{source}:{line.split()[-1]}: YAML syntax error ({line}): {getattr(exc, 'problem', exc)}"
            ) from None
        except RecursionError:
            raise KBError(f"{source}:1: YAML nested too deeply") from None
        if data is None:
            return
        check_document(data)
        defaults: dict[str, Any] = {}
        items: Any = data
        if isinstance(data, dict):
            defaults = {k: v for k, v in (data.get("defaults") or {}).items() if k != "__line__"}
            items = data.get("entries") or []
            roles = data.get("roles") or LineList()
            for index, role in enumerate(roles):
                if not isinstance(role, dict):
                    raise ShapeError(_item_line(roles, index), f"a role is a mapping, not {kind_of(role)}")
                if untrusted:
                    check_role(role)
                self._add_role(role, source)
            for phrase, scope in (data.get("title_scopes") or {}).items():
                if phrase != "__line__":
                    self.title_scopes[str(phrase).lower()] = str(scope)
        for index, raw in enumerate(items):
            if not isinstance(raw, dict):
                raise ShapeError(_item_line(items, index), f"an entry is a mapping, not {kind_of(raw)}")
            self._add_entry({**defaults, **raw}, source, untrusted)

    def _add_role(self, raw: dict[str, Any], source: str) -> None:
        line = raw.get("__line__", "?")
        if "role" not in raw or "office" not in raw:
            raise KBError(f"{source}:{line}: a role needs 'role' and 'office'")
        default = "IGO" if raw.get("org") else GENERIC_OFFICES.get(raw["office"], ("", "GOV"))[1]
        sector = raw.get("sector") or default
        self.roles[raw["role"]] = RoleDef(raw["role"], raw["office"], raw.get("country"), raw.get("org"), sector)

    def _add_entry(self, raw: dict[str, Any], source: str, untrusted: bool = True) -> None:
        line = raw.pop("__line__", "?")
        where = f"{source}:{line}"
        for key in ("id", "kind", "name"):
            if not raw.get(key):
                raise KBError(f"{where}: entry lacks '{key}'")
        if raw["kind"] not in KINDS:
            raise KBError(f"{where}: unknown kind {raw['kind']!r} (one of {sorted(KINDS)})")
        known = {
            "id",
            "kind",
            "name",
            "country",
            "org",
            "qid",
            "sector",
            "aliases",
            "demonyms",
            "metonyms",
            "status",
            "offices",
            "office_key",
            "note",
        }
        unknown = set(raw) - known
        if unknown:
            raise KBError(f"{where}: unknown field(s) {sorted(unknown)}")
        if untrusted:  # the packaged files are checked by the tests, not at every start
            check_entry({**raw, "__line__": line})
        if raw["kind"] == "state" and not raw.get("country"):
            raw["country"] = raw["id"]
        offices = []
        for off in raw.get("offices") or []:
            offices.append(self._office(off, raw, source))
        entry = Entry(
            id=str(raw["id"]),
            kind=raw["kind"],
            name=str(raw["name"]),
            country=raw.get("country"),
            org=raw.get("org"),
            qid=raw.get("qid"),
            sector=raw.get("sector"),
            aliases=[str(a) for a in raw.get("aliases") or []],
            demonyms=[str(a) for a in raw.get("demonyms") or []],
            metonyms=[str(a) for a in raw.get("metonyms") or []],
            status=raw.get("status"),
            office_key=raw.get("office_key"),
            offices=offices,
            source=where,
        )
        old = self.entries.get(entry.id)
        if old is not None:
            for attr in IDENTITY_FIELDS:
                a, b = getattr(old, attr), getattr(entry, attr)
                if a is not None and b is not None and a != b:
                    raise KBError(f"{where}: entry {entry.id!r} conflicts with {old.source}: {attr} {b!r} != {a!r}")
            # Same actor: merge names and offices, keep the earlier identity fields.
            for attr in IDENTITY_FIELDS:
                if getattr(old, attr) is None:
                    setattr(old, attr, getattr(entry, attr))
            for attr in ("aliases", "demonyms", "metonyms"):
                getattr(old, attr).extend(x for x in getattr(entry, attr) if x not in getattr(old, attr))
            old.offices.extend(entry.offices)
            return
        self.entries[entry.id] = entry

    def _office(self, off: dict[str, Any], raw: dict[str, Any], source: str) -> Office:
        line = off.get("__line__", "?")
        role = off.get("role")
        if not role:
            raise KBError(f"{source}:{line}: office lacks 'role'")
        rdef = self.roles.get(role)
        office = off.get("office") or (rdef.office if rdef else None) or _office_from_role(role)
        sector = (
            off.get("sector")
            or (rdef.sector if rdef else None)
            or GENERIC_OFFICES.get(office, ("", raw.get("sector") or "GOV"))[1]
        )
        try:
            start, end = parse_date(off.get("start")), parse_date(off.get("end"), end=True)
        except (ValueError, TypeError) as exc:
            raise KBError(f"{source}:{line}: bad date in office {role!r}: {exc}") from exc
        return Office(
            role=role,
            office=office,
            country=off.get("country") or (rdef.country if rdef else None),
            org=off.get("org") or (rdef.org if rdef else None),
            sector=sector,
            start=start,
            end=end,
        )

    def _index(self) -> None:
        """Build the lookup tables once, after every file is read."""
        self.aliases.clear()
        self.demonyms.clear()
        self.metonyms.clear()
        self.holders.clear()
        for entry in self.entries.values():
            for form in [entry.name, *entry.aliases]:
                ids = self.aliases.setdefault(form, [])
                if entry.id not in ids:
                    ids.append(entry.id)
            for dem in entry.demonyms:
                self.demonyms[dem] = entry.id
            for met in entry.metonyms:
                self.metonyms[met] = entry.id
            if entry.office_key and entry.country:
                self.institutions[(entry.office_key, entry.country)] = entry.id
            for off in entry.offices:
                if off.country is None and off.org is None:
                    off.country = entry.country
                scope = off.country or off.org or ""
                self.holders.setdefault((off.office, scope), []).append((entry.id, off))
        for entry in self.entries.values():
            for form in self._possessive_forms(entry):
                self.aliases.setdefault(form, [entry.id])

    def _possessive_forms(self, entry: Entry) -> list[str]:
        """ "Russia's Security Council" for "Security Council of Russia" / "Russian Security Council"."""
        state = self.entries.get(entry.country or "")
        if entry.kind != "institution" or state is None or state.kind != "state":
            return []
        cores = set()
        for form in [entry.name, *entry.aliases]:
            for demonym in state.demonyms:
                if form.startswith(demonym + " "):
                    cores.add(form[len(demonym) + 1 :])
            for name in [state.name, *state.aliases]:
                for suffix in (f" of {name}", f" of the {name}"):
                    if form.endswith(suffix):
                        cores.add(form[: -len(suffix)])
        return [f"{state.name}{mark} {core}" for core in sorted(cores) for mark in ("'s", "’s")]

    # ----------------------------------------------------------------- queries
    def __contains__(self, actor_id: str) -> bool:
        return actor_id in self.entries

    def __len__(self) -> int:
        return len(self.entries)

    def entry(self, actor_id: str) -> Entry:
        return self.entries[actor_id]

    def get(self, actor_id: str, date: str | None = None) -> ActorRef:
        """The ActorRef for an id, with the role at ``date`` for people.

        Generic institution ids (``IRN.foreign-ministry``) are built on the fly.
        """
        if actor_id in self.entries:
            entry = self.entries[actor_id]
            office = entry.office_at(date_window(date))
            return entry.ref(role=office.role if office else None)
        if "." in actor_id:
            country, key = actor_id.split(".", 1)
            ref = self.generic_institution(country, key)
            if ref is not None:
                return ref
        raise KeyError(actor_id)

    def generic_institution(self, country: str, key: str) -> ActorRef | None:
        """A state body not listed by name (``Foreign Ministry of Iran``)."""
        state = self.entries.get(country)
        spec = INSTITUTIONS.get(key)
        if state is None or spec is None:
            return None
        label, sector = spec
        return ActorRef(
            name=f"{label} of {state.name}",
            actor_id=f"{country}.{key}",
            country=country,
            sector=sector,
            kind="institution",
        )

    def actors(self) -> Iterator[dict[str, Any]]:
        """Rows for the store's actors table."""
        for e in self.entries.values():
            yield {
                "actor_id": e.id,
                "name": e.name,
                "kind": e.kind,
                "country": e.country,
                "org": e.org,
                "kb_id": e.qid,
                "sector": e.sector,
            }

    def office_holder(
        self, office: str, scope: str, window: tuple[dt.date, dt.date] | None
    ) -> tuple[Entry, Office] | None:
        """Who held ``office`` of ``scope`` (country or IGO code) in the window."""
        holders = self.holders.get((office, scope), [])
        if not holders:
            return None
        if window is None:
            actor_id, off = max(
                holders, key=lambda h: (h[1].end is None, h[1].end or dt.date.min, h[1].start or dt.date.min)
            )
            return self.entries[actor_id], off
        actor_id, off = max(holders, key=lambda h: h[1].overlap(window))
        if off.overlap(window) == 0:
            return None
        return self.entries[actor_id], off

    def office_ref(self, office: str, scope: str) -> ActorRef:
        """The office itself (``Prime Minister of the United Kingdom``), for a title whose holder
        cannot be told because the document has no date."""
        sector = next(
            (r.sector for r in self.roles.values() if r.office == office and scope in (r.country, r.org)),
            GENERIC_OFFICES.get(office, ("", "GOV"))[1],
        )
        entry = self.entries.get(scope)
        igo = entry is not None and entry.kind == "igo"
        role = self.role_string(office, scope)
        return ActorRef(
            name=role,
            kind="person",
            country=None if igo else (entry.country if entry is not None else scope),
            org=(entry.org or entry.id) if igo and entry is not None else None,
            sector=sector,
            role=role,
        )

    def role_string(self, office: str, scope: str) -> str:
        """``Foreign Minister of Iran`` for (foreign-minister, IRN)."""
        for rdef in self.roles.values():
            if rdef.office == office and (rdef.country == scope or rdef.org == scope):
                return rdef.role
        label = GENERIC_OFFICES.get(office, (office.replace("-", " ").title(), "GOV"))[0]
        where = self.entries[scope].name if scope in self.entries else scope
        return f"{label} of {where}"


def _item_line(items: Any, index: int) -> int | str:
    return items.lines[index] if isinstance(items, LineList) else "?"


def _read_user_file(path: Path) -> str:
    """A user KB file as text; bytes that are not UTF-8 are named by line and column."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise KBError(f"{path}: cannot read: {exc.strerror or exc}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise KBError(
            f"{path}:{line}: not UTF-8 text (byte 0x{data[exc.start]:02x} at column {column}); save the file as UTF-8"
        ) from None


def _office_from_role(role: str) -> str:
    """Guess the generic office key from a role string ("Foreign Minister of X")."""
    head = role.split(" of ")[0].strip().lower()
    for key, (label, _) in GENERIC_OFFICES.items():
        if head == label.lower():
            return key
    return head.replace(" ", "-")
