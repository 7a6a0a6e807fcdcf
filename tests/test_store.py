"""The persistent pyoxigraph store: loading, replacing an article's graph, locks, errors."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from dataclasses import replace
from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner
from rdflib import Graph

from kgbuild.cli import main
from kgbuild.errors import GraphFileError
from kgbuild.export import write_outputs
from kgbuild.export.rdf import merged_graph
from kgbuild.graph import add_extraction, new_dataset
from kgbuild.iris import IriMinter
from kgbuild.query import execute
from kgbuild.store import (
    is_store,
    load_build_into_store,
    load_file_into_store,
    load_into_store,
    open_graph,
    open_read_only,
)
from query_fixture import fixture_dataset, iran, paris, write_fixture

DEFAULT = pyoxigraph.DefaultGraph()
LABELS = "SELECT ?label WHERE { ?a rdfs:label ?label } ORDER BY ?label"


def labels(store: pyoxigraph.Store) -> list[str]:
    result = execute(store, LABELS)
    assert isinstance(result, pyoxigraph.QuerySolutions)
    return [s["label"].value for s in result]


def graph_names(store: pyoxigraph.Store) -> list[str]:
    return sorted(g.value for g in store.named_graphs())


def count(store: pyoxigraph.Store, graph: object) -> int:
    return sum(1 for _ in store.quads_for_pattern(None, None, None, graph))


def test_load_into_store_gives_one_named_graph_per_article(tmp_path: Path) -> None:
    dataset = fixture_dataset()
    summary = load_into_store(dataset, tmp_path / "store")
    assert is_store(tmp_path / "store")
    store = open_read_only(tmp_path / "store")
    assert graph_names(store) == ["https://w3id.org/kgbuild/id/graph/iran",
                                  "https://w3id.org/kgbuild/id/graph/paris"]
    assert summary.graphs == 2
    assert summary.quads == len(list(dataset.quads((None, None, None, None))))
    # The default graph is the merge: each triple once, as in graph.ttl.
    assert count(store, DEFAULT) == len(merged_graph(dataset))


def test_a_triple_in_two_articles_is_counted_once(tmp_path: Path) -> None:
    load_into_store(fixture_dataset(), tmp_path / "store")
    found = labels(open_read_only(tmp_path / "store"))
    assert found.count("Germany") == 1  # Germany is in both articles


def test_rebuilding_an_article_replaces_its_graph_only(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    load_into_store(fixture_dataset(), folder)
    # Paris again, without the U.S. refusal and without Poland.
    old = paris()
    changed = replace(
        old,
        actors=tuple(a for a in old.actors if a.key not in {"poland", "germany"}),
        commitments=tuple(c for c in old.commitments if c.action != "send ground troops"),
    )
    dataset = new_dataset()
    add_extraction(dataset, changed, IriMinter())
    load_into_store(dataset, folder)

    store = open_read_only(folder)
    refusals = execute(store, "SELECT ?a WHERE { ?c kgb:polarity kgb:Negative ; kgb:action ?a }"
                              " ORDER BY ?a")
    assert isinstance(refusals, pyoxigraph.QuerySolutions)
    assert [s["a"].value for s in refusals] == ["lift sanctions", "resume talks"]
    found = labels(store)
    assert "Poland" not in found  # only Paris had it
    assert found.count("Germany") == 1  # Paris dropped it, Iran still has it
    expected = new_dataset()
    add_extraction(expected, changed, IriMinter())
    add_extraction(expected, iran(), IriMinter())
    assert count(store, DEFAULT) == len(merged_graph(expected))


def test_loading_the_same_dataset_twice_changes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    load_into_store(fixture_dataset(), folder)
    first = sorted(str(q) for q in open_read_only(folder))
    load_into_store(fixture_dataset(), folder)
    assert sorted(str(q) for q in open_read_only(folder)) == first


@pytest.mark.parametrize("name", ["graph.trig", "graph.nq"])
def test_loading_a_written_dataset_file_equals_loading_the_dataset(
    tmp_path: Path, name: str
) -> None:
    out = write_fixture(tmp_path / "out", ("trig", "nquads"))
    load_into_store(fixture_dataset(), tmp_path / "from-dataset")
    summary = load_file_into_store(out / name, tmp_path / "from-file")
    assert summary.graphs == 2
    ours = {str(q) for q in open_read_only(tmp_path / "from-dataset")}
    theirs = {str(q) for q in open_read_only(tmp_path / "from-file")}
    assert len(ours) == len(theirs)
    blank = [q for q in ours if "_:" in q]
    assert not blank  # kgbuild writes no blank nodes, so the quads compare exactly
    assert ours == theirs


def test_a_file_with_named_graphs_is_queried_as_their_merge(tmp_path: Path) -> None:
    out = write_fixture(tmp_path, ("turtle", "trig"))
    assert labels(open_graph(out / "graph.trig")) == labels(open_graph(out / "graph.ttl"))


def test_a_store_loaded_by_another_tool_is_queried_through_the_union(tmp_path: Path) -> None:
    # `oxigraph load --location DIR --file graph.trig` fills named graphs only.
    out = write_fixture(tmp_path / "out", ("trig",))
    foreign = pyoxigraph.Store(str(tmp_path / "foreign"))
    foreign.load(path=str(out / "graph.trig"), format=pyoxigraph.RdfFormat.TRIG)
    foreign.flush()
    del foreign
    found = labels(open_read_only(tmp_path / "foreign"))
    assert "Volodymyr Zelensky" in found and "Poland" in found


def test_second_writer_gets_a_clear_error_while_the_store_is_open(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    load_into_store(fixture_dataset(), folder)
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, time, pyoxigraph
            store = pyoxigraph.Store({str(folder)!r})
            print("open", flush=True)
            sys.stdin.read()
        """)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "open\n"
        with pytest.raises(GraphFileError, match=r"is open in another process .*one writer"):
            load_into_store(fixture_dataset(), folder)
    finally:
        holder.communicate("")
    load_into_store(fixture_dataset(), folder)  # the lock went with the other process


