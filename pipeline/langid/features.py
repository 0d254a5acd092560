"""Per-candidate evidence for the combiner: lingua, CLD2, letters, and target-language lexicons."""
from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from . import backends
from .scripts import (ALPHABETS, ARABIC, CYRILLIC, LATIN, MARKER_LETTERS, SCRIPT_LANGUAGES,
                      ScriptProfile, foreign_letters, marker_count)
from .vocab import WordLists

TARGETS = ("az", "en", "ru", "fa")
LANGUAGES = ("az", "en", "ru", "fa", "tr", "kk", "uk", "be", "bg", "ar", "ur", "mn", "sr", "mk")
#: Which target lexicons are looked up for a script.
SCRIPT_LEXICONS = {LATIN: ("az", "en"), CYRILLIC: ("ru",), ARABIC: ("fa",)}
_BLOCK = {LATIN: "L", CYRILLIC: "C", ARABIC: "A"}
BASE_FEATURES = ("lingua", "foreign", "anyforeign", "marker", "lex_in", "lex_out", "lex_shared",
                 "fw_in", "fw_out", "cld_top", "cld_pct", "lingua_short", "cld_short", "voc")
FEATURES: tuple[str, ...] = tuple(f"{b}_{s}" for s in "LCA" for b in BASE_FEATURES) + (
    "target", "target_short", "target_1w") + tuple(f"b_{lang}" for lang in LANGUAGES)
_INDEX = {f: i for i, f in enumerate(FEATURES)}

LINGUA_MAX_WORDS = 60     # words of the dominant script lingua and CLD2 read
SHORT_WORDS = 2           # texts with at most this many words are "short"
PREFILTER_MIN_FOREIGN = 2  # drop a candidate with at least this many letters outside its alphabet ...
PREFILTER_SHARE = 0.02     # ... when they are also at least this share of the letters
LEX_MIN_COUNT = 2          # a lexicon keeps words seen at least this often in training text
FAST_PATH_MIN_LETTERS = 40  # CLD2 alone decides texts this long ...
FAST_PATH_MIN_SHARE = 0.95  # ... when it gives one candidate this share and its letters all fit ...
FAST_PATH_LOOKALIKE_MIN_LETTERS = 80  # ... a look-alike only on a text this long (CLD2 is sure of bg or sr for
#                                       «Владимир Владимирович, благодарю вас за доверие.», 41 letters) ...
FAST_PATH_VETO = 2          # ... and no other candidate's word list holds this many more of its first words


LEX_MAX_WORDS = 10         # lexicon look-ups per text (the first words of the dominant script)
YO_AS_E = True            # Russian look-ups read е as е or ё
NAMES_NEUTRAL = True      # a capitalised word missing from a target lexicon (a name) is no evidence
FREQUENT_MIN_LINES = 4     # a language's frequent (function) words occur in at least this many training lines


def load_lexicon(path: Path) -> frozenset[str]:
    """One lower-cased word per line."""
    return frozenset(path.read_text(encoding="utf-8").split("\n")) - {""}


class MorphLexicon:
    """Russian words: our lexicon, else any word form pymorphy3's OpenCorpora dictionary knows."""

    def __init__(self, words: frozenset[str]):
        self.words = words
        self._dawg = None
        self._yo = None

    def open(self):
        """pymorphy3's word-form DAWG (loaded once)."""
        if self._dawg is None:
            import pymorphy3

            morph = pymorphy3.MorphAnalyzer(lang="ru")
            self._dawg, self._yo = morph.dictionary.words, morph.char_substitutes
        return self._dawg

    def __contains__(self, word: str) -> bool:
        if word in self.words:
            return True
        dawg = self.open()
        if word.replace("ё", "е") in dawg or word in dawg:
            return True
        # Russian text mostly writes е for ё ("везет"); the dictionary spells ё.
        return YO_AS_E and "е" in word and bool(dawg.similar_keys(word, self._yo))

    def __getstate__(self):
        return {"words": self.words, "_dawg": None, "_yo": None}


def with_morphology(lexicons: dict[str, frozenset[str]]) -> dict:
    """The lexicons the features use: the Russian one backed by pymorphy3's dictionary."""
    return {**lexicons, "ru": MorphLexicon(lexicons["ru"])}


@dataclass(frozen=True)
class Evidence:
    """Candidates of one text, their feature rows, and the number of words read."""

    candidates: tuple[str, ...]
    matrix: np.ndarray      # shape (len(candidates), len(FEATURES))
    n_words: int


