"""Undated documents: a bare title names the office, unless a date is known (text, manifest, --default-date)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from dragoman.actors.kb import KnowledgeBase
from dragoman.actors.resolver import Resolver
from dragoman.domain.records import ActorRef, Document, Mention, Sentence
from tests.actors.conftest import find

pytestmark = pytest.mark.slow
TEXT = "The chancellor met the Iranian president in Berlin to discuss trade."


@pytest.fixture(scope="module")
def resolve_with(nlp, kb: KnowledgeBase) -> Callable[..., list[Mention]]:  # type: ignore[no-untyped-def]
    def run(text: str, published: str | None, default_date: str | None = None) -> list[Mention]:
        parsed = nlp(text)
        sentences = [Sentence("t", i, s.start_char, s.end_char, s.text) for i, s in enumerate(parsed.sents)]
        document = Document("t", "t.txt", text, "h", "txt", published=published)
        return Resolver(kb, default_date=default_date).resolve(document, parsed, sentences)

    return run


def actor(mentions: list[Mention], text: str) -> ActorRef:
    [mention] = find(mentions, text)
    assert mention.actor is not None, text
    return mention.actor


def test_undated_titles_name_the_office_with_country_and_sector(resolve_with: Callable[..., list[Mention]]) -> None:
    mentions = resolve_with(TEXT, None)
    chancellor = actor(mentions, "chancellor")
    assert (chancellor.actor_id, chancellor.name, chancellor.country, chancellor.sector) == (
        None, "Chancellor of Germany", "DEU", "GOV",
    )  # fmt: skip
    president = actor(mentions, "Iranian president")
    assert (president.actor_id, president.name, president.country, president.sector) == (
        None, "President of Iran", "IRN", "GOV",
    )  # fmt: skip


def test_a_date_from_the_document_names_the_holder(resolve_with: Callable[..., list[Mention]]) -> None:
    mentions = resolve_with(TEXT, "2005-03")
    assert actor(mentions, "chancellor").actor_id == "gerhard-schroeder"
    assert actor(mentions, "Iranian president").actor_id == "mohammad-khatami"


def test_the_default_date_stands_in_for_a_missing_one_only(resolve_with: Callable[..., list[Mention]]) -> None:
    assert actor(resolve_with(TEXT, None, "2005-03"), "chancellor").actor_id == "gerhard-schroeder"
    assert actor(resolve_with(TEXT, "2010", "2005-03"), "chancellor").actor_id == "angela-merkel"


def test_ingest_default_date_reaches_the_resolver(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from dragoman.cli import app
    from dragoman.store import Store

    monkeypatch.chdir(tmp_path)
    (tmp_path / "brief.txt").write_text(TEXT, encoding="utf-8")
    for db, extra in (("undated.duckdb", []), ("dated.duckdb", ["--default-date", "2005-03"])):
        result = CliRunner().invoke(app, ["ingest", "brief.txt", "--db", db, "-q", *extra])
        assert result.exit_code == 0, result.output
    query = "SELECT coalesce(actor_id, name) FROM mentions WHERE text = 'chancellor'"
    with Store(tmp_path / "undated.duckdb", read_only=True) as store:
        assert store.scalar(query) == "Chancellor of Germany"
    with Store(tmp_path / "dated.duckdb", read_only=True) as store:
        assert store.scalar(query) == "gerhard-schroeder"


def test_a_title_whose_holder_is_not_listed_at_the_date_names_the_office(
    resolve_with: Callable[..., list[Mention]],
) -> None:
    """The knowledge base lists no Egyptian foreign minister: the office still says whose official it is."""
    mentions = resolve_with("Egypt's foreign minister visited Khartoum on Monday.", "2004-08-20")
    minister = actor(mentions, "Egypt's foreign minister")
    assert (minister.actor_id, minister.name, minister.country, minister.sector) == (
        None,
        "Foreign Minister of Egypt",
        "EGY",
        "GOV",
    )
