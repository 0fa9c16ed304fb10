"""Each construction and status on hand-written sentences, through the real parse and resolver."""

from __future__ import annotations

import pytest

from dragoman.domain.records import EventMention
from dragoman.events import EventExtractor
from dragoman.events.merge import merge_events

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def extract(analyse):  # type: ignore[no-untyped-def]
    extractor = EventExtractor()

    def run(text: str, published: str = "2022-11-15", doc_id: str = "t", furniture=None) -> list[EventMention]:  # type: ignore[no-untyped-def]
        return extractor.extract(*analyse(text, published, doc_id, furniture))

    return run


def names(actors: list) -> list[str]:  # type: ignore[type-arg]
    return [a.country or a.name for a in actors]


def parties(events: list[EventMention]) -> list[tuple[str, list[str], list[str]]]:
    """(type, actors, recipients) per event, in the order of the text."""
    return [(e.type, names(e.actors), names(e.recipients)) for e in events]


def only(events: list[EventMention], type_: str) -> EventMention:
    found = [e for e in events if e.type == type_]
    assert len(found) == 1, parties(events)
    return found[0]


def test_nominal_visit_with_metonym(extract) -> None:  # type: ignore[no-untyped-def]
    event = only(extract("Putin's visit to Tehran on July 19 drew wide coverage."), "CONSULT")
    assert names(event.actors) == ["RUS"] and names(event.recipients) == ["IRN"]
    assert event.actors[0].kind == "person" and event.date == "2022-07-19" and event.mode == "visit"


def test_hyphenated_meeting_makes_all_participants_actors(extract) -> None:  # type: ignore[no-untyped-def]
    event = only(extract("The Putin-Khamenei meeting lasted two hours."), "CONSULT")
    assert sorted(names(event.actors)) == ["IRN", "RUS"]


def test_coordinated_visitors_are_one_event(extract) -> None:  # type: ignore[no-untyped-def]
    event = only(extract("Lavrov, Patrushev and Levitin have visited Iran this year."), "CONSULT")
    assert len(event.actors) == 3 and names(event.recipients) == ["IRN"]


def test_deal_and_supply_nouns(extract) -> None:  # type: ignore[no-untyped-def]
    deal = only(extract("Russia and Iran signed a $40 billion energy deal in July."), "AGREE")
    assert sorted(names(deal.actors)) == ["IRN", "RUS"] and deal.date == "2022-07"
    supply = only(extract("Iran's supply of drones to Russia angered Kyiv."), "AID")
    assert names(supply.actors) == ["IRN"] and names(supply.recipients) == ["RUS"] and supply.mode == "military"


def test_passive_and_further_sanctions(extract) -> None:  # type: ignore[no-untyped-def]
    passive = only(extract("Iran was sanctioned by the United Kingdom last month."), "SANCTION")
    assert names(passive.actors) == ["GBR"] and names(passive.recipients) == ["IRN"] and passive.date == "2022-10"
    further = only(extract("The EU imposed further sanctions on Iran in October."), "SANCTION")
    assert further.actors[0].org == "EU" or further.actors[0].actor_id == "EU"
    assert names(further.recipients) == ["IRN"]


def test_title_apposition_and_call(extract) -> None:  # type: ignore[no-untyped-def]
    event = only(
        extract("Russian President Vladimir Putin called his Iranian counterpart Ebrahim Raisi on February 24."),
        "CONSULT",
    )
    assert event.actors[0].name == "Vladimir Putin" and [a.name for a in event.recipients] == ["Ebrahim Raisi"]
    assert event.date == "2022-02-24" and event.mode == "phone"


