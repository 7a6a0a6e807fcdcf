"""The graph viewer: dataset -> networkx, filters, actor view, page, GraphML/GEXF, `kgbuild viz`."""

from __future__ import annotations

import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st
from rdflib import Dataset, URIRef

from kgbuild.cli import main
from kgbuild.errors import KgbuildError
from kgbuild.export.registry import export, get_exporter
from kgbuild.graph import new_dataset
from kgbuild.iris import IriMinter
from kgbuild.viz import ViewFilter, actor_graph, dataset_to_graph, filter_graph, render
from kgbuild.viz.layout import compute_positions
from kgbuild.viz.page import embed_json, render_html
from kgbuild.vocab import KGB
from viz_fixtures import (
    BASE,
    BERLIN,
    DEMAND,
    E3,
    FRANCE,
    GERMANY,
    MACRON,
    OFFER,
    PARIS,
    PAYLOADS,
    PEACE_DEAL,
    REFUSAL,
    TROOPS,
    UKRAINE,
    USA,
    berlin,
    dataset_of,
    paris,
    payload_dataset,
)


@pytest.fixture(scope="module")
def two_articles() -> Dataset:
    return dataset_of(paris(), berlin())


@pytest.fixture(scope="module")
def graph(two_articles: Dataset) -> nx.MultiDiGraph:
    return dataset_to_graph(two_articles)


# ---- dataset -> networkx ----


def test_nodes_are_the_actors_commitments_and_conditions(graph: nx.MultiDiGraph) -> None:
    kinds = dict(graph.nodes(data="kind"))
    assert kinds == {
        FRANCE: "actor",
        GERMANY: "actor",
        UKRAINE: "actor",
        MACRON: "actor",
        E3: "actor",
        USA: "actor",
        TROOPS: "commitment",
        REFUSAL: "commitment",
        DEMAND: "commitment",
        OFFER: "commitment",
        PEACE_DEAL: "condition",
    }


def test_edges_point_from_commitment_to_role_and_carry_its_label(graph: nx.MultiDiGraph) -> None:
    edges = {(u, v, k, d["label"]) for u, v, k, d in graph.edges(keys=True, data=True)}
    assert edges == {
        (TROOPS, FRANCE, "debtor", "debtor"),
        (TROOPS, GERMANY, "debtor", "debtor"),
        (TROOPS, UKRAINE, "beneficiary", "beneficiary"),
        (TROOPS, PEACE_DEAL, "condition", "condition"),
        (REFUSAL, MACRON, "debtor", "debtor"),
        (REFUSAL, MACRON, "stated_by", "stated by"),
        (DEMAND, GERMANY, "debtor", "debtor"),
        (DEMAND, USA, "requested_by", "requested by"),
        (OFFER, GERMANY, "debtor", "debtor"),
        (OFFER, UKRAINE, "beneficiary", "beneficiary"),
        (MACRON, FRANCE, "acts_for", "acts for"),
        (FRANCE, E3, "member_of", "member of"),
        (GERMANY, E3, "member_of", "member of"),
    }


def test_commitment_carries_what_its_tooltip_shows(graph: nx.MultiDiGraph) -> None:
    assert graph.nodes[TROOPS] == {
        "kind": "commitment",
        "label": "send troops",
        "action": "send troops",
        "status": "Pledged",
        "polarity": "Positive",
        "conditions": "a peace deal is achieved",
        "n_conditions": 1,
        "quote": "France and Germany pledged to send troops to Ukraine once a peace deal is "
        "achieved.",
        "article": PARIS,
        "article_title": "Paris summit",
        "article_date": "2025-09-04",
    }


def test_refusal_is_a_negative_commitment(graph: nx.MultiDiGraph) -> None:
    assert graph.nodes[REFUSAL]["polarity"] == "Negative"
    assert graph.nodes[REFUSAL]["n_conditions"] == 0
    assert "conditions" not in graph.nodes[REFUSAL]


