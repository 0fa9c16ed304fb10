from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dragoman.domain.errors import StageOrderError
from dragoman.domain.records import Document
from dragoman.pipeline.stages import (
    STAGES,
    DocState,
    DocumentStage,
    ProcessorConfig,
    StageSpec,
    components,
    data_hash,
    register,
    stage_specs,
)


def test_default_stages_in_order_with_computed_versions() -> None:
    config = ProcessorConfig()
    assert [s.name for s in stage_specs(config)] == [
        "nlp.spacy",
        "actors.resolver",
        "places.agents",
        "events.combined",
        "places.locator",
        "quotes.rules",
    ]
    names = [str(c).split("+")[0] for c in components(config)]
    assert names == [
        "nlp.spacy@3.8.0-paragraphs1.1-headlines1.2-entities1.0-subjects1.0-complements1.0",
        "actors.resolver@1.8",
        "places.agents@1.2",
        "events.combined@1.2-rules1.57-learned1.50",
        "places.locator@1.2-targets1.0",
        "quotes.rules@1.17",
    ]
    assert all("+" in str(c) for c in components(config)[1:])  # each has data files


def test_a_stage_reading_what_no_earlier_stage_wrote_is_refused() -> None:
    with pytest.raises(StageOrderError, match="stage 'events' reads mentions, which no stage before it writes"):
        stage_specs(ProcessorConfig(stages=("parse", "events", "actors")))
    with pytest.raises(StageOrderError, match="unknown stage 'nope'"):
        stage_specs(ProcessorConfig(stages=("parse", "nope")))


def test_a_changed_data_file_changes_only_its_stage_version(tmp_path: Path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text("entries: []\n", encoding="utf-8")
    before = components(ProcessorConfig())
    with_file = components(ProcessorConfig(kb_files=(extra,)))
    extra.write_text("entries: [] # edited\n", encoding="utf-8")
    edited = components(ProcessorConfig(kb_files=(extra,)))
    # A user knowledge-base file feeds the resolver and the gazetteer (its places), which
    # places the unnamed agents and the events, and gives the event coder its towns' states.
    assert [a == b for a, b in zip(before, with_file, strict=True)] == [True, False, False, False, False, True]
    assert [a == b for a, b in zip(with_file, edited, strict=True)] == [True, False, False, False, False, True]


def test_data_hash_is_over_contents_in_order(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    a.write_bytes(b"xy")
    b.write_bytes(b"z")
    assert data_hash([a, b]) == data_hash([a, b]) != data_hash([b, a])
    assert len(data_hash([a])) == 8


class _Shout(DocumentStage):
    def __init__(self, config: ProcessorConfig) -> None:
        self.seen = 0

    def __call__(self, state: DocState) -> None:
        self.seen += 1
        state.document.title = (state.document.title or "").upper()


def test_a_registered_stage_is_checked_and_runs_per_document() -> None:
    spec = StageSpec(
        name="test.shout",
        code_version=lambda: "0.1",
        reads=frozenset({"document"}),
        writes=frozenset({"document"}),
        build=_Shout,
    )
    register("shout", spec)
    try:
        assert stage_specs(ProcessorConfig(stages=("shout",))) == [spec]
        stage = spec.build(ProcessorConfig())
        states = [DocState(Document("d", "d.txt", "text", "h", "txt", title=t)) for t in ("a", None)]
        out: Iterator[DocState] = stage.pipe(states)
        assert [s.document.title for s in out] == ["A", ""]
        assert str(spec.component(ProcessorConfig())) == "test.shout@0.1"
    finally:
        del STAGES["shout"]


def test_unknown_fields_are_refused_at_registration() -> None:
    spec = StageSpec("x", lambda: "1", frozenset({"places"}), frozenset(), build=_Shout)
    with pytest.raises(StageOrderError, match="unknown fields places"):
        register("x", spec)


def _versions(config: ProcessorConfig) -> dict[str, str]:
    return {c.name: c.version for c in components(config)}


def test_an_edited_trigger_file_outdates_the_events_stage_alone(tmp_path: Path) -> None:
    """A ``--lexicon`` override counts only for the files it names: new trigger words change
    the events version, and reprocess leaves the actors, places and quotes as they are."""
    words = tmp_path / "words.yaml"
    words.write_text("triggers:\n  verbs:\n    parley: [CONSULT]\n", encoding="utf-8")
    before = _versions(ProcessorConfig())
    with_file = _versions(ProcessorConfig(lexicon_files=(words,)))
    words.write_text("triggers:\n  verbs:\n    parley: [CONSULT, meet]\n", encoding="utf-8")
    edited = _versions(ProcessorConfig(lexicon_files=(words,)))
    for after in (with_file, edited):
        assert after["events.combined"] != before["events.combined"]
        assert {k: v for k, v in after.items() if k != "events.combined"} == {
            k: v for k, v in before.items() if k != "events.combined"
        }
    assert edited["events.combined"] != with_file["events.combined"]


def test_status_cues_feed_both_extractors_and_titles_the_resolver(tmp_path: Path) -> None:
    words = tmp_path / "words.yaml"
    words.write_text("status:\n  modals: [ought]\ntitles:\n  former: [erstwhile]\n", encoding="utf-8")
    before = _versions(ProcessorConfig())
    after = _versions(ProcessorConfig(lexicon_files=(words,)))
    changed = {name for name in before if before[name] != after[name]}
    # The agents stage reads the institution labels of titles.yaml ("Police of Peru").
    assert changed == {"actors.resolver", "places.agents", "events.combined", "quotes.rules"}


def test_each_stage_hashes_the_packaged_lexicon_files_it_reads() -> None:
    def lexicon_names(key: str) -> set[str]:
        files = STAGES[key].data_files(ProcessorConfig())
        return {Path(str(f)).stem for f in files if Path(str(f)).parent.name == "en"}

    assert lexicon_names("actors") == {"titles", "names"}
    assert lexicon_names("events-rules") == {"triggers", "dates", "status", "syntax"}
    assert (
        lexicon_names("events")
        == lexicon_names("events-learned")
        == {"triggers", "dates", "status", "syntax", "places"}
    )
    assert lexicon_names("quotes") >= {"status", "syntax", "references", "stance"}
    assert lexicon_names("places") == {"places"}
    assert lexicon_names("agents") == {"agents", "places", "titles"}
    assert "triggers" not in lexicon_names("quotes")
