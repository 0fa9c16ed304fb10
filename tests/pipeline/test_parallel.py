"""Remote executors' bookkeeping: tasks of a few documents, results rejoined in input order."""

from __future__ import annotations

from concurrent.futures import Future
from typing import Any

from dragoman.pipeline import parallel
from dragoman.records import Component, Document, Sentence


def _done(documents: list[Document]) -> Future[Any]:
    future: Future[Any] = Future()
    future.set_result(
        [([Sentence(d.doc_id, 0, 0, 1, d.text)], [], [], [], [Component("t", "1")], None) for d in documents]
    )
    return future


def test_batches_split_into_tasks_come_back_whole_and_in_order() -> None:
    docs = [Document(f"d{i}", f"{i}.txt", f"text {i}", f"h{i}", "txt") for i in range(23)]
    batches = [docs[:10], docs[10:20], docs[20:]]
    tasks: list[int] = []

    def submit(chunk: list[Document]) -> Future[Any]:
        tasks.append(len(chunk))
        return _done(chunk)

    out = list(parallel._remote(submit, iter(batches), window=2))
    assert tasks == [5, 5, 5, 5, 3]  # ten documents of equal length: two tasks of five
    assert [[r.document.doc_id for r in batch] for batch in out] == [[d.doc_id for d in b] for b in batches]
    assert all(r.sentences[0].text == r.document.text for batch in out for r in batch)


def test_tasks_hold_about_equal_amounts_of_text() -> None:
    long_ones = [Document(f"a{i}", f"a{i}.txt", "word " * 1000, f"ha{i}", "txt") for i in range(4)]
    short_ones = [Document(f"b{i}", f"b{i}.txt", "word " * 100, f"hb{i}", "txt") for i in range(28)]
    parts = parallel.split_tasks(long_ones + short_ones, 4)
    assert [d.doc_id for part in parts for d in part] == [d.doc_id for d in long_ones + short_ones]
    sizes = [sum(len(d.text) for d in part) for part in parts]
    assert len(parts) == 4 and max(sizes) < 2 * min(sizes)  # by count, the first task would hold 4 times the rest


def test_fewer_documents_than_tasks() -> None:
    docs = [Document("d0", "0.txt", "text", "h0", "txt")]
    assert parallel.split_tasks(docs, 4) == [docs]
    assert parallel.split_tasks([], 2) == []
