"""docs/architecture.md stays true: it quotes the layer contract and lists the stages."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from dragoman.pipeline.stages import STAGES, ProcessorConfig

REPO = Path(__file__).resolve().parents[1]
DOC = (REPO / "docs" / "architecture.md").read_text(encoding="utf-8")


def test_the_layer_contract_is_quoted_exactly() -> None:
    contracts = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    layers = next(c for c in contracts["contracts"] if c["id"] == "layers")["layers"]
    quoted = re.search(r"<!-- layers:[^>]*-->\n```\n(.*?)```", DOC, re.S)
    assert quoted is not None
    assert quoted.group(1).splitlines() == layers


def test_every_default_stage_is_in_the_table() -> None:
    for key in ProcessorConfig().stages:
        spec = STAGES[key]
        row = f"| `{key}` | `{spec.name}` | {', '.join(sorted(spec.reads, key=_order))} | "
        assert row in DOC, row


def _order(field: str) -> int:
    return ["document", "spacy_doc", "sentences", "mentions", "events", "statements"].index(field)
