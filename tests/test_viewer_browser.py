"""The viewer page in a real browser: headless Chromium, offline, opened from file://.

Chromium is driven with Playwright's Python package pointed at the system Chromium
(`/usr/bin/chromium`, installed by `.ci/run`; Playwright's own browser downloads are never
used). Playwright was chosen over a hand-written DevTools-protocol client because it gives,
tested and ready, what these checks need: console and page-error events, dialog events
(an injected `alert` would raise one), per-request events to prove nothing left the
machine, an offline switch, and screenshots.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from kgbuild.graphio import load_dataset
from kgbuild.viz import ViewFilter, actor_graph, dataset_to_graph, filter_graph, render
from viz_fixtures import PAYLOADS, REFUSAL, TROOPS, berlin, dataset_of, paris, payload_dataset

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]
ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "out"
LOCAL_SCHEMES = ("file:", "data:", "about:", "blob:")


@dataclass
class Visit:
    """An open page with everything it logged, asked for and tried to pop up."""

    page: Any
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def data(self) -> dict[str, Any]:
        """Give the graph data embedded in the page, as the page itself parses it."""
        text = self.page.evaluate("document.getElementById('kgb-data').textContent")
        result: dict[str, Any] = json.loads(text)
        return result

    def visible_ids(self) -> list[str]:
        ids: list[str] = self.page.evaluate("window.kgbViewer.visibleNodeIds()")
        return ids


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """Give a Chromium browser context: offline, its own throw-away profile."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}; run .ci/run (it installs chromium).")
    playwright_api = pytest.importorskip("playwright.sync_api")
    profile = tmp_path_factory.mktemp("chromium-profile")
    with playwright_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile),
            executable_path=CHROMIUM,
            headless=True,
            args=CHROMIUM_FLAGS,
            offline=True,
            viewport={"width": 1400, "height": 900},
        )
        try:
            yield context
        finally:
            context.close()


def visit(context: Any, path: Path) -> Visit:
    """Open `path` from file:// and wait until the viewer has drawn the network once."""
    page = context.new_page()
    seen = Visit(page)
    page.on("console", lambda m: seen.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: seen.errors.append(str(e)))
    page.on("request", lambda r: seen.requests.append(r.url))

    def on_dialog(dialog: Any) -> None:
        seen.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.goto(path.resolve().as_uri())
    page.wait_for_function("document.documentElement.dataset.kgbReady === '1'", timeout=60_000)
    return seen


def canvas_variance(page: Any) -> float:
    """Give the variance of the network canvas's pixel brightness (0 for a blank canvas)."""
    value: float = page.evaluate(
        """() => {
            const canvas = document.querySelector('#kgb-network canvas');
            const context = canvas.getContext('2d');
            const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
            let sum = 0, squares = 0, n = 0;
            for (let i = 0; i < pixels.length; i += 4) {
                const y = (pixels[i] + pixels[i + 1] + pixels[i + 2]) / 3 * pixels[i + 3] / 255;
                sum += y; squares += y * y; n += 1;
            }
            const mean = sum / n;
            return squares / n - mean * mean;
        }"""
    )
    return value


def assert_stayed_offline(seen: Visit) -> None:
    assert [u for u in seen.requests if not u.startswith(LOCAL_SCHEMES)] == []


# ---- the dev corpus ----


@pytest.fixture(scope="module")
def dev_page(browser: Any, dev_corpus_out: Path) -> Visit:
    return visit(browser, dev_corpus_out / "graph.html")


def test_dev_corpus_page_renders_offline_without_errors(
    dev_page: Visit, dev_corpus_out: Path
) -> None:
    graph = dataset_to_graph(load_dataset(dev_corpus_out / "graph.trig"))
    page = dev_page.page
    assert len(dev_page.data()["nodes"]) == graph.number_of_nodes()
    assert page.evaluate("window.kgbViewer.network.body.data.nodes.length") == (
        graph.number_of_nodes()
    )
    assert page.locator("#kgb-legend li").count() >= 20
    assert page.locator("#kgb-legend").is_visible()
    if graph.number_of_nodes():
        assert canvas_variance(page) > 10.0
    else:
        assert page.locator("#kgb-empty").is_visible()
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "viewer-dev-corpus.png"))
    assert dev_page.errors == []
    assert dev_page.dialogs == []
    assert_stayed_offline(dev_page)


# ---- a hand-made graph: interactions and safety ----


