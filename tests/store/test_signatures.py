"""A store whose near-duplicate signatures were made another way has them made again."""

from __future__ import annotations

from pathlib import Path

from dragoman.ingest.dedup import SIGNATURE_VERSION, NearDuplicateIndex, band_keys, body_text
from dragoman.store import Store
from dragoman.store.signatures import META_KEY, refresh_signatures
from tests.store.test_db import processed

# A signature of the hashing before datasketch: 64 values below 2**61.
OLD_SIGNATURE = [(1 << 60) + n for n in range(64)]


def test_old_signatures_and_their_bands_are_made_again_once(tmp_path: Path) -> None:
    document = processed().document
    with Store(tmp_path / "s.duckdb") as store:
        store.write_documents([processed()], signatures={"d1": OLD_SIGNATURE})
        assert refresh_signatures(store) == 1
        fresh = NearDuplicateIndex.signature(body_text(document))
        assert store.signatures(["d1"]) == {"d1": fresh}
        keys = [row[0] for row in store.con.execute("SELECT band_key FROM near_duplicate_bands").fetchall()]
        assert sorted(keys) == sorted(band_keys(fresh))
        assert store.scalar("SELECT value FROM meta WHERE key = ?", [META_KEY]) == SIGNATURE_VERSION
        assert refresh_signatures(store) == 0


def test_a_store_without_signatures_is_only_marked(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        assert refresh_signatures(store) == 0
        assert store.scalar("SELECT value FROM meta WHERE key = ?", [META_KEY]) == SIGNATURE_VERSION
