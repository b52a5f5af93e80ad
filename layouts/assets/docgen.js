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

  function init() { setupTabs(); setupCopy(); setupSuggestion(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
