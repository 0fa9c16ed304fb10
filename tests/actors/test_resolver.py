"""Resolution of names, metonyms, titles, short references and pronouns (model tests)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dragoman.actors.resolver import NAME, VERSION
from dragoman.domain.records import Mention
from tests.actors.conftest import actor_of, find

pytestmark = pytest.mark.slow
Resolve = Callable[..., list[Mention]]


def test_title_phrase_resolves_by_date(resolve: Resolve) -> None:
    text = "The Iranian president flew to Beijing for talks on trade."
    assert actor_of(resolve(text, "2020-06-01"), "Iranian president") == "hassan-rouhani"
    assert actor_of(resolve(text, "2022-06-01"), "Iranian president") == "ebrahim-raisi"


def test_bare_surname_and_role_at_date(resolve: Resolve) -> None:
    text = "Putin chaired a cabinet meeting about the war in the Caucasus."
    mention = find(resolve(text, "1999"), "Putin")[0]
    assert mention.actor is not None and mention.actor.role == "Prime Minister of Russia"
    mention = find(resolve(text, "2023-05"), "Putin")[0]
    assert mention.actor is not None and mention.actor.role == "President of Russia"
    assert mention.component == f"{NAME}@{VERSION}"


def test_names_the_ner_gets_wrong(resolve: Resolve) -> None:
    text = (
        "Raisi received Lavrov on Tuesday. Amir-Abdollahian’s aides said the JCPOA talks would go on, "
        "and Crimea was not on the agenda."
    )
    mentions = resolve(text, "2022-03-01")
    assert actor_of(mentions, "Raisi") == "ebrahim-raisi"
    assert actor_of(mentions, "Lavrov") == "sergey-lavrov"
    assert actor_of(mentions, "Amir-Abdollahian") == "hossein-amir-abdollahian"
    assert actor_of(mentions, "JCPOA") == "jcpoa"
    assert actor_of(mentions, "Crimea") == "crimea"


def test_metonyms_and_places(resolve: Resolve) -> None:
    mentions = resolve(
        "The Kremlin rejected the offer, while Tehran welcomed it. Officials met in Moscow.", "2022-01-10"
    )
    kremlin = find(mentions, "Kremlin")[0]
    assert kremlin.actor is not None and kremlin.actor.country == "RUS" and kremlin.actor.sector == "GOV"
    tehran = find(mentions, "Tehran")[0]
    assert tehran.method == "metonym" and tehran.actor is not None and tehran.actor.actor_id == "IRN"
    moscow = find(mentions, "Moscow")[0]
    assert moscow.method == "location" and moscow.actor is not None and moscow.actor.country == "RUS"


def test_title_phrases(resolve: Resolve) -> None:
    text = (
        "Iran's foreign minister spoke to the press. The Iranian Foreign Ministry issued a note. "
        "The Russian President answered, and the Supreme Leader kept silent."
    )
    mentions = resolve(text, "2022-03-15")
    assert actor_of(mentions, "Iran's foreign minister") == "hossein-amir-abdollahian"
    assert actor_of(mentions, "Iranian Foreign Ministry") == "IRN.foreign-ministry"
    assert actor_of(mentions, "Russian President") == "vladimir-putin"
    assert actor_of(mentions, "Supreme Leader") == "ali-khamenei"
    leader = find(mentions, "Supreme Leader")[0]
    assert leader.actor is not None and leader.actor.role == "Supreme Leader of Iran"


def test_title_with_known_name(resolve: Resolve) -> None:
    mentions = resolve("Russian Foreign Minister Sergei Lavrov arrived in Ankara.", "2021-11-02")
    mention = find(mentions, "Russian Foreign Minister Sergei Lavrov")[0]
    assert mention.method == "title" and mention.actor is not None
    assert mention.actor.actor_id == "sergey-lavrov" and mention.actor.role == "Foreign Minister of Russia"


def test_unknown_person_with_title(resolve: Resolve) -> None:
    text = "Iranian Foreign Ministry spokesman Dariush Nowrouzi-Example told reporters the visit was useful."
    mentions = resolve(text, "2023-02-01")
    titled = [m for m in mentions if m.method == "title"]
    assert titled, [m.text for m in mentions]
    actor = titled[0].actor
    assert actor is not None and actor.actor_id is None
    assert actor.country == "IRN" and actor.sector == "GOV" and actor.kind == "person"
    assert "Nowrouzi" in actor.name


def test_unresolved_entity_is_kept(resolve: Resolve) -> None:
    mentions = resolve("A statement from the Zarvanian Institute for Maritime Studies was read aloud.")
    kept = [m for m in mentions if "Zarvanian" in m.text]
    assert kept and kept[0].actor is None and kept[0].label == "ORG"


def test_short_references_to_named_people(resolve: Resolve) -> None:
    text = (
        "President Ebrahim Raisi met Vladimir Putin in Tehran. "
        "Later the president told state media that Raisi would visit Moscow again."
    )
    mentions = resolve(text, "2022-07-19")
    assert actor_of(mentions, "president") == "ebrahim-raisi"
    assert actor_of(mentions, "Raisi") == "ebrahim-raisi"


def test_pronoun_and_two_countries(resolve: Resolve) -> None:
    text = (
        "Russia and Iran signed a transport deal on Monday. Lavrov said he expected more trade "
        "between the two countries."
    )
    mentions = resolve(text, "2023-05-17")
    he = find(mentions, "he")
    assert he and he[0].method == "pronoun" and he[0].actor is not None
    assert he[0].actor.actor_id == "sergey-lavrov"
    plural = find(mentions, "the two countries")
    assert {m.actor.actor_id for m in plural if m.actor} == {"RUS", "IRN"}
    assert all(m.method == "plural-ref" for m in plural) and len(plural) == 2


def test_the_two_ministers_are_the_last_two_people_named(resolve: Resolve) -> None:
    """In the next paragraph too; not when the two were named further back."""
    text = (
        "Sergei Lavrov met Hossein Amir-Abdollahian in Moscow on Tuesday.\n\n"
        "The two ministers discussed trade and the nuclear talks."
    )
    plural = find(resolve(text, "2022-03-16"), "The two ministers")
    assert [(m.actor.actor_id if m.actor else None, m.method) for m in plural] == [
        ("sergey-lavrov", "plural-ref"),
        ("hossein-amir-abdollahian", "plural-ref"),
    ]
    far = "Sergei Lavrov met Hossein Amir-Abdollahian.\n\nTrade grew.\n\nTalks stalled.\n\nThe two ministers left."
    assert not [m for m in find(resolve(far, "2022-03-16"), "The two ministers") if m.actor is not None]


def test_pronoun_stays_in_its_paragraph(resolve: Resolve) -> None:
    mentions = resolve("Lavrov flew home.\n\nHe was not named in the second paragraph.", "2023-01-01")
    assert not find(mentions, "He")


def test_furniture_mentions_are_returned(resolve: Resolve) -> None:
    text = "Follow TASS on social media.\n\nIran and Russia agreed on gas prices."
    mentions = resolve(text, "2023-01-01", furniture=[(0, 28, "social")])
    assert actor_of(mentions, "TASS") == "tass"


def test_offsets_read_back(resolve: Resolve) -> None:
    text = "On Friday, Iran’s Supreme Leader Ayatollah Ali Khamenei received Russian envoys in Tehran."
    for mention in resolve(text, "2022-01-01"):
        assert text[mention.start : mention.end] == mention.text


def test_other_person_with_a_known_surname_is_not_guessed(resolve: Resolve) -> None:
    mentions = resolve("Maria Putin, a schoolteacher from Omsk, wrote a letter. Mr. Putin replied.", "2021-01-01")
    assert actor_of(mentions, "Maria Putin") is None
    assert actor_of(mentions, "Putin") == "vladimir-putin"


def test_curly_apostrophe_and_place_before_a_person(resolve: Resolve) -> None:
    mentions = resolve("Moscow recognised the Donetsk People’s Republic in February.", "2022-03-01")
    assert actor_of(mentions, "Donetsk People’s Republic") == "XDP"


def test_portfolio_and_right_hand_country(resolve: Resolve) -> None:
    mentions = resolve(
        "The Kenyan Minister of Mining Amina Example-Name toured the port. "
        "President of Russia Vladimir Putin sent a message.",
        "2022-08-01",
    )
    titled = [m for m in mentions if m.method == "title"]
    unknown = [m.actor for m in titled if m.actor is not None and m.actor.actor_id is None]
    assert unknown and unknown[0].country == "KEN" and unknown[0].role == "Minister of Mining of Kenya"
    assert any(m.actor is not None and m.actor.actor_id == "vladimir-putin" for m in titled)


def test_possessive_form_of_a_national_institution(resolve: Resolve) -> None:
    mentions = resolve("Russia's Security Council met while the Security Council in New York adjourned.", "2022-08-01")
    assert actor_of(mentions, "Russia's Security Council") == "RUS.security-council"
    assert actor_of(mentions, "Security Council") == "UNSC"


def test_its_forces_are_the_last_named_states_forces(resolve: Resolve) -> None:
    """ "Its troops", "the country's navy": a body of the last state named in the paragraph;
    with no state named there, nothing is guessed."""
    mentions = resolve("Chile said its troops had crossed into Bolivia.", "2021-05-10")
    assert actor_of(mentions, "its troops") == "CHL.military"
    mentions = resolve("Norway announced that the country's navy would patrol the fjords.", "2021-05-10")
    assert actor_of(mentions, "the country's navy") == "NOR.navy"
    mentions = resolve("Peru voted yes.\n\nThe firm said its army of lawyers was ready.", "2021-05-10")
    assert find(mentions, "its army") == []


def test_the_two_states_are_not_the_ones_acting_on_them(resolve: Resolve) -> None:
    text = "Russian–Iranian arms cooperation grew, so Britain and the EU imposed new sanctions on the two states."
    mentions = resolve(text, "2022-12-01")
    plural = sorted(str(m.actor.actor_id) for m in mentions if m.method == "plural-ref" and m.actor)
    assert plural == ["IRN", "RUS"]


def test_former_and_posted_titles(resolve: Resolve) -> None:
    mentions = resolve("Iran’s then-Ambassador to Moscow Mehdi Sanaei said the region should settle its own disputes.")
    [envoy] = [m for m in mentions if "Sanaei" in m.text]
    assert envoy.actor is not None and envoy.actor.country == "IRN" and envoy.actor.sector == "GOV"
    mentions = resolve("Russia’s former foreign minister spoke at the forum.", "2022-05-01")
    [former] = [m for m in mentions if "minister" in m.text]
    assert former.actor is not None and former.actor.country == "RUS" and former.actor.actor_id != "sergey-lavrov"


def test_a_surname_names_the_person_named_in_full_before_or_after_it(resolve: Resolve) -> None:
    text = (
        "Hendry Vows Tariff Relief for Farmers\n\n"
        "Canadian Foreign Minister Paul Hendry promised on Tuesday to cut fees on grain exports. "
        "Hendry said the plan would be ready by May."
    )
    mentions = resolve(text, "2022-05-03")
    surnames = find(mentions, "Hendry")
    assert len(surnames) == 2
    assert all(m.method == "short-name" and m.actor is not None for m in surnames)
    assert {(m.actor.name, m.actor.country) for m in surnames if m.actor is not None} == {("Paul Hendry", "CAN")}
    assert [m.mention_id for m in mentions] == [f"t:m{i}" for i in range(len(mentions))]


def test_a_first_name_of_another_person_keeps_the_surname_apart(resolve: Resolve) -> None:
    mentions = resolve("Canadian Foreign Minister Paul Hendry met Ruth Hendry, a painter, in Ottawa.", "2022-05-03")
    assert actor_of(mentions, "Ruth Hendry") is None


def test_a_country_after_the_name_scopes_the_title(resolve: Resolve) -> None:
    mentions = resolve("Foreign Minister Paul Hendry of Canada rejected the claims on Monday.", "2022-05-03")
    titled = find(mentions, "Foreign Minister Paul Hendry of Canada")
    assert titled and titled[0].actor is not None and titled[0].actor.country == "CAN"
    assert not find(mentions, "Canada")


def test_a_surname_that_is_also_a_month_is_not_the_person(resolve: Resolve) -> None:
    mentions = resolve("Canadian Foreign Minister Anna May met farmers in May 2019.", "2019-06-01")
    named = [m.text for m in mentions if m.actor is not None and m.actor.name == "Anna May"]
    assert named == ["Canadian Foreign Minister Anna May"]  # not the month
