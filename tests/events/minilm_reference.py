"""The BERT forward pass in plain NumPy, the float reference the encoder's ONNX graph is
checked against: every position of the padded batch through every step, in float32, GELU
with SciPy's erf, padded keys blocked with -1e9 before the softmax. It is the pass the
learned coder ran before the graph (dragoman/events/learned/encoder.py), without the packing
that made it faster."""

from __future__ import annotations

import math

import numpy as np
from scipy.special import erf

from dragoman.events.learned.encoder import EPSILON


def layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    centred = x - x.mean(-1, keepdims=True)
    return centred / np.sqrt((centred**2).mean(-1, keepdims=True) + EPSILON) * weight + bias


def gelu(x: np.ndarray) -> np.ndarray:
    return 0.5 * x * (1.0 + erf(x / math.sqrt(2.0)))


def forward(w: dict[str, np.ndarray], heads: int, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Token states (batch, length, width) of a padded batch, over prepared weights."""
    layers = sum(1 for k in w if k.endswith("attention.self.query.weight"))
    batch, length = ids.shape
    x = (
        w["embeddings.word_embeddings.weight"][ids]
        + w["embeddings.position_embeddings.weight"][np.arange(length)][None]
        + w["embeddings.token_type_embeddings.weight"][0][None, None]
    )
    x = layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
    size = x.shape[-1] // heads
    blocked = (1.0 - mask.astype(np.float32))[:, None, None, :] * np.float32(-1e9)
    for n in range(layers):
        p = f"encoder.layer.{n}."

        def linear(h: np.ndarray, name: str, prefix: str = p) -> np.ndarray:
            flat = h.reshape(-1, h.shape[-1]) @ w[prefix + name + ".weight"] + w[prefix + name + ".bias"]
            return flat.reshape(batch, length, -1)

        def split(h: np.ndarray) -> np.ndarray:
            return h.reshape(batch, length, heads, size).transpose(0, 2, 1, 3)

        q, k, v = (split(linear(x, f"attention.self.{name}")) for name in ("query", "key", "value"))
        scores = q @ k.transpose(0, 1, 3, 2) / np.float32(math.sqrt(size)) + blocked
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        scores /= scores.sum(-1, keepdims=True)
        context = (scores @ v).transpose(0, 2, 1, 3).reshape(batch, length, -1)
        x = layer_norm(
            x + linear(context, "attention.output.dense"),
            w[p + "attention.output.LayerNorm.weight"],
            w[p + "attention.output.LayerNorm.bias"],
        )
        x = layer_norm(
            x + linear(gelu(linear(x, "intermediate.dense")), "output.dense"),
            w[p + "output.LayerNorm.weight"],
            w[p + "output.LayerNorm.bias"],
        )
    return x
