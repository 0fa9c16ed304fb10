from __future__ import annotations

import pytest

from dragoman.domain.records import Statement
from dragoman.quotes import QuoteExtractor

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def extract(analyse):  # type: ignore[no-untyped-def]
    extractor = QuoteExtractor()

    def run(text: str, published: str = "2022-10-20", furniture: list | None = None) -> list[Statement]:  # type: ignore[type-arg]
        return extractor.extract(*analyse(text, published, "t", furniture))

    return run


def speakers(statements: list[Statement]) -> list[str | None]:
    return [s.speaker.name if s.speaker else None for s in statements]


def test_direct_quote_curly_with_title_speaker(extract) -> None:  # type: ignore[no-untyped-def]
    [s] = extract("Russian Foreign Minister Sergei Lavrov said: “Our ties with Tehran are stronger than ever.”")
    assert s.kind == "direct" and s.speaker and s.speaker.name == "Sergey Lavrov"
    assert s.content == "Our ties with Tehran are stronger than ever."


def test_straight_quote_split_by_pronoun_cue(extract) -> None:  # type: ignore[no-untyped-def]
    text = 'Raisi met reporters in Tehran. "We will not be pressured," he said, "by threats from Washington."'
    [s] = extract(text)  # one quote in two pieces: one statement from the first piece to the last
    assert s.speaker and s.speaker.name == "Ebrahim Raisi" and s.kind == "direct"
    assert s.content == 'We will not be pressured," he said, "by threats from Washington.'
    assert s.targets[0].actor.country == "USA" and s.targets[0].stance == "oppose"


def test_names_in_the_attribution_between_pieces_are_not_targets(extract) -> None:  # type: ignore[no-untyped-def]
    [s] = extract("“We will answer every strike,” Kuleba said after talks with Lavrov. “Every single one.”")
    assert s.speaker and s.speaker.name == "Dmytro Kuleba"
    assert s.content.startswith("We will answer") and s.content.endswith("Every single one.")
    assert [t.actor.name for t in s.targets] == []


def test_quote_running_over_sentence_ends(extract) -> None:  # type: ignore[no-untyped-def]
    text = "Zelensky told parliament: “Iran sends the drones. Iran must answer for every one of them.”"
    [s] = extract(text)
    assert s.speaker and s.speaker.country == "UKR" and s.content.count(".") == 2


def test_partial_quote_in_reported_speech(extract) -> None:  # type: ignore[no-untyped-def]
    text = "The Iranian foreign minister blamed the crisis on “reckless Western provocations” in a televised address."
    [s] = extract(text)
    assert s.kind == "partial" and s.content == "reckless Western provocations"
    assert s.speaker and s.speaker.country == "IRN"


def test_indirect_speech_and_stance(extract) -> None:  # type: ignore[no-untyped-def]
    [s] = extract("Kuleba stated plainly that Iran would pay a heavy price for its drones.")
    assert s.kind == "indirect" and s.speaker and s.speaker.name == "Dmytro Kuleba"
    assert s.content.startswith("that Iran would pay")  # PolNeAR convention: the complementiser is content
    assert [(t.actor.country, t.stance) for t in s.targets] == [("IRN", "oppose")]


def test_verb_object_statement(extract) -> None:  # type: ignore[no-untyped-def]
    [s] = extract("Raisi decried NATO's steady expansion toward the east.")
    assert s.speaker and s.speaker.name == "Ebrahim Raisi"
    assert [(t.actor.org or t.actor.actor_id, t.stance) for t in s.targets] == [("NATO", "oppose")]


def test_institution_newspaper_headline_and_tweet(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Iranian Foreign Ministry said that the accusations were baseless.\n\n"
        "Kayhan defended the operation, stating that Russia had been left no choice.\n\n"
        "The daily Etemad ran a headline entitled “Moscow's war is not our war”.\n\n"
        "Zelensky wrote on Twitter that Tehran was helping to kill Ukrainians."
    )
    statements = extract(text)
    kinds = [(s.kind, s.cue, s.speaker.name if s.speaker else None) for s in statements]
    assert kinds[0][2] is not None and "Foreign" in kinds[0][2]
    # The stance on its object, then what the cue hanging from it states.
    assert kinds[1:3] == [("indirect", "defended", "Kayhan"), ("indirect", "stating", "Kayhan")]
    assert kinds[3][0] == "headline" and kinds[3][2] == "Etemad"
    assert kinds[4][0] == "tweet" and kinds[4][2] == "Volodymyr Zelensky"


def test_spokesman_added_resolves_across_sentences(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Nasser Kanaani spoke to journalists in Tehran on Monday. "
        "The spokesman added that Iran had sent no weapons to either side."
    )
    statements = extract(text)
    assert statements and statements[-1].speaker and statements[-1].speaker.name == "Nasser Kanaani"


