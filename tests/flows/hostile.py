"""Generate hostile input files (and normal ones) for the robustness tests."""

from __future__ import annotations

import codecs
import os
import random
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[2] / "corpus"

RU = "Президент Республики Беларусь Александр Лукашенко посетил Минск 5 мая 2021 года."
FA = "رئیس جمهور ایران در تهران با وزیر امور خارجه دیدار کرد."
FA_ARABIC_LETTERS = "وزير امور خارجه ايران در تهران با نمايندگان كشورها ديدار كرد و در سال 1399 سفر كرد."
AZ = "Azərbaycan Respublikasının Prezidenti İlham Əliyev Bakıda Dövlət Neft Şirkətinin rəhbərləri ilə görüşdü."
EN = "The World Health Organization opened an office in Geneva on 3 March 1999, said John Smith."


def _kinds(rng: random.Random, i: int) -> tuple[str, bytes | None, str]:
    """(kind, content or None for special files, file name)."""
    k = i % 20
    if k == 0:
        return "empty", b"", f"empty {i}.txt"
    if k == 1:
        return "whitespace", b" \n\t\r\n   \n", f"ws_{i}.txt"
    if k == 2:
        return "png", b"\x89PNG\r\n\x1a\n" + rng.randbytes(300), f"image_{i}.txt"
    if k == 3:
        return "zip", b"PK\x03\x04" + rng.randbytes(300), f"archive_{i}.dat"
    if k == 4:
        return "elf", b"\x7fELF\x02\x01\x01\x00" + rng.randbytes(300), f"prog_{i}"
    if k == 5:
        return "invalid-utf8", b"\xff\xfe\xfa\xfb" * 10 + rng.randbytes(200), f"bad_{i}.txt"
    if k == 6:
        return "utf16le", codecs.BOM_UTF16_LE + (RU + "\n").encode("utf-16-le"), f"u16le_{i}.txt"
    if k == 7:
        return "utf16be", codecs.BOM_UTF16_BE + (EN + "\n").encode("utf-16-be"), f"u16be_{i}.txt"
    if k == 8:
        return "cp1251", (RU + "\n" + RU).encode("cp1251"), f"рус_{i}.txt"
    if k == 9:
        return "cp1256", (FA_ARABIC_LETTERS + "\n").encode("cp1256"), f"فارسی {i}.txt"
    if k == 10:
        return "mixed", f"{AZ}\n\n{RU}\n\n{FA}\n".encode(), f"mixed_{i}.txt"
    if k == 11:
        return "long-line", ("x" * 200_000 + " " + EN).encode(), f"longline_{i}.txt"
    if k == 12:
        return "nul", (EN + "\x00" + EN).encode(), f"nul_{i}.txt"
    if k == 13:
        return "controls", ("\x01\x02\x07" + EN + "\x1b[31m" + EN + "\x7f").encode(), f"ctrl_{i}.txt"
    if k == 14:
        return "rtl-zwnj", ("\u200f" + FA.replace(" ", "\u200c", 3) + "\u200e\u202b" + FA + "\u202c").encode(), f"rtl_{i}.txt"
    if k == 15:
        return "unreadable", EN.encode(), f"locked_{i}.txt"
    if k == 16:
        return "broken-link", None, f"broken_{i}.txt"
    if k == 17:
        return "link-loop", None, f"loop_{i}.txt"
    if k == 18:
        return "random-bytes", rng.randbytes(rng.randint(1, 2000)), f"rand_{i}.bin"
    return "digits-only", b"123 456 789\n0000\n", f"digits_{i}.txt"


def write_hostile(root: Path, n: int, seed: int = 0) -> dict[str, str]:
    """Write ``n`` hostile files under ``root/hostile``; return rel path -> kind."""
    rng = random.Random(seed)
    base = root / "hostile"
    base.mkdir(parents=True, exist_ok=True)
    kinds: dict[str, str] = {}
    for i in range(n):
        kind, data, name = _kinds(rng, i)
        sub = base / f"g{i % 7}"
        sub.mkdir(exist_ok=True)
        p = sub / name
        if kind == "broken-link":
            os.symlink(sub / f"missing_{i}", p)
        elif kind == "link-loop":
            os.symlink(sub / f"loopb_{i}", p)
            os.symlink(p, sub / f"loopb_{i}")
            kinds[(sub / f"loopb_{i}").relative_to(root).as_posix()] = kind
        else:
            p.write_bytes(data)
            if kind == "unreadable":
                p.chmod(0)
        kinds[p.relative_to(root).as_posix()] = kind
    return kinds


def write_normal(root: Path, n: int) -> list[str]:
    """``n`` normal documents made from the four seeds (each made unique)."""
    seeds = sorted(SEEDS.glob("*.txt"))
    out = []
    (root / "normal").mkdir(parents=True, exist_ok=True)
    for i in range(n):
        src = seeds[i % len(seeds)]
        p = root / "normal" / f"doc_{i:04d}_{src.name}"
        p.write_text(src.read_text("utf-8") + f"\n\n{i}\n", encoding="utf-8")
        out.append(p.relative_to(root).as_posix())
    return out