def test_pronoun_and_the_two_countries(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("Raisi arrived in Moscow on Tuesday. He met Putin at the Kremlin.")
    met = [e for e in events if e.trigger == "met"]
    assert met and met[0].actors[0].name == "Ebrahim Raisi"
    pair = extract("Iran and Russia share a long border. The two countries signed a rail agreement.")
    assert sorted(names(only(pair, "AGREE").actors)) == ["IRN", "RUS"]


def test_statuses(extract) -> None:  # type: ignore[no-untyped-def]
    denied = only(extract("Tehran denies providing drones to Moscow for the war."), "AID")
    assert denied.status == "denied" and denied.attributed_to and denied.attributed_to.country == "IRN"
    alleged = only(extract("Some US media outlets allege that Iran has supplied drones to Russia."), "AID")
    assert alleged.status == "alleged" and alleged.attributed_to and alleged.attributed_to.country == "USA"
    reported = only(extract("Iran reportedly shipped ammunition to Russia."), "AID")
    assert reported.status == "alleged"
    hypothetical = extract("If Iran sent missiles, Ukraine would cut ties with Tehran.")
    assert hypothetical and {e.status for e in hypothetical} == {"hypothetical"}
    chain = extract("Iran shipped shells to Russia, officials say. Tehran has denied such reports.")
    assert [e.status for e in chain if e.type == "AID"][-1] == "denied"


def test_negation_is_not_an_event_and_promise_is_agree(extract) -> None:  # type: ignore[no-untyped-def]
    assert [e for e in extract("Iran did not send drones to Russia.") if e.type == "AID"] == []
    planned = only(extract("Raisi will visit Moscow in January."), "CONSULT")
    assert (planned.status, planned.date, planned.date_basis) == ("hypothetical", "2023-01", "text")
    promise = only(extract("Russia pledged to supply wheat to Iran."), "AGREE")
    assert promise.status == "asserted" and promise.mode == "promise"


def test_negation_reaches_complements_and_nouns(extract) -> None:  # type: ignore[no-untyped-def]
    refused = extract("The Kremlin refused to condemn the strike on the embassy.")
    assert [e.type for e in refused] == ["REJECT"]
    assert extract("No meeting between Lavrov and his Iranian colleague took place in May.") == []
    assert extract("Moscow did not want to impose sanctions on Tehran.") == []
    assert extract("The trade war between China and the United States went on.") == []
    assert extract("Tehran refrained from arming Moscow and eschewed endorsing its claims.") == []
    hesitant = "Peru's abstention shows the balance between its ties with Chile and its hesitancy to endorse claims."
    assert extract(hesitant) == []
    [denial] = extract("Iran, unlike Belarus, has denied sending drones to Russia.")
    assert denial.status == "denied" and names(denial.actors) == ["IRN"]


def test_a_cease_fire_is_no_shooting(extract) -> None:  # type: ignore[no-untyped-def]
    """ "fire" is an attack noun, but not under "cease"."""
    events = extract("Norway brokered a cease-fire between Sudan and South Sudan on Monday.")
    assert [e.type for e in events if e.type == "ASSAULT"] == []
    assert [e.type for e in extract("Sudan and South Sudan exchanged fire on Monday.")] == ["ASSAULT"]


@pytest.mark.parametrize(
    "text",
    [
        "Two Peruvian officers have been charged with the murder of a farmer.",
        "Two Peruvian officers were accused of torturing a farmer.",
        "Two Peruvian officers charged with kidnapping a farmer appeared in court on Monday.",
        "Two Peruvian officers were suspended after being accused of torturing a farmer.",
    ],
)
def test_the_deed_of_a_charge_is_alleged_of_the_accused(extract, text: str) -> None:  # type: ignore[no-untyped-def]
    """ "charged with murder", "accused of torturing": the deed is coded as an assault, alleged, done
    by the accused (the passive subject, the noun a reduced clause hangs on, or the subject the
    accusation's clause shares)."""
    event = only(extract(text), "ASSAULT")
    assert (event.status, names(event.actors), event.attributed_to) == ("alleged", ["PER"], None)


@pytest.mark.parametrize(
    "text",
    [
        "A court in Lima convicted two Peruvian officers of torturing a farmer.",
        "Two Peruvian officers were found guilty of torturing a farmer.",
        "Two Peruvian officers were sentenced on Friday for torturing a farmer.",
    ],
)
def test_the_deed_of_a_verdict_is_the_convicted_ones_and_asserted(extract, text: str) -> None:  # type: ignore[no-untyped-def]
    """ "convicted of", "found guilty of", "sentenced for": the court found the deed done, by the convicted."""
    event = only(extract(text), "ASSAULT")
    assert (event.status, names(event.actors)) == ("asserted", ["PER"])


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Ecuador said two Peruvian officers were behind the killing of a farmer.", "asserted"),
        ("Two Peruvian officers were responsible for the killing of a farmer.", "asserted"),
        ("The killing of the farmer was the work of two Peruvian officers.", "asserted"),
        ("A Peruvian rebel group claimed responsibility for the killing of a farmer.", "alleged"),
        ("Ecuador blamed two Peruvian officers for the killing of a farmer.", "alleged"),
    ],
)
def test_the_deed_laid_to_someone_is_theirs(extract, text: str, status: str) -> None:  # type: ignore[no-untyped-def]
    """ "X was behind D", "X was responsible for D", "D was the work of X", "X claimed
    responsibility for D", "Y blamed X for D": X did D (claimed or blamed: alleged)."""
    event = only(extract(text), "ASSAULT")
    assert (event.status, names(event.actors)) == (status, ["PER"])


