"""The store's tables and the migrations that bring an older file forward.

JSON-valued columns are stored as VARCHAR holding JSON text, so the file opens
in any DuckDB without extensions.  Codes (types, countries, QIDs) are strings.
"""

from __future__ import annotations

from dragoman.ingest.dedup import BANDS, band_keys_sql

# Raise it, with a migration, for every new table or column: a store already at this
# version is opened without running any DDL.
SCHEMA_VERSION = 8

# Tables written per document: replaced as a whole when a document is reprocessed.
DOCUMENT_TABLES = ("furniture", "sentences", "mentions", "event_mentions", "statements")

# The documents table has no key constraints: with an index on it, every checkpoint
# rewrote the table's text whole (0.6 s and 200 MB a batch at 20,000 documents). The
# ingest keeps ids and content hashes unique; `dragoman check` verifies both.
TABLES: dict[str, str] = {
    "meta": """
        CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)
    """,
    "documents": """
        CREATE TABLE IF NOT EXISTS documents (
            doc_id VARCHAR NOT NULL,
            path VARCHAR NOT NULL,
            title VARCHAR, author VARCHAR, publisher VARCHAR,
            published VARCHAR, url VARCHAR,
            source_format VARCHAR NOT NULL,
            content_hash VARCHAR NOT NULL,
            duplicate_of VARCHAR,
            n_chars INTEGER NOT NULL,
            text VARCHAR NOT NULL,
            meta VARCHAR,
            components VARCHAR,
            ingested_at TIMESTAMP NOT NULL,
            signature VARCHAR,
            language VARCHAR
        )
    """,
    "furniture": """
        CREATE TABLE IF NOT EXISTS furniture (
            doc_id VARCHAR NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, kind VARCHAR
        )
    """,
    "sentences": """
        CREATE TABLE IF NOT EXISTS sentences (
            doc_id VARCHAR NOT NULL, idx INTEGER NOT NULL,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            text VARCHAR NOT NULL, furniture BOOLEAN NOT NULL
        )
    """,
    "actors": """
        CREATE TABLE IF NOT EXISTS actors (
            actor_id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, kind VARCHAR,
            country VARCHAR, org VARCHAR, kb_id VARCHAR, sector VARCHAR
        )
    """,
    "mentions": """
        CREATE TABLE IF NOT EXISTS mentions (
            mention_id VARCHAR NOT NULL, doc_id VARCHAR NOT NULL, sentence_idx INTEGER,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL, text VARCHAR NOT NULL,
            method VARCHAR, label VARCHAR, resolved BOOLEAN NOT NULL,
            actor_id VARCHAR, name VARCHAR, country VARCHAR, org VARCHAR, kb_id VARCHAR,
            sector VARCHAR, kind VARCHAR, role VARCHAR,
            furniture BOOLEAN NOT NULL, component VARCHAR
        )
    """,
    "event_mentions": """
        CREATE TABLE IF NOT EXISTS event_mentions (
            id VARCHAR NOT NULL, doc_id VARCHAR NOT NULL, sentence_idx INTEGER,
            type VARCHAR NOT NULL, mode VARCHAR, quad INTEGER NOT NULL,
            actors VARCHAR NOT NULL, recipients VARCHAR NOT NULL,
            actor_keys VARCHAR, recipient_keys VARCHAR,
            date VARCHAR, date_end VARCHAR, date_precision VARCHAR,
            status VARCHAR NOT NULL, attributed_to VARCHAR, negated BOOLEAN,
            sentence VARCHAR NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            trigger VARCHAR, extractor VARCHAR NOT NULL, confidence DOUBLE,
            event_id VARCHAR, date_basis VARCHAR,
            location_name VARCHAR, location_kind VARCHAR, location_country VARCHAR,
            location_lat DOUBLE, location_lon DOUBLE, location_precision VARCHAR,
            location_start INTEGER, location_end INTEGER, location_text VARCHAR,
            location_basis VARCHAR, location_place_id VARCHAR, location_alternatives VARCHAR
        )
    """,
    "events": """
        CREATE TABLE IF NOT EXISTS events (
            event_id VARCHAR PRIMARY KEY, type VARCHAR NOT NULL, mode VARCHAR, quad INTEGER NOT NULL,
            actors VARCHAR NOT NULL, recipients VARCHAR NOT NULL,
            date VARCHAR, date_end VARCHAR, date_precision VARCHAR,
            status VARCHAR, n_mentions INTEGER NOT NULL, n_documents INTEGER NOT NULL,
            mention_ids VARCHAR NOT NULL
        )
    """,
    "statements": """
        CREATE TABLE IF NOT EXISTS statements (
            id VARCHAR NOT NULL, doc_id VARCHAR NOT NULL, sentence_idx INTEGER,
            kind VARCHAR, speaker VARCHAR, speaker_id VARCHAR, speaker_country VARCHAR,
            speaker_text VARCHAR, cue VARCHAR,
            content VARCHAR NOT NULL, content_start INTEGER, content_end INTEGER,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            targets VARCHAR, date VARCHAR, status VARCHAR,
            extractor VARCHAR, confidence DOUBLE, channel VARCHAR
        )
    """,
    "propositions": """
        CREATE TABLE IF NOT EXISTS propositions (
            id VARCHAR PRIMARY KEY, key VARCHAR, summary VARCHAR, type VARCHAR,
            actors VARCHAR, recipients VARCHAR, members VARCHAR, n_members INTEGER, n_documents INTEGER
        )
    """,
    "disputes": """
        CREATE TABLE IF NOT EXISTS disputes (
            id VARCHAR PRIMARY KEY, proposition_id VARCHAR, kind VARCHAR, summary VARCHAR,
            versions VARCHAR, actor_keys VARCHAR
        )
    """,
    "near_duplicate_bands": """
        CREATE TABLE IF NOT EXISTS near_duplicate_bands (band_key BIGINT NOT NULL, doc_id VARCHAR NOT NULL)
    """,
    "reviews": """
        CREATE TABLE IF NOT EXISTS reviews (
            review_id VARCHAR PRIMARY KEY, target_kind VARCHAR NOT NULL, target_id VARCHAR NOT NULL,
            verdict VARCHAR NOT NULL, corrections VARCHAR, note VARCHAR,
            reviewer VARCHAR NOT NULL, created_at TIMESTAMP NOT NULL
        )
    """,
}

