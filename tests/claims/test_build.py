from __future__ import annotations

from dragoman.claims import build_claims, dates_compatible, figures
from dragoman.domain.records import ActorRef, EventMention

IRAN = ActorRef(name="Iran", actor_id="IRN", country="IRN", kind="state", sector="GOV")
RUSSIA = ActorRef(name="Russia", actor_id="RUS", country="RUS", kind="state", sector="GOV")
PUTIN = ActorRef(name="Vladimir Putin", actor_id="putin", country="RUS", kind="person", sector="GOV")
RAISI = ActorRef(name="Ebrahim Raisi", actor_id="raisi", country="IRN", kind="person", sector="GOV")
USA = ActorRef(name="United States", actor_id="USA", country="USA", kind="state", sector="GOV")


def event(
    doc: str, type_: str, actors: list[ActorRef], recipients: list[ActorRef], sentence: str, **kw: object
) -> EventMention:
    return EventMention(
        id=f"{doc}-{type_}-{len(sentence)}",
        doc_id=doc,
        sentence_index=0,
        type=type_,
        quad=kw.pop("quad", 2),  # type: ignore[arg-type]
        actors=actors,
        recipients=recipients,
        sentence=sentence,
        start=0,
        end=len(sentence),
        extractor="test@1",
        confidence=0.9,
        **kw,  # type: ignore[arg-type]
    )


def test_drone_supply_dispute_on_status() -> None:
    mentions = [
        event(
            "a",
            "AID",
            [IRAN],
            [RUSSIA],
            "Iran has shipped attack drones to Russia.",
            mode="military",
            date="2022-10",
            date_precision="month",
        ),
        event(
            "b",
            "AID",
            [IRAN],
            [RUSSIA],
            "Iran reportedly sent drones to Russia, US officials said.",
            mode="military",
            status="alleged",
            attributed_to=USA,
        ),
        event(
            "c",
            "AID",
            [IRAN],
            [RUSSIA],
            "Tehran denies giving Moscow drones for the war.",
            mode="military",
            status="denied",
            attributed_to=IRAN,
        ),
    ]
    propositions, disputes = build_claims(mentions, [])
    assert len(propositions) == 1 and propositions[0].n_documents == 3
    [dispute] = disputes
    assert dispute.kind == "status"
    versions = {v["value"]: [s["doc_id"] for s in v["sources"]] for v in dispute.versions}
    assert versions == {"alleged": ["b"], "asserted": ["a"], "denied": ["c"]}
    alleged = next(v for v in dispute.versions if v["value"] == "alleged")
    assert alleged["sources"][0]["attributed_to"]["name"] == "United States"


def test_who_called_whom() -> None:
    mentions = [
        event(
            "a",
            "CONSULT",
            [PUTIN],
            [RAISI],
            "Putin phoned Raisi on 24 February.",
            mode="phone",
            quad=1,
            date="2022-02-24",
            date_precision="day",
        ),
        event(
            "b",
            "CONSULT",
            [RAISI],
            [PUTIN],
            "Raisi called Putin on 24 February.",
            mode="phone",
            quad=1,
            date="2022-02-24",
            date_precision="day",
        ),
    ]
    _, disputes = build_claims(mentions, [])
    [dispute] = disputes
    assert dispute.kind == "initiator"
    assert sorted(v["value"] for v in dispute.versions) == ["IRN → RUS", "RUS → IRN"]


def test_figure_and_date_disputes() -> None:
    mentions = [
        event(
            "a",
            "AGREE",
            [IRAN],
            [RUSSIA],
            "The two signed a $40 billion energy deal on 19 July.",
            quad=1,
            date="2022-07-19",
            date_precision="day",
        ),
        event(
            "b",
            "AGREE",
            [RUSSIA],
            [IRAN],
            "A $45 billion energy deal was signed on 20 July.",
            quad=1,
            date="2022-07-20",
            date_precision="day",
        ),
    ]
    _, disputes = build_claims(mentions, [])
    kinds = {d.kind: d for d in disputes}
    # the two sides of an agreement are named in either order: no dispute over who initiated
    assert set(kinds) == {"figure", "date"}
    assert sorted(v["value"] for v in kinds["figure"].versions) == ["$40 billion", "$45 billion"]


