"""jsonl NER sets -> spaCy DocBin: normalise, align, mask unannotated dates, mix.

Texts go through :func:`pipeline.text.normalize.normalize` (the function inference uses),
gold character offsets are moved to the normalised text, and spans are snapped to the
(fixed) tokenizer's tokens with ``char_span(alignment_mode="expand")``; snaps that change
a span are counted as misalignments.

Sets without DATE annotation (WikiANN, ParsTwiNER) get their date-like stretches marked
*missing* (spaCy's ``-``) so they neither teach "this is a date" nor "this is not".
"""

from __future__ import annotations

import bisect
import importlib
import json
import random
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from spacy.tokens import Doc, DocBin, Span as SpacySpan

from pipeline.lang.az import dates as az_dates
from pipeline.text.normalize import normalize

# -- date-like stretches (for masking sets that never annotate DATE) ------------------------
_AZ_MONTHS = "|".join(az_dates.MONTHS)
_FA_MONTHS = ("فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند|"
              "ژانویه|ژانویهٔ|فوریه|مارس|آوریل|آپریل|مه|می|ژوئن|ژوئیه|جولای|اوت|آگوست|سپتامبر|اکتبر|نوامبر|دسامبر|"
              "محرم|صفر|ربیع|جمادی|رجب|شعبان|رمضان|شوال|ذیقعده|ذیحجه")
_YEAR = r"(?:1[0-9]{3}|20[0-9]{2})"

DATE_LIKE: dict[str, list[re.Pattern[str]]] = {
    "az": [
        re.compile(rf"\b(?:[0-9]{{1,2}} )?(?:{_AZ_MONTHS})\w*(?: {_YEAR})?(?: ?[-–] ?c[iıuü])?(?: il\w*)?\b", re.I),
        re.compile(rf"\b{_YEAR}(?: ?[-–] ?(?:[0-9]{{2,4}}|c[iıuü]))?(?: ?[-–] ?c[iıuü])?(?: (?:il|əsr)\w*)?\b"),
        re.compile(r"\b[XVI]{1,5} (?:əsr|yüzillik)\w*\b"),
        re.compile(r"\b[0-9]{1,2}[./][0-9]{1,2}[./][0-9]{2,4}\b"),
    ],
    "fa": [
        re.compile(rf"(?:(?:در|از|تا) )?(?:(?:سال|سالهای|سال های|دهه|قرن) )?(?:[0-9]{{1,2}} )?(?:{_FA_MONTHS}) ?(?:ماه )?[0-9]{{2,4}}"
                   r"(?: (?:میلادی|شمسی|قمری|هجری|خورشیدی|ه ش|ه ق))?"),
        re.compile(r"(?:(?:در|از|تا) )?(?:(?:سال|سالهای|سال های|دهه|قرن) [0-9]{1,4}|\b(?:1[3-4][0-9]{2}|1[89][0-9]{2}|20[0-9]{2})\b)"
                   r"(?: ?[-–/] ?[0-9]{2,4})?(?: (?:میلادی|شمسی|قمری|هجری|خورشیدی|ه ش|ه ق))?"),
        re.compile(r"(?:سال|دهه|قرن) (?:[0-9]+|[^\s]+م)\b"),
        # durations and ages: Text-Mining labels "۳ سال", "۵ سال گذشته", "در ۱۱ سالگی" as DATE (87% of them)
        re.compile(r"(?<!\S)(?:(?:در|از|تا) )?(?:[0-9]+|یک|دو|سه|چهار|پنج|شش|هفت|هشت|نه|ده|چند) "
                   r"(?:سال|ساله|سالگی|ماه|روز|هفته|دقیقه|ساعت|ثانیه|قرن|دهه|سده)(?: (?:گذشته|قبل|پیش|بعد|اخیر))?(?!\S)"),
    ],
}


def date_like_spans(text: str, lang: str) -> list[tuple[int, int]]:
    """Character spans of year/month/century expressions in normalised ``text``."""
    out = []
    for pat in DATE_LIKE.get(lang, []):
        out.extend((m.start(), m.end()) for m in pat.finditer(text) if m.end() > m.start())
    return sorted(out)


