"""Train the shipped az / fa spaCy NER pipelines, evaluate them and write a model card.

    lingflow train ner --lang az [--out pipeline/models/ner-az]
                                               [--data-dir ../shared/data/ner] [--seed 0]

Steps: build the data mix (normalised with the shared ``normalize``; dates masked in sets
that do not annotate them; PEYMA never used for training) -> DocBin -> (fa: ``spacy pretrain`` of the
tok2vec with the vectors objective, :data:`PRETRAIN_EPOCHS`) -> ``spacy train``
with ``configs/<lang>.cfg`` (CPU, one thread, fixed seed) -> best model -> meta name and
version -> ``nlp.to_disk(out)`` -> evaluation on every dev set -> ``MODEL_CARD.md``.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import json  # noqa: E402
import shutil  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import spacy  # noqa: E402

from pipeline import languages  # noqa: E402
from pipeline.training.ner import CONFIGS, DATA  # noqa: E402

from pipeline.training.ner import tokenizer as _tok  # noqa: E402,F401  (registers the callback)
from pipeline.training.ner.data import SetSpec, build_docbin  # noqa: E402
from pipeline.training.ner.mixes import MIXES  # noqa: E402

REPO = Path(__file__).resolve().parents[3]
DEFAULT_DATA = DATA / "ner"
MODEL_VERSION = "1.0.0"

# Epochs of `spacy pretrain` (vectors objective, pipeline/training/ner/pretrain.py) that a language's recipe starts
# its tok2vec from; a language not listed trains from a random initialisation.
PRETRAIN_EPOCHS: dict[str, int] = {"fa": 20}
# The matrix library each shipped model was trained with (``lingflow train ner`` without ``--matmul``): thinc's blis
# for az (its weights reproduce bit for bit), numpy's BLAS for fa since session 32 (1.5x faster; the draw shipped).
MATMUL: dict[str, str] = {"az": "blis", "fa": "numpy"}

# Dev sets for model selection during training (a sample keeps evaluation cheap).
DEV_LIMIT = 1000
EXCLUDED_FROM_TRAINING = {"peyma"}


def _dev_specs(lang: str) -> list[SetSpec]:
    return [SetSpec(s.name, 1, s.has_date) for s in MIXES[lang] if s.name not in EXCLUDED_FROM_TRAINING]


def build_corpus(lang: str, data_dir: Path, work: Path, seed: int) -> dict[str, Any]:
    """Write ``train.spacy`` and ``dev.spacy`` under ``work``; return the data statistics."""
    nlp = _tok.fix_tokenizer(spacy.blank(lang))
    assert not any(s.name in EXCLUDED_FROM_TRAINING for s in MIXES[lang])
    train_db, train_stats = build_docbin(nlp, data_dir, lang, MIXES[lang], "train", seed=seed)
    dev_db, dev_stats = build_docbin(nlp, data_dir, lang, _dev_specs(lang), "dev", seed=seed,
                                     limit_per_set=DEV_LIMIT)
    work.mkdir(parents=True, exist_ok=True)
    train_db.to_disk(work / "train.spacy")
    dev_db.to_disk(work / "dev.spacy")
    return {"train": train_stats, "dev_for_selection": dev_stats}


def run_spacy_train(lang: str, work: Path, seed: int, config: Path,
                    overrides: dict[str, Any] | None = None, matmul: str = "blis") -> Path:
    """``spacy train`` on CPU; returns the ``model-best`` folder.

    ``matmul``: ``"blis"`` (thinc's default, which the shipped az weights were trained with, so the
    command reproduces them bit for bit) or ``"numpy"`` (numpy's BLAS: about 1.5x as fast here, the
    shipped fa weights since session 32; a machine with other BLAS kernels differs in the last float bits).
    """
    from spacy.cli.train import train as spacy_train
    from thinc.api import use_ops

    over = {"paths.train": str(work / "train.spacy"), "paths.dev": str(work / "dev.spacy"),
            "system.seed": seed, "nlp.lang": lang}
    over.update(overrides or {})
    table = lex_table(config, lang)
    if table is not None:
        if not table.exists():
            raise FileNotFoundError(missing_resources(config, lang))
        over.setdefault("initialize.components.lexfeatures.table", str(table))
    if uses_static_vectors(config, over) and not over.get("paths.vectors"):
        from pipeline.training.vectors import default_path, to_spacy

        over["paths.vectors"] = str(to_spacy(default_path(lang), work / "vectors", lang))
    if over.get("paths.init_tok2vec"):
        from pipeline.training.ner.pretrain import with_pretraining_block

        config = with_pretraining_block(config, work)
        print(f"tok2vec starts from {over['paths.init_tok2vec']}", flush=True)
    out = work / "training"
    with use_ops("numpy", use_blis=(matmul == "blis")):
        spacy_train(config, output_path=out, overrides=over, use_gpu=-1)
    return out / "model-best"


def lex_table(config: Path, lang: str) -> Path | None:
    """The word-list table folder a ``lexfeatures`` config reads (built or not), or None for any other config."""
    if "lexfeatures" not in spacy.util.load_config(config)["nlp"]["pipeline"]:
        return None
    from pipeline.training.lexfeatures import out_dir

    return out_dir(lang)


def missing_resources(config: Path, lang: str) -> str | None:
    """What a config needs that is not built yet (the word-list table of a ``lexfeatures`` config), as one line."""
    table = lex_table(config, lang)
    if table is None or table.exists():
        return None
    return (f"{table} is missing: build it with `python -m pipeline.training.lexfeatures {lang}`"
            " (fa: `pip download --no-deps hazm==0.10.0` and pass --hazm-wheel=PATH)")


def uses_static_vectors(config: Path, overrides: dict[str, Any] | None = None) -> bool:
    """Whether ``config`` (with ``overrides``) embeds static word vectors in its tok2vec."""
    key = "components.tok2vec.model.embed.include_static_vectors"
    if overrides and key in overrides:
        return bool(overrides[key])
    return bool(spacy.util.load_config(config)["components"]["tok2vec"]["model"]["embed"].get("include_static_vectors"))


def finalize(best: Path, out_dir: Path, lang: str) -> Any:
    """Load the best model, set meta, save to ``out_dir`` without training-only config."""
    nlp = spacy.load(best)
    nlp.meta["name"] = f"ner_{lang}"
    nlp.meta["version"] = MODEL_VERSION
    nlp.meta["description"] = f"lingflow {lang} NER (ORG PER LOC DATE), tok2vec CNN + transition NER"
    nlp.meta["license"] = "see MODEL_CARD.md"
    nlp.meta["lingflow_component"] = languages.spec(lang).ner
    # The tokenizer fix is stored with the tokenizer; loading must not need our callback.
    nlp.config["initialize"]["before_init"] = None
    # The word-list table is stored in the model folder (LexFeatures.to_disk), not read from the repository.
    if "lexfeatures" in nlp.config["initialize"].get("components", {}):
        nlp.config["initialize"]["components"]["lexfeatures"]["table"] = ""
    # The vectors are in the model's vocab; the work folder they were read from is not shipped.
    nlp.config["paths"]["vectors"] = None
    # The pretrained tok2vec weights are in the model; the work folder they were read from is not shipped either.
    nlp.config["paths"]["init_tok2vec"] = None
    if out_dir.exists():
        shutil.rmtree(out_dir)
    nlp.to_disk(out_dir)
    return nlp


def default_out(lang: str) -> Path:
    """The shipped model folder of ``lang``."""
    return REPO / "pipeline" / "models" / f"ner-{lang}"


def rescore(lang: str, out_dir: str | Path | None = None, data_dir: str | Path | None = None) -> list[dict[str, Any]]:
    """No training: evaluate a model folder again and rewrite its card's scores (:func:`card.rescore_card`)."""
    from pipeline.training.ner.card import rescore_card

    return rescore_card(Path(out_dir) if out_dir else default_out(lang), lang, Path(data_dir) if data_dir else DEFAULT_DATA)


