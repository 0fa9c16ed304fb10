"""Hostile input files, built by hand for the ingest tests (each the smallest that shows the fault)."""

from __future__ import annotations

import zlib
from pathlib import Path

GOOD = "Envoys from Tehran and Moscow met on March 15 to discuss a rail corridor.\n\nThey agreed to meet again."


def jsonl_huge_integer(path: Path) -> Path:
    """An integer of 5,000 digits: over Python's limit for converting digits to int."""
    path.write_text('{"text": "Iran met Russia.", "n": 1' + "0" * 5000 + "}\n")
    return path


def jsonl_lone_surrogate(path: Path) -> Path:
    path.write_text('{"text": "Iran met Russia \\ud800 in Baku."}\n')
    return path


def jsonl_deep_nesting(path: Path) -> Path:
    path.write_text('{"text": "a b", "x": ' + "[" * 100_000 + "]" * 100_000 + "}\n")
    return path


def pdf_bomb(path: Path, inflated: int = 80_000_000) -> Path:
    """A one-page PDF whose content stream inflates to ``inflated`` bytes of spaces (pypdf stops at 75 MB)."""
    packer = zlib.compressobj(9)
    chunk = b" " * 1_000_000
    content = packer.compress(b"BT /F1 12 Tf 72 720 Td (A) Tj ET\n")
    for _ in range(inflated // len(chunk)):
        content += packer.compress(chunk)
    content += packer.flush()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> "
        b"/Contents 4 0 R >>",
        b"<< /Length " + str(len(content)).encode() + b" /Filter /FlateDecode >>\nstream\n" + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    body = b"%PDF-1.4\n"
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(body))
        body += str(number).encode() + b" 0 obj\n" + obj + b"\nendobj\n"
    xref = len(body)
    body += b"xref\n0 " + str(len(objects) + 1).encode() + b"\n0000000000 65535 f \n"
    body += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    body += b"trailer\n<< /Size " + str(len(objects) + 1).encode() + b" /Root 1 0 R >>\nstartxref\n"
    body += str(xref).encode() + b"\n%%EOF\n"
    path.write_bytes(body)
    return path


def manifest_latin1(path: Path, listed: str) -> Path:
    path.write_bytes(f"path,title\n{listed},Caf".encode() + b"\xe9\n")
    return path


def manifest_long_field(path: Path, listed: str) -> Path:
    path.write_text(f"path,title\n{listed},{'x' * 200_000}\n")
    return path


def manifest_unterminated_quote(path: Path, before: str, bad: str, *after: str) -> Path:
    """A row whose title opens a quote that is never closed: CSV reads every later row into that title."""
    rows = [f"{before},Rail corridor", f'{bad},"Sanctions, and', *(f"{name},Title of {name}" for name in after)]
    path.write_text("path,title\n" + "\n".join(rows) + "\n")
    return path
