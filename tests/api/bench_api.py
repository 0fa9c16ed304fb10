"""Timings of the analyses and API on a synthetic store (not a test; figures go to docs/api.md).

Run: python -m tests.api.bench_api [N_DOCUMENTS]   (10 event mentions and 20 sentences a document)
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
import warnings
from pathlib import Path

from dragoman.domain.records import Document, EventMention, ProcessedDocument, Sentence
from dragoman.store import Store
from tests.analysis.fixture_store import IRN, MINISTER_I, MINISTER_R, RUS, USA

TYPES = [("CONSULT", 1), ("AGREE", 1), ("AID", 2), ("ACCUSE", 3), ("SANCTION", 4)]


def build(path: Path, n_docs: int) -> None:
    rng = random.Random(1)
    actors = [IRN, RUS, USA, MINISTER_I, MINISTER_R]
    docs = []
    for i in range(n_docs):
        texts = [f"Line {j} of report {i} on the states of the region and their doings." for j in range(20)]
        sentences, offset = [], 0
        for j, text in enumerate(texts):
            sentences.append(Sentence(f"d{i}", j, offset, offset + len(text), text))
            offset += len(text) + 1
        events = []
        for k in range(10):
            event_type, quad = rng.choice(TYPES)
            a, b = rng.sample(actors, 2)
            s = sentences[k]
            date = f"2022-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            events.append(
                EventMention(
                    f"d{i}m{k}", f"d{i}", k, event_type, quad, [a], [b], s.text, s.start, s.end,
                    "bench@1", 0.5, date=date, date_precision="day",
                    event_id=f"ev{rng.randint(0, n_docs * 6)}",
                )
            )  # fmt: skip
        document = Document(f"d{i}", f"d{i}.txt", "\n".join(texts), f"h{i}", "txt", publisher="P", published="2022")
        docs.append(ProcessedDocument(document, sentences, [], events, []))
    with Store(path) as store:
        for start in range(0, n_docs, 500):
            store.write_documents(docs[start : start + 500])


def main() -> None:
    warnings.filterwarnings("ignore")
    from fastapi.testclient import TestClient

    from dragoman.api import create_app

    n_docs = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.duckdb"
        build(path, n_docs)
        client = TestClient(create_app(path, "t"), base_url="http://127.0.0.1")
        print(f"{n_docs} documents, {n_docs * 10} event mentions")
        for url in (
            "/api/events", "/api/events?type=AID", "/api/events?actor=IRN&page=3", "/api/actors",
            "/api/dyad?a=IRN&b=RUS", "/api/dyad?a=IRN&b=RUS&by=week", "/api/network",
            "/api/events?level=event", "/api/search?q=region", "/api/documents/d7",
            "/api/overview", "/api/overview", "/api/actors?q=ira&page_size=20",
            "/api/dyad?a=IRN&b=RUS&countries=true&default_range=true", "/api/events?sort=-date",
        ):  # fmt: skip
            start = time.perf_counter()
            status = client.get(url).status_code
            print(f"{url:40} {status} {time.perf_counter() - start:6.2f} s")


if __name__ == "__main__":
    main()
