"""Document-level post-processing of NER spans (after segment-level prediction).

``extend_repeated_names``: when an ORG the model found is followed, in most of its
occurrences in the same document, by the same one to three content words, those words are
part of the name (``بسیج`` + ``جامعه پزشکی`` repeated ten times -> ``بسیج جامعه پزشکی``),
and every occurrence of the longer name is tagged; an ORG that ends inside one of them is extended to its end
(``شورای مرکزی بسیج`` + ``جامعه پزشکی``). Sentence-level dev sets cannot show
this (one sentence per item), so it only fires with at least ``MIN_REPEATS`` repetitions.

Span-boundary corrections (:mod:`pipeline.ner.boundary`) run first (see pipeline/registrations.py).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from pipeline import languages
from pipeline.ner.base import Span

NAME = "ner.docrules.v1"
MIN_REPEATS = 3
MIN_SHARE = 0.6
MAX_EXTRA_WORDS = 3

_WORD = re.compile(r"\S+")
_CONTENT = re.compile(r"^[^\W\d_][\w\u200c'-]*$")


def extend_repeated_names(text: str, spans: list[Span], lang: str) -> list[Span]:
    """Extend ORG spans by a continuation repeated through the document (see module doc)."""
    spec = languages.spec(lang)
    stop = spec.stopwords if spec else frozenset()
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    additions: list[Span] = []
    for name in sorted({text[s.start:s.end] for s in spans if s.label == "ORG"}):
        toks = name.split()
        n = len(toks)
        occ = [i for i in range(len(words) - n + 1) if [w[2] for w in words[i:i + n]] == toks]
        if len(occ) < MIN_REPEATS:
            continue
        best: tuple[str, ...] = ()
        for k in range(1, MAX_EXTRA_WORDS + 1):
            conts = Counter()
            for i in occ:
                nxt = words[i + n:i + n + k]
                # the continuation must stay on the same line and be content words
                if len(nxt) == k and "\n" not in text[words[i + n - 1][1]:nxt[-1][0]] and all(
                        _CONTENT.match(w[2]) and w[2] not in stop for w in nxt):
                    conts[tuple(w[2] for w in nxt)] += 1
            if not conts:
                break
            cont, count = conts.most_common(1)[0]
            if count >= MIN_REPEATS and count / len(occ) >= MIN_SHARE:
                best = cont
            else:
                break
        if not best:
            continue
        full = toks + list(best)
        for i in range(len(words) - len(full) + 1):
            if [w[2] for w in words[i:i + len(full)]] == full:
                additions.append(Span(words[i][0], words[i + len(full) - 1][1], "ORG"))
    if not additions:
        return spans
    # an ORG that ends inside a longer repeated name takes in its rest: a name does not end inside another
    # (`شورای مرکزی بسیج` + `جامعه پزشکی` -> `شورای مرکزی بسیج جامعه پزشکی`, the council of that organisation)
    spans = [next((Span(s.start, a.end, s.label) for a in additions
                   if s.label == "ORG" and s.start < a.start < s.end < a.end), s) for s in spans]
    out = [s for s in spans if not any(s.start < a.end and a.start < s.end and a.start <= s.start and s.end <= a.end
                                       for a in additions)]
    for a in additions:
        if not any(s.start < a.end and a.start < s.end for s in out):
            out.append(a)
    return sorted(set(out), key=lambda s: (s.start, s.end, s.label))


_LINE_START = re.compile(r"(?:^|[\n.!?:;]\s*|[•·▪●◦*\-–—]\s+|\d+[.)]\s+)\W*$")


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"  # what ``\w`` matches in a str pattern


def _whole_word_starts(text: str, word: str) -> Iterator[int]:
    r"""Where ``word`` stands in ``text`` with no word character or hyphen on either side: what
    ``re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text)`` finds, without compiling two
    patterns for every word of every document (a few per cent of the Russian NER step)."""
    pos, n = 0, len(word)
    while (i := text.find(word, pos)) >= 0:
        before = text[i - 1] if i else ""
        after = text[i + n] if i + n < len(text) else ""
        if not (before and (before == "-" or _is_word_char(before))) and \
                not (after and (after == "-" or _is_word_char(after))):
            yield i
            pos = i + max(n, 1)
        else:
            pos = i + 1


def drop_capitalised_common_words(text: str, spans: list[Span], lang: str) -> list[Span]:
    """A one-word name at the start of a line, list item or sentence, where any word is capitalised,
    is dropped when the same document writes that word in lower case elsewhere (``• Onkologiya
    sahəsində ...`` beside ``onkologiya üzrə``): its capital comes from its place, not from a name.
    Case-less scripts are untouched; so are DATE spans and words the document also capitalises
    in mid-sentence."""
    from pipeline.text.normalize import lower

    out = []
    cache: dict[str, bool] = {}
    for sp in spans:
        word = text[sp.start:sp.end]
        if sp.label == "DATE" or not word[:1].isupper() or not _CONTENT.match(word) \
                or not _LINE_START.search(text, max(0, sp.start - 12), sp.start):
            out.append(sp)
            continue
        if word not in cache:
            low = lower(word, lang)
            lower_use = next(_whole_word_starts(text, low), None) is not None
            capital_mid = any(not _LINE_START.search(text, max(0, start - 12), start)
                              for start in _whole_word_starts(text, word))
            cache[word] = low != word and lower_use and not capital_mid
        if not cache[word]:
            out.append(sp)
    return out


def drop_sentence_start_common_words(text: str, spans: list[Span], lang: str) -> list[Span]:
    """A one-word name at the start of a line, list item or sentence is dropped when the language's word
    list writes it in lower case (``data/<lang>_forms.txt.gz``, Debian's tesseract word list: a form not
    marked ``P``) and no name of the training sets holds it (``<lang>_name_words.tsv``): ``Miqrantlar``,
    ``Ölkəyə``, ``Sənədin`` at a sentence's start are words, not names, even when the document never writes
    them again in lower case (which :func:`drop_capitalised_common_words` needs). Words in capitals, with a
    hyphen, and DATE spans stay; languages without a forms table are untouched."""
    from pipeline.entities.lexicon import form_key, load_forms, load_lexicon

    forms = load_forms(lang)
    if not len(forms):
        return spans
    names = load_lexicon(lang)
    out = []
    for sp in spans:
        word = text[sp.start:sp.end]
        if sp.label != "DATE" and _CONTENT.match(word) and "-" not in word and not word.isupper() \
                and word[:1].isupper() and _LINE_START.search(text, max(0, sp.start - 12), sp.start):
            key = form_key(word, lang)
            mark = forms.get(key)
            if mark is not None and "P" not in mark and key not in names:
                continue
        out.append(sp)
    return out
