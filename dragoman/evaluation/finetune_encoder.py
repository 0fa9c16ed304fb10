"""Fine-tune the top two layers of the MiniLM sentence encoder to type events, on the project's
own training sentences (the templates; no third-party text), and write them as the overlay the
encoder lays over the package's base weights (``events/learned/minilm_top.npz``, float16).

    python -m dragoman.evaluation.finetune_encoder [--output PATH]

Then ``python -m dragoman.evaluation.calibrate_events --retrain`` refits the type and role
models on the tuned vectors. Needs torch (requirements-train.txt), on the CPU, one thread: the
same sentences, seed and schedule give the same weights on the same machine.

Why: the frozen, mean-pooled vector says what a sentence is about more than what was done in
it. Training layers 4 and 5 with a multi-label head (one sigmoid per PLOVER type and NONE) moves
the pooled vector toward the event; the head is then dropped, and the type model's logistic
regressions read the tuned vector beside the sentence's words, as before. Embeddings and layers
0-3 stay frozen, so their states are computed once. The graph keeps its shape, so the encoder
costs what it did.
"""

from __future__ import annotations

import argparse
import math
import random
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from dragoman.events.learned.corpus import NONE, Example, template_examples
from dragoman.events.learned.encoder import HEADS, MAX_TOKENS, OVERLAY, WIDTH, model_dir

if TYPE_CHECKING:
    import torch

EPSILON = 1e-12
TUNED_LAYERS = (4, 5)
EPOCHS = 3
BATCH = 32
LAYER_RATE = 5e-5
HEAD_RATE = 1e-3
WEIGHT_DECAY = 0.01
DROPOUT = 0.1
WARMUP = 0.06  # share of the steps over which the rates rise
SEED = 0
# The parts of a layer, as the torch module names them and as the checkpoint does.
PARTS = {
    "query": "attention.self.query",
    "key": "attention.self.key",
    "value": "attention.self.value",
    "attended": "attention.output.dense",
    "attended_norm": "attention.output.LayerNorm",
    "inner": "intermediate.dense",
    "out": "output.dense",
    "out_norm": "output.LayerNorm",
}


def _modules():  # type: ignore[no-untyped-def]
    """The torch modules, built on first use: torch is imported only when training."""
    import torch
    from torch import nn

    class Embeddings(nn.Module):
        def __init__(self, w: dict[str, torch.Tensor]) -> None:
            super().__init__()
            e = "embeddings."
            self.word = nn.Parameter(w[e + "word_embeddings.weight"].clone())
            self.position = nn.Parameter(w[e + "position_embeddings.weight"].clone())
            self.type0 = nn.Parameter(w[e + "token_type_embeddings.weight"][0].clone())
            self.norm = _norm(w, e + "LayerNorm")

        def forward(self, ids: torch.Tensor) -> torch.Tensor:
            return self.norm(self.word[ids] + self.position[: ids.shape[1]][None] + self.type0[None, None])

    class Layer(nn.Module):
        """A post-LayerNorm BERT layer, as the ONNX graph runs it (encoder.graph)."""

        def __init__(self, w: dict[str, torch.Tensor], n: int, dropout: float = 0.0) -> None:
            super().__init__()
            p = f"encoder.layer.{n}."
            self.query = _linear(w, p + PARTS["query"])
            self.key = _linear(w, p + PARTS["key"])
            self.value = _linear(w, p + PARTS["value"])
            self.attended = _linear(w, p + PARTS["attended"])
            self.attended_norm = _norm(w, p + PARTS["attended_norm"])
            self.inner = _linear(w, p + PARTS["inner"])
            self.out = _linear(w, p + PARTS["out"])
            self.out_norm = _norm(w, p + PARTS["out_norm"])
            self.drop = nn.Dropout(dropout)

        def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
            batch, length, _ = x.shape
            size = WIDTH // HEADS

            def heads(h: torch.Tensor) -> torch.Tensor:
                return h.view(batch, length, HEADS, size).transpose(1, 2)

            q, k, v = heads(self.query(x)), heads(self.key(x)), heads(self.value(x))
            scores = q @ k.transpose(-1, -2) / math.sqrt(size)
            scores = scores + (1.0 - mask.float())[:, None, None, :] * -1e9
            context = (self.drop(scores.softmax(-1)) @ v).transpose(1, 2).reshape(batch, length, WIDTH)
            x = self.attended_norm(x + self.drop(self.attended(context)))
            return self.out_norm(x + self.drop(self.out(torch.nn.functional.gelu(self.inner(x)))))

    class Top(nn.Module):
        """The tuned layers and a multi-label head over their mean-pooled states."""

        def __init__(self, w: dict[str, torch.Tensor], labels: int, prior: torch.Tensor) -> None:
            super().__init__()
            self.layers = nn.ModuleList([Layer(w, n, DROPOUT) for n in TUNED_LAYERS])
            self.head = nn.Linear(WIDTH, labels)
            nn.init.zeros_(self.head.weight)
            self.head.bias.data.copy_(torch.logit(prior.clamp(1e-3, 1 - 1e-3)))

        def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
            for layer in self.layers:
                x = layer(x, mask)
            weights = mask.float()[:, :, None]
            pooled = (x * weights).sum(1) / weights.sum(1).clamp_min(1e-9)
            return self.head(pooled)  # type: ignore[no-any-return]

    return Embeddings, Layer, Top


