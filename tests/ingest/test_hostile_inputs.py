"""Inputs that used to abort an ingest or lose text: each is one error for its file (or line), or read right."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dragoman.domain.records import Document, IngestError
from dragoman.ingest import iter_documents
from tests.ingest import hostile
from tests.ingest.hostile import GOOD


def run(*paths: Path, **options: object) -> list[Document | IngestError]:
    return list(iter_documents(list(paths), **options))  # type: ignore[arg-type]


def errors(items: list[Document | IngestError]) -> list[str]:
    return [str(i) for i in items if isinstance(i, IngestError)]


def documents(items: list[Document | IngestError]) -> list[Document]:
    return [i for i in items if isinstance(i, Document)]


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (
            hostile.jsonl_huge_integer,
            "line 1: invalid JSON (Exceeds the limit (4300 digits) for integer string conversion)",
        ),
        (hostile.jsonl_lone_surrogate, "line 1: not valid Unicode (a lone surrogate escape such as \\ud800)"),
        (hostile.jsonl_deep_nesting, "line 1: invalid JSON (nested too deep)"),
    ],
)
def test_bad_jsonl_lines_are_one_error_each_between_good_lines(tmp_path: Path, make, reason: str) -> None:  # type: ignore[no-untyped-def]
    bad = make(tmp_path / "bad.jsonl")
    bad.write_text('{"text": "First good line about Baku."}\n' + bad.read_text() + '{"text": "Last good line."}\n')
    items = run(bad)
    assert errors(items) == [f"{bad}: {reason.replace('line 1', 'line 2')}"]
    assert [d.path for d in documents(items)] == [f"{bad}#L1", f"{bad}#L3"]


def test_pdf_stream_inflating_past_the_limit_is_one_error(tmp_path: Path) -> None:
    bomb = hostile.pdf_bomb(tmp_path / "b.pdf")
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "c.txt").write_text(GOOD + " Later.")
    items = run(tmp_path)
    assert [type(i).__name__ for i in items] == ["Document", "IngestError", "Document"]
    assert errors(items) == [f"{bomb}: PDF content too large to read (a stream inflates past the reader's limit)"]


def test_pypdf_repair_warnings_print_nothing(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "t.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n")
    items = run(tmp_path / "t.pdf")
    assert len(errors(items)) == 1 and "PDF" in errors(items)[0]
    captured = capfd.readouterr()
    assert (captured.out, captured.err) == ("", "")


def test_text_over_the_character_limit_is_refused_with_the_setting_named(tmp_path: Path) -> None:
    (tmp_path / "long.txt").write_text("word " * 1_060_000)
    (tmp_path / "short.txt").write_text(GOOD)
    items = run(tmp_path, max_chars=5_000_000)
    assert errors(items) == [
        f"{tmp_path / 'long.txt'}: text is 5,300,000 characters, over the limit of 5,000,000 "
        "(max_chars in dragoman.toml)"
    ]
    assert [d.path for d in documents(items)] == [str(tmp_path / "short.txt")]


def test_manifest_not_utf8_is_one_error_naming_its_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD)
    manifest = hostile.manifest_latin1(tmp_path / "manifest.csv", "a.txt")
    items = run(tmp_path)
    assert errors(items) == [f"{manifest}:2: manifest is not UTF-8 (byte 0xe9); save it as UTF-8"]
    assert [d.path for d in documents(items)] == [str(tmp_path / "a.txt")]


def test_manifest_field_over_the_csv_limit_is_one_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD)
    manifest = hostile.manifest_long_field(tmp_path / "manifest.csv", "a.txt")
    items = run(tmp_path)
    assert errors(items) == [f"{manifest}:2: a field is over 131,072 characters; rows after it not read"]
    assert len(documents(items)) == 1


def test_manifest_with_an_unterminated_quote_is_one_error_and_later_rows_keep_their_titles(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt", "c.txt", "d.txt"):
        (tmp_path / name).write_text(f"{GOOD} File {name}.")
    manifest = hostile.manifest_unterminated_quote(tmp_path / "manifest.csv", "a.txt", "b.txt", "c.txt", "d.txt")
    items = run(tmp_path)
    assert errors(items) == [f"{manifest}:3: a quote opened on this line is never closed; row skipped"]
    assert [(Path(d.path).name, d.title) for d in documents(items)] == [
        ("a.txt", "Rail corridor"),
        ("b.txt", None),
        ("c.txt", "Title of c.txt"),
        ("d.txt", "Title of d.txt"),
    ]
    closed_later = tmp_path / "manifest.csv"
    closed_later.write_text('path,title\na.txt,Rail\nb.txt,"Sanctions\nc.txt,"Closed"\nd.txt,Last\n')
    assert errors(run(tmp_path)) == [
        f"{manifest}:3: a quote opened on this line is not closed on its line (the field runs to line 4); row skipped"
    ]


def test_a_line_break_inside_an_extra_column_is_kept(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "b.txt").write_text(GOOD + " Again.")
    (tmp_path / "manifest.csv").write_text('path,title,note\na.txt,Rail,"two\nlines"\nb.txt,Again,one\n')
    items = run(tmp_path)
    assert errors(items) == []
    assert [(d.title, d.meta) for d in documents(items)] == [
        ("Rail", {"note": "two\nlines"}),
        ("Again", {"note": "one"}),
    ]


def test_manifest_paths_stay_inside_its_folder(tmp_path: Path) -> None:
    corpus, secret = tmp_path / "corpus", tmp_path / "secret"
    corpus.mkdir()
    secret.mkdir()
    (corpus / "a.txt").write_text(GOOD)
    (secret / "passwords.txt").write_text("The password of the archive is swordfish, said the clerk.")
    manifest = corpus / "manifest.csv"
    manifest.write_text(f"path,title\na.txt,Rail\n../secret/passwords.txt,Secret\n{secret / 'passwords.txt'},Again\n")
    items = run(manifest=manifest)
    refused = "is outside the manifest's folder; refused (--allow-outside reads it)"
    assert errors(items) == [
        f"{manifest}:3: ../secret/passwords.txt {refused}",
        f"{manifest}:4: {secret / 'passwords.txt'} {refused}",
    ]
    assert [d.title for d in documents(items)] == ["Rail"]
    allowed = run(manifest=manifest, allow_outside=True)
    assert errors(allowed) == [f"{manifest}:4: duplicate path {secret / 'passwords.txt'}"]
    assert [d.title for d in documents(allowed)] == ["Rail", "Secret"]


def test_utf16_with_and_without_bom_is_decoded(tmp_path: Path) -> None:
    sentence = "Iran and Russia signed a trade agreement in Tehran on Monday."
    (tmp_path / "bom.txt").write_bytes(sentence.encode("utf-16"))
    (tmp_path / "le.txt").write_bytes(sentence.encode("utf-16-le"))
    (tmp_path / "be.txt").write_bytes("\ufeff".encode("utf-16-be") + "Минск и Москва.".encode("utf-16-be"))
    texts = {Path(d.path).name: d.text for d in documents(run(tmp_path))}
    assert texts == {"be.txt": "Минск и Москва.", "bom.txt": sentence, "le.txt": sentence}


def test_stray_bytes_in_utf8_are_kept_as_utf8_with_a_replacement_character(tmp_path: Path) -> None:
    russian = "Министр иностранных дел России встретился с иранским коллегой в Москве."
    english = "Iran and Russia signed \u2014 \u201ca deal\u201d in Tehran on Monday, the ministry said."
    (tmp_path / "ru.txt").write_bytes(russian.encode() + b"\xff")
    (tmp_path / "en.txt").write_bytes(english.encode() + b" It\x92s done.")
    texts = {Path(d.path).name: d.text for d in documents(run(tmp_path))}
    assert texts == {"en.txt": english + " It\ufffds done.", "ru.txt": russian + "\ufffd"}


def test_random_high_bytes_are_refused_as_binary(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_bytes(bytes(random.Random(1).randrange(128, 256) for _ in range(4096)))
    assert errors(run(tmp_path / "x.txt")) == [
        f"{tmp_path / 'x.txt'}: binary data, not text (no spaces or line breaks)"
    ]


def test_legacy_code_page_with_few_accents_is_still_detected(tmp_path: Path) -> None:
    text = "Le ministre a rencontr\u00e9 son homologue, puis il est reparti vers la capitale le soir m\u00eame. " * 3
    (tmp_path / "fr.txt").write_bytes(text.encode("latin-1"))
    [document] = documents(run(tmp_path / "fr.txt"))
    assert document.text == text.strip() or document.text == text


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_named_txt_is_skipped_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "a.txt").write_text(GOOD)
    assert errors(run(tmp_path / "pipe.txt", tmp_path / "a.txt")) == [
        f"{tmp_path / 'pipe.txt'}: not a regular file (a pipe, device or socket): skipped"
    ]
    in_folder = run(tmp_path)
    assert [d.path for d in documents(in_folder)] == [str(tmp_path / "a.txt")]
    assert errors(in_folder) == [f"{tmp_path / 'pipe.txt'}: not a regular file (a pipe, device or socket): skipped"]


def test_control_characters_and_terminal_escapes_are_not_stored(tmp_path: Path) -> None:
    (tmp_path / "c.jsonl").write_text(
        '{"text": "with nul \\u0000 and ctrl \\u0001\\u001b[31m red\\u001b[0m text", '
        '"title": "T\\u001b]0;x\\u0007itle"}\n'
    )
    [document] = documents(run(tmp_path / "c.jsonl"))
    assert (document.text, document.title) == ("with nul  and ctrl  red text", "Title")


def _unreadable_folder_run(folder: Path) -> list[str]:
    """The errors of reading ``folder`` in a process that, like any user but root, obeys file modes."""
    code = (
        "import sys; from pathlib import Path; from dragoman.ingest import iter_documents\n"
        "for item in iter_documents([Path(sys.argv[1])]): print(type(item).__name__, item if hasattr(item, 'reason')"
        " else item.path)"
    )
    command = [sys.executable, "-c", code, str(folder)]
    if os.geteuid() == 0:
        command = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", *command]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    return subprocess.run(command, capture_output=True, text=True, check=True, env=env).stdout.splitlines()


@pytest.mark.skipif(os.geteuid() == 0 and shutil.which("setpriv") is None, reason="root without setpriv reads all")
def test_an_unreadable_sub_folder_is_one_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text(GOOD + " Again.")
    (tmp_path / "sub").chmod(0)
    try:
        lines = _unreadable_folder_run(tmp_path)
    finally:
        (tmp_path / "sub").chmod(0o755)
    assert lines == [
        f"IngestError {tmp_path / 'sub'}: cannot read folder: Permission denied; its files were skipped",
        f"Document {tmp_path / 'a.txt'}",
    ]
