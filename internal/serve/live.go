package serve

// liveJS is injected into every HTML page the preview server sends: it
// reloads the tab when its page changed and shows build errors as an overlay.
const liveJS = `(function () {
  "use strict";
  var overlay = null;
  function show(problems) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "docgen-overlay";
      overlay.setAttribute("role", "alert");
      overlay.style.cssText = "position:fixed;inset:0;z-index:99999;background:rgba(20,0,0,.92);color:#fff;font:14px/1.5 ui-monospace,monospace;padding:2rem;overflow:auto;direction:ltr;text-align:left";
      document.body.appendChild(overlay);
    }
    overlay.textContent = "";
    var h = document.createElement("h2");
    h.textContent = "docgen: build failed (the page below is the last good build)";
    overlay.appendChild(h);
    problems.forEach(function (p) {
      var pre = document.createElement("pre");
      pre.textContent = (p.file || "") + (p.line ? ":" + p.line : "") + ": " + p.message + (p.hint ? "\n  hint: " + p.hint : "");
      overlay.appendChild(pre);
    });
  }
  var es = new EventSource("/_docgen/events");
  es.addEventListener("failure", function (e) { show(JSON.parse(e.data)); });
  es.addEventListener("ok", function () { if (overlay) { overlay.remove(); overlay = null; } });
  es.addEventListener("reload", function (e) {
    var pages = JSON.parse(e.data), here = location.pathname;
    if (pages.indexOf("*") >= 0 || pages.indexOf(here) >= 0 || pages.indexOf(here + "index.html") >= 0) location.reload();
  });
})();
`
