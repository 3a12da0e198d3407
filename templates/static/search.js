// Starts the Pagefind search UI. Result links are made relative to where the
// site is actually served (any /<repo>/ prefix), computed here at run time.
(function () {
  "use strict";
  var box = document.getElementById("search");
  if (!box || typeof window.PagefindUI !== "function") { return; }
  var root = new URL(box.getAttribute("data-root") || "./", document.baseURI).pathname;
  // One Pagefind bundle per shard of the articles: the first is searched, the rest merged in.
  var bundles = (box.getAttribute("data-bundles") || "").split(" ").filter(Boolean).map(function (b) {
    return new URL(b, document.baseURI).pathname;
  });
  if (!bundles.length) { return; }
  new window.PagefindUI({
    element: "#search",
    baseUrl: root,
    bundlePath: bundles[0],
    mergeIndex: bundles.slice(1).map(function (b) { return { bundlePath: b, baseUrl: root }; }),
    showImages: false,
    showSubResults: false,
    resetStyles: false
  });
  var params = new URLSearchParams(window.location.search);
  var query = params.get("q");
  var input = box.querySelector("input");
  if (query && input) {
    input.value = query;
    input.dispatchEvent(new Event("input", { bubbles: true }));
  }
})();
