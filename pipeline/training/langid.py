"""Reproducible build of every artefact in models/langid/ from ../shared/data.

Inputs: ner/<az,en,ru,fa>/*-train.jsonl (az profile, lexicons; PEYMA excluded: research-only) and the
lines of langid/<kind>/<lang>.txt (look-alike vocabulary, frequent words, lexicon hit rates and combiner
weights): all of them for the shipped model; the even (0, 2, ...) or odd lines for one fold of the
2-fold cross-validation (evaluate.cross_validate), which is the honest quality estimate.
"""
from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import numpy as np

from pipeline.langid import backends
from pipeline.langid.features import (FEATURES, FREQUENT_MIN_LINES, LANGUAGES, LEX_MAX_WORDS, LEX_MIN_COUNT, LEX_OUTCOMES,
                       SCRIPT_LEXICONS, TARGETS, FeatureExtractor, with_morphology)
from pipeline.langid.scripts import profile
from pipeline.langid.vocab import VOCAB_DIR, WordLists

#: NER training sets used as running text per target language (PEYMA is research-only: excluded).
NER_SETS = {"az": ("wikiann", "aznews"), "en": ("wikiann",), "ru": ("wikiann", "nerel"),
            "fa": ("wikiann", "textmining", "parstwiner")}
KINDS = ("sentences", "word-pairs", "single-words")
TRAIN_HALF = "all"   # the shipped model; "even"/"odd": a cross-validation fold
LOOKALIKES = tuple(lang for lang in LANGUAGES if lang not in TARGETS)

#: Decision rule (from a small grid read on both halves of an earlier version; see MODEL_CARD.md).
TARGET_PRIOR = 1.0
MIN_CONFIDENCE = 0.6
MIN_CONFIDENCE_SHORT = 0.8
MIN_LETTERS = 3

L2 = 1e-3
ITERATIONS = 1500
LEARNING_RATE = 0.05


def ner_texts(data_dir: Path, lang: str) -> list[str]:
    """Texts of the NER training sets of `lang`."""
    texts = []
    for name in NER_SETS[lang]:
        path = data_dir / "ner" / lang / f"{name}-train.jsonl"
        with path.open(encoding="utf-8") as fh:
            texts.extend(json.loads(line)["text"] for line in fh if line.strip())
    return texts


def langid_lines(data_dir: Path, kind: str, lang: str, half: str) -> list[str]:
    lines = [l for l in (data_dir / "langid" / kind / f"{lang}.txt").read_text(encoding="utf-8").splitlines()
             if l.strip()]
    return {"all": lines, "even": lines[0::2], "odd": lines[1::2]}[half]


def build_lexicon(texts: list[str]) -> list[str]:
    """Lower-cased words of the dominant script seen at least LEX_MIN_COUNT times, sorted."""
    counts: Counter = Counter()
    for text in texts:
        counts.update(w.lower() for w in profile(text, max_words=10**6).words)
    return sorted(w for w, n in counts.items() if n >= LEX_MIN_COUNT)


def line_words(line: str) -> list[str]:
    """The lower-cased words the lexicon features read."""
    return [w.lower() for w in profile(line).words[:LEX_MAX_WORDS]]


def lookalike_vocabulary(data_dir: Path, half: str) -> Counter:
    """Number of training lines (all kinds) of the look-alike languages each word occurs in."""
    counts: Counter = Counter()
    for kind in KINDS:
        for lang in LOOKALIKES:
            for line in langid_lines(data_dir, kind, lang, half):
                counts.update(set(line_words(line)))
    return counts


def own_words(lang: str, words: list[str]) -> frozenset[str]:
    """Words a training line of `lang` put into the look-alike vocabulary (left out for that line)."""
    return frozenset(words) if lang in LOOKALIKES else frozenset()


def frequent_words(data_dir: Path, half: str) -> dict[str, dict[str, int]]:
    """Per language: words occurring in at least FREQUENT_MIN_LINES training lines (all kinds), with
    that number of lines (mostly function words)."""
    out = {}
    for lang in LANGUAGES:
        counts: Counter = Counter()
        for kind in KINDS:
            for line in langid_lines(data_dir, kind, lang, half):
                counts.update(set(line_words(line)))
        out[lang] = {w: n for w, n in sorted(counts.items()) if n >= FREQUENT_MIN_LINES}
    return out


def lexicon_rates(data_dir: Path, extractor: FeatureExtractor, half: str) -> dict[str, float]:
    """Share of each language's words (first LEX_MAX_WORDS words of the training lines of sentences
    and word pairs) per lexicon outcome ("only"/"shared" hit) in each target lexicon of its script;
    clipped to [0.01, 0.97]. Look-alike lines are scored leave-one-out."""
    rates = {}
    for lang in LANGUAGES:
        hits: Counter = Counter()
        for kind in ("sentences", "word-pairs"):
            for line in langid_lines(data_dir, kind, lang, half):
                prof = profile(line)
                words = line_words(line)
                for t in SCRIPT_LEXICONS.get(prof.script, ()):
                    only, shared, missed = extractor.lexicon_hits(list(prof.words[:LEX_MAX_WORDS]), t,
                                                                  own_words(lang, words))
                    hits[(t, "only")] += only
                    hits[(t, "shared")] += shared
                    hits[(t, "total")] += only + shared + missed
        for t in TARGETS:
            if hits[(t, "total")]:
                for outcome in LEX_OUTCOMES:
                    share = hits[(t, outcome)] / hits[(t, "total")]
                    rates[f"{lang}|{t}|{outcome}"] = round(min(max(share, 0.01), 0.97), 4)
    return rates


