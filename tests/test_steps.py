import pytest

from pipeline.document import Document, Mention
from pipeline.steps import NerStep, Pipeline, ReadStep, SegmentStep, Step, StepError, resolve_overlaps


def test_pipeline_checks_requirements_with_a_readable_error():
    with pytest.raises(StepError, match="'ner' requires .*lang"):
        Pipeline([ReadStep(), SegmentStep(), NerStep()])


class Explodes(Step):
    name = "explodes"

    def process(self, doc: Document) -> None:
        if "bad" in doc.path:
            raise ValueError("boom")


def test_one_failing_document_does_not_stop_the_batch():
    docs = [Document("1", "good.txt", "/x"), Document("2", "bad.txt", "/y"), Document("3", "good2.txt", "/z")]
    Pipeline([Explodes()]).run(docs)
    assert [d.status for d in docs] == ["ok", "failed", "ok"]
    assert docs[1].error == "explodes: ValueError: boom"


def test_resolve_overlaps_keeps_longest():
    ms = [Mention(0, 5, "ORG", "aaaaa", "x"), Mention(2, 4, "LOC", "aa", "x"), Mention(6, 8, "PER", "bb", "x")]
    assert [(m.start, m.end) for m in resolve_overlaps(ms)] == [(0, 5), (6, 8)]


def test_default_ner_names_are_the_backends_provenance_names():
    from pipeline import components

    for lang, name in components.default_ner().items():
        backend = components.ner(name)
        assert backend.name == name and backend.lang == lang


def test_a_documents_version_covers_its_canonical_names_code(monkeypatch):
    """An upgrade that changes how names are made canonical (pipeline/entities, its tables) reprocesses the
    documents on the next incremental run: their version hashes that folder with the language's pack."""
    from pipeline import components

    seen = []
    real = components._source_fingerprint
    monkeypatch.setattr(components, "_source_fingerprint", lambda paths: seen.extend(paths) or real(paths))
    components.version_for.__wrapped__("az")
    assert components.PIPELINE_DIR / "entities" in seen
    assert (components.PIPELINE_DIR / "entities" / "data" / "ru_forms.txt.gz").is_file()
