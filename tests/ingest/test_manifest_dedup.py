from __future__ import annotations

from pathlib import Path

from dragoman.domain.records import Document, IngestError
from dragoman.ingest import NearDuplicateIndex, iter_documents, valid_published

ARTICLE = (
    "Officials in Tehran confirmed on Monday that a Russian delegation led by a deputy prime minister "
    "would arrive next week to discuss gas swaps, a new rail line through Azerbaijan and payments in "
    "national currencies. The talks follow months of negotiation over tariffs and insurance for cargo "
    "crossing the Caspian Sea, according to the transport ministry, which said both sides hoped to sign "
    "a framework document before the end of the year."
)


def test_manifest_metadata_and_row_errors(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.txt").write_text(ARTICLE.replace("Monday", "Friday"))
    (tmp_path / "manifest.csv").write_text(
        "path,title,author,publisher,published,url,desk\n"
        "a.txt,Gas swap talks,A. Writer,Caspian Wire,2022-07,https://example.org/a,energy\n"
        "a.txt,Again,,,2022,,\n"
        "missing.txt,Gone,,,2022,,\n"
        "b.txt,Bad date,,,2022-13-40,,\n"
    )
    items = list(iter_documents([], tmp_path / "manifest.csv"))
    errors = [i for i in items if isinstance(i, IngestError)]
    docs = [i for i in items if isinstance(i, Document)]
    reasons = {e.path.rsplit(":", 1)[1]: e.reason for e in errors}
    assert "duplicate path" in reasons["3"]
    assert "does not exist" in reasons["4"]
    assert "bad published date" in reasons["5"]
    [doc] = docs
    assert (doc.title, doc.author, doc.publisher, doc.published) == (
        "Gas swap talks",
        "A. Writer",
        "Caspian Wire",
        "2022-07",
    )
    assert doc.meta == {"desk": "energy"}


def test_same_text_same_id(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "copy.txt").write_text(ARTICLE + "\n")
    first, second = iter_documents([tmp_path])
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.content_hash != second.content_hash or first.doc_id == second.doc_id


def test_near_duplicate_found_and_unrelated_not() -> None:
    index = NearDuplicateIndex()
    index.add("original", index.signature(ARTICLE * 2))
    republished = "Editor's note: this report first ran elsewhere.\n" + (ARTICLE * 2).replace("Monday", "Mon.")
    assert index.find_twin(index.signature(republished), 0.75) == "original"
    other = "The football season opened with a draw in the capital as fans packed the stadium " * 5
    assert index.find_twin(index.signature(other), 0.75) is None


def test_forgotten_documents_are_not_found_and_stored_candidates_are() -> None:
    index = NearDuplicateIndex()
    original = index.signature(ARTICLE * 2)
    index.add("original", original)
    index.add("other", index.signature("A different text about trade talks in Baku and Ankara. " * 5))
    index.remove("original")
    index.remove("never added")
    assert len(index) == 1
    assert index.find_twin(original, 0.75) is None
    assert index.find_twin(original, 0.75, stored={"in the store": original}) == "in the store"


def test_valid_published_keeps_real_partial_dates_only() -> None:
    assert valid_published(" 2022-03 ") == "2022-03"
    assert valid_published("2024-02-29") == "2024-02-29"
    assert [valid_published(v) for v in ("2022-00", "2023-02-29", "0000", "2022-3", "")] == [None] * 5