def _linear(w: dict[str, torch.Tensor], name: str) -> torch.nn.Linear:
    from torch import nn

    weight = w[name + ".weight"]
    linear = nn.Linear(weight.shape[1], weight.shape[0])
    linear.weight.data.copy_(weight)
    linear.bias.data.copy_(w[name + ".bias"])
    return linear


def _norm(w: dict[str, torch.Tensor], name: str) -> torch.nn.LayerNorm:
    from torch import nn

    norm = nn.LayerNorm(WIDTH, eps=EPSILON)
    norm.weight.data.copy_(w[name + ".weight"])
    norm.bias.data.copy_(w[name + ".bias"])
    return norm


def _padded(states: Sequence[torch.Tensor]) -> tuple[torch.Tensor, torch.Tensor]:
    import torch

    length = max(len(s) for s in states)
    x = torch.zeros(len(states), length, WIDTH)
    mask = torch.zeros(len(states), length, dtype=torch.long)
    for row, state in enumerate(states):
        x[row, : len(state)] = state
        mask[row, : len(state)] = 1
    return x, mask


def _batches(rows: int, lengths: Sequence[int], rng: random.Random) -> list[list[int]]:
    """Shuffled, then sorted by length within pools of 50 batches (little padding), batches shuffled."""
    order = list(range(rows))
    rng.shuffle(order)
    batches = []
    for start in range(0, rows, BATCH * 50):
        pool = sorted(order[start : start + BATCH * 50], key=lambda i: lengths[i])
        batches += [pool[b : b + BATCH] for b in range(0, len(pool), BATCH)]
    rng.shuffle(batches)
    return batches


def finetune(examples: Sequence[Example]) -> dict[str, np.ndarray]:
    """The tuned layers' weights, named as in the checkpoint, in float16."""
    import torch
    from safetensors.torch import load_file
    from tokenizers import Tokenizer

    torch.set_num_threads(1)
    torch.manual_seed(SEED)
    rng = random.Random(SEED)
    directory = model_dir()
    raw = load_file(str(directory / "model.safetensors"))
    w = {k.removeprefix("bert.").removeprefix("model."): v.float() for k, v in raw.items()}
    tokenizer = Tokenizer.from_file(str(directory / "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.enable_truncation(MAX_TOKENS)
    ids = [e.ids for e in tokenizer.encode_batch([e.text for e in examples])]

    embeddings_class, layer_class, top_class = _modules()
    embeddings = embeddings_class(w).eval()
    frozen = [layer_class(w, n).eval() for n in range(min(TUNED_LAYERS))]
    states: list[torch.Tensor] = []
    with torch.no_grad():
        for sentence in ids:
            tokens = torch.tensor([sentence])
            mask = torch.ones_like(tokens)
            x = embeddings(tokens)
            for layer in frozen:
                x = layer(x, mask)
            states.append(x[0])

    labels = sorted({t for e in examples for t in e.labels}) + [NONE]
    targets = torch.tensor(
        [[float((name in e.labels) if name != NONE else not e.labels) for name in labels] for e in examples]
    )
    model = top_class(w, len(labels), targets.mean(0))
    optimiser = torch.optim.AdamW(
        [
            {"params": model.layers.parameters(), "lr": LAYER_RATE},
            {"params": model.head.parameters(), "lr": HEAD_RATE},
        ],
        weight_decay=WEIGHT_DECAY,
    )
    steps = EPOCHS * math.ceil(len(examples) / BATCH)
    warm = max(1, int(WARMUP * steps))
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda step: min((step + 1) / warm, max(0.0, (steps - step) / max(1, steps - warm)))
    )
    lengths = [len(sentence) for sentence in ids]
    model.train()
    for epoch in range(EPOCHS):
        total = 0.0
        for batch in _batches(len(examples), lengths, rng):
            x, mask = _padded([states[i] for i in batch])
            loss = torch.nn.functional.binary_cross_entropy_with_logits(model(x, mask), targets[batch])
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
            total += loss.item() * len(batch)
        print(f"epoch {epoch + 1}/{EPOCHS}: loss {total / len(examples):.4f}", flush=True)

    tuned: dict[str, np.ndarray] = {}
    for n, layer in zip(TUNED_LAYERS, model.layers, strict=True):
        for key, value in layer.state_dict().items():
            part, parameter = key.split(".")
            tuned[f"encoder.layer.{n}.{PARTS[part]}.{parameter}"] = value.numpy().astype(np.float16)
    return tuned


def main(argv: list[str] | None = None) -> None:
    default = Path(__file__).resolve().parent.parent / "events" / "learned" / OVERLAY
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, default=default)
    args = parser.parse_args(argv)
    examples = template_examples()
    tuned = finetune(examples)
    np.savez_compressed(args.output, **tuned)  # type: ignore[arg-type]
    print(f"{len(examples)} sentences, layers {TUNED_LAYERS} -> {args.output}")


if __name__ == "__main__":
    main()
