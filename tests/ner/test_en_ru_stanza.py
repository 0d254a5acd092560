"""The stanza backend fails early with install instructions and never downloads anything."""

from __future__ import annotations

import importlib.util
import sys
import types
from pathlib import Path

import pytest

from pipeline.ner import stanza_backend
from pipeline.ner.stanza_backend import ENV_DIR, StanzaNer, StanzaUnavailable


class _FakeStanza(types.ModuleType):
    """Records calls instead of touching the network or torch."""

    def __init__(self) -> None:
        super().__init__("stanza")
        self.calls: list[tuple[str, dict]] = []

    def download(self, *args, **kwargs):  # pragma: no cover - must never be called
        self.calls.append(("download", kwargs))
        raise AssertionError("stanza.download must never be called")

    def Pipeline(self, **kwargs):  # noqa: N802 - mirrors stanza's API
        self.calls.append(("Pipeline", kwargs))
        return lambda text: types.SimpleNamespace(ents=[
            types.SimpleNamespace(start_char=0, end_char=4, type="GPE"),
            types.SimpleNamespace(start_char=5, end_char=9, type="MISC")])


@pytest.fixture
def fake_stanza(monkeypatch: pytest.MonkeyPatch) -> _FakeStanza:
    fake = _FakeStanza()
    monkeypatch.setitem(sys.modules, "stanza", fake)
    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: types.SimpleNamespace(name=name) if name == "stanza"
                        else real_find_spec(name, *a))
    stanza_backend.load_stanza.cache_clear()
    return fake


def test_missing_stanza_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None)
    monkeypatch.delenv(ENV_DIR, raising=False)
    with pytest.raises(StanzaUnavailable) as err:
        StanzaNer("en")
    msg = str(err.value)
    assert "pip install stanza" in msg and ENV_DIR in msg and "never downloads" in msg


def test_missing_models_fail_at_start_without_download(fake_stanza: _FakeStanza, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_DIR, str(tmp_path))
    with pytest.raises(StanzaUnavailable) as err:
        StanzaNer("ru")
    assert str(tmp_path) in str(err.value) and "resources.json" in str(err.value)
    assert fake_stanza.calls == []


def test_models_on_disk_load_with_download_disabled(fake_stanza: _FakeStanza, tmp_path: Path) -> None:
    (tmp_path / "resources.json").write_text("{}")
    (tmp_path / "en" / "ner").mkdir(parents=True)
    backend = StanzaNer("en", resources_dir=tmp_path)
    assert backend.name == "ner.stanza.en.v1"
    assert backend.predict(["Kyiv Mars"]) == [[stanza_backend.Span(0, 4, "LOC")]]
    (kind, kwargs), = fake_stanza.calls
    assert kind == "Pipeline" and kwargs["download_method"] is None and kwargs["dir"] == str(tmp_path)
