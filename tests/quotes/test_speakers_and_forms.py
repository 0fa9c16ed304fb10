"""Speakers across sentences and paragraphs, channels apart from speakers, and the quote forms
of wire copy, on passages written for these tests."""

from __future__ import annotations

import pytest

from dragoman.domain.records import Statement
from dragoman.quotes import QuoteExtractor

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def extract(analyse):  # type: ignore[no-untyped-def]
    extractor = QuoteExtractor()

    def run(text: str) -> list[Statement]:
        return extractor.extract(*analyse(text, "2022-11-15", "t", None))

    return run


def summary(statements: list[Statement]) -> list[tuple[str, str | None, str | None, str]]:
    return [(s.kind, s.speaker.name if s.speaker else None, s.channel, s.content) for s in statements]


def test_pronoun_speaker_two_sentences_on(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Dmytro Kuleba arrived in Brussels on Monday for a meeting of NATO ministers. "
        "The session ran late into the evening. He said the drones that struck Kyiv had been built in Iran."
    )
    [s] = extract(text)
    assert (s.speaker_text, s.speaker and s.speaker.name) == ("He", "Dmytro Kuleba")
    assert s.content == "the drones that struck Kyiv had been built in Iran"


def test_nominal_reference_to_an_institution(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Iran's foreign ministry summoned the German envoy on Tuesday. "
        "The ministry said the remarks were an insult to the nation."
    )
    [s] = extract(text)
    assert s.speaker_text == "The ministry" and s.speaker and s.speaker.country == "IRN"


def test_speaker_carried_to_the_paragraph_a_quote_runs_on_into(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Kuleba spoke to reporters in Kyiv on Monday.\n\n"
        "“We will hold the line in the east,” he said. “We have done it before, and the drones from Iran "
        "will not change that.\n\n"
        "“Nobody in Moscow should doubt our resolve.”\n\n"
        "The talks resume next week."
    )
    # Every piece is one quote under one cue: one statement from the first piece to the last.
    [s] = extract(text)
    assert (s.kind, s.speaker.name if s.speaker else None) == ("direct", "Dmytro Kuleba")
    assert s.content.startswith("We will hold the line") and s.content.endswith("doubt our resolve.")


def test_quote_split_by_its_cue_is_one_direct_statement(extract) -> None:  # type: ignore[no-untyped-def]
    text = "“The sanctions will not break us,” Raisi said, “and they never have.”"
    assert summary(extract(text)) == [
        ("direct", "Ebrahim Raisi", None, "The sanctions will not break us,” Raisi said, “and they never have."),
    ]


def test_quote_after_an_attribution_goes_on_with_its_speaker(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "“Talks are the only road,” said Josep Borrell, speaking after a long meeting of the foreign ministers "
        "in Brussels on Monday. “Nobody gains from a longer war.”"
    )
    [s] = extract(text)
    assert s.speaker and s.speaker.name == "Josep Borrell" and s.content.endswith("longer war.")


def test_quoted_words_inside_reported_speech_give_the_clause(extract) -> None:  # type: ignore[no-untyped-def]
    [s] = extract("Kuleba said that the new sanctions were “long overdue” and would “bite hard.”")
    assert s.content == "that the new sanctions were “long overdue” and would “bite hard."


def test_cue_after_the_content(extract) -> None:  # type: ignore[no-untyped-def]
    text = "Grain exports through the Black Sea will resume next month, Erdogan said on Sunday."
    assert summary(extract(text)) == [
        ("indirect", "Recep Tayyip Erdoğan", None, "Grain exports through the Black Sea will resume next month")
    ]


def test_post_on_a_platform(extract) -> None:  # type: ignore[no-untyped-def]
    [s] = extract("Erdogan wrote on X that Sweden had not met its promises.")
    assert (s.kind, s.content) == ("tweet", "that Sweden had not met its promises")


def test_headline_attribution_and_its_lead(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Iran says its missiles can reach any target\n\n"
        "Tehran's defence minister said on Monday that the missiles could reach any target in the region."
    )
    first, second = extract(text)
    assert (first.speaker and first.speaker.name, first.content) == ("Iran", "its missiles can reach any target")
    assert second.speaker and second.speaker.country == "IRN"


