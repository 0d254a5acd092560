"""Adding a language is one pack, one line in the language table, its registrations and its tests.

A toy Turkish pack is built in a temporary folder (outside the repository), registered the way
``pipeline/languages.py`` and ``pipeline/registrations.py`` register the shipped ones, and a real
run (``pipeline.runner.run_local``: the steps and tables of ``lingflow run``) over a folder of
Turkish and English documents must give Turkish documents, mentions from the toy backend with
their provenance, and entities; English is untouched. The pack also brings its own date lexicon
and grammar (``SPEC.dates``, the protocol of pipeline/dates/pack.py), so Turkish dates are read by
the date engine with the Turkish month names. Runs in a subprocess so the registrations do not leak
into other tests.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

REPO = Path(__file__).resolve().parents[2]

PACK_INIT = '''
from pipeline.lang.spec import LanguageSpec

SPEC = LanguageSpec(code="tr", name="Turkish", script="Latn", ner="ner.toy.tr.v1", dotted_i=True,
                    stopwords=frozenset("ve ile bir bu da de".split()), dates="toy_tr.dates")
'''
PACK_DATES = '''
from pipeline.dates.lexicon import prefix_month
from pipeline.dates.patterns import D, SP, WL, Y4, Rule, _c

MONTH = "ocak|şubat|mart|nisan|mayıs|haziran|temmuz|ağustos|eylül|ekim|kasım|aralık"
_PREFIX = {"oca": 1, "şub": 2, "mar": 3, "nis": 4, "may": 5, "haz": 6, "tem": 7, "ağu": 8, "eyl": 9,
           "eki": 10, "kas": 11, "ara": 12}
TRIGGERS = MONTH + "|yıl"


def month_of(token):
    return prefix_month(_PREFIX, token)


def rules():
    mon = rf"{WL}(?P<m1>{MONTH})(?![\\w])"
    return [Rule("tr_dmy", "date", _c(rf"{D(1)}{SP}{mon}{SP}{Y4(1)}")),
            Rule("tr_y", "date", _c(rf"{Y4(1)}{SP}yılında"))]
'''
PACK_NER = '''
import re

from pipeline.ner.base import NerBackend, Span

PLACES = ("İstanbul", "Ankara", "İzmir")


class ToyTurkishNer(NerBackend):
    lang = "tr"
    name = "ner.toy.tr.v1"

    def predict(self, texts):
        return [[Span(m.start(), m.end(), "LOC") for m in re.finditer("|".join(PLACES), t)] for t in texts]
'''
RUN = '''
import json, sys
sys.path.insert(0, sys.argv[3])
from pipeline import languages, registry
from pipeline.ner.rules import RuleSet
from toy_tr import SPEC
from toy_tr.ner import ToyTurkishNer

languages.register(SPEC)                                   # one line in the language table
@registry.register("ner", SPEC.ner)                        # its registration
def _toy():
    backend = ToyTurkishNer()
    backend.rules = RuleSet("rules.toy.tr.v1")
    return backend

from pipeline.runner import run_local
print(json.dumps(run_local(sys.argv[1], sys.argv[2]), default=str))
'''

TR = ("İstanbul ve Ankara arasında yeni bir hızlı tren hattı 12 Mart 2024 tarihinde açıldı. Bakanlık, hattın "
      "yolcuların seyahat süresini önemli ölçüde kısaltacağını ve İzmir bağlantısının da 2026 yılında "
      "tamamlanacağını açıkladı. Yetkililer projenin bölge ekonomisine büyük katkı sağlayacağını söyledi.\n")
EN = "The National Center of Oncology in Baku was founded on December 11, 1940 by the government.\n"


@pytest.mark.slow
def test_a_toy_language_pack_runs_end_to_end(tmp_path):
    pack = tmp_path / "packs" / "toy_tr"
    pack.mkdir(parents=True)
    (pack / "__init__.py").write_text(PACK_INIT, encoding="utf-8")
    (pack / "ner.py").write_text(PACK_NER, encoding="utf-8")
    (pack / "dates.py").write_text(PACK_DATES, encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "haber.txt").write_text(TR, encoding="utf-8")
    (corpus / "news.txt").write_text(EN, encoding="utf-8")
    out = tmp_path / "out"
    res = subprocess.run([sys.executable, "-c", RUN, str(corpus), str(out), str(tmp_path / "packs")],
                         capture_output=True, text=True, cwd=REPO, env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"})
    assert res.returncode == 0, res.stderr[-2000:]
    summary = json.loads(res.stdout.strip().splitlines()[-1])
    assert summary["failed"] == 0 and summary["per_language"] == {"en": 1, "tr": 1}
    docs = pd.read_parquet(out / "documents").set_index("path")
    assert docs.loc["haber.txt", "lang"] == "tr" and docs.loc["news.txt", "lang"] == "en"
    mentions = pd.read_parquet(out / "mentions").merge(docs[["doc_id"]].reset_index(), on="doc_id")
    tr = mentions[mentions.path == "haber.txt"]
    assert set(zip(tr.text, tr.label, tr.source)) >= {("İstanbul", "LOC", "ner.toy.tr.v1"),
                                                      ("Ankara", "LOC", "ner.toy.tr.v1"),
                                                      ("İzmir", "LOC", "ner.toy.tr.v1")}
    dates = pd.read_parquet(out / "dates").merge(tr[["mention_id"]], on="mention_id")
    assert set(zip(dates.expression, dates.value)) == {("12 Mart 2024", "2024-03-12"), ("2026 yılında", "2026")}
    assert set(tr[tr.label == "DATE"].source) == {"dates.rules.v2"}  # the date engine, with the pack's grammar
    en = mentions[mentions.path == "news.txt"]
    assert ("National Center of Oncology", "ORG") in set(zip(en.text, en.label))
    entities = pd.read_parquet(out / "entities")
    assert {"İstanbul", "Ankara"} <= set(entities[entities.lang == "tr"].canonical)
