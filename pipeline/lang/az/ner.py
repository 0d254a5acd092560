"""Azerbaijani NER: the shipped backend and the post-model rule patterns.

The rules are spaCy ``entity_ruler`` patterns stored inside the model folder, so the
shipped pipeline applies them without importing this module. They only fill gaps: a
rule never overrides an entity the statistical model found.
"""

from __future__ import annotations

from typing import Any

from pipeline.lang.az.dates import MONTHS

NAME = "ner.spacy.az.v1"
MODEL = "ner-az"

_UP = "A-ZƏÖÜĞİŞÇ"
# Head nouns that end organisation names ("Bakı Dövlət Universiteti", "... Nazirliyi").
ORG_HEADS = ("universitet", "institut", "nazirliy", "cəmiyyət", "şirkət", "akademiya", "komitə",
             "agentliy", "assosiasiya", "federasiya", "partiya", "xəstəxana", "fondu", "birliy", "ittifaq",
             "məclis", "palata", "idarə", "departament", "kollec", "lisey", "klub")


# Acronyms of common nouns, never names: GDP, ICT, mass media, NGO, DNA, LLC/JSC.
NOT_NAMES = ("ÜDM", "İKT", "KİV", "QHT", "DNT", "MMC", "ASC", "QSC", "ƏDV", "ÜST", "TV", "PR", "IT", "SMS")




def date_patterns() -> list[dict[str, Any]]:
    """Year expressions as the data writes them, with an optional day/month before or after:
    ``1972 - ci ildə``, ``24 İyul 2002 - ci ildə``, ``2020 - ci il sentyabrın 7 - də``, ``XIX əsrdə``."""
    year = {"TEXT": {"REGEX": "^(1[0-9]{3}|20[0-9]{2})$"}}
    dash = {"ORTH": {"IN": ["-", "–"]}, "OP": "?"}
    suffix = {"LOWER": {"REGEX": "^(c[iıuü]|[iıuü]nc[iıuü])$"}}
    il = {"LOWER": {"REGEX": "^il(lər)?(in|də|dən|ə|i|ində|indən)?$"}}
    century = {"LOWER": {"REGEX": "^(əsr|yüzil)"}}
    # lower("İyun") is "i̇yun" (i + combining dot above): allow the dot after every "i"
    month = {"LOWER": {"REGEX": "^(" + "|".join(m.replace("i", "i\u0307?") for m in MONTHS) + ")"}}
    ay = {"LOWER": {"REGEX": "^ay"}}
    day = {"TEXT": {"REGEX": "^(0?[1-9]|[12][0-9]|3[01])$"}}
    case = {"LOWER": {"REGEX": "^(d[aə]n?|[aə]|n?[iıuü]n|c[iıuü])$"}}
    del dash  # (kept optional only inside the core patterns below)
    dash = {"ORTH": {"IN": ["-", "–"]}, "OP": "?"}
    opt = lambda tok: {**tok, "OP": "?"}  # noqa: E731
    dash_req = {"ORTH": {"IN": ["-", "–"]}}
    befores = [[], [month], [day, month]]
    cores = [[year, dash, suffix, il], [year, il]]
    afters = [[], [month, opt(ay)], [month, day], [month, day, dash_req, case], [month, ay, day, dash_req, case],
              [day, month], [day, dash_req, day, month]]
    pats = [b + c + a for b in befores for c in cores for a in afters]
    pats += [
        [day, month, year, dash_req, case],
        [day, month, year],
        [day, {"ORTH": "."}, {"TEXT": {"REGEX": "^(0?[1-9]|1[0-2])$"}}, {"ORTH": "."}, year],
        [day, {"ORTH": "."}, {"TEXT": {"REGEX": "^(0?[1-9]|1[0-2])$"}}, {"ORTH": "."}, year, dash_req, suffix, il],
        [{"TEXT": {"REGEX": "^[XVI]{1,5}$"}}, century],
        [{"TEXT": {"REGEX": "^[0-9]{1,2}$"}}, dash, suffix, century],
    ]
    return [{"label": "DATE", "id": "date", "pattern": p} for p in pats]


def rule_patterns() -> dict[str, list[dict[str, Any]]]:
    """Named groups of entity_ruler patterns (selected per model in training/rules.py)."""
    head = {"LOWER": {"REGEX": "^(" + "|".join(ORG_HEADS) + ")"}}
    return {
        "dates": date_patterns(),
        # 2-6 capital letters that are not a Roman numeral: "AOC", "BDU", "ADNSU"
        "acronyms": [{"label": "ORG", "id": "acronym",
                      "pattern": [{"TEXT": {"REGEX": f"^(?![IVXLCDM]+$)[{_UP}]{{2,6}}$", "NOT_IN": list(NOT_NAMES)}}]}],
        # Title-case words followed by an organisation head noun
        "org_heads": [{"label": "ORG", "id": "org_head",
                       "pattern": [{"IS_TITLE": True, "OP": "+"}, {**head, "IS_TITLE": True}]}],
    }