def test_labelled_headline(extract) -> None:  # type: ignore[no-untyped-def]
    text = "Kremlin: grain deal is over\n\nMoscow will not extend the grain corridor, officials said on Monday."
    headline = extract(text)[0]
    assert (headline.kind, headline.speaker and headline.speaker.name, headline.content) == (
        "headline",
        "Russia",
        "grain deal is over",
    )


def test_headline_restating_the_lead_takes_its_speaker(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Turkey Brokers Grain Corridor Deal\n\n"
        "Turkey has brokered a deal on a grain corridor through the Black Sea, Erdogan said on Friday."
    )
    headline = extract(text)[0]
    assert (headline.kind, headline.speaker and headline.speaker.name) == ("headline", "Recep Tayyip Erdoğan")


@pytest.mark.parametrize(
    ("text", "speaker", "channel", "content"),
    [
        (
            "The state broadcaster IRNA quoted Raisi as saying that sanctions had failed to break the economy.",
            "Ebrahim Raisi",
            "Islamic Republic News Agency",
            "that sanctions had failed to break the economy",
        ),
        (
            "In an interview with Al Jazeera, Kuleba said the drones came from Iran.",
            "Dmytro Kuleba",
            "Al Jazeera",
            "the drones came from Iran",
        ),
        (
            "Reuters reported that Erdogan said Ankara would not approve the bid.",
            "Recep Tayyip Erdoğan",
            "Reuters",
            "Ankara would not approve the bid",
        ),
        (
            "Erdogan said Ankara would not approve the bid, the Anadolu agency reported.",
            "Recep Tayyip Erdoğan",
            "Anadolu Agency",
            "Ankara would not approve the bid",
        ),
    ],
)
def test_channel_apart_from_the_speaker(extract, text: str, speaker: str, channel: str, content: str) -> None:  # type: ignore[no-untyped-def]
    [s] = extract(text)
    assert (s.speaker and s.speaker.name, s.channel, s.content) == (speaker, channel, content)


def test_statement_carried_by_an_outlet(extract) -> None:  # type: ignore[no-untyped-def]
    text = "The ministry said in a statement carried by the Xinhua news agency that the border was calm."
    [s] = extract(text)
    assert (s.speaker_text, s.channel, s.content) == ("The ministry", "Xinhua", "that the border was calm")


def test_told_an_outlet(extract) -> None:  # type: ignore[no-untyped-def]
    [s] = extract("Lavrov told the TASS news agency on Friday that the talks were frozen.")
    assert (s.speaker and s.speaker.name, s.channel) == ("Sergey Lavrov", "TASS")


def test_belief_verb_with_a_clause_is_a_statement(extract) -> None:  # type: ignore[no-untyped-def]
    [s] = extract("Erdogan believes that the grain deal can be saved.")
    assert (s.kind, s.speaker.name if s.speaker else None) == ("indirect", "Recep Tayyip Erdoğan")
    assert s.content == "that the grain deal can be saved"
    assert extract("Erdogan knows the region well.") == []


def test_two_single_quotes_mark_a_quote(extract) -> None:  # type: ignore[no-untyped-def]
    [s] = extract("''You would think they had learned by now,'' Kuleba said.")
    assert (s.kind, s.speaker.name if s.speaker else None) == ("direct", "Dmytro Kuleba")
    assert s.content == "You would think they had learned by now,"


def test_a_programme_title_in_quotation_marks_is_not_the_speaker(extract) -> None:  # type: ignore[no-untyped-def]
    [s] = extract(
        "“We are not at war with anyone,” Peskov, a close Putin aide, said on Monday on the programme “Evening News.”"
    )
    assert s.speaker and s.speaker.name == "Dmitry Peskov"