def folder_size_mb(path: Path) -> float:
    return round(sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6, 2)


def package(lang: str, best: Path, out_dir: Path, data_dir: Path, data_stats: dict[str, Any], config: Path,
            seed: int, overrides: dict[str, Any] | None, train_seconds: float,
            stop_at: int | None = None, extra_args: str = "") -> list[dict[str, Any]]:
    """Finalize ``best`` into ``out_dir`` (meta, post-model rules), evaluate every dev set, write the card.

    ``stop_at``: the run was stopped by hand at this step; record it as ``training.max_steps``
    (the constant learning rate makes that identical to a run with that ``max_steps``).
    """
    from pipeline.training.ner.card import evaluate_folder, write_model_card
    from pipeline.training.ner.rules import add_rules

    nlp = finalize(best, out_dir, lang)
    if stop_at is not None:
        nlp.config["training"]["max_steps"] = stop_at
        nlp.to_disk(out_dir)
    rules_info = add_rules(nlp, lang, data_dir, out_dir)
    rows = evaluate_folder(out_dir, lang, data_dir)
    write_model_card(out_dir, lang=lang, rows=rows, data_stats=data_stats, config=config, seed=seed,
                     overrides=overrides, train_seconds=train_seconds, data_dir=data_dir, notes=rules_info,
                     extra_args=extra_args)
    return rows


