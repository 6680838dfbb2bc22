"""The query page at GET /query: one self-contained HTML file (no CDN), results written with textContent.

Kept as a Python string so it ships with the code (no package-data entry to
forget); the Content-Security-Policy allows exactly this page's one inline
script, by hash, and connections back to this server only.
"""

from __future__ import annotations

import base64
import hashlib

SCRIPT = r"""
(function () {
  "use strict";
  var q = document.getElementById("q"), out = document.getElementById("out"),
      pre = document.getElementById("raw"), status = document.getElementById("status");
  function clear() {
    while (out.firstChild) { out.removeChild(out.firstChild); }
    pre.textContent = "";
  }
  function cell(row, tag, text) { var c = document.createElement(tag); c.textContent = text; row.appendChild(c); }
  function term(b) {
    if (!b) { return ""; }
    if (b.type === "uri") { return "<" + b.value + ">"; }
    if (b.type === "bnode") { return "_:" + b.value; }
    if (b.type === "literal") { return b.value + (b["xml:lang"] ? " @" + b["xml:lang"] : ""); }
    return JSON.stringify(b.value);
  }
  function run() {
    var started = Date.now();
    status.textContent = "running…";
    fetch("sparql", { method: "POST", body: q.value, headers: {
        "Content-Type": "application/sparql-query",
        "Accept": "application/sparql-results+json, text/turtle;q=0.9" } })
      .then(function (r) { return r.text().then(function (t) { return [r, t]; }); })
      .then(function (rt) {
        var r = rt[0], text = rt[1], secs = ((Date.now() - started) / 1000).toFixed(2) + " s";
        clear();
        if (!r.ok) { status.textContent = "error " + r.status + ": " + text; return; }
        var cut = r.headers.get("X-Kg-Truncated") ? " (cut at the row limit)" : "";
        if ((r.headers.get("Content-Type") || "").indexOf("application/sparql-results+json") !== 0) {
          pre.textContent = text; status.textContent = secs + cut; return;
        }
        var data = JSON.parse(text);
        if ("boolean" in data) { status.textContent = String(data.boolean) + " · " + secs; return; }
        var head = document.createElement("tr");
        data.head.vars.forEach(function (v) { cell(head, "th", v); });
        out.appendChild(head);
        data.results.bindings.forEach(function (b) {
          var row = document.createElement("tr");
          data.head.vars.forEach(function (v) { cell(row, "td", term(b[v])); });
          out.appendChild(row);
        });
        status.textContent = data.results.bindings.length + " rows · " + secs + cut;
      })
      .catch(function (e) { status.textContent = String(e); });
  }
  document.getElementById("run").addEventListener("click", run);
  q.addEventListener("keydown", function (e) { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { run(); } });
})();
"""

STYLE = """
body { font: 14px system-ui, sans-serif; margin: 16px; color: #222; }
textarea { width: 100%; height: 180px; font: 13px ui-monospace, monospace; box-sizing: border-box; }
table { border-collapse: collapse; margin-top: 12px; }
td, th { border: 1px solid #ddd; padding: 3px 6px; text-align: left; vertical-align: top;
         max-width: 60ch; overflow-wrap: anywhere; unicode-bidi: isolate; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; }
#status { color: #555; margin-left: 8px; }
"""

EXAMPLE = """SELECT ?model ?parameters WHERE {
  ?m a mlkg:Model ; rdfs:label ?model .
  OPTIONAL { ?m mlkg:parameterCount ?parameters }
} ORDER BY ?model LIMIT 50"""


def _hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode() + "'"


HTML = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>kg SPARQL endpoint</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>{STYLE}</style></head><body>
<h1>kg SPARQL endpoint</h1>
<p>Read-only SPARQL 1.1 over this store, at <code>/sparql</code> (GET or POST).
Prefixes mlkg, rdf, rdfs, xsd, skos, dcterms and prov are predeclared. Ctrl+Enter runs.</p>
<textarea id="q" spellcheck="false">{EXAMPLE.replace("<", "&lt;")}</textarea>
<p><button id="run">Run</button><span id="status"></span></p>
<table id="out"></table><pre id="raw"></pre>
<script>{SCRIPT}</script></body></html>
"""

CSP = (f"default-src 'none'; script-src {_hash(SCRIPT)}; style-src {_hash(STYLE)}; connect-src 'self'; "
       "img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
