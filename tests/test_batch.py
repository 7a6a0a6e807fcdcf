"""Batch builds: several processes give the same bytes as one; progress on stderr."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kgbuild import read_articles
from kgbuild.cli import main
from kgbuild.engine.worker import article_nquads
from kgbuild.iris import IriMinter
from kgbuild.pipeline import build_corpus, build_dataset
from kgbuild.progress import LogProgress, make_progress
from kgbuild.records import Article, Extraction
from kgbuild.vocab import KGBI_IRI

ARTICLES = Path(__file__).resolve().parent.parent / "data" / "articles"
OUTPUTS = ("graph.ttl", "graph.trig", "graph.nq")
FORMATS = ("turtle", "trig", "nquads")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three dev articles in a folder of their own."""
    folder = tmp_path_factory.mktemp("corpus")
    for source in sorted(ARTICLES.glob("*.txt"))[:3]:
        shutil.copy(source, folder / source.name)
    return folder


@pytest.fixture(scope="module")
def one_job(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The corpus built in this process."""
    out = tmp_path_factory.mktemp("one-job")
    build_corpus([corpus], out, jobs=1, formats=FORMATS)
    return out


def test_two_jobs_give_the_same_bytes_as_one(
    corpus: Path, one_job: Path, tmp_path: Path
) -> None:
    report = build_corpus([corpus], tmp_path, jobs=2, formats=FORMATS)
    assert report.processed == 3
    for name in OUTPUTS:
        assert (tmp_path / name).read_bytes() == (one_job / name).read_bytes(), name


def test_outputs_hold_the_triples_of_the_in_memory_dataset(corpus: Path, one_job: Path) -> None:
    dataset, _ = build_dataset(list(read_articles([corpus])))
    union = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    turtle = Graph().parse(one_job / "graph.ttl", format="turtle")
    assert isomorphic(turtle, union)
    trig = Dataset().parse(one_job / "graph.trig", format="trig")
    for name in (g.identifier for g in dataset.graphs() if len(g)):
        assert isomorphic(trig.graph(name), dataset.graph(name)), name
    quads = pyoxigraph.RdfFormat.N_QUADS
    from_nquads = set(pyoxigraph.parse(path=str(one_job / "graph.nq"), format=quads))
    from_trig = set(
        pyoxigraph.parse(path=str(one_job / "graph.trig"), format=pyoxigraph.RdfFormat.TRIG)
    )
    assert from_nquads == from_trig

def test_turtle_declares_prefixes_and_parses_in_oxigraph(one_job: Path) -> None:
    text = (one_job / "graph.ttl").read_text(encoding="utf-8")
    assert "@prefix kgb: <https://w3id.org/kgbuild/ont#> ." in text
    assert "@prefix nif: " in text
    rdflib_count = len(Graph().parse(one_job / "graph.ttl", format="turtle"))
    oxigraph_count = len(
        list(pyoxigraph.parse(path=str(one_job / "graph.ttl"), format=pyoxigraph.RdfFormat.TURTLE))
    )
    assert oxigraph_count == rdflib_count


def test_turtle_lists_each_triple_once(one_job: Path) -> None:
    # Actors named in several articles carry the same label triples in each article's graph.
    triples = list(
        pyoxigraph.parse(path=str(one_job / "graph.ttl"), format=pyoxigraph.RdfFormat.TURTLE)
    )
    assert len(triples) == len(set(triples))


def test_progress_lines_when_stderr_is_not_a_terminal(corpus: Path, tmp_path: Path) -> None:
    log = tmp_path / "build.log"
    with log.open("w", encoding="utf-8") as stream:
        progress = make_progress(stream)
        assert isinstance(progress, LogProgress)
        progress.interval = 0.0  # a line per article, as a long build gives every 10 s
        build_corpus([corpus], tmp_path / "out", progress=progress)
    lines = log.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "kgbuild: building 3 article files with 1 job, local engine"
    assert [line.split(",")[0] for line in lines[1:4]] == [
        "kgbuild: 1/3 articles",
        "kgbuild: 2/3 articles",
        "kgbuild: 3/3 articles",
    ]
    assert lines[-1].startswith("kgbuild: done: 3 articles in ")
    assert lines[-1].endswith("(3 parsed, 0 from cache, 0 failed)")
    assert "\r" not in log.read_text(encoding="utf-8")


def test_short_build_logs_nothing_on_stderr(corpus: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", str(corpus), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert result.stdout.splitlines()[-1].startswith("total: 3 articles, ")


def test_quiet_prints_nothing(corpus: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", str(corpus), "--out", str(tmp_path), "--quiet"])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == ""
    assert (tmp_path / "graph.ttl").is_file()


def test_progress_bar_on_a_terminal(corpus: Path, tmp_path: Path) -> None:
    primary, secondary = os.openpty()
    terminal = os.fdopen(secondary, "w", encoding="utf-8")
    try:
        build_corpus([corpus], tmp_path, progress=make_progress(terminal))
        terminal.flush()
        shown = os.read(primary, 1 << 16).decode("utf-8")
    finally:
        terminal.close()
        os.close(primary)
    assert "\r[" in shown
    assert "3/3 articles" in shown
    assert "/s  ETA " in shown


def test_unknown_engine_is_a_usage_error(corpus: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["build", str(corpus), "--out", str(tmp_path), "--engine", "spark"]
    )
    assert result.exit_code == 2
    assert not any(tmp_path.iterdir())


def test_scheduler_without_dask_engine_is_refused(corpus: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["build", str(corpus), "--out", str(tmp_path), "--scheduler", "tcp://x:8786"]
    )
    assert result.exit_code == 1
    assert result.stderr == "Error: --scheduler is for the Dask engine: add --engine dask.\n"


def test_in_memory_dataset_from_pieces_equals_the_built_one(corpus: Path, one_job: Path) -> None:
    from kgbuild.export.streaming import dataset_from_pieces

    built, _ = build_dataset(list(read_articles([corpus])))
    pieces = sorted((one_job / ".kgbuild" / "articles").glob("*.nq"))
    loaded = dataset_from_pieces(pieces)
    names = {g.identifier for g in built.graphs() if len(g)}
    assert names == {g.identifier for g in loaded.graphs() if len(g)}
    for name in names:
        assert set(loaded.graph(name)) == set(built.graph(name)), name


def test_article_nquads_print_terms_as_pyoxigraphs_writer_does() -> None:
    # Quotes, backslashes, line breaks, control characters, a line separator and a
    # character outside the Basic Multilingual Plane, in literals of the article graph.
    text = 'He said "no" \\ twice.\nThen\ta\x01b\x7f \u2028 end \U0001f600 — ok'
    article = Article(id="odd", text=text, title='A "quoted" \\ title')
    piece = article_nquads(Extraction(article=article, actors=(), commitments=()),
                           IriMinter(KGBI_IRI))
    quads = pyoxigraph.parse(piece, format=pyoxigraph.RdfFormat.N_QUADS)
    written = pyoxigraph.serialize(quads, format=pyoxigraph.RdfFormat.N_QUADS)
    assert piece == b"".join(sorted(line + b"\n" for line in written.splitlines()))
    assert text.encode("utf-8") not in piece  # escaped, not raw


@pytest.mark.parametrize("fan", [2, 3, 1024])
def test_merging_pieces_through_run_files_gives_each_triple_once_in_order(
    one_job: Path, tmp_path: Path, fan: int
) -> None:
    from kgbuild.export.streaming import merged_triples

    pieces = sorted((one_job / ".kgbuild" / "articles").glob("*.nq"))
    lines = [line for p in pieces for line in p.read_bytes().splitlines()]
    expected = sorted({line[: line.rindex(b" <")] + b" .\n" for line in lines})
    assert list(merged_triples(pieces, tmp_path, fan=fan)) == expected
    assert len(pieces) == 3 and len(expected) > 500
