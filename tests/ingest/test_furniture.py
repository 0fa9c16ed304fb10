from __future__ import annotations

from pathlib import Path

import pytest

from dragoman.domain.records import Document
from dragoman.ingest import iter_documents
from dragoman.ingest.furniture import mark_furniture

BODY = (
    "Iran and Russia agreed on Tuesday to extend a rail link through Azerbaijan, officials in both capitals said. "
    "The line would shorten freight times between the Caspian and the Gulf by several days."
)


PARAGRAPHS = [BODY.replace("Tuesday", day) for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")]


def marked(text: str) -> list[str]:
    return [text[s:e] for s, e, _ in mark_furniture(text)]


def test_social_caption_and_bio_are_marked() -> None:
    text = "\n\n".join(
        [
            "Follow us on social",
            "Rail link extended",
            *PARAGRAPHS[:3],
            "[Photo by a staff photographer]",
            "Jane Doe is a senior fellow at the Institute for Caspian Studies.",
            "Other story headline one",
        ]
    )
    spans = marked(text)
    assert "Follow us on social" in spans
    assert any(s.startswith("Jane Doe is a senior fellow") and s.endswith("headline one") for s in spans)
    assert not any(BODY[:40] in s for s in spans)


def test_related_list_after_the_article() -> None:
    text = "\n\n".join(
        PARAGRAPHS[:4] + ["Check Also", "A story about something else", "Its teaser sentence goes here …"]
    )
    [tail] = marked(text)
    assert tail.startswith("Check Also") and tail.endswith("…")


def test_body_mentioning_a_newsletter_is_not_furniture() -> None:
    long = (
        "The ministry said in its weekly newsletter that it would subscribe to the regional treaty "
        "once parliament had debated the ratification bill in full, which could take until spring."
    )
    assert marked("\n\n".join([PARAGRAPHS[0], long, PARAGRAPHS[1]])) == []


def test_pull_quote_repeating_the_body() -> None:
    quote = "The line would shorten freight times between the Caspian and the Gulf by several days."
    text = "\n\n".join([BODY, "---", quote, "---", BODY.replace("Tuesday", "Friday")])
    assert quote in marked(text)


def _doc(shared: Path, prefix: str) -> Document:
    folder = shared / "corpus" / "iran-russia"
    [path] = folder.glob(f"{prefix}_*.txt")
    docs = [d for d in iter_documents([path], folder / "manifest.csv") if isinstance(d, Document)]
    return docs[0]


# (file prefix, short furniture snippet, short body snippet) read from ../shared at test time.
CASES = [
    ("000", "Check Also", "Hours after Russia launched"),
    ("001", "Subscribe to Receive", "the JCPOA"),
    ("001", "Imam Hussein University", "Balancing Act"),
    ("002", "Follow us on social", "Suspicious bind"),
    ("002", "keep reading", "calibrating"),
    ("002", "Newsletter", "sanctions"),
    ("003", "via Wikimedia Commons", "North-South Transport Corridor"),
    ("003", "post-graduate student", "reverse engineering"),
    ("004", "Unlike Europe, which has always been critical", "Adopting Geopolitical Measures"),
]


@pytest.mark.parametrize(("prefix", "furniture", "body"), CASES)
def test_furniture_in_the_five_analyses(shared: Path, prefix: str, furniture: str, body: str) -> None:
    doc = _doc(shared, prefix)
    first = doc.text.index(furniture)
    assert doc.is_furniture(first, first + len(furniture)), f"{furniture!r} not marked"
    position = doc.text.index(body)
    assert not doc.is_furniture(position, position + len(body)), f"{body!r} marked as furniture"


def test_most_of_each_analysis_is_body(shared: Path) -> None:
    for prefix in ("000", "001", "002", "003", "004"):
        doc = _doc(shared, prefix)
        covered = sum(e - s for s, e, _ in doc.furniture)
        assert covered < 0.45 * len(doc.text), prefix


def test_photo_captions_with_arrow_or_agency_credit_are_marked() -> None:
    arrow = "◀ *Demonstrators gather outside an embassy in a capital city, Oct. 3, 2022.*"
    credit = "Officials inspect the new rail terminal at the border crossing. Jane Example/Reuters"
    text = "\n\n".join([*PARAGRAPHS[:2], arrow, credit, PARAGRAPHS[2]])
    spans = marked(text)
    assert arrow in spans and credit in spans
    assert not any(BODY[:40] in s for s in spans)
