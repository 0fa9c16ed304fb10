"""The five real analyses: the names the statistical NER gets wrong resolve correctly."""

from __future__ import annotations

import csv
from collections.abc import Callable

import pytest

from dragoman.domain.records import Mention
from tests.actors.conftest import shared_dir

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def corpus_mentions(resolve: Callable[..., list[Mention]]) -> dict[str, list[Mention]]:
    root = shared_dir() / "corpus" / "iran-russia"
    if not root.is_dir():
        pytest.skip("corpus not available")
    with open(root / "manifest.csv", encoding="utf-8") as handle:
        published = {row["path"]: row["published"] for row in csv.DictReader(handle)}
    return {path: resolve((root / path).read_text(encoding="utf-8"), date) for path, date in published.items()}


def _by_surface(mentions: dict[str, list[Mention]], surface: str) -> list[Mention]:
    return [m for ms in mentions.values() for m in ms if m.text == surface]


@pytest.mark.parametrize(
    ("surface", "actor_id"),
    [
        ("Raisi", "ebrahim-raisi"),
        ("Lavrov", "sergey-lavrov"),
        ("Amir-Abdollahian", "hossein-amir-abdollahian"),
        ("Khamenei", "ali-khamenei"),
        ("Kremlin", "RUS"),
        ("Tehran", "IRN"),
        ("Crimea", "crimea"),
        ("JCPOA", "jcpoa"),
        ("Shamkhani", "ali-shamkhani"),
    ],
)
def test_known_names_resolve(corpus_mentions: dict[str, list[Mention]], surface: str, actor_id: str) -> None:
    found = _by_surface(corpus_mentions, surface)
    assert found, surface
    assert all(m.actor is not None and m.actor.actor_id == actor_id for m in found), [
        (m.text, m.actor) for m in found if m.actor is None or m.actor.actor_id != actor_id
    ]


def test_khatibzadeh_is_the_spokesman(corpus_mentions: dict[str, list[Mention]]) -> None:
    found = [m for ms in corpus_mentions.values() for m in ms if "Khatibzadeh" in m.text]
    assert found
    for m in found:
        assert m.actor is not None and m.actor.actor_id == "saeed-khatibzadeh"
        assert m.actor.country == "IRN" and m.actor.sector == "GOV"


def test_uav_is_not_an_organisation(corpus_mentions: dict[str, list[Mention]]) -> None:
    assert not _by_surface(corpus_mentions, "UAVs")


def test_mentions_are_ordered_and_in_bounds(corpus_mentions: dict[str, list[Mention]]) -> None:
    for mentions in corpus_mentions.values():
        starts = [m.start for m in mentions]
        assert starts == sorted(starts)
        assert len({m.mention_id for m in mentions}) == len(mentions)
