"""Remote executors' bookkeeping: tasks of a few documents, results rejoined in input order."""

from __future__ import annotations

from concurrent.futures import Future
from typing import Any

from dragoman.pipeline import parallel
from dragoman.records import Component, Document, Sentence


def _done(documents: list[Document]) -> Future[Any]:
    future: Future[Any] = Future()
    future.set_result([([Sentence(d.doc_id, 0, 0, 1, d.text)], [], [], [], [Component("t", "1")]) for d in documents])
    return future


def test_batches_split_into_tasks_come_back_whole_and_in_order() -> None:
    docs = [Document(f"d{i}", f"{i}.txt", f"text {i}", f"h{i}", "txt") for i in range(23)]
    batches = [docs[:10], docs[10:20], docs[20:]]
    tasks: list[int] = []

    def submit(chunk: list[Document]) -> Future[Any]:
        tasks.append(len(chunk))
        return _done(chunk)

    out = list(parallel._remote(submit, iter(batches), window=2))
    assert tasks == [8, 2, 8, 2, 3]
    assert [[r.document.doc_id for r in batch] for batch in out] == [[d.doc_id for d in b] for b in batches]
    assert all(r.sentences[0].text == r.document.text for batch in out for r in batch)
