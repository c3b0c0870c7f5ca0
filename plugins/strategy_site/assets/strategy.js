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
      if (reset.hidden) return;
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

  // Phones show each row as a card (strategy.css); every cell gets its column's name to show before its value.
  function labelCells(table) {
    if (table.hasAttribute("data-cards") || !table.tHead) return;
    var names = [];
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
      for (var span = 0; span < (th.colSpan || 1); span++) names.push(th.textContent.trim());
    });
    var bodies = Array.prototype.slice.call(table.tBodies);
    if (table.tFoot) bodies.push(table.tFoot);
    bodies.forEach(function (body) {
      Array.prototype.forEach.call(body.rows, function (row) {
        if (row.classList.contains("strategy-group")) return;
        // A cell spanning rows above (a period in a history) shifts the cells of the rows it spans.
        var offset = names.length - Array.prototype.reduce.call(row.cells, function (n, c) { return n + (c.colSpan || 1); }, 0);
        var column = offset > 0 ? offset : 0;
        Array.prototype.forEach.call(row.cells, function (cell) {
          if (cell.colSpan === 1 && names[column]) cell.setAttribute("data-label", names[column]);
          column += cell.colSpan || 1;
        });
      });
    });
    table.setAttribute("data-cards", "");
  }

  function init() {
    document.querySelectorAll("table[data-sortable]").forEach(setup);
    document.querySelectorAll(".strategy-table-wrap table").forEach(labelCells);
  }

  // Material's instant navigation swaps pages without a reload; document$ emits on every page.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else {
    document.addEventListener("DOMContentLoaded", init);
  }
})();
