"""An int8 ONNX copy of the sentence-transformers model, run with onnxruntime (`--backend onnx`).

The transformer is exported once with torch.onnx (the optimum-based `[onnx]` extra of
sentence-transformers does not resolve here), with eager attention so that onnxruntime's BERT
optimizer can fuse each layer's self-attention into one `Attention` op and the embeddings into
`EmbedLayerNormalization`; then its MatMul and Attention weights are quantised to int8 per channel
(plain `quantize_dynamic` over every op fell to cosine 0.95 against the torch vectors; MatMul and
Attention only, per channel, keeps 0.99 on the seeds), and the file is cached in the user cache dir
next to the embedding cache, keyed by the model's weights. Later runs load the cached file: no
torch import. The residual additions are left as Add + LayerNormalization, and the session is told
not to fuse them into SkipLayerNormalization: that kernel measured five times slower here.

Mean pooling and L2 normalisation are done here in numpy, as the packaged model's pooling
config asks (`pooling_mode_mean_tokens`). Every sentence is run on its own (see `_encode`), so that
its vector does not depend on what else is embedded with it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import tempfile
import warnings
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

from .embed import embed_unique
from .errors import ModelError

ONNX_FORMAT = "int8-fused-attention-perchannel-v3"  # bump when the export or quantisation changes
OPSET = 17
EARLY_LAYERS = (0, 1)
# onnxruntime's CPU SkipLayerNormalization measured 2.0 us a row of 384 against 0.37 us for
# Add + LayerNormalization (onnxruntime 1.31), so the session keeps the two apart
DISABLED_OPTIMIZERS = ["SkipLayerNormFusion"]


def _weights_digest(model_dir: Path) -> str:
    """Identifies the model's weights cheaply: names, sizes and mtimes of its files."""
    h = hashlib.sha256(ONNX_FORMAT.encode())
    for path in sorted(model_dir.rglob("*")):
        if path.is_file():
            stat = path.stat()
            h.update(f"{path.relative_to(model_dir)}\0{stat.st_size}\0{int(stat.st_mtime)}\n".encode())
    return h.hexdigest()[:16]


def exported_path(model_dir: str | Path, cache_dir: str | Path) -> Path:
    model_dir = Path(model_dir)
    return Path(cache_dir).expanduser() / "onnx" / f"{model_dir.name}-{_weights_digest(model_dir)}.int8.onnx"