#: Lexicon look-up outcomes of one word for a target lexicon: a hit on a word also seen in look-alike
#: text ("shared"), a hit on a word never seen there ("only"), or a miss.
LEX_OUTCOMES = ("only", "shared")


class FeatureExtractor:
    """Builds the feature rows the combiner scores. `rates[(lang, lexicon, outcome)]` is the share of a
    language's words with that lexicon outcome (estimated in training); `others` maps words seen in
    the look-alike training lines to the number of lines they occur in; `frequent[lang]` maps words to
    the number of training lines of `lang` they occur in (kept when >= FREQUENT_MIN_LINES)."""

    def __init__(self, lexicons: dict[str, frozenset[str]], rates: dict[tuple[str, str, str], float],
                 others: dict[str, int], frequent: dict[str, dict[str, int]],
                 vocab: WordLists | None = None, vocab_rates: dict[str, float] | None = None):
        self.lexicons = lexicons
        self.rates = rates
        self.others = others
        self.frequent = frequent
        self.vocab = vocab
        self.vocab_rates = vocab_rates or {}

    def vocab_hits(self, words: list[str], lang: str, masks: list[int] | None = None) -> tuple[int, int]:
        """(hits, misses) of `words` (original case) in `lang`'s word list; a capitalised word the list
        lacks (mostly a name) counts as neither. `masks`: the words' language masks, when already known."""
        if self.vocab is None or lang not in self.vocab or not words:
            return 0, 0
        if masks is None:
            masks = self.vocab.masks_of([w.lower() for w in words])
        bit = self.vocab.bit[lang]
        hits = misses = 0
        for word, mask in zip(words, masks):
            if mask & bit:
                hits += 1
            elif not (NAMES_NEUTRAL and word[:1].isupper()):
                misses += 1
        return hits, misses

    def is_frequent(self, word: str, lang: str, own: frozenset[str] = frozenset()) -> bool:
        """Is `word` one of `lang`'s frequent words (leaving out `own`, the words of a training line
        of `lang` itself)?"""
        return self.frequent.get(lang, {}).get(word, 0) - (1 if word in own else 0) >= FREQUENT_MIN_LINES

    def lexicon_hits(self, words: list[str], target: str,
                     own: frozenset[str] = frozenset()) -> tuple[int, int, int]:
        """(only, shared, missed) look-ups of `words` (original case) in `target`'s lexicon. A
        capitalised word the lexicon lacks is mostly a name, written alike in the look-alikes: it
        counts as none of the three. `own`: lower-cased words of the line itself when it is a
        look-alike training line (left out of `others`, as if unseen)."""
        lex = self.lexicons[target]
        only = shared = missed = 0
        for word in words:
            w = word.lower()
            if w in lex:
                if self.others.get(w, 0) > (1 if w in own else 0):
                    shared += 1
                else:
                    only += 1
            elif not (NAMES_NEUTRAL and word[:1].isupper()):
                missed += 1
        return only, shared, missed

    def candidates(self, prof: ScriptProfile) -> tuple[str, ...]:
        """Languages of the profile's script whose alphabet fits the letters (prefilter)."""
        n = prof.n_letters
        out = []
        for c in SCRIPT_LANGUAGES.get(prof.script, ()):
            foreign = foreign_letters(prof.letters, c) if c in ALPHABETS else 0
            if foreign >= PREFILTER_MIN_FOREIGN and foreign >= PREFILTER_SHARE * n:
                continue
            out.append(c)
        return tuple(out)

    def fast_path(self, prof: ScriptProfile, cands: tuple[str, ...], cld: dict[str, float]) -> str | None:
        """The candidate CLD2 is sure of on a long text whose letters all fit it, else None.
        (On the even half of the lingua test files this rule made 1 error in 4,000 decisions.)"""
        if prof.n_letters < FAST_PATH_MIN_LETTERS:
            return None
        for code, share in cld.items():
            if share >= FAST_PATH_MIN_SHARE and code in cands:
                if code not in TARGETS and prof.n_letters < FAST_PATH_LOOKALIKE_MIN_LETTERS:
                    return None
                if code not in ALPHABETS or foreign_letters(prof.letters, code, strict=True) == 0:
                    return None if self._lists_disagree(prof, cands, code) else code
        return None

    def _lists_disagree(self, prof: ScriptProfile, cands: tuple[str, ...], code: str) -> bool:
        """Is `code` a look-alike and does another candidate's word list hold at least FAST_PATH_VETO more of
        the first words than `code`'s? (CLD2 calls «Воевал на Западном ... фронтах» Serbian: every letter is
        Serbian too.) A target CLD2 is sure of stays: the look-alikes' lists hold many English loans and
        brands (``whatsapp``, ``viber`` are Turkish words to tesseract, not English ones)."""
        if self.vocab is None or code not in self.vocab or code in TARGETS:
            return False
        first = prof.words[:LEX_MAX_WORDS]
        masks = self.vocab.masks_of([w.lower() for w in first])
        own = self.vocab_hits(first, code, masks)[0]
        return any(self.vocab_hits(first, c, masks)[0] >= own + FAST_PATH_VETO for c in cands if c != code)

    def cld2(self, prof: ScriptProfile) -> dict[str, float]:
        """CLD2 shares for the words the models read."""
        return backends.cld2_scores(" ".join(prof.words[:LINGUA_MAX_WORDS]))

    def evidence(self, prof: ScriptProfile, cands: tuple[str, ...],
                 cld: dict[str, float] | None = None, own_lang: str | None = None) -> Evidence:
        """Feature rows of `cands`. `own_lang`: the language of a training line (its own words are
        left out of the vocabularies built from the training lines)."""
        words = prof.words[:LINGUA_MAX_WORDS]
        text = " ".join(words)
        first = words[:LEX_MAX_WORDS]
        lower = [w.lower() for w in first]
        nw = len(words)
        n_lex = len(lower)
        short = 1.0 if nw <= SHORT_WORDS else 0.0
        lingua = backends.lingua_scores(cands, text) if len(cands) > 1 else {cands[0]: 1.0}
        if cld is None:
            cld = backends.cld2_scores(text)
        cld_top = max(sorted(cld), key=cld.__getitem__) if cld else None
        own = frozenset(lower) if own_lang else frozenset()
        own_other = own if own_lang not in TARGETS else frozenset()
        hits = {t: self.lexicon_hits(list(first), t, own_other) for t in SCRIPT_LEXICONS[prof.script]}
        freq = {c: [self.is_frequent(w, c, own if c == own_lang else frozenset()) for w in lower]
                for c in cands}
        any_freq = [any(f[j] for f in freq.values()) for j in range(n_lex)]
        block = _BLOCK[prof.script]
        masks = self.vocab.masks_of(lower) if self.vocab is not None and self.vocab_rates else None
        # The marker evidence counts the letters of the words the other features read: the
        # combiner was trained on lines, and a count over a whole document outgrows its weights
        # (2,000 characters of Russian without a Kazakh letter had come out as Kazakh).
        n = min(prof.n_letters, sum(ch.isalpha() for w in words for ch in w))
        matrix = np.zeros((len(cands), len(FEATURES)))
        for i, c in enumerate(cands):
            row = matrix[i]
            foreign = foreign_letters(prof.letters, c) if c in ALPHABETS else 0
            marker = 0.0
            if c in MARKER_LETTERS and marker_count(prof.letters, c) == 0:
                marker = n * math.log1p(-MARKER_LETTERS[c][1])
            lex_in = lex_out = lex_shared = 0.0
            for t, (k_only, k_shared, k_missed) in hits.items():
                p_only = self.rates.get((c, t, "only"), 0.05)
                p_shared = self.rates.get((c, t, "shared"), 0.05)
                lex_in += k_only * math.log(p_only)
                lex_shared += k_shared * math.log(p_shared)
                lex_out += k_missed * math.log(1.0 - p_only - p_shared)
            lg = math.log(lingua.get(c, 0.0) + 1e-4)
            top = 1.0 if cld_top == c else 0.0
            fw_in = float(sum(freq[c]))
            fw_out = float(sum(1 for j in range(n_lex) if any_freq[j] and not freq[c][j]))
            voc = 0.0
            if c in self.vocab_rates:
                v_hit, v_miss = self.vocab_hits(first, c, masks)
                r = self.vocab_rates[c]
                voc = v_hit * math.log(r) + v_miss * math.log(1.0 - r)
            values = (lg, foreign, float(foreign > 0), marker, lex_in, lex_out, lex_shared, fw_in, fw_out,
                      top, cld.get(c, 0.0),
                      lg * short, top * short, voc)
            start = _INDEX[f"lingua_{block}"]
            row[start:start + len(values)] = values
            if c in TARGETS:
                row[_INDEX["target"]] = 1.0
                row[_INDEX["target_short"]] = short
                row[_INDEX["target_1w"]] = 1.0 if nw <= 1 else 0.0
            row[_INDEX[f"b_{c}"]] = 1.0
        return Evidence(cands, matrix, nw)
