"""Evaluation on the lingua test files: accuracy per target, look-alike acceptance, lines per second.

Detectors: "lingflow" (ours), "lingua" (lingua 14 languages, argmax), "pycld2", "langdetect" (seeded,
built-in profiles) and "langdetect+az" (seeded, plus our az profile)."""
from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import Callable

TARGETS = ("az", "en", "ru", "fa")
LOOKALIKES = ("tr", "kk", "uk", "be", "bg", "ar", "ur", "mn", "sr", "mk")
KINDS = ("sentences", "word-pairs", "single-words")
DEFAULT_DETECTORS = ("lingflow", "lingua", "pycld2", "langdetect", "langdetect+az")


def _lingflow(model_dir: str | None = None) -> Callable[[str], str]:
    from pipeline.langid.identifier import LanguageIdentifier

    ident = LanguageIdentifier(model_dir=model_dir) if model_dir else LanguageIdentifier()
    return lambda text: ident.detect(text).lang


def _lingua() -> Callable[[str], str]:
    from pipeline.langid import backends

    det = backends.lingua_detector(TARGETS + LOOKALIKES)

    def run(text: str) -> str:
        lang = det.detect_language_of(text)
        return lang.iso_code_639_1.name.lower() if lang else "und"
    return run


def _langdetect(with_az: bool) -> Callable[[str], str]:
    from pipeline.langid import backends

    def run(text: str) -> str:
        scores = backends.langdetect_scores(text, with_az=with_az)
        return max(scores, key=scores.__getitem__) if scores else "und"
    return run


def _pycld2() -> Callable[[str], str]:
    import pycld2

    def run(text: str) -> str:
        try:
            _, _, details = pycld2.detect(text)
        except pycld2.error:
            return "und"
        code = details[0][1]
        return "und" if code == "un" else code
    return run


DETECTORS: dict[str, Callable[[], Callable[[str], str]]] = {
    "lingflow": _lingflow,
    "lingua": _lingua,
    "langdetect": lambda: _langdetect(False),
    "langdetect+az": lambda: _langdetect(True),
    "pycld2": _pycld2,
}


def read_lines(data_dir: Path, kind: str, lang: str, half: str = "all") -> list[str]:
    """Lines of one file; `half` is "all", "even" (lines 0, 2, ...) or "odd"."""
    lines = [l for l in (data_dir / kind / f"{lang}.txt").read_text(encoding="utf-8").splitlines() if l.strip()]
    return {"all": lines, "even": lines[0::2], "odd": lines[1::2]}[half]


def predict_lines(predict: Callable[[str], str], data_dir: Path, kind: str, half: str = "all"
                  ) -> tuple[dict[str, list[str]], float]:
    """Predictions per language file of one set (lines of `half`) and the seconds they took."""
    preds: dict[str, list[str]] = {}
    elapsed = 0.0
    for lang in TARGETS + LOOKALIKES:
        if not (data_dir / kind / f"{lang}.txt").exists():
            continue
        lines = read_lines(data_dir, kind, lang, half)
        t0 = time.perf_counter()
        preds[lang] = [predict(line) for line in lines]
        elapsed += time.perf_counter() - t0
    return preds, elapsed


def score_predictions(preds: dict[str, list[str]], kind: str, half: str, elapsed: float) -> dict:
    """One table row: accuracy per target (%), their mean, look-alike acceptance (%), lines/s."""
    row: dict = {"kind": kind, "half": half}
    accepted = total_lookalike = n_lines = 0
    for lang, p in preds.items():
        n_lines += len(p)
        if lang in TARGETS:
            row[lang] = 100.0 * sum(x == lang for x in p) / len(p)
        else:
            accepted += sum(x in TARGETS for x in p)
            total_lookalike += len(p)
    row["mean"] = sum(row.get(t, 0.0) for t in TARGETS) / len(TARGETS)
    row["lookalike_accepted"] = 100.0 * accepted / total_lookalike if total_lookalike else float("nan")
    row["lines_per_s"] = n_lines / elapsed if elapsed else float("nan")
    return row


def score(predict: Callable[[str], str], data_dir: Path, kind: str, half: str = "all") -> dict:
    """One table row for `predict` on the lines of `half` of one set."""
    preds, elapsed = predict_lines(predict, data_dir, kind, half)
    return score_predictions(preds, kind, half, elapsed)