def test_actor_carries_label_type_wikidata_and_articles(graph: nx.MultiDiGraph) -> None:
    assert graph.nodes[GERMANY] == {
        "kind": "actor",
        "label": "Germany",
        "actor_type": "State",
        "wikidata": "http://www.wikidata.org/entity/Q183",
        "articles": f"{BERLIN} {PARIS}",
    }
    assert graph.nodes[E3]["actor_type"] == "ActorGroup"
    assert "wikidata" not in graph.nodes[E3]


def test_condition_carries_text_type_and_quote(graph: nx.MultiDiGraph) -> None:
    assert graph.nodes[PEACE_DEAL] == {
        "kind": "condition",
        "label": "a peace deal is achieved",
        "text": "a peace deal is achieved",
        "condition_type": "Prerequisite",
        "quote": "a peace deal is achieved",
        "article": PARIS,
        "article_title": "Paris summit",
        "article_date": "2025-09-04",
    }


def test_every_attribute_is_a_string_or_an_int(graph: nx.MultiDiGraph) -> None:
    values = [v for _, d in graph.nodes(data=True) for v in d.values()]
    values += [v for *_, d in graph.edges(data=True) for v in d.values()]
    assert {type(v) for v in values} == {str, int}


def test_untyped_actor_iri_still_becomes_an_actor_node() -> None:
    dataset = dataset_of(paris())
    nato = URIRef(BASE + "actor/nato")
    dataset.graph(IriMinter().graph("paris")).add((URIRef(TROOPS), KGB.beneficiary, nato))
    graph = dataset_to_graph(dataset)
    assert graph.nodes[BASE + "actor/nato"] == {
        "kind": "actor",
        "label": "nato",
        "actor_type": "Actor",
    }


# ---- filters and the actor view ----


def _kept(graph: nx.MultiDiGraph, view_filter: ViewFilter) -> set[str]:
    return set(filter_graph(graph, view_filter).nodes)


def test_empty_filter_keeps_everything(graph: nx.MultiDiGraph) -> None:
    assert filter_graph(graph, ViewFilter()) is graph


def test_status_filter_keeps_commitments_their_actors_and_conditions(
    graph: nx.MultiDiGraph,
) -> None:
    assert _kept(graph, ViewFilter(statuses=frozenset({"Pledged"}))) == {
        TROOPS,
        REFUSAL,
        FRANCE,
        GERMANY,
        UKRAINE,
        MACRON,
        PEACE_DEAL,
    }


def test_polarity_filter_keeps_refusals_only(graph: nx.MultiDiGraph) -> None:
    assert _kept(graph, ViewFilter(polarity="Negative")) == {REFUSAL, MACRON}


def test_article_filter(graph: nx.MultiDiGraph) -> None:
    assert _kept(graph, ViewFilter(article=BERLIN)) == {OFFER, GERMANY, UKRAINE}


def test_conditional_filter(graph: nx.MultiDiGraph) -> None:
    assert _kept(graph, ViewFilter(conditional=True)) == {
        TROOPS,
        FRANCE,
        GERMANY,
        UKRAINE,
        PEACE_DEAL,
    }
    assert TROOPS not in _kept(graph, ViewFilter(conditional=False))


def test_filter_keeps_edges_between_kept_actors(graph: nx.MultiDiGraph) -> None:
    kept = filter_graph(graph, ViewFilter(statuses=frozenset({"Pledged"})))
    assert kept.has_edge(MACRON, FRANCE, "acts_for")
    assert not kept.has_node(E3)


def test_actor_view_has_one_edge_per_pair_weighted_by_commitments(
    graph: nx.MultiDiGraph,
) -> None:
    actors = actor_graph(graph)
    assert set(actors.nodes) == {FRANCE, GERMANY, UKRAINE, MACRON, E3, USA}
    assert {(u, v): d for u, v, d in actors.edges(data=True)} == {
        (FRANCE, UKRAINE): {"weight": 1, "negative": 0, "label": "1"},
        (GERMANY, UKRAINE): {"weight": 2, "negative": 0, "label": "2"},
    }


# ---- layout ----


