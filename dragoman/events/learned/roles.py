"""Who did it to whom: a learned choice of source, target or neither for each actor mention of
a sentence, given the event's anchor word (its trigger, or the main verb).

Each candidate mention is described by its place in the parse relative to the anchor (the
chain of relations from the mention up to the anchor: subject, object, "to/with/on/against X",
possessor, agent of a passive; names inside a modifier such as "Iranian-made drones" or "the
Vienna talks"), its side of the anchor, what kind of actor it is, whether the rule frame took
it as actor or recipient, and the event's type. A multinomial logistic regression over these
sparse features (fitted at training time, weights shipped in roles.npz) scores the three roles.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np
from spacy.tokens import Span, Token

from dragoman.domain.records import Mention
from dragoman.nlp.headlines import title_case

WEIGHTS = "roles.npz"
ROLES = ("source", "target", "none")
SOURCE, TARGET, NEITHER = range(3)
PREPOSITIONS = {
    "to",
    "with",
    "on",
    "against",
    "toward",
    "towards",
    "from",
    "by",
    "of",
    "between",
    "in",
    "at",
    "into",
    "for",
    "over",
    "upon",
    "among",
}
MODIFIER_DEPS = {"compound", "amod", "nmod", "poss"}
MAX_PATH = 4
QUALIFIERS = {"appos", "acl", "relcl"}
QUALIFIED = "inside=qualifier"


def head_token(mention: Mention, span: Span) -> Token | None:
    """The token of the mention the rest of the sentence attaches it by."""
    tokens = [t for t in span if mention.start <= t.idx < mention.end]
    if not tokens:
        return None
    return next((t for t in tokens if t.head not in tokens or t.head == t), tokens[-1])


def _relation(token: Token) -> str:
    """A token's relation to its head, with the preposition named for an object of one."""
    if token.dep_ == "pobj" and token.head.dep_ in {"prep", "agent", "dative"}:
        word = token.head.lower_
        return f"pobj:{word if word in PREPOSITIONS else 'other'}"
    if token.dep_ in {"prep", "agent"} and token.lower_ in PREPOSITIONS:
        return f"{token.dep_}:{token.lower_}"
    return token.dep_


def lifted_phrase(token: Token) -> tuple[Token, list[str]]:
    """Through coordination and apposition to the phrase that carries the relation."""
    marks = []
    for _ in range(6):
        if token.dep_ in {"conj", "appos"} and token.head.i != token.i:
            marks.append(token.dep_)
            token = token.head
        else:
            break
    return token, marks


def _chain(token: Token, stop: Token) -> tuple[list[str], bool]:
    """Relations from ``token`` up to ``stop`` (pobj and its preposition read as one step); reached or not."""
    chain: list[str] = []
    current = token
    for _ in range(12):
        if current.i == stop.i:
            return chain, True
        if current.head.i == current.i:
            return chain, False
        relation = _relation(current)
        if current.dep_ == "pobj" and current.head.dep_ in {"prep", "agent", "dative"}:
            current = current.head  # the preposition is part of this step
        chain.append(relation)
        current = current.head
    return chain, False


def is_passive(anchor: Token) -> bool:
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in anchor.children)