@pytest.fixture(scope="module")
def hand_made(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    dataset = dataset_of(paris(), berlin())
    path = tmp_path_factory.mktemp("viewer") / "graph.html"
    path.write_bytes(render(dataset).data)
    return path, dataset


@pytest.fixture(scope="module")
def hand_page(browser: Any, hand_made: tuple[Path, Any]) -> Visit:
    return visit(browser, hand_made[0])


def test_page_draws_the_network(hand_page: Visit) -> None:
    assert canvas_variance(hand_page.page) > 10.0
    assert hand_page.errors == []


def test_status_filter_in_page_matches_filter_graph(
    hand_page: Visit, hand_made: tuple[Path, Any]
) -> None:
    page = hand_page.page
    graph = dataset_to_graph(hand_made[1])
    for status in ("Demanded", "Signaled"):
        page.locator(f"#kgb-filter-status input[value={status}]").uncheck()
    expected = filter_graph(graph, ViewFilter(statuses=frozenset({"Pledged"})))
    try:
        assert hand_page.visible_ids() == sorted(expected.nodes)
        page.locator("#kgb-filter-polarity input[value=Positive]").uncheck()
        expected = filter_graph(
            graph, ViewFilter(statuses=frozenset({"Pledged"}), polarity="Negative")
        )
        assert hand_page.visible_ids() == sorted(expected.nodes)
    finally:
        page.click("#kgb-reset")
    assert hand_page.visible_ids() == sorted(graph.nodes)
    assert hand_page.errors == []


def test_article_and_condition_filters_in_page(
    hand_page: Visit, hand_made: tuple[Path, Any]
) -> None:
    page = hand_page.page
    graph = dataset_to_graph(hand_made[1])
    berlin = "https://w3id.org/kgbuild/id/article/berlin"
    try:
        page.select_option("#kgb-filter-article", berlin)
        assert hand_page.visible_ids() == sorted(filter_graph(graph, ViewFilter(article=berlin)))
        page.select_option("#kgb-filter-article", "")
        page.select_option("#kgb-filter-conditions", "with")
        expected = filter_graph(graph, ViewFilter(conditional=True))
        assert hand_page.visible_ids() == sorted(expected)
    finally:
        page.click("#kgb-reset")
    assert hand_page.errors == []


def test_actor_view_has_the_pairs_of_actor_graph(
    hand_page: Visit, hand_made: tuple[Path, Any]
) -> None:
    page = hand_page.page
    actors = actor_graph(dataset_to_graph(hand_made[1]))
    page.click("#kgb-view-actors")
    try:
        assert hand_page.visible_ids() == sorted(actors.nodes)
        assert page.evaluate("window.kgbViewer.visibleEdgeCount()") == actors.number_of_edges()
        assert canvas_variance(page) > 10.0
    finally:
        page.click("#kgb-view-full")
    assert page.evaluate("window.kgbViewer.view()") == "full"
    assert hand_page.errors == []


def test_search_selects_the_actor_and_shows_its_details(hand_page: Visit) -> None:
    page = hand_page.page
    page.fill("#kgb-search", "germ")
    page.press("#kgb-search", "Enter")
    assert page.locator("#kgb-details-body h3").inner_text() == "Germany"
    assert "Wikidata" in page.locator("#kgb-details-body").inner_text()
    selected = page.evaluate("window.kgbViewer.network.getSelectedNodes()")
    assert selected == ["https://w3id.org/kgbuild/id/actor/germany"]
    page.fill("#kgb-search", "")
    page.press("#kgb-search", "Enter")
    assert hand_page.errors == []


def test_clicking_a_commitment_shows_quote_article_and_parties(hand_page: Visit) -> None:
    page = hand_page.page
    page.evaluate("id => window.kgbViewer.focusNode(id)", TROOPS)
    details = page.locator("#kgb-details-body").inner_text()
    for text in (
        "send troops",
        "Pledged",
        "France",
        "Germany",
        "Ukraine",
        "Prerequisite: a peace deal is achieved",
        "Paris summit (2025-09-04)",
        "France and Germany pledged to send troops",
    ):
        assert text in details
    assert hand_page.errors == []


def test_hover_shows_a_text_tooltip(hand_page: Visit) -> None:
    page = hand_page.page
    page.click("#kgb-fit")
    page.mouse.move(5, 5)
    point = page.evaluate(
        """id => {
            const net = window.kgbViewer.network;
            const p = net.canvasToDOM(net.getPositions([id])[id]);
            const box = document.getElementById('kgb-network').getBoundingClientRect();
            return {x: box.left + p.x, y: box.top + p.y};
        }""",
        REFUSAL,
    )
    page.mouse.move(point["x"], point["y"])
    tooltip = page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=5_000)
    assert "NOT: sending ground troops" in tooltip.inner_text()
    page.mouse.move(5, 5)


# ---- injection payloads ----


def test_injected_markup_is_shown_as_text_and_runs_nothing(browser: Any, tmp_path: Path) -> None:
    dataset = payload_dataset()
    path = tmp_path / "evil.html"
    path.write_bytes(render(dataset).data)
    seen = visit(browser, path)
    page = seen.page
    graph = dataset_to_graph(dataset)
    for node in sorted(graph.nodes):
        # Opens every node's details panel, tooltips are built at load.
        page.evaluate("id => window.kgbViewer.focusNode(id)", node)
        page.wait_for_timeout(50)
    page.evaluate(
        "id => window.kgbViewer.focusNode(id)",
        next(n for n, k in graph.nodes(data="kind") if k == "commitment"),
    )
    details = page.locator("#kgb-details-body").inner_text()
    assert PAYLOADS[1] in details  # the action, shown as text
    assert PAYLOADS[0] in details  # inside the quoted sentence
    page.fill("#kgb-search", "<img")
    page.press("#kgb-search", "Enter")
    page.click("#kgb-view-actors")
    page.click("#kgb-view-full")
    assert page.locator("img, #kgb-details-body svg, #kgb-details-body script").count() == 0
    assert page.title() == f"kgbuild: Evil {PAYLOADS[2]} title"
    assert seen.dialogs == []
    assert seen.errors == []
    assert_stayed_offline(seen)
    page.close()
