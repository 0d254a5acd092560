"""Russian NER with natasha (slovnet news NER + the rule-based dates extractor), fully offline.

natasha 1.6 ships its slovnet model and navec embeddings inside the wheel; nothing is downloaded.
Needs ``setuptools<81`` (natasha imports ``pkg_resources``).
"""

from __future__ import annotations

import json
import os
import sys
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any

from pipeline.io.mapped import load_mapped
from pipeline.ner.base import NerBackend, Span
from pipeline.ner.slovnet_fast import FastCNNTagger, slovnet_spans
from pipeline.text.memo import MEMO

_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def load_natasha() -> dict[str, Any]:
    """Load natasha's slovnet NER tagger and dates extractor once per process."""
    with _LOCK:
        from natasha import DatesExtractor, MorphVocab, NewsEmbedding, NewsNERTagger
        from natasha.morph.vocab import PymorphyAnalyzer

        class _MorphVocab(MorphVocab):  # natasha memoises 10k pymorphy parses per process: MEMO is enough
            parse = lru_cache(MEMO)(PymorphyAnalyzer.parse)

        emb = NewsEmbedding()
        tagger = NewsNERTagger(emb)
        tagger.infer.model = FastCNNTagger(tagger.infer.model)  # the same tags, faster (slovnet_fast)
        return {
            "ner": tagger,
            "dates": DatesExtractor(_MorphVocab()),
        }


def split_lines(text: str) -> list[tuple[int, int]]:
    """Non-empty ``(start, end)`` lines of ``text``: entities never cross a line break."""
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        s, e = pos, end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
        pos = end + 1
    return out


def natasha_line_entities(lines: list[str]) -> list[list[tuple[int, int, str]]]:
    """slovnet PER/ORG/LOC ``(start, end, label)`` per non-empty line, batched (same result as one by one)."""
    ner = load_natasha()["ner"]
    # slovnet pads each batch of 8 lines to its longest: in document order a news paragraph beside
    # a title doubled the CNN's work (nerel dev: 51,495 padded tokens for 23,785). Lines sorted by
    # length (words, then characters) give the same tags with about no padding.
    # A line of white space alone has no token (slovnet fails on a batch of them): no entity.
    order = sorted((i for i, line in enumerate(lines) if not line.isspace() and line),
                   key=lambda i: (len(lines[i].split()), len(lines[i])))
    out: list[list[tuple[int, int, str]]] = [[] for _ in lines]
    for i, spans in zip(order, slovnet_spans(ner.infer, [lines[i] for i in order])):
        out[i] = [(s.start, s.stop, s.type) for s in spans if s.type in ("PER", "ORG", "LOC")]
    return out


def natasha_spans(text: str, models: dict[str, Any], with_dates: bool = True) -> list[Span]:
    """PER/ORG/LOC from slovnet and DATE from the dates extractor for one text."""
    lines = split_lines(text)
    spans = [Span(ls + s, ls + e, label)
             for (ls, le), ents in zip(lines, natasha_line_entities([text[a:b] for a, b in lines]))
             for s, e, label in ents]
    if with_dates:
        for ls, le in lines:
            spans.extend(Span(ls + m.start, ls + m.stop, "DATE") for m in models["dates"](text[ls:le]))
    return resolve_overlaps(spans)


def resolve_overlaps(spans: list[Span]) -> list[Span]:
    """Sorted, non-overlapping spans; on overlap the longer (then earlier) span wins."""
    ordered = sorted(spans, key=lambda s: (-(s.end - s.start), s.start, s.label))
    kept: list[Span] = []
    for s in ordered:
        if all(s.end <= k.start or s.start >= k.end for k in kept):
            kept.append(s)
    return sorted(kept, key=lambda s: (s.start, s.end))


class NatashaNer(NerBackend):
    """natasha 1.6 (slovnet ``slovnet_ner_news_v1`` + ``DatesExtractor``) for Russian."""

    lang = "ru"

    def __init__(self, name: str = "ner.natasha.ru.v1", with_dates: bool = True) -> None:
        self.name = name
        self.with_dates = with_dates

    @property
    def models(self) -> dict[str, Any]:
        return load_natasha()

    def predict(self, texts: list[str]) -> list[list[Span]]:
        models = self.models
        return [natasha_spans(t, models, self.with_dates) for t in texts]


# -- natasha as features for a spaCy model (stacking) -----------------------------------

TAG_FACTORY = "lingflow_natasha_tags"


def natasha_token_tags(docs: list[Any]) -> list[Any]:
    """Write natasha's PER/ORG/LOC as BIO strings into ``token.tag_`` (features for tok2vec), one array
    per doc (``Doc.from_array``); each doc's text is joined from its tokens once."""
    import numpy as np

    if not docs:
        return docs
    texts = [doc.text for doc in docs]
    jobs = [(j, ls, le) for j, text in enumerate(texts) for ls, le in split_lines(text)]
    results = natasha_line_entities([texts[j][ls:le] for j, ls, le in jobs])
    strings = docs[0].vocab.strings
    tags = [np.full((len(doc), 1), strings.add("O"), dtype="uint64") for doc in docs]
    for (j, ls, _), ents in zip(jobs, results):
        for s, e, label in ents:
            span = docs[j].char_span(ls + s, ls + e, alignment_mode="expand")
            if span is None or span.start == span.end:
                continue
            tags[j][span.start, 0] = strings.add("B-" + label)
            tags[j][span.start + 1:span.end, 0] = strings.add("I-" + label)
    for doc, arr in zip(docs, tags):
        doc.from_array(["TAG"], arr)
    return docs


