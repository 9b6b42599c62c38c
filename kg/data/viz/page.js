/* kg graph view: legend, filters, search and a details panel over vis-network.
 * Every string from the data goes on screen through textContent (never as markup),
 * so names and sentences that look like HTML stay text. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var meta = data.meta || {};
  /* The data comes as compact tables (kg/view/viz.py _encode; viz.expand reads them the
   * same way in Python): node i's id, type, label ... are the i-th entries of the
   * columns of data.n, link j's those of data.e; W holds repeated short strings, Z the
   * source sentences, E the citations (sentence, anchor, article: four numbers each). */
  var N = data.n, X = data.e, W = data.W || [""], Z = data.Z || [], E = data.E || [];
  var A = data.A || [], T = data.T || [], R = data.R || [];
  var count = N.l.length, linkCount = X.t.length;
  var ids = [], at = {};
  (function () {
    var k = 0;
    N.p.forEach(function (run) {  // [prefix, count] or [prefix, count, width of each tail]
      var j;
      if (run.length > 2) {
        var joined = N.i[k++];
        for (j = 0; j < run[1]; j++) { ids.push(run[0] + joined.substr(j * run[2], run[2])); }
      } else {
        for (j = 0; j < run[1]; j++) { ids.push(run[0] + N.i[k++]); }
      }
    });
    ids.forEach(function (id, i) { at[id] = i; });
  }());
  var typeNames = {};
  (meta.types || []).forEach(function (t) { typeNames[t.type] = t; });
  var relNames = {};
  (meta.relations || []).forEach(function (r) { relNames[r.relation] = r; });
  var SHOWN_SOURCES = 50;  // viz.EVIDENCE_SHOWN

  function short(label) {
    if (label.length <= 18) { return label; }
    var chars = Array.from(label);
    return chars.length <= 18 ? label : chars.slice(0, 17).join("") + "\u2026";
  }
  // citations: 0, n or [n, ...]; a last -m: m in all (the page left some out)
  function cites(v) {
    var refs = !v ? [] : typeof v === "number" ? [v] : v.slice();
    var total = refs.length && refs[refs.length - 1] < 0 ? -refs.pop() : refs.length;
    return { refs: refs, total: total };
  }
  function typeOf(i) { return T[N.t[i]][0]; }

  // link ends, each node's links in order, and its number of neighbours
  var linkFrom = [], incident = [], degree = [];
  (function () {
    var source = 0, i, j;
    for (i = 0; i < count; i++) { incident.push([]); degree.push(0); }
    for (j = 0; j < linkCount; j++) {
      source += X.f[j];
      linkFrom.push(source);
      incident[source].push(j);
      if (X.t[j] !== source) { incident[X.t[j]].push(j); }
    }
    var stamp = new Int32Array(count).fill(-1);  // stamp[k] === i: k counted for i
    for (i = 0; i < count; i++) {
      var mine = incident[i];
      for (var m = 0; m < mine.length; m++) {
        var other = linkFrom[mine[m]] === i ? X.t[mine[m]] : linkFrom[mine[m]];
        if (other !== i && stamp[other] !== i) { stamp[other] = i; degree[i]++; }
      }
    }
  }());
  function linkLabel(j) { return String(j) in X.l ? W[X.l[j]] : R[X.r[j]][1]; }

  var view = window.kgView = {
    ready: false, readyAt: null, hiddenTypes: {}, hiddenRelations: {},
    expanded: {}, pinned: {}
  };
  (meta.collapsed || []).forEach(function (type) { view.hiddenTypes[type] = true; });
  var revealed = {};  // node number -> how many expanded nodes show it

  /* ---- the date filter: what is attested in a range of dates ----
   * The slider spans the dates of the view's articles and holdings (meta.dates, first
   * and last). At its full range nothing is hidden; narrower, these are out of range:
   *  - an article whose date is not in it (an undated article too), an event whose date
   *    (when it has one) is not in it;
   *  - a holding (person -> agency or post) whose span [first attested, reported end,
   *    else last attested] does not overlap it;
   *  - a person, agency, post, program or undated event with none of: a holding that
   *    overlaps the range, a link to an article or dated event in the range (mentions,
   *    author, participates, organizes), for an agency a post of it in range.
   * Other links are shown when both their ends are. Out of range wins over the legend
   * and over expanding (a node expands to its neighbours in range only); a node picked
   * by hand (search, a link in the details) is shown anyway, not its holdings. */
  var dates = meta.dates && meta.dates.length === 2 ? meta.dates : null;
  var SPAN = X.v || {};
  var outRange = new Uint8Array(count), linkOut = new Uint8Array(linkCount);
  var range = null;  // [from, to] (YYYY-MM-DD) while the filter narrows the view, else null
  function day(s) {  // YYYY-MM-DD (of a date or date-time), else "" (viz._day)
    var d = String(s || "").slice(0, 10);
    return /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : "";
  }
  function spanOf(j) {  // a holding's [from, until, ended], or null when it has no dates
    var v = SPAN[j];
    if (!v) { return null; }
    var begin = day(W[v[0]]), until = day(W[v[2]]) || day(W[v[1]]) || begin;
    return until ? [begin || until, until, !!v[2] || v.length > 3] : null;
  }
  function datedNode(i) {
    var type = typeOf(i);
    return type === "Article" || (type === "Event" && !!N.d[i]);
  }
  function inRange(from, until) { return !range || (from <= range[1] && until >= range[0]); }
  function computeRange() {
    outRange.fill(0);
    linkOut.fill(0);
    if (!range) { return; }
    var keep = new Uint8Array(count), dated = new Uint8Array(count), i, j;
    for (i = 0; i < count; i++) {
      if (datedNode(i)) {
        var d = day(W[N.d[i]]);
        dated[i] = 1;
        keep[i] = d && inRange(d, d) ? 1 : 0;
      }
    }
    for (j = 0; j < linkCount; j++) {
      var a = linkFrom[j], b = X.t[j], s = spanOf(j);
      if (s) {
        if (!inRange(s[0], s[1])) { linkOut[j] = 1; continue; }
        if (!dated[a]) { keep[a] = 1; }
        if (!dated[b]) { keep[b] = 1; }
      } else if (dated[a] && keep[a] && !dated[b]) {
        keep[b] = 1;
      } else if (dated[b] && keep[b] && !dated[a]) {
        keep[a] = 1;
      }
    }
    for (j = 0; j < linkCount; j++) {  // the agency of a post in range (a view with posts)
      if (R[X.r[j]][0] === "post_in" && keep[linkFrom[j]] && !dated[X.t[j]]) { keep[X.t[j]] = 1; }
    }
    for (i = 0; i < count; i++) { outRange[i] = keep[i] ? 0 : 1; }
  }

  function hiddenNow(i) {
    if (view.pinned[ids[i]]) { return false; }
    return !!outRange[i] || (!!view.hiddenTypes[typeOf(i)] && !revealed[i]);
  }

  var hiddenState = [], opacity = [], dimmed = null;
  var visNodes = [];
  for (var i = 0; i < count; i++) {
    var t = T[N.t[i]], label = N.l[i];
    var node = { id: ids[i], label: short(label), shape: t[3], color: t[2],
                 title: t[1] + ": " + label, kgType: t[0],
                 size: String(i) in N.s ? N.s[i] : Math.round((8 + 4 * Math.log2(1 + degree[i])) * 10) / 10 };
    if (N.x[i] !== null && N.y[i] !== null) { node.x = N.x[i]; node.y = N.y[i]; }
    hiddenState.push(hiddenNow(i));
    opacity.push(1);
    if (hiddenState[i]) { node.hidden = true; }
    visNodes.push(node);
  }
  var visEdges = [], pairs = {};
  for (var j = 0; j < linkCount; j++) {
    var r = R[X.r[j]];  // relation, name, colour, dashed, inverse name, undirected
    var text = linkLabel(j);
    var edge = { id: "e" + j, from: ids[linkFrom[j]], to: ids[X.t[j]], relation: r[0],
                 color: r[2], dashes: !!r[3], title: text !== r[1] ? r[1] + ": " + text : r[1],
                 width: r[0] === "mentions" ? 0.5 :
                   Math.round((1 + Math.log2(Math.max(1, X.w[j] || 1))) * 100) / 100 };
    edge.arrows = r[5] ? { to: { enabled: false } } : "to";
    if (!meta.large && (r[0] === "holds" || r[0] === "participates" || r[0] === "author")) {
      edge.label = short(text);
    }
    var ends = Math.min(linkFrom[j], X.t[j]) + " " + Math.max(linkFrom[j], X.t[j]);
    var parallel = pairs[ends] = ends in pairs ? pairs[ends] + 1 : 0;
    if (parallel && linkFrom[j] !== X.t[j]) {  // links between the same two nodes curve apart
      edge.smooth = { enabled: true, type: parallel % 2 ? "curvedCW" : "curvedCCW",
                      roundness: 0.2 * Math.floor((parallel + 1) / 2) };
    }
    visEdges.push(edge);
  }

  function citation(n) {
    // sentence, anchor (start and length in it, or -1 and its number in W), article
    var z = E[4 * n - 4], start = E[4 * n - 3], length = E[4 * n - 2], a = E[4 * n - 1];
    var ev = { sentence: Z[z], anchor: start >= 0 ? Z[z].substr(start, length) : W[length],
               article: "", headline: "", date: "" };
    if (a > 0) {
      ev.article = ids[a - 1]; ev.headline = N.l[a - 1]; ev.date = W[N.d[a - 1]];
    } else if (a < 0) {
      ev.article = A[-a - 1][0]; ev.headline = A[-a - 1][1]; ev.date = A[-a - 1][2];
    }
    return ev;
  }

  /* What the details panel shows for node number i (the same as viz.expand). */
  function detailsOf(i) {
    var key = String(i), d = { type: key in N.ty ? N.ty[key] : typeOf(i), label: N.l[i] };
    if (N.k[i]) { d.kind = W[N.k[i]]; }
    if (N.a[key]) { d.alt_labels = N.a[key]; }
    if (N.d[i]) { d.date = W[N.d[i]]; }
    if (N.o[key]) {
      d.posts = N.o[key].map(function (p) {  // post -1: the agency's name and the role
        return { post: p[0] < 0 ? W[p[2]] + W[p[1]] : W[p[0]], role: W[p[1]], organization: W[p[2]],
                 dates: p[3].map(function (x) { return W[x]; }),
                 begin: p.length > 4 ? W[p[4]] : "", last_attested: p.length > 4 ? W[p[5]] : "",
                 end: p.length > 4 ? W[p[6]] : "", former: p.length > 7 };
      });
    }
    if (N.f[key]) {
      d.figures = N.f[key].map(function (f) {
        return { indicator: W[f[0]], surface: f[1], value: f[2] };
      });
    }
    var c = cites(N.e[i]);
    if (c.refs.length) { d.evidence = c.refs.map(citation); }
    if (c.total > c.refs.length) { d.evidence_total = c.total; }
    var iri = key in N.r ? N.r[key] : ids[i];
    if (iri) { d.iri = iri; }
    return d;
  }

  function edgeDetailsOf(j) {
    var key = String(j), r = R[X.r[j]];
    var d = { weight: X.w[key] || 1 };
    var c = cites(X.e[j]);
    if (c.refs.length) { d.evidence = c.refs.map(citation); }
    if (c.total > c.refs.length) { d.evidence_total = c.total; }
    if (X.d[key]) { d.dates = X.d[key].map(function (x) { return W[x]; }); }
    if (SPAN[key]) {  // begin, last attested, end (numbers into W), then 1: former
      ["begin", "last_attested", "end"].forEach(function (name, k) {
        if (SPAN[key][k]) { d[name] = W[SPAN[key][k]]; }
      });
      if (SPAN[key].length > 3) { d.former = true; }
    }
    if (X.o[key]) {  // post -(k+1): the agency's name and W[k]
      d.posts = X.o[key].map(function (x) { return x < 0 ? N.l[X.t[j]] + W[-x - 1] : W[x]; });
    }
    d.relation = r[0];
    d.relation_label = r[1];
    d.inverse_label = r[4];
    d.undirected = !!r[5];
    d.label = linkLabel(j);
    return d;
  }

  // all nodes and links are in these data sets; the network draws views of them that
  // hold only what is shown, so hidden kinds (a large build's programs ...) cost it nothing
  var nodes = new vis.DataSet(visNodes);
  var edges = new vis.DataSet(visEdges);
  visNodes = visEdges = null;
  var shownNodes = new vis.DataView(nodes, { filter: function (n) { return !n.hidden; } });
  var shownEdges = new vis.DataView(edges, { filter: function (e) {
    return !e.hidden && !linkOut[+e.id.slice(1)] && !hiddenState[at[e.from]] && !hiddenState[at[e.to]];
  } });
  var container = document.getElementById("kg-net");
  var network = new vis.Network(container, { nodes: shownNodes, edges: shownEdges }, data.options);
  view.network = network;
  view.nodes = nodes;
  view.edges = edges;
  view.details = function (id) { return at[id] === undefined ? null : detailsOf(at[id]); };
  view.edgeDetails = function (eid) {
    var j = Number(String(eid).slice(1));
    return /^e\d+$/.test(String(eid)) && j < linkCount ? edgeDetailsOf(j) : null;
  };

  network.fit({ animation: false });
  // the most connected people and agencies keep a label at the fitted zoom (vis-network
  // draws a label only when its size on screen passes a few pixels)
  var fitted = network.getScale();
  nodes.update((meta.central || []).filter(function (id) { return nodes.get(id); }).map(function (id) {
    return { id: id, font: { size: Math.max(14, Math.ceil(7 / Math.max(fitted, 0.01))) } };
  }));
  network.once("afterDrawing", function () {
    view.ready = true;
    view.readyAt = performance.now();
    document.body.setAttribute("data-kg-ready", "1");
    // a focused view opens on its centre: selected, details shown, whole view in sight
    var centre = (meta.focus_ids || [])[0];
    if (centre && nodes.get(centre)) {
      network.selectNodes([centre]);
      showNode(centre);
    }
  });

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  function typeLabel(type) {
    var t = typeNames[type];
    return t ? t.name + " " + type : type;
  }

  /* ---- legend and filters; what is shown ---- */
  // a node is hidden when its type is unticked in the legend, unless a node expanded
  // next to it shows it, or it was picked (search, a link in the panel)
  function settle(links) {  // links: the date range changed, refresh the links anyway
    var again = true;
    while (again) {  // an expanded node that is hidden itself shows nothing
      again = false;
      Object.keys(view.expanded).forEach(function (id) {
        if (hiddenNow(at[id])) { release(id); again = true; }
      });
    }
    var updates = [];
    for (var i = 0; i < count; i++) {
      var hide = hiddenNow(i);
      if (hiddenState[i] !== hide) {
        hiddenState[i] = hide;
        updates.push({ id: ids[i], hidden: hide });
      }
    }
    if (updates.length || links) {
      // vis-network draws the whole network after each change of what it holds: draw
      // once, after the nodes, their links and their opacity have all changed
      var renderer = network.renderer && "allowRedraw" in network.renderer ? network.renderer : null;
      if (renderer) { renderer.allowRedraw = false; }
      try {
        if (updates.length) { nodes.update(updates); }
        shownEdges.refresh();  // links whose ends were shown or hidden
        if (dimmed !== null) {
          if (hiddenState[at[dimmed]]) { undim(); } else { dim(dimmed); }
        }
      } finally {
        if (renderer) { renderer.allowRedraw = true; network.redraw(); }
      }
    }
    return updates.length;
  }

  function applyFilters() {
    settle();
    var eupdates = [];
    edges.forEach(function (e) {
      var hide = !!view.hiddenRelations[e.relation];
      if (!!e.hidden !== hide) { eupdates.push({ id: e.id, hidden: hide }); }
    });
    if (eupdates.length) { edges.update(eupdates); }
    status();
  }

  function filterBox(parent, key, glyph, color, name, count, store, swatch) {
    var label = el("label", "kg-filter");
    var box = el("input");
    box.type = "checkbox";
    box.checked = !store[key];
    box.setAttribute("data-filter", key);
    box.addEventListener("change", function () {
      if (box.checked) { delete store[key]; } else { store[key] = true; }
      applyFilters();
    });
    label.appendChild(box);
    var mark = el("span", swatch ? "kg-swatch" : "kg-glyph", swatch ? "" : glyph);
    if (swatch) { mark.style.background = color; } else { mark.style.color = color; }
    label.appendChild(mark);
    label.appendChild(document.createTextNode(name + " "));
    label.appendChild(el("span", "kg-count", "(" + count + ")"));
    parent.appendChild(label);
  }

  var typesBox = document.getElementById("kg-types");
  (meta.types || []).forEach(function (t) {
    filterBox(typesBox, t.type, t.glyph, t.color, t.name + " " + t.type, t.count, view.hiddenTypes, false);
  });
  var relBox = document.getElementById("kg-relations");
  (meta.relations || []).forEach(function (r) {
    filterBox(relBox, r.relation, "", r.color, r.name + " " + r.relation, r.count, view.hiddenRelations, true);
  });

  function shownCount() {
    var shown = 0;
    for (var i = 0; i < count; i++) { if (!hiddenState[i]) { shown++; } }
    return shown;
  }
  function status() {
    document.getElementById("kg-status").textContent =
      shownCount() + " / " + count + " nodes, " + linkCount + " links";
  }
  status();

  /* ---- what this page leaves hidden or out, and how to get it ---- */
  (function () {
    var note = document.getElementById("kg-note");
    if (!note) { return; }
    var hidden = (meta.types || []).filter(function (t) { return view.hiddenTypes[t.type]; });
    if (hidden.length) {
      note.appendChild(el("p", "", "先收起 Hidden at first: " + hidden.map(function (t) {
        return t.name + " " + t.count;
      }).join(" · ") + "。在图例中勾选显示全部，或在节点详情中点“展开”（或双击节点）只显示它的邻居。" +
        " Tick a type in the legend to show all of it, or expand one node (its details, or double-click it)."));
    }
    var out = meta.left_out || {};
    if (out.citations) {
      var p = el("p", "kg-left-out", "本页未收入 " + out.sentences + " / " + out.of +
        " 条来源句子（页面不超过 " + (meta.max_bytes / 1e6).toFixed(1) + " MB；节点与连线全部收入）。" +
        "完整版 Everything: ");
      p.appendChild(el("code", "", "kg viz OUT --full"));
      p.appendChild(document.createTextNode(" (OUT: the build folder), or one name with all its sources: "));
      p.appendChild(el("code", "", "kg viz OUT --focus 名字"));
      note.appendChild(p);
    }
  }());

  /* ---- the date filter's slider (the rule: computeRange above) ---- */
  var dateFrom = document.getElementById("kg-date-from"), dateTo = document.getElementById("kg-date-to");
  var DAY = 86400000;
  function dayNumber(text) {  // days since the first date (UTC: the same everywhere)
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day(text));
    return m ? Math.round((Date.UTC(+m[1], +m[2] - 1, +m[3]) - Date.UTC(+dates[0].slice(0, 4),
      +dates[0].slice(5, 7) - 1, +dates[0].slice(8, 10))) / DAY) : 0;
  }
  function dateOf(number) {
    return new Date(Date.UTC(+dates[0].slice(0, 4), +dates[0].slice(5, 7) - 1,
                             +dates[0].slice(8, 10)) + number * DAY).toISOString().slice(0, 10);
  }
  function rangeText() {
    return dates ? dateOf(+dateFrom.value) + " \u2013 " + dateOf(+dateTo.value) : "";
  }
  // apply what the slider shows (the whole span: no filter)
  function applyRange() {
    var last = +dateTo.max, from = +dateFrom.value, to = +dateTo.value;
    var wanted = from <= 0 && to >= last ? null : [dateOf(from), dateOf(to)];
    document.getElementById("kg-date-text").textContent = rangeText();
    if (JSON.stringify(wanted) === JSON.stringify(range)) { return false; }
    range = wanted;
    computeRange();
    settle(true);
    status();
    var shown = panel.getAttribute("data-node");
    if (shown) { showNode(shown); }
    return true;
  }
  function setDateRange(from, to) {
    if (!dates) { return ""; }
    dateFrom.value = String(Math.min(dayNumber(from || dates[0]), dayNumber(to || dates[1])));
    dateTo.value = String(Math.max(dayNumber(from || dates[0]), dayNumber(to || dates[1])));
    applyRange();
    return rangeText();
  }
  if (dates) {
    document.getElementById("kg-dates").hidden = false;
    var span = String(Math.max(1, dayNumber(dates[1])));
    dateFrom.max = dateTo.max = span;
    dateFrom.value = "0";
    dateTo.value = span;
    document.getElementById("kg-date-text").textContent = rangeText();
    [dateFrom, dateTo].forEach(function (input) {
      input.addEventListener("input", function () {
        // the handles never cross: the one moved pushes the other
        if (+dateFrom.value > +dateTo.value) {
          if (input === dateFrom) { dateTo.value = dateFrom.value; } else { dateFrom.value = dateTo.value; }
        }
        // a large view filters when the handle is let go, a small one as it moves
        if (meta.large) { document.getElementById("kg-date-text").textContent = rangeText(); }
        else { applyRange(); }
      });
      input.addEventListener("change", applyRange);
    });
    document.getElementById("kg-date-all").addEventListener("click", function () {
      setDateRange(dates[0], dates[1]);
    });
  }

  /* ---- relax: physics on until stable, then off again ---- */
  document.getElementById("kg-relax").addEventListener("click", function () {
    network.setOptions({ physics: { enabled: true, solver: "barnesHut", stabilization: false,
      barnesHut: { springLength: 90, avoidOverlap: 0.2 } } });
    var stop = function () { network.setOptions({ physics: { enabled: false } }); };
    network.once("stabilized", stop);
    setTimeout(stop, 4000);
  });

  /* ---- dim what a selection does not touch; fit and reset; PNG ---- */
  // only the nodes shown are dimmed, and only those whose opacity changes are updated
  function dim(id) {
    var keep = {}, updates = [];
    keep[id] = true;
    network.getConnectedNodes(id).forEach(function (n) { keep[n] = true; });
    for (var i = 0; i < count; i++) {
      var want = keep[ids[i]] ? 1 : 0.15;
      if (!hiddenState[i] && opacity[i] !== want) {
        opacity[i] = want;
        updates.push({ id: ids[i], opacity: want });
      }
    }
    if (updates.length) { nodes.update(updates); }
    dimmed = id;
  }
  function undim() {
    if (dimmed === null) { return; }
    var updates = [];
    for (var i = 0; i < count; i++) {
      if (opacity[i] !== 1) {
        opacity[i] = 1;
        updates.push({ id: ids[i], opacity: 1 });
      }
    }
    if (updates.length) { nodes.update(updates); }
    dimmed = null;
  }
  function reset() {
    undim();
    network.unselectAll();
    network.fit({ animation: false });
  }
  function png() {
    var canvas = document.querySelector("#kg-net canvas");
    return canvas ? canvas.toDataURL("image/png") : "";
  }
  document.getElementById("kg-fit").addEventListener("click", reset);
  document.getElementById("kg-png").addEventListener("click", function () {
    var a = document.createElement("a");
    a.href = png();
    a.download = "kg-graph.png";
    document.body.appendChild(a);
    a.click();
    document.body.removeChild(a);
  });

  /* ---- expand a node: show its hidden neighbours, and hide them again ---- */
  function neighbours(i) {
    var seen = {}, out = [];
    incident[i].forEach(function (j) {
      var other = linkFrom[j] === i ? X.t[j] : linkFrom[j];
      if (other !== i && !seen[other]) { seen[other] = true; out.push(other); }
    });
    return out.sort(function (a, b) { return a - b; });
  }
  function hiddenNeighbours(id) {
    var i = at[id];
    return i === undefined ? [] : neighbours(i).filter(function (n) {
      return hiddenNow(n) && !outRange[n];  // out of the date range: expanding does not show it
    }).map(function (n) { return ids[n]; });
  }
  function release(id) {
    (view.expanded[id] || []).forEach(function (n) {
      var k = at[n];
      revealed[k] -= 1;
      if (!revealed[k]) { delete revealed[k]; }
    });
    delete view.expanded[id];
  }
  function refresh(id) {
    status();
    if (panel.getAttribute("data-node") === id) { showNode(id); }
  }
  /* Show the node's hidden neighbours (the articles that mention a person, the programs
   * an agency leads ...); returns how many were shown. */
  function expand(id) {
    var i = at[id];
    if (i === undefined || view.expanded[id]) { return 0; }
    if (hiddenNow(i)) { view.pinned[id] = true; }
    var shown = hiddenNeighbours(id);
    shown.forEach(function (n) { revealed[at[n]] = (revealed[at[n]] || 0) + 1; });
    view.expanded[id] = shown;
    settle();
    refresh(id);
    return shown.length;
  }
  /* Hide again what expanding the node showed (and what expanding those showed);
   * returns how many nodes were hidden. */
  function collapse(id) {
    if (!view.expanded[id]) { return 0; }
    var before = shownCount();
    release(id);
    settle();
    refresh(id);
    return before - shownCount();
  }
  function toggle(id) { return view.expanded[id] ? -collapse(id) : expand(id); }

  /* ---- search ---- */
  var index = null;
  function searchIndex() {
    if (index) { return index; }
    index = [];
    for (var i = 0; i < count; i++) {
      var key = String(i);
      var posts = (N.o[key] || []).map(function (p) { return p[0] < 0 ? W[p[2]] + W[p[1]] : W[p[0]] || (W[p[2]] + W[p[1]]); });
      var words = [N.l[i]].concat(N.a[key] || [], posts).join("\u0001").toLowerCase();
      index.push({ id: ids[i], label: N.l[i] || ids[i], type: key in N.ty ? N.ty[key] : typeOf(i),
                   kgType: typeOf(i), text: words });
    }
    return index;
  }
  var search = document.getElementById("kg-search");
  var results = document.getElementById("kg-results");

  function find(query) {
    var q = String(query || "").trim().toLowerCase();
    if (!q) { return []; }
    var hits = searchIndex().filter(function (item) {
      return item.text.indexOf(q) !== -1 && !hiddenState[at[item.id]];
    });
    hits.sort(function (a, b) {
      var pa = a.label.toLowerCase() === q ? 0 : a.label.toLowerCase().indexOf(q) === 0 ? 1 : 2;
      var pb = b.label.toLowerCase() === q ? 0 : b.label.toLowerCase().indexOf(q) === 0 ? 1 : 2;
      return pa - pb || a.label.length - b.label.length || (a.label < b.label ? -1 : 1);
    });
    return hits.slice(0, 30).map(function (item) {
      return { id: item.id, label: item.label, type: item.type, text: item.text };
    });
  }

  function showResults() {
    while (results.firstChild) { results.removeChild(results.firstChild); }
    find(search.value).forEach(function (item, i) {
      var li = el("li", i === 0 ? "kg-active" : "");
      var t = typeNames[item.type];
      var glyph = el("span", "kg-glyph", t ? t.glyph : "\u25cf");
      if (t) { glyph.style.color = t.color; }
      li.appendChild(glyph);
      li.appendChild(document.createTextNode(item.label));
      li.setAttribute("data-id", item.id);
      li.addEventListener("click", function () { select(item.id); });
      results.appendChild(li);
    });
  }
  search.addEventListener("input", showResults);
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") {
      var first = find(search.value)[0];
      if (first) { select(first.id); }
    }
  });

  /* ---- details panel ---- */
  var panel = document.getElementById("kg-details");

  function clearPanel() { while (panel.firstChild) { panel.removeChild(panel.firstChild); } }

  function nodeLink(id) {
    var i = at[id];
    var a = el("span", i !== undefined && hiddenState[i] ? "kg-link kg-hidden" : "kg-link",
               i === undefined ? id : N.l[i] || id);
    a.setAttribute("data-id", id);
    a.addEventListener("click", function () { select(id); });
    return a;
  }

  function sentence(ev) {
    var q = el("blockquote", "kg-sentence");
    var s = ev.sentence || ev.anchor || "";
    var anchor = ev.anchor || "";
    var pos = anchor ? s.indexOf(anchor) : -1;
    if (pos >= 0) {
      q.appendChild(document.createTextNode(s.slice(0, pos)));
      q.appendChild(el("mark", "", anchor));
      q.appendChild(document.createTextNode(s.slice(pos + anchor.length)));
    } else {
      q.textContent = s;
    }
    return q;
  }

  function evidenceList(list, total, name) {
    list = list || [];
    total = Math.max(total || 0, list.length);
    if (!total) { return; }
    panel.appendChild(el("h3", "", "来源句子 Sources (" +
      (total > list.length ? list.length + " / " + total : total) + ")"));
    list.slice(0, SHOWN_SOURCES).forEach(function (ev) {
      panel.appendChild(sentence(ev));
      var src = el("p", "kg-source");
      var where = [];
      if (ev.headline) { where.push("《" + ev.headline + "》"); }
      if (ev.date) { where.push(ev.date); }
      src.textContent = where.join(" · ") || ev.article || "";
      if (ev.article && at[ev.article] !== undefined) {
        src.textContent = "";
        var a = nodeLink(ev.article);
        a.textContent = where.join(" · ") || ev.article;
        src.appendChild(a);
      }
      panel.appendChild(src);
    });
    if (total > list.length) {
      var p = el("p", "kg-left-out", "另有 " + (total - list.length) + " 条未收入本页 (not in this page): ");
      p.appendChild(el("code", "", name ? "kg viz OUT --focus " + name + " --hops 1" : "kg viz OUT --full"));
      panel.appendChild(p);
    }
  }

  function list(title, items, render) {
    if (!items || !items.length) { return; }
    panel.appendChild(el("h3", "", title));
    var ul = el("ul", "kg-list");
    items.forEach(function (item) {
      var li = el("li");
      render(li, item);
      ul.appendChild(li);
    });
    panel.appendChild(ul);
  }

  function expandButton(id) {
    var hidden = hiddenNeighbours(id);
    var open = view.expanded[id];
    if (!open && !hidden.length) { return; }
    var button = el("button", "kg-expand");
    button.type = "button";
    button.id = "kg-expand";
    if (open) {
      button.textContent = "收起 Collapse (" + open.length + ")";
      button.title = "Hide again the neighbours that Expand showed";
      button.setAttribute("data-action", "collapse");
    } else {
      var byType = {};
      hidden.forEach(function (n) { var t = typeOf(at[n]); byType[t] = (byType[t] || 0) + 1; });
      button.textContent = "展开 Expand: " + hidden.length + " 个隐藏的邻居 hidden neighbours (" +
        Object.keys(byType).sort().map(function (t) {
          return (typeNames[t] ? typeNames[t].name : t) + " " + byType[t];
        }).join(", ") + ")";
      button.title = "Show this node's hidden neighbours only (double-click the node does the same)";
      button.setAttribute("data-action", "expand");
    }
    button.setAttribute("data-count", String(open ? open.length : hidden.length));
    button.addEventListener("click", function () { toggle(id); });
    panel.appendChild(button);
  }

  /* A person's posts in time order (viz.timeline is its Python twin): "begin – last
   * attested role agency", or "begin – end (已卸任 ended) role agency" when an end is
   * reported; undated posts last. */
  function timelineOf(posts) {
    return posts.map(function (p) {
      var begin = day(p.begin), until = day(p.end) || day(p.last_attested) || begin;
      var role = p.role || "", org = p.organization || "";
      var what = role && org ? role + " " + org : p.post || org + role;
      var ended = !!(until && (day(p.end) || p.former));
      var span = until ? (begin || "?") + " \u2013 " + until + (ended ? " (\u5df2\u5378\u4efb ended)" : "") : "";
      var text = span && what ? span + " " + what : span || what;
      return { key: [until ? 0 : 1, begin || until, until, role, org, text], text: text,
               from: begin || until, until: until, ended: ended };
    }).sort(function (a, b) {
      for (var k = 0; k < a.key.length; k++) {
        if (a.key[k] !== b.key[k]) { return a.key[k] < b.key[k] ? -1 : 1; }
      }
      return 0;
    });
  }

  function showNode(id) {
    var i = at[id];
    if (i === undefined) { return; }
    var d = detailsOf(i);
    clearPanel();
    panel.setAttribute("data-node", id);
    panel.removeAttribute("data-edge");
    panel.appendChild(el("p", "kg-type", typeLabel(d.type) + (d.kind ? " · " + d.kind : "") +
      (d.date ? " · " + d.date : "")));
    panel.appendChild(el("p", "kg-label", d.label || id));
    if (d.alt_labels && d.alt_labels.length) {
      panel.appendChild(el("p", "kg-type", "又称 Also: " + d.alt_labels.join("、")));
    }
    expandButton(id);
    var lines = timelineOf(d.posts || []);
    if (lines.length) {
      panel.appendChild(el("h3", "", "履历 Timeline (" + lines.length + ")"));
      var ul = el("ul", "kg-list kg-timeline");
      lines.forEach(function (row) {
        // a post out of the date range is greyed
        var li = el("li", row.until && !inRange(row.from, row.until) ? "kg-out" : "", row.text);
        if (row.ended) { li.setAttribute("data-ended", "1"); }
        ul.appendChild(li);
      });
      panel.appendChild(ul);
    }
    list("数据 Figures", d.figures, function (li, f) {
      li.textContent = (f.indicator ? f.indicator + ": " : "") + (f.surface || f.value);
    });
    var groups = {};
    incident[i].forEach(function (j) {
      var r = R[X.r[j]], from = linkFrom[j];
      var other = from === i ? X.t[j] : from;
      var name = r[1];
      var key = r[5] ? name : from === i ? name + " →" : (r[4] || name) + " ←";
      (groups[key] = groups[key] || []).push({ id: ids[other], label: linkLabel(j),
                                               relation: name, out: !!linkOut[j] });
    });
    Object.keys(groups).sort().forEach(function (key) {
      list(key + " (" + groups[key].length + ")", groups[key].slice(0, 60), function (li, item) {
        if (item.out) { li.className = "kg-out"; li.title = "不在所选日期内 Out of the date range"; }
        li.appendChild(nodeLink(item.id));
        var ed = item.label && item.label !== item.relation ? item.label : "";  // a role says more
        if (ed && ed !== (relNames[ed] || {}).name) { li.appendChild(document.createTextNode(" (" + ed + ")")); }
      });
    });
    evidenceList(d.evidence, d.evidence_total, d.label);
    if (d.iri) { panel.appendChild(el("p", "kg-iri", d.iri)); }
  }

  function showEdge(eid) {
    var e = edges.get(eid);
    if (!e) { return; }
    var d = view.edgeDetails(eid);
    clearPanel();
    panel.setAttribute("data-edge", eid);
    panel.removeAttribute("data-node");
    panel.appendChild(el("p", "kg-type", (d.relation_label || e.relation) + " " + (d.relation || "") +
      (d.weight > 1 ? " · ×" + d.weight : "")));
    var p = el("p", "kg-label");
    p.appendChild(nodeLink(e.from));
    p.appendChild(document.createTextNode(" → "));
    p.appendChild(nodeLink(e.to));
    panel.appendChild(p);
    if (d.label && d.label !== d.relation_label) { panel.appendChild(el("p", "kg-type", d.label)); }
    list("职务 Posts", d.posts, function (li, post) { li.textContent = post; });
    if (d.begin || d.last_attested || d.end) {
      var row = timelineOf([{ begin: d.begin, last_attested: d.last_attested, end: d.end, former: d.former }])[0];
      panel.appendChild(el("p", "kg-type", "任职 Held: " + row.text));
    } else if (d.dates && d.dates.length) {
      panel.appendChild(el("p", "kg-type", "日期 Dates: " + d.dates.join(", ")));
    }
    evidenceList(d.evidence, d.evidence_total, "");
  }

  function select(id) {
    var i = at[id];
    if (i === undefined) { return false; }
    if (hiddenState[i]) { view.pinned[id] = true; settle(); status(); }
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: false });
    showNode(id);
    dim(id);
    return true;
  }

  network.on("click", function (params) {
    if (params.nodes.length) { showNode(params.nodes[0]); dim(params.nodes[0]); }
    else if (params.edges.length) { undim(); showEdge(params.edges[0]); }
    else { undim(); }
  });
  network.on("doubleClick", function (params) {
    if (params.nodes.length) { toggle(params.nodes[0]); }
  });

  view.find = find;
  view.select = select;
  view.reset = reset;
  view.png = png;
  view.showNode = showNode;
  view.showEdge = showEdge;
  view.expand = expand;
  view.collapse = collapse;
  view.toggle = toggle;
  view.hiddenNeighbours = hiddenNeighbours;
  view.shownCount = shownCount;
  view.setDateRange = setDateRange;  // ("YYYY-MM-DD", "YYYY-MM-DD"): the range it shows, as text
  view.dateRange = function () { return range ? range.slice() : null; };  // null: no filter

}());
