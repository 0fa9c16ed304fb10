"""The date of each event from its own clause, an earlier mention or the report, through the real parse."""

from __future__ import annotations

import pytest

from dragoman.domain.records import Document, EventMention
from dragoman.events import EventExtractor
from dragoman.events.event_dates import dateline, is_news
from dragoman.nlp.headlines import headline

pytestmark = pytest.mark.slow
FRIDAY = "2023-03-10"


@pytest.fixture(scope="module")
def extract(analyse):  # type: ignore[no-untyped-def]
    extractor = EventExtractor()

    def run(text: str, genre: str | None = None) -> list[EventMention]:
        document, parsed, sentences, mentions = analyse(text, FRIDAY)
        if genre:
            document.meta["genre"] = genre
        return extractor.extract(document, parsed, sentences, mentions)

    return run


def dated(events: list[EventMention]) -> list[tuple[str, str | None, str | None, str, str]]:
    return [(e.type, e.date, e.date_end, e.date_precision, e.date_basis) for e in events]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Raisi met Putin on Monday.", [("CONSULT", "2023-03-06", None, "day", "text")]),
        ("Raisi will meet Putin on Monday.", [("CONSULT", "2023-03-13", None, "day", "text")]),
        ("Raisi met Putin yesterday.", [("CONSULT", "2023-03-09", None, "day", "text")]),
        ("Raisi met Putin last week.", [("CONSULT", "2023-02-27", "2023-03-05", "day", "text")]),
        ("Raisi met Putin a week ago.", [("CONSULT", "2023-03-03", None, "day", "text")]),
        ("Earlier this month, Raisi met Putin.", [("CONSULT", "2023-03", None, "month", "text")]),
        ("Raisi met Putin on April 24.", [("CONSULT", "2022-04-24", None, "day", "text")]),
        (
            "Raisi has visited Russia twice since February 2022.",
            [("CONSULT", "2022-02", "2023-03-10", "month", "text")],
        ),
        (
            "Since the ceasefire collapsed in 2019, Egypt has repeatedly condemned Ethiopia.",
            [("ACCUSE", "2019", "2023-03-10", "year", "text")],
        ),
        (
            "Iran and Russia held talks between March 3 and March 5.",
            [("CONSULT", "2023-03-03", "2023-03-05", "day", "text")],
        ),
        ("Raisi met Putin from 2019 to 2021.", [("CONSULT", "2019", "2021", "year", "text")]),
        ("Russia supplied Iran with shells in the spring of 2022.", [("AID", "2022-03", "2022-05", "month", "text")]),
        ("Russia attacked Ukraine in late 2022.", [("ASSAULT", "2022-09", "2022-12", "month", "text")]),
        # "this summer", read in March: last year's in a past clause, this year's ahead otherwise
        ("This summer Iran sent drones to Russia.", [("AID", "2022-06", "2022-08", "month", "text")]),
        ("Raisi will meet Putin this summer.", [("CONSULT", "2023-06", "2023-08", "month", "text")]),
        ("This spring Russia attacked Ukraine.", [("ASSAULT", "2023-03", "2023-05", "month", "text")]),
        ("Russia invaded Iran in the 19th century.", [("ASSAULT", "1800", "1899", "year", "text")]),
        ("Russia sold arms to Iran in the 1990s.", [("AID", "1990", "1999", "year", "text")]),
        # a target dates only the hypothetical event; the pledge is dated by the report
        ("Russia will deliver drones to Iran by 2030.", [("AID", "2030", None, "year", "text")]),
        ("Russia pledged to invest in Iran by 2030.", [("AGREE", "2023-03-10", None, "day", "publication")]),
    ],
)
def test_dates_from_the_events_clause(extract, text: str, expected: list[tuple[str, ...]]) -> None:  # type: ignore[no-untyped-def]
    assert dated(extract(text)) == expected


def test_a_date_of_a_neighbouring_clause_or_noun_does_not_count(extract) -> None:  # type: ignore[no-untyped-def]
    two = extract("Iran sent drones to Russia in October 2022, and Russia attacked Ukraine on Tuesday.")
    assert dated(two) == [("AID", "2022-10", None, "month", "text"), ("ASSAULT", "2023-03-07", None, "day", "text")]
    conference = extract("Russia summoned the Iranian ambassador after the 1943 Tehran Conference.")
    assert dated(conference) == [("ACCUSE", "2023-03-10", None, "day", "publication")]
    talks = extract("Lavrov met his Iranian colleague on March 1, a week after the talks of February 20.")
    assert dated(talks) == [("CONSULT", "2023-03-01", None, "day", "text")]


