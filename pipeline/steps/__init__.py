"""The pipeline steps: small classes, each with ``run(docs)`` over a batch of documents.

``default_pipeline`` is what ``lingflow run`` executes on every batch of files; ``text_steps``
are its steps after reading, which :func:`annotate_texts` runs on texts already in memory.
Evaluation (``lingflow eval ner``) calls :func:`annotate_texts`, so every score describes the
path users get: the same step classes, in the same order, from decoded text to mentions.
"""

from __future__ import annotations

from typing import Any, Sequence

from pipeline.document import Document, doc_id_for
from pipeline.io.decode import DEFAULT_MAX_BYTES
from pipeline.steps.base import ModelStep, Pipeline, Step, StepError, StepStats
from pipeline.steps.dates import DateStep, resolve_overlaps
from pipeline.steps.entities import EntityStep
from pipeline.steps.ner import NerStep
from pipeline.steps.text import LangIdStep, ReadStep, SegmentStep, lang_at, segment_langs

__all__ = ["DateStep", "Document", "EntityStep", "LangIdStep", "ModelStep", "NerStep", "Pipeline",
           "ReadStep", "SegmentStep", "Step", "StepError", "StepStats", "annotate_texts", "default_pipeline",
           "lang_at", "resolve_overlaps", "segment_langs", "text_steps"]


def text_steps(ner_instances: dict[str, Any] | None = None) -> list[Step]:
    """Every step after reading, in the order ``lingflow run`` runs them."""
    return [SegmentStep(), LangIdStep(), NerStep(instances=ner_instances), DateStep(), EntityStep()]


def default_pipeline(max_bytes: int = DEFAULT_MAX_BYTES) -> Pipeline:
    return Pipeline([ReadStep(max_bytes), *text_steps()])


def annotate_texts(texts: Sequence[str], names: Sequence[str] | None = None,
                   pipeline: Pipeline | None = None) -> list[Document]:
    """Run the steps of ``lingflow run`` after reading over decoded ``texts``.

    ``names`` are the documents' relative paths (they give the ids); ``pipeline`` defaults to
    a fresh ``Pipeline(text_steps(), given={"text"})``. Returns the documents with language and mentions."""
    names = list(names) if names is not None else [f"text-{i:06d}.txt" for i in range(len(texts))]
    docs = [Document(doc_id_for(n), n, "", text=t) for n, t in zip(names, texts)]
    return (pipeline or Pipeline(text_steps(), given={"text"})).run(docs)