def vocabulary_rates(data_dir: Path, extractor: FeatureExtractor, half: str) -> dict[str, float]:
    """Share of each language's words (first LEX_MAX_WORDS words of its training lines of sentences and
    word pairs; capitalised misses left out) found in its own word list; clipped to [0.05, 0.97]."""
    rates = {}
    for lang in LANGUAGES:
        hits = total = 0
        for kind in ("sentences", "word-pairs"):
            for line in langid_lines(data_dir, kind, lang, half):
                h, m = extractor.vocab_hits(list(profile(line).words[:LEX_MAX_WORDS]), lang)
                hits += h
                total += h + m
        if total:
            rates[lang] = round(min(max(hits / total, 0.05), 0.97), 4)
    return rates


def training_rows(data_dir: Path, extractor: FeatureExtractor, half: str = TRAIN_HALF):
    """Feature matrices of the training lines whose true language is among their candidates."""
    rows = []
    for kind in KINDS:
        for lang in LANGUAGES:
            for line in langid_lines(data_dir, kind, lang, half):
                prof = profile(line)
                if prof.script is None or prof.n_letters < MIN_LETTERS:
                    continue
                cands = extractor.candidates(prof)
                if len(cands) < 2 or lang not in cands:
                    continue
                rows.append((extractor.evidence(prof, cands, own_lang=lang).matrix, cands.index(lang)))
    return rows


def fit_combiner(rows) -> np.ndarray:
    """Multinomial logistic regression over each row's candidates (Adam, full batch, fixed steps;
    no randomness, so the weights are reproducible)."""
    k = max(m.shape[0] for m, _ in rows)
    x = np.zeros((len(rows), k, len(FEATURES)))
    mask = np.zeros((len(rows), k), dtype=bool)
    onehot = np.zeros((len(rows), k))
    for i, (m, y) in enumerate(rows):
        x[i, : m.shape[0]] = m
        mask[i, : m.shape[0]] = True
        onehot[i, y] = 1.0
    w = np.zeros(len(FEATURES))
    w[[FEATURES.index(f"lingua_{s}") for s in "LCA"]] = 1.0  # start from "trust lingua"
    m1 = np.zeros_like(w)
    m2 = np.zeros_like(w)
    for t in range(1, ITERATIONS + 1):
        s = np.where(mask, x @ w, -1e9)
        s -= s.max(axis=1, keepdims=True)
        p = np.exp(s) * mask
        p /= p.sum(axis=1, keepdims=True)
        g = np.einsum("nk,nkf->f", p - onehot, x) / len(rows) + L2 * w
        m1 = 0.9 * m1 + 0.1 * g
        m2 = 0.999 * m2 + 0.001 * g * g
        w -= LEARNING_RATE * (m1 / (1 - 0.9**t)) / (np.sqrt(m2 / (1 - 0.999**t)) + 1e-8)
    return w


def train(data_dir: str | Path, out_dir: str | Path | None = None, half: str = TRAIN_HALF) -> None:
    """Build models/langid/: az langdetect profile, target lexicons, look-alike vocabulary,
    combiner.json. `half` ("all", the default, "even" or "odd") picks the langid lines trained on."""
    data_dir = Path(data_dir)
    out = Path(out_dir) if out_dir else backends.MODELS_DIR
    out.mkdir(parents=True, exist_ok=True)
    backends.build_az_profile(ner_texts(data_dir, "az"), out / "profiles" / "az.json")
    lexicons = {}
    (out / "lexicons").mkdir(exist_ok=True)
    for t in TARGETS:
        words = build_lexicon(ner_texts(data_dir, t))
        (out / "lexicons" / f"{t}.txt").write_text("\n".join(words) + "\n", encoding="utf-8")
        lexicons[t] = frozenset(words)
    lexicons = with_morphology(lexicons)
    others = lookalike_vocabulary(data_dir, half)
    (out / "lexicons" / "others.txt").write_text("\n".join(sorted(others)) + "\n", encoding="utf-8")
    frequent = frequent_words(data_dir, half)
    (out / "lexicons" / "frequent.tsv").write_text(
        "".join(f"{lang}\t{w}\n" for lang in LANGUAGES for w in frequent[lang]), encoding="utf-8")
    extractor = FeatureExtractor(lexicons, {}, dict(others), frequent)
    rates = lexicon_rates(data_dir, extractor, half)
    vocab_path = backends.MODELS_DIR / VOCAB_DIR
    if (out / VOCAB_DIR).resolve() != vocab_path.resolve():
        shutil.copytree(vocab_path, out / VOCAB_DIR, dirs_exist_ok=True)
    vocab = WordLists.load(out / VOCAB_DIR)
    vocab_rates = vocabulary_rates(data_dir, FeatureExtractor(lexicons, {}, dict(others), frequent, vocab), half)
    extractor = FeatureExtractor(lexicons, {tuple(k.split("|")): v for k, v in rates.items()}, dict(others),
                                 frequent, vocab, vocab_rates)
    weights = fit_combiner(training_rows(data_dir, extractor, half))
    spec = {
        "name": "langid.lingflow.v1",
        "features": list(FEATURES),
        "weights": [round(float(v), 6) for v in weights],
        "lexicon_rates": rates,
        "vocab_rates": vocab_rates,
        "target_prior": TARGET_PRIOR,
        "min_confidence": MIN_CONFIDENCE,
        "min_confidence_short": MIN_CONFIDENCE_SHORT,
        "min_letters": MIN_LETTERS,
        "trained_on": {"ner": NER_SETS, "langid": f"{half} lines of {', '.join(KINDS)}"},
    }
    (out / "combiner.json").write_text(json.dumps(spec, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
