"""Gender and number agreement in the mention chains, on passages written for these tests."""

from __future__ import annotations

import pytest

from dragoman.actors.chains import chains_for, marked_genders

pytestmark = pytest.mark.slow


def references(analyse, text: str) -> list[tuple[str, str | None]]:  # type: ignore[no-untyped-def]
    document, spacy_doc, sentences, mentions = analyse(text)
    chains = chains_for(document, spacy_doc, sentences, mentions)
    return [(m.text, m.actor.name if m.actor else None) for m in chains.references]


def test_she_skips_a_man_the_text_marks_as_one(analyse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Ms. Adaeze Nwosu chaired the donors' meeting in Geneva. Mr. Tomas Lindqvist spoke after the break. "
        "She said the pledges fell short."
    )
    assert references(analyse, text) == [("She", "Adaeze Nwosu")]


def test_he_skips_a_woman_named_by_a_gendered_office(analyse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Dmytro Kuleba opened the talks in Ankara. The spokeswoman, Leyla Demir, read the joint text. "
        "He said the text would be signed in June."
    )
    # "The spokeswoman" is her own name's phrase, not a reference back to Kuleba.
    assert references(analyse, text) == [("He", "Dmytro Kuleba")]


def test_a_gendered_office_skips_a_person_of_the_other(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "Mr. Tomas Lindqvist opened the session in Geneva. Later the chairwoman closed it."
    assert references(analyse, text) == []


def test_unmarked_people_may_be_either(analyse) -> None:  # type: ignore[no-untyped-def]
    document, spacy_doc, sentences, mentions = analyse("Adaeze Nwosu met Mr. Tomas Lindqvist in Geneva.")
    chains = chains_for(document, spacy_doc, sentences, mentions)
    genders = marked_genders(spacy_doc, [m for m in chains.mentions if m.actor is not None])
    assert sorted(genders.values()) == ["male"]


def test_they_stands_for_a_state_not_a_person(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "Sergei Lavrov met envoys from Iran in Moscow. They said the talks would go on."
    assert references(analyse, text) == [("They", "Iran")]


def test_i_and_we_in_a_quote_stand_for_its_speaker(analyse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Dmytro Kuleba spoke to reporters in Kyiv on Monday.\n\n"
        "“I told my counterpart that we will not give up the east,” he said."
    )
    document, spacy_doc, sentences, mentions = analyse(text)
    chains = chains_for(document, spacy_doc, sentences, mentions)
    in_order = sorted(chains.references, key=lambda m: m.start)
    assert [(m.text, m.actor.name if m.actor else None, m.method) for m in in_order] == [
        ("I", "Dmytro Kuleba", "chain-speaker"),
        ("my", "Dmytro Kuleba", "chain-speaker"),
        ("we", "Dmytro Kuleba", "chain-speaker"),
        ("he", "Dmytro Kuleba", "chain-person"),
    ]
    we = next(t for t in spacy_doc if t.text == "we")
    actor = chains.actor_for_token(we)
    assert actor is not None and actor.name == "Dmytro Kuleba"


def test_first_person_outside_quotation_marks_stands_for_nobody(analyse) -> None:  # type: ignore[no-untyped-def]
    assert references(analyse, "Dmytro Kuleba spoke in Kyiv. We asked him about the talks.") == [
        ("him", "Dmytro Kuleba")
    ]
