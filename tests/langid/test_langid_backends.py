import json

from pipeline.langid import backends

AZ = "Azərbaycan Respublikasının paytaxtı Bakı şəhəridir və orada iki milyondan çox insan yaşayır."


def test_shipped_az_profile_is_in_langdetect_format():
    data = json.loads(backends.AZ_PROFILE.read_text(encoding="utf-8"))
    assert data["name"] == "az"
    assert len(data["n_words"]) == 3 and all(n > 0 for n in data["n_words"])
    assert data["freq"]["ə"] > 1000


def test_langdetect_with_az_profile_reads_azerbaijani():
    scores = backends.langdetect_scores(AZ, with_az=True)
    assert max(scores, key=scores.get) == "az"
    assert "az" in backends.langdetect_factory(True).get_lang_list()
    assert "az" not in backends.langdetect_factory(False).get_lang_list()


def test_langdetect_is_seeded():
    text = "Il a été décidé de reporter la réunion."
    assert len({tuple(sorted(backends.langdetect_scores(text).items())) for _ in range(5)}) == 1


def test_cld2_scores_are_shares():
    scores = backends.cld2_scores("Вчера в Москве прошло заседание правительства по бюджету.")
    assert max(scores, key=scores.get) == "ru"
    assert all(0 < v <= 1 for v in scores.values())
    assert backends.cld2_scores("") == {}