class NatashaTags:
    """spaCy component: natasha tags as token features, batched over docs in ``pipe``."""

    def __call__(self, doc: Any) -> Any:
        return natasha_token_tags([doc])[0]

    def pipe(self, docs: Any, batch_size: int = 128) -> Any:
        batch: list[Any] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from natasha_token_tags(batch)
                batch = []
        if batch:
            yield from natasha_token_tags(batch)


def register_spacy_factory() -> None:
    """Register the ``lingflow_natasha_tags`` spaCy factory (idempotent)."""
    from spacy.language import Language

    if Language.has_factory(TAG_FACTORY):
        return

    @Language.factory(TAG_FACTORY)
    def _make(nlp: Any, name: str) -> Any:  # noqa: ARG001 - spaCy factory signature
        return NatashaTags()


# Registered on import when spaCy is already loaded (`spacy train --code` imports this file after
# spaCy); otherwise importing this module must not import spaCy (1-2 s: the CLI and the run's plan
# import it through the language packs), and RuSpacyNer.nlp registers the factory before loading.
if "spacy" in sys.modules:
    register_spacy_factory()


# -- navec word vectors (shipped in the natasha wheel) for spaCy static vectors -----------

NAVEC_NAME = "navec_news_v1_1B_250K_300d_100q"


def navec_cache_dir() -> Path:
    """Where the unpacked navec table is kept between runs: ``LINGFLOW_CACHE`` or ~/.cache/lingflow."""
    return Path(os.environ.get("LINGFLOW_CACHE") or Path.home() / ".cache" / "lingflow")


def _navec_unpacked(dtype: str = "float32") -> tuple[list[str], Any]:
    import numpy as np
    from natasha import NewsEmbedding

    emb = NewsEmbedding()
    return list(emb.vocab.words), np.ascontiguousarray(emb.pq.unpack(), dtype=dtype)


@lru_cache(maxsize=2)
def navec_table(dtype: str = "float32") -> tuple[list[str], Any]:
    """natasha's navec news vectors, unpacked: (lower-case words, matrix 250002 x 300 of ``dtype``,
    ``float32`` or ``float16``: half the memory, see :mod:`pipeline.lang.ru.ner`).

    Unpacking takes seconds and 300 MB per process, so the first run saves the table (and its
    words) under :func:`navec_cache_dir`; later runs memory-map it read-only: no unpacking, and
    the pages are shared by every process that maps them and read only where words are looked
    up. Without a writable cache folder the table is unpacked in memory as before."""
    import numpy as np
    from importlib.metadata import version

    stem = navec_cache_dir() / f"{NAVEC_NAME}-natasha-{version('natasha')}"
    matrix = stem.with_suffix(".f16.npy" if dtype == "float16" else ".f32.npy")
    words_file = stem.with_suffix(".words.json")
    try:
        return json.loads(words_file.read_text("utf-8")), load_mapped(matrix)
    except (OSError, ValueError):
        pass
    words, data = _navec_unpacked(dtype)
    try:
        stem.parent.mkdir(parents=True, exist_ok=True)
        for path, write in ((matrix, lambda f: np.save(f, data)),
                            (words_file, lambda f: f.write(json.dumps(words, ensure_ascii=False).encode()))):
            tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            with open(tmp, "wb") as f:
                write(f)
            os.replace(tmp, path)  # atomic: a reader sees the whole file or none
    except OSError:
        return words, data
    return words, load_mapped(matrix)  # mapped in full before a fork (pipeline.io.mapped)


def navec_vectors(strings: Any, dtype: str = "float32") -> Any:
    """A spaCy ``Vectors`` table keyed by ``LOWER`` holding navec (deterministic, no download)."""
    from spacy.strings import get_string_id
    from spacy.vectors import Vectors

    words, data = navec_table(dtype)
    keys = [get_string_id(w) for w in words]  # hashes only: the model's string store stays small
    return Vectors(strings=strings, data=data, keys=keys, name=NAVEC_NAME, attr="LOWER")


def attach_navec(nlp: Any, dtype: str = "float32") -> Any:
    """Put navec into ``nlp.vocab.vectors`` (models are saved without the 300 MB table)."""
    from spacy.attrs import LOWER

    vectors = nlp.vocab.vectors
    # spaCy does not save the key attribute (LOWER), so a loaded table is always replaced.
    if vectors.name != NAVEC_NAME or vectors.shape[0] == 0 or vectors.attr != LOWER:
        nlp.vocab.vectors = navec_vectors(nlp.vocab.strings, dtype)
    return nlp


def strip_vectors(model_dir: Any) -> None:
    """Re-save a trained model without its vectors table (navec is re-attached at load)."""
    import spacy
    from spacy.vectors import Vectors

    register_spacy_factory()
    nlp = spacy.load(model_dir)
    nlp.vocab.vectors = Vectors(strings=nlp.vocab.strings, shape=(0, 0), name=NAVEC_NAME)
    nlp.to_disk(model_dir)


def _register_callbacks() -> None:
    from spacy.util import registry

    if "lingflow.attach_navec.v1" not in registry.callbacks.get_all():
        registry.callbacks.register("lingflow.attach_navec.v1", func=lambda: attach_navec)


if "spacy" in sys.modules:  # `spacy train --code` (the callback is used by [initialize] only)
    _register_callbacks()
