"""Status cues on hand-written sentences, each scoped to the clause it governs, through the real parse."""

from __future__ import annotations

import pytest

from dragoman.domain.records import EventMention
from dragoman.events import EventExtractor

pytestmark = pytest.mark.slow
FRIDAY = "2023-03-10"


@pytest.fixture(scope="module")
def extract(analyse):  # type: ignore[no-untyped-def]
    extractor = EventExtractor()

    def run(text: str) -> list[EventMention]:
        return extractor.extract(*analyse(text, FRIDAY))

    return run


def coded(events: list[EventMention]) -> list[tuple[str, str, str | None]]:
    """(type, status, who alleges or denies) per event, in the order of the text."""
    return [(e.type, e.status, e.attributed_to.country if e.attributed_to else None) for e in events]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # alleged
        ("Iran reportedly sent drones to Russia.", [("AID", "alleged", None)]),
        ("Iran allegedly sent drones to Russia.", [("AID", "alleged", None)]),
        ("Reports say Iran sent drones to Russia.", [("AID", "alleged", None)]),
        ("Ukraine alleges that Iran sent drones to Russia.", [("AID", "alleged", "UKR")]),
        ("Ukraine claims Iran sent drones to Russia.", [("AID", "alleged", "UKR")]),
        ("According to Ukraine, Iran sent missiles to Russia.", [("AID", "alleged", "UKR")]),
        ("Iran is accused of supplying drones to Russia.", [("AID", "alleged", None)]),
        (
            "Ukraine accused Iran of supplying drones to Russia.",
            [("ACCUSE", "asserted", None), ("AID", "alleged", "UKR")],
        ),
        # denied
        ("Iran denies sending drones to Russia.", [("AID", "denied", "IRN")]),
        (
            "The Iranian foreign minister denied that Iran has been continuing to provide drones to Russia.",
            [("AID", "denied", "IRN")],
        ),
        ("Tehran rejected reports that Iran had sent missiles to Russia.", [("AID", "denied", "IRN")]),
        ("Tehran dismissed as baseless the claims that Iran sent drones to Russia.", [("AID", "denied", "IRN")]),
        # a purchase denied: aid from the seller to the denier
        ("Tehran denied buying fighter jets from Moscow.", [("AID", "denied", "IRN")]),
        ("Tehran denied the purchase of Russian fighter jets.", [("AID", "denied", "IRN")]),
        # the content of a denied claim, its doer the denier when only a pronoun names it
        ("Tehran rejected claims that it had shipped drones to Moscow.", [("AID", "denied", "IRN")]),
        ("Iran dismissed the allegation that it sells missiles to Russia as a lie.", [("AID", "denied", "IRN")]),
        # a dismissal predicated of a report that tells its event in a clause, or named by a verb
        (
            "A Russian spokesman said reports that Russian troops had shelled the Ukrainian convoy were false.",
            [("ASSAULT", "denied", "RUS")],
        ),
        ("Moscow called reports of a Russian strike on the Ukrainian convoy baseless.", [("ASSAULT", "denied", "RUS")]),
        # a dismissal predicated of the event or of the news of it, on the word of whoever says so
        (
            "Reports of a Russian attack on the Ukrainian convoy are false, the Russian ministry said.",
            [("ASSAULT", "denied", "RUS")],
        ),
        ("The Russian attack on the Ukrainian convoy was brutal, the ministry said.", [("ASSAULT", "asserted", None)]),
        # hypothetical
        ("Iran would send drones to Russia.", [("AID", "hypothetical", None)]),
        # hearsay in the passive
        ("Tehran is said to have shipped drones to Moscow.", [("AID", "alleged", None)]),
        ("Tehran is believed to be shipping drones to Moscow.", [("AID", "alleged", None)]),
        ("Tehran was asked to ship drones to Moscow.", [("AID", "hypothetical", None)]),
        # readiness or likelihood: not yet done; holding back: none
        ("Moscow is willing to sell fighter jets to Tehran.", [("AID", "hypothetical", None)]),
        ("Moscow is likely to sell fighter jets to Tehran.", [("AID", "hypothetical", None)]),
        ("Moscow was hesitant to sell fighter jets to Tehran.", []),
        ("Iran could send drones to Russia.", [("AID", "hypothetical", None)]),
        ("Iran may send drones to Russia.", [("AID", "hypothetical", None)]),
        ("Iran will send drones to Russia.", [("AID", "hypothetical", None)]),
        ("Iran plans to send drones to Russia.", [("AID", "hypothetical", None)]),
        ("Iran intends to send drones to Russia.", [("AID", "hypothetical", None)]),
        # a noun of intention: the planned deed is hypothetical, its doer who announced the plan
        ("Chile announced plans to expel two Peruvian diplomats.", [("SANCTION", "hypothetical", None)]),
        (
            "If Iran sends drones to Russia, Ukraine will expel the Iranian ambassador.",
            [("AID", "hypothetical", None), ("SANCTION", "hypothetical", None)],
        ),
        # expected, not done: a modifier of the event noun, an adverb, a predicate of expectation
        ("A possible Russian offensive against Ukraine alarmed Poland.", [("ASSAULT", "hypothetical", None)]),
        ("Russia's looming attack on Ukraine alarmed Poland.", [("ASSAULT", "hypothetical", None)]),
        ("A Russian offensive against Ukraine looms.", [("ASSAULT", "hypothetical", None)]),
        ("A Russian attack on Ukraine is looming.", [("ASSAULT", "hypothetical", None)]),
        ("UN sanctions on Iran loom.", [("SANCTION", "hypothetical", None)]),
        ("Iran possibly sent drones to Russia.", [("AID", "hypothetical", None)]),
        # told of, not stated: an alleging adjective on the event noun
        ("The alleged Russian attack on Ukraine alarmed Poland.", [("ASSAULT", "alleged", None)]),
        ("A purported Russian attack on Ukraine alarmed Poland.", [("ASSAULT", "alleged", None)]),
        # ... also on the event noun a light verb takes, the verb only carrying the event
        ("Iran and Russia reached a possible deal on gas supplies on Monday.", [("AGREE", "hypothetical", None)]),
        ("Russia and Iran signed a possible agreement on drones.", [("AGREE", "hypothetical", None)]),
        ("Iran and Russia held possible talks on gas in Moscow.", [("CONSULT", "hypothetical", None)]),
        ("Putin made a possible visit to Tehran.", [("CONSULT", "hypothetical", None)]),
        # the signing is done; the modifier of a noun below the event noun is not the event's
        ("Russia and Iran signed an agreement on drones.", [("AGREE", "asserted", None)]),
        ("Russia and Iran signed an agreement on a possible gas pipeline.", [("AGREE", "asserted", None)]),
        # "possibly" on the date leaves the deed asserted
        ("Iran sent drones to Russia, possibly in 2022.", [("AID", "asserted", None)]),
        # the threat is made; what is threatened is hypothetical
        (
            "Russia threatened to attack Ukraine.",
            [("THREATEN", "asserted", None), ("ASSAULT", "hypothetical", None)],
        ),
        # the agreement is made; what is agreed to is still to happen
        (
            "Chile agreed to supply weapons to Peru.",
            [("AGREE", "asserted", None), ("AID", "hypothetical", None)],
        ),
        # the demand is made; what is asked for is hypothetical
        (
            "Chile demanded that Peru withdraw its troops from Bolivia.",
            [("REQUEST", "asserted", None), ("RETREAT", "hypothetical", None)],
        ),
        (
            "Chile urged Peru to release the prisoners.",
            [("REQUEST", "asserted", None), ("CONCEDE", "hypothetical", None)],
        ),
        # asserted
        ("Iran sent drones to Russia.", [("AID", "asserted", None)]),
        # a news outlet credited for the copy leaves the event its own status
        ("Iran sent drones to Russia, a Turkish newspaper reported.", [("AID", "asserted", None)]),
        ("Iran sent drones to Russia, the state news agency reported.", [("AID", "asserted", None)]),
        ("Iran reportedly sent drones to Russia, the news agency reported.", [("AID", "alleged", None)]),
        ("Ukraine reported that Iran had sent drones to Russia.", [("AID", "alleged", "UKR")]),
        ("Even if the talks stall, Iran met Russia on Tuesday.", [("CONSULT", "asserted", None)]),
    ],
)
def test_each_status_cue(extract, text: str, expected: list[tuple[str, str, str | None]]) -> None:  # type: ignore[no-untyped-def]
    assert coded(extract(text)) == expected


