"""Russian."""

from pipeline.lang.spec import LanguageSpec

SPEC = LanguageSpec(code="ru", name="Russian", script="Cyrl", ner="ner.spacy-natasha.ru.v1", models=("ner-ru",),
                    date_spans="rules", trainer="spacy-natasha",
                    dates="pipeline.lang.ru.dates", names="pipeline.lang.ru.names")
