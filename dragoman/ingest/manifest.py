"""The CSV manifest: metadata for files that carry none of their own."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dragoman.domain.dates import PartialDate
from dragoman.domain.records import IngestError

COLUMNS = ("path", "title", "author", "publisher", "published", "url")


def valid_published(value: str) -> str | None:
    """YYYY, YYYY-MM or YYYY-MM-DD that names a real date, else None."""
    return value.strip() if PartialDate.parse_or_none(value) else None


@dataclass
class Manifest:
    path: Path
    entries: dict[Path, dict[str, Any]] = field(default_factory=dict)
    errors: list[IngestError] = field(default_factory=list)

    def metadata_for(self, file: Path) -> dict[str, Any]:
        return self.entries.get(file.resolve(), {})


def _manifest_text(path: Path, manifest: Manifest) -> str | None:
    """The manifest's text, or None with one error naming the file (and line, for bad bytes)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        manifest.errors.append(IngestError(str(path), f"cannot read manifest: {exc.strerror or exc}"))
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        manifest.errors.append(
            IngestError(f"{path}:{line}", f"manifest is not UTF-8 (byte 0x{data[exc.start]:02x}); save it as UTF-8")
        )
        return None


def _inside(file: Path, folder: Path) -> bool:
    return file == folder or folder in file.parents


def load_manifest(path: Path, allow_outside: bool = False) -> Manifest:
    """Rows keyed by resolved file path; each bad row is an error naming manifest:line.

    A row may name only files inside the manifest's folder, unless ``allow_outside``: a
    manifest from someone else must not make the store (and the server) read other files.
    """
    manifest = Manifest(path)
    text = _manifest_text(path, manifest)
    if text is None:
        return manifest
    folder = path.parent.resolve()
    lines = io.StringIO(text, newline="").readlines()
    try:
        fieldnames = next(csv.reader(lines[:1]), None)
    except csv.Error as exc:
        manifest.errors.append(IngestError(f"{path}:1", f"unreadable CSV header ({exc})"))
        return manifest
    if not fieldnames or "path" not in fieldnames:
        manifest.errors.append(IngestError(str(path), "manifest has no 'path' column"))
        return manifest
    for line, row in _rows(path, lines, fieldnames, manifest):
        _add_row(manifest, row, f"{path}:{line}", folder, allow_outside)
    return manifest


def _rows(
    path: Path, lines: list[str], fieldnames: list[str], manifest: Manifest
) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line the row starts on, row) for each data row.

    A quote left open swallows every later row into one field (CSV allows line breaks in
    a quoted field). A row whose known columns hold a line break, or whose quote is still
    open at the end of the file, is one error for the line it starts on, and reading
    starts again on the next line, so the rows after it keep their metadata.
    """
    start = 1  # index in ``lines`` where the reader starts; line numbers count from 1
    while start < len(lines):
        reader = csv.reader(lines[start:])
        restart = None
        while restart is None:
            before = reader.line_num
            try:
                values = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                reason = str(exc)
                if "field larger than field limit" in reason:
                    reason = f"a field is over {csv.field_size_limit():,} characters"
                where = f"{path}:{start + reader.line_num}"
                manifest.errors.append(IngestError(where, f"{reason}; rows after it not read"))
                return
            if not values:
                continue
            first, last = start + before + 1, start + reader.line_num
            row: dict[str, Any] = dict.fromkeys(fieldnames)
            row.update(zip(fieldnames, values, strict=False))
            if last > first and _quote_left_open(row, "".join(lines[first - 1 : last]), last == len(lines)):
                runs_to = "never closed"
                if last < len(lines):
                    runs_to = f"not closed on its line (the field runs to line {last})"
                manifest.errors.append(
                    IngestError(f"{path}:{first}", f"a quote opened on this line is {runs_to}; row skipped")
                )
                restart = first  # the index of the line after ``first``
                continue
            yield first, row
        start = restart


def _quote_left_open(row: dict[str, Any], raw: str, at_end: bool) -> bool:
    """A row read over several lines that is a stray quote, not a cell with line breaks:
    a line break in a known column (no title, date or path has one), or a quote the file
    ends inside (a strict reader names that case)."""
    if any("\n" in (row.get(column) or "") or "\r" in (row.get(column) or "") for column in COLUMNS):
        return True
    if not at_end:
        return False
    try:
        list(csv.reader(io.StringIO(raw, newline=""), strict=True))
    except csv.Error as exc:
        return "unexpected end of data" in str(exc)
    return False


def _add_row(manifest: Manifest, row: dict[str, Any], where: str, folder: Path, allow_outside: bool) -> None:
    relative = (row.get("path") or "").strip()
    if not relative:
        manifest.errors.append(IngestError(where, "row has no path"))
        return
    file = (manifest.path.parent / relative).resolve()
    if not allow_outside and not _inside(file, folder):
        manifest.errors.append(
            IngestError(where, f"{relative} is outside the manifest's folder; refused (--allow-outside reads it)")
        )
        return
    if file in manifest.entries:
        manifest.errors.append(IngestError(where, f"duplicate path {relative}"))
        return
    if not file.is_file():
        manifest.errors.append(IngestError(where, f"listed file {relative} does not exist"))
        return
    metadata: dict[str, Any] = {k: row[k].strip() for k in COLUMNS[1:] if k in row and row[k] and row[k].strip()}
    if "published" in metadata and valid_published(metadata["published"]) is None:
        manifest.errors.append(
            IngestError(where, f"bad published date {metadata['published']!r} (YYYY, YYYY-MM or YYYY-MM-DD)")
        )
        return
    extra = {k: v for k, v in row.items() if k not in COLUMNS and k is not None and v}
    if extra:
        metadata["meta"] = extra
    manifest.entries[file] = metadata
