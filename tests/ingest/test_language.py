"""Each document's language: told from its text, None when too short to tell."""

from __future__ import annotations

from pathlib import Path

import pytest

from dragoman.domain.records import Document
from dragoman.ingest import iter_documents
from dragoman.ingest.language import detect_language, is_english

ENGLISH = (
    "Envoys from Tehran and Moscow met on March 15 to discuss a rail corridor through Azerbaijan. "
    "They agreed to meet again in the spring, the foreign ministry said in a statement."
)
FRENCH = (
    "Les envoyés de Téhéran et de Moscou se sont réunis le 15 mars pour discuter d'un corridor ferroviaire. "
    "Ils ont convenu de se revoir au printemps, a indiqué le ministère des affaires étrangères."
)
RUSSIAN = (
    "Посланники Тегерана и Москвы встретились 15 марта, чтобы обсудить железнодорожный коридор. "
    "Они договорились встретиться снова весной, сообщило министерство иностранных дел."
)
PERSIAN = (
    "فرستادگان تهران و مسکو در پانزدهم مارس برای گفتگو درباره یک کریدور ریلی دیدار کردند. "
    "آنها توافق کردند که در بهار دوباره دیدار کنند، وزارت امور خارجه اعلام کرد."
)


@pytest.mark.parametrize(
    ("text", "language"),
    [(ENGLISH, "en"), (FRENCH, "fr"), (RUSSIAN, "ru"), (PERSIAN, "fa"), ("Iran met Russia.", None)],
)
def test_language_of_a_text(text: str, language: str | None) -> None:
    assert detect_language(text) == language
    assert is_english(language) == (language in {"en", None})


def test_documents_carry_their_language(tmp_path: Path) -> None:
    for name, text in {"en.txt": ENGLISH, "fr.txt": FRENCH, "ru.txt": RUSSIAN, "short.txt": "Iran met Russia."}.items():
        (tmp_path / name).write_text(text)
    found = {Path(d.path).name: d.language for d in iter_documents([tmp_path]) if isinstance(d, Document)}
    assert found == {"en.txt": "en", "fr.txt": "fr", "ru.txt": "ru", "short.txt": None}
