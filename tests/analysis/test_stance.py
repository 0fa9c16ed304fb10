from __future__ import annotations

from pathlib import Path

from dragoman.analysis.stance import stance_timeline
from dragoman.domain.records import ActorRef, Document, ProcessedDocument, StanceTarget, Statement
from dragoman.store import Store

RAISI = ActorRef(name="Ebrahim Raisi", actor_id="ebrahim-raisi", country="IRN", kind="person")
USA = ActorRef(name="United States", actor_id="USA", country="USA", kind="state")


def statement(doc: str, sid: str, stance: str, content: str) -> Statement:
    return Statement(
        id=sid,
        doc_id=doc,
        sentence_index=0,
        kind="direct",
        speaker=RAISI,
        speaker_text="Raisi",
        cue="said",
        content=content,
        content_start=0,
        content_end=len(content),
        start=0,
        end=len(content),
        extractor="test@1",
        confidence=0.8,
        targets=[StanceTarget(USA, stance, "word", 0, 4)],  # type: ignore[arg-type]
    )


def test_stance_by_month_with_quotes(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    items = [("a", "2022-03-02", "oppose"), ("b", "2022-03-20", "oppose"), ("c", "2022-05-01", "support")]
    with Store(db) as store:
        for doc, published, stance in items:
            text = f"Washington is {stance}d here."
            document = Document(
                doc_id=doc, path=f"{doc}.txt", text=text, content_hash=doc, source_format="txt", published=published
            )
            store.write_documents([ProcessedDocument(document, statements=[statement(doc, f"q{doc}", stance, text)])])
        points = stance_timeline(store, "IRN", "USA", by="month")
    assert [(p["period"], p["oppose"], p["support"], p["net"]) for p in points] == [
        ("2022-03", 2, 0, -1.0),
        ("2022-05", 0, 1, 1.0),
    ]
    assert points[0]["quotes"][0]["statement_id"] == "qa"