@pytest.mark.parametrize(
    "text",
    [
        "During Peru's shelling of Quito in May, Ecuador blamed Chile for the shortages.",
        "During Peru's shelling of Quito in May, Ecuador accused Chile of hoarding fuel.",
    ],
)
def test_a_setting_before_an_accusation_is_not_what_is_alleged(extract, text: str) -> None:  # type: ignore[no-untyped-def]
    events = extract(text)
    assert [(e.type, e.status) for e in events if e.type == "ASSAULT"] == [("ASSAULT", "asserted")]


def test_the_maker_of_the_subject_takes_no_part(extract) -> None:  # type: ignore[no-untyped-def]
    """ "Iranian-made drones struck Odesa": no attack by Iran; "US-led forces attacked": the US did."""
    assert all("IRN" not in names(e.actors) for e in extract("Iranian-made drones struck power stations in Odesa."))
    led = only(extract("US-led forces attacked Taliban positions in Helmand."), "ASSAULT")
    assert names(led.actors) == ["USA"]


@pytest.mark.parametrize(
    "text",
    [
        "Russia fired Iranian missiles at Kyiv in October.",
        "Russia used Iranian drones against Ukrainian cities in October.",
        "Iran sold Russia the drones that Russian forces used against Ukrainian power plants.",
    ],
)
def test_weapons_fired_or_used_against_someone_are_an_attack_on_them(extract, text: str) -> None:  # type: ignore[no-untyped-def]
    """The weapons' origin is no target ("Iranian missiles"); who they are fired or used against is."""
    event = only(extract(text), "ASSAULT")
    assert (names(event.actors), names(event.recipients)) == (["RUS"], ["UKR"])


def test_weapons_used_for_something_else_are_no_attack(extract) -> None:  # type: ignore[no-untyped-def]
    assert [e.type for e in extract("Russia used drones for surveillance over the Black Sea.")] == []


def test_a_bill_is_no_charge(extract) -> None:  # type: ignore[no-untyped-def]
    """ "for" brings in the deed after "blamed", not after "charged": the supplying is no one's alleged deed."""
    assert [e for e in extract("Russia charged Iran for supplying gas to Armenia.") if e.status == "alleged"] == []


def test_the_accuser_is_who_alleges_the_deed(extract) -> None:  # type: ignore[no-untyped-def]
    """With the doer known, "of" names the victim, as in "Russia's invasion of Ukraine"."""
    event = only(extract("Ecuador charged two Peruvian officers with the abduction of a Colombian farmer."), "ASSAULT")
    assert (event.status, names(event.actors), names(event.recipients), names([event.attributed_to])) == (
        "alleged",
        ["PER"],
        ["COL"],
        ["ECU"],
    )


def test_trade_between_two_states_is_cooperation(extract) -> None:  # type: ignore[no-untyped-def]
    event = only(extract("Customs figures put trade between Iran and Russia at $4 billion in 2022."), "COOPERATE")
    assert sorted(names(event.actors)) == ["IRN", "RUS"] and event.date == "2022"


def test_background_dated_to_its_own_years_and_furniture_skipped(extract) -> None:  # type: ignore[no-untyped-def]
    text = "Russia invaded Georgia in 2008.\n\nRelated: Iran attacked Iraq in 1980."
    events = extract(text, furniture=[(text.index("Related"), len(text), "related")])
    assert [(e.type, e.date) for e in events] == [("ASSAULT", "2008")]


def test_quiet_on_sport(extract) -> None:  # type: ignore[no-untyped-def]
    assert extract("Liverpool beat Arsenal 2-1 on Sunday as the striker scored twice.", "2005-03-01") == []


def test_merge_counts_one_event_once(extract) -> None:  # type: ignore[no-untyped-def]
    first = extract("The EU imposed sanctions on Iran on October 20.", doc_id="a")
    second = extract("On October 20 the EU imposed sanctions on Iran over drones.", doc_id="b")
    undated = extract("The EU imposed sanctions on Iran.", doc_id="c")
    events = merge_events(first + second + undated)
    merged = [e for e in events if e.n_mentions == 2]
    assert len(merged) == 1 and merged[0].n_documents == 2
    assert all(m.event_id for m in first + second)
    assert len(events) == 2


