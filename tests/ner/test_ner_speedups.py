"""The NER step's speed-ups keep the same entities (issue 19: words per CPU-second).

- slovnet's lines are tagged in order of length (less padding): the same spans as in document order;
- natasha's tags are written as one array per doc: the same ``token.tag_`` as token by token;
- slovnet's CNN computed sequence-first (``FastCNNTagger``): the same tags as slovnet's forward.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

RU_LINES = [
    "Москва",
    "Президент России Владимир Путин провёл в Кремле встречу с главой Сбербанка Германом Грефом.",
    "В Минске открылся Республиканский научно-практический центр онкологии.",
    "ООН",
    "Министр иностранных дел Азербайджана Джейхун Байрамов прибыл в Тегеран, где встретился с коллегой.",
    "",
    "Компания «Газпром» и Европейский банк реконструкции и развития подписали соглашение в Берлине.",
]


def test_slovnet_lines_sorted_by_length_give_the_same_spans() -> None:
    from pipeline.ner.natasha_backend import load_natasha, natasha_line_entities

    ner = load_natasha()["ner"]
    one_by_one = [[(s.start, s.stop, s.type) for s in next(ner.map([line])).spans
                   if s.type in ("PER", "ORG", "LOC")] if line else [] for line in RU_LINES]
    assert natasha_line_entities(RU_LINES) == one_by_one
    assert any(one_by_one), "slovnet found nothing: the comparison would prove nothing"


def test_natasha_tags_as_an_array_equal_tags_token_by_token() -> None:
    from pipeline.lang.ru.ner import RuSpacyNer
    from pipeline.ner.natasha_backend import natasha_line_entities, natasha_token_tags

    nlp = RuSpacyNer().nlp
    text = "\n".join(RU_LINES)
    doc = natasha_token_tags([nlp.make_doc(text)])[0]
    expected = ["O"] * len(doc)
    pos = 0
    for line, ents in zip(text.split("\n"), natasha_line_entities(text.split("\n"))):
        for s, e, label in ents:
            span = doc.char_span(pos + s, pos + e, alignment_mode="expand")
            for i, token in enumerate(span):
                expected[token.i] = ("B-" if i == 0 else "I-") + label
        pos += len(line) + 1
    assert [t.tag_ for t in doc] == expected
    assert {"B-PER", "I-PER", "B-LOC", "B-ORG"} <= set(expected)


def _slovnet_tags_both_ways(lines: list[str]) -> tuple[int, int, float]:
    """(tokens, tokens whose tag differs, largest difference of a score) between slovnet's own
    forward and Viterbi decoding and :class:`FastCNNTagger`'s, on ``lines`` in batches of 8."""
    import numpy as np
    from slovnet.chop import chop
    from slovnet.exec.infer import text_words

    from pipeline.ner.natasha_backend import load_natasha
    from pipeline.ner.slovnet_fast import FastCNNTagger

    infer = load_natasha()["ner"].infer
    assert isinstance(infer.model, FastCNNTagger)
    fast, slow = infer.model, infer.model.model
    tokens = differ = 0
    largest = 0.0
    for chunk in chop(sorted(lines, key=len), 8):
        for inp in infer.encoder([text_words(t) for t in chunk]):
            a, b = slow(inp.word_id, inp.shape_id, inp.pad_mask), fast(inp.word_id, inp.shape_id, inp.pad_mask)
            largest = max(largest, float(np.abs(a - b)[~inp.pad_mask].max()))
            for x, y in zip(slow.head.crf.decode(a, ~inp.pad_mask), fast.head.crf.decode(b, ~inp.pad_mask)):
                tokens += len(x)
                differ += int((x != y).sum())
    return tokens, differ, largest


def test_fast_cnn_gives_slovnets_tags() -> None:
    tokens, differ, largest = _slovnet_tags_both_ways([line for line in RU_LINES if line])
    assert tokens > 50 and differ == 0
    assert largest < 1e-3  # the same network: only the order of the sums differs


def test_fast_cnn_gives_slovnets_tags_on_the_dev_sets(shared_data) -> None:
    import json

    lines = [line for name in ("nerel-dev", "wikiann-dev")
             for row in (shared_data / "ner" / "ru" / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
             for line in json.loads(row)["text"].split("\n") if line.strip()]
    tokens, differ, largest = _slovnet_tags_both_ways(lines)
    assert tokens > 50_000
    assert differ == 0, f"{differ} of {tokens} tokens tagged otherwise than by slovnet's forward"
    assert largest < 1e-3


def _natasha_map(lines: list[str]) -> list[list[tuple[int, int, str]]]:
    from pipeline.ner.natasha_backend import load_natasha

    ner = load_natasha()["ner"]
    return [[(s.start, s.stop, s.type) for s in markup.spans if s.type in ("PER", "ORG", "LOC")]
            for markup in ner.map(lines)]


def test_line_entities_equal_natashas_map_on_the_dev_sets(shared_data) -> None:
    import json

    from pipeline.ner.natasha_backend import natasha_line_entities

    lines = [line for name in ("nerel-dev", "wikiann-dev")
             for row in (shared_data / "ner" / "ru" / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
             for line in json.loads(row)["text"].split("\n") if line.strip()]
    expected = _natasha_map(lines)
    assert sum(map(len, expected)) > 1000
    assert natasha_line_entities(lines) == expected
