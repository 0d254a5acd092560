"""English."""

from pipeline.lang.spec import LanguageSpec

SPEC = LanguageSpec(code="en", name="English", script="Latn", ner="ner.spacy-en-rules.en.v2", date_spans="model",
                    dates="pipeline.lang.en.dates", names="pipeline.lang.en.names")