def test_negated_cue_and_furniture_are_not_statements(extract) -> None:  # type: ignore[no-untyped-def]
    text = "Moscow did not criticise the vote.\n\nFollow us: “Share this story,” the site said."
    furniture = [(text.index("Follow"), len(text), "social")]
    assert extract(text, furniture=furniture) == []


def test_according_to_before_and_after_the_content(extract) -> None:  # type: ignore[no-untyped-def]
    [before] = extract("According to the Kremlin, the two presidents spoke for an hour about grain.")
    assert before.cue.lower() == "according" and before.speaker and before.speaker.country == "RUS"
    assert before.content == "the two presidents spoke for an hour about grain"
    [after] = extract("Tehran has sent hundreds of drones to Moscow, according to Ukrainian intelligence.")
    assert after.content == "Tehran has sent hundreds of drones to Moscow"
    assert after.speaker and after.speaker.country == "UKR"


def test_evidential_cue_of_a_report(extract) -> None:  # type: ignore[no-untyped-def]
    [s] = extract("The IAEA report showed that Iran had enriched uranium to 60 percent.")
    assert s.cue == "showed" and s.speaker and s.speaker.actor_id == "IAEA"
    assert s.content.startswith("that Iran had enriched")


def test_gerund_cue_takes_the_speaker_of_its_clause(extract) -> None:  # type: ignore[no-untyped-def]
    [s] = extract("Lavrov signalled impatience with Tehran by saying that “no partner can wait forever.”")
    assert s.speaker and s.speaker.name == "Sergey Lavrov"


def test_two_cues_in_one_sentence_each_keep_their_quote(extract) -> None:  # type: ignore[no-untyped-def]
    statements = extract(
        "While Lavrov commended Iran’s “balanced stance on the conflict,” Kuleba told Amir-Abdollahian "
        "that “Kyiv expects Tehran to stay out of the war.”"
    )
    assert [(s.content[:8], s.speaker.name if s.speaker else None) for s in statements] == [
        ("balanced", "Sergey Lavrov"),
        ("that “Ky", "Dmytro Kuleba"),  # the reported clause with its "that", as PolNeAR marks it
    ]


def test_relative_evidential_clause_goes_on_with_the_speaker(extract) -> None:  # type: ignore[no-untyped-def]
    statements = extract(
        "Khamenei described Ukraine as “a casualty of American schemes,” which shows that "
        "“nations relying on Washington cannot trust it.”"
    )
    assert speakers(statements) == ["Ali Khamenei"]  # both pieces, under one cue, are one statement
    assert statements[0].content.endswith("cannot trust it.")


def test_speaker_is_the_subject_head_not_a_modifier(extract) -> None:  # type: ignore[no-untyped-def]
    [s] = extract("The IRGC-affiliated Tasnim agency claimed that the strikes had failed.")
    assert s.speaker and s.speaker.actor_id == "tasnim"
    [s] = extract("Iran, unlike Belarus, has denied sending weapons to Russia.")
    assert s.speaker and s.speaker.actor_id == "IRN"


def test_adverb_misread_as_subject_falls_back_to_the_name_before(extract) -> None:  # type: ignore[no-untyped-def]
    [s] = extract("Owji confidently (and perhaps too hopefully) predicted that trade would reach $40 billion.")
    assert s.speaker and s.speaker.name == "Javad Owji"


def test_quoted_name_is_a_speaker_not_a_statement(extract) -> None:  # type: ignore[no-untyped-def]
    statements = extract(
        "Iran’s hardline “Kayhan” newspaper defended the war, stating that “the threat to Russia was real.”"
    )
    assert [(s.speaker.actor_id if s.speaker else None, s.content) for s in statements] == [
        ("kayhan", "the war"),
        ("kayhan", "that “the threat to Russia was real."),
    ]


def test_possessor_of_a_speech_noun_is_the_speaker(extract) -> None:  # type: ignore[no-untyped-def]
    [s] = extract("Raisi’s speech to the Duma in January was devoted to condemning Western “aggression.”")
    assert s.speaker and s.speaker.name == "Ebrahim Raisi"


@pytest.mark.parametrize(
    "text",
    [
        "Tehran refrained from endorsing the annexation of Crimea.",
        "Regional states adjusted their policies according to the new balance of power.",
        "The war added a new dimension to the relationship between the two states.",
        "It is fair to argue that Tehran has drifted toward Moscow.",
    ],
)
def test_not_statements(extract, text: str) -> None:  # type: ignore[no-untyped-def]
    assert extract(text) == []


def test_an_organisations_spokesperson_does_not_target_the_organisation(extract) -> None:  # type: ignore[no-untyped-def]
    [s] = extract("The NATO spokesperson said that NATO would not accept threats from Russia.")
    assert s.speaker and (s.speaker.org, s.speaker.actor_id) == ("NATO", None)
    assert [t.actor.actor_id for t in s.targets] == ["RUS"]
