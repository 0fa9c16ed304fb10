"""The encoder's forward pass runs the per-token work on the real tokens only (packed),
the query, key and value as one product, and lays out attention padded: on a tiny hand-built
model it gives what the plain padded pass gives, and what stands at padded positions
reaches no real token.

Products of different shapes may take different BLAS kernels, whose sums round differently
on some processors (bitwise equal on one machine, a few units in the last place on another),
so the packed and plain passes are compared to float32 precision; the same pass on the same
shapes is compared exactly."""

from __future__ import annotations

import math

import numpy as np

from dragoman.events.learned.encoder import HEADS, SentenceEncoder, _gelu, _layer_norm, prepared

WIDTH = 2 * HEADS  # two dimensions a head
INNER = 4 * WIDTH
VOCABULARY = 11
POSITIONS = 6
# A few units in float32's last place, for sums a different kernel adds in another order.
FLOAT32_ROUNDING = 1e-5


def tiny_encoder(layers: int = 2) -> SentenceEncoder:
    """A SentenceEncoder over small random weights, laid out as a checkpoint stores them."""
    rng = np.random.default_rng(7)

    def draw(*shape: int) -> np.ndarray:
        return rng.normal(0.0, 0.5, shape).astype(np.float32)

    w = {
        "embeddings.word_embeddings.weight": draw(VOCABULARY, WIDTH),
        "embeddings.position_embeddings.weight": draw(POSITIONS, WIDTH),
        "embeddings.token_type_embeddings.weight": draw(2, WIDTH),
        "embeddings.LayerNorm.weight": 1.0 + draw(WIDTH),
        "embeddings.LayerNorm.bias": draw(WIDTH),
    }
    for n in range(layers):
        p = f"encoder.layer.{n}."
        shapes = {
            "attention.self.query": (WIDTH, WIDTH),
            "attention.self.key": (WIDTH, WIDTH),
            "attention.self.value": (WIDTH, WIDTH),
            "attention.output.dense": (WIDTH, WIDTH),
            "intermediate.dense": (WIDTH, INNER),
            "output.dense": (INNER, WIDTH),
        }
        for name, (rows, columns) in shapes.items():
            w[p + name + ".weight"] = draw(columns, rows)  # (out, in), as a checkpoint stores it
            w[p + name + ".bias"] = draw(columns)
        for norm in ("attention.output.LayerNorm", "output.LayerNorm"):
            w[p + norm + ".weight"] = 1.0 + draw(WIDTH)
            w[p + norm + ".bias"] = draw(WIDTH)
    encoder = object.__new__(SentenceEncoder)
    encoder.w = prepared({f"bert.{name}": weight for name, weight in w.items()})
    encoder.layers = layers
    return encoder