def test_listed_days_are_one_meeting_each(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Putin has met Raisi three times, in Ashgabat on June 29, in Tehran on July 19 "
        "and in Samarkand on September 15."
    )
    meetings = [e for e in extract(text, "2022-10-01") if e.type == "CONSULT"]
    assert [e.date for e in meetings] == ["2022-06-29", "2022-07-19", "2022-09-15"]
    assert len({e.id for e in meetings}) == 3
    later = extract("Lavrov met his Iranian colleague on March 15, two weeks after the talks of March 1.", "2022-04-01")
    assert [e.date for e in later if e.type == "CONSULT"] == ["2022-03-15"]


def test_speaking_needs_a_partner(extract) -> None:  # type: ignore[no-untyped-def]
    call = only(extract("Raisi and Putin spoke by phone on March 3."), "CONSULT")
    assert call.mode == "phone" and sorted(names(call.actors)) == ["IRN", "RUS"]
    assert extract("Raisi spoke at the UN General Assembly in September.") == []
    # one party, a named member inside it: no one to consult
    assert extract("Senior Chilean officials, including Boric, have often spoken about copper prices.") == []


def test_object_of_led_to_is_the_actor(extract) -> None:  # type: ignore[no-untyped-def]
    text = "The drone strikes led the Ukrainian government to expel the Iranian ambassador."
    expulsion = only(extract(text), "SANCTION")
    assert names(expulsion.actors) == ["UKR"] and names(expulsion.recipients) == ["IRN"] and expulsion.mode == "expel"


def test_came_under_attack_makes_the_subject_the_target(extract) -> None:  # type: ignore[no-untyped-def]
    text = "On October 10, Kyiv came under a heavy wave of Russian missile attacks."
    attack = only(extract(text), "ASSAULT")
    assert names(attack.actors) == ["RUS"] and names(attack.recipients) == ["UKR"] and attack.date == "2022-10-10"


@pytest.mark.parametrize(
    ("text", "type_", "recipients"),
    [
        ("Hassan Rouhani criticized sanctions against Russia in a speech.", "ACCUSE", []),
        ("Tehran condemned the attack on Syria.", "ACCUSE", []),
        ("Tehran condemned Israel's strike on Damascus.", "ACCUSE", ["ISR"]),
        ("Moscow supported the United Nations sanctions on Iran in 2010.", "SUPPORT", ["United Nations"]),
        ("Sergei Lavrov criticised Ukraine on Monday.", "ACCUSE", ["UKR"]),
    ],
)
def test_a_stance_on_an_event_targets_its_agent_not_its_target(
    extract, text: str, type_: str, recipients: list[str]
) -> None:  # type: ignore[no-untyped-def]
    assert names(only(extract(text), type_).recipients) == recipients


@pytest.mark.parametrize(
    ("text", "type_", "recipients"),
    [
        ("Russia launched Iranian-made drones at Kyiv.", "ASSAULT", ["UKR"]),
        ("Iran backed the Turkish-backed government in Tripoli.", "SUPPORT", []),
        ("Russian forces attacked Ukrainian positions near Bakhmut.", "ASSAULT", ["UKR"]),
    ],
)
def test_a_name_before_a_hyphenated_participle_is_no_participant(
    extract, text: str, type_: str, recipients: list[str]
) -> None:  # type: ignore[no-untyped-def]
    assert names(only(extract(text), type_).recipients) == recipients


def test_a_place_before_an_event_noun_is_its_venue_not_a_party(extract) -> None:  # type: ignore[no-untyped-def]
    """ "The Geneva talks" were held in Geneva; Switzerland took no part. A seat of government
    stands for its state ("the Tehran-Moscow talks": Iran and Russia)."""
    assert extract("Chile hoped to win concessions in the Geneva talks on fishing rights.") == []
    event = only(extract("The Tehran-Moscow talks on gas prices ended on Monday."), "CONSULT")
    assert sorted(names(event.actors)) == ["IRN", "RUS"]


@pytest.mark.parametrize(
    ("text", "type_", "actors"),
    [
        ("India's rivals signed a pact with China.", "AGREE", []),
        ("Brazil's UN mission backed a Security Council resolution on Haiti.", "SUPPORT", ["BRA"]),
        ("Russia's foreign minister met his Iranian counterpart.", "CONSULT", ["RUS"]),
    ],
)
def test_who_the_subject_names(extract, text: str, type_: str, actors: list[str]) -> None:  # type: ignore[no-untyped-def]
    """The possessor of a noun of relation is not who acts ("India's rivals" are others); a name
    that only qualifies a possessed noun is no second actor ("Brazil's UN mission" is Brazil's)."""
    found = [e for e in extract(text) if e.type == type_]
    assert [names(e.actors) for e in found] == ([actors] if actors else [])


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        ("Syria-related American sanctions on Iran hurt trade.", ["USA"]),
        ("US-led strikes on Houthi positions resumed in January.", ["USA"]),
        ("A Turkish-backed offensive against Kurdish forces began in Syria.", None),
    ],
)
def test_a_name_before_a_hyphenated_participle_is_no_doer_save_a_leader(
    extract, text: str, actors: list[str] | None
) -> None:  # type: ignore[no-untyped-def]
    """ "Syria-related sanctions" are not Syria's; "US-led strikes" are the US's."""
    found = [names(e.actors) for e in extract(text) if e.type in {"SANCTION", "ASSAULT"}]
    assert found == ([actors] if actors else [])


