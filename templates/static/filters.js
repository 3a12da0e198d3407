// Timeline filters: progressive enhancement. Without this script every filtered
// view is still a plain page (per country, person, organisation and year).
(function () {
  "use strict";
  var form = document.querySelector("form.filters");
  var list = form && document.getElementById(form.getAttribute("data-target"));
  if (!form || !list) { return; }
  var items = Array.prototype.slice.call(list.querySelectorAll("li.meeting"));
  var status = form.querySelector(".filter-status");
  var template = list.getAttribute("data-count") || "";

  function matches(item, name, value) {
    if (!value) { return true; }
    var have = (item.getAttribute("data-" + name) || "").split(" ");
    return have.indexOf(value) !== -1;
  }

  function apply() {
    var wanted = {};
    Array.prototype.forEach.call(form.querySelectorAll("select"), function (s) { wanted[s.name] = s.value; });
    var shown = 0;
    items.forEach(function (item) {
      var ok = Object.keys(wanted).every(function (name) { return matches(item, name, wanted[name]); });
      item.hidden = !ok;
      if (ok) { shown += 1; }
    });
    Array.prototype.forEach.call(list.querySelectorAll("section.month, section.year"), function (group) {
      group.hidden = !group.querySelector("li.meeting:not([hidden])");
    });
    if (status) { status.textContent = template.replace("%d", String(shown)); }
  }

  // The chosen filters live in the address (?country=...&kind=...), so a filtered view can be shared.
  function remember() {
    var params = new URLSearchParams();
    Array.prototype.forEach.call(form.querySelectorAll("select"), function (s) {
      if (s.value) { params.set(s.name, s.value); }
    });
    var query = params.toString();
    window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
  }

  var given = new URLSearchParams(window.location.search);
  Array.prototype.forEach.call(form.querySelectorAll("select"), function (s) {
    var wanted = given.get(s.name);
    if (wanted && s.querySelector('option[value="' + CSS.escape(wanted) + '"]')) { s.value = wanted; }
  });
  form.addEventListener("change", function () { apply(); remember(); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.hidden = false;
  if (given.toString()) { apply(); }
})();
