"""A small hand-made store whose dyad counts are known by hand (see HAND_COUNTS)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from dragoman.domain.records import ActorRef, Document, EventMention, ProcessedDocument, Sentence, Statement
from dragoman.store import Store

IRN = ActorRef("Iran", actor_id="IRN", country="IRN", kind="state", sector="GOV")
RUS = ActorRef("Russia", actor_id="RUS", country="RUS", kind="state", sector="GOV")
USA = ActorRef("United States", actor_id="USA", country="USA", kind="state", sector="GOV")
MINISTER_I = ActorRef("Minister Ardalan", actor_id="ardalan", country="IRN", kind="person", sector="GOV")
MINISTER_R = ActorRef("Minister Volkov", actor_id="volkov", country="RUS", kind="person", sector="GOV")

# doc id -> (publisher, published, sentences)
DOCS: dict[str, tuple[str, str, list[str]]] = {
    "doc1": ("Alpha News", "2022-03-20", [
        "Iranian envoys held talks in Moscow with Russian officials on 15 March.",
        "Russia agreed a grain deal with Iran the next day.",
        "Tehran rejected the Russian proposal on 20 March.",
    ]),
    "doc2": ("Beta Wire", "2022-04-02", [
        "Officials from Iran met their Russian counterparts in Moscow last month.",
        "Minister Ardalan accused Minister Volkov of stalling on 1 April.",
        "Iran blamed Washington for the delay on 1 April.",
        "Volkov said that Moscow will stand with Tehran.",
    ]),
    "doc3": ("Gamma Review", "2022-05-10", [
        "Russian engineers began joint work at an Iranian plant on 5 May.",
        "In May Iran warned Russia it would walk away.",
        "A strike by Russia on Iranian assets was said to be possible on 7 May.",
        "Iran backed the Russian position during 2022.",
        "A reader wrote <script>window.__xss = 1</script> in the comments.",
    ]),
}  # fmt: skip

# (id, doc, sentence index, type, quad, actors, recipients, date, status, event id)
MENTIONS: list[tuple[str, str, int, str, int, list[ActorRef], list[ActorRef], str | None, str, str]] = [
    ("m1", "doc1", 0, "CONSULT", 1, [IRN], [RUS], "2022-03-15", "asserted", "e1"),
    ("m2", "doc2", 0, "CONSULT", 1, [IRN], [RUS], "2022-03-15", "asserted", "e1"),
    ("m3", "doc1", 1, "AGREE", 1, [RUS], [IRN], "2022-03-16", "asserted", "e2"),
    ("m4", "doc2", 1, "ACCUSE", 3, [MINISTER_I], [MINISTER_R], "2022-04-01", "asserted", "e3"),
    ("m5", "doc2", 2, "ACCUSE", 3, [IRN], [USA], "2022-04-01", "asserted", "e4"),
    ("m6", "doc3", 0, "COOPERATE", 2, [RUS], [IRN], "2022-05-05", "asserted", "e5"),
    ("m7", "doc3", 1, "THREATEN", 3, [IRN], [RUS], "2022-05", "asserted", "e6"),
    ("m8", "doc3", 2, "ASSAULT", 4, [RUS], [IRN], "2022-05-07", "hypothetical", "e7"),
    ("m9", "doc1", 2, "REJECT", 3, [IRN], [RUS], "2022-03-20", "asserted", "e8"),
    ("m10", "doc3", 3, "SUPPORT", 1, [IRN], [RUS], "2022", "asserted", "e9"),
]

# Hand counts for IRN-RUS by month (default statuses, no country aggregation).
HAND_COUNTS = {
    "2022-03": {"n": 3, "verbal_coop": 2, "verbal_conflict": 1, "score": round((1.0 + 4.0 - 4.0) / 3, 3)},
    "2022-04": {"n": 0, "score": None},
    "2022-05": {"n": 2, "material_coop": 1, "verbal_conflict": 1, "score": 0.0},
}
PRECISION = {4: "year", 7: "month", 10: "day"}


def _documents() -> list[ProcessedDocument]:
    out = []
    for doc_id, (publisher, published, sentences) in DOCS.items():
        text = "\n".join(sentences)
        records, offset = [], 0
        for i, sentence in enumerate(sentences):
            records.append(Sentence(doc_id, i, offset, offset + len(sentence), sentence))
            offset += len(sentence) + 1
        document = Document(
            doc_id=doc_id, path=f"{doc_id}.txt", text=text, content_hash=f"hash-{doc_id}",
            source_format="txt", title=f"Report {doc_id}", publisher=publisher, published=published,
        )  # fmt: skip
        events = []
        for mid, mdoc, idx, etype, quad, actors, recipients, date, status, event_id in MENTIONS:
            if mdoc != doc_id:
                continue
            s = records[idx]
            events.append(
                EventMention(
                    id=mid, doc_id=doc_id, sentence_index=idx, type=etype, quad=quad, actors=actors,
                    recipients=recipients, sentence=s.text, start=s.start, end=s.end, extractor="test@1",
                    confidence=0.9, date=date, date_precision=PRECISION[len(date)] if date else "unknown",  # type: ignore[arg-type]
                    status=status, event_id=event_id,  # type: ignore[arg-type]
                )
            )  # fmt: skip
        statements = []
        if doc_id == "doc2":
            s = records[3]
            content_start = s.start + s.text.index("Moscow")
            statements.append(
                Statement(
                    id="q1", doc_id=doc_id, sentence_index=3, kind="indirect", speaker=MINISTER_R,
                    speaker_text="Volkov", cue="said", content=s.text[s.text.index("Moscow"):],
                    content_start=content_start, content_end=s.end, start=s.start, end=s.end,
                    extractor="test@1", confidence=0.8, date="2022-04-02",
                )
            )  # fmt: skip
        out.append(ProcessedDocument(document, records, [], events, statements))
    return out


def _event_rows() -> list[dict[str, Any]]:
    groups: dict[str, list[tuple[Any, ...]]] = {}
    for m in MENTIONS:
        groups.setdefault(m[9], []).append(m)
    rows = []
    for event_id, members in groups.items():
        _, _, _, etype, quad, actors, recipients, date, status, _ = members[0]
        rows.append({
            "event_id": event_id, "type": etype, "mode": None, "quad": quad,
            "actors": json.dumps([a.to_dict() for a in actors]),
            "recipients": json.dumps([a.to_dict() for a in recipients]),
            "date": date, "date_end": None, "date_precision": PRECISION[len(date)] if date else "unknown",
            "status": status, "n_mentions": len(members), "n_documents": len({m[1] for m in members}),
            "mention_ids": json.dumps([m[0] for m in members]),
        })  # fmt: skip
    return rows


def make_store(path: Path, merged: bool = True) -> Path:
    """Write the fixture store at ``path``; ``merged=False`` leaves the events table empty."""
    with Store(path) as store:
        store.write_documents(_documents())
        store.upsert_actors(
            [{"actor_id": a.actor_id, "name": a.name, "kind": a.kind, "country": a.country, "org": None,
              "kb_id": None, "sector": a.sector} for a in (IRN, RUS, USA, MINISTER_I, MINISTER_R)]
        )  # fmt: skip
        store.con.execute(
            "INSERT INTO mentions VALUES ('a1', 'doc2', 3, 0, 7, 'Volkov', 'alias', NULL, TRUE, 'volkov', "
            "'Minister Volkov', 'RUS', NULL, NULL, 'GOV', 'person', NULL, FALSE, 'test@1')"
        )
        if merged:
            store.replace_table("events", _event_rows())
        store.replace_table("propositions", [{
            "id": "p1", "key": "CONSULT|IRN|RUS", "summary": "Iran consulted Russia", "type": "CONSULT",
            "actors": json.dumps([IRN.to_dict()]), "recipients": json.dumps([RUS.to_dict()]),
            "members": json.dumps(["m1", "m2"]), "n_members": 2, "n_documents": 2,
        }])  # fmt: skip
        store.replace_table("disputes", [{
            "id": "d1", "proposition_id": "p1", "kind": "date", "summary": "When Iran and Russia met",
            "versions": json.dumps([
                {"value": "2022-03-15", "sources": [{"doc_id": "doc1", "mention_id": "m1",
                                                     "sentence": DOCS["doc1"][2][0]}]},
                {"value": "2022-03", "sources": [{"doc_id": "doc2", "mention_id": "m2",
                                                  "sentence": DOCS["doc2"][2][0]}]},
            ]),
            "actor_keys": json.dumps(["IRN", "RUS"]),
        }])  # fmt: skip
    return path