@pytest.mark.parametrize(
    ("text", "consult"),
    [
        ("Putin received Raisi in the Kremlin.", [(["RUS"], ["IRN"])]),
        ("Kenya received a delegation from Ethiopia.", [(["KEN"], ["ETH"])]),
        ("Egypt received weapons from Russia.", []),
        ("Kenya received written assurances from Ethiopia on the dam.", []),
    ],
)
def test_a_verb_of_hosting_needs_a_guest(extract, text: str, consult: list[tuple[list[str], list[str]]]) -> None:  # type: ignore[no-untyped-def]
    """ "Received" is a meeting when a party is received, not a thing."""
    found = [(names(e.actors), names(e.recipients)) for e in extract(text) if e.type == "CONSULT"]
    assert found == consult


def test_welcoming_a_thing_is_support(extract) -> None:  # type: ignore[no-untyped-def]
    found = [
        (e.type, names(e.actors), names(e.recipients)) for e in extract("Kenya welcomed the decision of Ethiopia.")
    ]
    assert found == [("SUPPORT", ["KEN"], ["ETH"])]


def test_an_agreement_in_force_is_no_agreeing(extract) -> None:  # type: ignore[no-untyped-def]
    """ "Deals under the Kenya-Uganda Treaty of Friendship": the treaty was signed long before."""
    found = [e.type for e in extract("Kenya urged new deals under the Kenya-Uganda Treaty of Friendship.")]
    assert "AGREE" not in found
    signed = [
        (e.type, sorted(names(e.actors))) for e in extract("Chile and Peru signed a Treaty of Friendship in 1995.")
    ]
    assert signed == [("AGREE", ["CHL", "PER"])]


def test_who_faces_sanctions_is_their_target(extract) -> None:  # type: ignore[no-untyped-def]
    """ "Cuba has endured an embargo by the United States": the one after "by" imposed it; with
    no one named after "from" or "by" ("face Western sanctions"), no source is guessed."""
    found = [
        (e.type, names(e.actors), names(e.recipients))
        for e in extract("Cuba has endured an embargo by the United States.")
    ]
    assert found == [("SANCTION", ["USA"], ["CUB"])]
    assert extract("Both Chile and Peru face Western sanctions.") == []


def test_a_name_cut_off_before_a_dash_takes_part(extract) -> None:  # type: ignore[no-untyped-def]
    """A headline's parse hangs "Iran" apart from "Russia trade"; the dash joins them."""
    event = only(extract("Chile–Peru trade reaches $2 billion"), "COOPERATE")
    assert sorted(names(event.actors)) == ["CHL", "PER"]


def test_who_rejects_accusations_accuses_no_one(extract) -> None:  # type: ignore[no-untyped-def]
    """ "Rejected the accusations as baseless" denies what was alleged; the denier is no accuser."""
    assert [e for e in extract("Chile rejected the accusations as baseless.") if e.type == "ACCUSE"] == []


@pytest.mark.parametrize(
    ("text", "recipients"),
    [
        ("Kenya refused to recognize the Somali annexation of the border district.", ["SOM"]),
        ("Kenya refused to recognize Somalia's claim to the islands.", ["SOM"]),
        ("Egypt declined to meet the Ethiopian delegation.", ["ETH"]),
        ("Chile refused to receive the Peruvian envoy.", ["PER"]),
    ],
)
def test_a_refusal_is_aimed_at_whom_the_refused_deed_concerns(extract, text: str, recipients: list[str]) -> None:  # type: ignore[no-untyped-def]
    event = only(extract(text), "REJECT")
    assert names(event.recipients) == recipients


