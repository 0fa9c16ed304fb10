from __future__ import annotations

from dragoman.domain.identity import actor_key
from dragoman.domain.records import ActorRef

LAVROV = ActorRef(name="Sergey Lavrov", actor_id="lavrov", country="RUS")
NATO_CHIEF = ActorRef(name="NATO chief", actor_id=None, org="NATO")
UNLISTED = ActorRef(name="Some Official")


def test_actor_level_prefers_the_knowledge_base_id() -> None:
    assert [actor_key(a) for a in (LAVROV, NATO_CHIEF, UNLISTED)] == ["lavrov", "NATO", "some official"]


def test_country_level_counts_a_person_for_the_state() -> None:
    assert [actor_key(a, level="country") for a in (LAVROV, NATO_CHIEF, UNLISTED)] == ["RUS", "NATO", "some official"]


def test_rows_decoded_from_json_give_the_same_key() -> None:
    assert actor_key(LAVROV.to_dict()) == "lavrov"
    assert actor_key({"name": "X", "country": "IRN"}, level="country") == "IRN"
