"""The stage word lists as lexicon files: trigger words, date words, status cues, parse words,
name grammar, reference words and page furniture; what they name, their errors, their overrides."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dragoman.actors.chains import reference_words
from dragoman.actors.titles import Titles
from dragoman.domain.errors import LexiconError
from dragoman.domain.ontology import MODES, STATUSES, TYPES, is_mode_of
from dragoman.events import triggers
from dragoman.events.dates import find_dates
from dragoman.ingest.furniture import mark_furniture
from dragoman.lexicon import LEXICON_FILES, lexicon_file, load_lexicon, use_overrides
from dragoman.lexicon.schema import SCHEMAS, Typed
from dragoman.nlp.status import cues

MOVED = {"triggers", "dates", "status", "syntax", "names", "references", "furniture", "places"}


@pytest.fixture(autouse=True)
def packaged_words() -> Iterator[None]:
    """Each test starts and ends with the packaged words only."""
    use_overrides(())
    yield
    use_overrides(())


def _override(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "mine.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_stage_word_lists_are_lexicon_files() -> None:
    assert MOVED <= set(LEXICON_FILES)
    for name in MOVED:
        assert lexicon_file(name).version >= 1  # status.yaml is at 4
        assert all(lexicon_file(name)[section] for section in SCHEMAS[name]), name  # no empty section


def test_every_type_mode_and_status_a_lexicon_file_names_is_in_the_ontology() -> None:
    """Types and modes by their kind of section; a status only ever as a value of a ``status`` section."""
    named_types: set[str] = set()
    named_pairs: set[tuple[str, str]] = set()
    named_statuses: set[str] = set()
    for name in LEXICON_FILES:
        words = lexicon_file(name)
        for section, spec in SCHEMAS[name].items():
            if not isinstance(spec, Typed) or spec.names is None:
                continue
            value = words[section]
            if spec.names == "type" and isinstance(value, frozenset):  # a set of types
                named_types |= value
            elif spec.names == "type":  # word -> (type, mode or None)
                named_types |= {event_type for event_type, _ in value.values()}
                named_pairs |= {(t, m) for t, m in value.values() if m is not None}
            elif spec.names == "mode":  # AID mode -> the words that give it
                named_pairs |= {("AID", mode) for mode in value}
            elif spec.names == "status":
                named_statuses |= set(value.values())
            else:
                raise AssertionError(f"{name}.{section} names {spec.names}: add it to this test")
    assert named_types and named_types <= set(TYPES)
    assert named_pairs and all(is_mode_of(t, m) for t, m in named_pairs), {p for p in named_pairs if not is_mode_of(*p)}
    assert named_statuses <= set(STATUSES)
    # Every type and mode the trigger words name, by name: a renamed ontology entry fails here.
    assert {t for t, _ in triggers.VERBS.values()} <= set(TYPES)
    assert set(triggers.AID_GOODS) == {"military", "humanitarian", "economic"} <= set(MODES["AID"])


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "triggers:\n  verbs:\n    parley: [CONSULT]\n    gossip: [CHAT]\n",
            "mine.yaml:4: verbs: gossip: 'CHAT' is not a PLOVER type",
        ),
        (
            "triggers:\n  nouns:\n    phonecall: [CONSULT, veto]\n",
            "mine.yaml:3: nouns: phonecall: 'veto' is not a PLOVER mode of CONSULT",
        ),
        (
            "triggers:\n  aid_goods:\n    cultural: [books]\n",
            "mine.yaml:3: aid_goods: cultural: 'cultural' is not a PLOVER mode of AID",
        ),
        ("triggers:\n  deny: [gainsay, 7]\n", "mine.yaml:2: deny: [1]: Input should be a valid string"),
        ("dates:\n  months:\n    brumaire: eleven\n", "mine.yaml:3: months: brumaire: Input should be a valid integer"),
        ("furniture:\n  lines:\n    - [ad, '(unclosed']\n", "mine.yaml:3: lines: [0][1]: not a regular expression"),
        ("status:\n  modals: would\n", "mine.yaml:2: modals: Input should be a valid list"),
        ("syntax:\n  excluding: [save, no]\n", "mine.yaml:2: excluding: [1]: Input should be a valid string"),
        (
            "places:\n  object_place_types: [ASSAULT, FIGHT]\n",
            "mine.yaml:2: object_place_types: [1]: 'FIGHT' is not a PLOVER type",
        ),
        (
            "places:\n  phrases:\n    hard by: close\n",
            "mine.yaml:3: phrases: hard by: 'close' is not a place precision",
        ),
    ],
)
def test_a_bad_override_of_a_stage_file_is_one_line_naming_file_and_line(
    tmp_path: Path, text: str, message: str
) -> None:
    path = _override(tmp_path, text)
    with pytest.raises(LexiconError) as caught:
        load_lexicon(overrides=[path])
    assert str(caught.value).startswith(f"{tmp_path}/{message}")
    assert "\n" not in str(caught.value) and caught.value.code == "D401"


def test_an_override_adds_trigger_words_for_the_run(tmp_path: Path) -> None:
    path = _override(tmp_path, "triggers:\n  verbs:\n    parley: [CONSULT, meet]\n  deny: [gainsay]\n")
    assert "parley" not in triggers.VERBS
    use_overrides([path])
    assert triggers.VERBS["parley"] == ("CONSULT", "meet") and triggers.VERBS["visit"] == ("CONSULT", "visit")
    assert triggers.DENY == {"deny", "dismiss", "refute", "reject", "gainsay"}
    use_overrides(())
    assert "parley" not in triggers.VERBS


def test_one_override_file_may_name_several_files(tmp_path: Path) -> None:
    """Each reader takes its own files' sections and leaves the others to theirs."""
    path = _override(
        tmp_path,
        'titles:\n  offices:\n    "head of state": president\nstatus:\n  modals: [ought]\n'
        "references:\n  speech_verbs: [opine]\n",
    )
    assert Titles.load([path]).offices["head of state"] == "president"
    use_overrides([path])
    assert "ought" in cues()["modals"] and "would" in cues()["modals"]
    assert "opine" in reference_words().speech_verbs


