/* kg graph view: legend, filters, search and a details panel over vis-network.
 * Every string from the data goes on screen through textContent (never as markup),
 * so names and sentences that look like HTML stay text. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var meta = data.meta || {};
  var details = data.details || {};
  var edgeDetails = data.edgeDetails || {};
  var typeNames = {};
  (meta.types || []).forEach(function (t) { typeNames[t.type] = t; });
  var relNames = {};
  (meta.relations || []).forEach(function (r) { relNames[r.relation] = r; });

  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var container = document.getElementById("kg-net");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  var view = window.kgView = {
    network: network, nodes: nodes, edges: edges, ready: false, readyAt: null,
    hiddenTypes: {}, hiddenRelations: {}
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

  /* ---- legend and filters ---- */
  function applyFilters() {
    var updates = [];
    nodes.forEach(function (n) {
      var hide = !!view.hiddenTypes[n.kgType];
      if (!!n.hidden !== hide) { updates.push({ id: n.id, hidden: hide }); }
    });
    if (updates.length) { nodes.update(updates); }
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
    box.checked = true;
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

  (meta.collapsed || []).forEach(function (type) { view.hiddenTypes[type] = true; });
  var typesBox = document.getElementById("kg-types");
  (meta.types || []).forEach(function (t) {
    filterBox(typesBox, t.type, t.glyph, t.color, t.name + " " + t.type, t.count, view.hiddenTypes, false);
  });
  typesBox.querySelectorAll("input").forEach(function (box) {
    box.checked = !view.hiddenTypes[box.getAttribute("data-filter")];
  });
  applyFilters();
  var relBox = document.getElementById("kg-relations");
  (meta.relations || []).forEach(function (r) {
    filterBox(relBox, r.relation, "", r.color, r.name + " " + r.relation, r.count, view.hiddenRelations, true);
  });

  function status() {
    var shown = nodes.get({ filter: function (n) { return !n.hidden; } }).length;
    document.getElementById("kg-status").textContent =
      shown + " / " + nodes.length + " nodes, " + edges.length + " links";
  }
  status();

  /* ---- relax: physics on until stable, then off again ---- */
  document.getElementById("kg-relax").addEventListener("click", function () {
    network.setOptions({ physics: { enabled: true, solver: "barnesHut", stabilization: false,
      barnesHut: { springLength: 90, avoidOverlap: 0.2 } } });
    var stop = function () { network.setOptions({ physics: { enabled: false } }); };
    network.once("stabilized", stop);
    setTimeout(stop, 4000);
  });

  /* ---- dim what a selection does not touch; fit and reset; PNG ---- */
  var dimmed = false;
  function dim(id) {
    var keep = {};
    keep[id] = true;
    network.getConnectedNodes(id).forEach(function (n) { keep[n] = true; });
    nodes.update(nodes.getIds().map(function (n) { return { id: n, opacity: keep[n] ? 1 : 0.15 }; }));
    dimmed = true;
  }
  function undim() {
    if (!dimmed) { return; }
    nodes.update(nodes.getIds().map(function (n) { return { id: n, opacity: 1 }; }));
    dimmed = false;
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

  /* ---- search ---- */
  var index = [];
  Object.keys(details).forEach(function (id) {
    var d = details[id];
    var posts = (d.posts || []).map(function (p) { return p.post || ((p.organization || "") + (p.role || "")); });
    var words = [d.label || ""].concat(d.alt_labels || [], posts).join("\u0001").toLowerCase();
    index.push({ id: id, label: d.label || id, type: d.type || "", text: words });
  });
  var search = document.getElementById("kg-search");
  var results = document.getElementById("kg-results");

  function find(query) {
    var q = String(query || "").trim().toLowerCase();
    if (!q) { return []; }
    var hits = index.filter(function (item) {
      return item.text.indexOf(q) !== -1 && !view.hiddenTypes[item.type];
    });
    hits.sort(function (a, b) {
      var pa = a.label.toLowerCase() === q ? 0 : a.label.toLowerCase().indexOf(q) === 0 ? 1 : 2;
      var pb = b.label.toLowerCase() === q ? 0 : b.label.toLowerCase().indexOf(q) === 0 ? 1 : 2;
      return pa - pb || a.label.length - b.label.length || (a.label < b.label ? -1 : 1);
    });
    return hits.slice(0, 30);
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
    var d = details[id] || {};
    var a = el("span", "kg-link", d.label || id);
    a.setAttribute("data-id", id);
    a.addEventListener("click", function () { select(id); });
    return a;
  }

  function sentence(ev) {
    var q = el("blockquote", "kg-sentence");
    var s = ev.sentence || ev.anchor || "";
    var anchor = ev.anchor || "";
    var at = anchor ? s.indexOf(anchor) : -1;
    if (at >= 0) {
      q.appendChild(document.createTextNode(s.slice(0, at)));
      q.appendChild(el("mark", "", anchor));
      q.appendChild(document.createTextNode(s.slice(at + anchor.length)));
    } else {
      q.textContent = s;
    }
    return q;
  }

  function evidenceList(list) {
    if (!list || !list.length) { return; }
    panel.appendChild(el("h3", "", "来源句子 Sources (" + list.length + ")"));
    list.slice(0, 50).forEach(function (ev) {
      panel.appendChild(sentence(ev));
      var src = el("p", "kg-source");
      var where = [];
      if (ev.headline) { where.push("《" + ev.headline + "》"); }
      if (ev.date) { where.push(ev.date); }
      src.textContent = where.join(" · ") || ev.article || "";
      if (ev.article && details[ev.article]) {
        src.textContent = "";
        var a = nodeLink(ev.article);
        a.textContent = where.join(" · ") || ev.article;
        src.appendChild(a);
      }
      panel.appendChild(src);
    });
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

  function showNode(id) {
    var d = details[id];
    if (!d) { return; }
    clearPanel();
    panel.setAttribute("data-node", id);
    panel.removeAttribute("data-edge");
    panel.appendChild(el("p", "kg-type", typeLabel(d.type) + (d.kind ? " · " + d.kind : "") +
      (d.date ? " · " + d.date : "")));
    panel.appendChild(el("p", "kg-label", d.label || id));
    if (d.alt_labels && d.alt_labels.length) {
      panel.appendChild(el("p", "kg-type", "又称 Also: " + d.alt_labels.join("、")));
    }
    list("职务 Posts", d.posts, function (li, p) {
      li.textContent = (p.post || (p.organization + p.role)) + (p.dates && p.dates.length ? " (" + p.dates.join(", ") + ")" : "");
    });
    list("数据 Figures", d.figures, function (li, f) {
      li.textContent = (f.indicator ? f.indicator + ": " : "") + (f.surface || f.value);
    });
    var groups = {};
    network.getConnectedEdges(id).forEach(function (eid) {
      var e = edges.get(eid);
      if (!e) { return; }
      var other = e.from === id ? e.to : e.from;
      var ed = edgeDetails[eid] || {};
      var name = ed.relation_label || e.relation;
      var key = ed.undirected ? name : e.from === id ? name + " →" : (ed.inverse_label || name) + " ←";
      (groups[key] = groups[key] || []).push({ id: other, label: ed.label, relation: name });
    });
    Object.keys(groups).sort().forEach(function (key) {
      list(key + " (" + groups[key].length + ")", groups[key].slice(0, 60), function (li, item) {
        li.appendChild(nodeLink(item.id));
        var ed = item.label && item.label !== item.relation ? item.label : "";  // a role says more
        if (ed && ed !== (relNames[ed] || {}).name) { li.appendChild(document.createTextNode(" (" + ed + ")")); }
      });
    });
    evidenceList(d.evidence);
    if (d.iri) { panel.appendChild(el("p", "kg-iri", d.iri)); }
  }

  function showEdge(eid) {
    var e = edges.get(eid);
    if (!e) { return; }
    var d = edgeDetails[eid] || {};
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
    if (d.dates && d.dates.length) { panel.appendChild(el("p", "kg-type", "日期 Dates: " + d.dates.join(", "))); }
    evidenceList(d.evidence);
  }

  function select(id) {
    if (!nodes.get(id)) { return false; }
    if (nodes.get(id).hidden) { nodes.update({ id: id, hidden: false }); }
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

  view.find = find;
  view.select = select;
  view.reset = reset;
  view.png = png;
  view.showNode = showNode;
  view.showEdge = showEdge;
}());
