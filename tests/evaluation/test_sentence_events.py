"""End-to-end event scoring on hand-built items and mentions (no parse)."""

from __future__ import annotations

from pathlib import Path

from dragoman.domain.records import ActorRef, EventMention
from dragoman.evaluation.gold_items import _spans, clean_wire, read_newswire_items, read_plv_items
from dragoman.evaluation.sentence_events import (
    GoldEvent,
    Item,
    Report,
    fold_indices,
    report_rows,
    score_item,
    status_rows,
)


def mention(event_type: str, actors: list[str], recipients: list[str], status: str = "asserted") -> EventMention:
    return EventMention(
        id="e",
        doc_id="d",
        sentence_index=0,
        type=event_type,
        quad=1,
        actors=[ActorRef(name=c, country=c) for c in actors],
        recipients=[ActorRef(name=c, country=c) for c in recipients],
        sentence="s",
        start=0,
        end=1,
        extractor="x",
        confidence=0.9,
        status=status,  # type: ignore[arg-type]
    )


def gold(types: tuple[str, ...], source: str, target: str | None, **extra) -> GoldEvent:  # type: ignore[no-untyped-def]
    return GoldEvent(types, frozenset({source}), frozenset({target}) if target else None, **extra)


def test_type_actors_and_status_are_tallied_apart() -> None:
    report = Report()
    item = Item("i", "t", [gold(("ASSAULT",), "RUS", "UKR", status="asserted"), gold(("ACCUSE",), "UKR", "RUS")])
    score_item(item, [mention("ASSAULT", ["RUS"], ["UKR"], "alleged"), mention("ACCUSE", ["RUS"], ["UKR"])], report)
    assault, accuse = report.by_type["ASSAULT"], report.by_type["ACCUSE"]
    assert (assault.typed, assault.attributed, assault.with_status) == (1, 1, 0)
    assert (accuse.typed, accuse.attributed) == (1, 0)
    assert (report.overall.extracted, report.overall.extracted_typed, report.overall.extracted_right) == (2, 2, 1)


def test_gold_events_are_tallied_by_their_coded_status_too() -> None:
    """An alleged event found as asserted counts as found, not as kept alleged."""
    report = Report()
    events = [
        gold(("AID",), "IRN", "RUS", status="alleged"),
        gold(("REJECT",), "IRN", "UKR", status="denied"),
        gold(("ASSAULT",), "RUS", "UKR", status="asserted"),
        gold(("ACCUSE",), "UKR", "IRN", status="alleged"),
    ]
    found = [mention("AID", ["IRN"], ["RUS"], "asserted"), mention("REJECT", ["IRN"], ["UKR"], "denied")]
    score_item(Item("i", "t", events), found, report)
    assert status_rows(report) == [
        ["alleged", "2", "50%", "50%", "0%"],
        ["asserted", "1", "0%", "0%", "0%"],
        ["denied", "1", "100%", "100%", "100%"],
    ]
    assert report.overall.gold == 4  # the status tallies are not counted twice


def test_symmetric_event_matches_either_way_and_yield_both_types() -> None:
    report = Report()
    item = Item("i", "t", [gold(("CONSULT",), "FRA", "DEU", symmetric=True), gold(("YIELD",), "IRN", "GBR")])
    score_item(item, [mention("CONSULT", ["DEU"], ["FRA"]), mention("RETREAT", ["IRN"], ["GBR"])], report)
    assert report.overall.attributed == 2
    assert report_rows(report, False)[-1][:4] == ["overall", "2", "100%", "100%"]


def test_no_target_wanted_accepts_any_recipient() -> None:
    report = Report()
    score_item(Item("i", "t", [gold(("MOBILIZE",), "IND", None)]), [mention("MOBILIZE", ["IND"], [])], report)
    assert report.overall.attributed == 1


def test_marked_spans_are_found_in_the_plain_sentence() -> None:
    text, spans = _spans("<s>Chile</s> thanked <t>Peru</t>.")
    assert text == "Chile thanked Peru."
    assert text[slice(*spans["s"])] == "Chile" and text[slice(*spans["t"])] == "Peru"


def test_plv_rows_of_one_sentence_are_one_item(tmp_path: Path) -> None:
    path = tmp_path / "p.tsv"
    path.write_text(
        "sentence_id\tsentence\tmarked_sentence\tsource\ttarget\tgold_penta\tgold_root\n"
        "7\tA hit B.\t<s>A</s> hit <t>B</t>.\tA\tB\t4\tASSAULT\n"
        "7\tA hit B.\t<t>A</t> hit <s>B</s>.\tB\tA\t3\tACCUSE\n",
        encoding="utf-8",
    )
    (item,) = read_plv_items(path)
    assert [e.types for e in item.events] == [("ASSAULT",), ("ACCUSE",)]
    assert item.events[1].source_span == (6, 7)


def test_newswire_codes_are_read_as_the_knowledge_base_codes(tmp_path: Path) -> None:
    """The set's "UN" takes in the UN's organs; its "AL_QAEDA" is the knowledge base's al-qaeda."""
    (tmp_path / "world-dev.csv").write_text("row,title,description\n4,A headline,A description.\n", encoding="utf-8")
    (tmp_path / "dev-events.jsonl").write_text(
        '{"row": 4, "src": "UN", "tgt": "AL_QAEDA", "types": ["ACCUSE"], "status": "asserted"}\n'
        '{"row": 4, "src": "FRA", "tgt": null, "types": ["PROTEST"], "status": "asserted"}\n',
        encoding="utf-8",
    )
    (item,) = read_newswire_items(tmp_path)
    accuse, protest = item.events
    assert "UNSC" in accuse.source and "UN" in accuse.source
    assert accuse.target == frozenset({"al-qaeda"})
    assert protest.source == frozenset({"FRA"}) and protest.target is None
    assert score_item_right(item, mention("ACCUSE", ["UNSC"], ["al-qaeda"]))


def score_item_right(item: Item, extracted: EventMention) -> bool:
    report = Report()
    score_item(item, [extracted], report)
    return report.overall.attributed == 1


def test_wire_escapes_are_undone() -> None:
    assert clean_wire("Iran #39;s  talks \\$5") == "Iran's talks $5"


def test_folds_cover_every_item_once() -> None:
    folds = fold_indices(10, 3)
    assert sorted(i for fold in folds for i in fold) == list(range(10))


def test_reliability_bands_and_error() -> None:
    from dragoman.evaluation.sentence_events import reliability

    rows, error = reliability([(0.1, False), (0.1, True), (0.9, True), (0.9, True)], bins=2)
    assert rows == [("0.0-0.5", 2, 0.1, 0.5), ("0.5-1.0", 2, 0.9, 1.0)]
    assert round(error, 3) == 0.25