def test_what_was_spoken_of(extract) -> None:  # type: ignore[no-untyped-def]
    [s] = extract("Kuleba spoke about the drone attacks on Kyiv.")
    assert (s.speaker.name if s.speaker else None, s.content) == ("Dmytro Kuleba", "the drone attacks on Kyiv")
    assert extract("Kuleba spoke to reporters in Kyiv.") == []


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "The new pipeline, Alexander Novak said, would carry gas to Turkey by 2027.",
            "Alexander Novak",
            "The new pipeline, Alexander Novak said, would carry gas to Turkey by 2027",
        ),
        (
            "Trade with Moscow grew by a third, Ebrahim Raisi said, despite the sanctions.",
            "Ebrahim Raisi",
            "Trade with Moscow grew by a third",  # the parse hangs "despite ..." on the cue
        ),
    ],
)
def test_cue_set_off_inside_what_it_reports(extract, text: str, speaker: str, content: str) -> None:  # type: ignore[no-untyped-def]
    [s] = extract(text)
    assert (s.kind, s.speaker.name if s.speaker else None, s.content) == ("indirect", speaker, content)
    assert [t.actor.name for t in s.targets] == [] or all(t.actor.name != speaker for t in s.targets)


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        (
            "Tehran called the accusations baseless and politically motivated.",
            "Iran",
            "called",
            "the accusations baseless and politically motivated",
        ),
        (
            "Sergei Lavrov called the sanctions an act of economic war against his country.",
            "Sergey Lavrov",
            "called",
            "the sanctions an act of economic war against his country",
        ),
        (
            "Ebrahim Raisi sees Russia as a partner against Western pressure.",
            "Ebrahim Raisi",
            "sees",
            "Russia as a partner against Western pressure",
        ),
        (
            "Dmytro Kuleba pointed to the wreckage as proof of Iranian involvement.",
            "Dmytro Kuleba",
            "pointed",
            "the wreckage as proof of Iranian involvement",
        ),
    ],
)
def test_what_a_speaker_says_something_is(extract, text: str, speaker: str, cue: str, content: str) -> None:  # type: ignore[no-untyped-def]
    [s] = extract(text)
    assert (s.speaker.name if s.speaker else None, s.cue, s.content) == (speaker, cue, content)


def test_naming_without_a_speaker_or_a_predicate_is_no_statement(extract) -> None:  # type: ignore[no-untyped-def]
    assert extract("A group called the Free Coast Army took over the port. Iran called Moscow twice.") == []


def test_quoted_as_saying_stays_a_channel_not_a_stance(extract) -> None:  # type: ignore[no-untyped-def]
    [s] = extract("IRNA quoted Hossein Amir-Abdollahian as saying that the talks were useful.")
    assert (s.speaker.name if s.speaker else None, s.channel) == (
        "Hossein Amir-Abdollahian",
        "Islamic Republic News Agency",
    )


def test_a_speaking_cue_goes_before_a_framing_one(extract) -> None:  # type: ignore[no-untyped-def]
    text = "Iranian reformists, who see Russia as a neighbour, reject any military alliance with Moscow."
    assert [s.cue for s in extract(text)] == ["reject"]


def test_transcript_turns_take_the_person_the_document_names_in_full(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Sergei Lavrov answered questions after the talks in Ankara.\n\n"
        "LAVROV: We see no reason to change our position on the grain corridor.\n\n"
        "CORRECTION: An earlier version of this story gave the wrong date for the talks.\n"
    )
    turns = [s for s in extract(text) if s.cue == ":"]
    assert [(s.kind, s.speaker.name if s.speaker else None, s.speaker_text, s.content) for s in turns] == [
        ("direct", "Sergey Lavrov", "LAVROV", "We see no reason to change our position on the grain corridor.")
    ]


def test_a_signed_quote_takes_its_signature_as_the_speaker(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Readers in Kyiv wrote to us.\n“The drones come every night and nobody stops them.” \u2015 Olena Shevchenko\n"
    )
    [s] = extract(text)
    assert (s.kind, s.speaker_text, s.content) == (
        "direct",
        "Olena Shevchenko",
        "The drones come every night and nobody stops them.",
    )


def test_a_second_cue_beside_a_quote_reports_its_own_clause(extract) -> None:  # type: ignore[no-untyped-def]
    text = "“We will not accept new conditions,” Ali Bagheri said, adding that the talks would resume in May."
    assert [(s.kind, s.speaker.name if s.speaker else None, s.cue, s.content) for s in extract(text)] == [
        ("partial", "Ali Bagheri Kani", "said", "We will not accept new conditions,"),
        ("indirect", "Ali Bagheri Kani", "adding", "that the talks would resume in May"),
    ]


