"""The pipeline steps: small classes, each with ``run(docs)`` over a batch of documents.

Each step declares what it ``requires`` and ``provides`` (checked when a
:class:`Pipeline` is built) and isolates failures per document: an exception while
handling one document marks that document ``failed`` with the step name and reason,
and the rest of the batch goes on. Models are lazy properties, so steps pickle cheaply
to worker processes and load once per process.
"""

from __future__ import annotations

import logging
import re
import threading
import traceback
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable

from pipeline import components
from pipeline.document import Document, Mention
from pipeline.io.decode import DEFAULT_MAX_BYTES, DecodeError, read_text
from pipeline.text.normalize import normalize
from pipeline.text.segment import segment

log = logging.getLogger("lingflow.steps")

NER_LANGS = ("az", "en", "ru", "fa")

# Models load lazily; loading (and the imports it triggers) is serialised per process so that
# worker threads never import the same libraries at once ("partially initialized module").
_LOAD_LOCK = threading.RLock()


def _load(create: Any, warm: Any) -> Any:
    with _LOAD_LOCK:
        model = create()
        warm(model)
        return model


class StepError(RuntimeError):
    """A pipeline was assembled in an order where a step's inputs are not provided."""


@dataclass
class StepStats:
    docs_in: int = 0
    failed: int = 0
    counts: Counter = field(default_factory=Counter)


class Step:
    name = "step"
    requires: frozenset[str] = frozenset()
    provides: frozenset[str] = frozenset()

    def __init__(self) -> None:
        self.stats = StepStats()

    def process(self, doc: Document) -> None:  # per-document work
        raise NotImplementedError

    def run(self, docs: list[Document]) -> list[Document]:
        for doc in docs:
            if not doc.ok:
                continue
            self.stats.docs_in += 1
            try:
                self.process(doc)
            except Exception as exc:  # noqa: BLE001 - isolation is the point
                self._fail(doc, exc)
        return docs

    def _fail(self, doc: Document, exc: BaseException) -> None:
        self.stats.failed += 1
        doc.fail(self.name, f"{exc.__class__.__name__}: {exc}")
        log.warning("%s failed in %s: %s", doc.path, self.name, exc)
        log.debug("%s", traceback.format_exc())


class ModelStep(Step):
    """A step backed by one registered component, loaded lazily once per process."""

    default_component = ""

    def __init__(self, component: str | None = None) -> None:
        super().__init__()
        self.component = component or self.default_component
        self._model = None

    def create(self) -> Any:  # the component, from pipeline.components
        raise NotImplementedError

    def warm(self, model: Any) -> None:  # one tiny call, so loading happens under the lock
        pass

    @property
    def model(self) -> Any:
        if self._model is None:
            self._model = _load(self.create, self.warm)
        return self._model


