from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from dragoman.cli import app
from dragoman.evaluation.plv import score
from dragoman.events.plv import PairClassifier, PairPrediction
from dragoman.events.plv.features import between, marked

ROWS = [
    ("1", "<s>The Russian president</s> travelled to <t>Tehran</t> for two days of talks.", "CONSULT", 1),
    ("2", "<s>Brussels</s> imposed new sanctions on <t>Iranian drone makers</t>.", "SANCTION", 4),
    ("3", "<s>Russian missiles</s> struck <t>the power station in Kharkiv</t> overnight.", "ASSAULT", 4),
    ("4", "<s>Kyiv</s> accused <t>Tehran</t> of complicity in the attacks.", "ACCUSE", 3),
]


def write_tsv(path: Path, gold: bool = True) -> None:
    header = "sentence_id\tsentence\tmarked_sentence\tsource\ttarget" + ("\tgold_penta\tgold_root" if gold else "")
    lines = [header]
    for sid, text, root, quad in ROWS:
        plain = text.replace("<s>", "").replace("</s>", "").replace("<t>", "").replace("</t>", "")
        line = f"{sid}\t{plain}\t{text}\tsrc\ttgt" + (f"\t{quad}\t{root}" if gold else "")
        lines.append(line)
    path.write_text("\n".join(lines) + "\n")


def test_marking_and_between() -> None:
    text = "Iran sent drones to Russia."
    m = marked(text, (0, 4), (20, 26))
    assert m == "<s>Iran</s> sent drones to <t>Russia</t>."
    assert between(m) == "<s>Iran</s> sent drones to <t>Russia</t>"


def test_shipped_model_types_clear_pairs() -> None:
    model = PairClassifier.load()
    visit = model.predict("The foreign minister visited Moscow for talks.", (0, 20), (29, 35))
    strike = model.predict("Russian forces shelled the city of Kharkiv.", (0, 14), (23, 42))
    assert visit.root == "CONSULT" and visit.quad == 1
    assert strike.quad == 4 and 0 < strike.confidence <= 1


def test_scores() -> None:
    predictions = [PairPrediction("CONSULT", 1, 1, {}), PairPrediction("ACCUSE", 3, 1, {})]
    result = score(predictions, [1, 4], ["CONSULT", "ASSAULT"])
    assert result.quad < 100 and result.binary == 100 and result.root is not None and result.root < 100


def test_eval_command_writes_predictions_in_order(tmp_path: Path) -> None:
    data, out = tmp_path / "pairs.tsv", tmp_path / "pred.jsonl"
    write_tsv(data)
    result = CliRunner().invoke(app, ["eval", "plv", str(data), "--predictions", str(out)])
    assert result.exit_code == 0, result.output
    assert "macro-F1" in result.output
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["row"] for r in rows] == [0, 1, 2, 3]
    assert all(r["quad"] in {1, 2, 3, 4} and isinstance(r["root"], str) for r in rows)


def test_eval_command_without_gold(tmp_path: Path) -> None:
    data = tmp_path / "pairs.tsv"
    write_tsv(data, gold=False)
    result = CliRunner().invoke(app, ["eval", "plv", str(data)])
    assert result.exit_code == 0 and "4 rows typed" in result.output
