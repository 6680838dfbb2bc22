// The page's own script: tooltips, legend and filters, search, details, readiness.
// Data comes from the JSON block and reaches the DOM only through textContent
// (never as markup); the only links are https://arxiv.org/abs/ links built in Python.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var SAFE_LINK = /^https:\/\/arxiv\.org\/abs\/[A-Za-z0-9.\/-]+$/;

  function el(tag, text, className) {
    var e = document.createElement(tag);
    if (text !== undefined) { e.textContent = text; }
    if (className) { e.className = className; }
    return e;
  }

  // Tooltips are DOM elements filled with textContent: vis-network shows them as they are.
  function tip(lines) {
    var box = el("div", undefined, "kg-tip");
    lines.forEach(function (line, i) { box.appendChild(el(i === 0 ? "b" : "div", line)); });
    return box;
  }
  data.nodes.forEach(function (n) { n.title = tip(n.info); });
  data.edges.forEach(function (e) { e.title = tip(e.info); });

  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var hiddenClasses = {}, hiddenKinds = {};
  var nodeView = new vis.DataView(nodes, { filter: function (n) { return !hiddenClasses[n.group]; } });
  var edgeView = new vis.DataView(edges, { filter: function (e) {
    return (e.kinds || [e.kind]).some(function (k) { return !hiddenKinds[k]; });
  } });

  // Legend and filters: one checkbox per class and per edge kind, in its colour and shape.
  function checkbox(parent, item, hidden, view, mark) {
    var label = el("label");
    var box = el("input");
    box.type = "checkbox"; box.checked = true; box.dataset.key = item.key;
    box.addEventListener("change", function () { hidden[item.key] = !box.checked; view.refresh(); });
    label.appendChild(box); label.appendChild(mark);
    label.appendChild(document.createTextNode(item.label + " (" + item.count + ")"));
    parent.appendChild(label);
  }
  var classes = document.getElementById("classes"), kinds = document.getElementById("kinds");
  data.legend.classes.forEach(function (c) {
    var mark = el("span", undefined, "shape " + c.shape);
    mark.style.background = c.colour;
    checkbox(classes, c, hiddenClasses, nodeView, mark);
  });
  data.legend.kinds.forEach(function (k) {
    var line = el("span", undefined, "line");
    line.style.background = k.colour;
    checkbox(kinds, k, hiddenKinds, edgeView, line);
  });
  if (!data.legend.kinds.length) { kinds.className = "empty"; }

  // Search by any spelling: the same folding as entity resolution (kg.keys.model_key).
  // Separators between a digit and a size stay one "-" there: "Caelax-2-7B" is not "Caelax-27B".
  var SIZE_GAP = /(?<=\p{Nd})(?:[^\p{L}\p{N}.+]|_)+(?=\p{Nd}+(?:\.\p{Nd}+)?(?:x\p{Nd}+(?:\.\p{Nd}+)?)?[bm])/u;
  function fold(s) {
    return String(s).normalize("NFKC").toLowerCase().replace(/\p{Cf}/gu, "").split(SIZE_GAP)
      .map(function (part) { return part.replace(/[^\p{L}\p{N}.+]|_/gu, ""); }).join("-");
  }
  var byKey = {};
  var list = document.getElementById("names"), listed = 0;
  data.nodes.forEach(function (n) {
    n.keys.forEach(function (k) { (byKey[k] = byKey[k] || []).push(n.id); });
    n.names.forEach(function (name) {
      if (listed < 5000) { list.appendChild(el("option")).value = name; listed++; }
    });
  });
  var status = document.getElementById("status");

  function find(text) {
    var key = fold(text), ids = byKey[key] || [];
    if (!ids.length && key.length >= 2) {
      Object.keys(byKey).forEach(function (k) {
        if (k.indexOf(key) >= 0) { byKey[k].forEach(function (id) { if (ids.indexOf(id) < 0) { ids.push(id); } }); }
      });
    }
    if (!key) { status.textContent = ""; return []; }
    if (!ids.length) { status.textContent = "no match"; return []; }
    ids.forEach(function (id) {  // a match hidden by a filter is shown again
      var g = nodes.get(id).group;
      if (hiddenClasses[g]) {
        hiddenClasses[g] = false;
        classes.querySelectorAll("input").forEach(function (box) { if (box.dataset.key === g) { box.checked = true; } });
        nodeView.refresh();
      }
    });
    status.textContent = ids.length === 1 ? "" : ids.length + " matches";
    network.selectNodes(ids);
    if (ids.length === 1) {
      network.focus(ids[0], { scale: Math.max(network.getScale(), 1.2), animation: false });
      show(nodes.get(ids[0]));
    } else {
      network.fit({ nodes: ids, animation: false });
    }
    return ids;
  }
  var search = document.getElementById("search");
  search.addEventListener("change", function () { find(search.value); });
  search.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { find(search.value); } });

  // Details of the selected node or edge, with its arXiv links (the only links on the page).
  var details = document.getElementById("details"), body = document.getElementById("details-body");
  function link(url, text) {
    if (!SAFE_LINK.test(url)) { return null; }
    var a = el("a", text);
    a.href = url; a.target = "_blank"; a.rel = "noopener noreferrer";
    return a;
  }
  function show(item) {
    while (body.firstChild) { body.removeChild(body.firstChild); }
    item.info.forEach(function (line, i) { body.appendChild(el(i === 0 ? "h2" : "div", line)); });
    (item.link ? [item.link] : item.links || []).forEach(function (url) {
      var a = link(url, url.replace("https://", ""));
      if (a) { var row = el("div"); row.appendChild(a); body.appendChild(row); }
    });
    details.hidden = false;
  }
  document.getElementById("close").addEventListener("click", function () { details.hidden = true; });

  var network = new vis.Network(document.getElementById("graph"), { nodes: nodeView, edges: edgeView }, data.options);
  network.on("selectNode", function (p) { if (p.nodes.length === 1) { show(nodes.get(p.nodes[0])); } });
  network.on("selectEdge", function (p) { if (!p.nodes.length && p.edges.length) { show(edges.get(p.edges[0])); } });
  network.on("deselectNode", function () { details.hidden = true; });
  network.on("deselectEdge", function (p) { if (!p.nodes.length && !p.edges.length) { details.hidden = true; } });

  window.kgNetwork = network;
  window.kgData = { nodes: nodes, edges: edges, nodeView: nodeView, edgeView: edgeView };
  window.kgFind = find;
  window.kgReady = false;
  function ready() {
    network.setOptions({ physics: false });  // settled: nothing moves any more
    window.kgReady = true;
    document.body.dataset.ready = "true";
  }
  if (data.options.physics && data.options.physics.enabled) {
    network.once("stabilizationIterationsDone", function () { network.once("afterDrawing", ready); network.redraw(); });
  } else {
    network.once("afterDrawing", ready);
  }
})();
