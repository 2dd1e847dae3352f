// Narrow screens: every data cell carries its column's header as data-label, so the CSS can show
// each table row as a stacked card (label: value) instead of a table wider than the phone.
(function () {
  "use strict";
  function label(table) {
    var headers = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
      return th.textContent.trim();
    });
    if (!headers.length) return;
    table.classList.add("stackable");
    Array.prototype.forEach.call(table.querySelectorAll("tbody tr"), function (row) {
      Array.prototype.forEach.call(row.children, function (cell, i) {
        if (headers[i] && !cell.hasAttribute("data-label")) cell.setAttribute("data-label", headers[i]);
      });
    });
  }
  function all() { Array.prototype.forEach.call(document.querySelectorAll("main table"), label); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", all); else all();
})();
