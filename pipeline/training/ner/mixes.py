"""Training data mixes of the az/fa NER models (which dev-format sets, how often, with which conventions)."""

from __future__ import annotations

from pipeline.training.ner.data import SetSpec

# Training mix per language. ``repeat`` upsamples the small running-text sets that carry
# DATE; ``has_date=False`` masks date-like stretches as missing. PEYMA is research-only
# and is never in a shipped mix (it is only evaluated).
MIXES: dict[str, list[SetSpec]] = {
    "az": [SetSpec("wikiann", 1, has_date=False), SetSpec("aznews", 4, has_date=True)],
    # one LOC convention across sets (place-type noun inside, as Text-Mining and PEYMA write it)
    "fa": [SetSpec("wikiann", 1, has_date=False, place_types_inside=True),
           SetSpec("parstwiner", 1, has_date=False, place_types_inside=True),
           SetSpec("textmining", 3, has_date=True, place_types_inside=True)],
}
# Candidate mixes (``--mix NAME``); the default mix above is what the shipped models were trained on.
# fa-v1: the first shipped fa mix (each set's own LOC convention).
MIX_VARIANTS: dict[str, list[SetSpec]] = {
    "fa-v1": [SetSpec("wikiann", 1, has_date=False), SetSpec("parstwiner", 1, has_date=False),
              SetSpec("textmining", 3, has_date=True)],
    # fa-no-tweets: the default fa mix without ParsTwiNER (informal text, opposite LOC/title conventions)
    "fa-no-tweets": [SetSpec("wikiann", 1, has_date=False, place_types_inside=True),
                     SetSpec("textmining", 3, has_date=True, place_types_inside=True)],
    # az-swap: the az mix plus one copy of every sentence with a name, its names swapped for other
    # names of the same label from the same set (mention replacement; issue 19)
    "az-swap": [SetSpec("wikiann", 1, has_date=False, swap=1), SetSpec("aznews", 4, has_date=True, swap=1)],
    # fa-swap: the fa mix plus one copy of every sentence with a name, its names swapped for other names of the
    # same label from the same set, written as the set writes them (ezafe and ZWNJ kept inside the name; issue 19)
    "fa-swap": [SetSpec("wikiann", 1, has_date=False, place_types_inside=True, swap=1),
                SetSpec("parstwiner", 1, has_date=False, place_types_inside=True, swap=1),
                SetSpec("textmining", 3, has_date=True, place_types_inside=True, swap=1)],
}
