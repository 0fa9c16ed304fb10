"""torch is turned away only while spaCy's thinc probes for it."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import types

import pytest

from dragoman.lean_imports import TorchNotForThinc


def test_only_thincs_probe_is_turned_away(monkeypatch: pytest.MonkeyPatch) -> None:
    finder = TorchNotForThinc()
    probing = types.ModuleType("thinc.compat")  # mid-import: has_torch not set yet
    monkeypatch.setitem(sys.modules, "thinc.compat", probing)
    with pytest.raises(ModuleNotFoundError):
        finder.find_spec("torch.utils.dlpack", None)
    assert finder.find_spec("numpy", None) is None
    probing.has_torch = False  # type: ignore[attr-defined]
    assert finder.find_spec("torch", None) is None  # after the probe, torch imports as usual


@pytest.mark.slow
@pytest.mark.skipif(importlib.util.find_spec("torch") is None, reason="torch not installed (requirements-train.txt)")
def test_a_parsing_process_does_not_load_torch_but_can() -> None:
    code = (
        "import sys, dragoman, spacy, thinc.compat; "
        "print('torch' in sys.modules, thinc.compat.has_torch); import torch; print('torch' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "False", "True"]
