/* Sortable strategy tables: column headers become buttons; a grouped table can be restored. */
(function () {
  "use strict";

  function cellKey(row, column) {
    var cell = row.cells[column];
    if (!cell) return "";
    var raw = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim();
    var number = Number(raw.replace(/\s/g, "").replace(",", "."));
    return raw !== "" && !isNaN(number) ? number : raw.toLocaleLowerCase("nb");
  }

  function compare(a, b) {
    if (typeof a === "number" && typeof b === "number") return a - b;
    return String(a).localeCompare(String(b), "nb", { numeric: true });
  }

  function setup(table) {
    if (table.dataset.sortReady) return;
    table.dataset.sortReady = "1";
    var bodies = Array.prototype.slice.call(table.tBodies);
    var rows = [];
    bodies.forEach(function (body) {
      Array.prototype.forEach.call(body.rows, function (row) {
        if (!row.classList.contains("strategy-group")) rows.push({ row: row, body: body });
      });
    });
    var headers = table.tHead ? Array.prototype.slice.call(table.tHead.rows[0].cells) : [];
    var status = document.createElement("p");
    status.className = "strategy-sort-status";
    status.setAttribute("aria-live", "polite");
    var reset = document.createElement("button");
    reset.type = "button";
    reset.className = "md-button strategy-sort-reset";
    reset.textContent = bodies.length > 1 ? "Vis gruppert etter område" : "Vis opprinnelig rekkefølge";
    reset.hidden = true;
    table.parentNode.insertBefore(reset, table);
    table.parentNode.insertBefore(status, table);

    function restore() {
      rows.forEach(function (item) { item.body.appendChild(item.row); });
      table.querySelectorAll("tr.strategy-group").forEach(function (row) { row.hidden = false; });
      headers.forEach(function (th) { th.setAttribute("aria-sort", "none"); });
      reset.hidden = true;
      status.textContent = "Tabellen vises i opprinnelig rekkefølge.";
    }

    headers.forEach(function (th, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "strategy-sort";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      th.setAttribute("aria-sort", "none");
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        var sorted = rows.slice().sort(function (a, b) {
          var order = compare(cellKey(a.row, column), cellKey(b.row, column));
          return ascending ? order : -order;
        });
        sorted.forEach(function (item) { bodies[0].appendChild(item.row); });
        table.querySelectorAll("tr.strategy-group").forEach(function (row) { row.hidden = true; });
        headers.forEach(function (other) { other.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        reset.hidden = false;
        status.textContent = "Sortert etter " + button.textContent.trim() + ", " +
          (ascending ? "stigende" : "synkende") + ".";
      });
    });
    reset.addEventListener("click", restore);
  }

  function init() {
    document.querySelectorAll("table[data-sortable]").forEach(setup);
  }

  // Material's instant navigation swaps pages without a reload; document$ emits on every page.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else {
    document.addEventListener("DOMContentLoaded", init);
  }
})();
