"""A small registry of pipeline components keyed by versioned names.

The key doubles as the provenance string written to ``mentions.source`` (spaCy's
registry idea): ``"ner.spacy.az.v1"`` names both the factory and what produced a row.
"""

from __future__ import annotations

from typing import Any, Callable

_FACTORIES: dict[str, dict[str, Callable[..., Any]]] = {}


class UnknownComponent(KeyError):
    """Raised with the list of known names when a component name is not registered."""


def register(kind: str, name: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Decorator: register ``factory`` as component ``name`` of ``kind`` (``ner``, ``langid`` ...)."""

    def deco(factory: Callable[..., Any]) -> Callable[..., Any]:
        taken = _FACTORIES.setdefault(kind, {})
        if name in taken:
            raise ValueError(f"{kind} component {name!r} is already registered (by {taken[name].__module__}); "
                             "every versioned name is registered once, in pipeline/registrations.py")
        taken[name] = factory
        return factory

    return deco


def create(kind: str, name: str, **kwargs: Any) -> Any:
    try:
        factory = _FACTORIES[kind][name]
    except KeyError:
        known = ", ".join(sorted(_FACTORIES.get(kind, {}))) or "none"
        raise UnknownComponent(f"no {kind} component named {name!r}; known: {known}") from None
    return factory(**kwargs)


def names(kind: str) -> list[str]:
    return sorted(_FACTORIES.get(kind, {}))
