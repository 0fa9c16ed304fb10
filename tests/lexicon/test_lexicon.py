"""The language-data files load, name only what the ontology knows, and fail with file:line."""

from __future__ import annotations

from pathlib import Path

import pytest

from dragoman.actors.kb import KnowledgeBase
from dragoman.actors.titles import Titles
from dragoman.domain.errors import LexiconError
from dragoman.domain.ontology import MODES, STATUSES, TYPES
from dragoman.lexicon import LEXICON_FILES, load_lexicon
from dragoman.lexicon.schema import SCHEMAS, VOCABULARY, Typed


def test_the_vocabulary_is_the_ontology() -> None:
    assert VOCABULARY["type"] == set(TYPES)
    assert VOCABULARY["mode"] == {m for modes in MODES.values() for m in modes}
    assert VOCABULARY["status"] == set(STATUSES)
    assert VOCABULARY["stance"] == {"support", "oppose", "neutral"}


def test_every_name_a_packaged_file_uses_exists_in_the_ontology() -> None:
    lexicon = load_lexicon()
    assert set(lexicon.files) == set(LEXICON_FILES) >= {"titles", "stance", "quotes"}
    for name, schema in SCHEMAS.items():
        for section, spec in schema.items():
            if spec.names is None or isinstance(spec, Typed):
                continue  # typed sections: tests/lexicon/test_language_files.py
            value = lexicon[name][section]
            named = (
                set(value) if spec.shape == "groups" else {v[-1] if isinstance(v, tuple) else v for v in value.values()}
            )
            assert named <= VOCABULARY[spec.names], (name, section, named - VOCABULARY[spec.names])


def test_country_facts_are_in_the_knowledge_base_not_the_grammar() -> None:
    kb = KnowledgeBase.load()
    assert kb.title_scopes["chancellor"] == "DEU" and kb.title_scopes["kremlin spokesman"] == "RUS"
    assert Titles.load().offices["chancellor"] == "head-of-government"


def _override(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "mine.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_an_override_adds_to_a_section(tmp_path: Path) -> None:
    path = _override(tmp_path, 'titles:\n  offices:\n    "head of state": president\n  former: [erstwhile]\n')
    titles = Titles.load([path])
    assert titles.offices["head of state"] == "president" and titles.offices["president"] == "president"
    assert titles.former == {"then", "former", "ex", "erstwhile"}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("titles:\n  ofices: {}\n", "mine.yaml:2: titles has no section 'ofices'; one of offices,"),
        ("verbs: {}\n", "mine.yaml:1: no lexicon file 'verbs'; one of titles, agents, stance"),
        (
            "stance:\n  stances:\n    neutral: [meh]\n    agree: [yes]\n",
            "mine.yaml:4: stances: 'agree' is not a known stance",
        ),
        (
            "titles:\n  generic_titles:\n    envoy: [Envoy]\n",
            "mine.yaml:3: generic_titles: 'envoy': expected [label, sector]",
        ),
        ("titles:\n  former: [ok, [no]]\n", "mine.yaml:2: former: item 2 is not a word"),
        ("titles: [unclosed\n", "mine.yaml:2: YAML syntax error"),
    ],
)
def test_a_bad_override_is_one_line_naming_file_and_line(tmp_path: Path, text: str, message: str) -> None:
    path = _override(tmp_path, text)
    with pytest.raises(LexiconError) as caught:
        load_lexicon(overrides=[path])
    assert str(caught.value).startswith(f"{tmp_path}/{message}")
    assert "\n" not in str(caught.value) and caught.value.code == "D401"


def test_a_missing_override_file(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match=r"absent\.yaml: cannot read"):
        load_lexicon(overrides=[tmp_path / "absent.yaml"])


@pytest.mark.slow
def test_the_resolver_uses_an_override(tmp_path: Path) -> None:
    from dragoman.actors import Resolver
    from dragoman.domain.records import Document
    from dragoman.nlp import load_model, sentence_records

    path = _override(tmp_path, 'titles:\n  offices:\n    "head of state": president\n')
    text = "Iran's head of state spoke to reporters in Tehran."
    document = Document("t", "t.txt", text, "t", "txt", published="2022-11-15")
    parsed = load_model()(text)
    sentences = sentence_records(document, parsed)
    kb = KnowledgeBase.load()
    plain = Resolver(kb).resolve(document, parsed, sentences)
    extended = Resolver(kb, Titles.load([path])).resolve(document, parsed, sentences)
    assert [m.text for m in plain if m.method == "title"] == []
    titled = [(m.text, m.actor.actor_id if m.actor else None) for m in extended if m.method == "title"]
    assert titled == [("Iran's head of state", "ebrahim-raisi")]


def test_status_words_of_expectation_and_refusal_load_and_take_overrides(tmp_path: Path) -> None:
    status = load_lexicon(["status"])["status"]
    assert (
        status.version == 11
        and "plan" in status["intention_nouns"]
        and "willing" in status["intention_adjectives"]
        and "able" not in status["intention_adjectives"]
        and "believe" in status["hearsay_verbs"]
        and status["convicting_verbs"] == {"convict", "sentence", "jail", "imprison"}
        and status["verdict_words"] == {"guilty"}
        and status["convicting_prepositions"] == {"of", "for"}
        and status["responsibility_prepositions"] == {"behind"}
        and status["blaming_verbs"] == {"blame"}
        and status["blaming_prepositions"] == {"for"}
        and status["accusing_prepositions"] == {"of", "with"}
        and status["obligation_modals"] == {"must", "should"}
        and "demand" in status["requesting_verbs"]
        and "agree" in status["intention_verbs"]
    )
    assert {"newspaper", "agency", "television"} <= status["news_outlets"] and status["crediting_verbs"] == {"report"}
    assert status["hypothetical_modifiers"] == {"possible", "possibly", "looming"}
    assert status["hypothetical_predicates"] == {"loom"} and status["refusal_verbs"] == {"reject", "dismiss"}
    path = _override(tmp_path, "status:\n  hypothetical_modifiers: [potential]\n")
    assert "potential" in load_lexicon(["status"], overrides=[path])["status"]["hypothetical_modifiers"]
    bad = _override(tmp_path, "status:\n  refusal_verbs: [reject, 3]\n")
    with pytest.raises(LexiconError, match="mine.yaml:2: refusal_verbs"):
        load_lexicon(["status"], overrides=[bad])


def test_the_trigger_words_of_getting_freeing_owning_and_holding_load() -> None:
    triggers = load_lexicon(["triggers"])["triggers"]
    assert triggers.version == 8 and triggers["verbs"]["thank"] == ("SUPPORT", None)
    assert triggers["freeing_verbs"] == {"release"} and "prisoner" in triggers["freed_nouns"]
    assert {"dozen", "wave"} <= triggers["quantity_nouns"]
    assert {"buy", "receive"} <= triggers["receiving_verbs"] and triggers["giver_prepositions"] == {"from"}
    assert "arrest" in triggers["undergone_nouns"] and "attack" not in triggers["undergone_nouns"]
    assert triggers["holding_participles"] == {"hold", "control", "occupy"}
