"""The CSV manifest: metadata for files that carry none of their own."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from dragoman.records import IngestError

COLUMNS = ("path", "title", "author", "publisher", "published", "url")
PUBLISHED = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def valid_published(value: str) -> str | None:
    """YYYY, YYYY-MM or YYYY-MM-DD that names a real date, else None."""
    match = PUBLISHED.match(value.strip())
    if not match:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        date(year or 1, month or 1, day or 1)
    except ValueError:
        return None
    return value.strip()


@dataclass
class Manifest:
    path: Path
    entries: dict[Path, dict[str, Any]] = field(default_factory=dict)
    errors: list[IngestError] = field(default_factory=list)

    def metadata_for(self, file: Path) -> dict[str, Any]:
        return self.entries.get(file.resolve(), {})


def load_manifest(path: Path) -> Manifest:
    """Rows keyed by resolved file path; each bad row is an error naming manifest:line."""
    manifest = Manifest(path)
    try:
        handle = path.open(newline="", encoding="utf-8-sig")
    except OSError as exc:
        manifest.errors.append(IngestError(str(path), f"cannot read manifest: {exc.strerror or exc}"))
        return manifest
    with handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames is None or "path" not in reader.fieldnames:
            manifest.errors.append(IngestError(str(path), "manifest has no 'path' column"))
            return manifest
        for row in reader:
            where = f"{path}:{reader.line_num}"
            relative = (row.get("path") or "").strip()
            if not relative:
                manifest.errors.append(IngestError(where, "row has no path"))
                continue
            file = (path.parent / relative).resolve()
            if file in manifest.entries:
                manifest.errors.append(IngestError(where, f"duplicate path {relative}"))
                continue
            if not file.is_file():
                manifest.errors.append(IngestError(where, f"listed file {relative} does not exist"))
                continue
            metadata: dict[str, Any] = {
                k: row[k].strip() for k in COLUMNS[1:] if k in row and row[k] and row[k].strip()
            }
            if "published" in metadata and valid_published(metadata["published"]) is None:
                manifest.errors.append(
                    IngestError(where, f"bad published date {metadata['published']!r} (YYYY, YYYY-MM or YYYY-MM-DD)")
                )
                continue
            extra = {k: v for k, v in row.items() if k not in COLUMNS and k is not None and v}
            if extra:
                metadata["meta"] = extra
            manifest.entries[file] = metadata
    return manifest