def test_the_store_is_released_after_loading(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    load_into_store(fixture_dataset(), folder)
    writer = pyoxigraph.Store(str(folder))  # would fail if kgbuild still held the lock
    assert count(writer, DEFAULT) > 0


def test_store_path_that_is_a_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(GraphFileError, match="is a file; give a folder"):
        load_into_store(fixture_dataset(), tmp_path / "file")


def test_non_empty_folder_that_is_not_a_store_is_left_alone(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(GraphFileError, match="non-empty folder that is not a store"):
        load_into_store(fixture_dataset(), tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_load_build_into_store_replaces_and_drops_article_graphs(tmp_path: Path) -> None:
    out = write_fixture(tmp_path / "out", ("trig",))
    load_build_into_store(out, tmp_path / "store")
    # The next build has only Paris: Iran's file is gone, so the build dropped it.
    dataset = new_dataset()
    add_extraction(dataset, paris(), IriMinter())
    write_outputs(dataset, {out / "graph.trig": "trig"})
    summary = load_build_into_store(out, tmp_path / "store", dropped=["iran"])
    store = open_read_only(tmp_path / "store")
    assert summary.graphs == 1
    assert graph_names(store) == ["https://w3id.org/kgbuild/id/graph/paris"]
    assert count(store, DEFAULT) == len(merged_graph(dataset))
    assert "Iran" not in labels(store)


def test_load_build_without_trig_says_what_is_missing(tmp_path: Path) -> None:
    with pytest.raises(GraphFileError, match=r"graph.trig is missing"):
        load_build_into_store(tmp_path, tmp_path / "store")


@pytest.mark.slow
def test_build_with_store_keeps_the_store_in_step_with_the_articles(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text("France pledged to send tanks to Ukraine.\n", "utf-8")
    (articles / "b.txt").write_text("Germany ruled out sending troops.\n", "utf-8")
    out, store_dir = tmp_path / "out", tmp_path / "store"

    def build(*extra: str) -> str:
        result = CliRunner().invoke(
            main, ["build", str(articles), "--out", str(out), "--store", str(store_dir), *extra]
        )
        assert result.exit_code == 0, result.output
        return str(result.stdout.splitlines()[-1])

    def in_step() -> None:
        store = open_read_only(store_dir)
        merged = Graph().parse(out / "graph.ttl", format="turtle")
        assert count(store, DEFAULT) == len(merged)
        assert len(graph_names(store)) == len(list(articles.iterdir()))
        del store

    assert build().startswith("store: 2 article graphs loaded, 0 unchanged, 0 removed")
    in_step()
    # Only what changed since the store was last brought up to date is loaded again.
    assert build().startswith("store: 0 article graphs loaded, 2 unchanged, 0 removed")
    (articles / "a.txt").write_text("Poland promised to buy jets if Russia attacks.\n", "utf-8")
    assert build().startswith("store: 1 article graphs loaded, 1 unchanged, 0 removed")
    in_step()
    (articles / "b.txt").unlink()
    assert build().startswith("store: 0 article graphs loaded, 1 unchanged, 1 removed")
    in_step()
    # A store made anew, or --force, is loaded in full.
    shutil.rmtree(store_dir)
    assert build().startswith("store: 1 article graphs loaded, 0 unchanged, 0 removed")
    in_step()
    assert build("--force").startswith("store: 1 article graphs loaded, 0 unchanged")
    in_step()


@pytest.mark.slow
def test_store_changed_between_builds_by_a_build_without_store_is_caught_up(
    tmp_path: Path,
) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text("France pledged to send tanks to Ukraine.\n", "utf-8")
    out, store_dir = tmp_path / "out", tmp_path / "store"
    runner = CliRunner()
    args = ["build", str(articles), "--out", str(out)]
    assert runner.invoke(main, [*args, "--store", str(store_dir)]).exit_code == 0
    (articles / "a.txt").write_text("Spain refused to send troops.\n", "utf-8")
    assert runner.invoke(main, args).exit_code == 0  # the store is not told
    result = runner.invoke(main, [*args, "--store", str(store_dir)])
    assert "store: 1 article graphs loaded, 0 unchanged" in result.stdout
    store = open_read_only(store_dir)
    assert "Spain" in labels(store) and "France" not in labels(store)
