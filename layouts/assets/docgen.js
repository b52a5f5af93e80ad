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
  function groups() { return Array.from(document.querySelectorAll(".clients")); }
  function tabsOf(g) { return Array.from(g.querySelectorAll('[role="tab"]')); }

  function select(g, client, focus) {
    var tabs = tabsOf(g), chosen = null;
    tabs.forEach((t) => { if (t.dataset.client === client) chosen = t; });
    var missing = !chosen;
    if (!chosen) chosen = tabs[0];
    tabs.forEach((t) => {
      var on = t === chosen;
      t.setAttribute("aria-selected", String(on));
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
      document.querySelectorAll('[role="tab"][data-client="' + client + '"]').forEach((t) => { name = t.textContent; });
      note.textContent = (document.body.dataset.clientMissing || "")
        .replace("{chosen}", name).replace("{shown}", chosen.textContent);
      note.hidden = false;
    } else if (note) {
      note.hidden = true;
    }
  }

  function selectAll(client) {
    groups().forEach((g) => { select(g, client, false); });
    // A list that continues a group's steps starts after the shown variant's.
    document.querySelectorAll("ol[data-starts]").forEach((ol) => {
      var g = ol.previousElementSibling, shown = g && g.querySelector('[role="tab"][aria-selected="true"]');
      ol.dataset.starts.split(" ").forEach((kv) => {
        var p = kv.split(":");
        if (shown && p[0] === shown.dataset.client) ol.start = +p[1];
      });
    });
  }

  // A client id from the URL or storage, matched case-insensitively against
  // the site's clients; anything else is ignored (and never stored).
  function known(v) {
    if (!v) return null;
    v = String(v).toLowerCase();
    var ids = (document.body.dataset.clients || "").split(" ").filter((id) => id.toLowerCase() === v);
    return ids.length ? ids[0] : null;
  }
  function choose(client) { store(client); selectAll(client); updateSwitcher(); }

  function setupTabs() {
    var fromURL = known(new URLSearchParams(location.search).get("client"));
    var choice = fromURL || known(stored());
    if (fromURL) store(fromURL);
    groups().forEach((g) => {
      var list = g.querySelector('[role="tablist"]');
      list.hidden = false;
      tabsOf(g).forEach((t) => {
        var panel = document.getElementById(t.getAttribute("aria-controls"));
        if (panel) {
          panel.setAttribute("role", "tabpanel");
          panel.setAttribute("aria-labelledby", t.id);
          panel.tabIndex = 0;
        }
        t.addEventListener("click", () => { choose(t.dataset.client); });
      });
      list.addEventListener("keydown", (e) => {
        var tabs = tabsOf(g), i = tabs.indexOf(document.activeElement);
        if (i < 0) return;
        var rtl = getComputedStyle(list).direction === "rtl";
        var next = { ArrowRight: rtl ? i - 1 : i + 1, ArrowLeft: rtl ? i + 1 : i - 1, Home: 0, End: tabs.length - 1 }[e.key];
        if (next === undefined) return;
        e.preventDefault();
        var t = tabs[(next + tabs.length) % tabs.length];
        choose(t.dataset.client);
        t.focus();
      });
    });
    selectAll(choice);
  }

  // Language switcher: the other languages' links keep the section the
  // reader is at (#anchor) and the chosen client library (?client=).
  function updateSwitcher() {
    var client = known(new URLSearchParams(location.search).get("client")) || known(stored());
    document.querySelectorAll(".lang-switcher a").forEach((a) => {
      if (!a.dataset.base) a.dataset.base = a.getAttribute("href");
      var href = a.dataset.base + (client ? "?client=" + encodeURIComponent(client) : "") + location.hash;
      a.setAttribute("href", href);
    });
  }
  function setupSwitcher() {
    updateSwitcher();
    window.addEventListener("hashchange", updateSwitcher);
  }

  // Section headings get a link to themselves, reachable by keyboard, named
  // in the page's language.
  function setupHeadingLinks() {
    var label = document.body.dataset.headingLink || "{heading}", lang = doc.lang, dir = doc.dir;
    document.querySelectorAll(".guide-body h2[id], .guide-body h3[id]").forEach((h) => {
      var a = document.createElement("a");
      a.className = "heading-link";
      a.href = "#" + h.id;
      a.textContent = "#";
      a.setAttribute("aria-label", label.replace("{heading}", h.textContent));
      if (h.closest("[lang]") !== doc) { a.lang = lang; a.dir = dir; }
      h.appendChild(a);
    });
  }

  // Copy buttons: copy the code exactly as written.
  function setupCopy() {
    var label = document.body.dataset.copy || "Copy", done = document.body.dataset.copied || "Copied";
    document.querySelectorAll(".code").forEach((box) => {
      var code = box.querySelector("code");
      if (!code) return;
      var b = document.createElement("button");
      b.type = "button";
      b.className = "copy";
      b.textContent = label;
      b.addEventListener("click", () => {
        var text = code.textContent.replace(/\n$/, "");
        var ok = () => { b.textContent = done; setTimeout(() => { b.textContent = label; }, 1500); };
        if (navigator.clipboard) navigator.clipboard.writeText(text).then(ok, () => {});
      });
      box.appendChild(b);
    });
  }

  // Root page: point out the language the browser prefers.
  function setupSuggestion() {
    var hint = document.querySelector(".suggestion");
    if (!hint) return;
    var links = Array.from(document.querySelectorAll(".language-list a"));
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

  // Search: the language's index is sharded (see internal/search; Fold
  // must stay fold's twin): the manifest is fetched on first use, then for
  // a query only the shards its keys need and the pages it shows.
  function fold(ch) {
    var out = "";
    for (var c of ch.normalize("NFKD")) {
      var cp = c.codePointAt(0);
      if (c === "\u064a" || c === "\u0649") c = "\u06cc";
      else if (c === "\u0643") c = "\u06a9";
      else if (c === "\u0111" || c === "\u0110") c = "d";
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
  window.docgenFold = (s) => normalize(s).text;

  function setupSearch() {
    var box = document.querySelector(".search");
    if (!box) return;
    var input = box.querySelector("input"), list = box.querySelector(".search-results");
    var status = box.querySelector("#search-status"), body = document.body.dataset;
    var manifest = null, loading = null, files = {}, digit = {}, per = 1048576;
    var base = box.dataset.index.replace(/[^\/]*$/, "");
    box.hidden = false;
    Array.from("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_").forEach((c, i) => { digit[c] = i; });

    function load() {
      return loading = loading || fetch(box.dataset.index).then((r) => r.json()).then((m) => { manifest = m; });
    }
    // file fetches a shard or fragment once, of the manifest's build.
    function file(name) {
      return files[name] = files[name] || fetch(base + name + "?v=" + manifest.hash).then((r) => {
        if (!r.ok) throw new Error(name + ": HTTP " + r.status);
        return r.json();
      });
    }
    // after orders by code point, as Go does; bisect finds the first i
    // below n for which f holds.
    function after(a, b) {
      var x = Array.from(a, (c) => c.codePointAt(0)), y = Array.from(b, (c) => c.codePointAt(0));
      for (var i = 0; i < x.length && i < y.length; i++) if (x[i] !== y[i]) return x[i] > y[i];
      return x.length > y.length;
    }
    function bisect(n, f) {
      var lo = 0, hi = n;
      while (lo < hi) { var mid = (lo + hi) >> 1; if (f(mid)) hi = mid; else lo = mid + 1; }
      return lo;
    }
    // lookup returns the entries whose key starts with prefix, from the
    // shards search.ShardsFor names (manifest.shards: [first key, name]).
    async function lookup(prefix) {
      var sh = manifest.shards, out = [];
      if (!sh.length) return out;
      var want = [Math.max(0, bisect(sh.length, (i) => after(sh[i][0], prefix)) - 1)];
      for (var j = want[0] + 1; j < sh.length && sh[j][0].startsWith(prefix); j++) want.push(j);
      for (var es of await Promise.all(want.map((j) => file("search/s" + sh[j][1] + ".json")))) out.push(...es.filter((e) => e[0].startsWith(prefix)));
      return out;
    }
    // words, cover and postings are the twins of search.Words, cover and
    // the postings search writes: pairs of page (difference from the
    // previous one) and 16 x section + value (4 x count + 2 x heading +
    // title). A section is named page x per + its number in the page.
    function words(s) { return s.split(/[^\p{L}\p{Nd}\p{M}]+/u).filter(Boolean); }
    function cover(t) {
      var r = Array.from(t), g = manifest.gram, out = [];
      for (var i = 0; i + g <= r.length; i += g) out.push(r.slice(i, i + g).join(""));
      if (r.length % g) out.push(r.slice(-g).join(""));
      return out;
    }
    function postings(e, each) {
      var p = e[2], n = 0, scale = 1, first = true, page = 0;
      for (var i = 0; i < p.length; i++) {
        var d = digit[p[i]];
        n += (d & 31) * scale;
        if (d & 32) { scale *= 32; continue; }
        if (first) page += n; else each(page * per + Math.floor(n / 16), n & 3, (n & 15) >> 2);
        first = !first; n = 0; scale = 1;
      }
    }
    // query scores the sections that hold every term, best first, as
    // search.QueryShards does.
    async function query(terms) {
      var scores = null;
      for (var t of terms) {
        var long = Array.from(t).length > manifest.gram, hits = new Map(), grams = null;
        var add = (s, f, c) => { var h = hits.get(s) || [0, 0]; hits.set(s, [h[0] | f, h[1] + c]); };
        for (var e of await lookup(t)) if (!(e[1] && long)) postings(e, add);
        for (var g of long ? cover(t) : []) {
          var next = new Map();
          for (var e of await lookup(g)) {
            if (e[1] && e[0] === g) postings(e, (s, f, c) => {
              var p = grams ? grams.get(s) : [3, c];
              if (p) next.set(s, [f & p[0], Math.min(c, p[1])]);
            });
          }
          grams = next;
        }
        if (grams) grams.forEach((h, s) => add(s, h[0], h[1]));
        var now = new Map();
        hits.forEach((h, s) => {
          var n = Math.min(h[1], 3) + (h[0] & 1 ? 10 : 0) + (h[0] & 2 ? 5 : 0);
          if (n && (!scores || scores.has(s))) now.set(s, n + (scores ? scores.get(s) : 0));
        });
        scores = now;
      }
      return Array.from(scores, (x) => ({ s: x[0], score: x[1] })).sort((a, b) => b.score - a.score || a.s - b.s);
    }
    // entry fetches section s from the fragment of manifest.group pages.
    async function entry(s) {
      var page = Math.floor(s / per), g = manifest.group;
      var d = (await file("search/p" + Math.floor(page / g) + ".json"))[page % g], sec = d.s[s % per];
      return { doc: d, sec: sec, body: normalize(sec.x) };
    }

    // Snippets are cut at word boundaries of the text's language (Thai has
    // no spaces, so the browser's dictionary segmenter finds them), or at
    // least between grapheme clusters.
    var lang = doc.lang;
    function segmenter(l) {
      try { return new Intl.Segmenter(l, { granularity: "word" }); } catch (e) { return null; }
    }
    function bounds(src, l) {
      var seg = segmenter(l), out = [0];
      if (seg) {
        for (var s of seg.segment(src)) out.push(s.index + s.segment.length);
      } else {
        for (var i = 1; i < src.length; i++) if (!/[\p{M}\uDC00-\uDFFF]/u.test(src[i])) out.push(i);
        out.push(src.length);
      }
      return out;
    }
    // cut narrows [from, to) of src to the nearest word boundaries inside it.
    function cut(src, from, to, l) {
      var b = bounds(src, l), lo = from, hi = to;
      for (var j = 0; j < b.length; j++) if (b[j] >= from) { lo = b[j]; break; }
      for (var k = b.length - 1; k >= 0; k--) if (b[k] <= to) { hi = b[k]; break; }
      return [lo, Math.max(lo, hi)];
    }

    function snippet(entry, term) {
      var p = document.createElement("p"), at = entry.body.text.indexOf(term);
      var src = entry.sec.x, l = entry.doc.l || lang;
      if (at < 0) {
        var r0 = cut(src, 0, Math.min(src.length, 140), l);
        p.textContent = src.slice(0, r0[1]) + (r0[1] < src.length ? "…" : "");
        return p;
      }
      var start = entry.body.from[at], end = entry.body.from[at + term.length];
      var r = cut(src, Math.max(0, start - 60), Math.min(src.length, end + 80), l);
      var from = Math.min(r[0], start), to = Math.max(r[1], end);
      p.appendChild(document.createTextNode((from > 0 ? "…" : "") + src.slice(from, start)));
      var mark = document.createElement("mark");
      mark.textContent = src.slice(start, end);
      p.appendChild(mark);
      p.appendChild(document.createTextNode(src.slice(end, to) + (to < src.length ? "…" : "")));
      return p;
    }

    // The box is an ARIA 1.2 combobox: focus stays in the input, the arrow
    // keys move the active option, Enter opens it, Escape, Tab or a click
    // elsewhere closes the list.
    var active = -1;
    function options() { return Array.from(list.querySelectorAll('[role="option"]')); }
    function open(on) {
      list.hidden = !on;
      input.setAttribute("aria-expanded", String(on));
      if (!on) activate(-1);
    }
    function activate(i) {
      var opts = options();
      active = opts.length ? Math.max(-1, Math.min(i, opts.length - 1)) : -1;
      opts.forEach((o, k) => { o.setAttribute("aria-selected", String(k === active)); });
      if (active >= 0) {
        input.setAttribute("aria-activedescendant", opts[active].id);
        opts[active].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }
    // The list shows step results, step more when its last option is
    // picked. Only the latest query's lists show; shown is on screen.
    var step = 10, latest = null, shown = null;
    function go(o) {
      if (o && o.dataset.more != null) show(shown, shown.n + step, active);
      else if (o && o.dataset.href) location.href = o.dataset.href;
    }
    function option(id, cls, text) {
      var li = document.createElement("li");
      li.id = "search-option-" + id;
      li.className = cls;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      li.textContent = text;
      li.addEventListener("mousedown", (e) => { e.preventDefault(); });
      li.addEventListener("click", () => { go(li); });
      return list.appendChild(li);
    }

    async function run() {
      var q = input.value, terms = words(normalize(q).text), r = latest = { q: q, terms: terms };
      if (!terms.length) { list.textContent = ""; active = -1; open(false); status.textContent = ""; return; }
      r.hits = await query(terms);
      if (r === latest) show(r, step, -1);
    }

    // show lists the first n hits of r, then activates option keep.
    async function show(r, n, keep) {
      var hits = r.hits, q = r.q;
      var es = await Promise.all(hits.slice(0, n).map((h) => entry(h.s)));
      if (r !== latest) return; // a later query is under way
      shown = r;
      r.n = n;
      list.textContent = "";
      active = -1;
      es.forEach((e, k) => {
        var li = option(k, "", ""), title = document.createElement("span");
        li.dataset.href = box.dataset.root + e.doc.u + (e.sec.a ? "#" + e.sec.a : "");
        title.className = "search-title";
        title.textContent = e.doc.t;
        if (e.doc.l) li.lang = e.doc.l;
        li.appendChild(title);
        if (e.sec.h) {
          var hd = document.createElement("span");
          hd.className = "search-heading";
          hd.textContent = " › " + e.sec.h;
          li.appendChild(hd);
        }
        li.appendChild(snippet(e, r.terms[0]));
      });
      if (hits.length > n) option("more", "search-more", body.searchMore).dataset.more = "";
      var none = (body.searchNone || "").replace("{query}", q);
      if (!hits.length) option("none", "search-empty", none).setAttribute("aria-disabled", "true");
      status.textContent = hits.length ? (body.searchResults || "").replace("{query}", q) + " (" + hits.length + ")" : none;
      open(true);
      if (keep >= 0) activate(keep);
    }

    // A query waits for a pause in typing, so each keystroke does not fetch.
    var timer = 0;
    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(() => { load().then(run); }, 120);
    });
    input.addEventListener("focus", load);
    input.addEventListener("keydown", (e) => {
      var opts = options().filter((o) => !o.hasAttribute("aria-disabled"));
      if (e.key === "Escape") {
        e.preventDefault();
        if (!list.hidden) open(false); else { input.value = ""; status.textContent = ""; }
      } else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        if (!opts.length) return;
        e.preventDefault();
        if (list.hidden) open(true);
        var n = opts.length, d = e.key === "ArrowDown" ? 1 : -1;
        activate(active < 0 ? (d > 0 ? 0 : n - 1) : (active + d + n) % n);
      } else if (e.key === "Enter") {
        if (list.hidden || !opts.length) return;
        e.preventDefault();
        go(opts[active >= 0 ? active : 0]);
      } else if (e.key === "Tab") {
        open(false);
      }
    });
    input.addEventListener("blur", () => { open(false); });
    document.addEventListener("click", (e) => { if (!box.contains(e.target)) open(false); });
  }

  // Small screens: the guide list and the table of contents fold behind a
  // Menu button (CSS shows the button only on narrow viewports).
  function setupMenu() {
    var button = document.querySelector(".menu-toggle"), nav = document.getElementById("site-nav");
    if (!button || !nav) return;
    button.hidden = false;
    doc.classList.add("menu-closed");
    button.addEventListener("click", () => {
      var open = button.getAttribute("aria-expanded") !== "true";
      button.setAttribute("aria-expanded", String(open));
      nav.classList.toggle("open", open);
      doc.classList.toggle("menu-closed", !open);
    });
  }

  function init() { setupTabs(); setupSwitcher(); setupHeadingLinks(); setupCopy(); setupSuggestion(); setupSearch(); setupMenu(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
