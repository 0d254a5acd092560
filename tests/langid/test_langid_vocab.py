"""The per-language word lists (models/langid/vocab/, from Debian's tesseract word lists) and their
evidence in the combiner."""
import math
import shutil
from pathlib import Path

import numpy as np
import pytest

from pipeline.langid.backends import MODELS_DIR
from pipeline.langid.features import FEATURES, LANGUAGES, FeatureExtractor
from pipeline.langid.scripts import profile
from pipeline.langid.vocab import FILES, VOCAB_DIR, WordLists, build, word_hash


@pytest.fixture(scope="module")
def vocab() -> WordLists:
    return WordLists.load(MODELS_DIR / VOCAB_DIR)


def test_every_language_has_a_list_and_hashes_are_sorted(vocab):
    assert sorted(vocab.langs) == sorted(LANGUAGES)
    assert vocab.hashes.dtype == np.uint32 and np.all(vocab.hashes[1:] > vocab.hashes[:-1])
    assert vocab.masks.dtype == np.uint16 and vocab.masks.all()
    for lang in LANGUAGES:
        assert vocab.size(lang) > 10_000, lang


@pytest.mark.parametrize("word,yes,no", [
    ("наказом", "uk", "ru"),        # Ukrainian instrumental, no Russian word
    ("приветства", "bg", "ru"),
    ("öğretim", "tr", "az"),
    ("sənəd", "az", "tr"),
    ("اختلاف", "fa", "en"),
    ("سنیچر", "ur", "fa"),          # Urdu "Saturday"
])
def test_words_are_in_their_language_and_not_its_look_alike(vocab, word, yes, no):
    assert vocab.hits([word], yes) == [True]
    assert vocab.hits([word], no) == [False]


def test_hash_is_stable_and_lists_are_built_sorted_and_unique(tmp_path):
    assert word_hash("bakı") == word_hash("bakı") != word_hash("baki")
    built = build({"tr": ["c", "b"], "az": ["b", "a", "a"]})
    assert list(built.hashes) == sorted({word_hash("a"), word_hash("b"), word_hash("c")})
    built.save(tmp_path / "v")
    lists = WordLists.load(tmp_path / "v")
    assert lists.langs == ("az", "tr") and isinstance(lists.hashes, np.memmap)
    assert lists.hits(["a", "c", "b", "d"], "az") == [True, False, True, False]
    assert lists.hits(["a", "c", "b", "d"], "tr") == [False, True, True, False]
    assert lists.masks_of(["b", "d"]) == [3, 0] and lists.masks_of([]) == []


def test_vocabulary_evidence_prefers_the_language_whose_list_has_the_words(vocab):
    ext = FeatureExtractor({t: frozenset() for t in ("az", "en", "ru", "fa")}, {}, {}, {}, vocab,
                           {"ru": 0.9, "uk": 0.9})
    prof = profile("наказом короля")
    ev = ext.evidence(prof, ("ru", "uk"))
    voc = ev.matrix[:, FEATURES.index("voc_C")]
    ru, uk = voc
    assert uk > ru                       # короля is in both lists, наказом only in Ukrainian's
    assert math.isclose(uk - ru, math.log(0.9) - math.log(0.1))
    # capitalised words a list lacks are names: no evidence either way
    assert ext.vocab_hits(["Ксюшенция", "штаты", "ксюшенция"], "ru") == (1, 1)


def test_without_a_word_list_the_feature_is_zero():
    ext = FeatureExtractor({t: frozenset() for t in ("az", "en", "ru", "fa")}, {}, {}, {})
    ev = ext.evidence(profile("наказом короля"), ("ru", "uk"))
    assert not ev.matrix[:, FEATURES.index("voc_C")].any()


@pytest.mark.slow
def test_the_builder_reproduces_the_shipped_lists(tmp_path):
    """Build-time only: needs Debian's tesseract word lists of all fourteen languages."""
    from pipeline.training.langid_vocab import TESSERACT, main

    missing = [c for c in TESSERACT.values() if not Path(f"/usr/share/tesseract-ocr/5/tessdata/{c}.traineddata").exists()]
    if missing or not shutil.which("dawg2wordlist"):
        pytest.skip("build-time only (apt-get install tesseract-ocr " + " ".join(f"tesseract-ocr-{c}" for c in TESSERACT.values())
                    + "); the runtime reads the committed lists")
    main(tmp_path / VOCAB_DIR)
    for name in FILES:
        assert (tmp_path / VOCAB_DIR / name).read_bytes() == (MODELS_DIR / VOCAB_DIR / name).read_bytes(), name


def test_word_lists_veto_a_fast_path_that_they_contradict(ident):
    """CLD2 is sure this Russian line is Serbian (every letter is Serbian too); the word lists say
    Russian, so the combiner decides. (Long enough, 83 letters, for CLD2 to decide a look-alike alone.)"""
    line = "Воевал на Западном , Сталинградском , Донском , Воронежском , Ленинградском , 1-м , 2-м и 3-м Белорусских фронтах ."
    assert ident.detect(line).lang == "ru"
    from pipeline.langid.identifier import _combiner

    comb = _combiner(ident.model_dir)
    prof = profile(line)
    cands = comb.extractor.candidates(prof)
    cld = comb.extractor.cld2(prof)
    assert max(cld, key=cld.get) == "sr" and cld["sr"] >= 0.95
    assert comb.extractor.fast_path(prof, cands, cld) is None
    # a target CLD2 is sure of keeps its fast path, though Turkish's list has more of its words
    assert ident.detect("iconfinder whatsapp 386747  iconfinder viber 386738  iconfinder 37 social 2609571").lang == "en"
    # a long Serbian line keeps its fast path
    sr = "Народна скупштина Републике Србије усвојила је данас закон о буџету за следећу годину и о порезима ."
    assert comb.extractor.fast_path(profile(sr), comb.extractor.candidates(profile(sr)), comb.extractor.cld2(profile(sr))) == "sr"
