"""The one table of supported languages. Adding a language: a pack under ``pipeline/lang/<iso>/``
with its ``SPEC``, one line below, its registrations (pipeline/registrations.py), models and tests."""

from __future__ import annotations

import importlib
from types import ModuleType

from pipeline.lang import az, en, fa, ru
from pipeline.lang.spec import LanguageSpec

LANGUAGES: dict[str, LanguageSpec] = {spec.code: spec for spec in (
    az.SPEC,
    en.SPEC,
    fa.SPEC,
    ru.SPEC,
)}
UND = "und"


def supported() -> tuple[str, ...]:
    """The codes of every language with a pack, sorted."""
    return tuple(sorted(LANGUAGES))


def spec(code: str) -> LanguageSpec | None:
    """The spec of ``code``, or None for a language without a pack (it takes the ``und`` path)."""
    return LANGUAGES.get(code)


_PARTS: dict[tuple[str, str], ModuleType | None] = {}


def part(code: str, name: str) -> ModuleType | None:
    """The module a pack names in its spec field ``name`` (``dates`` | ``names``), imported on first
    use; None for a language without a pack or a pack without that part."""
    key = (code, name)
    if key not in _PARTS:
        s = LANGUAGES.get(code)
        module = getattr(s, name, None) if s is not None else None
        _PARTS[key] = importlib.import_module(module) if module else None
    return _PARTS[key]


def pack_module(code: str, name: str) -> ModuleType | None:
    """A pack's optional module ``pipeline.lang.<code>.<name>`` (``translit``, ``orgs``), imported on first
    use; None for a language without a pack or a pack without that module."""
    key = (code, f"module {name}")
    if key not in _PARTS:
        try:
            _PARTS[key] = importlib.import_module(f"pipeline.lang.{code}.{name}") if code in LANGUAGES else None
        except ModuleNotFoundError:
            _PARTS[key] = None
    return _PARTS[key]


def register(new: LanguageSpec) -> None:
    """Add a language at run time (a pack outside this package, e.g. a plugin or a test's toy
    language). A second registration of a taken code raises."""
    if new.code in LANGUAGES:
        raise ValueError(f"language {new.code!r} is already registered")
    LANGUAGES[new.code] = new
    for key in [k for k in _PARTS if k[0] == new.code]:
        del _PARTS[key]  # a part looked up before the language existed (None) is looked up again