def test_an_override_adds_date_words_deeply(tmp_path: Path) -> None:
    """A mapping inside a section is updated key by key, not replaced."""
    path = _override(tmp_path, "dates:\n  year_words:\n    centuries: {seventeen: 1700}\n")
    use_overrides([path])
    assert lexicon_file("dates")["year_words"]["centuries"] == {
        "nineteen": 1900,
        "eighteen": 1800,
        "two thousand": 2000,
        "seventeen": 1700,
    }
    assert [d.value for d in find_dates("It was founded in seventeen ninety.", "2022-03-01")] == ["1790"]


def test_an_override_adds_a_furniture_pattern(tmp_path: Path) -> None:
    text = "Body text of the article, long enough to be a sentence of its own.\nAdvertisement\nMore body text."
    assert mark_furniture(text) == []
    use_overrides([_override(tmp_path, "furniture:\n  lines:\n    - [advert, '^advertisement$']\n")])
    start = text.index("Advertisement")
    assert mark_furniture(text) == [(start, start + len("Advertisement"), "advert")]


@pytest.mark.slow
def test_the_processor_codes_an_event_from_an_override_trigger(tmp_path: Path) -> None:
    from dragoman.domain.records import Document
    from dragoman.pipeline.process import DocumentProcessor, ProcessorConfig

    text = "Iran consulted Russia about the grain corridor on Monday."
    document = Document("t", "t.txt", text, "t", "txt", published="2023-03-08")
    path = _override(tmp_path, "triggers:\n  verbs:\n    consult: [CONSULT]\n")

    def coded(config: ProcessorConfig) -> list[tuple[str, str | None]]:
        processed = DocumentProcessor(config).process([document])[0]
        return [(e.type, e.trigger) for e in processed.events]

    assert coded(ProcessorConfig(stages=("parse", "actors", "events-rules"))) == []
    assert coded(ProcessorConfig(stages=("parse", "actors", "events-rules"), lexicon_files=(path,))) == [
        ("CONSULT", "consulted")
    ]
