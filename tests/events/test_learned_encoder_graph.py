"""The encoder's ONNX graph, built from checkpoint weights, computes the BERT forward pass:
in float32 it gives the plain NumPy pass (tests/events/minilm_reference.py) to float
precision on a tiny hand-built model, and what stands at padded positions reaches no real
token. On the real MiniLM weights (slow), float32 gives the reference's sentence vectors to
1e-4, and the int8 graph the coder runs stays within a cosine of 0.98 of them."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from dragoman.events.learned.encoder import (
    HEADS,
    SentenceEncoder,
    cached,
    fingerprint,
    graph,
    overlaid,
    overlay_path,
    pooled,
    prepared,
    session,
)
from tests.events.minilm_reference import forward

WIDTH = 2 * HEADS  # two dimensions a head
INNER = 4 * WIDTH
VOCABULARY = 11
POSITIONS = 6
# A few units in float32's last place, summed in another order by another kernel.
FLOAT32_ROUNDING = 1e-5


def tiny_weights(layers: int = 2) -> dict[str, np.ndarray]:
    """Small random weights, prepared from names and shapes as a checkpoint stores them."""
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
    return prepared({f"bert.{name}": weight for name, weight in w.items()})


def run(w: dict[str, np.ndarray], ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
    (states,) = session(graph(w).SerializeToString()).run(None, {"input_ids": ids, "attention_mask": mask})
    return np.asarray(states)


# Three sentences of 6, 2 and 4 tokens, padded to 6 with token 0.
IDS = np.array([[1, 5, 3, 9, 4, 2], [1, 2, 0, 0, 0, 0], [1, 7, 8, 2, 0, 0]], dtype=np.int32)
MASK = np.array([[1, 1, 1, 1, 1, 1], [1, 1, 0, 0, 0, 0], [1, 1, 1, 1, 0, 0]], dtype=np.int32)


def test_float_graph_gives_the_reference_pass_at_real_tokens() -> None:
    w = tiny_weights()
    states = run(w, IDS, MASK)
    reference = forward(w, HEADS, IDS, MASK)
    assert states.shape == (3, 6, WIDTH) and states.dtype == np.float32
    real = MASK > 0
    np.testing.assert_allclose(states[real], reference[real], rtol=FLOAT32_ROUNDING, atol=FLOAT32_ROUNDING)
    assert not np.allclose(states[0, 0], states[1, 0])  # the sentences differ


def test_what_stands_at_padded_positions_reaches_no_real_token() -> None:
    w = tiny_weights()
    other = IDS.copy()
    other[MASK == 0] = 6
    real = MASK > 0
    assert np.array_equal(run(w, other, MASK)[real], run(w, IDS, MASK)[real])


def test_pooling_averages_real_tokens_to_unit_length() -> None:
    states = np.array([[[3.0, 0.0], [1.0, 4.0], [50.0, 50.0]]], dtype=np.float32)
    vector = pooled(states, np.array([[1, 1, 0]], dtype=np.int32))
    np.testing.assert_allclose(vector, [[2.0 / np.hypot(2.0, 2.0), 2.0 / np.hypot(2.0, 2.0)]], rtol=1e-6)


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


def test_the_int8_graph_is_built_once_then_read_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    weights = tmp_path / "model.safetensors"
    weights.write_bytes(b"weights")
    builds: list[bytes] = []

    def build() -> bytes:
        builds.append(weights.read_bytes())
        return b"graph of " + builds[-1]

    assert cached(weights, build) == b"graph of weights"
    assert cached(weights, build) == b"graph of weights"
    assert builds == [b"weights"]
    folder = tmp_path / "cache" / "dragoman"
    assert [f.name for f in folder.iterdir()] == [f"minilm-int8-{fingerprint(weights)}.onnx"]  # no temporary left
    weights.write_bytes(b"other weights")  # other weights, another key
    assert cached(weights, build) == b"graph of other weights"
    assert builds == [b"weights", b"other weights"]


def test_the_tuned_layers_are_part_of_the_cache_key(tmp_path: Path) -> None:
    weights = tmp_path / "model.safetensors"
    weights.write_bytes(b"weights")
    tuned = tmp_path / "top.npz"
    tuned.write_bytes(b"tuned layers")
    base = fingerprint(weights)
    assert fingerprint(weights, tuned) != base
    first = fingerprint(weights, tuned)
    tuned.write_bytes(b"other tuned layers")
    assert fingerprint(weights, tuned) not in {base, first}


def test_the_overlay_replaces_only_the_weights_it_names(tmp_path: Path) -> None:
    w = {"bert.encoder.layer.1.output.dense.bias": np.zeros(3, np.float32), "bert.pooler.bias": np.ones(2, np.float32)}
    tuned = tmp_path / "top.npz"
    np.savez(tuned, **{"encoder.layer.1.output.dense.bias": np.array([1.0, 2.0, 3.0], np.float16)})  # type: ignore[arg-type]
    out = overlaid(dict(w), tuned)
    assert out["bert.encoder.layer.1.output.dense.bias"].tolist() == [1.0, 2.0, 3.0]
    assert out["bert.encoder.layer.1.output.dense.bias"].dtype == np.float32
    assert out["bert.pooler.bias"].tolist() == [1.0, 1.0]
    assert overlaid(dict(w), None) == w
    np.savez(tuned, **{"encoder.layer.9.output.dense.bias": np.zeros(3, np.float16)})  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="layer.9.output.dense.bias is not a weight of the base model"):
        overlaid(dict(w), tuned)


def test_the_packaged_overlay_tunes_the_top_two_layers() -> None:
    path = overlay_path()
    assert path is not None
    with np.load(path) as tuned:
        layers = {name.split(".")[2] for name in tuned.files}
        assert layers == {"4", "5"} and all(tuned[n].dtype == np.float16 for n in tuned.files)


def test_an_unwritable_cache_only_costs_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "cache").write_text("a file where the cache folder would be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    weights = tmp_path / "model.safetensors"
    weights.write_bytes(b"weights")
    builds: list[int] = []

    def build() -> bytes:
        builds.append(1)
        return b"graph"

    assert cached(weights, build) == cached(weights, build) == b"graph"
    assert len(builds) == 2


# -- the real model ------------------------------------------------------------------------


def sentences() -> list[str]:
    """Sentences of the sample corpus, of many lengths (a few over the 128-token cut)."""
    sample = Path(__file__).resolve().parents[2] / "sample"
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(sample.rglob("*.txt")))
    parts = [s.strip() for s in text.replace("\n", " ").split(". ") if len(s.strip()) > 20]
    return parts[:60] + [" ".join(parts[:12])]


def reference_vectors(encoder: SentenceEncoder, texts: list[str]) -> np.ndarray:
    from safetensors.numpy import load_file
    from threadpoolctl import threadpool_limits

    from dragoman.events.learned.encoder import model_dir

    w = prepared(overlaid(load_file(str(model_dir() / "model.safetensors")), overlay_path()))
    vectors = []
    with threadpool_limits(limits=1, user_api="blas"):
        for text in texts:  # one sentence a batch: no padding
            ids = np.array([encoder.tokenizer.encode(text).ids], dtype=np.int32)
            vectors.append(pooled(forward(w, HEADS, ids, np.ones_like(ids)), np.ones_like(ids))[0])
    return np.array(vectors)


@pytest.mark.slow
def test_real_model_float_graph_gives_the_reference_vectors_and_int8_stays_close() -> None:
    texts = sentences()
    assert len(texts) > 30
    exact = SentenceEncoder(int8=False)
    reference = reference_vectors(exact, texts)
    vectors = exact.encode(texts)
    assert np.abs(vectors - reference).max() < 1e-4
    np.testing.assert_allclose(exact.encode(texts[::-1])[::-1], vectors, atol=1e-6)  # input order kept
    cosines = (SentenceEncoder().encode(texts) * reference).sum(1)
    assert cosines.min() > 0.98 and cosines.mean() > 0.99