# -- one data set ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SetSpec:
    """One jsonl set in the mix: how often to repeat it, and whether DATE is annotated."""

    name: str  # e.g. "wikiann" -> <lang>/wikiann-train.jsonl
    repeat: int = 1
    has_date: bool = True
    merge_prep_dates: bool = False  # fa textmining: "در" + "سال ۷۴" (two DATE spans) -> "در سال ۷۴"
    place_types_inside: bool = False  # fa: "شهر" + LOC "قم" -> LOC "شهر قم" (Text-Mining/PEYMA convention)
    swap: int = 0  # augmented copies per item: names swapped for same-label names of the set (issue 19)


@dataclass
class BuildStats:
    docs: int = 0
    entities: int = 0
    misaligned: int = 0  # spans whose token snap changed their characters
    dropped: int = 0  # spans that could not be placed (overlap or empty)
    masked_tokens: int = 0
    labels: Counter = field(default_factory=Counter)

    def as_dict(self) -> dict[str, Any]:
        return {"docs": self.docs, "entities": self.entities, "misaligned": self.misaligned,
                "dropped": self.dropped, "masked_tokens": self.masked_tokens, "labels": dict(self.labels)}


def _orig_to_norm(offsets: tuple[int, ...] | None, i: int) -> int:
    """Normalised index of the first normalised char that comes from original index >= i."""
    if offsets is None:
        return i
    return bisect.bisect_left(offsets, i)


PREPOSITIONS = {"fa": {"در", "از", "تا"}}


def merge_prep_dates(text: str, entities: list[dict[str, Any]], lang: str) -> list[dict[str, Any]]:
    """Join a DATE span that is only a preposition with the DATE span right after it.

    The Text-Mining set writes ``در سال ۲۰۰۳`` about as often as ``در`` + ``سال ۲۰۰۳``; one
    convention (the preposition inside the span) gives the model a consistent target.
    """
    preps = PREPOSITIONS.get(lang, set())
    ents = sorted(entities, key=lambda e: (e["start"], e["end"]))
    out: list[dict[str, Any]] = []
    for e in ents:
        prev = out[-1] if out else None
        if (prev and prev["label"] == "DATE" and e["label"] == "DATE" and text[prev["start"]:prev["end"]] in preps
                and not text[prev["end"]:e["start"]].strip()):
            out[-1] = {**prev, "end": e["end"]}
        else:
            out.append(e)
    return out


def place_types_inside(text: str, entities: list[dict[str, Any]], lang: str) -> list[dict[str, Any]]:
    """Move a place-type noun right before a LOC span into it (``شهر`` + ``قم`` -> ``شهر قم``).

    ParsTwiNER and WikiANN mostly leave the noun out; Text-Mining (55 in / 14 out for ``شهر``) and
    PEYMA (90 / 3) keep it in, and so does :func:`pipeline.lang.fa.rules.extend_place_type` at inference.
    """
    try:
        place_types = importlib.import_module(f"pipeline.lang.{lang}.rules").PLACE_TYPES
    except (ModuleNotFoundError, AttributeError):
        return entities  # the language pack names no place-type nouns
    ends = [e["end"] for e in entities]
    out = []
    for e in entities:
        if e["label"] == "LOC":
            m = re.search(r"(\S+) $", text[:e["start"]])
            first = text[e["start"]:e["end"]].split()[:1]
            if (m and normalize(m.group(1), lang).text in place_types and first
                    and normalize(first[0], lang).text not in place_types
                    and not any(m.start(1) < x <= e["start"] for x in ends)):
                e = {**e, "start": m.start(1)}
        out.append(e)
    return out


def make_doc(nlp: Any, item: dict[str, Any], lang: str, has_date: bool, stats: BuildStats,
             merge_preps: bool = False, place_types: bool = False) -> Doc:
    """A reference Doc for one jsonl item (normalised text, snapped entities, date mask)."""
    if merge_preps:
        item = {**item, "entities": merge_prep_dates(item["text"], item["entities"], lang)}
    if place_types:
        item = {**item, "entities": place_types_inside(item["text"], item["entities"], lang)}
    nt = normalize(item["text"], lang)
    doc = nlp.make_doc(nt.text)
    ents: list[SpacySpan] = []
    for e in sorted(item["entities"], key=lambda e: (e["start"], -e["end"])):
        s, t = _orig_to_norm(nt.offsets, e["start"]), _orig_to_norm(nt.offsets, e["end"])
        while s < t and nt.text[s].isspace():
            s += 1
        while t > s and nt.text[t - 1].isspace():
            t -= 1
        span = doc.char_span(s, t, label=e["label"], alignment_mode="expand") if t > s else None
        if span is None or (ents and span.start < ents[-1].end):
            stats.dropped += 1
            continue
        if (span.start_char, span.end_char) != (s, t):
            stats.misaligned += 1
        ents.append(span)
        stats.labels[e["label"]] += 1
    missing: list[SpacySpan] = []
    if not has_date:
        taken = {i for sp in ents for i in range(sp.start, sp.end)}
        for s, t in date_like_spans(nt.text, lang):
            span = doc.char_span(s, t, alignment_mode="expand")
            if span is None:
                continue
            toks = [i for i in range(span.start, span.end) if i not in taken]
            for i in toks:
                missing.append(doc[i:i + 1])
                taken.add(i)
            stats.masked_tokens += len(toks)
    doc.set_ents(ents, missing=missing, default="outside")
    stats.docs += 1
    stats.entities += len(ents)
    return doc