class ReadStep(Step):
    """Read and decode the file; empty, binary, undecodable or huge files fail here."""

    name = "read"
    provides = frozenset({"text"})

    def __init__(self, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        super().__init__()
        self.max_bytes = max_bytes

    def process(self, doc: Document) -> None:
        try:
            decoded = read_text(doc.abs_path, self.max_bytes)
        except DecodeError as exc:
            doc.fail(self.name, str(exc))
            self.stats.failed += 1
            return
        except OSError as exc:
            doc.fail(self.name, f"unreadable: {exc.strerror or exc} (check the file's permissions)")
            self.stats.failed += 1
            return
        doc.text = decoded.text
        doc.encoding = decoded.encoding
        self.stats.counts[decoded.encoding] += 1


class SegmentStep(Step):
    name = "segment"
    requires = frozenset({"text"})
    provides = frozenset({"segments"})

    def process(self, doc: Document) -> None:
        doc.segments = segment(doc.text or "")


SHORT_SEGMENT = 80  # characters
LANG_SCRIPT = {"az": "latin", "en": "latin", "tr": "latin", "ru": "cyrillic", "uk": "cyrillic", "be": "cyrillic",
               "bg": "cyrillic", "kk": "cyrillic", "sr": "cyrillic", "mk": "cyrillic", "mn": "cyrillic",
               "fa": "arabic", "ar": "arabic", "ur": "arabic"}
_SCRIPTS = {"latin": re.compile(r"[A-Za-zÀ-ɏ]"), "cyrillic": re.compile(r"[Ѐ-ӿ]"), "arabic": re.compile(r"[؀-ۿ]")}


def _script(text: str) -> str | None:
    """The dominant of Latin, Cyrillic and Arabic script in ``text`` (None when no letters)."""
    counts = {name: len(rx.findall(text)) for name, rx in _SCRIPTS.items()}
    best = max(counts, key=counts.get)
    return best if counts[best] else None


class LangIdStep(ModelStep):
    """Document language plus a language per segment (mixed documents)."""

    name = "langid"
    requires = frozenset({"text", "segments"})
    provides = frozenset({"lang"})
    default_component = components.DEFAULT_LANGID

    def create(self) -> Any:
        return components.langid(self.component)

    def warm(self, model: Any) -> None:
        model.detect("warm up text")

    def process(self, doc: Document) -> None:
        res = self.model.detect(doc.text or "")
        doc.lang, doc.lang_confidence = res.lang, float(res.confidence)
        text = doc.text or ""
        doc_script = LANG_SCRIPT.get(doc.lang)
        spans: list[tuple[int, int, str]] = []
        for s, e in doc.segments:
            # Short segments in the document's own script (titles, list items) inherit its language
            # without a detector call; other segments are detected, and unsure answers inherit too.
            if doc_script and e - s < SHORT_SEGMENT and _script(text[s:e]) in (doc_script, None):
                lang = doc.lang
            else:
                r = self.model.detect(text[s:e])
                lang = r.lang if r.lang in NER_LANGS and r.confidence >= 0.5 else doc.lang
            if spans and spans[-1][2] == lang:
                spans[-1] = (spans[-1][0], e, lang)
            else:
                spans.append((s, e, lang))
        doc.lang_spans = spans
        self.stats.counts[doc.lang] += 1


def _segment_langs(doc: Document) -> list[str]:
    """The language of each segment, from ``lang_spans`` (or the document language)."""
    out = []
    spans = doc.lang_spans
    j = 0
    for s, _e in doc.segments:
        while j < len(spans) and spans[j][1] <= s:
            j += 1
        out.append(spans[j][2] if j < len(spans) and spans[j][0] <= s else doc.lang)
    return out


class NerStep(Step):
    """Run each language's NER backend over every segment of that language in the batch."""

    name = "ner"
    requires = frozenset({"text", "segments", "lang"})
    provides = frozenset({"mentions"})

    def __init__(self, backends: dict[str, str] | None = None) -> None:
        super().__init__()
        self.backends = dict(components.DEFAULT_NER if backends is None else backends)
        self._models: dict[str, Any] = {}

    def backend(self, lang: str) -> Any:
        if lang not in self._models:
            self._models[lang] = _load(lambda: components.ner(self.backends[lang]), lambda m: m.predict(["Baku"]))
        return self._models[lang]

    def run(self, docs: list[Document]) -> list[Document]:
        # (doc index, segment start, normalised text) grouped by language
        jobs: dict[str, list[tuple[int, int, Any]]] = defaultdict(list)
        for i, doc in enumerate(docs):
            if not doc.ok:
                continue
            self.stats.docs_in += 1
            try:
                for (s, e), lang in zip(doc.segments, _segment_langs(doc)):
                    if lang in self.backends:
                        jobs[lang].append((i, s, normalize(doc.text[s:e], lang)))
            except Exception as exc:  # noqa: BLE001
                self._fail(docs[i], exc)
        for lang, items in sorted(jobs.items()):
            try:
                backend = self.backend(lang)
            except Exception as exc:  # noqa: BLE001 - a model that cannot load fails its documents only
                for i in sorted({i for i, _s, _n in items}):
                    self._fail(docs[i], exc)
                continue
            try:
                results = backend.predict([n.text for _, _, n in items])
            except Exception:  # noqa: BLE001 - retry per document to find the one that breaks
                results = self._predict_per_doc(docs, backend, items)
            for (i, seg_start, norm), spans in zip(items, results):
                doc = docs[i]
                if spans is None or not doc.ok:
                    continue
                for sp in spans:
                    s, e = norm.to_original(sp.start, sp.end)
                    s, e = s + seg_start, e + seg_start
                    surface = doc.text[s:e]
                    if not surface.strip():
                        continue
                    doc.mentions.append(Mention(s, e, sp.label, surface, backend.name, sp.score))
                    self.stats.counts[sp.label] += 1
        for doc in docs:
            if doc.ok and doc.mentions:
                try:
                    self._document_rules(doc)
                except Exception as exc:  # noqa: BLE001
                    self._fail(doc, exc)
        return docs

    @staticmethod
    def _document_rules(doc: Document) -> None:
        """Rules that need the whole document (e.g. a name repeated longer elsewhere: az, fa)."""
        from pipeline.ner.base import Span
        from pipeline.ner.docrules import DOC_RULES, apply_doc_rules

        for lang in sorted({_lang_at(doc, m.start) for m in doc.mentions} & set(DOC_RULES)):
            mine = [m for m in doc.mentions if _lang_at(doc, m.start) == lang]
            source = mine[0].source
            spans = apply_doc_rules(doc.text, [Span(m.start, m.end, m.label, m.confidence) for m in mine], lang)
            rest = [m for m in doc.mentions if _lang_at(doc, m.start) != lang]
            doc.mentions = sorted(rest + [Mention(sp.start, sp.end, sp.label, doc.text[sp.start:sp.end], source,
                                                  sp.score) for sp in spans], key=lambda m: (m.start, m.end))

    def _predict_per_doc(self, docs: list[Document], backend: Any, items: list) -> list:
        results: list = []
        by_doc: dict[int, list[int]] = defaultdict(list)
        for k, (i, _s, _n) in enumerate(items):
            by_doc[i].append(k)
        out: list = [None] * len(items)
        for i, ks in by_doc.items():
            try:
                preds = backend.predict([items[k][2].text for k in ks])
            except Exception as exc:  # noqa: BLE001
                self._fail(docs[i], exc)
                continue
            for k, p in zip(ks, preds):
                out[k] = p
        results.extend(out)
        return results


class DateStep(ModelStep):
    """Rule-based date spans with ISO values, merged with the NER model's DATE spans."""

    name = "dates"
    requires = frozenset({"text", "lang", "mentions"})
    provides = frozenset({"dates"})
    default_component = components.DEFAULT_DATES

    def create(self) -> Any:
        return components.dates(self.component)

    def warm(self, model: Any) -> None:
        model.extract("1990", "en")

    def process(self, doc: Document) -> None:
        text = doc.text or ""
        rule_mentions: list[Mention] = []
        for s, e, lang in doc.lang_spans or [(0, len(text), doc.lang)]:
            if lang not in NER_LANGS:
                continue
            for dm in self.model.extract(text[s:e], lang):
                m = Mention(dm.start + s, dm.end + s, "DATE", text[dm.start + s:dm.end + s], self.model.name,
                            None, dm.value, None, dm)
                rule_mentions.append(m)
        others = [m for m in doc.mentions if m.label != "DATE"]
        model_dates = [m for m in doc.mentions if m.label == "DATE"]
        kept = list(rule_mentions)
        for m in model_dates:
            if any(m.start < r.end and r.start < m.end for r in rule_mentions):
                continue  # the rule span carries a value; one mention per span
            # a model DATE span no rule found is kept only when the date grammar can read it
            # (a value, or a recognised relative expression): precision first
            dm = self.model.normalize(m.text, _lang_at(doc, m.start))
            if dm is None:
                continue
            m.date, m.normalized = dm, dm.value
            kept.append(m)
        # a DATE span never overlaps another entity: drop NER entities that sit inside a rule date
        others = [m for m in others if not any(m.start < r.end and r.start < m.end for r in rule_mentions)]
        doc.mentions = resolve_overlaps(others + kept)
        self.stats.counts["DATE"] += len(kept)


def _lang_at(doc: Document, pos: int) -> str:
    for s, e, lang in doc.lang_spans:
        if s <= pos < e:
            return lang
    return doc.lang


def resolve_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Keep non-overlapping mentions, longer spans first; sorted by position."""
    ordered = sorted(mentions, key=lambda m: (-(m.end - m.start), m.start, m.label))
    taken: list[Mention] = []
    for m in ordered:
        if all(m.end <= t.start or t.end <= m.start for t in taken):
            taken.append(m)
    return sorted(taken, key=lambda m: (m.start, m.end, m.label))


class EntityStep(ModelStep):
    """Canonical names and entity ids for ORG/PER/LOC; ISO values for DATE."""

    name = "entities"
    requires = frozenset({"text", "mentions", "dates"})
    provides = frozenset({"entities"})
    default_component = components.DEFAULT_ENTITIES

    def create(self) -> Any:
        return components.entities(self.component)

    def warm(self, model: Any) -> None:
        model.canonicalize_document("Baku", "en", [(0, 4, "LOC", "Baku")])

    def process(self, doc: Document) -> None:
        named = [m for m in doc.mentions if m.label != "DATE"]
        by_lang: dict[str, list[Mention]] = defaultdict(list)
        for m in named:
            by_lang[_lang_at(doc, m.start)].append(m)
        for lang, ms in sorted(by_lang.items()):
            results = self.model.canonicalize_document(doc.text, lang, [(m.start, m.end, m.label, m.text) for m in ms])
            for m, (canonical, _key, eid) in zip(ms, results):
                m.normalized, m.entity_id = canonical, eid


class Pipeline:
    """An ordered list of steps whose requirements are checked at construction."""

    def __init__(self, steps: Iterable[Step]) -> None:
        self.steps = list(steps)
        have: set[str] = set()
        for step in self.steps:
            missing = step.requires - have
            if missing:
                raise StepError(f"step {step.name!r} requires {sorted(missing)} but no earlier step provides it; "
                                f"order so far: {[s.name for s in self.steps[:self.steps.index(step)]]}")
            have |= step.provides

    def run(self, docs: list[Document]) -> list[Document]:
        for step in self.steps:
            docs = step.run(docs)
        return docs

    def stats(self) -> dict[str, dict]:
        return {s.name: {"docs_in": s.stats.docs_in, "failed": s.stats.failed, **dict(s.stats.counts)} for s in self.steps}


def default_pipeline(max_bytes: int = DEFAULT_MAX_BYTES) -> Pipeline:
    return Pipeline([ReadStep(max_bytes), SegmentStep(), LangIdStep(), NerStep(), DateStep(), EntityStep()])
