"""How the date grammar's spans and the NER models' DATE spans combine (used by the date step).

Where a model DATE span and a grammar span overlap, one of them gives the mention's
boundaries, per language; the ISO value always comes from the date grammar. Measured with
`lingflow eval ner` (documents view, DATE exact F1, grammar span / model span): az aznews
89.2 / 92.9, fa textmining 31.6 / 55.6, fa peyma 38.8 / 46.9, ru nerel 87.5 / 85.3; en on the
hand-made news sets in tests/ner/data (sentences view) 40.0 / 97.1 and, blind, 54.5 / 100. A
language not listed keeps the grammar's spans.
"""

NAME = "dates.spans.v1"
SPAN_POLICIES = ("model", "rules")
DATE_SPANS = {"az": "model", "en": "model", "fa": "model", "ru": "rules"}
