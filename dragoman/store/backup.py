"""Backup and restore: the whole store, reviews included, as one archive of Parquet tables.

A restore checks the whole archive (member names, manifest shape, checksums, row
counts) while building the new store beside the old one, under the writer lock, and
only then swaps it in; on any failure nothing is left behind and the old store stands.
"""

from __future__ import annotations

import hashlib
import json
import os
import tarfile
import tempfile
import zlib
from pathlib import Path
from typing import Any

import duckdb

from dragoman.store.db import Store, StoreError
from dragoman.store.lock import lock_path, writer_lock
from dragoman.store.schema import SCHEMA_VERSION, TABLES

MANIFEST = "manifest.json"
# What a backup holds: the manifest and one Parquet file per table, nothing else.
MEMBERS = frozenset({MANIFEST, *(f"{table}.parquet" for table in TABLES)})
MANIFEST_MAX_BYTES = 1 << 20


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def backup(db: Path, archive: Path) -> dict[str, int]:
    """Write every table to Parquet, with row counts and checksums, packed as .tar.gz."""
    counts: dict[str, int] = {}
    with Store(db, read_only=True) as store, tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = {}
        for table in TABLES:
            target = folder / f"{table}.parquet"
            store.con.execute(f"COPY (SELECT * FROM \"{table}\") TO '{target}' (FORMAT parquet)")
            counts[table] = int(store.scalar(f'SELECT count(*) FROM "{table}"'))
            files[target.name] = _sha256(target)
        manifest = {"schema_version": store.schema_version(), "counts": counts, "sha256": files}
        (folder / MANIFEST).write_text(json.dumps(manifest, indent=2))
        partial = archive.with_name(archive.name + ".partial")
        with tarfile.open(partial, "w:gz") as tar:
            for path in sorted(folder.iterdir()):
                tar.add(path, arcname=path.name)
        os.replace(partial, archive)
    return counts


def _extract(archive: Path, folder: Path) -> None:
    """Unpack the expected members only, after checking every member's name and type."""
    try:
        with tarfile.open(archive, "r:gz") as tar:
            members = tar.getmembers()
            for member in members:
                if member.name not in MEMBERS:
                    raise StoreError(f"{archive}: not a dragoman backup (unexpected member {member.name!r})")
                if not member.isfile():
                    raise StoreError(f"{archive}: not a dragoman backup ({member.name!r} is not a regular file)")
            if len({m.name for m in members}) != len(members):
                raise StoreError(f"{archive}: not a dragoman backup (a member appears twice)")
            tar.extractall(folder, members=members, filter="data")
    except (OSError, EOFError, zlib.error, tarfile.TarError) as exc:
        reason = str(exc) or type(exc).__name__
        if isinstance(exc, EOFError):
            reason = "the archive is truncated"
        raise StoreError(f"{archive}: not a dragoman backup ({reason})") from None


def _manifest(archive: Path, folder: Path) -> dict[str, Any]:
    """The manifest, checked for shape: schema version, row counts and a checksum per member."""
    path = folder / MANIFEST
    if not path.is_file():
        raise StoreError(f"{archive}: not a dragoman backup (no {MANIFEST})")
    if path.stat().st_size > MANIFEST_MAX_BYTES:
        raise StoreError(f"{archive}: not a dragoman backup ({MANIFEST} is too large)")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise StoreError(f"{archive}: not a dragoman backup ({MANIFEST}: {exc})") from None
    version = manifest.get("schema_version") if isinstance(manifest, dict) else None
    counts = manifest.get("counts") if isinstance(manifest, dict) else None
    sums = manifest.get("sha256") if isinstance(manifest, dict) else None
    if type(version) is not int or version < 1:
        raise StoreError(f"{archive}: not a dragoman backup ({MANIFEST} has no integer schema_version)")
    if not isinstance(counts, dict) or not all(type(n) is int and n >= 0 for n in counts.values()):
        raise StoreError(f"{archive}: not a dragoman backup ({MANIFEST} has no row counts)")
    if not isinstance(sums, dict) or not all(isinstance(d, str) for d in sums.values()):
        raise StoreError(f"{archive}: not a dragoman backup ({MANIFEST} has no checksums)")
    unknown = set(counts) - set(TABLES) or set(sums) - MEMBERS
    if unknown:
        raise StoreError(f"{archive}: not a dragoman backup ({MANIFEST} names unknown {sorted(unknown)[0]!r})")
    for table in counts:
        if f"{table}.parquet" not in sums:
            raise StoreError(f"{archive}: not a dragoman backup (no checksum for {table}.parquet)")
    if version > SCHEMA_VERSION:
        raise StoreError(f"{archive}: made by a newer dragoman (schema v{version})")
    return manifest


