"""The CSV manifest: metadata for files that carry none of their own."""

from __future__ import annotations

import csv
import io
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
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        fieldnames = reader.fieldnames
    except csv.Error as exc:
        manifest.errors.append(IngestError(f"{path}:1", f"unreadable CSV header ({exc})"))
        return manifest
    if fieldnames is None or "path" not in fieldnames:
        manifest.errors.append(IngestError(str(path), "manifest has no 'path' column"))
        return manifest
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            reason = str(exc)
            if "field larger than field limit" in reason:
                reason = f"a field is over {csv.field_size_limit():,} characters"
            # line_num counts the lines read before the row that failed
            where = f"{path}:{reader.line_num + 1}"
            manifest.errors.append(IngestError(where, f"{reason}; rows after it not read"))
            break
        _add_row(manifest, row, f"{path}:{reader.line_num}", folder, allow_outside)
    return manifest


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
