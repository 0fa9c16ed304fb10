from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from dragoman.cli import app
from dragoman.evaluation.plv import folds, score
from dragoman.events.plv import PairClassifier, PairPrediction
from dragoman.events.plv.data import PairRows
from dragoman.events.plv.encoder import INSTALL_TRAINING, PairEncoder, TrainingStackMissing
from dragoman.events.plv.features import between, marked
from dragoman.events.plv.model import softmax
from dragoman.events.plv.svm import LexicalPairModel

# torch and transformers are training requirements: the dev install has them, the runtime one does not.
needs_training = pytest.mark.skipif(
    importlib.util.find_spec("torch") is None or importlib.util.find_spec("transformers") is None,
    reason="needs requirements-train.txt",
)

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


def test_lexical_model_margins_follow_labels() -> None:
    texts = [text for _, text, _, _ in ROWS] * 2
    roots = [root for _, _, root, _ in ROWS] * 2
    model = LexicalPairModel().fit(texts, roots)
    margins = model.decision(texts[:4])
    assert margins.shape == (4, 4)
    assert [model.labels[i] for i in margins.argmax(axis=1)] == roots[:4]
    assert model.decision([]).shape == (0, 4)


def test_softmax_rows_sum_to_one() -> None:
    probabilities = softmax(np.array([[1.0, 0.0, -1.0], [5.0, 5.0, 5.0]]), 4.0)
    assert np.allclose(probabilities.sum(axis=1), 1)
    assert probabilities[0].argmax() == 0 and np.allclose(probabilities[1], 1 / 3)


def test_folds_keep_sentences_apart() -> None:
    roots = ["AGREE", "ACCUSE"] * 10
    groups = [str(i // 2) for i in range(20)]
    rows = PairRows([f"<s>a</s> b <t>c</t> {i}" for i in range(20)], groups, roots, [1, 3] * 10)
    for train, test in folds(rows, 5):
        assert not {groups[i] for i in train} & {groups[i] for i in test}


@pytest.fixture(scope="session")
def shipped() -> PairClassifier:
    return PairClassifier.load()


@pytest.mark.slow
@needs_training
def test_shipped_model_types_clear_pairs(shipped: PairClassifier) -> None:
    visit = shipped.predict("The foreign minister visited Moscow for talks.", (0, 20), (29, 35))
    strike = shipped.predict("Russian forces shelled the city of Kharkiv.", (0, 14), (23, 42))
    assert visit.root == "CONSULT" and visit.quad == 1
    assert strike.quad == 4 and 0 < strike.confidence <= 1


@pytest.mark.slow
@needs_training
def test_shipped_model_on_marked_sentences(shipped: PairClassifier) -> None:
    results = shipped.predict_marked(
        [
            "<s>Moscow</s> welcomed <t>the Iranian delegation</t> warmly.",
            "<s>The ministry</s> flatly rejected <t>the envoy's</t> proposal for a truce.",
            "<s>Drones</s> launched overnight hit <t>the port of Odesa</t>.",
        ]
    )
    assert [r.quad <= 2 for r in results] == [True, False, False]
    assert results[1].root == "REJECT" and results[2].root == "ASSAULT"
    assert all(abs(sum(r.scores.values()) - 1) < 1e-3 for r in results)


def test_scores() -> None:
    predictions = [PairPrediction("CONSULT", 1, 1, {}), PairPrediction("ACCUSE", 3, 1, {})]
    result = score(predictions, [1, 4], ["CONSULT", "ASSAULT"])
    assert result.quad < 100 and result.binary == 100 and result.root is not None and result.root < 100


@pytest.mark.slow
@needs_training
def test_eval_command_writes_predictions_in_order(tmp_path: Path) -> None:
    data, out = tmp_path / "pairs.tsv", tmp_path / "pred.jsonl"
    write_tsv(data)
    result = CliRunner().invoke(app, ["eval", "plv", str(data), "--predictions", str(out)])
    assert result.exit_code == 0, result.output
    assert "macro-F1" in result.output
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["row"] for r in rows] == [0, 1, 2, 3]
    assert all(r["quad"] in {1, 2, 3, 4} and isinstance(r["root"], str) for r in rows)
    assert [r["quad"] for r in rows] == [quad for _, _, _, quad in ROWS]


@pytest.mark.slow
@needs_training
def test_eval_command_without_gold(tmp_path: Path) -> None:
    data = tmp_path / "pairs.tsv"
    write_tsv(data, gold=False)
    result = CliRunner().invoke(app, ["eval", "plv", str(data)])
    assert result.exit_code == 0 and "4 rows typed" in result.output


def test_eval_command_without_torch_says_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "pairs.tsv"
    write_tsv(data)
    for name in ("torch", "transformers"):  # as if not installed: find_spec and import both fail
        monkeypatch.setitem(sys.modules, name, None)
    result = CliRunner().invoke(app, ["eval", "plv", str(data)])
    assert result.exit_code == 1
    needs = "the PLV pair classifier needs torch and transformers, which the runtime install leaves out"
    assert result.output.strip().splitlines() == [f"error: {needs}: {INSTALL_TRAINING}"]
    assert INSTALL_TRAINING == "pip install -r requirements-train.txt"
    with pytest.raises(TrainingStackMissing, match="requirements-train.txt"):
        PairEncoder(["AGREE", "ACCUSE"])