def features(
    mention: Mention,
    anchor: Token,
    span: Span,
    event_type: str,
    rule_actor: bool,
    rule_recipient: bool,
    candidates: int,
    order: int,
    marks: Sequence[str] = (),
) -> list[str]:
    """The sparse features of one candidate mention for the event at ``anchor``; ``marks`` are
    the parse tests of the coder itself ("in a modifier", "inside another event noun's phrase")."""
    found: list[str] = [f"type={event_type}", f"candidates={min(candidates, 4)}", f"order={min(order, 3)}"]
    rule = "actor" if rule_actor else "recipient" if rule_recipient else "none"
    found += [f"mark={m}" for m in marks] + [f"mark|rule={m}|{rule}" for m in marks]
    if rule_actor:
        found.append("rule=actor")
    if rule_recipient:
        found.append("rule=recipient")
    if not rule_actor and not rule_recipient:
        found.append("rule=none")
    actor = mention.actor
    kind = (actor.kind if actor else None) or "unknown"
    found += [f"kind={kind}", f"method={mention.method}"]
    head = head_token(mention, span)
    if head is None:
        return [*found, "nohead"]
    found.append(f"side={'before' if head.i < anchor.i else 'after' if head.i > anchor.i else 'on'}")
    distance = abs(head.i - anchor.i)
    found.append(f"distance={'1' if distance <= 1 else '2-3' if distance <= 3 else '4-8' if distance <= 8 else 'far'}")
    found.append(f"own_dep={_relation(head)}")
    if head.dep_ in MODIFIER_DEPS:
        found.append(f"modifier={head.dep_}|{head.head.pos_}")
        if head.i + 1 < len(head.doc) and head.nbor(1).text in {"-", "–"}:
            found.append("hyphenated")
    lifted, through = lifted_phrase(head)
    found += [f"lifted={m}" for m in through]
    chain, reached = _chain(lifted, anchor)
    passive = is_passive(anchor)
    if reached:
        path = ">".join(chain[:MAX_PATH]) or "self"
        found += [f"path={path}", f"path1={chain[0] if chain else 'self'}", f"len={min(len(chain), 4)}"]
        found.append(f"type|path1={event_type}|{chain[0] if chain else 'self'}")
        if passive:
            found.append(f"passive|path1={chain[0] if chain else 'self'}")
        if len(chain) >= 2:
            found.append(f"path2={chain[0]}>{chain[1]}")
            found.append(f"last={chain[-1]}")
    else:
        # Up from both to the word that joins the mention's phrase and the anchor's.
        common = _common(lifted, anchor)
        below, _ = _chain(lifted, common) if common is not None else ([], False)
        above, _ = _chain(anchor, common) if common is not None else ([], False)
        chain = below
        found.append("path=outside")
        found.append(f"below={'>'.join(below[:2]) or 'self'}")
        found.append(f"above={'>'.join(above[:2]) or 'self'}")
        found.append(f"below1={below[0] if below else 'self'}")
        found.append(f"above1={above[0] if above else 'self'}")
        if common is not None:
            found.append(f"common={common.pos_}")
        found.append(f"type|below1={event_type}|{below[0] if below else 'self'}")
    if QUALIFIERS & set(chain) and not _describes_a_person(head):
        # "Estonia, a NATO member, ...", "Latvia, backed by Lithuania, ...": inside a qualifier.
        found += [QUALIFIED, f"{QUALIFIED}|{rule}"]
    if title_case(span.text):
        found.append(f"headline|order={min(order, 3)}")
    return found


def _describes_a_person(head: Token) -> bool:
    """ "Omar Haddad, a Jordanian engineer": the word that qualifies the noun in apposition to a
    person's name tells who the person is (their state or body), so it stands for the person."""
    noun = head.head
    return (
        head.dep_ in {"amod", "compound"}
        and noun.dep_ == "appos"
        and noun.head.ent_type_ == "PERSON"
        and noun.head.i < noun.i
    )


def _common(first: Token, second: Token) -> Token | None:
    ancestors = {first.i, *(t.i for t in first.ancestors)}
    for token in [second, *second.ancestors]:
        if token.i in ancestors:
            return token
    return None


@dataclass
class RoleModel:
    vocabulary: dict[str, int]
    coef: np.ndarray  # (3, features)
    intercept: np.ndarray  # (3,)

    def probabilities(self, rows: Sequence[Sequence[str]]) -> np.ndarray:
        """Source, target and neither probabilities per candidate (softmax over the three)."""
        logits = np.tile(self.intercept, (len(rows), 1)).astype(np.float64)
        for index, row in enumerate(rows):
            columns = [self.vocabulary[f] for f in set(row) if f in self.vocabulary]
            if columns:
                logits[index] += self.coef[:, columns].sum(axis=1)
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        return np.asarray(exp / exp.sum(axis=1, keepdims=True))

    @classmethod
    def fit(cls, rows: Sequence[Sequence[str]], labels: Sequence[int], c: float = 1.0) -> RoleModel:
        from sklearn.linear_model import LogisticRegression

        names = sorted({f for row in rows for f in row})
        vocabulary = {name: index for index, name in enumerate(names)}
        matrix = np.zeros((len(rows), len(names)), dtype=np.float32)
        for index, row in enumerate(rows):
            for feature in set(row):
                matrix[index, vocabulary[feature]] = 1.0
        model = LogisticRegression(C=c, max_iter=3000)
        model.fit(matrix, np.asarray(labels))
        coef = np.zeros((3, len(names)), dtype=np.float32)
        intercept = np.zeros(3, dtype=np.float32)
        for position, label in enumerate(model.classes_):
            coef[int(label)] = model.coef_[position]
            intercept[int(label)] = model.intercept_[position]
        return cls(vocabulary, coef, intercept)

    def save(self, path: Path) -> None:
        names = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        np.savez_compressed(path, features=np.array(names), coef=self.coef, intercept=self.intercept)

    @classmethod
    def load(cls, path: Path | None = None) -> RoleModel:
        source = path or Path(str(resources.files("dragoman.events.learned") / WEIGHTS))
        with np.load(source) as data:
            names = [str(x) for x in data["features"]]
            return cls({n: i for i, n in enumerate(names)}, data["coef"], data["intercept"])

    def fingerprint(self) -> str:
        return hashlib.sha1(self.coef.tobytes() + self.intercept.tobytes()).hexdigest()[:8]
