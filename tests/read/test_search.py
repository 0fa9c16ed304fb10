from __future__ import annotations

from pathlib import Path

from dragoman.read.search import SearchQuery, search, terms
from dragoman.store import Store


def _texts(store: Store, **kw: object) -> list[str]:
    return list(search(store, SearchQuery(**kw)).results["text"])  # type: ignore[arg-type]


def test_words_and_facets(store_path: Path) -> None:
    with Store(store_path, read_only=True) as store:
        result = search(store, SearchQuery(q="moscow"))
        assert result.total == 4
        assert result.facets["kind"] == {"sentence": 3, "quote": 1}
        assert _texts(store, q="moscow tehran", kind="quote") == ["Moscow will stand with Tehran."]
        assert len(_texts(store, type="accuse")) == 2
        assert len(_texts(store, quad=3, publisher="beta wire")) == 2
        assert len(_texts(store, status="hypothetical")) == 1
        assert _texts(store, actor="RUS", kind="quote") == ["Moscow will stand with Tehran."]
        assert len(_texts(store, q="iran", date_from="2022-04", date_to="2022-04")) == 2
        assert len(_texts(store, doc_id="doc3")) == 5
        assert _texts(store, q="100%_") == []  # wildcards are literal
        page = search(store, SearchQuery(q="iran", page=2, page_size=2))
        assert page.total > 2 and len(page.results) == 2


def test_terms() -> None:
    assert terms('"grain deal" Iran') == ["grain deal", "Iran"]
