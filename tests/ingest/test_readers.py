from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from dragoman.domain.records import Document, IngestError
from dragoman.ingest import iter_documents
from dragoman.ingest.readers import read_markdown

BRIEF = "Envoys from Tehran and Moscow met on March 15 to discuss a rail corridor.\n\nThey agreed to meet again."


def run(*paths: Path, manifest: Path | None = None, max_bytes: int = 50_000_000) -> list[Document | IngestError]:
    return list(iter_documents(list(paths), manifest, max_bytes))


def only_document(items: list[Document | IngestError]) -> Document:
    assert len(items) == 1 and isinstance(items[0], Document), items
    return items[0]


def test_txt_title_from_first_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Rail talks resume\n\n" + BRIEF)
    doc = only_document(run(tmp_path / "a.txt"))
    assert doc.title == "Rail talks resume" and doc.source_format == "txt"
    assert doc.doc_id == doc.content_hash[:16]


def test_markdown_syntax_stripped(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# Rail talks\n\n**O**n March 15 the [envoys](http://x.example) met.\n")
    doc = only_document(run(tmp_path / "a.md"))
    assert "On March 15 the envoys met." in doc.text and "#" not in doc.text


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    body = " ".join(["The two governments signed a memorandum on rail freight in Tehran."] * 6)
    page = f"""<html><head><title>Rail memorandum signed</title><meta name="date" content="2023-05-17"></head>
    <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
    <article><h1>Rail memorandum signed</h1><p>{body}</p><p>{body}</p></article>
    <footer>Share this story. Related articles: Oil prices fall.</footer></body></html>"""
    (tmp_path / "a.html").write_text(page)
    doc = only_document(run(tmp_path / "a.html"))
    assert "memorandum on rail freight" in doc.text
    assert "Home" not in doc.text and "Related articles" not in doc.text
    assert doc.title == "Rail memorandum signed" and doc.published == "2023-05-17"


def _pdf(path: Path, text: str | None, password: str | None = None) -> None:
    writer = PdfWriter()
    page = writer.add_blank_page(width=400, height=400)
    if text is not None:
        font = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject("/Helvetica"),
            }
        )
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})}
        )
        stream = DecodedStreamObject()
        stream.set_data(f"BT /F1 12 Tf 20 300 Td ({text}) Tj ET".encode())
        page[NameObject("/Contents")] = writer._add_object(stream)
    if password:
        writer.encrypt(password)
    with path.open("wb") as handle:
        writer.write(handle)


def test_pdf_text_layer(tmp_path: Path) -> None:
    _pdf(tmp_path / "a.pdf", "Iran and Russia signed a trade accord.")
    doc = only_document(run(tmp_path / "a.pdf"))
    assert "signed a trade accord" in doc.text


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda p: _pdf(p, None), "no text layer"),
        (lambda p: _pdf(p, "Secret text here.", password="pw"), "encrypted"),
        (lambda p: p.write_bytes(b"%PDF-1.7\n garbage"), "corrupt PDF"),
    ],
)
def test_bad_pdfs_are_reported(tmp_path: Path, make, reason: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bad.pdf"
    make(path)
    [error] = run(path)
    assert isinstance(error, IngestError) and reason in error.reason and error.path == str(path)


def test_jsonl_lines_and_bad_line(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": BRIEF, "title": "One", "published": "2022-03", "publisher": "Caspian Wire"}),
        "{not json",
        json.dumps({"title": "no text"}),
        json.dumps({"text": "A second brief about sanctions imposed in October.", "id": "b2", "lang": "en"}),
    ]
    (tmp_path / "a.jsonl").write_text("\n".join(lines))
    items = run(tmp_path / "a.jsonl")
    docs = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, IngestError)]
    assert [d.title for d in docs] == ["One", None]
    assert docs[0].published == "2022-03" and docs[0].path.endswith("a.jsonl#L1")
    assert docs[1].meta["lang"] == "en"
    assert ["line 2" in errors[0].reason, "line 3" in errors[1].reason] == [True, True]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"\x00\x01\x02\x00\x00binary\x00" * 50, "binary"),
    ],
)
def test_unreadable_text_files(tmp_path: Path, content: bytes, reason: str) -> None:
    (tmp_path / "x.txt").write_bytes(content)
    [error] = run(tmp_path / "x.txt")
    assert isinstance(error, IngestError) and reason in error.reason


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("cp1251", "Министр иностранных дел России встретился с иранским коллегой в Москве. " * 3),
        ("cp1256", "التقى وزير الخارجية الإيراني بنظيره الروسي في موسكو لبحث التعاون. " * 3),
        ("latin-1", "Le ministre a rencontré son homologue à Téhéran, près de l'élysée. " * 3),
    ],
)
def test_legacy_encodings_detected(tmp_path: Path, encoding: str, text: str) -> None:
    (tmp_path / "x.txt").write_bytes(text.encode(encoding))
    doc = only_document(run(tmp_path / "x.txt"))
    assert doc.text.strip() == text.strip()