def test_allegedly_stays_in_its_clause(extract) -> None:  # type: ignore[no-untyped-def]
    first = extract("Iran allegedly sent drones to Russia, but Putin met Raisi in Tehran on Tuesday.")
    assert coded(first) == [("AID", "alleged", None), ("CONSULT", "asserted", None)]
    second = extract("Putin met Raisi in Tehran on Tuesday, and Iran allegedly sent drones to Russia.")
    assert coded(second) == [("CONSULT", "asserted", None), ("AID", "alleged", None)]


def test_two_clauses_two_statuses_of_one_event(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("Ukraine claims that Iran sent drones, but Russia denied that Iran sent drones to it.")
    assert sorted((e.status, e.attributed_to.country if e.attributed_to else None) for e in events) == [
        ("alleged", "UKR"),
        ("denied", "RUS"),
    ]


def test_an_adverb_on_the_predicate_leaves_a_subject_event_alone(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("Raisi visited Moscow on March 1. Raisi's visit was apparently a success.")
    assert [(e.trigger, e.status) for e in events] == [("visited", "asserted"), ("visit", "asserted")]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Raisi is scheduled to visit Moscow on Monday.", "2023-03-13"),
        ("Raisi is to visit Moscow on Monday.", "2023-03-13"),
        ("Putin to meet Raisi on Monday.", "2023-03-13"),
    ],
)
def test_arranged_and_headline_futures(extract, text: str, date: str) -> None:  # type: ignore[no-untyped-def]
    [event] = extract(text)
    assert (event.type, event.status, event.date) == ("CONSULT", "hypothetical", date)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a clause of purpose is as real as the deed it serves: planned under "is to" and "will" ...
        (
            "Raisi is to visit Moscow to sign a trade agreement with Russia.",
            [("CONSULT", "hypothetical", None), ("AGREE", "hypothetical", None)],
        ),
        ("Egypt's president will fly to Addis Ababa to meet Ethiopian leaders.", [("CONSULT", "hypothetical", None)]),
        # ... and done when the deed is told as done
        ("Egypt's president flew to Addis Ababa to meet Ethiopian leaders.", [("CONSULT", "asserted", None)]),
        # a participle adjunct to an alleged deed is alleged with it
        ("Russia allegedly shelled Kharkiv on Friday, killing ten Ukrainians.", [("ASSAULT", "alleged", None)]),
        # an event noun arranged for a day is not yet done
        ("Talks between Egypt and Ethiopia scheduled for Monday", [("CONSULT", "hypothetical", None)]),
        ("Talks between Egypt and Ethiopia held on Monday", [("CONSULT", "asserted", None)]),
        ("Raisi's planned visit to Moscow angered Ukraine.", [("CONSULT", "hypothetical", None)]),
        ("A proposed deal between Iran and Russia worried Israel.", [("AGREE", "hypothetical", None)]),
    ],
)
def test_a_clause_of_purpose_takes_the_status_of_its_deed(extract, text: str, expected: list) -> None:  # type: ignore[no-untyped-def,type-arg]
    assert coded(extract(text)) == expected


