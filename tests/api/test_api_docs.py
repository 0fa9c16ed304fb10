"""docs/api.md stays true: every route is documented and the intensity table matches the code."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient

from dragoman.analysis.plover import INTENSITY, TYPE_QUAD

DOC = Path(__file__).resolve().parents[2] / "docs" / "api.md"


def test_every_route_is_documented(client: TestClient) -> None:
    text = DOC.read_text(encoding="utf-8")
    for path, methods in client.get("/openapi.json").json()["paths"].items():
        for method in methods:
            assert f"`{method.upper()} {path}`" in text, (method, path)


def test_intensity_table_matches_code() -> None:
    rows = re.findall(r"^\| ([A-Z]+) \| [a-z ]+ \| (-?\d+\.\d) \|$", DOC.read_text(encoding="utf-8"), re.M)
    assert {t: float(v) for t, v in rows} == INTENSITY
    assert set(INTENSITY) == set(TYPE_QUAD)