def test_truncated_html_is_read_or_reported(tmp_path: Path) -> None:
    body = "The delegation from Baku arrived in Tehran for two days of talks on transit fees. " * 8
    (tmp_path / "t.html").write_text(f"<html><body><article><p>{body}</p><p>More of the")
    (tmp_path / "e.html").write_text("<html><body><div></div></body></html>")
    items = run(tmp_path)
    assert isinstance(items[1], Document) and "transit fees" in items[1].text
    assert isinstance(items[0], IngestError) and "no main text" in items[0].reason


def test_size_limit(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text(BRIEF * 100)
    [error] = run(tmp_path / "big.txt", max_bytes=1000)
    assert isinstance(error, IngestError) and "limit" in error.reason


def test_folder_walk_skips_notes_and_reports_missing(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("About this folder")
    (tmp_path / "notes.csv").write_text("a,b")
    (tmp_path / "a.txt").write_text(BRIEF)
    items = run(tmp_path, tmp_path / "missing.txt")
    assert isinstance(items[0], IngestError) and "no such file" in items[0].reason
    assert [type(i).__name__ for i in items[1:]] == ["Document"]


def test_unsupported_file_named_explicitly(tmp_path: Path) -> None:
    (tmp_path / "a.docx").write_bytes(b"PK")
    [error] = run(tmp_path / "a.docx")
    assert isinstance(error, IngestError) and "unsupported" in error.reason


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=400), st.sampled_from([".txt", ".md", ".html", ".pdf", ".jsonl"]))
def test_readers_never_raise_on_arbitrary_bytes(
    tmp_path_factory: pytest.TempPathFactory, data: bytes, suffix: str
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / f"x{suffix}"
    path.write_bytes(data)
    for item in run(path):
        assert isinstance(item, Document | IngestError)
        if isinstance(item, Document):
            assert item.text.strip()


def md(source: str) -> str:
    return read_markdown(source.encode()).text


def test_markdown_keeps_each_source_line_and_drops_only_syntax() -> None:
    source = "# Rail talks\n\n**O**n March 15 the [envoys](http://x.example) met.\n> They *agreed*.\n"
    assert md(source) == "Rail talks\n\nOn March 15 the envoys met.\nThey agreed.\n"


def test_markdown_lists_lose_bullets_but_keep_numbers() -> None:
    assert md("- Tehran\n  - Moscow\n\n1. Baku\n2022. A year to remember\n") == (
        "Tehran\nMoscow\n\n1. Baku\n2022. A year to remember\n"
    )


def test_markdown_syntax_lines_become_blank_lines() -> None:
    source = "Talks\n=====\n\n---\n\n```\nquoted text\n```\n\n[1]: http://x.example\n"
    assert md(source) == "Talks\n\n\n\n\n\nquoted text\n\n\n\n"


def test_markdown_inline_links_entities_code_and_images_keep_their_words() -> None:
    source = "[talks][1], <http://x.example>, A &amp; B, `code`, ![a map *of* ports](m.png)\n\n[1]: http://y.example\n"
    assert md(source) == "talks, http://x.example, A & B, code, a map of ports\n\n\n"


def test_markdown_leaves_raw_html_and_nul_free_text() -> None:
    assert md("A <b>bold</b>\x00 claim.\r\nNext.") == "A <b>bold</b> claim.\nNext."