@pytest.mark.parametrize(
    ("text", "cue", "type_", "expected"),
    [
        ("A soldier was charged with the murder of a farmer.", "charged", "ASSAULT", ("alleged", None)),
        (
            "Ukraine charged two Russian officers with the shelling of Kharkiv.",
            "charged",
            "ASSAULT",
            ("alleged", "UKR"),
        ),
        ("Ukraine charged Russia with aggression.", "charged", "ACCUSE", ("asserted", None)),
    ],
)
def test_a_deed_coded_at_a_charging_verb_is_alleged(analyse, text: str, cue: str, type_: str, expected: tuple) -> None:  # type: ignore[no-untyped-def,type-arg]
    from dragoman.events.extractor import Frame

    _, parsed, _, mentions = analyse(text, FRIDAY)
    frame = Frame(next(t for t in parsed if t.text == cue), type_, None, [], [])
    EventExtractor._modality(frame, mentions)
    assert (frame.status, frame.attributed_to.country if frame.attributed_to else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # rejecting a request or an offer refuses it; it does not deny that it was made
        ("The Ukrainian president rejected his army's request for more troops.", [("REJECT", "asserted", None)]),
        ("Raisi rejected the Russian request for drones.", [("REJECT", "asserted", None)]),
        (
            "Russia asked Iran for drones. Iran rejected the request.",
            [("REQUEST", "asserted", None), ("REJECT", "asserted", None)],
        ),
        # a report, a claim or a clause is what "reject" and "dismiss" deny
        ("Tehran rejected reports that Iran had sent missiles to Russia.", [("AID", "denied", "IRN")]),
        ("Iran rejected that it had sent drones to Russia.", [("AID", "denied", "IRN")]),
        (
            "Russia attacked Ukraine. Moscow has rejected such reports.",
            [("ASSAULT", "asserted", None), ("ASSAULT", "denied", "RUS")],
        ),
        # "deny" with an event as object still denies it
        ("Iran denied the attack on the tanker.", [("ASSAULT", "denied", "IRN")]),
    ],
)
def test_a_rejected_request_is_a_rejection_not_a_denial(extract, text: str, expected: list) -> None:  # type: ignore[no-untyped-def,type-arg]
    assert coded(extract(text)) == expected
