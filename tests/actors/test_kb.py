"""The knowledge base: packaged data, dates and offices, user files and their errors."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dragoman.actors.kb import KBError, KnowledgeBase, date_window


def test_packaged_states_cover_the_un_and_contested_entities(kb: KnowledgeBase) -> None:
    states = [e for e in kb.entries.values() if e.kind == "state"]
    members = [e for e in states if e.status == "member"]
    assert len(members) == 193
    for actor_id in ("VAT", "PSE", "TWN", "XKX", "XDP", "XLP", "XAB", "XSO", "XTR", "XNC", "ESH", "XSL"):
        assert actor_id in kb, actor_id
    assert kb.get("IRN").kb_id == "Q794"
    assert kb.demonyms["Iranian"] == "IRN"
    assert kb.metonyms["Kremlin"] == "RUS"


def test_igos_groups_media_have_codes_and_countries(kb: KnowledgeBase) -> None:
    for code in (
        "UN",
        "UNGA",
        "UNSC",
        "UNHRC",
        "NATO",
        "EU",
        "SCO",
        "CSTO",
        "GCC",
        "IAEA",
        "BRICS",
        "OPEC",
        "AU",
        "ASEAN",
        "ARABLEAGUE",
        "EAEU",
        "OSCE",
        "G7",
        "G20",
        "WTO",
        "IMF",
        "WB",
        "ICC",
        "ICJ",
    ):
        assert kb.get(code).kind == "igo", code
        assert kb.get(code).org
    assert kb.get("irgc").country == "IRN" and kb.get("irgc").sector == "MIL"
    assert kb.get("houthis").country == "YEM"
    assert kb.get("tasnim").kind == "media" and kb.get("tasnim").country == "IRN"
    assert kb.get("tass").country == "RUS"


@pytest.mark.parametrize(
    ("date", "role"),
    [
        ("1999", "Prime Minister of Russia"),
        ("2005-06-01", "President of Russia"),
        ("2010", "Prime Minister of Russia"),
        ("2022-03-15", "President of Russia"),
    ],
)
def test_role_follows_the_date(kb: KnowledgeBase, date: str, role: str) -> None:
    assert kb.get("vladimir-putin", date).role == role


def test_latest_office_without_a_date(kb: KnowledgeBase) -> None:
    assert kb.get("sergei-shoigu").role == "Secretary of the Security Council of Russia"


@pytest.mark.parametrize(
    ("office", "scope", "date", "holder"),
    [
        ("president", "IRN", "2020", "hassan-rouhani"),
        ("president", "IRN", "2022", "ebrahim-raisi"),
        ("foreign-minister", "IRN", "2022-03-15", "hossein-amir-abdollahian"),
        ("foreign-minister", "USA", "2022", "antony-blinken"),
        ("security-chief", "RUS", "2020", "nikolai-patrushev"),
        ("supreme-leader", "IRN", "2010", "ali-khamenei"),
        ("secretary-general", "NATO", "2020", "jens-stoltenberg"),
    ],
)
def test_office_holder(kb: KnowledgeBase, office: str, scope: str, date: str, holder: str) -> None:
    found = kb.office_holder(office, scope, date_window(date))
    assert found is not None and found[0].id == holder


def test_generic_institution(kb: KnowledgeBase) -> None:
    ref = kb.get("BLR.foreign-ministry")
    assert ref.country == "BLR" and ref.sector == "GOV" and ref.kind == "institution"


def test_actors_rows(kb: KnowledgeBase) -> None:
    rows = list(kb.actors())
    assert len(rows) == len(kb)
    assert set(rows[0]) == {"actor_id", "name", "kind", "country", "org", "kb_id", "sector"}


def test_user_file_adds_people_and_aliases(tmp_path: Path) -> None:
    user = tmp_path / "mine.yaml"
    user.write_text(
        "- {id: ada-example, kind: person, name: Ada Example, country: IRN, sector: GOV,\n"
        "   aliases: [Example],\n"
        "   offices: [{role: Ambassador of Iran to Nowhere, start: 2020-01-01, end: null}]}\n"
        "- {id: RUS, kind: state, name: Russia, aliases: [Rossiya]}\n",
        encoding="utf-8",
    )
    kb = KnowledgeBase.load([user])
    assert kb.get("ada-example", "2021").role == "Ambassador of Iran to Nowhere"
    assert "RUS" in kb.aliases["Rossiya"]
    assert "Russian Federation" in kb.entries["RUS"].aliases  # merged, not replaced


def test_user_file_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    user = tmp_path / "broken.yaml"
    user.write_text("- id: a\n  kind: person\n  name: [unclosed\n- id: b\n", encoding="utf-8")
    with pytest.raises(KBError) as err:
        KnowledgeBase.load([user])
    assert str(user) in str(err.value)
    assert "line 4" in str(err.value) or "line 3" in str(err.value)


def test_user_file_conflict_names_file_and_line(tmp_path: Path) -> None:
    user = tmp_path / "conflict.yaml"
    user.write_text("# a comment\n\n- {id: irgc, kind: group, name: IRGC, country: IRQ}\n", encoding="utf-8")
    with pytest.raises(KBError) as err:
        KnowledgeBase.load([user])
    message = str(err.value)
    assert f"{user}:3" in message and "country" in message and "IRQ" in message


def test_user_file_unknown_field_and_kind(tmp_path: Path) -> None:
    user = tmp_path / "odd.yaml"
    user.write_text("- {id: x, kind: person, name: X, nationality: IRN}\n", encoding="utf-8")
    with pytest.raises(KBError, match="odd.yaml:1: unknown field"):
        KnowledgeBase.load([user])
    user.write_text("- {id: x, kind: wizard, name: X}\n", encoding="utf-8")
    with pytest.raises(KBError, match="unknown kind"):
        KnowledgeBase.load([user])


def test_user_file_bad_date(tmp_path: Path) -> None:
    user = tmp_path / "dates.yaml"
    user.write_text(
        "- id: x\n  kind: person\n  name: X\n  offices:\n  - {role: President of Iran, start: 2020-13-01}\n",
        encoding="utf-8",
    )
    with pytest.raises(KBError, match="dates.yaml:5: bad date"):
        KnowledgeBase.load([user])


def kb_error(tmp_path: Path, text: str | bytes) -> str:
    user = tmp_path / "user.yaml"
    if isinstance(text, bytes):
        user.write_bytes(text)
    else:
        user.write_text(text, encoding="utf-8")
    with pytest.raises(KBError) as err:
        KnowledgeBase.load([user])
    message = str(err.value)
    assert "\n" not in message
    return message.replace(str(user), "user.yaml")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '- {id: off-actor, kind: person, name: Off Actor, offices: "President of Iran"}\n',
            "user.yaml:1: offices: Input should be a valid list",
        ),
        (
            "- {id: al-actor, kind: person, name: Al Actor, aliases: 5}\n",
            "user.yaml:1: aliases: Input should be a valid list",
        ),
        ("defaults: [1, 2]\nentries: []\n", "user.yaml:1: 'defaults' is a mapping, not a list"),
        ('roles: ["just a string"]\nentries: []\n', "user.yaml:1: a role is a mapping, not a string"),
        ("roles:\n- {role: Chief of X}\n", "user.yaml:2: office: Field required"),
        ("- {id: [a, b], kind: person, name: X}\n", "user.yaml:1: id: Input should be a valid string"),
        ("- {id: x, kind: person, name: {x: 1}}\n", "user.yaml:1: name: Input should be a valid string"),
        (
            "- id: x\n  kind: person\n  name: X\n  aliases:\n  - Ex\n  - [nested]\n",
            "user.yaml:6: aliases.1: Input should be a valid string",
        ),
        (
            "- id: x\n  kind: person\n  name: X\n  offices:\n  - {role: President of Iran, start: 2001.5}\n",
            "user.yaml:5: offices.0.start: Input should be a valid",
        ),
        (
            "- id: x\n  kind: person\n  name: X\n  offices:\n  - {role: President of Iran, term: 2}\n",
            "user.yaml:5: offices.0: unknown field 'term'",
        ),
        (
            '- {id: x, kind: person, name: "Evil\\x01\\e[31mName"}\n',
            "user.yaml:1: name: control characters are not allowed",
        ),
        ("- {id: x, kind: person, name: X}\n- just a name\n", "user.yaml:2: an entry is a mapping, not a string"),
        ("entries: []\nentires: []\n", "user.yaml:1: unknown top-level key 'entires'"),
        ('"a scalar"\n', "user.yaml:1: expected a list of entries or a mapping with 'entries', not a string"),
        ("entries: {id: x}\n", "user.yaml:1: 'entries' is a list, not a mapping"),
    ],
)
def test_user_file_shape_errors_name_file_and_line(tmp_path: Path, text: str, expected: str) -> None:
    assert kb_error(tmp_path, text).startswith(expected)


def test_user_file_not_utf8_names_the_line(tmp_path: Path) -> None:
    message = kb_error(tmp_path, '# people\n- {id: caf-actor, kind: person, name: "Caf\xe9 Man"}\n'.encode("latin-1"))
    assert message == "user.yaml:2: not UTF-8 text (byte 0xe9 at column 43); save the file as UTF-8"


def alias_bomb(use: str) -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]")
    return "\n".join(lines) + f"\nentries:\n- {{id: bomb-actor, kind: person, name: {use}}}\n"


@pytest.mark.parametrize("use", ["Bomb, aliases: *i", "*i"])
def test_an_alias_bomb_is_refused_at_its_first_alias(tmp_path: Path, use: str) -> None:
    assert kb_error(tmp_path, alias_bomb(use)).startswith(
        "user.yaml:2: YAML aliases (*a) are not accepted in knowledge-base files"
    )


def test_an_alias_anywhere_is_refused(tmp_path: Path) -> None:
    text = "defaults: &d {kind: person}\nentries:\n- {id: x, name: X, kind: person}\n- {<<: *d, id: y, name: Y}\n"
    assert kb_error(tmp_path, text).startswith("user.yaml:4: YAML aliases (*d)")


def test_packaged_files_have_the_shape_user_files_must_have() -> None:
    from importlib import resources

    from dragoman.actors.kb import DATA_FILES

    kb = KnowledgeBase()
    for name in DATA_FILES:
        kb.add_text((resources.files("dragoman.actors") / "data" / name).read_text(encoding="utf-8"), name, True)


def test_date_window_spans_the_period_of_a_partial_date() -> None:
    assert date_window("2022") == (date(2022, 1, 1), date(2022, 12, 31))
    assert date_window("2024-02") == (date(2024, 2, 1), date(2024, 2, 29))
    assert date_window("2022-03-05") == (date(2022, 3, 5), date(2022, 3, 5))
    assert [date_window(v) for v in (None, "", "2022-13", "22-03")] == [None] * 4
