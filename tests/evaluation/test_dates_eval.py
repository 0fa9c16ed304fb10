"""The TempEval-3 protocol on a hand-written TimeML file: offsets, DCT, strict/relaxed spans, values."""

from __future__ import annotations

from pathlib import Path

from dragoman.evaluation.dates import Timex, dragoman_finder, read_corpus, read_timeml, score

TIMEML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>T1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2023-03-10" functionInDocument="CREATION_TIME">2023-03-10</TIMEX3></DCT>
<TEXT>
The envoys <EVENT eid="e1">met</EVENT> <TIMEX3 tid="t1" type="DATE" value="2023-03-07">on Tuesday</TIMEX3> and \
will meet again <TIMEX3 tid="t2" type="DATE" value="2023-W11">next week</TIMEX3> for \
<TIMEX3 tid="t3" type="DURATION" value="P3D">three days</TIMEX3> &amp; more.
</TEXT>
</TimeML>
"""


def test_read_timeml_offsets_and_dct(tmp_path: Path) -> None:
    path = tmp_path / "t1.tml"
    path.write_text(TIMEML, encoding="utf-8")
    document = read_timeml(path)
    assert document.dct == "2023-03-10"
    assert [(t.text, t.value) for t in document.gold] == [
        ("on Tuesday", "2023-03-07"),
        ("next week", "2023-W11"),
        ("three days", "P3D"),
    ]
    assert all(document.text[t.start : t.end] == t.text for t in document.gold)
    assert document.text.strip().endswith("& more.")


def test_scores_strict_relaxed_and_values(tmp_path: Path) -> None:
    (tmp_path / "t1.tml").write_text(TIMEML, encoding="utf-8")
    (tmp_path / "broken.tml").write_text("<TimeML>no text</TimeML>", encoding="utf-8")
    documents, errors = read_corpus(tmp_path)
    assert len(documents) == 1 and errors == [f"{tmp_path / 'broken.tml'}: no <DCT> or <TEXT> element"]
    result = score(documents, dragoman_finder)
    # "Tuesday" overlaps "on Tuesday" (relaxed only); "next week" and "three days" match exactly
    assert (result.gold, result.found, result.strict, result.relaxed, result.value_right) == (3, 3, 2, 3, 3)
    assert (round(result.strict_f1, 3), result.relaxed_f1, result.value_accuracy) == (0.667, 1.0, 1.0)


def test_a_wrong_value_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "t1.tml").write_text(TIMEML, encoding="utf-8")
    documents, _ = read_corpus(tmp_path)
    result = score(documents, lambda text, dct: [Timex(0, len(text), text, "1999")])
    assert (result.relaxed, result.value_right, result.errors[0][2:]) == (1, 0, ("2023-03-07", "1999"))