def padded_pass(encoder: SentenceEncoder, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """The plain pass: every position of the padded batch through every step."""
    w = encoder.w
    batch, length = ids.shape
    x = (
        w["embeddings.word_embeddings.weight"][ids]
        + w["embeddings.position_embeddings.weight"][np.arange(length)][None]
        + w["embeddings.token_type_embeddings.weight"][0][None, None]
    )
    x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
    size = WIDTH // HEADS
    blocked = (1.0 - mask)[:, None, None, :] * -1e9
    for n in range(encoder.layers):
        p = f"encoder.layer.{n}."

        def linear(h: np.ndarray, name: str, prefix: str = p) -> np.ndarray:
            flat = h.reshape(-1, h.shape[-1]) @ w[prefix + name + ".weight"] + w[prefix + name + ".bias"]
            return flat.reshape(batch, length, -1)

        def heads(h: np.ndarray) -> np.ndarray:
            return h.reshape(batch, length, HEADS, size).transpose(0, 2, 1, 3)

        q, k, v = (heads(linear(x, f"attention.self.{name}")) for name in ("query", "key", "value"))
        scores = q @ k.transpose(0, 1, 3, 2) / math.sqrt(size) + blocked
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        scores /= scores.sum(-1, keepdims=True)
        context = (scores @ v).transpose(0, 2, 1, 3).reshape(batch, length, -1)
        x = _layer_norm(
            x + linear(context, "attention.output.dense"),
            w[p + "attention.output.LayerNorm.weight"],
            w[p + "attention.output.LayerNorm.bias"],
        )
        inner = _gelu(linear(x, "intermediate.dense"))
        x = _layer_norm(
            x + linear(inner, "output.dense"), w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"]
        )
    return x


# Three sentences of 6, 2 and 4 tokens, padded to 6 with token 0.
IDS = np.array([[1, 5, 3, 9, 4, 2], [1, 2, 0, 0, 0, 0], [1, 7, 8, 2, 0, 0]], dtype=np.int64)
MASK = np.array([[1, 1, 1, 1, 1, 1], [1, 1, 0, 0, 0, 0], [1, 1, 1, 1, 0, 0]], dtype=np.float32)


def test_packed_pass_gives_the_padded_pass_exactly_at_real_tokens() -> None:
    encoder = tiny_encoder()
    states = encoder._forward(IDS, MASK)
    reference = padded_pass(encoder, IDS, MASK)
    assert states.shape == (3, 6, WIDTH) and states.dtype == np.float32
    real = MASK > 0
    np.testing.assert_allclose(states[real], reference[real], rtol=FLOAT32_ROUNDING, atol=FLOAT32_ROUNDING)
    assert not states[~real].any()  # padded positions hold zeros
    assert not np.array_equal(states[0, 0], states[1, 0])  # the sentences differ


def test_what_stands_at_padded_positions_reaches_no_real_token() -> None:
    encoder = tiny_encoder()
    other = IDS.copy()
    other[MASK == 0] = 6
    assert np.array_equal(encoder._forward(other, MASK), encoder._forward(IDS, MASK))


def test_a_batch_without_padding_is_the_plain_pass() -> None:
    encoder = tiny_encoder(layers=1)
    ids, mask = IDS[:1], MASK[:1]
    np.testing.assert_allclose(
        encoder._forward(ids, mask), padded_pass(encoder, ids, mask), rtol=FLOAT32_ROUNDING, atol=FLOAT32_ROUNDING
    )


def test_weights_are_transposed_and_query_key_value_joined() -> None:
    w = prepared(
        {
            "bert.encoder.layer.0.attention.self.query.weight": np.array([[1.0, 2.0], [3.0, 4.0]]),
            "bert.encoder.layer.0.attention.self.query.bias": np.array([0.5, 0.25]),
            "bert.encoder.layer.0.attention.self.key.weight": np.array([[5.0, 6.0], [7.0, 8.0]]),
            "bert.encoder.layer.0.attention.self.key.bias": np.array([1.5, 1.25]),
            "bert.encoder.layer.0.attention.self.value.weight": np.array([[9.0, 10.0], [11.0, 12.0]]),
            "bert.encoder.layer.0.attention.self.value.bias": np.array([2.5, 2.25]),
            "bert.embeddings.word_embeddings.weight": np.array([[1.0, 2.0]]),
        }
    )
    assert w["encoder.layer.0.attention.self.query.weight"].tolist() == [[1.0, 3.0], [2.0, 4.0]]
    assert w["encoder.layer.0.attention.self.qkv.weight"].tolist() == [
        [1.0, 3.0, 5.0, 7.0, 9.0, 11.0],
        [2.0, 4.0, 6.0, 8.0, 10.0, 12.0],
    ]
    assert w["encoder.layer.0.attention.self.qkv.bias"].tolist() == [0.5, 0.25, 1.5, 1.25, 2.5, 2.25]
    assert w["embeddings.word_embeddings.weight"].tolist() == [[1.0, 2.0]]  # embeddings as stored
    assert all(v.dtype == np.float32 for v in w.values())
