"""The lingflow language identifier.

Script and letter evidence pick the candidate languages; lingua, CLD2 and target-language lexicons
score them; a small trained logistic combiner turns the evidence into a posterior; a decision rule
answers "und" rather than guess on short or ambiguous text.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from . import backends
from .features import (FEATURES, FREQUENT_MIN_LINES, SHORT_WORDS, TARGETS, FeatureExtractor, load_lexicon,
                       with_morphology)
from .vocab import VOCAB_DIR, WordLists
from .scripts import SCRIPT_LANGUAGES, SINGLE_LANGUAGE_SCRIPTS, ScriptProfile, profile

UND = "und"
FAST_PATH_CONFIDENCE = 0.97
DEFAULT_MODEL_DIR = backends.MODELS_DIR
_CLD2_CODES = {"iw": "he", "jw": "jv", "in": "id", "zh-Hant": "zh", "zh": "zh"}


@dataclass(frozen=True)
class LangResult:
    """Language of a text: ISO 639-1 code (or "und") and a confidence in [0, 1]."""

    lang: str
    confidence: float


UNDETERMINED = LangResult(UND, 0.0)


@dataclass(frozen=True)
class Combiner:
    """Trained weights and decision thresholds (models/langid/combiner.json)."""

    weights: np.ndarray
    extractor: FeatureExtractor
    target_prior: float
    min_confidence: float
    min_confidence_short: float
    min_letters: int

    @classmethod
    def load(cls, model_dir: Path) -> "Combiner":
        spec = json.loads((model_dir / "combiner.json").read_text(encoding="utf-8"))
        if tuple(spec["features"]) != FEATURES:
            raise ValueError(f"{model_dir}/combiner.json was trained on other features; run `train` again")
        lexicons = {t: load_lexicon(model_dir / "lexicons" / f"{t}.txt") for t in TARGETS}
        others = dict.fromkeys(load_lexicon(model_dir / "lexicons" / "others.txt"), 1)
        frequent: dict[str, dict[str, int]] = {}
        for line in (model_dir / "lexicons" / "frequent.tsv").read_text(encoding="utf-8").splitlines():
            lang, word = line.split("\t")
            frequent.setdefault(lang, {})[word] = FREQUENT_MIN_LINES
        rates = {tuple(k.split("|")): v for k, v in spec["lexicon_rates"].items()}
        weights = np.asarray(spec["weights"], dtype=float)
        weights[FEATURES.index("target")] += spec["target_prior"]
        vocab = WordLists.load(model_dir / VOCAB_DIR) if (model_dir / VOCAB_DIR).is_dir() else None
        extractor = FeatureExtractor(with_morphology(lexicons), rates, others, frequent, vocab,
                                     spec.get("vocab_rates"))
        return cls(weights, extractor, spec["target_prior"], spec["min_confidence"],
                   spec["min_confidence_short"], spec["min_letters"])

    def posterior(self, prof: ScriptProfile, cands: tuple[str, ...]) -> tuple[dict[str, float], int]:
        """Posterior over `cands` and the number of words read."""
        if len(cands) == 1:
            return {cands[0]: 1.0}, len(prof.words)
        cld = self.extractor.cld2(prof)
        fast = self.extractor.fast_path(prof, cands, cld)
        if fast is not None:
            return {fast: FAST_PATH_CONFIDENCE}, len(prof.words)
        ev = self.extractor.evidence(prof, cands, cld)
        logits = ev.matrix @ self.weights
        logits -= logits.max()
        p = np.exp(logits)
        p /= p.sum()
        return {c: float(v) for c, v in zip(cands, p)}, ev.n_words


@lru_cache(maxsize=4)
def _combiner(model_dir: str) -> Combiner:
    return Combiner.load(Path(model_dir))


@dataclass
class LanguageIdentifier:
    """Per-document language identification (name doubles as provenance).

    Models load lazily on first use and are cached per process, so instances pickle cheaply."""

    name: str = "langid.lingflow.v1"
    model_dir: str = str(DEFAULT_MODEL_DIR)
    max_chars: int = 20_000   # only the start of long documents is read
    max_words: int = 400      # words of the dominant script kept from that start
    targets: tuple[str, ...] = field(default=TARGETS)

    def load(self, short_text_models: bool = False) -> "LanguageIdentifier":
        """Load the models every text needs now (otherwise done on first use): combiner, lexicons,
        pymorphy3's dictionary and lingua's trigram models. Lingua's models for short texts (under
        120 characters) load per language on first use (~0.3-1.7 s per script), or now when asked."""
        comb = _combiner(self.model_dir)
        comb.extractor.lexicons["ru"].open()
        backends.lingua_preload(short_text_models)
        return self

    def detect(self, text: str) -> LangResult:
        """Main language of `text` ("und", 0.0 for empty, digit-only or undecidable text)."""
        if not text or text.isspace():
            return UNDETERMINED
        return self._decide(profile(text[: self.max_chars], self.max_words))

    def vote(self, text: str, spans: list[tuple[int, int]], max_spans: int = 64) -> LangResult:
        """The language of most letters over the (start, end) spans of `text` (e.g. its lines),
        each detected on its own; "und" unless one language holds more than half of the letters
        of the decided spans. For documents that are lists of short lines, which read as no
        language when detected whole."""
        weight: dict[str, float] = {}
        conf: dict[str, float] = {}
        for start, end in spans[:max_spans]:
            res = self.detect(text[start:end])
            if res.lang == UND:
                continue
            n = sum(ch.isalpha() for ch in text[start:end])
            weight[res.lang] = weight.get(res.lang, 0.0) + n
            conf[res.lang] = conf.get(res.lang, 0.0) + n * res.confidence
        if not weight:
            return UNDETERMINED
        best = max(sorted(weight), key=weight.__getitem__)
        share = weight[best] / sum(weight.values())
        if share <= 0.5:
            return UNDETERMINED
        return LangResult(best, round(conf[best] / weight[best] * share, 4))

    def scores(self, text: str) -> dict[str, float]:
        """Posterior over the candidate languages of `text` (for inspection)."""
        prof = profile(text[: self.max_chars], self.max_words)
        comb = _combiner(self.model_dir)
        cands = comb.extractor.candidates(prof)
        return comb.posterior(prof, cands)[0] if cands else {}

    # -- internals -------------------------------------------------------------------------------
    def _decide(self, prof: ScriptProfile) -> LangResult:
        comb = _combiner(self.model_dir)
        if prof.script is None or prof.n_letters < comb.min_letters:
            return UNDETERMINED
        if prof.script in SINGLE_LANGUAGE_SCRIPTS:
            return LangResult(SINGLE_LANGUAGE_SCRIPTS[prof.script], 0.99)
        cands = comb.extractor.candidates(prof) if prof.script in SCRIPT_LANGUAGES else ()
        if not cands:
            return self._other_language(prof)
        post, n_words = comb.posterior(prof, cands)
        lang = max(sorted(post), key=post.__getitem__)
        need = comb.min_confidence_short if n_words <= SHORT_WORDS else comb.min_confidence
        if post[lang] < need:
            return UNDETERMINED
        return LangResult(lang, round(post[lang], 4))

    def _other_language(self, prof: ScriptProfile) -> LangResult:
        """A language outside our candidate lists, named by CLD2 when it is sure; never a target."""
        cld = backends.cld2_scores(" ".join(prof.words[:60]))
        if not cld:
            return UNDETERMINED
        raw = max(sorted(cld), key=cld.__getitem__)
        code = _CLD2_CODES.get(raw, raw.split("-")[0])
        if code in self.targets or cld[raw] < 0.9 or len(prof.words) < 3:
            return UNDETERMINED
        return LangResult(code, round(0.9 * cld[raw], 4))