SWAP_LABELS = ("PER", "LOC", "ORG")


def name_pool(items: list[dict[str, Any]]) -> dict[str, list[str]]:
    """label -> the distinct PER/LOC/ORG span texts of ``items``, as written (case endings kept), sorted."""
    pool: dict[str, set[str]] = {}
    for it in items:
        for e in it["entities"]:
            if e["label"] in SWAP_LABELS:
                pool.setdefault(e["label"], set()).add(it["text"][e["start"]:e["end"]])
    return {k: sorted(v) for k, v in pool.items()}


def swap_names(item: dict[str, Any], pool: dict[str, list[str]], rng: random.Random) -> dict[str, Any]:
    """A copy of ``item`` whose every PER/LOC/ORG span is replaced by a random name of the same label
    from ``pool`` (mention replacement, Dai & Adel 2020); other spans move with the text."""
    text, out, ents, pos = item["text"], [], [], 0
    length = 0
    for e in sorted(item["entities"], key=lambda e: (e["start"], -e["end"])):
        if e["start"] < pos:
            continue  # overlapping span: dropped from the copy
        piece = text[pos:e["start"]]
        out.append(piece)
        length += len(piece)
        names = pool.get(e["label"]) if e["label"] in SWAP_LABELS else None
        new = rng.choice(names) if names else text[e["start"]:e["end"]]
        out.append(new)
        ents.append({**e, "start": length, "end": length + len(new)})
        length += len(new)
        pos = e["end"]
    out.append(text[pos:])
    return {**item, "text": "".join(out), "entities": ents}


def read_set(data_dir: Path, lang: str, name: str, split: str) -> list[dict[str, Any]]:
    path = Path(data_dir) / lang / f"{name}-{split}.jsonl"
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def build_docbin(nlp: Any, data_dir: Path, lang: str, specs: Iterable[SetSpec], split: str,
                 seed: int = 0, limit_per_set: int | None = None) -> tuple[DocBin, dict[str, dict[str, Any]]]:
    """DocBin of the mixed sets (repeats applied, shuffled with ``seed``) and per-set stats."""
    rng = random.Random(seed)
    docs: list[Doc] = []
    all_stats: dict[str, dict[str, Any]] = {}
    for spec in specs:
        items = read_set(data_dir, lang, spec.name, split)
        if limit_per_set is not None and len(items) > limit_per_set:
            items = random.Random(seed).sample(items, limit_per_set)
        stats = BuildStats()
        merge = spec.merge_prep_dates and split == "train"  # dev sets stay as published
        places = spec.place_types_inside and split == "train"
        set_docs = [make_doc(nlp, it, lang, spec.has_date, stats, merge, places) for it in items]
        all_stats[spec.name] = {**stats.as_dict(), "repeat": spec.repeat, "merge_prep_dates": merge,
                                "place_types_inside": places}
        for _ in range(max(1, spec.repeat) if split == "train" else 1):
            docs.extend(set_docs)
        if spec.swap and split == "train":
            pool, swap_rng, swapped = name_pool(items), random.Random(seed + 1), BuildStats()
            for _ in range(spec.swap):
                docs.extend(make_doc(nlp, swap_names(it, pool, swap_rng), lang, spec.has_date, swapped, merge, places)
                            for it in items if any(e["label"] in SWAP_LABELS for e in it["entities"]))
            all_stats[spec.name]["swap"] = {"copies": spec.swap, **swapped.as_dict()}
    rng.shuffle(docs)
    db = DocBin(attrs=["ORTH", "ENT_IOB", "ENT_TYPE"], store_user_data=False)
    for d in docs:
        db.add(d)
    return db, all_stats