def test_a_cue_hanging_from_another_speaks_after_it_and_cuts_its_content(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Sergei Lavrov dismissed the claim that the talks had failed, "
        "commenting that “the door remains open to our partners.”"
    )
    assert [(s.cue, s.content) for s in extract(text)] == [
        ("dismissed", "the claim that the talks had failed"),
        ("commenting", "that “the door remains open to our partners."),
    ]


def test_a_second_speaker_taking_a_stance_on_an_object(extract) -> None:  # type: ignore[no-untyped-def]
    text = "Hassan Rouhani criticized the sanctions, and Iranian lawmakers blamed the crisis on Western interference."
    assert [(s.speaker_text, s.cue, s.content) for s in extract(text)] == [
        ("Hassan Rouhani", "criticized", "the sanctions"),
        ("Iranian lawmakers", "blamed", "the crisis on Western interference"),
    ]


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("The IAEA report showed traces of enriched uranium at the site.", "showed", "traces of enriched uranium"),
        ("Sergei Lavrov observed that the talks had stalled.", "observed", "that the talks had stalled"),
        ("Ali Bagheri repeated the offer of a prisoner exchange.", "repeated", "the offer of a prisoner exchange"),
    ],
)
def test_communication_and_evidential_verbs(extract, text: str, cue: str, content: str) -> None:  # type: ignore[no-untyped-def]
    [s] = extract(text)
    assert (s.cue, s.content) == (cue, content)


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "Ebrahim Raisi appealed to the Caspian states on Monday to open a new trade corridor.",
            "appealed",
            "the Caspian states on Monday to open a new trade corridor",
        ),
        ("Sergei Lavrov blamed NATO for the outbreak of the war.", "blamed", "NATO for the outbreak of the war"),
    ],
)
def test_what_follows_the_addressee_or_the_object_goes_with_it(extract, text: str, cue: str, content: str) -> None:  # type: ignore[no-untyped-def]
    [s] = extract(text)
    assert (s.cue, s.content) == (cue, content)


def test_a_second_cue_with_an_infinitive_of_its_own_beside_a_quote(extract) -> None:  # type: ignore[no-untyped-def]
    text = "Kyiv claimed on Sunday to have shot down forty drones, but Sergei Shoigu said the report was “baseless.”"
    assert [(s.cue, s.content) for s in extract(text)] == [
        ("claimed", "to have shot down forty drones"),
        ("said", "the report was “baseless."),
    ]


def test_quoted_modifiers_of_a_noun_are_the_writers_distance_not_a_statement(extract) -> None:  # type: ignore[no-untyped-def]
    text = "Beijing warned Singapore officials against visits to Taiwan after a “private and unofficial” trip there."
    assert [(s.kind, s.cue, s.content) for s in extract(text)] == [
        ("indirect", "warned", "Singapore officials against visits to Taiwan")
    ]


def test_a_wire_credit_joined_to_the_subject_is_neither_speaker_nor_channel(extract) -> None:  # type: ignore[no-untyped-def]
    text = "Reuters - China has said no date has been set for the talks, Alexander Downer said on Tuesday."
    [s] = extract(text)
    assert (s.speaker_text, s.channel, s.content) == ("China", None, "no date has been set for the talks")


def test_a_title_and_its_subtitle_are_no_labelled_headline(extract) -> None:  # type: ignore[no-untyped-def]
    text = "The New Moscow–Tehran Corridor: Trade Across the Caspian\n\nRussia and Iran opened a rail link in May."
    assert [s for s in extract(text) if s.kind == "headline"] == []


def test_the_writers_own_question_is_no_statement(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Is the new corridor a turning point, or does it indicate a short partnership of convenience?\n\nNo one knows."
    )
    assert extract(text) == []


def test_what_was_expressed_and_a_fronted_topic(extract) -> None:  # type: ignore[no-untyped-def]
    text = "Regarding the war in Ukraine, Iran has expressed solidarity with Russia's security concerns."
    assert [(s.cue, s.content) for s in extract(text)] == [("expressed", "solidarity with Russia's security concerns")]


def test_a_clause_before_a_semicolon_is_not_what_the_cue_reports(extract) -> None:  # type: ignore[no-untyped-def]
    text = "Observers warn of low turnout; the commission says the vote will go ahead on Sunday."
    assert [(s.cue, s.content) for s in extract(text)] == [("says", "the vote will go ahead on Sunday")]
