/* Makes a printed page a briefing book; run by the `strategy pdf` command (and the build) in Chromium just
 * before it prints. The page's own print handling (strategy-charts.js: light colours, paper width, data tables
 * open) is started with a `beforeprint` event; then a cover (title, date, unit) and a table of contents of the
 * page's sections and agenda items are put in front. print.css starts each item on a page of its own. */
(function () {
  var root = document.documentElement;
  var article = document.querySelector("article.md-content__inner") || document.querySelector(".md-content__inner");
  root.classList.add("strategy-briefing");
  window.dispatchEvent(new Event("beforeprint"));

  function text(heading) {
    var copy = heading.cloneNode(true);
    copy.querySelectorAll(".headerlink").forEach(function (a) { a.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  var h1 = article.querySelector("h1");
  var title = h1 ? text(h1) : document.title;
  document.title = title;

  var cover = document.createElement("section");
  cover.className = "strategy-briefing__cover";
  if (h1) cover.appendChild(h1);
  var facts = article.querySelector(".strategy-facts");
  if (facts) cover.appendChild(facts);
  var siteName = document.querySelector(".md-header__topic .md-ellipsis");
  if (siteName) {
    var site = document.createElement("p");
    site.className = "strategy-briefing__site";
    site.textContent = siteName.textContent.trim();
    cover.appendChild(site);
  }
  article.insertBefore(cover, article.firstChild);

  var toc = document.createElement("nav");
  toc.className = "strategy-briefing__toc";
  toc.setAttribute("aria-labelledby", "strategy-briefing-innhold");
  var heading = document.createElement("h2");
  heading.id = "strategy-briefing-innhold";
  heading.textContent = "Innhold";
  toc.appendChild(heading);
  var list = document.createElement("ol");
  var sub = null;
  article.querySelectorAll("h2[id], .strategy-meeting-item > h3[id]").forEach(function (h) {
    if (h.closest(".strategy-page-meta")) return;
    var item = document.createElement("li");
    var link = document.createElement("a");
    link.href = "#" + h.id;
    link.textContent = text(h);
    item.appendChild(link);
    if (h.tagName === "H2") {
      list.appendChild(item);
      sub = null;
    } else {
      if (!sub) {
        sub = document.createElement("ol");
        (list.lastElementChild || list).appendChild(sub);
      }
      sub.appendChild(item);
    }
  });
  toc.appendChild(list);
  cover.after(toc);

  // Ready once every chart is drawn again for print (or has given up).
  function drawn() {
    return Array.prototype.every.call(document.querySelectorAll(".strategy-chart"), function (chart) {
      var plot = chart.querySelector(".strategy-chart__plot");
      return chart.hasAttribute("data-error") || !window.Plotly || (plot && plot.getAttribute("data-scheme") === "print");
    });
  }
  (function wait() {
    if (drawn()) root.setAttribute("data-briefing-ready", "");
    else setTimeout(wait, 50);
  })();
})();
