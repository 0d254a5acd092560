import numpy as np

from pipeline.langid.features import FEATURES, FREQUENT_MIN_LINES, FeatureExtractor, MorphLexicon
from pipeline.langid.scripts import profile


def _extractor() -> FeatureExtractor:
    lexicons = {"ru": frozenset({"не", "нашли", "тоже"}), "az": frozenset(), "en": frozenset(),
                "fa": frozenset()}
    rates = {("ru", "ru", "only"): 0.6, ("ru", "ru", "shared"): 0.3,
             ("bg", "ru", "only"): 0.1, ("bg", "ru", "shared"): 0.4}
    others = {"не": 5, "нашли": 1}
    frequent = {"ru": {"не": FREQUENT_MIN_LINES, "тоже": FREQUENT_MIN_LINES},
                "bg": {"не": FREQUENT_MIN_LINES + 3, "също": FREQUENT_MIN_LINES}}
    return FeatureExtractor(lexicons, rates, others, frequent)


def test_lexicon_hits_split_words_seen_in_lookalike_text():
    ext = _extractor()
    assert ext.lexicon_hits(["не", "нашли", "тоже", "xyz"], "ru") == (1, 2, 1)
    # a look-alike training line that alone put "нашли" into `others` scores it as unseen there
    assert ext.lexicon_hits(["не", "нашли"], "ru", frozenset({"не", "нашли"})) == (1, 1, 0)


def test_capitalised_words_missing_from_the_lexicon_are_no_evidence():
    ext = _extractor()
    # "Цзы" (a name) is neither a hit nor a miss; a capitalised known word is still a hit
    assert ext.lexicon_hits(["Лао", "Цзы", "Тоже", "xyz"], "ru") == (1, 0, 1)


def test_russian_lookups_read_e_as_yo():
    lex = MorphLexicon(frozenset())
    assert "везёт" in lex and "везет" in lex      # pymorphy3 spells ё; text mostly writes е
    assert "ёлка" in lex and "елка" in lex
    assert "везот" not in lex and "цзы" not in lex


def test_frequent_words_leave_the_training_line_out():
    ext = _extractor()
    assert ext.is_frequent("тоже", "ru")
    assert not ext.is_frequent("тоже", "ru", frozenset({"тоже"}))
    assert ext.is_frequent("не", "bg", frozenset({"не"}))
    assert not ext.is_frequent("тоже", "bg")


def test_evidence_rows_favour_the_language_of_distinctive_words():
    ext = _extractor()
    ev = ext.evidence(profile("Лао тоже."), ("ru", "bg"), cld={})
    assert ev.matrix.shape == (2, len(FEATURES))
    col = {f: i for i, f in enumerate(FEATURES)}
    ru, bg = ev.matrix
    assert ru[col["fw_in_C"]] == 1 and bg[col["fw_in_C"]] == 0
    assert ru[col["fw_out_C"]] == 0 and bg[col["fw_out_C"]] == 1
    assert ru[col["lex_in_C"]] > bg[col["lex_in_C"]]   # "тоже": a Russian word never seen in look-alikes
    assert np.all(ev.matrix[:, col["lingua_L"]] == 0)  # other scripts' columns stay empty
