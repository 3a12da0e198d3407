// Starts the Pagefind search UI. Result links are made relative to where the
// site is actually served (any /<repo>/ prefix), computed here at run time.
(function () {
  "use strict";
  var box = document.getElementById("search");
  if (!box || typeof window.PagefindUI !== "function") { return; }
  var root = new URL(box.getAttribute("data-root") || "./", document.baseURI).pathname;
  var bundle = new URL(box.getAttribute("data-bundle") || "pagefind/", document.baseURI).pathname;
  new window.PagefindUI({
    element: "#search",
    baseUrl: root,
    bundlePath: bundle,
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
