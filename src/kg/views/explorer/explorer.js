/* kg explorer: every page draws itself from the JSON in #kg-data.
   Text reaches the DOM only through textContent (and attributes set one by one); nothing is parsed as HTML. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var main = document.getElementById("main");
  var KIND = {};
  (data.kinds || []).forEach(function (k) { KIND[k.key] = k; });
  var SVG = "http://www.w3.org/2000/svg";

  // -- small DOM helpers ---------------------------------------------------------
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function add(parent) {
    for (var i = 1; i < arguments.length; i++) { if (arguments[i]) { parent.appendChild(arguments[i]); } }
    return parent;
  }
  function svg(tag, attrs) {
    var e = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }
  function link(obj, cls) {  // {label, href}: an <a> when there is a page to go to, else plain text
    var e = el(obj && obj.href ? "a" : "span", cls, obj ? obj.label : "");
    if (obj && obj.href) { e.setAttribute("href", obj.href); }
    return e;
  }
  function outLink(url, text, cls) {  // links to arXiv / the Hub: built in Python from checked ids only
    var e = el("a", cls, text);
    e.setAttribute("href", url);
    e.setAttribute("rel", "noopener noreferrer");
    e.setAttribute("target", "_blank");
    return e;
  }
  function badge(cls) {
    var style = (data.classes || {})[cls] || { label: cls || "entity", colour: "#777" };
    var b = el("span", "badge", style.label);
    b.style.setProperty("--c", style.colour);
    return b;
  }
  function chip(text, cls) { return el("span", "chip" + (cls ? " " + cls : ""), text); }
  function kindChip(key) {
    var k = KIND[key] || { label: key, colour: "#777" };
    var c = el("span", "kind", k.label);
    c.style.setProperty("--c", k.colour);
    return c;
  }
  function card(title, count) {
    var c = el("section", "card");
    var h = add(el("h2"), document.createTextNode(title));
    if (count !== undefined) { add(h, el("span", "count", count)); }
    return add(c, h);
  }
  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }
  function hero(cls, title, sub) {
    var h = el("header", "hero");
    add(h, badge(cls), el("h1", null, title));
    if (sub) { add(h, sub); }
    main.appendChild(h);
    return h;
  }
  function aliases(list, label) {
    if (!list || !list.length) { return null; }
    var p = el("p", "aliases");
    add(p, el("span", "muted", (label || "Also known as") + " "));
    list.forEach(function (a) { add(p, chip(a, "alias")); });
    return p;
  }
  function entityList(items, opts) {  // papers / entities as rows: name (link), class, date, quote
    opts = opts || {};
    var ul = el("ul", "list");
    items.forEach(function (it) {
      var li = el("li");
      var row = add(el("div", "row"), opts.badges && it.cls ? badge(it.cls) : null, link(it, "name"));
      if (it.count) { add(row, el("span", "num", it.count)); }
      if (it.date) { add(row, el("span", "date", it.date)); }
      add(li, row);
      if (opts.quotes && it.quote) { add(li, el("blockquote", null, it.quote)); }
      ul.appendChild(li);
    });
    return opts.columns ? (ul.classList.add("columns"), ul) : collapse(ul, opts.show || 20);
  }
  function collapse(ul, show) {  // a long list shows its first items and a button for the rest
    var items = ul.children;
    if (items.length <= show + 2) { return ul; }
    for (var i = show; i < items.length; i++) { items[i].hidden = true; }
    var more = el("button", "more", "Show all " + items.length);
    more.type = "button";
    more.addEventListener("click", function () {
      for (var j = 0; j < items.length; j++) { items[j].hidden = false; }
      more.remove();
    });
    return add(el("div"), ul, more);
  }
  function emptyNote(text) { return el("p", "empty", text); }
  function grid() { return add(el("div", "grid"), el("div", "col-main"), el("div", "col-side")); }

  // -- search with suggestions ------------------------------------------------------
  function setupSearch() {
    var q = document.getElementById("q"), list = document.getElementById("suggest");
    if (!q || !list) { return; }
    var seq = 0, active = -1, timer = null;
    function clear() { while (list.firstChild) { list.removeChild(list.firstChild); } list.hidden = true; active = -1; }
    function mark(i) {
      var items = list.querySelectorAll("li");
      active = Math.max(-1, Math.min(items.length - 1, i));
      items.forEach(function (li, j) { li.classList.toggle("active", j === active); li.setAttribute("aria-selected", String(j === active)); });
    }
    function show(hits) {
      clear();
      hits.forEach(function (h) {
        var li = el("li"), a = el("a");
        li.setAttribute("role", "option");
        a.setAttribute("href", h.href || "#");
        add(a, badge(h.cls), el("span", "name", h.label));
        if (h.matched) { add(a, el("span", "matched", h.matched)); }
        list.appendChild(add(li, a));
      });
      list.hidden = hits.length === 0;
    }
    function ask() {
      var value = q.value.trim(), mine = ++seq;
      if (!value) { clear(); return; }
      fetch("/api/search?q=" + encodeURIComponent(value), { headers: { "Accept": "application/json" } })
        .then(function (r) { return r.ok ? r.json() : { hits: [] }; })
        .then(function (answer) { if (mine === seq) { show(answer.hits || []); } })
        .catch(function () { /* the form still works without suggestions */ });
    }
    q.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(ask, 60); });
    q.addEventListener("keydown", function (e) {
      var items = list.querySelectorAll("li a");
      if (e.key === "ArrowDown") { mark(active + 1); e.preventDefault(); }
      else if (e.key === "ArrowUp") { mark(active - 1); e.preventDefault(); }
      else if (e.key === "Escape") { clear(); }
      else if (e.key === "Enter" && active >= 0 && items[active]) { e.preventDefault(); window.location.assign(items[active].getAttribute("href")); }
      // Enter otherwise submits the form: /search opens the entity when one matches exactly or alone
    });
    document.addEventListener("click", function (e) { if (!list.contains(e.target) && e.target !== q) { clear(); } });
    if (data.page === "home") { q.focus(); }
  }

  // -- a top-to-bottom drawing of derivations (parents above children) ----------------
  function layout(nodes, edges) {
    var ids = nodes.map(function (n) { return n.id; });
    var up = {}, down = {}, level = {}, indeg = {};
    ids.forEach(function (id) { up[id] = []; down[id] = []; level[id] = 0; });
    edges.forEach(function (e) {
      if (e.parent in up && e.child in up && e.parent !== e.child) { up[e.child].push(e.parent); down[e.parent].push(e.child); }
    });
    var queue = [];
    ids.forEach(function (id) { indeg[id] = up[id].length; if (!indeg[id]) { queue.push(id); } });
    while (queue.length) {  // longest path from the roots; a cycle's nodes keep what they have
      var id = queue.shift();
      down[id].forEach(function (c) { level[c] = Math.max(level[c], level[id] + 1); if (--indeg[c] === 0) { queue.push(c); } });
    }
    ids.forEach(function (id) {  // a root sits just above its highest child, not at the very top
      if (!up[id].length && down[id].length) {
        level[id] = Math.min.apply(null, down[id].map(function (c) { return level[c]; })) - 1;
      }
    });
    var rows = {};
    ids.forEach(function (id) { (rows[level[id]] = rows[level[id]] || []).push(id); });
    var keys = Object.keys(rows).map(Number).sort(function (a, b) { return a - b; });
    var label = {};
    nodes.forEach(function (n) { label[n.id] = n.label.toLowerCase(); });
    keys.forEach(function (k) { rows[k].sort(function (a, b) { return label[a] < label[b] ? -1 : label[a] > label[b] ? 1 : 0; }); });
    var pos = {};
    function index() { keys.forEach(function (k) { rows[k].forEach(function (id, i) { pos[id] = i; }); }); }
    function centre(id, side) {
      var ns = side[id].filter(function (x) { return x in pos; });
      if (!ns.length) { return pos[id]; }
      return ns.reduce(function (s, x) { return s + pos[x]; }, 0) / ns.length;
    }
    index();
    for (var sweep = 0; sweep < 4; sweep++) {  // barycentre sweeps: fewer crossings
      var order = sweep % 2 ? keys.slice().reverse() : keys;
      order.forEach(function (k) {
        var c = {};
        rows[k].forEach(function (id) { c[id] = centre(id, sweep % 2 ? down : up); });
        rows[k].sort(function (a, b) { return c[a] - c[b] || pos[a] - pos[b]; });
        rows[k].forEach(function (id, i) { pos[id] = i; });
      });
    }
    return { rows: keys.map(function (k) { return rows[k]; }) };
  }

  var ruler = document.createElement("canvas").getContext("2d"), fontFamily = null, widths = {};
  function nodeWidth(label, role) {  // the box fits its name (up to 260 px; longer names are cut with …)
    var key = (role === "root" ? "b" : "n") + label;
    if (!(key in widths)) {
      fontFamily = fontFamily || getComputedStyle(document.body).fontFamily;  // read once: it forces a layout
      ruler.font = (role === "root" ? "700 " : "500 ") + "13.5px " + fontFamily;
      widths[key] = Math.max(96, Math.min(260, Math.ceil(ruler.measureText(label).width) + 26));
    }
    return widths[key];
  }

  function drawDag(nodes, edges, opts) {
    opts = opts || {};
    var byId = {};
    nodes.forEach(function (n) { byId[n.id] = n; });
    var lay = layout(nodes, edges), GAP = 28, ROW = opts.labels ? 118 : 92, SUB = 62, H = 40, PAD = 16;
    var maxW = Math.max(480, opts.maxWidth || 1100) - 2 * PAD;
    function widthOf(row) { return row.reduce(function (s, id) { return s + nodeWidth(byId[id].label, byId[id].role); }, 0) + GAP * (row.length - 1); }
    // a generation wider than the page wraps onto several lines (a base model with fifty fine-tunes)
    var lines = [], starts = [];
    lay.rows.forEach(function (row) {
      var line = [], w = 0, first = true;
      row.forEach(function (id) {
        var nw = nodeWidth(byId[id].label, byId[id].role);
        if (line.length && w + GAP + nw > maxW) { lines.push({ ids: line }); starts.push(first); first = false; line = []; w = 0; }
        w += (line.length ? GAP : 0) + nw;
        line.push(id);
      });
      lines.push({ ids: line });
      starts.push(first);
    });
    var box = {}, width = 0, y = PAD;
    lines.forEach(function (l) { width = Math.max(width, widthOf(l.ids)); });
    lines.forEach(function (l, i) {
      if (i > 0) { y += starts[i] ? ROW : SUB; }
      var x = PAD + (width - widthOf(l.ids)) / 2;
      l.ids.forEach(function (id) {
        var nw = nodeWidth(byId[id].label, byId[id].role);
        box[id] = { x: x, y: y, w: nw };
        x += nw + GAP;
      });
    });
    var W = width + 2 * PAD, Ht = y + H + PAD;
    var wrap = el("div", "dag");
    wrap.style.width = W + "px";
    wrap.style.height = Ht + "px";
    var s = svg("svg", { width: W, height: Ht, viewBox: "0 0 " + W + " " + Ht, "aria-hidden": "true" });
    var defs = svg("defs");
    s.appendChild(defs);
    var markers = {};
    function marker(colour) {
      if (!markers[colour]) {
        var id = "arrow-" + (opts.prefix || "d") + "-" + Object.keys(markers).length;
        var m = svg("marker", { id: id, viewBox: "0 0 10 10", refX: "9", refY: "5", markerWidth: "7", markerHeight: "7", orient: "auto-start-reverse" });
        m.appendChild(svg("path", { d: "M 0 0 L 10 5 L 0 10 z", fill: colour }));
        defs.appendChild(m);
        markers[colour] = id;
      }
      return "url(#" + markers[colour] + ")";
    }
    wrap.appendChild(s);
    edges.forEach(function (e, i) {
      var a = box[e.parent], b = box[e.child];
      if (!a || !b) { return; }
      var k = KIND[e.kinds[0]] || { colour: "#888", label: e.kinds[0] };
      var x1 = a.x + a.w / 2, y1 = a.y + H, x2 = b.x + b.w / 2, y2 = b.y - 2, dy = Math.max(30, (y2 - y1) / 2);
      var p = svg("path", { d: "M" + x1 + "," + y1 + " C" + x1 + "," + (y1 + dy) + " " + x2 + "," + (y2 - dy) + " " + x2 + "," + y2,
                            stroke: k.colour, "class": "edge", "marker-end": marker(k.colour), "data-kinds": e.kinds.join(" ") });
      if (e.kinds.length > 1) { p.setAttribute("stroke-dasharray", "7 3"); }
      var t = svg("title");
      t.textContent = e.kinds.map(function (key) { return (KIND[key] || { label: key }).label; }).join(" + ") +
        ": " + byId[e.child].label + " from " + byId[e.parent].label + (e.quote ? " — “" + e.quote + "”" : "") + (e.date ? " (" + e.date + ")" : "");
      p.appendChild(t);
      if (opts.onEdge) { p.addEventListener("click", function () { opts.onEdge(e, i); }); }
      s.appendChild(p);
      if (opts.labels) {
        var names = e.kinds.map(function (key) { return (KIND[key] || { label: key }).label; });
        var lab = el("span", "elabel", names.length > 2 ? names.slice(0, 2).join(" + ") + " +" + (names.length - 2) : names.join(" + "));
        lab.setAttribute("title", names.join(" + "));
        lab.style.setProperty("--c", k.colour);
        lab.style.left = ((x1 + x2) / 2) + "px";
        lab.style.top = ((y1 + y2) / 2) + "px";
        if (opts.onEdge) { lab.addEventListener("click", function () { opts.onEdge(e, i); }); }
        wrap.appendChild(lab);
      }
    });
    nodes.forEach(function (n) {
      var b = box[n.id];
      var node = n.href ? el("a", "node") : el("span", "node", null);
      if (n.href) { node.setAttribute("href", n.href); }
      node.textContent = n.label;
      node.setAttribute("title", n.label);
      node.classList.add("role-" + (n.role || "model"));
      node.dataset.id = n.id;
      node.style.left = b.x + "px";
      node.style.top = b.y + "px";
      node.style.width = b.w + "px";
      if (!n.href && opts.onNode) { node.setAttribute("tabindex", "0"); node.addEventListener("click", function () { opts.onNode(n); }); }
      wrap.appendChild(node);
    });
    return add(el("div", "dag-scroll"), wrap);
  }

  function legend(keys) {
    var p = el("div", "legend");
    keys.forEach(function (k) { add(p, kindChip(k)); });
    return p;
  }

  function usedKinds(edges) {
    var seen = {};
    edges.forEach(function (e) { e.kinds.forEach(function (k) { seen[k] = true; }); });
    return (data.kinds || []).map(function (k) { return k.key; }).filter(function (k) { return seen[k]; });
  }

  function evidence(ev) {  // one sentence, the paper it is from, each record it was read from
    var box = el("div", "evidence");
    add(box, el("blockquote", null, ev.quote));
    var m = el("div", "meta");
    if (ev.paper) {  // what the record is about: a paper, or (a model card) the model itself
      add(m, el("span", "muted", ev.paper.href && ev.paper.href.indexOf("/id/paper/") === 0 ? "in" : "about"), link(ev.paper, "paper"));
    }
    if (ev.date) { add(m, el("span", "date", ev.date)); }
    if (ev.arxiv) { add(m, outLink(ev.arxiv, "arXiv", "ext")); }
    if (ev.kinds && ev.kinds.length > 1) { add(m, el("span", "muted", "states: " + ev.kinds.join(", "))); }
    add(box, m);
    var ul = el("ul", "sources");
    (ev.sources || []).forEach(function (s) {
      var where = [s.record, s.format ? "read as " + s.format : "", s.lines ? "lines " + s.lines : ""].filter(Boolean).join(" · ");
      add(ul, add(el("li"), el("span", "source", where),
                  s.extractor ? el("span", "extractor", "by " + s.extractor + (s.confidence ? " · confidence " + s.confidence : "")) : null));
    });
    return add(box, ul);
  }

  // -- pages -----------------------------------------------------------------------
  var pages = {};

  pages.model = function () {
    var sub = el("div", "facts");
    (data.parameters || []).forEach(function (p) { add(sub, chip(p + " parameters", "size")); });
    (data.family || []).forEach(function (f) { add(sub, el("span", "muted", "family"), link(f, "chip family")); });
    (data.hf || []).forEach(function (h) { add(sub, h.url ? outLink(h.url, "🤗 " + h.label, "chip hf") : chip(h.label, "hf")); });
    var h = hero("model", data.label, sub.childNodes.length ? sub : null);
    add(h, aliases(data.aliases));
    var g = grid(), left = g.firstChild, right = g.lastChild;
    main.appendChild(g);
    var lin = data.lineage, lc = card("Lineage");
    left.appendChild(lc);
    if (!lin.edges.length) {
      add(lc, emptyNote("No derivation is recorded for this model: the sources read so far do not say what it was made from or what was made from it."));
    } else {
      add(lc, el("p", "muted summary", plural(lin.ancestors, "ancestor", "ancestors") + " above, " +
                 plural(lin.descendants, "descendant", "descendants") + " below · arrows point from a model to what was made from it"));
      if (lin.total > lin.edges.length) {
        var cut = add(el("p", "note"), document.createTextNode("The nearest " + lin.edges.length + " of its " + lin.total +
                      " derivations are drawn here; "), link({ label: "the lineage atlas", href: "/atlas" }), document.createTextNode(" has them all."));
        add(lc, cut);
      }
      add(lc, legend(usedKinds(lin.edges)));
      var byId = {};
      lin.nodes.forEach(function (n) { byId[n.id] = n; });
      add(lc, drawDag(lin.nodes, lin.edges, { labels: lin.edges.length <= 12, prefix: "m", maxWidth: lc.clientWidth - 36, onEdge: function (e, i) {
        var target = document.getElementById("edge-" + i);
        if (target) { target.scrollIntoView({ block: "center" }); target.classList.add("flash"); setTimeout(function () { target.classList.remove("flash"); }, 1200); }
      } }));
      var ec = card("How it was made", lin.edges.length);
      add(ec, el("p", "muted summary", "Each derivation with the sentences that state it and where they were read."));
      lin.edges.forEach(function (e, i) {
        var item = el("div", "derivation");
        item.id = "edge-" + i;
        var head = add(el("div", "dhead"), link(byId[e.child], "name"), el("span", "muted", " ← "));
        e.kinds.forEach(function (k) { add(head, kindChip(k)); });
        add(head, el("span", "muted", " ← "), link(byId[e.parent], "name"));
        add(item, head);
        if (!e.evidence.length) { add(item, emptyNote("Stated without a quote (mlkg:derivedFrom only).")); }
        e.evidence.forEach(function (ev) { add(item, evidence(ev)); });
        ec.appendChild(item);
      });
      left.appendChild(ec);
    }
    var intro = card("Introduced in", data.introducedIn.length);
    add(intro, data.introducedIn.length ? entityList(data.introducedIn, { quotes: true }) : emptyNote("No paper read so far introduces it."));
    right.appendChild(intro);
    if (data.usedIn.length) { right.appendChild(add(card("Used in", data.usedIn.length), entityList(data.usedIn, { quotes: true }))); }
    if (data.describedIn.length) { right.appendChild(add(card("Described in", data.describedIn.length), entityList(data.describedIn))); }
    if (data.trainedOn.length) { right.appendChild(add(card("Trained on", data.trainedOn.length), entityList(data.trainedOn, { badges: true }))); }
    if (data.closeMatches && data.closeMatches.length) {
      right.appendChild(add(card("Close matches", data.closeMatches.length),
                            add(el("p", "muted summary"), document.createTextNode("Probably the same model, named another way (skos:closeMatch).")),
                            entityList(data.closeMatches)));
    }
    if (data.records && data.records.length) { right.appendChild(recordsCard(data.records)); }
    (data.siblings || []).forEach(function (s) {
      var c = card("More in the " + s.family.label + " family", s.count), p = el("div", "chips");
      s.models.forEach(function (m) { add(p, link(m, "chip")); });
      add(c, p);
      if (s.count > s.models.length) { add(c, add(el("p", "more-link"), link({ label: "all " + s.count + " models", href: s.family.href }))); }
      right.appendChild(c);
    });
  };

  pages.paper = function () {
    var sub = el("div", "facts");
    if (data.date) { add(sub, chip(data.date, "date")); }
    (data.arxiv || []).forEach(function (a) { add(sub, a.url ? outLink(a.url, "arXiv " + a.label, "chip ext") : chip("arXiv " + a.label)); });
    (data.doi || []).forEach(function (d) { add(sub, chip("DOI " + d)); });
    if (data.titleGuessed) { add(sub, chip("title guessed from the abstract", "warn")); }
    var h = hero("paper", data.title || data.label, sub.childNodes.length ? sub : null);
    if (data.authors.length) {
      var au = el("p", "authors");
      data.authors.forEach(function (a, i) { if (i) { add(au, document.createTextNode(", ")); } add(au, link(a, "person")); });
      if (data.authorsNotShown) { add(au, el("span", "muted", " and " + data.authorsNotShown + " more not shown in the source")); }
      add(h, au);
    }
    var g = grid(), left = g.firstChild, right = g.lastChild;
    main.appendChild(g);
    if (data.abstract) { left.appendChild(add(card("Abstract"), el("p", "abstract", data.abstract))); }
    if (data.derivations.length) {
      var dc = card("Derivations it states", data.derivations.length);
      data.derivations.forEach(function (d) {
        var item = el("div", "derivation");
        var head = add(el("div", "dhead"), link(d.child, "name"), el("span", "muted", " ← "));
        d.kinds.forEach(function (k) { add(head, kindChip(k)); });
        add(head, el("span", "muted", " ← "), link(d.parent, "name"));
        add(item, head);
        d.quotes.forEach(function (q) { add(item, el("blockquote", null, q)); });
        dc.appendChild(item);
      });
      left.appendChild(dc);
    }
    var intro = card("Introduces", data.introduces.length);
    add(intro, data.introduces.length ? entityList(data.introduces, { badges: true, quotes: true }) : emptyNote("Nothing read as introduced here."));
    right.appendChild(intro);
    var uses = card("Uses", data.uses.length);
    add(uses, data.uses.length ? entityList(data.uses, { badges: true }) : emptyNote("Nothing read as used here."));
    right.appendChild(uses);
    if (data.described.length) { right.appendChild(add(card("Model cards citing it", data.described.length), entityList(data.described, { badges: true }))); }
    right.appendChild(recordsCard(data.records));
  };

  function recordsCard(records) {
    var rc = card("Read from", records.length), ul = el("ul", "list records");
    records.forEach(function (r) {
      add(ul, add(el("li"), el("span", "source", r.record), r.format ? chip(r.format) : null, r.lines ? el("span", "muted", "lines " + r.lines) : null));
    });
    return add(rc, ul);
  }

  pages.person = function () {
    var h = hero(data.cls, data.label);
    add(h, aliases(data.aliases, "Also written as"));
    var g = grid(), left = g.firstChild, right = g.lastChild;
    main.appendChild(g);
    left.appendChild(add(card("Papers", data.papers.length), entityList(data.papers)));
    if (data.coauthors) {
      var cc = card("Coauthors", data.coauthors.length), ul = el("ul", "list coauthors");
      var most = data.coauthors.length ? data.coauthors[0].count : 1;
      data.coauthors.forEach(function (c) {
        var bar = el("span", "bar");
        bar.style.width = Math.max(4, Math.round(60 * c.count / most)) + "px";
        add(ul, add(el("li"), add(el("div", "row"), link(c, "name"), bar, el("span", "num", c.count))));
      });
      right.appendChild(add(cc, collapse(ul, 20)));
    }
  };
  pages.organization = function () {
    var h = hero("organization", data.label);
    add(h, aliases(data.aliases));
    main.appendChild(add(card("Papers", data.papers.length), entityList(data.papers)));
  };

  pages.thing = function () {
    var h = hero(data.cls, data.label);
    add(h, aliases(data.aliases));
    var g = grid(), left = g.firstChild, right = g.lastChild;
    main.appendChild(g);
    var ib = card("Introduced by", data.introducedBy.length);
    add(ib, data.introducedBy.length ? entityList(data.introducedBy, { quotes: true }) : emptyNote("No paper read so far introduces it."));
    left.appendChild(ib);
    var ub = card("Used by", data.usedBy.length);
    add(ub, data.usedBy.length ? entityList(data.usedBy, { quotes: true }) : emptyNote("No paper read so far uses it."));
    left.appendChild(ub);
    if (data.trainedOn.length) { right.appendChild(add(card("Models trained on it", data.trainedOn.length), entityList(data.trainedOn))); }
  };
  pages.technique = pages.dataset = pages.benchmark = pages.thing;

  pages.family = function () {
    var sub = el("div", "facts");
    var at = el("a", "chip", "see it in the lineage atlas");
    at.setAttribute("href", "/atlas#" + encodeURIComponent("family-" + data.label));
    add(sub, at);
    hero("family", data.label, sub);
    main.appendChild(add(card("Models", data.members.length), entityList(data.members, { columns: true })));
  };

  pages.search = function () {
    var h = hero(null, data.hits.length ? "Results for “" + data.query + "”" : "Nothing is called “" + data.query + "”");
    h.removeChild(h.firstChild);
    if (!data.hits.length) {
      add(h, el("p", "muted", data.query ? "Try another spelling, a shorter part of the name, or an arXiv id." : "Type a name above."));
      return;
    }
    add(h, el("p", "muted", plural(data.hits.length, "match", "matches") + (data.more ? " (the first " + data.hits.length + ")" : "")));
    var c = el("section", "card"), ul = el("ul", "list results");
    data.hits.forEach(function (hit) {
      var row = add(el("div", "row"), badge(hit.cls), link(hit, "name"));
      if (hit.matched) { add(row, el("span", "matched", "as “" + hit.matched + "”")); }
      add(ul, add(el("li"), row));
    });
    main.appendChild(add(c, ul));
  };

  pages.home = function () {
    var h = el("section", "home");
    add(h, el("h1", null, "Where does a model come from, and what was made from it?"),
        el("p", "lead", "Search any model, paper, person, technique or dataset by any spelling, or browse every derivation in the lineage atlas."));
    var tiles = el("div", "tiles");
    (data.counts || []).forEach(function (c) {
      var t = c.href ? el("a", "tile") : el("div", "tile");
      if (c.href) { t.setAttribute("href", c.href); }
      add(t, el("span", "n", c.n), el("span", "what", c.what));
      tiles.appendChild(t);
    });
    add(h, tiles);
    main.appendChild(h);
    if (data.families && data.families.length) {
      var fc = card("Model families in the atlas"), p = el("div", "chips");
      data.families.forEach(function (f) {
        var a = el("a", "chip family");
        a.setAttribute("href", "/atlas#" + encodeURIComponent("family-" + f.family));
        add(a, document.createTextNode(f.family + " "), el("span", "count", f.models));
        p.appendChild(a);
      });
      main.appendChild(add(fc, p));
    }
  };

  pages.error = function () {
    var h = hero(null, data.label);
    h.removeChild(h.firstChild);
    add(h, el("p", "muted", data.message || ""));
  };

  // -- the atlas -----------------------------------------------------------------------
  pages.atlas = function () {
    var nodes = {}, state = { kinds: {}, from: "", to: "", undated: true, name: "" };
    data.nodes.forEach(function (n) { nodes[n.id] = n; });
    var kinds = usedKinds(data.edges), years = {};
    kinds.forEach(function (k) { state.kinds[k] = true; });
    data.edges.forEach(function (e) { if (e.date) { years[e.date.slice(0, 4)] = true; } });
    years = Object.keys(years).sort();
    var h = hero(null, "Lineage atlas");
    h.removeChild(h.firstChild);
    var summary = el("p", "muted");
    add(h, el("p", "lead", "Every model with a recorded derivation, as trees grouped by family: parents above, what was made from them below; colour is the kind of derivation." +
              (data.offline ? " Click a model for the sentences that state its derivations." : " Click a model for its page.")), summary);
    var bar = el("div", "filters card");
    var kf = el("div", "filter kinds");
    add(kf, el("span", "flabel", "Kinds"));
    kinds.forEach(function (k) {
      var l = el("label", "kindbox"), box = el("input");
      box.type = "checkbox"; box.checked = true; box.dataset.kind = k;
      box.addEventListener("change", function () { state.kinds[k] = box.checked; draw(); });
      var n = data.edges.filter(function (e) { return e.kinds.indexOf(k) >= 0; }).length;
      add(l, box, kindChip(k), el("span", "count", n));
      kf.appendChild(l);
    });
    var df = el("div", "filter dates");
    add(df, el("span", "flabel", "Stated"));
    function yearSelect(first, key) {
      var s = el("select");
      s.setAttribute("aria-label", key === "from" ? "stated from year" : "stated up to year");
      add(s, el("option", null, first)).firstChild.value = "";
      years.forEach(function (y) { var o = el("option", null, y); o.value = y; s.appendChild(o); });
      s.addEventListener("change", function () { state[key] = s.value; draw(); });
      s.id = "atlas-" + key;
      return s;
    }
    var und = el("input");
    und.type = "checkbox"; und.checked = true; und.id = "atlas-undated";
    und.addEventListener("change", function () { state.undated = und.checked; draw(); });
    add(df, el("span", "muted", "from"), yearSelect("any year", "from"), el("span", "muted", "to"), yearSelect("any year", "to"),
        add(el("label", "kindbox"), und, document.createTextNode(" undated too")));
    var nf = el("div", "filter names"), name = el("input");
    name.type = "search"; name.placeholder = "models named…"; name.id = "atlas-name";
    name.setAttribute("aria-label", "show only trees with a model whose name contains");
    name.addEventListener("input", function () { state.name = name.value.trim().toLowerCase(); draw(); });
    add(nf, el("span", "flabel", "Find"), name);
    add(bar, kf, df, nf);
    main.appendChild(bar);
    var out = el("div", "atlas");
    main.appendChild(out);

    function visible(e) {
      if (!e.kinds.some(function (k) { return state.kinds[k]; })) { return false; }
      if (!e.date) { return state.undated; }
      var y = e.date.slice(0, 4);
      return (!state.from || y >= state.from) && (!state.to || y <= state.to);
    }
    function details(tree, n, box) {
      while (box.firstChild) { box.removeChild(box.firstChild); }
      box.hidden = false;
      add(box, el("h3", null, n.label));
      data.edges.filter(function (e) { return e.child === n.id || e.parent === n.id; }).forEach(function (e) {
        var head = add(el("div", "dhead"), el("span", "name", nodes[e.child].label), el("span", "muted", " ← "));
        e.kinds.forEach(function (k) { add(head, kindChip(k)); });
        add(head, el("span", "muted", " ← "), el("span", "name", nodes[e.parent].label));
        add(box, add(el("div", "derivation"), head, e.quote ? el("blockquote", null, e.quote) : null,
                     e.record ? el("div", "meta source", e.record + (e.date ? " · " + e.date : "")) : null));
      });
    }
    var treeOf = {}, edgesOf = [];  // each model's tree, each tree's derivations: computed once
    data.groups.forEach(function (g) { g.trees.forEach(function (ids, i) {
      ids.forEach(function (id) { treeOf[id] = edgesOf.length; });
      g.trees[i] = { ids: ids, at: edgesOf.length };
      edgesOf.push([]);
    }); });
    data.edges.forEach(function (e) { edgesOf[treeOf[e.child]].push(e); });
    var BUDGET = 1500;  // derivations drawn at once; the rest of a family on request (a large store has thousands)
    function drawTree(g, tree, into, key) {
      var ids = tree.ids, es = edgesOf[tree.at].filter(visible);
      if (!es.length) { return 0; }
      var used = {};
      es.forEach(function (e) { used[e.child] = used[e.parent] = true; });
      var ns = ids.filter(function (id) { return used[id]; }).map(function (id) { return nodes[id]; });
      if (state.name && !ns.some(function (n) { return n.label.toLowerCase().indexOf(state.name) >= 0; })) { return 0; }
      var c = el("div", "card tree"), box = el("div", "details");
      box.hidden = true;
      add(c, drawDag(ns, es, { prefix: key, maxWidth: out.clientWidth - 30, onNode: data.offline ? function (n) { details(ids, n, box); } : null }), box);
      if (state.name) {
        c.querySelectorAll(".node").forEach(function (nd) {
          if (nd.textContent.toLowerCase().indexOf(state.name) >= 0) { nd.classList.add("hit"); }
        });
      }
      into.appendChild(c);
      return es.length;
    }
    function draw() {
      while (out.firstChild) { out.removeChild(out.firstChild); }
      var shown = { edges: 0, trees: 0 }, spent = 0, matching = 0, serial = 0;
      data.groups.forEach(function (g) {
        var section = el("section", "family-group"), trees = el("div", "trees"), hd = el("h2");
        section.id = "family-" + g.family;
        add(section, hd, trees);
        var waiting = [];
        g.trees.forEach(function (tree) {
          var n = edgesOf[tree.at].filter(visible).length;
          if (!n) { return; }
          matching += n;
          if (spent < BUDGET) {
            var drawn = drawTree(g, tree, trees, "t" + (serial++));
            spent += drawn; shown.edges += drawn; shown.trees += drawn ? 1 : 0;
          } else { waiting.push(tree); }
        });
        if (waiting.length) {
          var more = el("button", "more", "Draw " + plural(waiting.length, "more tree", "more trees") + " of " + g.family);
          more.type = "button";
          more.addEventListener("click", function () {
            more.remove();
            waiting.forEach(function (tree) { shown.edges += drawTree(g, tree, trees, "t" + (serial++)); });
            say();
          });
          section.appendChild(more);
        }
        if (trees.childNodes.length || waiting.length) {
          add(hd, document.createTextNode(g.family), el("span", "count", plural(trees.childNodes.length + waiting.length, "tree", "trees")));
          out.appendChild(section);
        }
      });
      function say() {
        var all = data.edges.length;
        summary.textContent = (shown.edges === all ? plural(all, "derivation", "derivations") + " between " + plural(data.nodes.length, "model", "models")
          : plural(shown.edges, "derivation", "derivations") + " drawn, of " + (matching < all ? matching + " that match the filters (" + all + " in all)" : all)) +
          (shown.edges < matching ? "; the rest of a family is drawn on request" : "");
      }
      say();
      if (!matching) { out.appendChild(emptyNote("No derivation matches these filters.")); }
    }
    draw();
    if (window.location.hash) {
      var target = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
      if (target) { target.scrollIntoView(); }
    }
  };

  setupSearch();
  (pages[data.page] || pages.error)();
  window.kgReady = true;
})();
