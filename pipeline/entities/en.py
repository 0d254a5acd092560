"""English canonical names: drop a leading article and possessive ``'s``; keep case."""

from __future__ import annotations

import re

from pipeline.entities.common import collapse_spaces, trim_mention

_ARTICLE = re.compile(r"^(?:the|a|an)\s+(?=\S)", re.I)
_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$", re.I)


def canonicalize_en(surface: str, label: str) -> str:
    """``the National Center of Oncology's`` -> ``National Center of Oncology``."""
    t = trim_mention(surface.replace("’", "'"))
    for _ in range(2):
        t = _POSSESSIVE.sub("", t).rstrip()
        t = trim_mention(t)
    m = _ARTICLE.match(t)
    # Keep "The" when it is the only word or the name is all caps ("THE HAGUE" is rare; "The Hague" kept).
    if m and not t.lower().startswith("the hague"):
        rest = t[m.end():]
        if rest[:1].isupper() or rest[:1].isdigit():
            t = rest
    return collapse_spaces(t)


def key_en(canonical: str) -> str:
    """Dots inside acronyms vanish (``U.S.`` = ``US``); ``&`` = ``and``."""
    t = re.sub(r"\b((?:\w\.){2,})", lambda m: m.group(1).replace(".", ""), canonical)
    return t.replace("&", " and ")
