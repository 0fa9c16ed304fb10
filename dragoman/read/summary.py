"""The store at a glance for ``dragoman summary``: counts, types, the most mentioned actors."""

from __future__ import annotations

from dataclasses import dataclass

from dragoman.store import Store


@dataclass(frozen=True)
class StoreSummary:
    """Record counts and the few lists the summary prints."""

    counts: dict[str, int]
    original_documents: int
    resolved_mentions: int
    distinct_actors: int
    events_by_type: list[tuple[str, int]]
    most_mentioned: list[tuple[str, int]]
    not_english: list[tuple[str, str]]  # (path, language)


def store_summary(store: Store, top: int = 8) -> StoreSummary:
    """What is in the store; documents' languages only where the store records them."""
    has_language = store.scalar(  # a store from before language detection, opened read-only, has none
        "SELECT count(*) FROM information_schema.columns WHERE table_name = 'documents' AND column_name = 'language'"
    )
    foreign = (
        store.rows("SELECT path, language FROM documents WHERE language IS NOT NULL AND language <> 'en' ORDER BY path")
        if has_language
        else []
    )
    return StoreSummary(
        counts=store.counts(),
        original_documents=store.scalar("SELECT count(*) FROM documents WHERE duplicate_of IS NULL"),
        resolved_mentions=store.scalar("SELECT count(*) FROM mentions WHERE resolved"),
        distinct_actors=store.scalar("SELECT count(DISTINCT coalesce(actor_id, name)) FROM mentions WHERE resolved"),
        events_by_type=[
            (r["type"], r["n"])
            for r in store.rows("SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY n DESC, type")
        ],
        most_mentioned=[
            (r["actor"], r["n"])
            for r in store.rows(
                "SELECT coalesce(name, text) AS actor, count(*) AS n FROM mentions WHERE resolved "
                "GROUP BY 1 ORDER BY n DESC, actor LIMIT ?",
                [top],
            )
        ],
        not_english=[(r["path"], r["language"]) for r in foreign],
    )
