"""An actor's stance toward another over time: what one said about the other, by period."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from dragoman.read.quotes import dated_quotes
from dragoman.store import Store
from dragoman.store.rows import from_json

PERIOD_LENGTH = {"year": 4, "month": 7, "day": 10}


def _matches(actor: dict[str, Any] | None, code: str) -> bool:
    if not actor:
        return False
    code = code.upper()
    return code in {str(actor.get(k) or "").upper() for k in ("actor_id", "country", "org")} or (
        code.lower() == str(actor.get("actor_id") or "").lower()
    )


def stance_timeline(store: Store, speaker: str, target: str, by: str = "month") -> list[dict[str, Any]]:
    """Per period: support / oppose / neutral counts, a net score, and the quotes behind them.

    ``speaker`` and ``target`` are actor ids or ISO3/IGO codes (a country code takes in its people).
    Quotes are dated by their own date, else their document's publication date.
    """
    if by not in PERIOD_LENGTH:
        raise ValueError("by is year, month or day")
    rows = dated_quotes(store)
    periods: dict[str, dict[str, Any]] = defaultdict(lambda: {"support": 0, "oppose": 0, "neutral": 0, "quotes": []})
    for row in rows:
        speaker_actor = from_json(row["speaker"] or None)
        if not _matches(speaker_actor, speaker) or not row["date"]:
            continue
        for item in from_json(row["targets"], []):
            if not _matches(item.get("actor"), target):
                continue
            period = row["date"][: PERIOD_LENGTH[by]]
            if len(period) < PERIOD_LENGTH[by]:
                period = f"{period} (undated within)"
            bucket = periods[period]
            bucket[item["stance"]] += 1
            bucket["quotes"].append(
                {
                    "statement_id": row["id"],
                    "doc_id": row["doc_id"],
                    "speaker": speaker_actor.get("name") if speaker_actor else None,
                    "content": row["content"],
                    "stance": item["stance"],
                    "evidence": item["evidence"],
                    "source": row["publisher"] or row["title"],
                }
            )
    out = []
    for period in sorted(periods):
        bucket = periods[period]
        total = bucket["support"] + bucket["oppose"] + bucket["neutral"]
        out.append({"period": period, **bucket, "net": (bucket["support"] - bucket["oppose"]) / total if total else 0})
    return out
