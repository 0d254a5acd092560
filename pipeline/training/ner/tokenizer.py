"""Tokenizer fixes shared by training and the shipped pipelines.

The fixes change only the tokenizer's infix regex, which ``nlp.to_disk`` stores, so a
shipped model tokenises the same way without importing this module.

- az: ``1972-ci`` / ``2005–ci`` -> ``1972 - ci`` (the training data writes years that way).
- all: a hyphen or dash between a digit and a letter, or a letter and a digit, is split.
"""

from __future__ import annotations

from typing import Any, Callable

from spacy.util import compile_infix_regex, registry

# digit-dash-letter and letter-dash-digit ("1972-ci", "COVID-19" stays split as COVID - 19)
DIGIT_DASH = [r"(?<=[0-9])[-\u2010\u2011\u2013\u2014](?=[^\W\d_])", r"(?<=[^\W\d_])[-\u2010\u2011\u2013\u2014](?=[0-9])"]


def fix_tokenizer(nlp: Any) -> Any:
    """Add the infix rules above to ``nlp.tokenizer`` (idempotent)."""
    infixes = list(nlp.Defaults.infixes or [])
    for pat in DIGIT_DASH:
        if pat not in infixes:
            infixes.append(pat)
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    return nlp


@registry.callbacks("lingflow.fix_tokenizer.v1")
def make_fix_tokenizer() -> Callable[[Any], Any]:
    """``[initialize.before_init]`` callback for the training configs."""
    return fix_tokenizer
