/* kgbuild graph viewer: filters, search, views, tooltips and the details panel.
 *
 * Every string from the data is untrusted article text: it only ever reaches the page
 * through textContent / createTextNode / option.text, never innerHTML. Tooltips are DOM
 * elements, which vis-network appends as they are.
 */
(function () {
  "use strict";

  var DATA = JSON.parse(document.getElementById("kgb-data").textContent);
  var ROLE_ORDER = ["debtor", "beneficiary", "requested_by", "stated_by"];
  var ROLE_TITLES = {
    debtor: "Debtor", beneficiary: "Beneficiary", requested_by: "Requested by",
    stated_by: "Stated by"
  };
  var DIM_NODE = { background: "#F1F3F4", border: "#DDE1E3" };
  var DIM_FONT = "#C5CCD0";
  var DIM_EDGE = "#E8EBED";
  var WIKIDATA = /^https?:\/\/www\.wikidata\.org\/entity\/Q[0-9]+$/;

  var byId = new Map();
  var outEdges = new Map();
  var inEdges = new Map();
  DATA.nodes.forEach(function (n) { byId.set(n.id, n); outEdges.set(n.id, []); inEdges.set(n.id, []); });
  DATA.edges.forEach(function (e) { outEdges.get(e.from).push(e); inEdges.get(e.to).push(e); });

  var state = {
    view: DATA.view === "actors" ? "actors" : "full",
    statuses: null,      // Set of checked status names; all checked means no status filter
    polarities: null,    // Set of checked polarities
    article: "",
    conditions: "",      // "", "with" or "without"
    visible: new Set(),  // node ids visible in the full view
    kept: [],            // commitments that pass the filters
    highlighted: null    // Set of node ids, or null
  };

  // ---- small DOM helpers (text only) ----
  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (className) { node.className = className; }
    return node;
  }
  function attr(n, key) {
    var v = n.attrs[key];
    return v === undefined || v === null ? "" : String(v);
  }
  function labelOf(id) {
    var n = byId.get(id);
    return n ? attr(n, "label") : id;
  }
  function articleText(n) {
    var title = attr(n, "article_title");
    var date = attr(n, "article_date");
    if (!title && !date) { return ""; }
    return date ? title + " (" + date + ")" : title;
  }
  function rolesOf(id) {
    var roles = {};
    ROLE_ORDER.forEach(function (r) { roles[r] = []; });
    outEdges.get(id).forEach(function (e) {
      e.roles.forEach(function (r) { if (roles[r]) { roles[r].push(e.to); } });
    });
    return roles;
  }
  function conditionsOf(id) {
    return outEdges.get(id).filter(function (e) { return e.roles.indexOf("condition") !== -1; })
      .map(function (e) { return byId.get(e.to); });
  }

  // ---- tooltips: DOM elements, never HTML strings ----
  function tooltip(n) {
    var box = el("div");
    if (n.kind === "commitment") {
      var negative = attr(n, "polarity") === "Negative";
      box.appendChild(el("div", (negative ? "✗ NOT: " : "") + attr(n, "action"), "kgb-tip-title"));
      var roles = rolesOf(n.id);
      var who = roles.debtor.concat(roles.requested_by).map(labelOf).join(", ");
      box.appendChild(el("div", [attr(n, "status") || "unknown status",
        attr(n, "polarity") || "unknown polarity", who].filter(Boolean).join(" · "), "kgb-tip-meta"));
      if (attr(n, "conditions")) { box.appendChild(el("div", "Conditions: " + attr(n, "conditions"))); }
      if (attr(n, "quote")) { box.appendChild(el("div", "“" + clip(attr(n, "quote"), 320) + "”", "kgb-tip-quote")); }
      if (articleText(n)) { box.appendChild(el("div", articleText(n), "kgb-tip-meta")); }
    } else if (n.kind === "actor") {
      box.appendChild(el("div", attr(n, "label"), "kgb-tip-title"));
      var meta = [attr(n, "actor_type")];
      if (attr(n, "wikidata")) { meta.push("Wikidata " + attr(n, "wikidata").split("/").pop()); }
      box.appendChild(el("div", meta.join(" · "), "kgb-tip-meta"));
    } else {
      box.appendChild(el("div", "Condition (" + (attr(n, "condition_type") || "type unknown") + ")", "kgb-tip-meta"));
      box.appendChild(el("div", attr(n, "text") || attr(n, "label"), "kgb-tip-title"));
      if (articleText(n)) { box.appendChild(el("div", articleText(n), "kgb-tip-meta")); }
    }
    return box;
  }
  function clip(text, limit) {
    return text.length <= limit ? text : text.slice(0, limit - 1) + "…";
  }

  // ---- data sets for the two views ----
  function visNode(n) {
    var copy = Object.assign({}, n);
    copy.title = tooltip(n);
    return copy;
  }
  var fullNodes = new vis.DataSet(DATA.nodes.map(visNode));
  var fullEdges = new vis.DataSet(DATA.edges.map(function (e) { return Object.assign({}, e); }));
  var actorNodes = new vis.DataSet(DATA.nodes.filter(function (n) { return n.kind === "actor"; }).map(visNode));
  var actorEdges = new vis.DataSet([]);
  var actorPairs = new Map();  // edge id -> list of commitment ids

  // ---- filters ----
  function filterActive() {
    return state.statuses.size !== DATA.statuses.length + unknownStatusCount() ||
      state.polarities.size !== 2 || state.article !== "" || state.conditions !== "";
  }
  var unknownStatuses = DATA.nodes.some(function (n) {
    return n.kind === "commitment" && !DATA.statuses.some(function (s) { return s.name === attr(n, "status"); });
  });
  function unknownStatusCount() { return unknownStatuses ? 1 : 0; }
  function passes(n) {
    if (!state.statuses.has(attr(n, "status"))) { return false; }
    if (!state.polarities.has(attr(n, "polarity"))) { return false; }
    if (state.article && attr(n, "article") !== state.article) { return false; }
    var conditional = Number(n.attrs.n_conditions || 0) > 0;
    if (state.conditions === "with" && !conditional) { return false; }
    if (state.conditions === "without" && conditional) { return false; }
    return true;
  }
  function computeVisible() {
    var commitments = DATA.nodes.filter(function (n) { return n.kind === "commitment"; });
    var active = filterActive();
    state.kept = active ? commitments.filter(passes) : commitments;
    var visible = new Set();
    if (!active) {
      DATA.nodes.forEach(function (n) { visible.add(n.id); });
    } else {
      // As filter_graph in Python: kept commitments, their conditions and their actors.
      state.kept.forEach(function (n) {
        visible.add(n.id);
        outEdges.get(n.id).forEach(function (e) { visible.add(e.to); });
      });
    }
    state.visible = visible;
  }
  function rebuildActorEdges() {
    var pairs = new Map();
    state.kept.forEach(function (n) {
      var roles = rolesOf(n.id);
      roles.debtor.forEach(function (d) {
        roles.beneficiary.forEach(function (b) {
          if (d === b) { return; }
          var key = JSON.stringify([d, b]);
          if (!pairs.has(key)) { pairs.set(key, { from: d, to: b, commitments: [], negative: 0 }); }
          var pair = pairs.get(key);
          pair.commitments.push(n.id);
          if (attr(n, "polarity") === "Negative") { pair.negative += 1; }
        });
      });
    });
    var keys = Array.from(pairs.keys()).sort();
    actorPairs = new Map();
    var edges = keys.map(function (key, i) {
      var p = pairs.get(key);
      var id = "a" + i;
      actorPairs.set(id, p.commitments);
      var w = p.commitments.length;
      return {
        id: id, from: p.from, to: p.to, label: String(w), weight: w,
        width: 1 + 2 * Math.log2(w), title: pairTooltip(p),
        color: { color: DATA.style.actorLink, highlight: DATA.style.actorLink, hover: DATA.style.actorLink },
        dashes: p.negative === w ? [6, 3] : false
      };
    });
    actorEdges.clear();
    actorEdges.add(edges);
  }
  function pairTooltip(p) {
    var box = el("div");
    box.appendChild(el("div", labelOf(p.from) + " → " + labelOf(p.to), "kgb-tip-title"));
    box.appendChild(el("div", p.commitments.length + " commitment(s), " + p.negative + " negative", "kgb-tip-meta"));
    var list = el("ul");
    p.commitments.slice(0, 8).forEach(function (id) {
      var n = byId.get(id);
      list.appendChild(el("li", (attr(n, "polarity") === "Negative" ? "✗ " : "") + attr(n, "action") + " (" + attr(n, "status") + ")"));
    });
    box.appendChild(list);
    return box;
  }
  function applyVisibility() {
    var nodeUpdates = [];
    fullNodes.forEach(function (n) {
      var hidden = !state.visible.has(n.id);
      if (Boolean(n.hidden) !== hidden) { nodeUpdates.push({ id: n.id, hidden: hidden }); }
    });
    fullNodes.update(nodeUpdates);
    var edgeUpdates = [];
    fullEdges.forEach(function (e) {
      var hidden = !(state.visible.has(e.from) && state.visible.has(e.to));
      if (Boolean(e.hidden) !== hidden) { edgeUpdates.push({ id: e.id, hidden: hidden }); }
    });
    fullEdges.update(edgeUpdates);
    var actorUpdates = [];
    actorNodes.forEach(function (n) {
      var hidden = !state.visible.has(n.id);
      if (Boolean(n.hidden) !== hidden) { actorUpdates.push({ id: n.id, hidden: hidden }); }
    });
    actorNodes.update(actorUpdates);
    rebuildActorEdges();
  }
  function refresh() {
    computeVisible();
    clearHighlight();
    applyVisibility();
    updateCounts();
  }

  // ---- neighbourhood highlight ----
  function currentNodes() { return state.view === "full" ? fullNodes : actorNodes; }
  function currentEdges() { return state.view === "full" ? fullEdges : actorEdges; }
  function neighbourhood(ids) {
    var edges = currentEdges();
    var adjacency = new Map();
    edges.forEach(function (e) {
      if (e.hidden) { return; }
      if (!adjacency.has(e.from)) { adjacency.set(e.from, []); }
      if (!adjacency.has(e.to)) { adjacency.set(e.to, []); }
      adjacency.get(e.from).push(e.to);
      adjacency.get(e.to).push(e.from);
    });
    var result = new Set(ids);
    ids.forEach(function (id) {
      var first = adjacency.get(id) || [];
      first.forEach(function (m) { result.add(m); });
      // An actor's commitments mean little without their other parties: go two steps.
      if (state.view === "full" && byId.get(id) && byId.get(id).kind === "actor") {
        first.forEach(function (m) {
          (adjacency.get(m) || []).forEach(function (k) { result.add(k); });
        });
      }
    });
    return result;
  }
  function highlight(ids) {
    var keep = neighbourhood(ids);
    state.highlighted = keep;
    var nodes = currentNodes();
    nodes.update(nodes.get().map(function (n) {
      var original = byId.get(n.id);
      return keep.has(n.id)
        ? { id: n.id, color: original.color, font: original.font }
        : { id: n.id, color: DIM_NODE, font: Object.assign({}, original.font, { color: DIM_FONT }) };
    }));
    var edges = currentEdges();
    edges.update(edges.get().map(function (e) {
      var both = keep.has(e.from) && keep.has(e.to);
      var original = edgeColor(e.id);
      return {
        id: e.id,
        color: both ? { color: original, highlight: original, hover: original } : { color: DIM_EDGE, highlight: DIM_EDGE, hover: DIM_EDGE },
        font: { color: both ? "#546E7A" : "rgba(0,0,0,0)" }
      };
    }));
  }
  var edgeColors = new Map();
  DATA.edges.forEach(function (e) { edgeColors.set(e.id, e.color.color); });
  function edgeColor(id) { return edgeColors.get(id) || DATA.style.actorLink; }
  function clearHighlight() {
    if (!state.highlighted) { return; }
    state.highlighted = null;
    [fullNodes, actorNodes].forEach(function (nodes) {
      nodes.update(nodes.get().map(function (n) {
        var original = byId.get(n.id);
        return { id: n.id, color: original.color, font: original.font };
      }));
    });
    [fullEdges, actorEdges].forEach(function (edges) {
      edges.update(edges.get().map(function (e) {
        var c = edgeColor(e.id);
        return { id: e.id, color: { color: c, highlight: c, hover: c }, font: { color: "#546E7A" } };
      }));
    });
  }

  // ---- details panel ----
  var details = document.getElementById("kgb-details-body");
  function linkTo(id) {
    var button = el("button", labelOf(id), "kgb-link");
    button.type = "button";
    button.addEventListener("click", function () { focusNode(id); });
    return button;
  }
  function linkList(ids) {
    var span = el("span");
    ids.forEach(function (id, i) {
      if (i) { span.appendChild(document.createTextNode(", ")); }
      span.appendChild(linkTo(id));
    });
    return span;
  }
  function row(dl, term, value) {
    dl.appendChild(el("dt", term));
    var dd = el("dd");
    if (value instanceof Node) { dd.appendChild(value); } else { dd.textContent = String(value); }
    dl.appendChild(dd);
  }
  function source(n) {
    var text = articleText(n);
    return text ? el("p", "Source: " + text, "kgb-source") : null;
  }
  function showCommitment(n, body) {
    var negative = attr(n, "polarity") === "Negative";
    body.appendChild(el("h3", (negative ? "✗ " : "") + attr(n, "action")));
    var dl = el("dl");
    row(dl, "Status", attr(n, "status") || "unknown");
    var polarity = el("span", negative ? "Negative: will NOT do this" : (attr(n, "polarity") || "unknown"));
    if (negative) { polarity.className = "kgb-negative"; }
    row(dl, "Polarity", polarity);
    var roles = rolesOf(n.id);
    ROLE_ORDER.forEach(function (role) {
      if (roles[role].length) { row(dl, ROLE_TITLES[role], linkList(roles[role])); }
    });
    var conditions = conditionsOf(n.id);
    if (conditions.length) {
      var list = el("ul");
      conditions.forEach(function (c) {
        var item = el("li", (attr(c, "condition_type") ? attr(c, "condition_type") + ": " : "") + (attr(c, "text") || attr(c, "label")));
        list.appendChild(item);
      });
      row(dl, "Conditions", list);
    } else {
      row(dl, "Conditions", "none");
    }
    body.appendChild(dl);
    if (attr(n, "quote")) { body.appendChild(el("blockquote", attr(n, "quote"))); }
    var src = source(n);
    if (src) { body.appendChild(src); }
  }
  function showActor(n, body) {
    body.appendChild(el("h3", attr(n, "label")));
    var dl = el("dl");
    row(dl, "Type", attr(n, "actor_type"));
    var wikidata = attr(n, "wikidata");
    if (WIKIDATA.test(wikidata)) {
      var a = el("a", wikidata.split("/").pop());
      a.href = wikidata;
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      row(dl, "Wikidata", a);
    } else {
      row(dl, "Wikidata", wikidata || "not linked");
    }
    var actsFor = outEdges.get(n.id).filter(function (e) { return e.roles.indexOf("acts_for") !== -1; }).map(function (e) { return e.to; });
    if (actsFor.length) { row(dl, "Acts for", linkList(actsFor)); }
    var memberOf = outEdges.get(n.id).filter(function (e) { return e.roles.indexOf("member_of") !== -1; }).map(function (e) { return e.to; });
    if (memberOf.length) { row(dl, "Member of", linkList(memberOf)); }
    var members = inEdges.get(n.id).filter(function (e) { return e.roles.indexOf("member_of") !== -1; }).map(function (e) { return e.from; });
    if (members.length) { row(dl, "Members", linkList(members)); }
    var people = inEdges.get(n.id).filter(function (e) { return e.roles.indexOf("acts_for") !== -1; }).map(function (e) { return e.from; });
    if (people.length) { row(dl, "Spoken for by", linkList(people)); }
    body.appendChild(dl);
    ROLE_ORDER.forEach(function (role) {
      var commitments = inEdges.get(n.id).filter(function (e) { return e.roles.indexOf(role) !== -1 && state.visible.has(e.from); })
        .map(function (e) { return e.from; });
      if (!commitments.length) { return; }
      body.appendChild(el("h4", "As " + ROLE_TITLES[role].toLowerCase() + " (" + commitments.length + ")"));
      var list = el("ul");
      commitments.forEach(function (id) { var li = el("li"); li.appendChild(linkTo(id)); list.appendChild(li); });
      body.appendChild(list);
    });
  }
  function showCondition(n, body) {
    body.appendChild(el("h3", attr(n, "text") || attr(n, "label")));
    var dl = el("dl");
    row(dl, "Type", attr(n, "condition_type") || "unknown");
    var owners = inEdges.get(n.id).filter(function (e) { return e.roles.indexOf("condition") !== -1; }).map(function (e) { return e.from; });
    if (owners.length) { row(dl, "Condition of", linkList(owners)); }
    body.appendChild(dl);
    if (attr(n, "quote")) { body.appendChild(el("blockquote", attr(n, "quote"))); }
    var src = source(n);
    if (src) { body.appendChild(src); }
  }
  function showNode(id) {
    var n = byId.get(id);
    details.textContent = "";
    if (!n) { return; }
    if (n.kind === "commitment") { showCommitment(n, details); }
    else if (n.kind === "actor") { showActor(n, details); }
    else { showCondition(n, details); }
  }
  function showActorPair(edgeId) {
    var e = actorEdges.get(edgeId);
    if (!e) { return; }
    details.textContent = "";
    details.appendChild(el("h3", labelOf(e.from) + " → " + labelOf(e.to)));
    details.appendChild(el("p", e.weight + " commitment(s) with this debtor and beneficiary:", "kgb-hint"));
    var list = el("ul");
    (actorPairs.get(edgeId) || []).forEach(function (id) {
      var li = el("li");
      li.appendChild(linkTo(id));
      li.appendChild(document.createTextNode(" (" + attr(byId.get(id), "status") + ")"));
      list.appendChild(li);
    });
    details.appendChild(list);
  }
  function showHint() {
    details.textContent = "";
    details.appendChild(el("p", "Click a node or an edge to see its details and the sentence it comes from.", "kgb-hint"));
  }

  // ---- network ----
  var container = document.getElementById("kgb-network");
  var network = new vis.Network(container, { nodes: fullNodes, edges: fullEdges }, DATA.options);
  function focusNode(id) {
    var n = byId.get(id);
    if (!n) { return; }
    if (n.kind !== "actor" && state.view !== "full") { setView("full"); }
    if (!state.visible.has(id)) { resetFilters(); }
    network.selectNodes([id]);
    highlight([id]);
    showNode(id);
    network.focus(id, { scale: Math.max(network.getScale(), 0.8), animation: false });
  }
  network.on("click", function (params) {
    if (params.nodes.length) {
      highlight(params.nodes);
      showNode(params.nodes[0]);
    } else if (params.edges.length) {
      var edge = currentEdges().get(params.edges[0]);
      if (state.view === "actors") { showActorPair(edge.id); highlight([edge.from, edge.to]); }
      else if (edge) { highlight([edge.from]); showNode(edge.from); }
    } else {
      clearHighlight();
      showHint();
    }
  });

  // ---- views ----
  var viewButtons = document.querySelectorAll("#kgb-views button[data-view]");
  function setView(view) {
    state.view = view;
    clearHighlight();
    network.setData(view === "full" ? { nodes: fullNodes, edges: fullEdges } : { nodes: actorNodes, edges: actorEdges });
    viewButtons.forEach(function (b) { b.setAttribute("aria-pressed", String(b.dataset.view === view)); });
    document.body.dataset.view = view;
    updateCounts();
    fit();
  }
  viewButtons.forEach(function (b) { b.addEventListener("click", function () { setView(b.dataset.view); }); });
  function fit() {
    var ids = currentNodes().getIds({ filter: function (n) { return !n.hidden; } });
    network.fit({ nodes: ids, animation: false });
  }
  document.getElementById("kgb-fit").addEventListener("click", fit);

  // ---- counts and empty states ----
  var counts = document.getElementById("kgb-counts");
  var empty = document.getElementById("kgb-empty");
  function updateCounts() {
    var tally = { actor: 0, commitment: 0, condition: 0 };
    state.visible.forEach(function (id) { tally[byId.get(id).kind] += 1; });
    var text = tally.actor + " actors · " + tally.commitment + " commitments · " + tally.condition + " conditions";
    if (state.view === "actors") { text += " · " + actorEdges.length + " debtor → beneficiary links"; }
    if (filterActive()) { text += " (filtered)"; }
    counts.textContent = text;
    if (!DATA.nodes.length) {
      empty.textContent = "This graph has no actors, commitments or conditions yet.";
      empty.hidden = false;
    } else if (!state.visible.size) {
      empty.textContent = "No commitment passes the filters. Reset them to see the whole graph.";
      empty.hidden = false;
    } else {
      empty.hidden = true;
    }
  }

  // ---- filter controls ----
  var statusBox = document.getElementById("kgb-filter-status");
  var statusCounts = new Map();
  DATA.nodes.forEach(function (n) {
    if (n.kind === "commitment") { statusCounts.set(attr(n, "status"), (statusCounts.get(attr(n, "status")) || 0) + 1); }
  });
  var statusOptions = DATA.statuses.slice();
  if (unknownStatuses) { statusOptions.push({ name: "", label: "Unknown", fill: "#FAFAFA", border: "#BDBDBD" }); }
  statusOptions.forEach(function (s) {
    var label = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.name = "status";
    box.value = s.name;
    box.checked = true;
    label.appendChild(box);
    var swatch = el("span", null, "kgb-swatch");
    swatch.style.backgroundColor = s.fill;
    swatch.style.borderColor = s.border;
    label.appendChild(swatch);
    label.appendChild(document.createTextNode(" " + s.label + " "));
    label.appendChild(el("span", "(" + (statusCounts.get(s.name) || 0) + ")", "kgb-count"));
    statusBox.appendChild(label);
  });
  var articleSelect = document.getElementById("kgb-filter-article");
  DATA.articles.forEach(function (a) {
    var option = el("option", a.date ? a.date + " · " + a.title : a.title);
    option.value = a.iri;
    articleSelect.appendChild(option);
  });
  var conditionSelect = document.getElementById("kgb-filter-conditions");
  function readControls() {
    state.statuses = new Set(Array.from(document.querySelectorAll("input[name=status]:checked")).map(function (b) { return b.value; }));
    state.polarities = new Set(Array.from(document.querySelectorAll("input[name=polarity]:checked")).map(function (b) { return b.value; }));
    state.article = articleSelect.value;
    state.conditions = conditionSelect.value;
  }
  function onFilterChange() { readControls(); refresh(); showHint(); }
  document.querySelectorAll("#kgb-filters input").forEach(function (b) { b.addEventListener("change", onFilterChange); });
  articleSelect.addEventListener("change", onFilterChange);
  conditionSelect.addEventListener("change", onFilterChange);
  function resetFilters() {
    document.querySelectorAll("#kgb-filters input[type=checkbox]").forEach(function (b) { b.checked = true; });
    articleSelect.value = "";
    conditionSelect.value = "";
    readControls();
    refresh();
  }
  document.getElementById("kgb-reset").addEventListener("click", function () { resetFilters(); showHint(); });

  // ---- search by actor name ----
  var search = document.getElementById("kgb-search");
  var searchStatus = document.getElementById("kgb-search-status");
  var names = document.getElementById("kgb-actor-names");
  var actorLabels = Array.from(new Set(DATA.nodes.filter(function (n) { return n.kind === "actor"; })
    .map(function (n) { return attr(n, "label"); }))).sort();
  actorLabels.forEach(function (label) { var option = el("option"); option.value = label; names.appendChild(option); });
  function runSearch() {
    var query = search.value.trim().toLowerCase();
    if (!query) { searchStatus.textContent = ""; clearHighlight(); network.unselectAll(); return; }
    var matches = DATA.nodes.filter(function (n) {
      return n.kind === "actor" && state.visible.has(n.id) && attr(n, "label").toLowerCase().indexOf(query) !== -1;
    });
    matches.sort(function (a, b) {
      var exact = (attr(b, "label").toLowerCase() === query) - (attr(a, "label").toLowerCase() === query);
      return exact || (attr(a, "label") < attr(b, "label") ? -1 : 1);
    });
    if (!matches.length) {
      searchStatus.textContent = "No visible actor matches “" + search.value.trim() + "”.";
      return;
    }
    var ids = matches.map(function (n) { return n.id; });
    searchStatus.textContent = matches.length === 1 ? "1 actor found." : matches.length + " actors found: " + matches.map(function (n) { return attr(n, "label"); }).join(", ");
    network.selectNodes(ids);
    highlight(ids);
    showNode(ids[0]);
    network.fit({ nodes: Array.from(neighbourhood(ids)), animation: false });
  }
  search.addEventListener("change", runSearch);
  search.addEventListener("keydown", function (event) { if (event.key === "Enter") { runSearch(); } });
  search.addEventListener("search", runSearch);

  // ---- start ----
  readControls();
  refresh();
  setView(state.view);
  network.once("afterDrawing", function () { document.documentElement.dataset.kgbReady = "1"; });
  network.redraw();
  // For tests and for analysts' own scripts in the console.
  window.kgbViewer = {
    network: network,
    view: function () { return state.view; },
    setView: setView,
    visibleNodeIds: function () {
      return currentNodes().getIds({ filter: function (n) { return !n.hidden; } }).sort();
    },
    visibleEdgeCount: function () {
      return currentEdges().getIds({ filter: function (e) { return !e.hidden; } }).length;
    },
    focusNode: focusNode,
    resetFilters: resetFilters
  };
}());
