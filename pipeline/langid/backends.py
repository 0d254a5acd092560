"""Model backends: lingua (Rust core), CLD2, and seeded langdetect with our Azerbaijani profile."""
from __future__ import annotations

import json
import threading
from functools import lru_cache
from pathlib import Path

MODELS_DIR = Path(__file__).resolve().parent.parent / "models" / "langid"
AZ_PROFILE = MODELS_DIR / "profiles" / "az.json"
LANGDETECT_SEED = 0

#: Languages lingua keeps in memory: the targets and their look-alikes.
LINGUA_LANGUAGES = ("az", "en", "ru", "fa", "tr", "kk", "uk", "be", "bg", "ar", "ur", "mn", "sr", "mk")

_lock = threading.Lock()


@lru_cache(maxsize=2)
def lingua_preload(short_text_models: bool = True) -> None:
    """Load lingua's models for LINGUA_LANGUAGES once per process. Trigram models only (what texts of
    LINGUA_LOW_ACCURACY_CHARS or more use): ~0.3 s, ~40 MB. With `short_text_models`, also the
    1/2/4/5-gram models short texts use: ~2.5-4 s, ~390 MB (otherwise they load lazily, per
    language, on the first short text that needs them)."""
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    isos = [getattr(IsoCode639_1, c.upper()) for c in LINGUA_LANGUAGES]
    with _lock:
        builder = LanguageDetectorBuilder.from_iso_codes_639_1(*isos).with_preloaded_language_models()
        if not short_text_models:
            builder = builder.with_low_accuracy_mode()
        builder.build()


#: From this many characters on, lingua runs in low-accuracy mode (trigrams only): about 3x faster,
#: and lingua's own docs say both modes agree on texts this long.
LINGUA_LOW_ACCURACY_CHARS = 120


@lru_cache(maxsize=None)
def lingua_detector(codes: tuple[str, ...], low_accuracy: bool = False):
    """A lingua detector restricted to `codes` (ISO 639-1); shares the process-wide model cache."""
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    isos = [getattr(IsoCode639_1, c.upper()) for c in codes]  # models load lazily, once per process
    with _lock:
        builder = LanguageDetectorBuilder.from_iso_codes_639_1(*isos)
        if low_accuracy:
            builder = builder.with_low_accuracy_mode()
        return builder.build()


def lingua_scores(codes: tuple[str, ...], text: str) -> dict[str, float]:
    """Lingua's confidence per language code (sums to 1 over `codes`; all 0 when lingua abstains)."""
    detector = lingua_detector(codes, len(text) >= LINGUA_LOW_ACCURACY_CHARS)
    values = detector.compute_language_confidence_values(text)
    # lingua sums in hash-map order, which varies between processes in the last bits: round.
    return {v.language.iso_code_639_1.name.lower(): round(v.value, 7) for v in values}


def cld2_scores(text: str) -> dict[str, float]:
    """CLD2's best-effort top languages with their share of the text (0..1); {} when unknown."""
    import pycld2

    try:
        _, _, details = pycld2.detect(text, bestEffort=True)
    except pycld2.error:
        return {}
    return {code: pct / 100.0 for _, code, pct, _ in details if code != "un" and pct > 0}


def _builtin_profiles() -> list[str]:
    import langdetect

    folder = Path(langdetect.__file__).parent / "profiles"
    return [p.read_text(encoding="utf-8") for p in sorted(folder.iterdir()) if p.is_file()]


@lru_cache(maxsize=None)
def langdetect_factory(with_az: bool = True):
    """A private, seeded langdetect factory: the 55 built-in profiles plus ours, loaded in ONE
    `load_json_profile` call (langdetect sizes its probability arrays by that call)."""
    from langdetect.detector_factory import DetectorFactory

    profiles = _builtin_profiles()
    if with_az:
        profiles.append(AZ_PROFILE.read_text(encoding="utf-8"))
    factory = DetectorFactory()
    factory.load_json_profile(profiles)
    factory.set_seed(LANGDETECT_SEED)
    return factory


def langdetect_scores(text: str, with_az: bool = True) -> dict[str, float]:
    """Seeded (deterministic) langdetect probabilities per language code; {} when nothing to read."""
    from langdetect.lang_detect_exception import LangDetectException

    detector = langdetect_factory(with_az).create()
    detector.append(text)
    try:
        return {p.lang: p.prob for p in detector.get_probabilities()}
    except LangDetectException:
        return {}


def build_az_profile(texts, out_path: Path) -> dict:
    """Build langdetect's "az" profile from `texts` with langdetect's own n-gram counter and pruning."""
    from langdetect.utils.lang_profile import LangProfile

    prof = LangProfile("az")
    for text in texts:
        prof.update(text)
    prof.omit_less_freq()
    data = {"freq": dict(sorted(prof.freq.items())), "n_words": list(prof.n_words), "name": "az"}
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return data
