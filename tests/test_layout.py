"""The shape of the code: training and evaluation stay outside the runtime, every component
name is registered once, every language is one pack in the language table."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
OFFLINE = ("pipeline.training", "pipeline.evaluation")


def _imports(path: Path) -> set[str]:
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            out |= {node.module, *(f"{node.module}.{a.name}" for a in node.names)}
    return out


def test_runtime_modules_never_import_training_or_evaluation():
    offenders = []
    for path in sorted([*(REPO / "pipeline").rglob("*.py"), *(REPO / "flows").rglob("*.py")]):
        rel = ".".join(path.relative_to(REPO).with_suffix("").parts)
        if rel.startswith(OFFLINE) or rel in ("flows.cli", "flows.training"):
            continue  # the CLI and its training commands load them lazily for `lingflow train|eval`
        bad = sorted(m for m in _imports(path) if m.startswith(OFFLINE))
        if bad:
            offenders.append(f"{rel}: {bad}")
    assert offenders == []


@pytest.mark.slow
def test_a_run_loads_no_training_or_evaluation_module():
    code = ("import sys; from pipeline.steps import annotate_texts; import flows.ingest; "
            "annotate_texts(['Bakı şəhərində 1972-ci ildə yeni xəstəxana tikildi.']); "
            "print(sorted(m for m in sys.modules if m.startswith(('pipeline.training', 'pipeline.evaluation'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_a_component_name_is_registered_once():
    from pipeline import registrations, registry

    with pytest.raises(ValueError, match="already registered"):
        registry.register("ner", registrations.NER_AZ)(lambda: None)


def test_every_language_is_a_pack_with_a_registered_component():
    from pipeline import languages, registry

    for code, spec in languages.LANGUAGES.items():
        assert (REPO / "pipeline" / "lang" / code / "__init__.py").exists()
        assert spec.code == code and spec.script in ("Latn", "Cyrl", "Arab")
        assert spec.ner in registry.names("ner")
        for model in spec.models:
            assert (REPO / "pipeline" / "models" / model / "meta.json").exists() or (
                REPO / "pipeline" / "models" / model / "README.md").exists()


def test_every_pack_names_its_date_and_name_modules_and_they_keep_their_protocol():
    """The checklist's step 1: a pack's dates and names modules sit in the pack, and provide what the
    engines call (pipeline/dates/pack.py, pipeline/entities/canon.py)."""
    from pipeline import languages

    for code, spec in languages.LANGUAGES.items():
        assert spec.dates == f"pipeline.lang.{code}.dates" and spec.names == f"pipeline.lang.{code}.names"
        dates, names = languages.part(code, "dates"), languages.part(code, "names")
        assert callable(dates.rules) and callable(dates.month_of) and isinstance(dates.TRIGGERS, str)
        assert callable(names.canonicalize) and callable(names.key)
        assert spec.calendar in ("gregorian", "jalali") and 0 <= spec.week_start <= 6


def test_a_language_without_a_pack_has_no_date_grammar_and_no_name_rules():
    from pipeline import languages
    from pipeline.dates import pack
    from pipeline.entities.canon import canonicalize

    assert languages.part("tr", "dates") is None and not pack.has_rules("und")
    with pytest.raises(KeyError, match="no date grammar"):
        pack.rules_for("tr")  # never the English grammar in silence
    assert canonicalize("  İstanbul'un ", "LOC", "tr") == "İstanbul'un"


def test_a_language_registered_later_gets_its_parts_even_if_they_were_asked_for_before(monkeypatch):
    from pipeline import languages
    from pipeline.lang.spec import LanguageSpec

    monkeypatch.setattr(languages, "LANGUAGES", dict(languages.LANGUAGES))
    monkeypatch.setattr(languages, "_PARTS", {})
    assert languages.part("xx", "dates") is None  # und until registered
    languages.register(LanguageSpec(code="xx", name="Toy", script="Latn", dates="pipeline.lang.en.dates"))
    assert languages.part("xx", "dates") is languages.part("en", "dates")
