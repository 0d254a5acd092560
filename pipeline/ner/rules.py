"""The one mechanism for rules after an NER model, the same for every language.

A registered NER component (pipeline/registrations.py) is a backend plus a :class:`RuleSet`.
The NER step applies it to every component alike:

- ``line`` rules, ``(line, spans) -> spans``, run on each line exactly as the backend read it
  (normalised, offsets of that line), right after prediction; English conventions and the
  Russian boundary fixes are of this kind;
- ``document`` rules, ``(text, spans, lang) -> spans``, run on the original document text after
  the spans are mapped back; span-boundary fixes that need the real characters and rules that
  need the whole document (a name repeated longer elsewhere) are of this kind.

``name`` is versioned: it goes into ``pipeline_version`` with the source of the rule modules.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from pipeline.ner.base import Span
from pipeline.ner.natasha_backend import split_lines

LineRule = Callable[[str, list[Span]], list[Span]]
DocumentRule = Callable[[str, list[Span], str], list[Span]]


@dataclass(frozen=True)
class RuleSet:
    name: str = "rules.none.v1"
    line: tuple[LineRule, ...] = ()
    document: tuple[DocumentRule, ...] = ()

    def on_lines(self, text: str, spans: list[Span]) -> list[Span]:
        """Apply the line rules to the spans of each line of ``text`` (a segment as the model read it)."""
        if not self.line:
            return spans
        out: list[Span] = []
        for s, e in split_lines(text):
            # every line, with or without model spans: a rule may add one (a gazetteer name)
            mine = [Span(sp.start - s, sp.end - s, sp.label, sp.score) for sp in spans if s <= sp.start and sp.end <= e]
            for rule in self.line:
                mine = rule(text[s:e], mine)
            out.extend(Span(sp.start + s, sp.end + s, sp.label, sp.score) for sp in mine)
        return out

    def on_document(self, text: str, spans: list[Span], lang: str) -> list[Span]:
        for rule in self.document:
            spans = rule(text, spans, lang)
        return spans

    @property
    def modules(self) -> tuple[str, ...]:
        """The modules that define these rules (their source is part of ``pipeline_version``)."""
        return tuple(sorted({f.__module__ for f in (*self.line, *self.document)}))


NO_RULES = RuleSet()
