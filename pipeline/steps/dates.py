"""The date step: the date grammar's spans combined with the NER models' DATE spans.

Span convention (measured with ``lingflow eval ner``, see the README): where a model DATE
span and a grammar span overlap, the mention takes, per language (``SPEC.date_spans``), the
model's boundaries (the models learnt their annotation convention: ``1972-ci ildə``,
``در سال ۱۳۹۴``) or the grammar's, and always the **grammar's value** (the grammar reads the
model span, or else the one grammar span inside it; a grammar span that only overlaps the model
span gives it nothing: the fa model's lone ``در`` "in" before ``سال ۱۳۷۲``, or its ``میلادی`` "AD"
after ``۲۰۰۵ (``, had taken the value of the grammar's ``در سال ۱۳۷۲`` and the dates table held the
year twice). Measured (DATE exact F1, grammar boundaries / model boundaries): az aznews 89.2 / 89.2, fa textmining 32.1 / 55.8, fa PEYMA
39.2 / 47.5, ru NEREL 87.8 / 86.1, en hand-made news 40.0 / 97.1 (blind 54.5 / 100).
A grammar span that contains a model span and reads a different value wins (it read more:
``2018-ci ilin dördüncü rübü``, a quarter, where the model saw ``2018-ci ilin``, a year); a grammar span that no model span overlaps is kept as it is (the models miss
dates; the grammar never invents one from a bare number). A model span that the grammar
cannot read at all is dropped: every DATE mention carries a value or a recognised relative
expression. The ISO value always comes from the date grammar. A name (PER/ORG/LOC) that holds a date
and more is one mention, the outermost (``2015 Avropa Oyunları``, as NEREL writes it); any other name
that overlaps a kept date gives way to it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Any

from pipeline import components, languages
from pipeline.document import Document, Mention
from pipeline.steps.base import ModelStep
from pipeline.steps.text import lang_at

SPAN_POLICIES = ("model", "rules")


def _overlap(a: Mention, b: Any) -> bool:
    return a.start < b.end and b.start < a.end


def _held(names: list[Mention], starts: list[int], date: Mention) -> bool:
    """Does one of ``names`` (sorted by ``starts``, not overlapping each other) hold ``date`` and more?"""
    i = bisect_right(starts, date.start) - 1
    if i < 0:
        return False
    name = names[i]
    return date.end <= name.end and name.end - name.start > date.end - date.start


def _apart_from(names: list[Mention], dates: list[Mention]) -> list[Mention]:
    """``names`` that overlap none of ``dates``: one sort and a bisection each, not every pair."""
    if not dates:
        return names
    ordered = sorted(dates, key=lambda d: d.start)
    starts = [d.start for d in ordered]
    reach, furthest = -1, []
    for d in ordered:  # the furthest end among the dates that start at or before each one
        reach = max(reach, d.end)
        furthest.append(reach)
    out = []
    for m in names:
        i = bisect_left(starts, m.end) - 1  # the dates that start before the name ends
        if i < 0 or furthest[i] <= m.start:
            out.append(m)
    return out


class DateStep(ModelStep):
    """Rule-based date spans with ISO values, merged with the NER model's DATE spans."""

    name = "dates"
    requires = frozenset({"text", "lang", "mentions"})
    provides = frozenset({"dates"})
    default_component = components.DEFAULT_DATES

    def __init__(self, component: str | None = None, policy: dict[str, str] | None = None) -> None:
        """``policy``: language -> ``model`` | ``rules`` (default: each pack's ``SPEC.date_spans``)."""
        super().__init__(component)
        self.policy = dict(policy or {})
        bad = sorted(set(self.policy.values()) - set(SPAN_POLICIES))
        if bad:
            raise ValueError(f"date span policy must be one of {SPAN_POLICIES}, not {bad}")

    def _policy(self, lang: str) -> str:
        spec = languages.spec(lang)
        return self.policy.get(lang) or (spec.date_spans if spec else "rules")

    def create(self) -> Any:
        return components.dates(self.component)

    def warm(self, model: Any) -> None:
        model.extract("1990", "en")

    def _rule_mentions(self, doc: Document) -> list[Mention]:
        """Grammar dates of every stretch; a language without a pack (``und`` included) gets only
        language-neutral and script-guided forms (``DateMention.reading``)."""
        text = doc.text or ""
        out: list[Mention] = []
        for s, e, lang in doc.lang_spans or [(0, len(text), doc.lang)]:
            for dm in self.model.extract(text[s:e], lang):
                out.append(Mention(dm.start + s, dm.end + s, "DATE", text[dm.start + s:dm.end + s], self.model.name,
                                   None, dm.value, None, dm))
        return out

    def _read(self, doc: Document, m: Mention, inside: list[Mention]) -> Mention | None:
        """``m`` (a model DATE span) with the grammar's value, or None when nothing reads it."""
        dm = self.model.normalize(m.text, lang_at(doc, m.start))
        inside = [r for r in inside if m.start <= r.start and r.end <= m.end]
        if len(inside) == 1 and (dm is None or (dm.value is None and inside[0].date.value is not None)):
            dm = inside[0].date  # the one grammar span inside the model span gives the value
        if dm is None:
            return None
        m.date, m.normalized = dm, dm.value
        m.source = f"{m.source}+{self.model.name}"  # span from the model, value from the date grammar
        return m

    def process(self, doc: Document) -> None:
        rules = self._rule_mentions(doc)
        others = [m for m in doc.mentions if m.label != "DATE"]
        model_dates = [m for m in doc.mentions if m.label == "DATE"]
        kept: list[Mention] = []
        covered: set[int] = set()
        for m in model_dates:
            inside = [r for r in rules if _overlap(m, r)]
            if inside and self._policy(lang_at(doc, m.start)) == "rules":
                continue  # the grammar's span wins
            read = self._read(doc, m, inside)
            if read is None:
                continue
            if any(r.start <= m.start and m.end <= r.end and r.end - r.start > m.end - m.start
                   and r.date.value is not None and r.date.value != read.normalized for r in inside):
                continue  # the grammar read more than the model span: `2018-ci ilin dördüncü rübü` (a quarter)
                # where the model saw `2018-ci ilin` (a year); its span and value win
            kept.append(read)
            covered.update(id(r) for r in inside)
        kept += [r for r in rules if id(r) not in covered]
        # a name that holds a date is one mention, the outermost (``2015 Avropa Oyunları``, ``Paris sülh
        # müqaviləsi ( 1783 )``); otherwise a DATE span never overlaps another entity
        names = sorted(others, key=lambda m: (m.start, m.end))
        starts = [m.start for m in names]
        kept = [d for d in kept if not _held(names, starts, d)]
        others = _apart_from(others, kept)
        doc.mentions = resolve_overlaps(others + kept)
        self.stats.counts["DATE"] += sum(1 for m in doc.mentions if m.label == "DATE")


def resolve_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Keep non-overlapping mentions, longer spans first; sorted by position."""
    ordered = sorted(mentions, key=lambda m: (-(m.end - m.start), m.start, m.label))
    starts: list[int] = []  # the kept mentions, which never overlap, by start
    kept: list[Mention] = []
    for m in ordered:
        i = bisect_left(starts, m.end)  # kept[:i] start before m ends; only the last of them can reach m
        if i and kept[i - 1].end > m.start:
            continue
        starts.insert(i, m.start)
        kept.insert(i, m)
    return sorted(kept, key=lambda m: (m.start, m.end, m.label))
