// docgen reader script: client-library tabs, copy buttons and the root page's
// language suggestion. No framework; everything works without it (all
// variants show, each under its heading).
(function () {
  "use strict";
  var KEY = "docgen.client";
  var doc = document.documentElement;
  doc.classList.add("js");

  function stored() { try { return localStorage.getItem(KEY); } catch (e) { return null; } }
  function store(v) { try { localStorage.setItem(KEY, v); } catch (e) { /* private mode */ } }

  // Client-library groups: WAI-ARIA tabs; one choice drives every group.
  function groups() { return Array.prototype.slice.call(document.querySelectorAll(".clients")); }
  function tabsOf(g) { return Array.prototype.slice.call(g.querySelectorAll('[role="tab"]')); }

  function select(g, client, focus) {
    var tabs = tabsOf(g), chosen = null;
    tabs.forEach(function (t) { if (t.dataset.client === client) chosen = t; });
    var missing = !chosen;
    if (!chosen) chosen = tabs[0];
    tabs.forEach(function (t) {
      var on = t === chosen;
      t.setAttribute("aria-selected", on ? "true" : "false");
      t.tabIndex = on ? 0 : -1;
      var panel = document.getElementById(t.getAttribute("aria-controls"));
      if (panel) panel.hidden = !on;
    });
    if (focus) chosen.focus();
    var note = g.querySelector(".client-note");
    if (missing && client) {
      if (!note) {
        note = document.createElement("p");
        note.className = "client-note";
        note.setAttribute("role", "status");
        g.insertBefore(note, g.firstChild.nextSibling);
      }
      var name = client;
      document.querySelectorAll('[role="tab"][data-client="' + client + '"]').forEach(function (t) { name = t.textContent; });
      note.textContent = (document.body.dataset.clientMissing || "")
        .replace("{chosen}", name).replace("{shown}", chosen.textContent);
      note.hidden = false;
    } else if (note) {
      note.hidden = true;
    }
  }

  function selectAll(client) { groups().forEach(function (g) { select(g, client, false); }); }

  function setupTabs() {
    var fromURL = new URLSearchParams(location.search).get("client");
    var choice = fromURL || stored();
    if (fromURL) store(fromURL);
    groups().forEach(function (g) {
      var list = g.querySelector('[role="tablist"]');
      list.hidden = false;
      tabsOf(g).forEach(function (t) {
        var panel = document.getElementById(t.getAttribute("aria-controls"));
        if (panel) {
          panel.setAttribute("role", "tabpanel");
          panel.setAttribute("aria-labelledby", t.id);
          panel.tabIndex = 0;
        }
        t.addEventListener("click", function () { store(t.dataset.client); selectAll(t.dataset.client); });
      });
      list.addEventListener("keydown", function (e) {
        var tabs = tabsOf(g), i = tabs.indexOf(document.activeElement);
        if (i < 0) return;
        var rtl = getComputedStyle(list).direction === "rtl";
        var next = { ArrowRight: rtl ? i - 1 : i + 1, ArrowLeft: rtl ? i + 1 : i - 1, Home: 0, End: tabs.length - 1 }[e.key];
        if (next === undefined) return;
        e.preventDefault();
        var t = tabs[(next + tabs.length) % tabs.length];
        store(t.dataset.client);
        selectAll(t.dataset.client);
        t.focus();
      });
      select(g, choice, false);
    });
  }

  // Copy buttons: copy the code exactly as written.
  function setupCopy() {
    var label = document.body.dataset.copy || "Copy", done = document.body.dataset.copied || "Copied";
    document.querySelectorAll(".code").forEach(function (box) {
      var code = box.querySelector("code");
      if (!code) return;
      var b = document.createElement("button");
      b.type = "button";
      b.className = "copy";
      b.textContent = label;
      b.addEventListener("click", function () {
        var text = code.textContent.replace(/\n$/, "");
        var ok = function () { b.textContent = done; setTimeout(function () { b.textContent = label; }, 1500); };
        if (navigator.clipboard) navigator.clipboard.writeText(text).then(ok, function () {});
      });
      box.appendChild(b);
    });
  }

  // Root page: point out the language the browser prefers.
  function setupSuggestion() {
    var hint = document.querySelector(".suggestion");
    if (!hint) return;
    var links = Array.prototype.slice.call(document.querySelectorAll(".language-list a"));
    var prefs = navigator.languages || [navigator.language || ""];
    for (var i = 0; i < prefs.length; i++) {
      var base = prefs[i].toLowerCase().split("-")[0];
      for (var j = 0; j < links.length; j++) {
        if (links[j].dataset.lang.toLowerCase() === base) {
          links[j].classList.add("suggested");
          hint.textContent = hint.dataset.label + ": ";
          var a = links[j].cloneNode(true);
          a.classList.remove("suggested");
          hint.appendChild(a);
          hint.hidden = false;
          return;
        }
      }
    }
  }

  // Search: the language's index is fetched on first use and matched by
  // normalized substring (see internal/search: Fold must stay its twin).
  function fold(ch) {
    var out = "";
    for (var c of ch.normalize("NFKD")) {
      var cp = c.codePointAt(0);
      if (c === "\u064a" || c === "\u0649") c = "\u06cc";
      else if (c === "\u0643") c = "\u06a9";
      else if (c === "\u0629") c = "\u0647";
      else if (cp === 0x200c || cp === 0x200d || cp === 0x200e || cp === 0x200f || cp === 0x640 || cp === 0xad) continue;
      else if ((cp >= 0x64b && cp <= 0x65f) || cp === 0x670) continue;
      else if (cp >= 0x300 && cp <= 0x36f) continue;
      out += c.toLowerCase();
    }
    return out.normalize("NFC");
  }
  // normalize returns the folded text and, for each of its UTF-16 units, the
  // offset in s of the character it came from.
  function normalize(s) {
    var text = "", from = [], i = 0;
    for (var ch of s) {
      var f = fold(ch);
      for (var k = 0; k < f.length; k++) from.push(i);
      text += f;
      i += ch.length;
    }
    from.push(s.length);
    return { text: text, from: from };
  }
  window.docgenFold = function (s) { return normalize(s).text; };

  function setupSearch() {
    var box = document.querySelector(".search");
    if (!box) return;
    var input = box.querySelector("input"), list = box.querySelector(".search-results");
    var status = box.querySelector("#search-status"), body = document.body.dataset;
    var index = null, loading = null;
    box.hidden = false;

    function load() {
      if (!loading) {
        loading = fetch(box.dataset.index).then(function (r) { return r.json(); }).then(function (data) {
          index = [];
          data.docs.forEach(function (d) {
            var title = normalize(d.t).text;
            d.s.forEach(function (s) {
              index.push({ doc: d, sec: s, title: title, head: normalize(s.h || "").text, body: normalize(s.x) });
            });
          });
        });
      }
      return loading;
    }

    function snippet(entry, term) {
      var p = document.createElement("p"), at = entry.body.text.indexOf(term);
      var src = entry.sec.x;
      if (at < 0) { p.textContent = src.slice(0, 140) + (src.length > 140 ? "…" : ""); return p; }
      var start = entry.body.from[at], end = entry.body.from[at + term.length];
      var from = Math.max(0, start - 60), to = Math.min(src.length, end + 80);
      p.appendChild(document.createTextNode((from > 0 ? "…" : "") + src.slice(from, start)));
      var mark = document.createElement("mark");
      mark.textContent = src.slice(start, end);
      p.appendChild(mark);
      p.appendChild(document.createTextNode(src.slice(end, to) + (to < src.length ? "…" : "")));
      return p;
    }

    function run() {
      var q = input.value, terms = normalize(q).text.split(/\s+/).filter(Boolean);
      list.textContent = "";
      if (!terms.length) { list.hidden = true; status.textContent = ""; return; }
      var hits = [];
      index.forEach(function (e) {
        var score = 0;
        for (var i = 0; i < terms.length; i++) {
          var t = terms[i], n = (e.title.indexOf(t) >= 0 ? 10 : 0) + (e.head.indexOf(t) >= 0 ? 5 : 0) + e.body.text.split(t).length - 1;
          if (!n) return;
          score += n;
        }
        hits.push({ e: e, score: score });
      });
      hits.sort(function (a, b) { return b.score - a.score; });
      hits.slice(0, 20).forEach(function (h) {
        var li = document.createElement("li"), a = document.createElement("a");
        a.href = box.dataset.root + h.e.doc.u + (h.e.sec.a ? "#" + h.e.sec.a : "");
        a.textContent = h.e.doc.t;
        if (h.e.doc.l) li.lang = h.e.doc.l;
        if (h.e.sec.h) {
          var hd = document.createElement("span");
          hd.className = "search-heading";
          hd.textContent = " › " + h.e.sec.h;
          a.appendChild(hd);
        }
        li.appendChild(a);
        li.appendChild(snippet(h.e, terms[0]));
        list.appendChild(li);
      });
      if (!hits.length) {
        var li = document.createElement("li");
        li.className = "search-empty";
        li.textContent = (body.searchNone || "").replace("{query}", q);
        list.appendChild(li);
      }
      status.textContent = hits.length ? (body.searchResults || "").replace("{query}", q) + " (" + hits.length + ")" : (body.searchNone || "").replace("{query}", q);
      list.hidden = false;
    }

    input.addEventListener("input", function () { load().then(run); });
    input.addEventListener("focus", load);
    input.addEventListener("keydown", function (e) {
      if (e.key === "Escape") { input.value = ""; run(); }
      if (e.key === "ArrowDown") { var a = list.querySelector("a"); if (a) { e.preventDefault(); a.focus(); } }
    });
    list.addEventListener("keydown", function (e) {
      if (e.key === "Escape") { list.hidden = true; input.focus(); }
    });
  }


  // Small screens: the guide list and the table of contents fold behind a
  // Menu button (CSS shows the button only on narrow viewports).
  function setupMenu() {
    var button = document.querySelector(".menu-toggle"), nav = document.getElementById("site-nav");
    if (!button || !nav) return;
    button.hidden = false;
    doc.classList.add("menu-closed");
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") !== "true";
      button.setAttribute("aria-expanded", open ? "true" : "false");
      nav.classList.toggle("open", open);
      doc.classList.toggle("menu-closed", !open);
    });
  }

  function init() { setupTabs(); setupCopy(); setupSuggestion(); setupSearch(); setupMenu(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
