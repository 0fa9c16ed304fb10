"""Each form of a location in an event's clause, the actor that is not a place, the dateline
fallback and the namesake rule, on hand-written sentences with exact expected values."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dragoman.domain.records import Location

pytestmark = pytest.mark.slow

Locate = Callable[..., Location | None]


def _where(location: Location | None) -> tuple[object, ...] | None:
    if location is None:
        return None
    return (location.name, location.kind, location.country, location.precision, location.text, location.basis)


def test_in_a_city(locate: Locate) -> None:
    text = "Iranian and Russian officials met in Ashgabat."
    location = locate(text, "met", "CONSULT")
    assert _where(location) == ("Ashgabat", "city", "TKM", "exact", "in Ashgabat", "clause")
    assert location is not None
    assert (location.start, location.end) == (34, 45)
    assert text[location.start : location.end] == "in Ashgabat"
    assert (round(location.lat, 2), round(location.lon, 2)) == (37.95, 58.38)
    assert location.place_id == "geonames:162183"


def test_near_a_town(locate: Locate) -> None:
    location = locate("Ukrainian officials said Russian forces shelled villages near Donetsk.", "shelled")
    assert _where(location) == ("Donetsk", "city", "UKR", "near", "near Donetsk", "clause")
    assert location is not None
    assert [a["country"] for a in location.alternatives] == ["RUS"]


def test_outside_an_embassy_in_a_city(locate: Locate) -> None:
    location = locate("Protesters gathered outside the Iranian embassy in Kyiv.", "gathered", "PROTEST")
    assert _where(location) == ("Kyiv", "city", "UKR", "exact", "in Kyiv", "clause")


def test_a_city_that_came_under_attack(locate: Locate) -> None:
    location = locate("Kyiv came under attack from Russian drones.", "attack")
    assert _where(location) == ("Kyiv", "city", "UKR", "exact", "Kyiv", "clause")


def test_the_object_of_an_attack(locate: Locate) -> None:
    location = locate("Russian missiles struck Kharkiv on Tuesday.", "struck")
    assert _where(location) == ("Kharkiv", "city", "UKR", "exact", "Kharkiv", "clause")


def test_a_passive_subject(locate: Locate) -> None:
    location = locate("Kharkiv was shelled by Russian artillery.", "shelled")
    assert _where(location) == ("Kharkiv", "city", "UKR", "exact", "Kharkiv", "clause")


def test_a_visit_to_a_capital(locate: Locate) -> None:
    location = locate("Putin visited Tehran in July.", "visited", "CONSULT")
    assert _where(location) == ("Tehran", "city", "IRN", "exact", "Tehran", "clause")


def test_a_phrase_of_direction(locate: Locate) -> None:
    location = locate("Heavy fighting continued north of Kharkiv.", "fighting")
    assert _where(location) == ("Kharkiv", "city", "UKR", "near", "north of Kharkiv", "clause")


def test_a_sea_and_a_facility(locate: Locate) -> None:
    sea = locate("Houthi forces fired missiles at a tanker in the Red Sea.", "fired")
    assert _where(sea) == ("Red Sea", "sea", None, "area", "in the Red Sea", "clause")
    plant = locate("A drone struck the Zaporizhzhia nuclear power plant.", "struck")
    assert _where(plant) == (
        "Zaporizhzhia Nuclear Power Plant", "facility", "UKR", "exact", "Zaporizhzhia nuclear power plant", "clause",
    )  # fmt: skip


def test_a_disputed_region(locate: Locate) -> None:
    location = locate("Israel continued its strikes on Gaza.", "strikes")
    assert _where(location) == ("Gaza Strip", "region", "PSE", "area", "on Gaza", "clause")


def test_a_capital_as_actor_is_not_a_place(locate: Locate) -> None:
    assert locate("Tehran said the sanctions were illegal.", "said", "ACCUSE") is None


def test_a_country_object_of_a_sanction_is_a_recipient_not_a_place(locate: Locate) -> None:
    assert locate("The United States sanctioned Iran.", "sanctioned", "SANCTION") is None


def test_the_most_specific_place_in_the_clause_wins(locate: Locate) -> None:
    location = locate("Russian forces struck a power station in Odesa in southern Ukraine.", "struck")
    assert _where(location) == ("Odesa", "city", "UKR", "exact", "in Odesa", "clause")


def test_a_dateline_is_the_fallback_and_marked_so(locate: Locate) -> None:
    location = locate("KYIV (Wire) - Officials from both governments met to discuss grain.", "met", "CONSULT")
    assert _where(location) == ("Kyiv", "city", "UKR", "exact", "KYIV", "dateline")
    assert location is not None
    assert (location.start, location.end) == (0, 4)


def test_no_place_and_no_dateline_leaves_no_location(locate: Locate) -> None:
    assert locate("Officials from both governments met to discuss grain.", "met", "CONSULT") is None


def test_a_qualifier_after_a_comma_picks_the_namesake(locate: Locate) -> None:
    location = locate("Police arrested protesters in Paris, Texas.", "arrested", "COERCE")
    assert _where(location) == ("Paris", "city", "USA", "exact", "in Paris", "clause")
    assert location is not None
    assert location.alternatives[0]["country"] == "FRA"


def test_without_a_qualifier_population_decides_and_alternatives_are_kept(locate: Locate) -> None:
    location = locate("Officials met in Paris.", "met", "CONSULT")
    assert _where(location) == ("Paris", "city", "FRA", "exact", "in Paris", "clause")
    assert location is not None
    assert location.alternatives[0]["country"] == "USA"


def test_the_documents_countries_pick_georgia(locate: Locate) -> None:
    american = locate("The governor visited Atlanta. Then Biden travelled to Georgia.", "travelled", "CONSULT")
    assert _where(american) == ("Georgia", "region", "USA", "area", "to Georgia", "clause")
    caucasian = locate("Russia and Armenia argued. Then Putin travelled to Georgia.", "travelled", "CONSULT")
    assert _where(caucasian) == ("Georgia", "country", "GEO", "country", "to Georgia", "clause")


def test_each_listed_day_takes_the_place_written_nearest_it(locate: Locate) -> None:
    text = "Lukashenko met Aliyev in Baku on May 3, 2021, in Minsk on June 9, 2021 and in Astana on October 1, 2021."
    places = [locate(text, "met", "CONSULT", day) for day in ("2021-05-03", "2021-06-09", "2021-10-01")]
    assert [(p.name, p.country, p.text) if p else None for p in places] == [
        ("Baku", "AZE", "in Baku"), ("Minsk", "BLR", "in Minsk"), ("Astana", "KAZ", "in Astana"),
    ]  # fmt: skip


def test_a_date_is_not_a_place(locate: Locate) -> None:
    assert locate("Iran abstained in the vote on March 2.", "abstained", "REJECT") is None


def test_a_word_of_a_persons_name_is_not_a_place(locate: Locate) -> None:
    assert locate("Bolivia barred the lawyer Juan Mendoza from leaving the country.", "barred", "COERCE") is None


def test_a_capital_that_is_the_recipient_of_a_claim_is_not_its_place(locate: Locate) -> None:
    assert locate("Zarif criticised Moscow for stalling the talks.", "criticised", "ACCUSE") is None


def test_a_sanction_on_a_country_is_not_located_there(locate: Locate) -> None:
    assert locate("Canada imposed new sanctions on Belarus.", "imposed", "SANCTION") is None


def test_a_place_inside_a_purpose_phrase_is_not_the_events(locate: Locate) -> None:
    assert locate("Iran supplied drones to Russia for use in Ukraine.", "supplied", "AID") is None


def test_a_repeated_trigger_is_the_one_whose_subject_names_the_actors(analyse, gazetteer) -> None:  # type: ignore[no-untyped-def]
    from dragoman.domain.records import ActorRef, EventMention
    from dragoman.places.locator import EventLocator

    text = "Turkish diplomats visited Baku, and Azerbaijani diplomats visited Ankara."
    document, parsed, sentences, mentions = analyse(text)
    azerbaijan = next(m.actor for m in mentions if m.actor is not None and m.actor.actor_id == "AZE")
    assert isinstance(azerbaijan, ActorRef)
    event = EventMention(
        id="e2", doc_id=document.doc_id, sentence_index=0, type="CONSULT", quad=1, actors=[azerbaijan],
        recipients=[], sentence=text, start=0, end=len(text), extractor="test", confidence=1.0, trigger="visited",
    )  # fmt: skip
    EventLocator(gazetteer).locate(document, parsed, mentions, [event])
    assert _where(event.location) == ("Ankara", "city", "TUR", "exact", "Ankara", "clause")


def test_the_town_of_a_name(locate: Locate) -> None:
    assert _where(locate("Russian troops shelled the town of Bakhmut.", "shelled")) == (
        "Bakhmut", "city", "UKR", "exact", "Bakhmut", "clause",
    )  # fmt: skip
    assert _where(locate("Israeli aircraft struck targets in the city of Khan Younis.", "struck")) == (
        "Khān Yūnis", "city", "PSE", "exact", "in the city of Khan Younis", "clause",
    )  # fmt: skip


def test_a_place_as_possessor_of_the_preposition_object(locate: Locate) -> None:
    location = locate("Russian drones hit homes in Kharkiv's northern districts.", "hit")
    assert _where(location) == ("Kharkiv", "city", "UKR", "exact", "in Kharkiv", "clause")


def test_a_place_inside_the_partner_phrase_of_a_meeting(locate: Locate) -> None:
    text = "The Iranian foreign minister held talks with his Turkish counterpart in Istanbul."
    assert _where(locate(text, "held", "CONSULT")) == ("Istanbul", "city", "TUR", "exact", "in Istanbul", "clause")
    # not for a sanction: the partner of a measure is no place
    assert locate("Britain imposed sanctions together with officials in Kyiv.", "imposed", "SANCTION") is None


def test_the_event_noun_that_is_the_subject(locate: Locate) -> None:
    location = locate("Russian shelling near Kramatorsk killed four people.", "killed")
    assert _where(location) == ("Kramatorsk", "city", "UKR", "near", "near Kramatorsk", "clause")
    location = locate("An Israeli airstrike destroyed a house in Khan Younis.", "airstrike")
    assert _where(location) == ("Khān Yūnis", "city", "PSE", "exact", "in Khan Younis", "clause")


def test_a_delivery_to_a_port_and_to_a_country(locate: Locate) -> None:
    location = locate("A Chinese freighter delivered fertiliser to the port of Mombasa.", "delivered", "AID")
    assert _where(location) == ("Mombasa", "city", "KEN", "exact", "to the port of Mombasa", "clause")
    assert locate("Iran delivered drones to Russia.", "delivered", "AID") is None


def test_a_journey_before_the_meeting(locate: Locate) -> None:
    location = locate("The Iraqi prime minister flew to Ankara to meet Turkish officials.", "meet", "CONSULT")
    assert _where(location) == ("Ankara", "city", "TUR", "exact", "to Ankara", "clause")
    location = locate("The Saudi minister arrived in Amman for talks with Jordanian officials.", "talks", "CONSULT")
    assert _where(location) == ("Amman", "city", "JOR", "exact", "in Amman", "clause")


def test_a_place_beside_the_object_of_an_attack(locate: Locate) -> None:
    location = locate("Russian forces killed dozens of fighters near Avdiivka.", "killed")
    assert _where(location) == ("Avdiyivka", "city", "UKR", "near", "near Avdiivka", "clause")


def test_a_small_town(locate: Locate) -> None:
    location = locate("Russian forces shelled Ukrainian positions near Siversk.", "shelled")
    assert _where(location) == ("Siversk", "city", "UKR", "near", "near Siversk", "clause")