def langid_dir(data_dir: str | Path) -> Path:
    """The folder holding sentences/ word-pairs/ single-words/: `data_dir` or its langid/ subfolder."""
    data_dir = Path(data_dir)
    if not (data_dir / "sentences").is_dir() and (data_dir / "langid" / "sentences").is_dir():
        return data_dir / "langid"
    return data_dir


def _warm_up(predict: Callable[[str], str], data_dir: Path, kinds: tuple[str, ...]) -> None:
    """Load every model and detector before timing."""
    for kind in kinds:
        for lang in TARGETS + LOOKALIKES:
            if (data_dir / kind / f"{lang}.txt").exists():
                for line in read_lines(data_dir, kind, lang, "all")[:20]:
                    predict(line)


#: The two folds of the cross-validation: (lines trained on, lines tested on).
FOLDS = (("even", "odd"), ("odd", "even"))


def _interleave(even: list[str], odd: list[str]) -> list[str]:
    """Predictions for the even and the odd lines, back in file order."""
    out = [""] * (len(even) + len(odd))
    out[0::2], out[1::2] = even, odd
    return out


def cross_validate(data_dir: str | Path, kinds: tuple[str, ...] = KINDS,
                   work_dir: str | Path | None = None) -> list[dict]:
    """2-fold cross-validation of the lingflow recipe: train on the even lines, test on the odd ones,
    then the reverse. Rows: one per fold and set, then a pooled row per set (all lines, each scored by
    the model that did not see it). `data_dir`: the data root (ner/, langid/) or its langid/ folder;
    `work_dir` keeps the two fold models (default: a temporary folder)."""
    from pipeline.training.langid import train

    lid = langid_dir(data_dir)
    rows: list[dict] = []
    tested: dict[str, dict[str, dict[str, list[str]]]] = {}
    elapsed = dict.fromkeys(kinds, 0.0)
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(work_dir) if work_dir else Path(tmp)
        for train_half, test_half in FOLDS:
            model = base / f"cv-{train_half}"
            train(lid.parent, model, half=train_half)
            predict = _lingflow(str(model))
            _warm_up(predict, lid, kinds)
            tested[test_half] = {}
            for kind in kinds:
                preds, secs = predict_lines(predict, lid, kind, test_half)
                tested[test_half][kind] = preds
                elapsed[kind] += secs
                rows.append({"detector": f"lingflow ({train_half}-trained)",
                             **score_predictions(preds, kind, test_half, secs)})
    for kind in kinds:
        even, odd = tested["even"][kind], tested["odd"][kind]
        pooled = {lang: _interleave(even[lang], odd[lang]) for lang in even}
        rows.append({"detector": "lingflow (2-fold CV)",
                     **score_predictions(pooled, kind, "pooled", elapsed[kind])})
    return rows


def evaluate(data_dir: str | Path, detectors: list[str] | None = None, kinds: tuple[str, ...] = KINDS,
             half: str = "all", model_dir: str | Path | None = None) -> list[dict]:
    """Rows (one per detector and kind) for the printed table. `data_dir` is the langid folder
    (holding sentences/, word-pairs/, single-words/) or the data root that contains it; `model_dir`
    replaces the shipped lingflow model (e.g. one trained on the odd half)."""
    data_dir = langid_dir(data_dir)
    rows = []
    for name in detectors or DEFAULT_DETECTORS:
        predict = _lingflow(str(model_dir)) if name == "lingflow" and model_dir else DETECTORS[name]()
        _warm_up(predict, data_dir, kinds)
        for kind in kinds:
            if (data_dir / kind).is_dir():
                rows.append({"detector": name, **score(predict, data_dir, kind, half)})
    return rows


def format_table(rows: list[dict]) -> str:
    """Markdown table of evaluate() rows."""
    head = "| detector | set | half | az | en | ru | fa | mean | look-alikes accepted | lines/s |"
    out = [head, "|" + "---|" * 10]
    for r in rows:
        out.append(f"| {r['detector']} | {r['kind']} | {r['half']} | " + " | ".join(f"{r.get(t, 0):.1f}" for t in TARGETS)
                   + f" | {r['mean']:.2f} | {r['lookalike_accepted']:.2f} | {r['lines_per_s']:,.0f} |")
    return "\n".join(out)
