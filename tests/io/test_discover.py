import os

from pipeline.document import doc_id_for
from pipeline.io.discover import scan


def test_scan_sorted_recursive_hidden_skipped_symlinks_checked(tmp_path):
    root = tmp_path / "corpus"
    (root / "b" / "c").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / "a.txt").write_text("alpha")
    (root / "b" / "c" / "z y.txt").write_text("zeta")
    (root / "b" / "ünï код.txt").write_text("x")
    (root / ".hidden" / "h.txt").write_text("no")
    (root / ".dot.txt").write_text("no")
    outside = tmp_path / "outside.txt"
    outside.write_text("secret")
    os.symlink(outside, root / "escape.txt")
    os.symlink(root / "a.txt", root / "inside-link.txt")
    os.symlink(root / "missing.txt", root / "broken.txt")
    os.symlink(root / "loop2", root / "loop1")
    os.symlink(root / "loop1", root / "loop2")
    os.symlink(root / "b", root / "dirlink")
    files = list(scan(root))
    rels = [f.rel_path for f in files]
    assert rels == sorted(rels)
    by = {f.rel_path: f for f in files}
    assert ".dot.txt" not in by and not any(r.startswith(".hidden") for r in rels)
    assert by["a.txt"].content_sha256 and by["a.txt"].error is None
    assert by["b/c/z y.txt"].doc_id == doc_id_for("b/c/z y.txt")
    assert "outside" in by["escape.txt"].error
    assert by["inside-link.txt"].error is None
    assert "broken" in by["broken.txt"].error
    assert by["loop1"].error and by["loop2"].error
    assert "directory" in by["dirlink"].error
    assert "b/ünï код.txt" in by


def test_unreadable_file_gets_reason(tmp_path):
    p = tmp_path / "locked.txt"
    p.write_text("text")
    p.chmod(0)
    try:
        f = next(iter(scan(tmp_path)))
        if os.geteuid() == 0:  # root reads anything
            assert f.error is None
        else:
            assert "unreadable" in f.error
    finally:
        p.chmod(0o644)