def _verify(archive: Path, folder: Path, manifest: dict[str, Any]) -> None:
    for name, digest in manifest["sha256"].items():
        member = folder / name
        if not member.is_file():
            raise StoreError(f"{archive}: {name} is missing")
        if _sha256(member) != digest:
            raise StoreError(f"{archive}: {name} is damaged (checksum mismatch)")


def _build(archive: Path, folder: Path, manifest: dict[str, Any], staging: Path) -> dict[str, int]:
    """Fill a new store at ``staging`` from the Parquet members; closing it checkpoints (no WAL)."""
    with Store(staging) as store:
        for table in TABLES:
            source = folder / f"{table}.parquet"
            if table == "meta" or f"{table}.parquet" not in manifest["sha256"]:
                continue
            try:
                store.con.execute(f"INSERT INTO \"{table}\" BY NAME SELECT * FROM read_parquet('{source}')")
            except duckdb.Error as exc:
                raise StoreError(f"{archive}: {source.name} does not fit table {table}: {_first_line(exc)}") from None
        # An archive of an older schema is brought forward by the migrations a store of its version would run.
        store.con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(manifest["schema_version"])])
        try:
            store.migrate()
        except duckdb.Error as exc:
            raise StoreError(f"{archive}: cannot bring the archive to this schema: {_first_line(exc)}") from None
        counts = {t: int(store.scalar(f'SELECT count(*) FROM "{t}"')) for t in TABLES}
    for table, expected in manifest["counts"].items():
        if table != "meta" and counts.get(table) != expected:
            raise StoreError(f"{archive}: {table} restored {counts.get(table)} rows, expected {expected}")
    return counts


def _first_line(exc: Exception) -> str:
    return (str(exc).splitlines() or [type(exc).__name__])[0]


def _swap_in(staging: Path, db: Path) -> None:
    """Move the new store into place so that the old store's WAL is never replayed into it.

    The old ``<db>.wal`` is renamed aside first and only then is the new file moved over
    ``<db>``: at every instant ``<db>`` has either its own WAL or none. A crash between the
    two renames leaves the old store as of its last checkpoint, with its WAL kept aside.
    """
    wal = Path(f"{db}.wal")
    aside = db.with_name(f".{db.name}.wal.replaced")
    if wal.exists():
        os.replace(wal, aside)
    os.replace(staging, db)
    aside.unlink(missing_ok=True)


def restore(archive: Path, db: Path, force: bool = False) -> dict[str, int]:
    """Rebuild a store from an archive into a file beside ``db``, then move it into place."""
    if db.exists() and not force:
        raise StoreError(f"{db}: a store is already there (use --force to replace it)")
    if not archive.is_file():
        raise StoreError(f"{archive}: no such archive")
    db = Path(os.path.realpath(db))  # a symlinked store path: replace the file, not the link
    lock = lock_path(db)
    new_path = not db.exists() and not lock.exists()
    with writer_lock(db):
        staging = db.with_name(db.name + ".restoring")
        leftovers = (staging, Path(f"{staging}.wal"))
        for leftover in leftovers:
            leftover.unlink(missing_ok=True)
        try:
            with tempfile.TemporaryDirectory() as tmp:
                folder = Path(tmp)
                _extract(archive, folder)
                manifest = _manifest(archive, folder)
                _verify(archive, folder, manifest)
                counts = _build(archive, folder, manifest, staging)
            _swap_in(staging, db)
        except BaseException:
            if new_path and not db.exists():
                # A refused restore onto a new path leaves nothing, its lock file included
                # (removed while still held, so no other writer holds a lock on it then).
                lock.unlink(missing_ok=True)
            raise
        finally:
            for leftover in leftovers:
                leftover.unlink(missing_ok=True)
    return counts
