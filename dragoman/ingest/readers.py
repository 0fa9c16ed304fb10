"""One reader per file format; each returns raw text and the metadata the file itself carries."""

from __future__ import annotations

import codecs
import io
import json
import logging
import stat
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from charset_normalizer import from_bytes

from dragoman.ingest.markdown import markdown_text


class ReadError(Exception):
    """A file that cannot be read; the message is the one-line reason."""


@dataclass
class RawText:
    text: str
    source_format: str
    metadata: dict[str, Any] = field(default_factory=dict)
    line: int | None = None  # for formats with many documents a file


SUPPORTED = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".jsonl": "jsonl",
}


PREFERRED = ("cp1252", "latin_1", "iso8859_15", "cp1251", "cp1256", "koi8_r", "iso8859_6", "cp1250")
# Bytes that separate words and lines in any text written in a legacy code page.
TEXT_SPACING = (b" ", b"\t", b"\r", b"\n")


def _utf16(data: bytes) -> str | None:
    """UTF-16 text: with a byte-order mark, or without one when every other byte is NUL (Latin script)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ReadError("invalid UTF-16 text (broken byte pairs)") from None
    if len(data) < 4 or len(data) % 2:
        return None
    half = len(data) // 2
    for codec, nul_side in (("utf-16-le", 1), ("utf-16-be", 0)):
        nuls = data[nul_side::2].count(0)
        others = data[1 - nul_side :: 2].count(0)
        if nuls >= 0.7 * half and others <= 0.05 * half:
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                return None
    return None


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few stray bytes: kept as UTF-8, each stray byte a replacement character.

    Text with valid multi-byte sequences (curly quotes, Cyrillic) and a few invalid bytes is
    UTF-8 damaged in transit, not a legacy code page; decoding it whole as one would garble
    every character that was right.
    """
    text = data.decode("utf-8", errors="replace")
    stray = text.count("\ufffd") - data.count("\ufffd".encode())
    valid = len(text) - len(text.encode("ascii", "ignore")) - text.count("\ufffd")
    if valid and stray <= max(1, valid // 4):
        return text.removeprefix("\ufeff")
    return None


def decode(data: bytes) -> str:
    """UTF-8 (or UTF-16) when it is; otherwise the legacy encoding charset-normalizer finds, or a clear error."""
    if not data.strip():
        raise ReadError("empty file")
    wide = _utf16(data)
    if wide is not None:
        if not wide.strip():
            raise ReadError("empty file")
        return wide.removeprefix("\ufeff")
    if data.count(b"\x00") > max(1, len(data) // 100):
        raise ReadError("binary data, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return mostly
    if len(data) >= 64 and sum(data.count(byte) for byte in TEXT_SPACING) < len(data) / 200:
        raise ReadError("binary data, not text (no spaces or line breaks)")
    matches = list(from_bytes(data))
    best = None
    if matches:
        # Ties are common between single-byte code pages: prefer the ones news text is usually in.
        top = [m for m in matches if (m.chaos, -m.coherence) == (matches[0].chaos, -matches[0].coherence)]
        best = min(
            top,
            key=lambda m: min(
                (PREFERRED.index(c) for c in m.could_be_from_charset if c in PREFERRED),
                default=len(PREFERRED),
            ),
        )
    if best is None:
        raise ReadError("not valid UTF-8 and no known text encoding fits")
    text = str(best)
    if sum(not (c.isprintable() or c.isspace()) for c in text) > len(text) // 50:
        raise ReadError(f"undecodable text (closest encoding {best.encoding} leaves control characters)")
    return text


def read_markdown(data: bytes) -> RawText:
    text = markdown_text(decode(data))
    return RawText(text, "md", _first_line_title(text))


def read_text(data: bytes) -> RawText:
    text = decode(data)
    return RawText(text, "txt", _first_line_title(text))


def _first_line_title(text: str) -> dict[str, Any]:
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip().strip("*_").strip()
        if line:
            if len(line.split()) <= 25 and not line.endswith("."):
                return {"title": line}
            return {}
    return {}


def read_html(data: bytes) -> RawText:
    import trafilatura

    html = decode(data)
    if "<" not in html:
        raise ReadError("no HTML markup")
    try:
        extracted = trafilatura.bare_extraction(
            html, include_comments=False, include_tables=False, with_metadata=True, favor_precision=True
        )
    except Exception as exc:  # trafilatura raises many types on broken markup
        raise ReadError(f"malformed HTML ({type(exc).__name__})") from None
    if extracted is None:
        raise ReadError("no main text found in the HTML")
    doc = extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
    text = doc.get("text") or ""
    if not text.strip():
        raise ReadError("no main text found in the HTML")
    metadata = {k: doc.get(k) for k in ("title", "author", "date", "url") if doc.get(k)}
    if "date" in metadata:
        metadata["published"] = str(metadata.pop("date"))[:10]
    if doc.get("sitename"):
        metadata["publisher"] = doc["sitename"]
    return RawText(text, "html", metadata)


def _first_line(error: BaseException) -> str:
    """An exception's message cut to one short line (its type when it has none)."""
    message = str(error).strip()
    return message.splitlines()[0][:100] if message else type(error).__name__


def read_pdf(data: bytes) -> RawText:
    from pypdf import PdfReader
    from pypdf.errors import LimitReachedError, PyPdfError

    # pypdf logs what it repairs on its own (a missing EOF marker, a wrong xref offset);
    # the user gets one line per file, the reader's own error if it fails.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted:
                try:
                    if not reader.decrypt(""):
                        raise ReadError("encrypted PDF (a password is needed)")
                except NotImplementedError:
                    raise ReadError("encrypted PDF (unsupported encryption)") from None
            pages = [page.extract_text() or "" for page in reader.pages]
    except ReadError:
        raise
    except LimitReachedError:
        raise ReadError("PDF content too large to read (a stream inflates past the reader's limit)") from None
    except RecursionError:
        raise ReadError("corrupt PDF (objects nested too deep)") from None
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise ReadError(f"corrupt PDF ({_first_line(exc)[:80]})") from None
    except Exception as exc:  # pypdf raises many more types on crafted files
        raise ReadError(f"unreadable PDF ({type(exc).__name__}: {_first_line(exc)[:80]})") from None
    text = "\n\n".join(p.strip() for p in pages if p.strip())
    if not text.strip():
        raise ReadError("PDF has no text layer (scanned images only?)")
    metadata: dict[str, Any] = {}
    info = reader.metadata
    if info is not None:
        if info.title:
            metadata["title"] = str(info.title)
        if info.author:
            metadata["author"] = str(info.author)
    return RawText(text, "pdf", metadata)


JSONL_KEYS = ("title", "author", "publisher", "published", "url", "id")


def _encodable(line: str, record: Any) -> bool:
    """False when a string in the record holds a lone surrogate, which no store can encode."""
    if "\\u" not in line.lower():
        return True  # only escapes make surrogates: the decoded line itself is valid text
    try:
        json.dumps(record, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def read_jsonl(data: bytes) -> Iterator[RawText | ReadError]:
    """One document a line; a bad line is an error of its own and the rest go on."""
    text = decode(data)
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadError(f"line {number}: invalid JSON ({exc.msg})")
            continue
        except RecursionError:
            yield ReadError(f"line {number}: invalid JSON (nested too deep)")
            continue
        except ValueError as exc:  # e.g. an integer over Python's 4,300-digit limit
            yield ReadError(f"line {number}: invalid JSON ({_first_line(exc).split(':')[0]})")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str) or not record["text"].strip():
            yield ReadError(f"line {number}: no 'text' field")
            continue
        if not _encodable(line, record):
            yield ReadError(f"line {number}: not valid Unicode (a lone surrogate escape such as \\ud800)")
            continue
        metadata: dict[str, Any] = {k: str(record[k]) for k in JSONL_KEYS if record.get(k) is not None}
        extra = {k: v for k, v in record.items() if k not in JSONL_KEYS and k != "text"}
        if extra:
            metadata["meta"] = extra
        yield RawText(record["text"], "jsonl", metadata, line=number)


def read_file(path: Path, max_bytes: int) -> Iterator[RawText | ReadError]:
    """Everything one file holds: one text, or one per line for JSONL."""
    suffix = path.suffix.lower()
    kind = SUPPORTED.get(suffix)
    if kind is None:
        yield ReadError(f"unsupported file type {suffix or '(none)'}")
        return
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):
            yield ReadError("not a regular file (a pipe, device or socket): skipped")
            return
        if status.st_size > max_bytes:
            yield ReadError(
                f"file is {status.st_size:,} bytes, over the limit of {max_bytes:,} (max_bytes in dragoman.toml)"
            )
            return
        data = path.read_bytes()
    except OSError as exc:
        yield ReadError(f"cannot read: {exc.strerror or exc}")
        return
    try:
        if kind == "jsonl":
            yield from read_jsonl(data)
            return
        reader = {"txt": read_text, "md": read_markdown, "html": read_html, "pdf": read_pdf}[kind]
        yield reader(data)
    except ReadError as exc:
        yield exc
