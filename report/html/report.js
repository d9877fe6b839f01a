// nestlint HTML report: renders the JSON in #nestlint-data. Hand-written,
// no dependencies; data reaches the page through textContent only.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("nestlint-data").textContent);
  var app = document.getElementById("app");
  var SEVS = ["error", "warning", "note"];

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function add(parent) {
    for (var i = 1; i < arguments.length; i++) if (arguments[i]) parent.appendChild(arguments[i]);
    return parent;
  }
  function plural(n, w) { return n + " " + w + (n === 1 ? "" : "s"); }

  document.getElementById("meta").textContent = data.tool + " " + data.version + " · " +
    plural(data.filesLinted, "file") + " linted";

  // Summary: counts by severity, then by family.
  var c = data.counts;
  var cards = el("div", "cards");
  cards.id = "summary";
  [["error", c.error], ["warning", c.warning], ["note", c.note], ["suppressed", c.suppressed]].forEach(function (p) {
    var card = add(el("div", "card " + p[0]), el("span", "n", p[1]), el("span", "", p[0] === "suppressed" ? "suppressed" : p[0] + "s"));
    card.querySelector(".n").id = "count-" + p[0];
    cards.appendChild(card);
  });
  add(app, el("h2", "", "Summary"), cards);
  if (data.families.length) {
    var t = el("table", "fam");
    t.id = "families";
    add(t, add(el("tr"), el("th", "", "family"), el("th", "", "errors"), el("th", "", "warnings"), el("th", "", "notes"), el("th", "", "suppressed")));
    data.families.forEach(function (f) {
      var tr = add(el("tr"), el("td", "", f.name), el("td", "", f.error), el("td", "", f.warning), el("td", "", f.note), el("td", "", f.suppressed));
      tr.setAttribute("data-family", f.name);
      t.appendChild(tr);
    });
    app.appendChild(t);
  }

  // Tabs.
  var tabs = el("div", "tabs"), panes = [];
  function tab(name, pane) {
    var b = el("button", "", name);
    b.type = "button";
    b.addEventListener("click", function () {
      panes.forEach(function (p) { p[0].classList.remove("on"); p[1].classList.add("hidden"); });
      b.classList.add("on");
      pane.classList.remove("hidden");
      if (pane.onshow) pane.onshow();
    });
    panes.push([b, pane]);
    tabs.appendChild(b);
    pane.classList.add("hidden");
  }

  function snippet(f) {
    var pre = el("pre", "code");
    f.snippet.lines.forEach(function (text, i) {
      var n = f.snippet.start + i;
      var line = add(el("span", "l" + (n >= f.line && n <= f.endLine ? " hit" : "")), el("span", "no", n));
      line.appendChild(document.createTextNode(text));
      pre.appendChild(line);
    });
    return f.snippet.lines.length ? pre : null;
  }
  function pathList(f) {
    if (!f.path.length) return null;
    var ol = el("ol", "path");
    f.path.forEach(function (s, i) {
      ol.appendChild(add(el("li"), el("div", "step", (i === 0 ? "entry point" : "step " + (i + 1)) + " · " + s.file + ":" + s.line),
        el("strong", "", s.label), s.code ? el("code", "", s.code) : null));
    });
    return ol;
  }
  function finding(f, showFile) {
    var sev = f.suppressed ? "suppressed" : f.severity;
    var d = el("div", "finding " + sev);
    add(d, add(el("div", "head"), el("span", "sev " + sev, sev),
      el("span", "rule", showFile ? "" : f.rule), el("span", "loc", (showFile ? f.file + ":" : "") + f.line + ":" + f.column + (showFile ? "" : " · " + f.rule))));
    if (showFile) d.querySelector(".rule").remove();
    add(d, el("p", "msg", f.message));
    if (f.suppressed && f.justification) add(d, el("p", "loc", "suppressed: " + f.justification));
    add(d, snippet(f), pathList(f));
    return d;
  }
  function groups(key, title, showFile, link) {
    var pane = el("section", "pane"), by = {}, order = [];
    data.findings.forEach(function (f) {
      var k = f[key];
      if (!by[k]) { by[k] = []; order.push(k); }
      by[k].push(f);
    });
    order.sort();
    if (!order.length) pane.appendChild(el("p", "empty", "No findings."));
    order.forEach(function (k) {
      var g = el("details", "group");
      var open = by[k].filter(function (f) { return !f.suppressed; }).length;
      var sum = add(el("summary", "", title(k)), el("span", "cnt", plural(open, "finding") + (by[k].length > open ? ", " + (by[k].length - open) + " suppressed" : "")));
      if (link && link(k)) {
        var a = el("a", "cnt", "docs");
        a.href = link(k);
        a.rel = "noopener";
        sum.appendChild(a);
      }
      g.appendChild(sum);
      g.setAttribute("data-key", k);
      by[k].forEach(function (f) { g.appendChild(finding(f, showFile)); });
      pane.appendChild(g);
    });
    return pane;
  }
  var ruleTitle = {}, ruleHelp = {};
  data.rules.forEach(function (r) { ruleTitle[r.id] = r.title; ruleHelp[r.id] = r.help; });
  var byRule = groups("rule", function (k) { return k + (ruleTitle[k] ? " — " + ruleTitle[k] : ""); }, true,
    function (k) { return /^https:\/\//.test(ruleHelp[k] || "") ? ruleHelp[k] : ""; });
  byRule.id = "by-rule";
  var byFile = groups("file", function (k) { return k; }, false);
  byFile.id = "by-file";
  tab("By rule", byRule);
  tab("By file", byFile);
  var graphPane = el("section", "pane");
  graphPane.id = "graph";
  if (data.graph) tab("Module graph", graphPane);
  add(app, el("h2", "", "Findings"), tabs, byRule, byFile, data.graph ? graphPane : null);
  if (data.notices.length) {
    var ul = el("ul", "notices");
    data.notices.forEach(function (n) { ul.appendChild(el("li", "", n.level + ": " + (n.file ? n.file + ": " : "") + n.message)); });
    add(app, el("h2", "", "Notices"), ul);
  }
  tabs.firstChild.click();
  if (data.graph) drawGraph(data.graph, graphPane);

  // The module graph: columns by import depth from the root modules,
  // every module collapsed to one line; a click expands it and highlights
  // its imports; the filter keeps the matching modules and their
  // neighbours.
  function drawGraph(g, pane) {
    var mods = g.modules, byName = {}, importers = {};
    mods.forEach(function (m, i) { byName[m.name] = i; importers[i] = []; });
    mods.forEach(function (m, i) {
      m.imports.forEach(function (n) { if (n in byName) importers[byName[n]].push(i); });
    });
    // Providers by name, to follow request-scoped chains across modules.
    var prov = {};
    mods.forEach(function (m) { m.providers.concat(m.controllers).forEach(function (p) { if (!(p.name in prov)) prov[p.name] = p; }); });
    function chain(p) {
      var out = [p.name], seen = {}, cur = p;
      seen[p.name] = true;
      for (;;) {
        var next = null;
        for (var i = 0; i < cur.deps.length; i++) {
          var d = prov[cur.deps[i]];
          if (d && d.scope === "request" && !seen[d.name]) { next = d; break; }
          if (!d && /^(REQUEST|CONTEXT)$/.test(cur.deps[i])) { out.push(cur.deps[i]); return out; }
        }
        if (!next) return out;
        out.push(next.name);
        seen[next.name] = true;
        cur = next;
      }
    }
    // Depth: the longest import chain from a module nobody imports, so
    // that imports point right; a cycle stops growing after n rounds.
    var depth = mods.map(function (m, i) { return importers[i].length ? -1 : 0; });
    if (mods.length && depth.indexOf(0) < 0) depth[0] = 0;
    for (var round = 0, changed = true; changed && round < mods.length; round++) {
      changed = false;
      mods.forEach(function (m, i) {
        if (depth[i] < 0) return;
        m.imports.forEach(function (n) {
          var j = byName[n];
          if (j !== undefined && j !== i && depth[j] < depth[i] + 1 && depth[i] + 1 < mods.length) { depth[j] = depth[i] + 1; changed = true; }
        });
      });
    }
    var maxDepth = 0;
    depth.forEach(function (d, i) { if (d < 0) depth[i] = 0; maxDepth = Math.max(maxDepth, depth[i]); });
    var isReq = mods.map(function (m) {
      return m.providers.concat(m.controllers).some(function (p) { return p.scope === "request"; });
    });

    var tools = el("div", "graph-tools");
    var search = el("input");
    search.type = "search";
    search.placeholder = "filter by module name";
    search.id = "module-filter";
    var reqOnly = el("input");
    reqOnly.type = "checkbox";
    reqOnly.id = "req-only";
    var reqLabel = add(el("label"), reqOnly, document.createTextNode(" request-scoped only"));
    var expandAll = el("button", "", "expand all"), collapseAll = el("button", "", "collapse all");
    expandAll.type = collapseAll.type = "button";
    var stats = el("span", "loc");
    stats.id = "graph-stats";
    stats.textContent = plural(mods.length, "module") + ", " + isReq.filter(Boolean).length + " with request-scoped providers";
    add(tools, search, reqLabel, expandAll, collapseAll, stats);
    var area = el("div", "graph");
    var svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("class", "edges");
    area.appendChild(svg);
    add(pane, tools, area);
    if (!mods.length) pane.appendChild(el("p", "empty", "No @Module classes found."));
    if (g.entries.length) { // entry points of no module's controllers: consumers, cron jobs, bootstrap code
      var other = add(el("details", "group"), el("summary", "", "Other entry points (" + g.entries.length + ")"));
      other.id = "other-entries";
      var oul = el("ul");
      g.entries.forEach(function (e) { oul.appendChild(el("li", "", e.label + " (" + e.why + ", " + e.file + ":" + e.line + ")")); });
      add(pane, add(other, oul));
    }

    var cols = [];
    for (var d = 0; d <= maxDepth && mods.length; d++) {
      var col = add(el("div", "col"), el("h3", "", d === 0 ? "root" : "depth " + d));
      cols.push(col);
      area.appendChild(col);
    }
    var cards = mods.map(function (m, i) {
      var card = el("div", "mod" + (isReq[i] ? " req" : ""));
      card.setAttribute("data-module", m.name);
      var nProv = m.providers.length, nEnt = m.entries.length;
      var head = add(el("div", "mh"), el("span", "name", m.name), isReq[i] ? el("span", "badge", "request") : null,
        el("span", "sub", nProv + "p · " + m.controllers.length + "c · " + nEnt + "e"));
      head.title = m.file + ":" + m.line;
      var body = el("div", "body hidden");
      function list(title, items, fn) {
        if (!items.length) return;
        var ul = el("ul");
        items.forEach(function (x) { ul.appendChild(fn(x)); });
        add(body, el("h4", "", title), ul);
      }
      function provItem(p) {
        var li = add(el("li"), document.createTextNode(p.name), el("span", "scope " + p.scope, p.scope));
        if (p.scope === "request") {
          li.appendChild(el("div", "chain", chain(p).join(" → ")));
          if (p.why) li.title = p.why;
        }
        return li;
      }
      add(body, el("div", "loc", m.file + ":" + m.line + (m.global ? " · @Global" : "")));
      list("controllers", m.controllers, provItem);
      list("providers", m.providers, provItem);
      list("entry points", m.entries, function (e) {
        var li = add(el("li", "", e.label + " "), el("span", "loc", e.why));
        li.title = e.file + ":" + e.line;
        return li;
      });
      list("imports", m.imports, function (n) { return el("li", "", n); });
      list("exports", m.exports, function (n) { return el("li", "", n); });
      add(card, head, body);
      head.addEventListener("click", function () {
        body.classList.toggle("hidden");
        select(card.classList.contains("sel") && body.classList.contains("hidden") ? -1 : i);
      });
      return card;
    });
    // Within a column, order modules by where their importers sit (the
    // barycenter), which untangles most edges; ties keep file order.
    var pos = mods.map(function () { return 0; });
    for (var dd = 0; dd <= maxDepth && mods.length; dd++) {
      var inCol = [];
      mods.forEach(function (m, i) { if (depth[i] === dd) inCol.push(i); });
      var key = inCol.map(function (i) {
        var ps = importers[i].filter(function (j) { return depth[j] < dd; }).map(function (j) { return pos[j]; });
        return ps.length ? ps.reduce(function (a, b) { return a + b; }, 0) / ps.length : -1;
      });
      var order = inCol.map(function (i, k) { return k; });
      order.sort(function (a, b) { return key[a] - key[b] || a - b; });
      order.forEach(function (k, p) { pos[inCol[k]] = p; cols[dd].appendChild(cards[inCol[k]]); });
    }
    var selected = -1;
    function select(i) {
      selected = i;
      cards.forEach(function (c, j) { c.classList.toggle("sel", j === i); });
      drawEdges();
    }
    function visible(i) { return !cards[i].classList.contains("hidden"); }
    function drawEdges() {
      while (svg.firstChild) svg.removeChild(svg.firstChild);
      if (pane.classList.contains("hidden")) return;
      var box = area.getBoundingClientRect();
      svg.setAttribute("width", area.scrollWidth);
      svg.setAttribute("height", area.scrollHeight);
      mods.forEach(function (m, i) {
        if (!visible(i)) return;
        m.imports.forEach(function (n) {
          var j = byName[n];
          if (j === undefined || !visible(j) || j === i) return;
          var a = cards[i].getBoundingClientRect(), b = cards[j].getBoundingClientRect();
          var x1 = a.right - box.left + area.scrollLeft, y1 = a.top - box.top + 14 + area.scrollTop;
          var x2 = b.left - box.left + area.scrollLeft, y2 = b.top - box.top + 14 + area.scrollTop;
          var mx = (x1 + x2) / 2;
          if (Math.abs(a.left - b.left) < 1) { x2 = b.right - box.left + area.scrollLeft; mx = x1 + 36; } // same column: loop out right
          else if (x2 < x1) { x1 = a.left - box.left + area.scrollLeft; x2 = b.right - box.left + area.scrollLeft; mx = (x1 + x2) / 2; }
          var p = document.createElementNS("http://www.w3.org/2000/svg", "path");
          p.setAttribute("d", "M" + x1 + "," + y1 + " C" + mx + "," + y1 + " " + mx + "," + y2 + " " + x2 + "," + y2);
          var cls = (i === selected || j === selected) ? "hl" : (isReq[i] && isReq[j] ? "req" : "");
          if (cls) p.setAttribute("class", cls);
          svg.appendChild(p);
        });
      });
    }
    function applyFilter() {
      var q = search.value.trim().toLowerCase(), keep = {};
      mods.forEach(function (m, i) {
        if ((!q || m.name.toLowerCase().indexOf(q) >= 0) && (!reqOnly.checked || isReq[i])) {
          keep[i] = true;
          if (q) {
            m.imports.forEach(function (n) { if (n in byName) keep[byName[n]] = true; });
            importers[i].forEach(function (j) { keep[j] = true; });
          }
        }
      });
      cards.forEach(function (c, i) { c.classList.toggle("hidden", !keep[i]); });
      drawEdges();
    }
    search.addEventListener("input", applyFilter);
    reqOnly.addEventListener("change", applyFilter);
    expandAll.addEventListener("click", function () { cards.forEach(function (c) { c.querySelector(".body").classList.remove("hidden"); }); drawEdges(); });
    collapseAll.addEventListener("click", function () { cards.forEach(function (c) { c.querySelector(".body").classList.add("hidden"); }); drawEdges(); });
    window.addEventListener("resize", drawEdges);
    pane.onshow = drawEdges;
    if (location.hash === "#graph") {
      for (var k = 0; k < panes.length; k++) if (panes[k][1] === pane) panes[k][0].click();
    }
  }
  document.body.setAttribute("data-rendered", String(data.findings.length));
})();