def test_trade_figure_dispute_between_two_sides_without_a_recipient() -> None:
    mentions = [
        event("a", "COOPERATE", [IRAN, RUSSIA], [], "Bilateral trade hit $4 billion last year.", date="2022"),
        event("b", "COOPERATE", [RUSSIA, IRAN], [], "Customs put the trade at $5 billion in 2022.", date="2022"),
        event("c", "COOPERATE", [IRAN], [], "Iranian trade grew by $9 billion.", date="2022"),
    ]
    propositions, disputes = build_claims(mentions, [])
    assert len(propositions) == 1 and propositions[0].n_documents == 2
    [dispute] = disputes
    assert dispute.kind == "figure"
    assert sorted(v["value"] for v in dispute.versions) == ["$4 billion", "$5 billion"]


def test_agreeing_sources_are_not_a_dispute_and_one_document_never_is() -> None:
    same = [
        event("a", "SANCTION", [USA], [IRAN], "Washington sanctioned Iranian drone makers.", quad=4, date="2022-11"),
        event(
            "b",
            "SANCTION",
            [USA],
            [IRAN],
            "The US imposed sanctions on drone firms in Iran.",
            quad=4,
            date="2022-11-15",
            date_precision="day",
        ),
    ]
    props, disputes = build_claims(same, [])
    assert len(props) == 1 and disputes == []
    one_doc = [
        event("a", "AID", [IRAN], [RUSSIA], "Iran sent drones.", mode="military"),
        event(
            "a", "AID", [IRAN], [RUSSIA], "Tehran denies sending drones to Moscow.", mode="military", status="denied"
        ),
    ]
    assert build_claims(one_doc, [])[1] == []


def test_distant_dates_are_different_propositions() -> None:
    mentions = [
        event(
            "a",
            "CONSULT",
            [PUTIN],
            [RAISI],
            "Putin met Raisi in Tehran.",
            quad=1,
            date="2022-07-19",
            date_precision="day",
        ),
        event(
            "b",
            "CONSULT",
            [PUTIN],
            [RAISI],
            "Putin met Raisi in Ashgabat.",
            quad=1,
            date="2022-06-29",
            date_precision="day",
        ),
    ]
    props, disputes = build_claims(mentions, [])
    assert len(props) == 2 and disputes == []


def test_helpers() -> None:
    assert figures("trade of $4 billion, up from US$3.5bn and 200 million dollars") == [4e9, 3.5e9, 2e8]
    assert dates_compatible("2022", "2022-07-19") and dates_compatible(None, "2022-01")
    assert dates_compatible("2022-07-19", "2022-07-21") and not dates_compatible("2022-07-01", "2022-08-15")


def test_a_range_and_dates_inside_it_are_one_dispute() -> None:
    """A supply "since August 2022", a report of it in November and a denial: one proposition."""
    supply = {"mode": "military", "date_precision": "month"}
    mentions = [
        event(
            "a",
            "AID",
            [IRAN],
            [RUSSIA],
            "Since August 2022, Iran has shipped drones to Russia.",
            date="2022-08",
            date_end="2023-06-15",
            **supply,
        ),
        event(
            "b",
            "AID",
            [IRAN],
            [RUSSIA],
            "In November 2022, Iran reportedly sent drones to Russia.",
            date="2022-11",
            status="alleged",
            **supply,
        ),
        event("d", "AID", [IRAN], [RUSSIA], "Tehran denies giving Moscow drones.", status="denied", mode="military"),
        event("e", "AID", [IRAN], [RUSSIA], "Iran gave Russia arms in 2021.", date="2021", **supply),
    ]
    propositions, disputes = build_claims(mentions, [])
    assert sorted(p.n_documents for p in propositions) == [1, 3]
    [dispute] = disputes
    versions = {v["value"]: sorted(s["doc_id"] for s in v["sources"]) for v in dispute.versions}
    assert versions == {"alleged": ["b"], "asserted": ["a"], "denied": ["d"]}


def test_a_day_inside_a_range_of_days_is_no_date_dispute() -> None:
    talks = {"quad": 1, "date_precision": "day"}
    mentions = [
        event(
            "a",
            "CONSULT",
            [IRAN],
            [RUSSIA],
            "Iran and Russia held talks between 3 and 5 March.",
            date="2022-03-03",
            date_end="2022-03-05",
            **talks,
        ),
        event("b", "CONSULT", [IRAN], [RUSSIA], "Iran and Russia held talks on 4 March.", date="2022-03-04", **talks),
        event("c", "CONSULT", [IRAN], [RUSSIA], "Iran and Russia held talks on 6 March.", date="2022-03-06", **talks),
    ]
    propositions, disputes = build_claims(mentions, [])
    assert [p.n_documents for p in propositions] == [3]
    assert [(d.kind, sorted(v["value"] for v in d.versions)) for d in disputes] == [
        ("date", ["2022-03-04", "2022-03-06"])
    ]
