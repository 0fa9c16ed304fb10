"""Train the antecedent ranker of the mention chains on the project's own passages.

``python -m dragoman.actors.train_ranker`` reads dragoman/actors/training/antecedents.yaml,
ranks the candidates of each labelled reference, fits a logistic regression over their
features (scikit-learn, liblinear, fixed order: the same file gives the same weights) and writes
dragoman/actors/data/antecedent_ranker.json. It prints top-1 accuracy by leave-one-passage-out,
for the hand-set rule weights and for the learned ones.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml

from dragoman.actors.chains import FEATURES, RULE_WEIGHTS, Ranker, Reference, best_candidate

OUT = Path(__file__).resolve().parent / "data" / "antecedent_ranker.json"
VERSION = "1"


@dataclass
class Example:
    passage: int
    reference: Reference
    answer: str


def load_examples() -> tuple[list[Example], int]:
    """Labelled references of every passage, and how many labels found no reference or candidate."""
    from dragoman.actors import KnowledgeBase, Resolver
    from dragoman.actors.chains import references_with_candidates
    from dragoman.domain.records import Document
    from dragoman.nlp import load_model, sentence_records

    raw = resources.files("dragoman.actors.training").joinpath("antecedents.yaml").read_text("utf-8")
    passages = yaml.safe_load(raw)
    nlp = load_model()
    resolver = Resolver(KnowledgeBase.load())
    examples: list[Example] = []
    unmatched = 0
    for index, passage in enumerate(passages):
        text = passage["text"]
        document = Document(f"p{index}", f"p{index}.txt", text, f"p{index}", "txt", published="2023-06-01")
        parsed = nlp(text)
        sentences = sentence_records(document, parsed)
        _, references = references_with_candidates(
            document, parsed, sentences, resolver.resolve(document, parsed, sentences)
        )
        for label in passage.get("refs") or []:
            same = [r for r in references if text[r.start : r.end] == label["ref"]]
            nth = label.get("nth", 1)
            if len(same) < nth or not any(a.name == label["actor"] for a, _ in same[nth - 1].candidates):
                unmatched += 1
                continue
            examples.append(Example(index, same[nth - 1], label["actor"]))
    return examples, unmatched


def fit(examples: list[Example]) -> Ranker:
    from sklearn.linear_model import LogisticRegression

    rows = [[f[name] for name in FEATURES] for e in examples for _, f in e.reference.candidates]
    labels = [int(a.name == e.answer) for e in examples for a, _ in e.reference.candidates]
    if len(set(labels)) < 2:
        return Ranker("rules", RULE_WEIGHTS, 0.0)
    model = LogisticRegression(C=1.0, solver="liblinear", random_state=0)
    model.fit(rows, labels)
    weights = {name: round(float(w), 4) for name, w in zip(FEATURES, model.coef_[0], strict=True)}
    return Ranker(VERSION, weights, round(float(model.intercept_[0]), 4))


def accuracy(examples: list[Example], ranker_for: dict[int, Ranker]) -> float:
    right = 0
    for example in examples:
        actor = best_candidate(example.reference, ranker_for[example.passage])
        right += actor is not None and actor.name == example.answer
    return 100 * right / len(examples) if examples else 0.0


def main(out: Path = OUT) -> None:
    examples, unmatched = load_examples()
    passages = sorted({e.passage for e in examples})
    rules = Ranker("rules", RULE_WEIGHTS, 0.0)
    held_out = {p: fit([e for e in examples if e.passage != p]) for p in passages}
    print(f"{len(examples)} labelled references in {len(passages)} passages ({unmatched} without a candidate)")
    nearest = Ranker("nearest", {"nearest": 1.0}, 0.0)  # the last actor named: the resolver's own pick
    print(f"top-1: nearest {accuracy(examples, dict.fromkeys(passages, nearest)):.1f}%, ", end="")
    print(f"rules {accuracy(examples, dict.fromkeys(passages, rules)):.1f}%, ", end="")
    print(f"learned {accuracy(examples, held_out):.1f}% (leave-one-passage-out)")
    final = fit(examples)
    payload = {
        "version": final.version,
        "features": list(FEATURES),
        "weights": [final.weights[name] for name in FEATURES],
        "bias": final.bias,
        "trained_on": "dragoman/actors/training/antecedents.yaml",
        "references": len(examples),
    }
    out.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
