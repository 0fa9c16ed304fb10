"""Backup and restore: the whole store, reviews included, as one archive of Parquet tables."""

from __future__ import annotations

import hashlib
import json
import os
import tarfile
import tempfile
from pathlib import Path

from dragoman.store.db import Store, StoreError
from dragoman.store.schema import SCHEMA_VERSION, TABLES

MANIFEST = "manifest.json"


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


def restore(archive: Path, db: Path, force: bool = False) -> dict[str, int]:
    """Rebuild a store from an archive into a temporary file, then move it into place."""
    if db.exists() and not force:
        raise StoreError(f"{db}: a store is already there (use --force to replace it)")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        try:
            with tarfile.open(archive, "r:gz") as tar:
                tar.extractall(folder, filter="data")
            manifest = json.loads((folder / MANIFEST).read_text())
        except (OSError, tarfile.TarError, json.JSONDecodeError, KeyError) as exc:
            raise StoreError(f"{archive}: not a dragoman backup ({exc})") from None
        for name, digest in manifest["sha256"].items():
            if _sha256(folder / name) != digest:
                raise StoreError(f"{archive}: {name} is damaged (checksum mismatch)")
        if manifest["schema_version"] > SCHEMA_VERSION:
            raise StoreError(f"{archive}: made by a newer dragoman (schema v{manifest['schema_version']})")
        staging = db.with_name(db.name + ".restoring")
        staging.unlink(missing_ok=True)
        with Store(staging) as store:
            for table in TABLES:
                source = folder / f"{table}.parquet"
                if table == "meta" or not source.exists():
                    continue
                store.con.execute(f"INSERT INTO \"{table}\" BY NAME SELECT * FROM read_parquet('{source}')")
            # An archive of an older schema is brought forward by the migrations a store of its version would run.
            store.con.execute(
                "UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(manifest["schema_version"])]
            )
            store.migrate()
            counts = {t: int(store.scalar(f'SELECT count(*) FROM "{t}"')) for t in TABLES}
        for table, expected in manifest["counts"].items():
            if table != "meta" and counts.get(table) != expected:
                staging.unlink(missing_ok=True)
                raise StoreError(f"{archive}: {table} restored {counts.get(table)} rows, expected {expected}")
        os.replace(staging, db)
    return counts
