"""Entity evaluation: loaders and scoring on tiny hand-made gold files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dragoman.domain.records import ActorRef, Mention
from dragoman.evaluation.entities import (
    IGNORE,
    _new_counts,
    evaluate_crossner,
    evaluate_re3d,
    load_crossner,
    load_re3d,
    mention_type,
    score_document,
    summarise,
)


def _write_re3d(root: Path) -> None:
    folder = root / "Example-Source"
    folder.mkdir(parents=True)
    text = "Iranian envoy Reza Example met Russian officials in Moscow on Monday."
    (folder / "documents.json").write_text(json.dumps({"_id": "D1", "text": text}) + "\n", encoding="utf-8")
    rows = [
        (14, 26, "Person", 1.0),
        (30, 47, "Organisation", 0.9),
        (51, 57, "Location", 1.0),
        (61, 67, "Temporal", 1.0),
        (0, 7, "Nationality", 0.3),
    ]
    lines = [json.dumps({"begin": b, "end": e, "type": t, "confidence": c, "documentId": "D1"}) for b, e, t, c in rows]
    (folder / "entities.json").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_load_re3d_keeps_confident_rows(tmp_path: Path) -> None:
    _write_re3d(tmp_path)
    items, gold = load_re3d(tmp_path)
    assert items[0][0] == "D1"
    kept = [g for g in gold["D1"] if g[2] != IGNORE]
    assert sorted(t for _, _, t in kept) == ["Location", "Organisation", "Person"]
    assert (0, 7, IGNORE) in gold["D1"]  # low confidence: ignored, not scored


def test_load_crossner_maps_labels(tmp_path: Path) -> None:
    path = tmp_path / "dev.txt"
    path.write_text(
        "The\tO\nGreens\tB-politicalparty\nof\tO\nNew\tB-country\nZealand\tI-country\n"
        "met\tO\nAnna\tB-politician\nExample\tI-politician\n.\tO\n\n"
        "Elections\tB-election\nended\tO\n",
        encoding="utf-8",
    )
    items, gold = load_crossner(path)
    assert len(items) == 2
    text = items[0][1]
    spans = {(text[s:e], t) for s, e, t in gold["s0"]}
    assert spans == {("Greens", "Organisation"), ("New Zealand", "Location"), ("Anna Example", "Person")}
    assert gold["s1"][0][2] == IGNORE


def test_scoring_strict_and_overlap() -> None:
    strict, overlap = _new_counts(), _new_counts()
    gold = [(0, 10, "Person"), (20, 30, "Location"), (40, 50, IGNORE)]
    pred = [(0, 10, "Person"), (18, 30, "Location"), (42, 45, "Organisation"), (60, 65, "Organisation")]
    score_document(gold, pred, strict, overlap)
    s, o = summarise(strict), summarise(overlap)
    assert s["Person"]["f1"] == 1.0 and s["Location"]["f1"] == 0.0
    assert o["Location"]["f1"] == 1.0
    assert o["Organisation"]["precision"] == 0.0 and strict["Organisation"]["fp"] == 1  # ignored span skipped
    assert s["micro"]["support"] == 2


def test_mention_type() -> None:
    def mention(method: str, actor: ActorRef | None, label: str | None = None) -> Mention:
        return Mention("m", "d", 0, 1, "x", 0, method, actor, label)

    assert mention_type(mention("alias", ActorRef("Iran", "IRN", kind="state"))) == "Location"
    assert mention_type(mention("demonym", ActorRef("Iran", "IRN", kind="state"))) == "Nationality"
    assert mention_type(mention("alias", ActorRef("IRGC", "irgc", kind="group"))) == "Organisation"
    assert mention_type(mention("title", ActorRef("X", None, kind="person"))) == "Person"
    assert mention_type(mention("ner", None, "GPE")) == "Location"
    assert mention_type(mention("pronoun", ActorRef("X", kind="person"))) is None


@pytest.mark.slow
def test_evaluate_on_tiny_sets(tmp_path: Path) -> None:
    _write_re3d(tmp_path / "re3d")
    result = evaluate_re3d(tmp_path / "re3d")
    assert result["documents"] == 1 and result["gold_entities"] == 3
    assert result["resolver"]["overlap"]["Location"]["recall"] == 1.0
    path = tmp_path / "dev.txt"
    path.write_text("Putin\tB-politician\nvisited\tO\nTehran\tB-location\n.\tO\n", encoding="utf-8")
    result = evaluate_crossner(path)
    assert "Nationality" not in result["resolver"]["strict"]
    assert result["resolver"]["overlap"]["Person"]["f1"] == 1.0
