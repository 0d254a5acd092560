import codecs

import pytest

from pipeline.io.decode import DecodeError, decode_bytes, read_text

RU = "Белорусско-оманский форум: Развитие сотрудничества в области онкологии и медицины"
FA = "با تشکیل بسیج جامعه پزشکی در سال ۷۴ که با انتخاب و فعالیت نخستین شورای مرکزی"
FA_1256 = "با تشكيل بسيج جامعه پزشكي در سال 74 كه با انتخاب و فعاليت نخستين شوراي مركزي همراه بود"


@pytest.mark.parametrize("data,text,enc", [
    (RU.encode("utf-8"), RU, "utf-8"),
    (codecs.BOM_UTF8 + RU.encode("utf-8"), RU, "utf-8"),
    (codecs.BOM_UTF16_LE + FA.encode("utf-16-le"), FA, "utf-16-le"),
    (codecs.BOM_UTF16_BE + FA.encode("utf-16-be"), FA, "utf-16-be"),
    (RU.encode("cp1251"), RU, "cp1251"),
    (FA_1256.encode("cp1256"), FA_1256, "cp1256"),
])
def test_decodes(data, text, enc):
    d = decode_bytes(data)
    assert d.text == text
    assert d.encoding == enc


@pytest.mark.parametrize("data,reason", [
    (b"\x89PNG\r\n\x1a\n" + bytes(200), "PNG"),
    (b"PK\x03\x04" + bytes(100), "ZIP"),
    (b"\x7fELF\x02\x01\x01" + bytes(100), "ELF"),
    (bytes(range(256)) * 4, "binary"),
])
def test_binary_is_refused_with_reason(data, reason):
    with pytest.raises(DecodeError, match=reason):
        decode_bytes(data)


def test_empty_and_whitespace_and_huge(tmp_path):
    (tmp_path / "e.txt").write_bytes(b"")
    (tmp_path / "w.txt").write_text("  \n\t \u200b\n")
    (tmp_path / "big.txt").write_bytes(b"a " * 600_000)
    with pytest.raises(DecodeError, match="empty"):
        read_text(str(tmp_path / "e.txt"))
    with pytest.raises(DecodeError, match="no text"):
        read_text(str(tmp_path / "w.txt"))
    with pytest.raises(DecodeError, match="too large"):
        read_text(str(tmp_path / "big.txt"), max_bytes=1024 * 1024)