def test_a_later_mention_takes_the_date_of_the_event(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("Raisi visited Moscow on March 15. Raisi's visit angered Ukraine.")
    assert dated(events) == [("CONSULT", "2022-03-15", None, "day", "text")] * 2


def test_a_reference_takes_the_one_date_the_text_puts_on_the_same_noun(extract) -> None:  # type: ignore[no-untyped-def]
    """The dated telling may come later and name no doer ("hours after the invasion on March 3");
    one that names something the reference does not is another event, and two dates are no date."""
    text = (
        "Chile's stance on Peru's invasion of Bolivia surprised many.\n\n"
        "During Peru's invasion of Ecuador in 2010, Chile said nothing. "
        "Hours after the invasion on March 3, Chile's president phoned Bolivia's president."
    )
    found = [(e.type, e.trigger, e.date) for e in extract(text, genre="analysis") if e.trigger == "invasion"]
    assert found == [("ASSAULT", "invasion", "2023-03-03"), ("ASSAULT", "invasion", "2010")]
    two = "Peru's invasion of Bolivia surprised Chile. The invasion on March 3 and the invasion on March 9 differed."
    two_dates = [(e.trigger, e.date) for e in extract(two, genre="analysis") if e.trigger == "invasion"]
    assert two_dates[0] == ("invasion", None)


def test_news_takes_the_report_date_but_not_for_background_or_denials(extract) -> None:  # type: ignore[no-untyped-def]
    assert dated(extract("Iran sent drones to Russia.")) == [("AID", FRIDAY, None, "day", "publication")]
    assert dated(extract("Iran has long sent weapons to Syria.")) == [("AID", None, None, "unknown", "none")]
    assert dated(extract("Iran had sent weapons to Syria before the war.")) == [("AID", None, None, "unknown", "none")]
    assert dated(extract("Iran denies sending drones to Russia.")) == [("AID", None, None, "unknown", "none")]
    assert dated(extract("Iran may send drones to Russia.")) == [("AID", None, None, "unknown", "none")]


def test_analysis_articles_never_take_the_report_date(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("Iran sent drones to Russia.", genre="analysis")
    assert dated(events) == [("AID", None, None, "unknown", "none")]


def test_dateline_is_the_report_not_an_event(extract) -> None:  # type: ignore[no-untyped-def]
    [event] = extract("TEHRAN, March 8 (Reuters) - Iran sent drones to Russia.")
    assert (event.date, event.date_basis) == ("2023-03-08", "publication")
    assert [a.country for a in event.actors] == ["IRN"]


def test_dateline_and_genre() -> None:
    assert dateline("MOSCOW (AP) — Russia said on Friday") == (0, 14)
    assert dateline("KYIV, Ukraine, March 8 (Reuters) - ") == (0, 35)
    assert dateline("Russia and Iran met, officials said.") is None
    # after a headline, a bare agency credit, and a credit before the dateline
    assert dateline("Iran sends drones\n\nMOSCOW (AP) - Iran sent drones.") == (19, 33)
    assert dateline("AFP - Iran sent drones to Russia.") == (0, 6)
    assert dateline("Canadian Press - OTTAWA (CP) - Canada sent") == (0, 31)
    assert dateline("Iran sent drones.\n\nMOSCOW (AP) - Iran sent drones.") is None  # no headline above it
    assert headline("Iran sends drones\n\nIran sent drones.") == (0, 17, 19)
    assert headline("Iran sent drones.\n\nRussia said so.") is None
    assert headline("Iran sent drones to Russia.") is None
    short = Document("n", "n.txt", "Iran sent drones. " * 10, "n", "txt", published=FRIDAY)
    assert is_news(short)
    assert not is_news(Document("a", "a.txt", "Iran sent drones. " * 500, "a", "txt", published=FRIDAY))
    assert not is_news(Document("m", "m.txt", "Iran sent drones.", "m", "txt", published="2023-03"))


def test_a_headline_takes_the_date_of_its_lead(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Egypt condemns Ethiopia over dam\n\n"
        "CAIRO (Reuters) - Egypt's foreign minister condemned Ethiopia on Tuesday for filling the dam."
    )
    events = extract(text)
    assert dated(events)[0] == ("ACCUSE", "2023-03-07", None, "day", "text")
    # the agency of the dateline is no actor; Egypt and its foreign minister are
    assert [a.country for e in events for a in e.actors] == ["EGY", "EGY"]
    # "said Monday Somalia had ...": a bare date right after the verb is the verb's, not the name's
    said = extract(
        "Kenya accuses Somalia of sheltering gunmen\n\n"
        "NAIROBI (AP) - Kenya's foreign minister said Monday Somalia had sheltered the gunmen."
    )
    assert dated(said)[0] == ("ACCUSE", "2023-03-06", None, "day", "text")
    # an analysis has no lead to date its title by
    title = extract("Egypt condemns Ethiopia over dam\n\nEgypt condemned Ethiopia on Tuesday.", genre="analysis")
    assert [(e.trigger, e.date) for e in title] == [("condemns", None), ("condemned", "2023-03-07")]


def test_a_dateline_under_a_headline_gives_the_report_date(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("Iran sends drones to Russia\n\nMOSCOW, March 8 (Reuters) - Iran sent drones to Russia.")
    assert dated(events) == [("AID", "2023-03-08", None, "day", "publication")] * 2


def test_a_headline_takes_the_date_of_what_its_lead_reports(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Ethiopian official killed in Sudan attack\n\n"
        "An Ethiopian official was killed on Sunday by a rocket attack near Khartoum, Ethiopia's foreign minister said."
    )
    assert [(e.trigger, e.date, e.date_basis) for e in extract(text)] == [
        ("attack", "2023-03-05", "text"),
        ("killed", "2023-03-05", "text"),
    ]


def test_a_when_clause_shares_the_time_of_its_clause(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("A deal was reached on Tuesday when Egypt and Sudan held talks.")
    assert dated(events) == [("CONSULT", "2023-03-07", None, "day", "text")]


def test_weekdays_resolve_against_the_datelines_day(extract) -> None:  # type: ignore[no-untyped-def]
    # the dateline (Wednesday, March 1) is the report's day, not the publication date (Friday, March 10)
    events = extract("Egypt condemns Ethiopia\n\nCAIRO, March 1 (Reuters) - Egypt condemned Ethiopia on Tuesday.")
    assert dated(events) == [("ACCUSE", "2023-02-28", None, "day", "text")] * 2
    # a place in ordinary case makes a dateline when a day and an agency in capitals follow it
    titled = extract("Cairo, March 8 (MENA): Egypt condemned Ethiopia on Tuesday.")
    assert dated(titled) == [("ACCUSE", "2023-03-07", None, "day", "text")]
    assert dateline("Cairo, March 8 (MENA): Egypt condemned Ethiopia.") == (0, 23)
    assert dateline("Egypt, Sudan and Ethiopia (GERD): talks resumed.") is None


def test_a_participle_adjunct_shares_the_time_of_its_clause(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("Egypt and Sudan held talks on Tuesday, calling for a ceasefire in Ethiopia.")
    assert dated(events) == [
        ("CONSULT", "2023-03-07", None, "day", "text"),
        ("REQUEST", "2023-03-07", None, "day", "text"),
    ]


def test_an_arranged_event_takes_the_day_it_is_arranged_for(extract) -> None:  # type: ignore[no-untyped-def]
    [event] = extract("Talks between Egypt and Ethiopia scheduled for Monday")
    assert (event.date, event.date_basis, event.status) == ("2023-03-13", "text", "hypothetical")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Egypt and Sudan fought three wars (in 1801–1803, 1850 and 1911).", ("1801", "1911", "year")),
        ("Iran sent drones to Russia in 2022 and 2023.", ("2022", "2023", "year")),
        ("Egypt condemned Ethiopia on March 3, 2021 and on May 5, 2022.", ("2021-03-03", "2022-05-05", "day")),
    ],
)
def test_a_list_of_dates_dates_the_event_from_the_first_to_the_last(extract, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def,type-arg]
    [event] = extract(text, genre="analysis")
    assert (event.date, event.date_end, event.date_precision) == expected


def test_a_clause_on_the_event_noun_says_when_it_happened(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("The Putin-Khamenei meeting, which took place in July, angered Kyiv.")
    assert dated(events) == [("CONSULT", "2022-07", None, "month", "text")]


def test_a_time_adjunct_of_a_coordinated_clause_stays_there(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Iran summoned the Russian ambassador over a tweet, and backed the Libyan government "
        "following the Turkish intervention in Libya in 2020."
    )
    events = extract(text, genre="analysis")
    assert [(e.trigger, e.date) for e in events] == [("summoned", None), ("backed", "2020")]


def test_a_date_before_the_first_subject_sets_the_time_of_both_coordinated_clauses(extract) -> None:  # type: ignore[no-untyped-def]
    fronted = extract("In 2019, Egypt condemned Ethiopia, and Sudan criticised Eritrea.", genre="analysis")
    assert [(e.trigger, e.date) for e in fronted] == [("condemned", "2019"), ("criticised", "2019")]
    trailing = extract(
        "Chinese envoys visited Brazil in March 2023, and Brazilian ministers visited China.", genre="analysis"
    )
    assert [(e.trigger, e.date) for e in trailing] == [("visited", "2023-03"), ("visited", None)]
    own = extract("In 2019 Iran sent drones to Russia, and in 2021 Russia sent tanks to Syria.", genre="analysis")
    assert [(e.trigger, e.date) for e in own] == [("sent", "2019"), ("sent", "2021")]
    expletive = extract("In 2019, there was a summit in Sochi, and Iran supplied drones to Russia.", genre="analysis")
    assert [(e.trigger, e.date) for e in expletive] == [("supplied", "2019")]


def test_a_verb_sharing_the_subject_of_a_dated_verb_happened_then(extract) -> None:  # type: ignore[no-untyped-def]
    shared = extract("Egypt visited Sudan on 3 May 2021 and met Ethiopia's envoy.", genre="analysis")
    assert [(e.trigger, e.date) for e in shared] == [("visited", "2021-05-03"), ("met", "2021-05-03")]
    own = extract("Egypt visited Sudan in March 2021 and met Ethiopia's envoy in June 2021.")
    assert [(e.trigger, e.date) for e in own] == [("visited", "2021-03"), ("met", "2021-06")]
    backwards = extract("Egypt met Ethiopia's envoy and visited Sudan in March 2021.", genre="analysis")
    assert [(e.trigger, e.date) for e in backwards] == [("met", None), ("visited", "2021-03")]


def test_a_fronted_date_dates_a_chain_of_coordinated_clauses(extract) -> None:  # type: ignore[no-untyped-def]
    # three clauses, the parser reading the first as a complement of the second
    chain = extract("In 2021, Egypt condemned Ethiopia, Sudan criticised Eritrea, and Iran sent drones to Russia.")
    assert [(e.trigger, e.date) for e in chain] == [("condemned", "2021"), ("criticised", "2021"), ("sent", "2021")]
    # the first clause's subject an expletive; a season, a range
    expletive = extract(
        "In the summer of 2022, there was a summit between Egypt and Sudan, Ethiopia signed a deal with Kenya, "
        "and Iran reportedly supplied Russia with drones.",
        genre="analysis",
    )
    assert [(e.trigger, e.date, e.date_end, e.status) for e in expletive] == [
        ("summit", "2022-06", "2022-08", "asserted"),
        ("signed", "2022-06", "2022-08", "asserted"),
        ("supplied", "2022-06", "2022-08", "alleged"),
    ]
    # a clause with a fronted date of its own takes it, and so does the clause after it
    own = extract("In 2019 Iran sent drones to Russia, in 2021 Russia sent tanks to Syria, and Syria condemned Iraq.")
    assert [(e.trigger, e.date) for e in own] == [("sent", "2019"), ("sent", "2021"), ("condemned", "2021")]
    # a relative clause with its own date is no link of the chain
    relative = extract(
        "In 2020, Egypt condemned Ethiopia, which had attacked Sudan in 2018, and Kenya criticised Somalia."
    )
    assert [(e.trigger, e.date) for e in relative] == [("condemned", "2020"), ("criticised", "2020")]
    # "that" opens a complement, not a clause of the list
    said = extract("In 2019, Egypt said that Ethiopia attacked Sudan.", genre="analysis")
    assert [(e.trigger, e.date) for e in said] == [("attacked", None)]


def test_a_new_name_makes_a_new_event(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("Russia invaded Georgia in 2008. Russia's invasion of Ukraine angered Iran.", genre="analysis")
    assert [(e.trigger, e.date) for e in events] == [("invaded", "2008"), ("invasion", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "After the 2014 annexation of Crimea, Iranian President Hassan Rouhani criticized Moscow and Iranian"
            " lawmakers blamed Washington.",
            [("ACCUSE", "2014", None, "year", "text"), ("ACCUSE", "2014", None, "year", "text")],
        ),
        ("During the 2008 war in Georgia, Ahmadinejad blamed NATO.", [("ACCUSE", "2008", None, "year", "text")]),
        ("Before the 2014 annexation of Crimea, Iran criticized Ukraine.", [("ACCUSE", None, None, "unknown", "none")]),
    ],
)
def test_an_event_noun_with_its_year_heading_a_time_adjunct(extract, text: str, expected: list) -> None:  # type: ignore[no-untyped-def,type-arg]
    assert dated(extract(text, "analysis")) == expected
