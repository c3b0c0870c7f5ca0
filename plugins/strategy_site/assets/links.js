/* Links a leader can paste into an agenda: "Kopier lenke" buttons and an anchor link on every table row
   that has an id. Works on an intranet over plain http, where the Clipboard API is not available. */
(function () {
  "use strict";

  function announce(button, text) {
    var live = button.parentNode.querySelector(".strategy-copy-status");
    if (!live) {
      live = document.createElement("span");
      live.className = "strategy-copy-status";
      live.setAttribute("role", "status");
      button.parentNode.appendChild(live);
    }
    live.textContent = text;
  }

  function copyWithSelection(text) {
    var field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.style.position = "fixed";
    field.style.opacity = "0";
    document.body.appendChild(field);
    field.select();
    var ok = false;
    try {
      ok = document.execCommand("copy");
    } catch (e) {
      ok = false;
    }
    document.body.removeChild(field);
    return ok;
  }

  function copy(button) {
    var url = new URL(button.getAttribute("data-copy-href") || "", document.baseURI).href;
    var done = function () { announce(button, "Lenken er kopiert: " + url); };
    var fallback = function () {
      if (copyWithSelection(url)) done();
      else announce(button, "Kopier lenken selv: " + url);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(url).then(done, fallback);
    } else {
      fallback();
    }
  }

  function rowAnchors() {
    document.querySelectorAll(".md-typeset table tr[id]").forEach(function (row) {
      var cell = row.cells[0];
      if (!cell || cell.querySelector(".strategy-row-anchor")) return;
      var link = document.createElement("a");
      link.className = "strategy-row-anchor";
      link.href = "#" + row.id;
      link.title = "Lenke til denne raden";
      link.setAttribute("aria-label", "Lenke til raden " + cell.textContent.trim());
      link.textContent = "#";
      cell.appendChild(link);
    });
  }

  // A printout leads back to the site: the page's short link (or address) and the day it was printed, at the
  // foot of every printed page (print.css fixes it there; Chromium repeats fixed elements on each page).
  function printFooter() {
    var content = document.querySelector(".md-content__inner");
    if (!content || content.querySelector(".strategy-print-footer")) return;
    var copy = document.querySelector("button.strategy-copy-link[data-copy-href]");
    var url = copy ? new URL(copy.getAttribute("data-copy-href"), document.baseURI).href : location.href.split("#")[0];
    var footer = document.createElement("p");
    footer.className = "strategy-print-footer";
    footer.setAttribute("aria-hidden", "true");
    footer.textContent = url + " · skrevet ut " + new Date().toLocaleDateString("nb-NO", { day: "numeric", month: "long", year: "numeric" });
    content.appendChild(footer);
  }

  function init() {
    printFooter();
    document.querySelectorAll("button.strategy-copy-link").forEach(function (button) {
      if (button.dataset.copyReady) return;
      button.dataset.copyReady = "1";
      button.addEventListener("click", function () { copy(button); });
    });
    rowAnchors();
  }

  // Material's instant navigation swaps pages without a reload; document$ emits on every page.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else {
    document.addEventListener("DOMContentLoaded", init);
  }
})();
