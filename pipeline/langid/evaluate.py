"""Evaluation on the lingua test files: accuracy per target, look-alike acceptance, lines per second.

Detectors: "lingflow" (ours), "lingua" (lingua 14 languages, argmax), "pycld2", "langdetect" (seeded,
built-in profiles) and "langdetect+az" (seeded, plus our az profile)."""
from __future__ import annotations

import time
from pathlib import Path
from typing import Callable

TARGETS = ("az", "en", "ru", "fa")
LOOKALIKES = ("tr", "kk", "uk", "be", "bg", "ar", "ur", "mn", "sr", "mk")
KINDS = ("sentences", "word-pairs", "single-words")
DEFAULT_DETECTORS = ("lingflow", "lingua", "pycld2", "langdetect", "langdetect+az")


def _lingflow(model_dir: str | None = None) -> Callable[[str], str]:
    from .identifier import LanguageIdentifier

    ident = LanguageIdentifier(model_dir=model_dir) if model_dir else LanguageIdentifier()
    return lambda text: ident.detect(text).lang


def _lingua() -> Callable[[str], str]:
    from . import backends

    det = backends.lingua_detector(TARGETS + LOOKALIKES)

    def run(text: str) -> str:
        lang = det.detect_language_of(text)
        return lang.iso_code_639_1.name.lower() if lang else "und"
    return run


def _langdetect(with_az: bool) -> Callable[[str], str]:
    from . import backends

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


def score(predict: Callable[[str], str], data_dir: Path, kind: str, half: str = "all") -> dict:
    """One table row: accuracy per target (%), their mean, look-alike acceptance (%), lines/s."""
    row: dict = {"kind": kind, "half": half}
    accepted = total_lookalike = n_lines = 0
    elapsed = 0.0
    for lang in TARGETS + LOOKALIKES:
        path = data_dir / kind / f"{lang}.txt"
        if not path.exists():
            continue
        lines = read_lines(data_dir, kind, lang, half)
        t0 = time.perf_counter()
        preds = [predict(line) for line in lines]
        elapsed += time.perf_counter() - t0
        n_lines += len(lines)
        if lang in TARGETS:
            row[lang] = 100.0 * sum(p == lang for p in preds) / len(lines)
        else:
            accepted += sum(p in TARGETS for p in preds)
            total_lookalike += len(lines)
    row["mean"] = sum(row.get(t, 0.0) for t in TARGETS) / len(TARGETS)
    row["lookalike_accepted"] = 100.0 * accepted / total_lookalike if total_lookalike else float("nan")
    row["lines_per_s"] = n_lines / elapsed if elapsed else float("nan")
    return row


def evaluate(data_dir: str | Path, detectors: list[str] | None = None, kinds: tuple[str, ...] = KINDS,
             half: str = "all", model_dir: str | Path | None = None) -> list[dict]:
    """Rows (one per detector and kind) for the printed table. `data_dir` is the langid folder
    (holding sentences/, word-pairs/, single-words/) or the data root that contains it; `model_dir`
    replaces the shipped lingflow model (e.g. one trained on the odd half)."""
    data_dir = Path(data_dir)
    if not (data_dir / "sentences").is_dir() and (data_dir / "langid" / "sentences").is_dir():
        data_dir = data_dir / "langid"
    rows = []
    for name in detectors or DEFAULT_DETECTORS:
        predict = _lingflow(str(model_dir)) if name == "lingflow" and model_dir else DETECTORS[name]()
        for kind in kinds:  # warm-up: load every model and detector before timing
            for lang in TARGETS + LOOKALIKES:
                if (data_dir / kind / f"{lang}.txt").exists():
                    for line in read_lines(data_dir, kind, lang, "all")[:20]:
                        predict(line)
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
