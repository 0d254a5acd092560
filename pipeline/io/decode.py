"""Bytes -> text: BOMs, strict UTF-8, then legacy single-byte encodings via charset-normalizer."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

NAME = "io.decode.v1"

DEFAULT_MAX_BYTES = 50 * 1024 * 1024

# Legacy encodings our users meet; charset-normalizer picks among them by coherence.
LEGACY = ["cp1251", "cp1256", "koi8_r", "cp1254", "cp1252", "iso8859_9", "mac_cyrillic", "cp866"]

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]

_MAGIC = [
    (b"\x89PNG", "PNG image"), (b"PK\x03\x04", "ZIP archive"), (b"\x7fELF", "ELF executable"),
    (b"%PDF", "PDF document"), (b"GIF8", "GIF image"), (b"\xff\xd8\xff", "JPEG image"),
    (b"\x1f\x8b", "gzip archive"), (b"BZh", "bzip2 archive"), (b"\xfd7zXZ", "xz archive"),
    (b"7z\xbc\xaf", "7z archive"), (b"MZ", "Windows executable"), (b"\xca\xfe\xba\xbe", "Mach-O/Java class"),
    (b"SQLite format 3", "SQLite database"), (b"\xd0\xcf\x11\xe0", "MS Office document"),
]


_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1b")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f"), None)


class DecodeError(ValueError):
    """The bytes are not text we can decode; the message is the reason recorded for the file."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def _binary_reason(data: bytes) -> str | None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return f"binary file ({kind}), not text"
    head = data[:8192]
    if head and head.count(0) / len(head) > 0.01:
        return "binary file (NUL bytes), not text"
    controls = sum(1 for b in head if b < 0x20 and b not in _TEXT_CONTROLS)
    if head and controls / len(head) > 0.05:
        return "binary file (control bytes), not text"
    return None


def decode_bytes(data: bytes) -> Decoded:
    """Decode ``data`` or raise :class:`DecodeError` with the reason."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"undecodable: starts with a {enc} byte-order mark but is not valid {enc} ({exc.reason})") from None
            return Decoded(text.lstrip("\ufeff"), enc.replace("-sig", ""))
    reason = _binary_reason(data)
    if reason:
        raise DecodeError(reason)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[: 1 << 20], cp_isolation=LEGACY, threshold=0.3).best()
    if best is None:
        raise DecodeError("undecodable: not UTF-8/UTF-16 and no legacy encoding (cp1251, cp1256, koi8-r ...) fits; "
                          "convert the file to UTF-8")
    enc = best.encoding
    try:
        return Decoded(data.decode(enc), enc)
    except UnicodeDecodeError as exc:
        raise DecodeError(f"undecodable: looked like {enc} but byte {exc.start} is invalid; convert the file to UTF-8") from None


def read_text(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Decoded:
    """Read and decode a file; too-large, empty and binary files raise :class:`DecodeError`."""
    with open(path, "rb") as f:
        data = f.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise DecodeError(f"too large: over {max_bytes // (1024 * 1024)} MiB; raise --max-mb or split the file")
    if not data:
        raise DecodeError("empty file")
    decoded = decode_bytes(data)
    if not decoded.text.translate(_INVISIBLE).strip():
        raise DecodeError("no text: the file holds only whitespace or invisible characters")
    return decoded
