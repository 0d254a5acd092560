"""Azerbaijani (Latin script)."""

from pipeline.lang.spec import LanguageSpec

SPEC = LanguageSpec(
    code="az", name="Azerbaijani", script="Latn", ner="ner.spacy.az.v1", models=("ner-az",),
    date_spans="model", trainer="spacy",
    dates="pipeline.lang.az.dates", names="pipeline.lang.az.names",
    charmap={"\u04d9": "\u0259", "\u04d8": "\u018f"},  # Cyrillic schwa typed for Latin schwa
    dotted_i=True,
    stopwords=frozenset("və ilə üçün bu o da də ki isə həm ya yaxud amma lakin kimi qədər sonra əvvəl tərəfindən "
                        "üzrə olan olub oldu edir etdi bir hər ən çox".split()),
)
