"""Ingest: files, folders and manifests in; normalised Documents (or one-line errors) out."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from dragoman.domain.records import Document, IngestError
from dragoman.ingest.dedup import NearDuplicateIndex
from dragoman.ingest.furniture import mark_furniture
from dragoman.ingest.language import detect_language
from dragoman.ingest.manifest import Manifest, load_manifest, valid_published
from dragoman.ingest.normalise import clean_field, normalised_text
from dragoman.ingest.readers import SUPPORTED, RawText, ReadError, read_file

__all__ = ["NearDuplicateIndex", "iter_documents", "build_document", "mark_furniture", "normalised_text"]

MANIFEST_NAME = "manifest.csv"
# A folder's own notes are not articles.
NOT_ARTICLES = ("readme", "license", "licence", "changelog", "notice")


# A longer text is refused: it is parsed in bounded windows (dragoman.nlp.windows), so
# memory stays flat, but the time is about 50 s a megabyte on one core (docs/reliability.md).
MAX_CHARS = 12_000_000


def _walk(folder: Path) -> Iterator[Path | IngestError]:
    """Every file under a folder in a stable order, and one error for each sub-folder that cannot be read."""
    failures: list[OSError] = []
    found: list[Path] = []
    for root, dirs, files in os.walk(folder, onerror=failures.append):
        dirs.sort()
        found.extend(Path(root) / name for name in files)
    for failure in failures:
        where = failure.filename if failure.filename is not None else folder
        yield IngestError(str(where), f"cannot read folder: {failure.strerror or failure}; its files were skipped")
    yield from sorted(found)


def _files(paths: Sequence[Path]) -> Iterator[tuple[Path, bool] | IngestError]:
    """(file, named explicitly) in a stable order; folders are walked recursively."""
    for path in paths:
        if path.is_dir():
            for file in _walk(path):
                if isinstance(file, IngestError):
                    yield file
                    continue
                hidden = any(part.startswith(".") for part in file.relative_to(path).parts)
                note = file.stem.lower().startswith(NOT_ARTICLES)
                if hidden or note or file.suffix.lower() not in SUPPORTED:
                    continue
                # A pipe, device or socket named like an article is reported by the reader (never
                # opened); a dangling link is passed over.
                if file.is_file() or (file.exists() and not file.is_dir()):
                    yield file, False
        else:
            yield path, True


def _clean_metadata(metadata: dict[str, Any]) -> dict[str, Any]:
    return {k: clean_field(v) if isinstance(v, str) else v for k, v in metadata.items()}


def build_document(
    path: str, raw: RawText, overrides: dict[str, Any], max_chars: int = MAX_CHARS
) -> Document | IngestError:
    """Normalise, mark furniture, hash, tell the language; metadata from the file, then the manifest."""
    text = normalised_text(raw.text)
    if not text.strip():
        return IngestError(path, "no text after normalisation")
    if len(text) > max_chars:
        return IngestError(
            path, f"text is {len(text):,} characters, over the limit of {max_chars:,} (max_chars in dragoman.toml)"
        )
    metadata = _clean_metadata({**raw.metadata, **overrides})
    published = metadata.get("published")
    if published is not None:
        published = valid_published(str(published)[:10]) or valid_published(str(published)[:7]) or None
    content_hash = hashlib.sha256(text.encode("utf-8")).hexdigest()
    meta = dict(metadata.get("meta") or {})
    if raw.line is not None:
        meta["line"] = raw.line
    return Document(
        doc_id=content_hash[:16],
        path=path,
        text=text,
        content_hash=content_hash,
        source_format=raw.source_format,
        title=metadata.get("title"),
        author=metadata.get("author"),
        publisher=metadata.get("publisher"),
        published=published,
        url=metadata.get("url"),
        furniture=mark_furniture(text) if raw.source_format != "html" else [],
        meta=meta,
        language=detect_language(text),
    )


def iter_documents(
    paths: Sequence[Path],
    manifest: Path | None = None,
    max_bytes: int = 50_000_000,
    max_chars: int = MAX_CHARS,
    allow_outside: bool = False,
) -> Iterator[Document | IngestError]:
    """Stream documents from files and folders; a folder's own manifest.csv is used when none is given.

    Whatever goes wrong with one file (or one line of a JSONL file) is an IngestError for
    it, and the next file is read.
    """
    manifests: list[Manifest] = []
    if manifest is not None:
        manifests.append(load_manifest(manifest, allow_outside))
    for path in paths:
        if path.is_dir() and manifest is None and (path / MANIFEST_NAME).is_file():
            manifests.append(load_manifest(path / MANIFEST_NAME, allow_outside))
    for loaded in manifests:
        yield from loaded.errors
    targets = list(paths) if paths else [file for loaded in manifests for file in loaded.entries]
    for path in targets:
        if not path.exists():
            yield IngestError(str(path), "no such file or folder")
    for found in _files([p for p in targets if p.exists()]):
        if isinstance(found, IngestError):
            yield found
            continue
        file, _explicit = found
        overrides: dict[str, Any] = {}
        for loaded in manifests:
            overrides.update(loaded.metadata_for(file))
        yield from _documents_of(file, overrides, max_bytes, max_chars)


def _documents_of(
    file: Path, overrides: dict[str, Any], max_bytes: int, max_chars: int
) -> Iterator[Document | IngestError]:
    """One file's documents; an error nobody foresaw ends this file only, with one line."""
    try:
        for item in read_file(file, max_bytes):
            if isinstance(item, ReadError):
                yield IngestError(str(file), str(item))
                continue
            label = f"{file}#L{item.line}" if item.line is not None else str(file)
            yield build_document(label, item, overrides, max_chars)
    except Exception as exc:  # the batch goes on, whatever one file does
        message = str(exc).strip().splitlines()[0][:100] if str(exc).strip() else ""
        yield IngestError(str(file), f"cannot be read ({type(exc).__name__}{': ' + message if message else ''})")
