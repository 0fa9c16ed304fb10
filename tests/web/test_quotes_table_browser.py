"""The quotes table in real headless Chromium: the speaker as the resolved actor, the words the
text used for it beside the name, and the channel in a column of its own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dragoman.domain.records import ActorRef, Document, ProcessedDocument, Sentence, Statement
from dragoman.store import Store
from tests.web.browser import Session, session

pytestmark = [pytest.mark.browser, pytest.mark.server]

TOKEN = "quotes-token-abcdef"
TEXT = "Sergey Lavrov met reporters. He told TASS that the talks were frozen. Kuleba said Kyiv would wait."
LAVROV = ActorRef("Sergey Lavrov", actor_id="sergey-lavrov", country="RUS", kind="person")
KULEBA = ActorRef("Dmytro Kuleba", actor_id="dmytro-kuleba", country="UKR", kind="person")


def statement(id_: str, speaker: ActorRef, speaker_text: str, content: str, channel: str | None) -> Statement:
    start = TEXT.index(content)
    return Statement(
        id_, "d1", 1, "indirect", speaker, speaker_text, "said", content, start, start + len(content),
        start, start + len(content), "quotes.rules@test", 0.8, channel=channel,
    )  # fmt: skip


def make_store(db: Path) -> Path:
    document = Document("d1", "d1.txt", TEXT, "h1", "txt", title="Talks", publisher="Wire", published="2023-01-05")
    sentences = [Sentence("d1", 0, 0, 28, TEXT[:28]), Sentence("d1", 1, 29, 69, TEXT[29:69])]
    sentences.append(Sentence("d1", 2, 70, len(TEXT), TEXT[70:]))
    statements = [
        statement("q1", LAVROV, "He", "that the talks were frozen", "TASS"),
        statement("q2", KULEBA, "Kuleba", "Kyiv would wait", None),
    ]
    with Store(db) as store:
        store.write_documents([ProcessedDocument(document, sentences, [], [], statements)])
    return db


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Session]:
    db = make_store(tmp_path_factory.mktemp("quotes") / "quotes.duckdb")
    with session(db, TOKEN) as found:
        yield found


def test_speaker_as_the_actor_with_the_words_the_text_used_and_the_channel(live: Session) -> None:
    page = live.page()
    live.open(page, "?view=quotes")
    page.wait_for_selector("#quotes-table tr[data-id='q1']")
    headers = [h.replace("↕", "").strip() for h in page.locator("#quotes-table th").all_text_contents()]
    assert headers[:3] == ["speaker", "quote", "channel"]
    first = [c.strip() for c in page.locator("#quotes-table tr[data-id='q1'] td").all_text_contents()]
    assert first[:3] == ["Sergey Lavrov as “He”", "that the talks were frozen", "TASS"]
    assert page.text_content("#quotes-table tr[data-id='q1'] .speaker-as") == " as “He”"
    second = [c.strip() for c in page.locator("#quotes-table tr[data-id='q2'] td").all_text_contents()]
    assert second[:3] == ["Dmytro Kuleba", "Kyiv would wait", ""]
    assert page.locator("#quotes-table tr[data-id='q2'] .speaker-as").count() == 0
