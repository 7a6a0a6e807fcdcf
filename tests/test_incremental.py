"""Incremental builds: only new or changed articles are parsed, deleted ones are dropped,
failing ones are skipped with exit 1, and the outputs equal a clean build's, byte for byte."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kgbuild.cli import main
from kgbuild.pipeline import PartialBuildError, build, build_corpus

ARTICLES = Path(__file__).resolve().parent.parent / "data" / "articles"
FORMATS = ("turtle", "trig", "nquads")
OUTPUTS = ("graph.ttl", "graph.trig", "graph.nq")


def _outputs(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in OUTPUTS}


def _clean_build(corpus: Path, out: Path) -> dict[str, bytes]:
    build_corpus([corpus], out, formats=FORMATS, force=True)
    return _outputs(out)


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    """Three dev articles in a folder the test may change."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for source in sorted(ARTICLES.glob("*.txt"))[:3]:
        shutil.copy(source, folder / source.name)
    return folder


@pytest.fixture()
def built(corpus: Path, tmp_path: Path) -> Path:
    """The corpus built once into an output folder (with its cache)."""
    out = tmp_path / "out"
    report = build_corpus([corpus], out, formats=FORMATS)
    assert report.processed == 3
    return out


def test_unchanged_rebuild_processes_nothing_and_keeps_the_files(
    corpus: Path, built: Path
) -> None:
    before = _outputs(built)
    report = build_corpus([corpus], built, formats=FORMATS)
    assert (report.processed, report.reused, report.written) == (0, 3, [])
    assert _outputs(built) == before
    assert [s.article_id for s in report.summaries] == sorted(p.stem for p in corpus.iterdir())


def test_one_changed_article_is_the_only_one_processed(
    corpus: Path, built: Path, tmp_path: Path
) -> None:
    changed = sorted(corpus.iterdir())[1]
    changed.write_text(
        changed.read_text(encoding="utf-8") + "\nGermany pledged to send more air defence.\n",
        encoding="utf-8",
    )
    report = build_corpus([corpus], built, formats=FORMATS)
    assert (report.processed, report.reused) == (1, 2)
    assert report.changed == [changed.stem]
    assert sorted(report.pieces) == sorted(p.stem for p in corpus.iterdir())
    assert all(piece.is_file() for piece in report.pieces.values())
    assert _outputs(built) == _clean_build(corpus, tmp_path / "clean")


def test_new_article_is_the_only_one_processed(corpus: Path, built: Path, tmp_path: Path) -> None:
    shutil.copy(sorted(ARTICLES.glob("*.txt"))[3], corpus)
    report = build_corpus([corpus], built, formats=FORMATS)
    assert (report.processed, report.reused) == (1, 3)
    assert _outputs(built) == _clean_build(corpus, tmp_path / "clean")


def test_deleted_article_graph_is_dropped(corpus: Path, built: Path, tmp_path: Path) -> None:
    gone = sorted(corpus.iterdir())[0]
    gone.unlink()
    report = build_corpus([corpus], built, formats=FORMATS)
    assert report.processed == 0
    assert report.dropped == [gone.stem]
    graph_name = b"/graph/" + gone.stem.replace("_", "-").encode()
    assert graph_name not in (built / "graph.trig").read_bytes()
    assert _outputs(built) == _clean_build(corpus, tmp_path / "clean")
    pieces = list((built / ".kgbuild" / "articles").iterdir())
    assert len(pieces) == 2  # the deleted article's cached piece is gone too


def test_failing_articles_are_skipped_with_exit_1(
    corpus: Path, built: Path, tmp_path: Path
) -> None:
    good = _clean_build(corpus, tmp_path / "clean")
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 4)
    result = CliRunner().invoke(main, ["build", str(corpus), "--out", str(built), "--nquads"])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert [line.split(":")[0] for line in lines[:2]] == [
        f"Skipped {corpus / 'binary.txt'}",
        f"Skipped {corpus / 'empty.txt'}",
    ]
    assert lines[2] == (
        f"Error: 2 article(s) failed and were left out; the outputs in {built} hold the other 3."
    )
    assert len(lines) == 3
    assert _outputs(built) == good


def test_build_function_raises_after_writing_the_good_articles(
    corpus: Path, tmp_path: Path
) -> None:
    (corpus / "empty.txt").write_bytes(b"")
    with pytest.raises(PartialBuildError) as caught:
        build([corpus], tmp_path / "out", formats=FORMATS)
    assert len(caught.value.report.summaries) == 3
    assert _outputs(tmp_path / "out") == _clean_build(corpus, tmp_path / "clean")


def test_nothing_buildable_writes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    result = CliRunner().invoke(main, ["build", str(bad), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert len(result.stderr.splitlines()) == 1
    assert not (tmp_path / "out").exists()


def test_force_and_a_new_base_rebuild_everything(corpus: Path, built: Path) -> None:
    assert build_corpus([corpus], built, formats=FORMATS, force=True).processed == 3
    report = build_corpus([corpus], built, formats=FORMATS, base="https://example.org/kg/")
    assert report.processed == 3
    assert b"https://example.org/kg/article/" in (built / "graph.ttl").read_bytes()


def test_cache_key_names_version_model_base_and_data(built: Path) -> None:
    manifest = json.loads((built / ".kgbuild" / "manifest.json").read_text(encoding="utf-8"))
    assert {"kgbuild", "code", "model", "model_version", "base", "data"} <= set(manifest["key"])


def test_edited_output_file_is_rewritten(corpus: Path, built: Path) -> None:
    before = _outputs(built)
    (built / "graph.ttl").write_text("edited by hand\n", encoding="utf-8")
    report = build_corpus([corpus], built, formats=FORMATS)
    assert report.processed == 0
    assert _outputs(built) == before


def test_same_article_id_in_two_folders_keeps_the_first(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    seed = sorted(ARTICLES.glob("*.txt"))[0]
    shutil.copy(seed, first / seed.name)
    shutil.copy(seed, second / seed.name)
    report = build_corpus([first, second], tmp_path / "out", formats=FORMATS)
    assert [s.path for s in report.summaries] == [str(first / seed.name)]
    assert [f.message for f in report.failures] == [
        f"{second / seed.name}: article id {seed.stem!r} is already used by "
        f"{first / seed.name}; rename one of the files or give the records distinct 'id' values"
    ]
    again = build_corpus([first, second], tmp_path / "out", formats=FORMATS)
    assert (again.processed, again.reused, len(again.failures)) == (0, 1, 1)