def test_what_an_event_noun_subject_was_aimed_at_is_the_target(extract) -> None:  # type: ignore[no-untyped-def]
    """ "An air strike by Turkey on a Syrian village hit a school": Syria was struck."""
    event = only(extract("An air strike by Turkey on a Syrian village hit a school."), "ASSAULT")
    assert names(event.actors) == ["TUR"] and names(event.recipients) == ["SYR"]
    assert extract("An attack on a UN convoy killed four people in Mali.") == []  # no doer named


@pytest.mark.parametrize(
    "text",
    [
        "Kenya's foreign ministry declined to comment on the report.",
        "A spokesman for Chile refused to say whether Chile had recalled its envoy.",
    ],
)
def test_declining_to_comment_is_no_refusal(extract, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [e for e in extract(text) if e.type == "REJECT"] == []


@pytest.mark.parametrize(
    ("text", "recipients"),
    [
        ("Brazil has long supported Indian entry into the Security Council.", ["IND"]),
        ("China backed Chile's bid for a seat on the Security Council.", ["CHL"]),
        ("Britain imposed sanctions on Iran.", ["IRN"]),  # an event noun keeps its target
    ],
)
def test_what_belongs_to_an_actor_has_that_actor_as_recipient(extract, text: str, recipients: list[str]) -> None:  # type: ignore[no-untyped-def]
    """ "supported Indian entry into the Council": India is supported, not the Council."""
    event = [e for e in extract(text) if e.type in {"SUPPORT", "SANCTION"}]
    assert len(event) == 1 and names(event[0].recipients) == recipients


@pytest.mark.parametrize(
    ("text", "type_", "recipients"),
    [
        ("Turkey backed Armenia against Azerbaijan.", "SUPPORT", ["ARM"]),
        ("Egypt backed the Government of National Accord against the Libyan National Army.", "SUPPORT", ["LBY"]),
        ("France imposed sanctions against Iran.", "SANCTION", ["IRN"]),
    ],
)
def test_the_other_side_of_a_cooperative_event_is_no_recipient(
    extract, text: str, type_: str, recipients: list[str]
) -> None:  # type: ignore[no-untyped-def]
    """ "backed X against Y": Y is the opponent; "sanctions against Y" still hit Y."""
    assert names(only(extract(text), type_).recipients) == recipients


@pytest.mark.parametrize(
    ("text", "type_", "recipients"),
    [
        # who is to do what is asked is whom it is asked of
        ("On March 5, Chile demanded the US provide guarantees on copper.", "REQUEST", ["USA"]),
        # what a relative clause says the event noun was aimed at
        ("US and EU sanctions that target Russia's central bank draw comparisons.", "SANCTION", ["RUS"]),
        # a state's own forces are what it acts with, not whom it acts on
        ("Russia withdrew its troops from Georgia.", "RETREAT", ["GEO"]),
        ("Russia withdrew Russian troops from Georgia.", "RETREAT", ["GEO"]),
    ],
)
def test_recipients_named_by_a_clause_or_left_out_as_the_doers_own(
    extract, text: str, type_: str, recipients: list[str]
) -> None:  # type: ignore[no-untyped-def]
    assert names(only(extract(text), type_).recipients) == recipients


def test_a_clause_on_the_subject_names_no_party(extract) -> None:  # type: ignore[no-untyped-def]
    """ "Air strikes that hit Yemen were condemned by Iran": Yemen was hit, not condemned."""
    assert (
        names(only(extract("Air strikes that hit Yemen on Monday were condemned by Iran."), "ACCUSE").recipients) == []
    )


def test_a_stance_on_an_event_told_before_is_aimed_at_its_doers(extract) -> None:  # type: ignore[no-untyped-def]
    """ "condemned the war": the war told before is Peru's; with none told, no one is guessed."""
    text = (
        "Peru invaded Bolivia on 3 March. Chile's senators condemned the war, and Chile refused to back the invasion."
    )
    found = [(e.type, names(e.actors), names(e.recipients)) for e in extract(text) if e.type in {"ACCUSE", "REJECT"}]
    assert found == [("ACCUSE", ["CHL"], ["PER"]), ("REJECT", ["CHL"], ["PER"])]
    assert names(only(extract("Chile condemned the attack."), "ACCUSE").recipients) == []
    # told only later in the text: the first such event told after the stance, in the text's order
    before = "Chile refused to back the invasion. Peru invaded Bolivia on 3 March."
    assert [(e.type, names(e.recipients)) for e in extract(before)] == [("REJECT", ["PER"]), ("ASSAULT", ["BOL"])]


def coded(events: list[EventMention]) -> list[tuple[str, list[str], list[str], str]]:
    return [(e.type, names(e.actors), names(e.recipients), e.status) for e in events]


def test_destroying_what_an_enemy_holds_is_an_assault(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("Sudan has used cheap drones to destroy Chadian bridges and fuel depots.")
    assert coded(events) == [("ASSAULT", ["SDN"], ["TCD"], "asserted")]


def test_a_gerund_after_by_takes_the_date_of_its_verb(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("In May 2021, Turkey signalled its ambitions by signing a trade deal with Azerbaijan.")
    assert [(e.type, e.date) for e in events] == [("AGREE", "2021-05")]


def test_a_gerund_after_in_takes_the_tense_of_its_verb(extract) -> None:  # type: ignore[no-untyped-def]
    # Published in October: a December the past tense speaks of is last year's, a future one this year's.
    past = extract("In December, Turkey joined Azerbaijan in signing a trade deal with Georgia.", "2022-10-20")
    future = extract("In December, Turkey will join Azerbaijan in signing a trade deal with Georgia.", "2022-10-20")
    assert [(e.type, e.date) for e in past] == [("AGREE", "2021-12")]
    assert [(e.type, e.date, e.status) for e in future] == [("AGREE", "2022-12", "hypothetical")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "By hosting the talks in Ankara and signing a trade deal with Azerbaijan, Turkey signalled its ambitions.",
            [("CONSULT", ["TUR"], [], "asserted"), ("AGREE", ["TUR"], ["AZE"], "asserted")],
        ),
        ("Chile has joined Peru in condemning Bolivia's decision.", [("ACCUSE", ["CHL"], ["BOL"], "asserted")]),
        # The clause the gerund shares gives it its status, and its negation.
        (
            "Officials in Lima hope that Chile will repay the debt by supplying Peru with grain.",
            [("AID", ["CHL"], ["PER"], "hypothetical")],
        ),
        ("Chile did not join Peru in condemning Bolivia's decision.", []),
        # "of" and "for" give the gerund to the object, not the subject.
        (
            "Russia accused Ukraine of shelling the plant.",
            [("ACCUSE", ["RUS"], ["UKR"], "asserted"), ("ASSAULT", ["UKR"], [], "alleged")],
        ),
    ],
)
def test_a_gerund_after_by_or_in_is_done_by_the_subject_of_its_verb(
    extract, text: str, expected: list[tuple[str, list[str], list[str], str]]
) -> None:  # type: ignore[no-untyped-def]
    assert coded(extract(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hossein Alaei, a former IRGC commander, urged Russia to honour the treaty.", ("REQUEST", ["IRN"], ["RUS"])),
        ("Iran, Russia's closest ally, sent drones to Syria.", ("AID", ["IRN"], ["SYR"])),
    ],
)
def test_a_named_subjects_descriptive_apposition_names_no_doer(
    extract, text: str, expected: tuple[str, list[str], list[str]]
) -> None:  # type: ignore[no-untyped-def]
    assert parties(extract(text)) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Protesters in Ankara mobilized in front of the French embassy.", "PROTEST"),
        ("Armenia mobilized its reservists on Monday.", "MOBILIZE"),
        ("Police in Yerevan mobilized to stop the march.", "MOBILIZE"),
    ],
)
def test_civilians_who_mobilise_protest(text: str, expected: str) -> None:
    """Through the whole pipeline, whose agents stage places the protesters and the police."""
    from dragoman.domain.records import Document
    from dragoman.pipeline.process import ProcessorConfig, cached_processor

    document = Document(
        doc_id="m", path="m.txt", text=text, content_hash="m", source_format="txt", meta={"genre": "analysis"}
    )
    (result,) = cached_processor(ProcessorConfig()).process([document])
    assert [e.type for e in result.events] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ankara released four Greek sailors on Friday.", [("CONCEDE", ["TUR"], ["GRC"])]),
        ("Ankara released the detainees on Friday.", [("CONCEDE", ["TUR"], [])]),
        ("Ankara released him on Friday.", [("CONCEDE", ["TUR"], [])]),
        ("Ankara released dozens of jailed students on Friday.", [("CONCEDE", ["TUR"], [])]),
        # a thing released is published, not freed
        ("Ankara released its yearly trade figures on Friday.", []),
        ("Ankara released drone images of the Greek islands on Friday.", []),
        ("Satellite images were released by Ankara on Friday.", []),
    ],
)
def test_release_frees_people_only(extract, text: str, expected: list) -> None:  # type: ignore[no-untyped-def,type-arg]
    assert parties(extract(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tehran admitted that it had sent drones to Moscow.", [("AID", ["IRN"], ["RUS"], "asserted")]),
        ("Moscow said it would deliver fighter jets to Tehran.", [("AID", ["RUS"], ["IRN"], "hypothetical")]),
        (
            "Iran opened a drone plant near Isfahan. It later shipped drones to Russia.",
            [("AID", ["IRN"], ["RUS"], "asserted")],
        ),
        # "they" after names coordinated in a subject: all of them; after one name: no one
        (
            "Egypt and Sudan held talks in Cairo. They agreed to reopen the border crossing.",
            [("CONSULT", ["EGY", "SDN"], [], "asserted"), ("AGREE", ["EGY", "SDN"], [], "asserted")],
        ),
        ("Egypt shelled Sudan in May. They also struck Khartoum.", [("ASSAULT", ["EGY"], ["SDN"], "asserted")]),
        # "it" of "it is unclear" stands for no one
        ("It is unclear whether Tehran shipped drones to Moscow.", [("AID", ["IRN"], ["RUS"], "hypothetical")]),
    ],
)
def test_it_as_subject_is_the_state_it_stands_for(extract, text: str, expected: list) -> None:  # type: ignore[no-untyped-def,type-arg]
    assert [(e.type, names(e.actors), names(e.recipients), e.status) for e in extract(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Venezuela bought forty attack drones from Tehran in 2021.", [("AID", ["IRN"], ["VEN"], "military")]),
        ("Venezuela received fighter jets from Moscow.", [("AID", ["RUS"], ["VEN"], "military")]),
        ("Venezuela obtained a loan from Beijing.", [("AID", ["CHN"], ["VEN"], "economic")]),
        ("Venezuelan purchases of Belarusian tanks rose in 2021.", [("AID", ["BLR"], ["VEN"], "military")]),
        # with no "from", the state qualifying the goods gives them; a maker does not say who sold
        ("Venezuela has acquired Belarusian tanks.", [("AID", ["BLR"], ["VEN"], "military")]),
        ("Venezuela has acquired Belarusian-made tanks.", []),
        ("Venezuela's purchase of fighter jets from Moscow was confirmed.", [("AID", ["RUS"], ["VEN"], "military")]),
        # a guest received is a visit; nothing bought is named, or nothing bought
        ("Venezuela received a delegation from Tehran.", [("CONSULT", ["VEN"], ["IRN"], "host")]),
        ("Venezuela did not buy drones from Tehran.", []),
    ],
)
def test_goods_got_from_someone_are_their_aid(extract, text: str, expected: list) -> None:  # type: ignore[no-untyped-def,type-arg]
    assert [(e.type, names(e.actors), names(e.recipients), e.mode) for e in extract(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The delivery of Belarusian tanks to Venezuela began in May.", [("AID", ["BLR"], ["VEN"])]),
        ("The transfer of fighter jets from Belarus to Venezuela began in May.", [("AID", ["BLR"], ["VEN"])]),
        # the maker of the goods does not say who delivers them
        ("The delivery of Belarusian-made tanks to Venezuela began in May.", []),
    ],
)
def test_the_giver_of_an_aid_noun(extract, text: str, expected: list) -> None:  # type: ignore[no-untyped-def,type-arg]
    assert parties(extract(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Turkey intensified its strikes on Syria.", [("ASSAULT", ["TUR"], ["SYR"])]),
        ("Egypt has deepened its cooperation with Sudan.", [("COOPERATE", ["EGY"], ["SDN"])]),
        # the holder of a place attacked is attacked
        ("Syria intensified its shelling of Turkish-held villages.", [("ASSAULT", ["SYR"], ["TUR"])]),
        # the owner of an arrest is who was arrested, not the subject
        ("A Greek court approved the extradition of a Turkish smuggler a week after his arrest.", []),
    ],
)
def test_an_event_noun_owned_by_a_pronoun_is_the_subjects(extract, text: str, expected: list) -> None:  # type: ignore[no-untyped-def,type-arg]
    assert parties(extract(text)) == expected


def test_thanks_and_praise_are_support(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("The Kenyan president thanked Uganda for its help and congratulated Tanzania on the vote.")
    assert parties(events) == [
        ("SUPPORT", ["KEN"], ["UGA"]),
        ("SUPPORT", ["KEN"], ["TZA"]),
    ]


def test_a_news_agency_credited_is_no_party(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("Kenyan president visits Kampala (AFP)\n\nAFP - The Kenyan president visited Uganda on Monday.")
    assert parties(events) == [
        ("CONSULT", ["KEN"], ["UGA"]),
        ("CONSULT", ["KEN"], ["UGA"]),
    ]
