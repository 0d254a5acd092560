"""Issue 20: `lingflow report` writes one self-contained HTML file that a real headless browser renders."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.report import NotAnOutputFolder, build_report, load_report_data
from pipeline.report.browser import Chromium, find_chromium

pytestmark = pytest.mark.slow
BIN = Path(sys.executable).parent
SEED_ORGS = ["Azərbaycan Onkoloqlar Cəmiyyəti", "National Center of Oncology", "بسیج جامعه پزشکی"]
FA_SEED, RU_SEED = "003_6a43b78325f67bf8.txt", "002_5a64a4d3f26ddb38.txt"
needs_browser = pytest.mark.skipif(find_chromium() is None,
                                   reason="no chromium on PATH (Debian: apt-get install chromium; .ci/run installs it)")


def test_report_data_of_the_seeds(seed_out):
    d = load_report_data(seed_out)
    assert d["meta"]["n_documents"] == 5
    assert d["overview"]["n_failures"] == 1 and d["overview"]["failures"][0][0] == "broken/empty.txt"
    orgs = [e["canonical"] for e in d["entities"]["ORG"]]
    assert all(o in orgs for o in SEED_ORGS), orgs
    jalali = [r for r in d["timeline"]["rows"] if r[3] == "jalali"]
    assert jalali and jalali[0][4] == "1374" and jalali[0][2].startswith("1995-03-21")
    fa = d["index"]["path"].index(FA_SEED)
    assert d["chunks"][0][fa][1] == "rtl" and d["chunks"][0][fa][2][0][3] == "rtl"


def test_html_is_self_contained(seed_out, tmp_path):
    info = build_report(seed_out, tmp_path / "r.html")
    page = (tmp_path / "r.html").read_text("utf-8")
    assert info["documents"] == 5
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page), "the page refers to the network"
    assert "@import" not in page and "<link" not in page
    assert "<mark" not in page, "documents must be data rendered on demand, not markup in the page"
    assert page.count('type="application/json"') == 2  # the index and one chunk of documents


def test_cli_refuses_a_folder_without_tables(tmp_path):
    r = subprocess.run([str(BIN / "lingflow"), "report", str(tmp_path), "--html", str(tmp_path / "r.html")],
                       capture_output=True, text=True)
    assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1, r.stderr
    assert "holds no lingflow tables" in r.stderr and not (tmp_path / "r.html").exists()
    with pytest.raises(NotAnOutputFolder):
        load_report_data(tmp_path / "missing")


@needs_browser
def test_report_in_headless_chromium(seed_out, tmp_path):
    html = tmp_path / "report.html"
    r = subprocess.run([str(BIN / "lingflow"), "report", str(seed_out), "--html", str(html)],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    with Chromium(width=1280, height=1000) as b:
        b.load(html.as_uri())
        assert b.evaluate("document.querySelectorAll('.doc, .text').length") == 0  # no document before asked
        b.evaluate("lingflowReport.show('entities')")
        text = b.evaluate("document.body.innerText")
        for org in SEED_ORGS:
            assert org in text
        b.evaluate("lingflowReport.show('documents')")
        cards = b.evaluate("[...document.querySelectorAll('.doc')].map(d => d.dataset.path)")
        assert FA_SEED in cards and RU_SEED in cards
        for path in (FA_SEED, RU_SEED):
            marks = b.evaluate(f"document.querySelectorAll('.doc[data-path=\"{path}\"] mark.e').length")
            assert marks > 0, path
        b.screenshot(tmp_path / "documents.png")
        b.evaluate(f"lingflowReport.openDoc('{FA_SEED}')")
        rtl = b.evaluate("(() => { const t = document.querySelector('.doc.open .text');"
                         " return [t.getAttribute('dir'), getComputedStyle(t).direction,"
                         " getComputedStyle(t.querySelector('.stretch')).direction,"
                         " t.querySelectorAll('mark.e-ORG').length]; })()")
        assert rtl[:3] == ["rtl", "rtl", "rtl"] and rtl[3] > 0, rtl
        b.evaluate(f"lingflowReport.openDoc('{RU_SEED}')")
        spans = b.evaluate("[...document.querySelectorAll('.doc.open .stretch')].map(s => s.lang)")
        assert spans[0] == "ru" and "en" in spans  # the seed's English stretch is marked as such
        b.evaluate("lingflowReport.show('runs')")
        assert "completed" in b.evaluate("document.querySelector('section[data-tab=runs]').innerText")
        b.evaluate("lingflowReport.show('timeline')")
        assert "1374" in b.evaluate("document.querySelector('section[data-tab=timeline]').innerText")
        b.evaluate("lingflowReport.show('overview')")
        assert "broken/empty.txt" in b.evaluate("document.querySelector('section[data-tab=overview]').innerText")
        assert b.console_errors() == []
        assert b.requests_outside() == []
    assert (tmp_path / "documents.png").stat().st_size > 10_000


@needs_browser
def test_many_documents_are_paged(make_synthetic, tmp_path):
    out = make_synthetic(130)
    info = build_report(out, tmp_path / "r.html")
    assert info["chunks"] == 3
    with Chromium() as b:
        b.load((tmp_path / "r.html").as_uri())
        b.evaluate("lingflowReport.show('documents')")
        assert b.evaluate("document.querySelectorAll('.doc').length") == 24
        assert "page 1 of 6" in b.evaluate("document.querySelector('.pager').innerText")
        b.evaluate("lingflowReport.showDocs({lang: 'fa', q: '0012'})")
        paths = b.evaluate("[...document.querySelectorAll('.doc')].map(d => d.dataset.path)")
        assert paths == ["d/00122.txt", "d/00126.txt"], paths
        b.evaluate("lingflowReport.openDoc('d/00129.txt')")
        assert b.evaluate("document.querySelector('.doc.open mark.e-ORG').textContent") == "Acme CorpORG"
        assert b.console_errors() == []
