"""Ingest: files, folders and manifests in; normalised Documents (or one-line errors) out."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from dragoman.ingest.dedup import NearDuplicateIndex
from dragoman.ingest.furniture import mark_furniture
from dragoman.ingest.manifest import Manifest, load_manifest, valid_published
from dragoman.ingest.normalise import normalised_text
from dragoman.ingest.readers import SUPPORTED, RawText, ReadError, read_file
from dragoman.records import Document, IngestError

__all__ = ["NearDuplicateIndex", "iter_documents", "build_document", "mark_furniture", "normalised_text"]

MANIFEST_NAME = "manifest.csv"
# A folder's own notes are not articles.
NOT_ARTICLES = ("readme", "license", "licence", "changelog", "notice")


def _files(paths: Sequence[Path]) -> Iterator[tuple[Path, bool]]:
    """(file, named explicitly) in a stable order; folders are walked recursively."""
    for path in paths:
        if path.is_dir():
            for file in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in file.relative_to(path).parts)
                note = file.stem.lower().startswith(NOT_ARTICLES)
                if file.is_file() and not hidden and not note and file.suffix.lower() in SUPPORTED:
                    yield file, False
        else:
            yield path, True


def build_document(path: str, raw: RawText, overrides: dict[str, Any]) -> Document | IngestError:
    """Normalise, mark furniture, hash; metadata from the file, then the manifest."""
    text = normalised_text(raw.text)
    if not text.strip():
        return IngestError(path, "no text after normalisation")
    metadata = {**raw.metadata, **overrides}
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
    )


def iter_documents(
    paths: Sequence[Path], manifest: Path | None = None, max_bytes: int = 50_000_000
) -> Iterator[Document | IngestError]:
    """Stream documents from files and folders; a folder's own manifest.csv is used when none is given."""
    manifests: list[Manifest] = []
    if manifest is not None:
        manifests.append(load_manifest(manifest))
    for path in paths:
        if path.is_dir() and manifest is None and (path / MANIFEST_NAME).is_file():
            manifests.append(load_manifest(path / MANIFEST_NAME))
    for loaded in manifests:
        yield from loaded.errors
    targets = list(paths) if paths else [file for loaded in manifests for file in loaded.entries]
    for path in targets:
        if not path.exists():
            yield IngestError(str(path), "no such file or folder")
    for file, _explicit in _files([p for p in targets if p.exists()]):
        overrides: dict[str, Any] = {}
        for loaded in manifests:
            overrides.update(loaded.metadata_for(file))
        for item in read_file(file, max_bytes):
            if isinstance(item, ReadError):
                yield IngestError(str(file), str(item))
                continue
            label = f"{file}#L{item.line}" if item.line is not None else str(file)
            yield build_document(label, item, overrides)
