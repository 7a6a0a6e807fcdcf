"""The Dask engine on a 2-worker LocalCluster gives the graph of a local build."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Dataset
from rdflib.compare import isomorphic

from kgbuild.pipeline import build_corpus

distributed = pytest.importorskip("distributed")

ARTICLES = Path(__file__).resolve().parent.parent / "data" / "articles"
FORMATS = ("turtle", "trig", "nquads")


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    """A local Dask cluster of two single-threaded worker processes; give its address."""
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as local:
        yield local.scheduler_address


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three dev articles."""
    folder = tmp_path_factory.mktemp("dask-corpus")
    for source in sorted(ARTICLES.glob("*.txt"))[:3]:
        shutil.copy(source, folder / source.name)
    return folder


def test_dask_build_equals_local_build(cluster: str, corpus: Path, tmp_path: Path) -> None:
    local, remote = tmp_path / "local", tmp_path / "dask"
    build_corpus([corpus], local, formats=FORMATS)
    report = build_corpus([corpus], remote, formats=FORMATS, engine="dask", scheduler=cluster)
    assert report.processed == 3
    ours = Dataset().parse(remote / "graph.trig", format="trig")
    theirs = Dataset().parse(local / "graph.trig", format="trig")
    names = {g.identifier for g in theirs.graphs() if len(g)}
    assert names == {g.identifier for g in ours.graphs() if len(g)}
    assert len(names) == 3
    for name in names:
        assert isomorphic(ours.graph(name), theirs.graph(name)), name
    for name in ("graph.ttl", "graph.trig", "graph.nq"):
        assert (remote / name).read_bytes() == (local / name).read_bytes(), name


def test_dask_rebuild_is_incremental(cluster: str, corpus: Path, tmp_path: Path) -> None:
    first = build_corpus([corpus], tmp_path, formats=FORMATS, engine="dask", scheduler=cluster)
    again = build_corpus([corpus], tmp_path, formats=FORMATS, engine="dask", scheduler=cluster)
    assert (first.processed, again.processed, again.reused) == (3, 0, 3)