def train(lang: str, out_dir: str | Path | None = None, data_dir: str | Path | None = None, seed: int = 0,
          config: str | Path | None = None, overrides: dict[str, Any] | None = None,
          keep_work: bool = False, package_only: bool = False, work: str | Path | None = None,
          matmul: str | None = None, mix: str | None = None, pretrain_epochs: int | None = None) -> dict[str, Any]:
    """Build data, train, save to ``out_dir`` (default ``pipeline/models/ner-<lang>``), evaluate, write the card.

    ``package_only``: skip training and package the ``model-best`` already in ``work``.
    ``pretrain_epochs``: first pretrain the tok2vec for that many epochs (0: none; default: the recipe's,
    :data:`PRETRAIN_EPOCHS`), unless ``overrides`` name an ``init_tok2vec`` already.
    Returns ``{"out_dir", "rows" (evaluation rows), "data" (corpus stats), "seconds"}``.
    """
    if lang not in MIXES:
        raise ValueError(f"no training mix for {lang!r}; known: {sorted(MIXES)}")
    t0 = time.time()
    out_dir = Path(out_dir) if out_dir else default_out(lang)
    data_dir = Path(data_dir) if data_dir else DEFAULT_DATA
    config = Path(config) if config else CONFIGS / f"{lang}.cfg"
    work = Path(work) if work else out_dir.parent / f".{out_dir.name}.work"
    recipe_epochs, recipe_matmul = PRETRAIN_EPOCHS.get(lang, 0), MATMUL.get(lang, "blis")
    epochs = recipe_epochs if pretrain_epochs is None else pretrain_epochs
    matmul = matmul or recipe_matmul
    if package_only:
        best = work / "training" / "model-best"
        stats_file = work / "data_stats.json"
        data_stats = (json.loads(stats_file.read_text(encoding="utf-8")) if stats_file.exists()
                      else build_corpus(lang, data_dir, work, seed))
        train_seconds = float(json.loads((work / "timing.json").read_text())["seconds"]) \
            if (work / "timing.json").exists() else 0.0
    else:
        data_stats = build_corpus(lang, data_dir, work, seed)
        train_overrides = dict(overrides or {})
        if epochs and not train_overrides.get("paths.init_tok2vec"):
            from pipeline.training.ner.pretrain import pretrain

            weights = pretrain(lang, work / "pretrain", data_dir.parent, epochs)
            train_overrides["paths.init_tok2vec"] = str(weights)
            data_stats["pretrain"] = {"epochs": epochs, "objective": "vectors", "seed": 0}
        (work / "data_stats.json").write_text(json.dumps(data_stats), encoding="utf-8")
        best = run_spacy_train(lang, work, seed, config, train_overrides, matmul)
        train_seconds = time.time() - t0
        (work / "timing.json").write_text(json.dumps({"seconds": train_seconds}))
    rows = package(lang, best, out_dir, data_dir, data_stats, config, seed, overrides, train_seconds,
                   stop_at=spacy.util.load_config(config)["training"]["max_steps"] if package_only else None,
                   extra_args=" ".join(a for a in (f"--config {config.stem}" if config != CONFIGS / f"{lang}.cfg" else "",
                                                   f"--mix {mix}" if mix else "",
                                                   f"--matmul {matmul}" if matmul != recipe_matmul else "",
                                                   f"--pretrain-epochs {epochs}" if epochs != recipe_epochs else "")
                                if a))
    if not keep_work:
        shutil.rmtree(work, ignore_errors=True)
    from pipeline.evaluation.ner import format_table

    print(format_table(rows))
    return {"out_dir": str(out_dir), "rows": rows, "data": data_stats, "seconds": round(time.time() - t0, 1)}