# No secondary indexes: every checkpoint rewrote the per-document ART indexes whole, so
# writing a batch grew slower with the store (12.7 ms a document at 1,000 stored documents,
# 24.5 ms at 20,000). Lookups by document scan a column instead, which DuckDB does fast.
INDEXES: tuple[str, ...] = ()


def insert_bands(documents_where: str) -> str:
    """SQL adding the near-duplicate bands of the stored originals that ``documents_where`` selects.

    Near-duplicate lookups read the bands from the store rather than keeping every stored
    signature in memory, so an ingest's memory does not grow with the store.
    """
    return (
        f"INSERT INTO near_duplicate_bands SELECT {band_keys_sql('s', 'band')} AS band_key, doc_id "
        "FROM (SELECT doc_id, CAST(signature AS BIGINT[]) AS s FROM documents "
        f"WHERE duplicate_of IS NULL AND signature IS NOT NULL AND ({documents_where})), range({BANDS}) r(band)"
    )


def _rebuilt(table: str) -> tuple[str, ...]:
    """Statements giving an existing table the columns and constraints of its current definition."""
    create = TABLES[table].replace(f"CREATE TABLE IF NOT EXISTS {table} ", f"CREATE TABLE {table}_rebuilt ")
    return (
        create,
        f"INSERT INTO {table}_rebuilt BY NAME SELECT * FROM {table}",
        f"DROP TABLE {table}",
        f"ALTER TABLE {table}_rebuilt RENAME TO {table}",
    )


# version -> statements that migrate a store from version-1 to version.
MIGRATIONS: dict[int, tuple[str, ...]] = {
    2: tuple(
        f"DROP INDEX IF EXISTS idx_{table}_doc"
        for table in ("sentences", "mentions", "event_mentions", "statements", "furniture")
    ),
    3: ("DELETE FROM near_duplicate_bands", insert_bands("TRUE")),
    4: _rebuilt("documents"),
    # Where an event's date came from: text, publication (the report's date, inferred) or none.
    5: ("ALTER TABLE event_mentions ADD COLUMN IF NOT EXISTS date_basis VARCHAR",),
    # The outlet or medium that carried a statement, apart from its speaker.
    6: ("ALTER TABLE statements ADD COLUMN IF NOT EXISTS channel VARCHAR",),
    # event locations (dragoman/places): NULL for mentions stored before, until reprocessed
    7: tuple(
        f"ALTER TABLE event_mentions ADD COLUMN IF NOT EXISTS {column}"
        for column in (
            "location_name VARCHAR",
            "location_kind VARCHAR",
            "location_country VARCHAR",
            "location_lat DOUBLE",
            "location_lon DOUBLE",
            "location_precision VARCHAR",
            "location_start INTEGER",
            "location_end INTEGER",
            "location_text VARCHAR",
            "location_basis VARCHAR",
            "location_place_id VARCHAR",
            "location_alternatives VARCHAR",
        )
    ),  # fmt: skip
    # The language of each document (non-English ones are stored and flagged, not extracted).
    8: ("ALTER TABLE documents ADD COLUMN IF NOT EXISTS language VARCHAR",),
}
