"""Keep torch out of processes that only parse.

spaCy's array library (thinc) imports torch whenever it is installed, to offer it as a
backend. The pipeline dragoman runs (en_core_web_sm, a CNN) never uses it, yet that
import costs about 2 s and 190 MB in every process and every worker. torch is not a
runtime requirement: it is installed where the PLV pair classifier is trained or
evaluated (requirements-train.txt, included by the dev install), and the classifier
imports it itself when it is used; there, only thinc's import at start-up is turned
away, and torch stays importable for everyone else.
A program that imports dragoman and also runs a spaCy pipeline that needs torch
(a transformer) sets DRAGOMAN_SPACY_TORCH=1.
"""

from __future__ import annotations

import importlib.abc
import os
import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType


def _thinc_probing_for_torch() -> bool:
    """True while thinc.compat runs its ``try: import torch`` (it sets has_torch right after)."""
    compat = sys.modules.get("thinc.compat")
    return compat is not None and not hasattr(compat, "has_torch")


class TorchNotForThinc(importlib.abc.MetaPathFinder):
    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if fullname.split(".")[0] == "torch" and _thinc_probing_for_torch():
            raise ModuleNotFoundError("torch is not needed by spaCy's CNN pipelines", name=fullname)
        return None


def install() -> None:
    if os.environ.get("DRAGOMAN_SPACY_TORCH") == "1":
        return
    if not any(isinstance(finder, TorchNotForThinc) for finder in sys.meta_path):
        sys.meta_path.insert(0, TorchNotForThinc())
