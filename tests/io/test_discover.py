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


def _corpus(root, n):
    root.mkdir()
    (root / "sub").mkdir()
    for i in range(n):
        (root / ("sub" if i % 3 else ".") / f"d{i:03d}-ü\udcff.txt".encode("utf-8", "surrogateescape")
         .decode("utf-8", "surrogateescape")).write_bytes(f"doc {i}".encode())
    os.symlink(root / "missing.txt", root / "broken.txt")
    return root


def test_file_list_gives_back_every_file_as_it_was_found(tmp_path):
    """The plan keeps its files as columns (issue 22); what comes out is what was put in."""
    from pipeline.io.discover import FileList, SourceFile

    files = list(scan(_corpus(tmp_path / "c", 40)))
    odd = [SourceFile("not-hex", "x.txt", "/elsewhere/x.txt", 3, "ab" * 32),
           SourceFile(doc_id_for("y.txt"), "y.txt", "/other/root/y.txt", 3, "ab" * 32),
           SourceFile(doc_id_for("z.txt"), "z.txt", str(tmp_path / "c" / "z.txt"), 0, "AB" * 32)]
    everything = files + odd
    fl = FileList(everything)
    assert len(fl) == len(everything) == 44
    assert list(fl) == everything and fl == everything
    assert fl[0] == everything[0] and fl[-1] == everything[-1] and fl[5:9] == everything[5:9]
    assert any(f.error for f in fl)  # the broken link comes back with its reason
    try:
        fl[44]
    except IndexError:
        pass
    else:
        raise AssertionError("no IndexError past the end")


def test_file_list_is_small(tmp_path):
    """100k files in a plan cost ~47 MB as objects; as columns, about 100 bytes a file."""
    import tracemalloc

    from pipeline.io.discover import FileList, SourceFile

    files = [SourceFile(doc_id_for(f"dir/doc-{i:06d}.txt"), f"dir/doc-{i:06d}.txt", f"/corpus/dir/doc-{i:06d}.txt",
                        1000 + i, f"{i:064x}") for i in range(20000)]
    tracemalloc.start()
    try:
        fl = FileList(files)
        size = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert fl[12345] == files[12345]
    assert size / len(files) < 120, size / len(files)


def test_batches_take_readable_files_then_unreadable_ones(tmp_path):
    from pipeline.io.plan import Batches, make_plan

    files = list(scan(_corpus(tmp_path / "c", 25)))
    plan = make_plan(files, {}, lambda lang: "v")
    assert len(plan.to_process) == 25 and len(plan.unreadable) == 1
    for size in (1, 7, 25, 26, 100):
        b = Batches(plan, size)
        assert b.files == 26 and len(b) == -(-26 // size)
        got = [f for i in range(len(b)) for f in b[i]]
        assert got == [f for f in files if not f.error] + [f for f in files if f.error]
        assert [len(x) for x in b] == [min(size, 26 - i * size) for i in range(len(b))]


def test_a_processing_failure_is_tried_again_an_input_failure_is_not(tmp_path):
    """A file that failed in a step (a missing model, an exception) is planned again on the next run
    (the environment may be fixed: `pip install` of the model the error named); one that failed in
    being read (empty, binary, undecodable) waits until the file changes."""
    from pipeline.io.plan import make_plan
    from pipeline.io.tables import DocState

    root = tmp_path / "c"
    root.mkdir()
    for name in ("ok", "ner", "read", "changed"):
        (root / f"{name}.txt").write_text(name)
    files = list(scan(root))
    sha = {f.rel_path: f.content_sha256 for f in files}
    state = {
        doc_id_for("ok.txt"): DocState(sha["ok.txt"], "v-en", "ok", None, "en", "ok.txt"),
        doc_id_for("ner.txt"): DocState(sha["ner.txt"], "v-und", "failed",
                                        "ner: RuntimeError: English NER needs en_core_web_md: pip install ...",
                                        "und", "ner.txt"),
        doc_id_for("read.txt"): DocState(sha["read.txt"], "v-und", "failed", "read: binary file (NUL bytes)",
                                         "und", "read.txt"),
        doc_id_for("changed.txt"): DocState("0" * 64, "v-und", "failed", "read: empty file", "und", "changed.txt"),
    }
    plan = make_plan(files, state, lambda lang: f"v-{lang}")
    assert sorted(plan.to_process[i].rel_path for i in range(len(plan.to_process))) == ["changed.txt", "ner.txt"]
    assert (plan.new, plan.changed, plan.unchanged) == (0, 2, 2)
