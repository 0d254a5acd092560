(function () {
  "use strict";
  var ROOT = "__ROOT__";
  var root = document.getElementById(ROOT);
  var D = JSON.parse(document.getElementById(ROOT + "-data").textContent);
  var IX = D.index, N = D.meta.n_documents, CH = D.meta.chunk, LABELS = D.meta.labels;
  var chunks = {};
  var PAGE = 24, ROWS = 100;

  function el(tag, attrs) {
    var e = document.createElement(tag);
    if (attrs) for (var k in attrs) {
      var v = attrs[k];
      if (v === null || v === undefined || v === false) continue;
      if (k === "text") e.textContent = v;
      else if (k === "cls") e.className = v;
      else if (k === "on") e.addEventListener("click", v);
      else e.setAttribute(k, v);
    }
    for (var i = 2; i < arguments.length; i++) add(e, arguments[i]);
    return e;
  }
  function add(e) {                                // add(parent, child, child, ...): arrays and text too
    for (var i = 1; i < arguments.length; i++) {
      var c = arguments[i];
      if (c === null || c === undefined || c === false) continue;
      if (Array.isArray(c)) c.forEach(function (x) { add(e, x); });
      else e.appendChild(typeof c === "object" ? c : document.createTextNode(String(c)));
    }
  }
  function $(sel) { return root.querySelector(sel); }
  function fmt(n) { return n === null || n === undefined ? "" : Number(n).toLocaleString("en-US"); }
  function table(head, rows, numeric) {
    numeric = numeric || [];
    return el("table", null,
      el("thead", null, el("tr", null, head.map(function (h, i) {
        return el("th", {cls: numeric.indexOf(i) >= 0 ? "n" : null, text: h}); }))),
      el("tbody", null, rows.map(function (r) {
        return el("tr", null, r.map(function (c, i) {
          return el("td", {cls: numeric.indexOf(i) >= 0 ? "n" : null}, typeof c === "number" ? fmt(c) : c); }));
      })));
  }
  function bar(n, max, w) { return el("span", {cls: "bar", style: "width:" + Math.max(1, Math.round((w || 200) * n / (max || 1))) + "px"}); }
  function docLink(i, label) {
    return el("button", {cls: "link", text: label || IX.path[i], on: function () { openDoc(i); }});
  }
  function chunk(c) {
    if (!chunks[c]) chunks[c] = JSON.parse(document.getElementById(ROOT + "-c" + c).textContent);
    return chunks[c];
  }
  function doc(i) { return chunk(Math.floor(i / CH))[i % CH]; }

  // ---- highlighted text -------------------------------------------------------------
  function mark(text, m) {
    return el("mark", {cls: "e e-" + m[2], title: m[2] + (m[3] ? ": " + m[3] : "")}, text, el("b", {text: m[2]}));
  }
  function marked(parent, text, a, b, ms) {
    var cur = a;
    for (var k = 0; k < ms.length; k++) {
      var m = ms[k];
      if (m[1] <= a || m[0] >= b) continue;
      var s = Math.max(m[0], a), e = Math.min(m[1], b);
      if (s < cur) continue;                       // overlapping mention: the first one wins
      if (s > cur) add(parent, text.slice(cur, s));
      add(parent, mark(text.slice(s, e), m));
      cur = e;
    }
    if (cur < b) add(parent, text.slice(cur, b));
    return parent;
  }
  function snippet(i, limit) {
    var d = doc(i), from = d[0].length - d[0].replace(/^\s+/, "").length, end = Math.min(d[0].length, from + limit);
    var box = el("div", {cls: "text", dir: d[1], lang: IX.lang[i] || null});
    marked(box, d[0], from, end, d[3]);
    if (end < d[0].length) add(box, " …");
    return box;
  }
  function fullText(i) {
    var d = doc(i), text = d[0], spans = d[2], box = el("div", {cls: "text", dir: d[1], lang: IX.lang[i] || null});
    if (!spans.length) return marked(box, text, 0, text.length, d[3]);
    var cur = 0;
    spans.forEach(function (s) {
      if (s[0] > cur && text.slice(cur, s[0]).trim()) marked(box, text, cur, s[0], d[3]);
      var st = el("div", {cls: "stretch", lang: s[2], dir: s[3], "data-lang": s[2]}, el("span", {cls: "lg", text: s[2]}));
      marked(st, text, Math.max(s[0], cur), s[1], d[3]);
      box.appendChild(st);
      cur = Math.max(cur, s[1]);
    });
    if (cur < text.length && text.slice(cur).trim()) marked(box, text, cur, text.length, d[3]);
    return box;
  }
  function legend() {
    return el("div", {cls: "legend"}, LABELS.map(function (l) { return el("mark", {cls: "e e-" + l, text: l}); }));
  }

  // ---- overview ---------------------------------------------------------------------
  function overview(sec) {
    var O = D.overview, langs = [], stats = [], cell = {};
    O.by_lang_status.forEach(function (r) {
      if (langs.indexOf(r[0]) < 0) langs.push(r[0]);
      if (stats.indexOf(r[1]) < 0) stats.push(r[1]);
      cell[r[0] + "|" + r[1]] = r[2];
    });
    var byStatus = {};
    O.by_lang_status.forEach(function (r) { byStatus[r[1]] = (byStatus[r[1]] || 0) + r[2]; });
    var nm = 0; for (var l in O.mentions_by_label) nm += O.mentions_by_label[l];
    var ne = 0; for (var l2 in O.entities_by_label) ne += O.entities_by_label[l2];
    add(sec, el("div", {cls: "cards"}, [["documents", O.documents], ["ok", byStatus.ok || 0],
      ["failed", byStatus.failed || 0], ["deleted", byStatus.deleted || 0], ["mentions", nm], ["entities", ne],
      ["dated mentions", D.timeline.rows.length]].map(function (c) {
        return el("div", {cls: "card"}, el("b", {text: fmt(c[1])}), el("span", {text: c[0]})); })));
    var maxL = Math.max.apply(null, [1].concat(Object.values(O.mentions_by_label)));
    add(sec, el("div", {cls: "cols"},
      el("div", null, el("h2", {text: "Documents per language and status"}),
        table(["language"].concat(stats, ["total"]), langs.map(function (lg) {
          var tot = 0, row = [lg || "(none)"];
          stats.forEach(function (s) { var v = cell[lg + "|" + s] || 0; tot += v; row.push(v); });
          row.push(tot);
          return row;
        }), stats.map(function (_, i) { return i + 1; }).concat([stats.length + 1]))),
      el("div", null, el("h2", {text: "Mentions per label"}),
        table(["label", "mentions", ""], Object.keys(O.mentions_by_label).map(function (l) {
          return [el("mark", {cls: "e e-" + l, text: l}), O.mentions_by_label[l], bar(O.mentions_by_label[l], maxL)];
        }), [1]))));
    add(sec, el("h2", {text: "Failures (" + fmt(O.n_failures) + ")"}));
    if (!O.n_failures) { add(sec, el("p", {cls: "muted", text: "No document failed."})); return; }
    add(sec, table(["reason", "documents"], Object.keys(O.failure_reasons).map(function (r) {
      return [r, O.failure_reasons[r]]; }), [1]));
    var pos = {}; IX.path.forEach(function (p, i) { pos[p] = i; });
    add(sec, el("div", {cls: "scroll"}, table(["path", "reason"], O.failures.map(function (f) {
      return [docLink(pos[f[0]], f[0]), el("span", {cls: "err", text: f[1]})]; }))));
    if (O.n_failures > O.failures.length)
      add(sec, el("p", {cls: "muted", text: "First " + O.failures.length + " shown; filter the documents by status for all."}));
  }

  // ---- entities ---------------------------------------------------------------------
  function entities(sec) {
    var q = el("input", {type: "search", placeholder: "filter entities", "aria-label": "filter entities"});
    var body = el("div");
    add(sec, el("div", {cls: "toolbar"}, q, el("span", {cls: "muted",
      text: "Top entities per label by mentions; click a count to list its documents."})));
    add(sec, body);
    function draw() {
      var f = q.value.trim().toLowerCase();
      body.textContent = "";
      Object.keys(D.entities).forEach(function (lab) {
        var rows = D.entities[lab].filter(function (e) {
          return !f || e.canonical.toLowerCase().indexOf(f) >= 0 ||
            e.variants.some(function (v) { return v.toLowerCase().indexOf(f) >= 0; });
        });
        add(body, el("h2", null, el("mark", {cls: "e e-" + lab, text: lab}), " " + rows.length + " shown"));
        add(body, table(["entity", "lang", "mentions", "documents", "variants", "across languages"],
          rows.map(function (e) {
            return [el("span", {dir: e.dir, lang: e.lang, text: e.canonical}), e.lang, e.mentions,
              el("button", {cls: "link", text: fmt(e.docs), on: function () { showDocs({entity: e}); }}),
              el("span", {dir: "auto", text: e.variants.join(" · ")}),
              e.xlang.length ? e.xlang.map(function (x) {
                return el("button", {cls: "pill link", title: "show " + x[0], text: x[0] + " (" + x[1] + ")",
                  on: function () { q.value = x[0]; draw(); }}); })
                : el("span", {cls: "muted", text: e.xlang_id ? "none in this corpus" : ""})];
          }), [2, 3]));
      });
    }
    q.addEventListener("input", draw);
    draw();
  }

  // ---- timeline ---------------------------------------------------------------------
  function timeline(sec) {
    var T = D.timeline, sel = {year: null, day: null, page: 0};
    var cal = Object.keys(T.calendars).map(function (c) { return c + ": " + fmt(T.calendars[c]); }).join(", ");
    add(sec, el("p", {cls: "muted", text: fmt(T.rows.length) + " dated mentions (" + (cal || "none") + "), " +
      fmt(T.undated) + " without a value (relative expressions, durations). Jalali and Hijri dates are counted by " +
      "their Gregorian reading."}));
    var years = el("div", {cls: "scroll"}), days = el("div", {cls: "scroll"}), list = el("div");
    add(sec, el("div", {cls: "cols"}, el("div", null, el("h2", {text: "By year"}), years),
      el("div", null, el("h2", {text: "By day"}), days)));
    var maxY = Math.max.apply(null, [1].concat(T.by_year.map(function (y) { return y[1]; })));
    add(years, table(["year", "mentions", ""], T.by_year.map(function (y) {
      return [el("button", {cls: "link", text: String(y[0]), on: function () { sel = {year: y[0], day: null, page: 0}; drawDays(); drawList(); }}),
        y[1], bar(y[1], maxY)]; }), [1]));
    function drawDays() {
      days.textContent = "";
      var ds = T.by_day.filter(function (d) { return sel.year === null || d[0].slice(0, 4) === String(sel.year).padStart(4, "0"); });
      if (!ds.length) { add(days, el("p", {cls: "muted", text: "No dates that name a day" + (sel.year !== null ? " in " + sel.year : "") + "."})); return; }
      if (ds.length > 366) {                        // all years at once: the busiest days, in date order
        add(days, el("p", {cls: "muted", text: "The 200 busiest of " + fmt(ds.length) + " days; choose a year for all of its days."}));
        ds = ds.slice().sort(function (a, b) { return b[1] - a[1]; }).slice(0, 200).sort();
      }
      var maxD = Math.max.apply(null, [1].concat(ds.map(function (d) { return d[1]; })));
      add(days, table(["day", "mentions", ""], ds.map(function (d) {
        return [el("button", {cls: "link", text: d[0], on: function () { sel.day = d[0]; sel.page = 0; drawList(); }}), d[1], bar(d[1], maxD)];
      }), [1]));
    }
    function drawList() {
      list.textContent = "";
      var rows = T.rows.filter(function (r) {
        if (sel.day) return r[0] <= sel.day && (r[2].indexOf("/") < 0 ? r[0] === sel.day : r[2].split("/")[1] >= sel.day);
        return sel.year === null || r[0].slice(0, 4) === String(sel.year).padStart(4, "0");
      });
      add(list, el("h2", {text: "Dates " + (sel.day ? "on " + sel.day : sel.year !== null ? "in " + sel.year : "(all)") + ": " + fmt(rows.length)}));
      if (sel.year !== null || sel.day) add(list, el("button", {cls: "link", text: "show all years", on: function () {
        sel = {year: null, day: null, page: 0}; drawDays(); drawList(); }}));
      add(list, pager(rows.length, ROWS, sel.page, function (p) { sel.page = p; drawList(); }));
      add(list, table(["expression", "value (Gregorian)", "calendar", "as written in its calendar", "document"],
        rows.slice(sel.page * ROWS, (sel.page + 1) * ROWS).map(function (r) {
          return [el("span", {dir: "auto", text: r[1]}), r[2], r[3], r[4], r[5] >= 0 ? docLink(r[5]) : ""]; })));
    }
    var other = T.rows.filter(function (r) { return r[3] && r[3] !== "gregorian"; });
    if (other.length) {
      add(sec, el("h2", {text: "Jalali and Hijri dates with their Gregorian reading (" + fmt(other.length) + ")"}));
      add(sec, el("div", {cls: "scroll"}, table(["expression", "calendar", "as written", "Gregorian", "document"],
        other.slice(0, 500).map(function (r) {
          return [el("span", {dir: "auto", text: r[1]}), r[3], r[4], r[2], r[5] >= 0 ? docLink(r[5]) : ""]; }))));
    }
    add(sec, list);
    drawDays(); drawList();
  }

  // ---- documents --------------------------------------------------------------------
  var F = {q: "", lang: "", status: "", entity: null, page: 0}, docsSec, viewer, listBox;
  function pager(n, size, page, go) {
    var pages = Math.max(1, Math.ceil(n / size));
    return el("div", {cls: "pager toolbar"},
      el("button", {text: "‹ prev", disabled: page <= 0 ? "disabled" : null, on: function () { go(page - 1); }}),
      el("span", {cls: "muted", text: "page " + (page + 1) + " of " + pages + " (" + fmt(n) + ")"}),
      el("button", {text: "next ›", disabled: page >= pages - 1 ? "disabled" : null, on: function () { go(page + 1); }}));
  }
  function matching() {
    var q = F.q.toLowerCase(), out = [], only = F.entity ? F.entity.doc_idx : null;
    var langs = F.lang ? F.lang.split(",") : null;        // one language, or several: "fa,ru"
    var idx = only || IX.path.map(function (_, i) { return i; });
    for (var k = 0; k < idx.length; k++) {
      var i = idx[k];
      if (langs && langs.indexOf(IX.lang[i]) < 0) continue;
      if (F.status && IX.status[i] !== F.status) continue;
      if (q && IX.path[i].toLowerCase().indexOf(q) < 0) continue;
      out.push(i);
    }
    return out;
  }
  function docHead(i) {
    return el("div", {cls: "head"}, docLink(i), el("span", {cls: "pill", text: IX.lang[i] || "und"}),
      el("span", {cls: "st-" + IX.status[i], text: IX.status[i]}),
      el("span", {cls: "muted", text: fmt(IX.n_chars[i]) + " chars · " + fmt(IX.n_mentions[i]) + " mentions"}),
      IX.error[i] ? el("span", {cls: "err", text: IX.error[i]}) : null);
  }
  function drawList() {
    listBox.textContent = "";
    viewer.hidden = true; listBox.hidden = false;
    var ids = matching(), pages = Math.ceil(ids.length / PAGE);
    if (F.page >= pages) F.page = Math.max(0, pages - 1);
    if (F.entity) add(listBox, el("p", null, "Documents that mention ", el("b", {dir: F.entity.dir, text: F.entity.canonical}),
      " ", el("button", {cls: "link", text: "(clear)", on: function () { F.entity = null; F.page = 0; drawList(); }})));
    add(listBox, pager(ids.length, PAGE, F.page, function (p) { F.page = p; drawList(); }));
    var grid = el("div", {cls: "grid"});
    ids.slice(F.page * PAGE, (F.page + 1) * PAGE).forEach(function (i) {
      add(grid, el("div", {cls: "doc", "data-path": IX.path[i], "data-lang": IX.lang[i]}, docHead(i), snippet(i, 900)));
    });
    add(listBox, grid);
  }
  function openDoc(i) {
    show("documents");
    var d = doc(i);
    viewer.textContent = "";
    listBox.hidden = true; viewer.hidden = false;
    add(viewer, el("div", {cls: "toolbar"}, el("button", {text: "← back to the list", on: drawList}),
      el("button", {text: "‹ previous", disabled: i <= 0 ? "disabled" : null, on: function () { openDoc(i - 1); }}),
      el("button", {text: "next ›", disabled: i >= N - 1 ? "disabled" : null, on: function () { openDoc(i + 1); }})));
    var box = el("div", {cls: "doc open", "data-path": IX.path[i], "data-lang": IX.lang[i]}, docHead(i),
      d[2].length > 1 ? el("p", {cls: "muted", text: "language stretches: " + d[2].map(function (s) {
        return s[2] + " " + s[0] + "–" + s[1]; }).join(", ")}) : null, fullText(i));
    add(viewer, box);
    if (d[3].length) add(viewer, el("h3", {text: "Mentions"}), table(["label", "text", "normalized", "offsets"],
      d[3].map(function (m) { return [el("mark", {cls: "e e-" + m[2], text: m[2]}),
        el("span", {dir: "auto", text: d[0].slice(m[0], m[1])}), el("span", {dir: "auto", text: m[3] || ""}), m[0] + "–" + m[1]]; })));
    root.scrollIntoView();
  }
  function documents(sec) {
    docsSec = sec;
    var langs = [], stats = [];
    IX.lang.forEach(function (l) { if (langs.indexOf(l) < 0) langs.push(l); });
    IX.status.forEach(function (s) { if (stats.indexOf(s) < 0) stats.push(s); });
    langs.sort(); stats.sort();
    var q = el("input", {type: "search", placeholder: "path contains…", "aria-label": "path"});
    var sl = el("select", {"aria-label": "language"}, el("option", {value: "", text: "all languages"}),
      langs.map(function (l) { return el("option", {value: l, text: l || "(none)"}); }));
    var ss = el("select", {"aria-label": "status"}, el("option", {value: "", text: "any status"}),
      stats.map(function (s) { return el("option", {value: s, text: s}); }));
    q.addEventListener("input", function () { F.q = q.value; F.page = 0; drawList(); });
    sl.addEventListener("change", function () { F.lang = sl.value; F.page = 0; drawList(); });
    ss.addEventListener("change", function () { F.status = ss.value; F.page = 0; drawList(); });
    add(sec, el("div", {cls: "toolbar"}, q, sl, ss, legend()));
    listBox = el("div"); viewer = el("div", {hidden: "hidden"});
    add(sec, listBox, viewer);
    sec.sync = function () {
      if (F.lang && !sl.querySelector('option[value="' + F.lang + '"]')) add(sl, el("option", {value: F.lang, text: F.lang}));
      q.value = F.q; sl.value = F.lang; ss.value = F.status;
    };
  }
  function showDocs(f) {
    F = {q: f.q || "", lang: f.lang || "", status: f.status || "", entity: f.entity || null, page: f.page || 0};
    show("documents");
    docsSec.sync();
    drawList();
  }

  // ---- runs ---------------------------------------------------------------------------
  function runs(sec) {
    if (!D.runs.length) { add(sec, el("p", {cls: "muted", text: "No runs recorded."})); return; }
    add(sec, el("h2", {text: "Last " + D.runs.length + " runs"}));
    add(sec, el("div", {cls: "scroll"}, table(["started", "corpus", "status", "seen", "new", "changed", "unchanged",
      "deleted", "failed", "processed", "mentions", "s", "languages", "run id", "Prefect flow run"],
      D.runs.map(function (r) {
        return [r.started_at, r.corpus, r.status, r.seen, r.new, r.changed, r.unchanged, r.deleted, r.failed,
          r.processed, r.mentions_written, r.duration_s, Object.keys(r.per_language).map(function (k) {
            return k + " " + r.per_language[k]; }).join(", "), r.run_id.slice(0, 8), r.flow_run_id || ""];
      }), [3, 4, 5, 6, 7, 8, 9, 10, 11])));
  }

  // ---- tabs ---------------------------------------------------------------------------
  var TABS = [["overview", "Overview", overview], ["entities", "Entities", entities], ["timeline", "Timeline", timeline],
    ["documents", "Documents", documents], ["runs", "Runs", runs]];
  var nav = $("nav"), main = $("main"), built = {};
  TABS.forEach(function (t) {
    add(nav, el("button", {"data-tab": t[0], text: t[1], on: function () { show(t[0]); if (t[0] === "documents" && !listBox.childNodes.length && viewer.hidden) drawList(); }}));
    add(main, el("section", {"data-tab": t[0], hidden: "hidden"}));
  });
  function show(name) {
    TABS.forEach(function (t) {
      var sec = main.querySelector('section[data-tab="' + t[0] + '"]');
      if (t[0] === name && !built[name]) { built[name] = true; t[2](sec); }
      sec.hidden = t[0] !== name;
      nav.querySelector('button[data-tab="' + t[0] + '"]').className = t[0] === name ? "on" : "";
    });
  }
  function byPath(p) { return IX.path.indexOf(p); }
  var api = {
    show: function (t) { show(t); if (t === "documents") drawList(); },
    openDoc: function (p) { var i = typeof p === "number" ? p : byPath(p); if (i < 0) throw new Error("no document " + p); openDoc(i); },
    showDocs: showDocs, data: D
  };
  root.lingflow = api;
  window.lingflowReport = api;
  // initial view from the address: #documents, #doc=PATH, #documents&lang=fa
  var h = new URLSearchParams((location.hash || "").replace(/^#/, ""));
  show("overview");
  if (h.has("doc") && byPath(h.get("doc")) >= 0) openDoc(byPath(h.get("doc")));
  else if (h.has("documents") || h.has("lang") || h.has("status") || h.has("q"))
    showDocs({lang: h.get("lang"), status: h.get("status"), q: h.get("q")});
  else TABS.forEach(function (t) { if (h.has(t[0])) show(t[0]); });
  root.setAttribute("data-ready", String(Math.round(performance.now())));
})();