def export(model_dir: str | Path, target: Path, log: Callable[[str], None] = lambda message: None) -> Path:
    """Export the transformer of a local sentence-transformers folder to int8 ONNX at `target`.
    Our one log line is the only thing it prints (see `_quiet`)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    log(f"exporting {model_dir} to int8 ONNX (once; cached at {target})")
    with _quiet():
        return _export(model_dir, target)


@contextlib.contextmanager
def _quiet():
    """Silence, for the export only, what the libraries print: transformers' "Loading weights" bar,
    torch's TracerWarning and UserWarnings, and onnxruntime's quantizer's `logging.warning`
    ("Please consider to run pre-processing"), which would also give the root logger a stderr
    handler for the rest of the run. Everything is put back as it was afterwards."""
    from transformers.utils import logging as hf_logging

    root = logging.getLogger()
    guard = logging.NullHandler()  # with a handler, logging.warning() does not call basicConfig()
    bar_was_on, verbosity = hf_logging.is_progress_bar_enabled(), hf_logging.get_verbosity()
    disabled = root.manager.disable
    root.addHandler(guard)
    logging.disable(logging.WARNING)
    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        hf_logging.set_verbosity(verbosity)
        if bar_was_on:
            hf_logging.enable_progress_bar()
        logging.disable(disabled)
        root.removeHandler(guard)


def _export(model_dir: str | Path, target: Path) -> Path:
    import torch
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from onnxruntime.transformers.fusion_options import FusionOptions
    from onnxruntime.transformers.optimizer import optimize_model
    from transformers import AutoModel

    # eager attention: the sdpa export (IsNaN/Where mask handling) is not recognised by the fusion
    model = AutoModel.from_pretrained(str(model_dir), attn_implementation="eager").eval()
    heads, hidden = model.config.num_attention_heads, model.config.hidden_size

    class Encoder(torch.nn.Module):
        def __init__(self, inner):
            super().__init__()
            self.inner = inner

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.inner(input_ids=input_ids, attention_mask=attention_mask,
                              token_type_ids=token_type_ids).last_hidden_state

    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent) as work:
        plain = Path(work) / "model.onnx"
        example = torch.ones((2, 8), dtype=torch.long)
        axes = {0: "batch", 1: "tokens"}
        with torch.no_grad():
            torch.onnx.export(Encoder(model), (example, example, torch.zeros_like(example)), str(plain),
                              input_names=["input_ids", "attention_mask", "token_type_ids"],
                              output_names=["last_hidden_state"], opset_version=OPSET, dynamo=False,
                              dynamic_axes={"input_ids": axes, "attention_mask": axes, "token_type_ids": axes,
                                            "last_hidden_state": axes})
        # fuse before quantising: after it, the int8 MatMuls hide the attention pattern
        fused = Path(work) / "model.fused.onnx"
        fusion = FusionOptions("bert")
        fusion.enable_skip_layer_norm = False  # see DISABLED_OPTIMIZERS
        fusion.enable_bias_gelu = False  # the bias goes into the int8 MatMul instead
        optimize_model(str(plain), model_type="bert", num_heads=heads, hidden_size=hidden,
                       optimization_options=fusion, opt_level=0).save_model_to_file(str(fused))
        quantised = Path(work) / "model.int8.onnx"
        quantize_dynamic(str(fused), str(quantised), per_channel=True, weight_type=QuantType.QInt8,
                         op_types_to_quantize=["MatMul", "Attention"], nodes_to_exclude=_kept_in_float(fused),
                         extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT})
        os.replace(quantised, target)  # atomic: a half-written file is never picked up
    return target


def _kept_in_float(path: Path) -> list[str]:
    """The MatMuls left in float: the feed-forward output of the first two layers, whose
    rounding errors every later layer carries (on the seeds: lowest cosine to torch 0.990 with
    every MatMul in int8, 0.992 with these two in float, for about a tenth of the int8 speed)."""
    import onnx

    return [node.name for node in onnx.load(str(path), load_external_data=False).graph.node
            if node.op_type == "MatMul" and any(f"/layer.{n}/output/dense/" in node.name for n in EARLY_LAYERS)]


class OnnxEmbedder:
    """Same interface as SentenceTransformerEmbedder: `embed(texts) -> L2-normalised rows`."""

    def __init__(self, model_dir: str | Path, name: str, cache_dir: str | Path,
                 threads: int | None = None, log: Callable[[str], None] = lambda message: None,
                 onnx_file: str | Path | None = None, disabled_optimizers: Sequence[str] = DISABLED_OPTIMIZERS,
                 parallel: bool = True):
        self.model_dir = Path(model_dir)
        self.onnx_file = Path(onnx_file) if onnx_file else None  # a given file (benchmarks), not the export
        self.disabled_optimizers = list(disabled_optimizers)
        # its vectors differ slightly from torch's: own cache keys; "one a run" since each sentence is run alone
        # (the vectors batches gave, cached by earlier versions, are not reused)
        self.name = f"{name} [onnx int8, one a run]"
        self.cache_dir = Path(cache_dir).expanduser()
        self.threads = threads or os.cpu_count() or 1
        # one single-threaded session run on several sentences at once (onnxruntime's run is
        # thread-safe), not one sentence split op by op over the threads: no wait at every op for the
        # slowest thread, which a shared machine makes long
        self.parallel = parallel and self.threads > 1
        self.log = log
        self._session = None
        self._tokenizer = None
        self.max_tokens = _max_seq_length(self.model_dir)

    def _load(self):
        if self._session is None:
            try:
                import onnxruntime as ort
                from tokenizers import Tokenizer
            except ImportError:
                raise ModelError("--backend onnx needs onnxruntime and onnx: pip install 'briefing[onnx]'") from None
            if not (self.model_dir / "tokenizer.json").is_file():
                raise ModelError(f"--backend onnx needs a local model folder with tokenizer.json, "
                                 f"not {self.model_dir}")
            path = self.onnx_file or exported_path(self.model_dir, self.cache_dir)
            if not path.is_file():
                export(self.model_dir, path, self.log)
            options = ort.SessionOptions()
            options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
            options.intra_op_num_threads = 1 if self.parallel else self.threads
            options.inter_op_num_threads = 1
            # no busy-waiting between ops: on a shared machine spinning threads fight the other
            # processes for the cores (measured: 26 sentences/s spinning, 70 not, under load 3.5)
            options.add_session_config_entry("session.intra_op.allow_spinning", "0")
            try:
                self._session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"],
                                                     disabled_optimizers=self.disabled_optimizers)
            except Exception as error:  # a damaged cached file: export again once
                if self.onnx_file is not None:
                    raise ModelError(f"cannot load ONNX model {path}: {str(error)[:200]}") from None
                self.log(f"cached ONNX model {path} is unreadable ({str(error)[:120]}); exporting it again")
                export(self.model_dir, path, self.log)
                self._session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"],
                                                     disabled_optimizers=self.disabled_optimizers)
            tokenizer = Tokenizer.from_file(str(self.model_dir / "tokenizer.json"))
            tokenizer.enable_truncation(self.max_tokens)
            tokenizer.no_padding()
            self._tokenizer = tokenizer
            self._inputs = {i.name for i in self._session.get_inputs()}
        return self._session

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        return embed_unique(texts, self._encode)

    def _encode(self, texts: list[str]) -> np.ndarray:
        """Each sentence in a run of its own: int8 activations are quantised with one scale per run, so a
        sentence batched with others (and their padding) came out a little different with each batch
        (cosine 0.9916 at worst), and a brief made from the cache differed from one made afresh. Alone,
        a sentence's vector depends on it only. The threads take the sentences in turns, by length."""
        session = self._load()
        encodings = self._tokenizer.encode_batch(texts)
        order = np.argsort([len(e.ids) for e in encodings], kind="stable")
        threads = min(self.threads if self.parallel else 1, len(order)) or 1
        out: list[np.ndarray | None] = [None] * len(texts)

        def run(rows: np.ndarray) -> None:
            for row in rows.tolist():
                ids = np.array([encodings[row].ids], dtype=np.int64)
                feed = {"input_ids": ids, "attention_mask": np.ones_like(ids), "token_type_ids": np.zeros_like(ids)}
                pooled = session.run(None, {k: v for k, v in feed.items() if k in self._inputs})[0][0].mean(axis=0)
                out[row] = pooled / max(float(np.linalg.norm(pooled)), 1e-12)

        shares = [order[k::threads] for k in range(threads)]
        if threads > 1:
            pool = ThreadPoolExecutor(threads)
            try:
                list(pool.map(run, shares))  # re-raises a thread's error here
            finally:
                pool.shutdown(wait=True, cancel_futures=True)
        else:
            run(order)
        return np.vstack(out).astype(np.float32, copy=False) if out else np.empty((0, 0), dtype=np.float32)


def _max_seq_length(model_dir: Path) -> int:
    try:
        return int(json.loads((model_dir / "sentence_bert_config.json").read_text())["max_seq_length"])
    except (OSError, KeyError, ValueError):
        return 256
