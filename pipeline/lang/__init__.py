"""Language packs: everything specific to one language lives in ``pipeline/lang/<iso>/``.

Each pack's ``__init__`` defines ``SPEC`` (a :class:`pipeline.lang.spec.LanguageSpec`: plain
data, cheap to import); its other modules hold the language's NER patterns and rules, date
lexicon and grammar, canonical-name rules and data files. ``pipeline/languages.py`` is the
one table of supported languages; the generic engines ask it, never a language literal.
"""