def test_layout_gives_every_node_its_own_integer_position(graph: nx.MultiDiGraph) -> None:
    positions = compute_positions(graph)
    assert set(positions) == set(graph.nodes)
    assert all(isinstance(c, int) for xy in positions.values() for c in xy)
    assert len(set(positions.values())) == len(positions)


def test_layout_of_many_components_is_deterministic() -> None:
    graph = nx.MultiDiGraph()
    for i in range(40):
        graph.add_node(f"a{i:02}", kind="actor")
        graph.add_node(f"c{i:02}", kind="commitment")
        graph.add_edge(f"c{i:02}", f"a{i:02}", key="debtor", role="debtor")
        graph.add_edge(f"c{i:02}", f"a{(i * 7) % 40:02}", key="beneficiary", role="beneficiary")
    assert compute_positions(graph) == compute_positions(graph.copy())


# ---- the page ----


class _Tags(HTMLParser):
    """Collects every start tag with its attributes, as a browser's tokenizer sees them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.data_json = ""
        self._in_data = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_data = tag == "script" and dict(attrs).get("type") == "application/json"

    def handle_endtag(self, tag: str) -> None:
        self._in_data = False

    def handle_data(self, data: str) -> None:
        if self._in_data:
            self.data_json += data


def _parse(html: bytes) -> _Tags:
    parser = _Tags()
    parser.feed(html.decode("utf-8"))
    parser.close()
    return parser


@pytest.fixture(scope="module")
def page(two_articles: Dataset) -> bytes:
    return render(two_articles).data


def test_page_is_byte_identical_across_renders_and_rebuilds(page: bytes) -> None:
    again = render(dataset_of(paris(), berlin())).data
    assert again == page


def test_page_loads_nothing_from_the_network(page: bytes) -> None:
    parsed = _parse(page)
    linked = [
        (tag, value)
        for tag, attrs in parsed.tags
        for name, value in attrs.items()
        if name in ("src", "href", "srcset", "data") and value
    ]
    assert linked == []
    assert not any(tag == "link" for tag, _ in parsed.tags)
    styles = re.findall(rb"<style>(.*?)</style>", page, re.DOTALL)
    assert styles and not any(re.search(rb"url\(\s*['\"]?(https?:)?//", s) for s in styles)
    assert not any(b"@import" in s for s in styles)


def test_page_forbids_network_access_and_foreign_scripts(page: bytes) -> None:
    metas = [a for tag, a in _parse(page).tags if tag == "meta" and a.get("http-equiv")]
    policy = str(metas[0]["content"])
    assert "default-src 'none'" in policy
    assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]


def test_page_data_holds_every_node_and_edge(page: bytes, graph: nx.MultiDiGraph) -> None:
    data = json.loads(_parse(page).data_json)
    assert sorted(n["id"] for n in data["nodes"]) == sorted(graph.nodes)
    assert sum(len(e["roles"]) for e in data["edges"]) == graph.number_of_edges()
    both = next(e for e in data["edges"] if e["from"] == REFUSAL and e["to"] == MACRON)
    assert (both["roles"], both["label"]) == (["debtor", "stated_by"], "debtor · stated by")
    assert [a["title"] for a in data["articles"]] == ["Paris summit", "Berlin briefing"]
    assert data["options"]["physics"] == {"enabled": False}


def test_page_has_a_legend_for_every_actor_type_status_and_role(page: bytes) -> None:
    text = page.decode("utf-8")
    start = text.index('id="kgb-legend"')
    legend = text[start : text.index("</section>", start)]
    for word in (
        "State",
        "Person",
        "Organization",
        "Group",
        "Demanded",
        "Withdrawn",
        "Negative",
        "Condition",
        "debtor",
        "requested by",
        "acts for",
        "member of",
    ):
        assert word in legend


def test_negative_commitment_is_drawn_dashed_red_with_a_cross(page: bytes) -> None:
    data = json.loads(_parse(page).data_json)
    node = next(n for n in data["nodes"] if n["id"] == REFUSAL)
    assert node["label"].startswith("✗ ")
    assert node["shapeProperties"] == {"borderDashes": [6, 3]}
    assert node["color"]["border"] == "#D50000"


def test_empty_graph_gives_a_page() -> None:
    html = render(new_dataset()).data
    assert json.loads(_parse(html).data_json)["nodes"] == []


def test_actors_view_page_opens_on_the_actor_view(two_articles: Dataset) -> None:
    html = render(two_articles, view="actors").data
    assert json.loads(_parse(html).data_json)["view"] == "actors"


# ---- escaping ----


def test_payloads_appear_in_the_page_only_escaped() -> None:
    html = render(payload_dataset()).data
    for payload in PAYLOADS:
        assert payload.encode() not in html
    for fragment in (b"<img", b"<svg onload", b"</script><script>alert"):
        assert fragment not in html
    parsed = _parse(html)
    assert [t for t, a in parsed.tags if t == "script"] == ["script"] * 3
    assert not [n for _, a in parsed.tags for n in a if n.startswith("on")]
    data = json.loads(parsed.data_json)
    labels = {n["attrs"]["label"] for n in data["nodes"]}
    assert {f"{PAYLOADS[0]} state", PAYLOADS[1], PAYLOADS[2]} <= labels


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)
TRICKY_TEXT = st.text(
    alphabet=st.sampled_from(list("<>&/'\"\\ \u2028\u2029\ud800sScriptSCRIPT!-")), max_size=40
)


@given(JSON_VALUES)
def test_embedded_json_round_trips_and_cannot_close_its_script(value: object) -> None:
    text = embed_json(value)
    assert json.loads(text) == value
    assert not set(text) & {"<", ">", "&", "\u2028", "\u2029"}


@given(TRICKY_TEXT)
def test_embedded_json_of_markup_like_text_stays_inert(value: str) -> None:
    text = embed_json({"label": value})
    assert json.loads(text) == {"label": value}
    assert "</script" not in text.lower() and "<!--" not in text
    text.encode("utf-8")  # lone surrogates are escaped, so the page is valid UTF-8


# ---- GraphML and GEXF ----


def _edge_roles(graph: nx.MultiDiGraph) -> set[tuple[str, str, str]]:
    return {(u, v, d["role"]) for u, v, d in graph.edges(data=True)}


def test_graphml_round_trips_through_networkx(
    two_articles: Dataset, graph: nx.MultiDiGraph
) -> None:
    data = render(two_articles, fmt="graphml").data
    back = nx.read_graphml(io.BytesIO(data), force_multigraph=True)
    assert dict(back.nodes(data=True)) == dict(graph.nodes(data=True))
    assert _edge_roles(back) == _edge_roles(graph)
    ids = re.findall(rb'<edge [^>]*id="([^"]+)"', data)
    assert len(ids) == len(set(ids)) == graph.number_of_edges()


def test_gexf_round_trips_through_networkx_with_layout(
    two_articles: Dataset, graph: nx.MultiDiGraph
) -> None:
    data = render(two_articles, fmt="gexf").data
    back = nx.read_gexf(io.BytesIO(data), node_type=str)
    assert set(back.nodes) == set(graph.nodes)
    for node, attrs in graph.nodes(data=True):
        read = back.nodes[node]
        assert read["label"] == attrs["label"]
        assert {k: read[k] for k in attrs if k != "label"} == {
            k: v for k, v in attrs.items() if k != "label"
        }
        assert set(read["viz"]) >= {"color", "position", "size", "shape"}
    assert _edge_roles(back) == _edge_roles(graph)


def test_gexf_and_graphml_are_byte_stable(two_articles: Dataset) -> None:
    for fmt in ("gexf", "graphml"):
        first = render(two_articles, fmt=fmt).data
        assert render(dataset_of(paris(), berlin()), fmt=fmt).data == first
    assert b"lastmodifieddate" not in render(two_articles, fmt="gexf").data


def test_actor_view_graphml_holds_actors_and_weighted_pairs(two_articles: Dataset) -> None:
    data = render(two_articles, fmt="graphml", view="actors").data
    back = nx.read_graphml(io.BytesIO(data))
    assert {d["kind"] for _, d in back.nodes(data=True)} == {"actor"}
    assert back.edges[GERMANY, UKRAINE]["weight"] == 2


@pytest.mark.parametrize(
    ("fmt", "filename"),
    [("html", "graph.html"), ("graphml", "graph.graphml"), ("gexf", "graph.gexf")],
)
def test_viewer_formats_are_registered_exporters(
    two_articles: Dataset, fmt: str, filename: str
) -> None:
    assert get_exporter(fmt).filename == filename
    stream = io.BytesIO()
    export(two_articles, fmt, stream)
    assert stream.getvalue() == render(two_articles, fmt=fmt).data


# ---- kgbuild viz ----


@pytest.fixture(scope="module")
def trig_file(tmp_path_factory: pytest.TempPathFactory, two_articles: Dataset) -> Path:
    path = tmp_path_factory.mktemp("viz") / "graph.trig"
    two_articles.serialize(path, format="trig")
    return path


def test_cli_writes_the_page(trig_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "view.html"
    result = CliRunner().invoke(main, ["viz", str(trig_file), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == render(dataset_from(trig_file)).data
    assert f"{out}: html, full view, 11 nodes, 13 edges" in result.output


def dataset_from(path: Path) -> Dataset:
    from kgbuild.graphio import load_dataset

    return load_dataset(path)


def test_cli_format_follows_the_suffix(trig_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "view.gexf"
    result = CliRunner().invoke(main, ["viz", str(trig_file), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"<?xml") and b"<gexf" in out.read_bytes()


def test_cli_filters_and_actor_view(trig_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "actors.graphml"
    args = ["viz", str(trig_file), "--out", str(out), "--view", "actors"]
    args += ["--status", "pledged", "--status", "Signaled", "--polarity", "positive"]
    args += ["--article", "berlin"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    back = nx.read_graphml(out)
    assert set(back.nodes) == {GERMANY, UKRAINE}
    assert back.edges[GERMANY, UKRAINE]["weight"] == 1


def test_cli_conditional_flag(trig_file: Path) -> None:
    args = ["viz", str(trig_file), "--out", "-", "--format", "graphml", "--conditional"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    back = nx.read_graphml(io.BytesIO(result.stdout_bytes), force_multigraph=True)
    assert {n for n, k in back.nodes(data="kind") if k == "commitment"} == {TROOPS}


def test_cli_unknown_article_is_one_line_error(trig_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.html"
    args = ["viz", str(trig_file), "--out", str(out), "--article", "nowhere"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: No article 'nowhere' in the graph. Give an article id, IRI or title; "
        "the graph's articles are: paris, berlin.\n"
    )
    assert not out.exists()


def test_cli_missing_graph_file_is_exit_1(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["viz", str(tmp_path / "no.ttl"), "--out", "x.html"])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: Cannot read graph file")


def test_cli_bad_status_is_a_usage_error(trig_file: Path) -> None:
    result = CliRunner().invoke(main, ["viz", str(trig_file), "--out", "-", "--status", "maybe"])
    assert result.exit_code == 2


def test_cli_help_has_an_example() -> None:
    result = CliRunner().invoke(main, ["viz", "--help"])
    assert result.exit_code == 0
    assert "Example: kgbuild viz out/graph.trig --out" in result.output


def test_resolve_article_error_lists_known_articles(graph: nx.MultiDiGraph) -> None:
    from kgbuild.viz import resolve_article

    assert resolve_article(graph, "Paris summit") == PARIS
    assert resolve_article(graph, PARIS) == PARIS
    with pytest.raises(KgbuildError, match="paris, berlin"):
        resolve_article(graph, "rome")


def test_render_html_rejects_unknown_view(graph: nx.MultiDiGraph) -> None:
    with pytest.raises(ValueError, match="view"):
        render_html(graph, view="sideways")
