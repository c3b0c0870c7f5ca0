/* Draws the strategy charts with the site's own copy of plotly.js.
 *
 * Loaded on every page (it is small); plotly.js itself is only fetched when a page has a chart.
 * Material's instant navigation swaps the page without running its scripts again, so drawing happens in
 * `document$.subscribe`, which fires on the first load and after every navigation. The charts follow the
 * light/dark palette, resize with the window and are redrawn in light colours and at paper width for print.
 */
(function () {
  "use strict";

  var here = document.currentScript && document.currentScript.src;
  var bundleUrl = new URL("plotly-strategy.min.js", here || document.baseURI).href;
  var loading = null;
  // Plotly adds its modebar and hover styles once per document through the CSSOM; instant navigation can
  // drop that <style> element, so we keep the rules and put them back when they are gone.
  var plotlyCss = null;
  var STYLE_ID = "plotly.js-style-global";
  var printing = false;

  function loadPlotly() {
    if (window.Plotly) return Promise.resolve(window.Plotly);
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = bundleUrl;
        script.async = true;
        script.onload = function () { resolve(window.Plotly); };
        script.onerror = function () {
          loading = null;
          reject(new Error("Kunne ikke laste " + bundleUrl));
        };
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  function saveCss() {
    var style = document.getElementById(STYLE_ID);
    if (!style || !style.sheet) return;
    try {
      var rules = Array.prototype.map.call(style.sheet.cssRules, function (r) { return r.cssText; });
      if (rules.length) plotlyCss = rules.join("\n");
    } catch (e) { /* a sheet we cannot read: keep what we had */ }
  }

  function restoreCss() {
    if (plotlyCss === null || document.getElementById(STYLE_ID)) return;
    var style = document.createElement("style");
    style.id = STYLE_ID;
    style.textContent = plotlyCss;
    document.head.appendChild(style);
  }

  // A palette colour as rgb()/rgba(): Material writes them as hsla() with "deg" hues, which plotly cannot read
  // (it would fall back to its own grey text and white grid), so the browser converts them for us.
  var probe = null;
  function cssVar(name, fallback) {
    if (!probe) {
      probe = document.createElement("span");
      probe.style.display = "none";
    }
    document.body.appendChild(probe);
    probe.style.color = "";
    probe.style.color = "var(" + name + ")";
    var value = getComputedStyle(probe).color;
    probe.remove();
    return value || fallback;
  }

  // Colours of text, grid and background from Material's palette (or plain light colours for print).
  function theme() {
    var scheme = document.body.getAttribute("data-md-color-scheme") || "default";
    if (printing) {
      return { scheme: "print", fg: "#000000", grid: "#d0d0d0", bg: "#ffffff", hover: "#ffffff" };
    }
    return {
      scheme: scheme,
      fg: cssVar("--md-default-fg-color", "#000000de"),
      grid: cssVar("--md-default-fg-color--lighter", "#00000052"),
      bg: cssVar("--md-default-bg-color", "#ffffff"),
      hover: cssVar("--md-default-bg-color", "#ffffff"),
    };
  }

  function axisTheme(axis, t) {
    var out = Object.assign({}, axis || {});
    out.gridcolor = t.grid;
    out.linecolor = t.grid;
    out.zerolinecolor = t.grid;
    out.color = t.fg;
    return out;
  }

  function themedLayout(layout, t) {
    var out = Object.assign({}, layout);
    out.font = Object.assign({ family: "inherit", size: 13 }, layout.font || {}, { color: t.fg });
    out.paper_bgcolor = "rgba(0,0,0,0)";
    out.plot_bgcolor = "rgba(0,0,0,0)";
    out.hoverlabel = { bgcolor: t.hover, font: { color: t.fg } };
    Object.keys(out).forEach(function (key) {
      if (/^[xy]axis\d*$/.test(key)) out[key] = axisTheme(out[key], t);
    });
    if (out.polar) {
      out.polar = Object.assign({}, out.polar, {
        bgcolor: "rgba(0,0,0,0)",
        angularaxis: axisTheme(out.polar.angularaxis, t),
        radialaxis: axisTheme(out.polar.radialaxis, t),
      });
    }
    out.autosize = true;
    delete out.width;
    if (printing) out.width = 680;
    return out;
  }

  function figureOf(container) {
    if (!container._strategyFigure) {
      var plot = container.querySelector(".strategy-chart__plot");
      container._strategyFigure = JSON.parse(plot.getAttribute("data-figure"));
    }
    return container._strategyFigure;
  }

  function draw(Plotly, container) {
    var plot = container.querySelector(".strategy-chart__plot");
    var figure = figureOf(container);
    var t = theme();
    if (plot.getAttribute("data-scheme") === t.scheme && plot.querySelector("svg")) return Promise.resolve();
    var config = { displaylogo: false, displayModeBar: false, responsive: true };
    return Plotly.react(plot, figure.data, themedLayout(figure.layout, t), config).then(function () {
      plot.setAttribute("data-scheme", t.scheme);
      container.setAttribute("data-drawn", "true");
    });
  }

  function charts() {
    return Array.prototype.slice.call(document.querySelectorAll(".strategy-chart"));
  }

  function drawAll() {
    var containers = charts();
    if (!containers.length) return Promise.resolve();
    return loadPlotly().then(function (Plotly) {
      restoreCss();
      return Promise.all(containers.map(function (c) {
        return draw(Plotly, c).catch(function (err) {
          c.setAttribute("data-error", String(err));
        });
      }));
    }).then(saveCss).catch(function (err) {
      containers.forEach(function (c) { c.setAttribute("data-error", String(err)); });
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { drawAll(); });
  } else {
    document.addEventListener("DOMContentLoaded", drawAll);
  }

  // Follow Material's palette switch: it sets data-md-color-scheme on <body>.
  new MutationObserver(function () { drawAll(); })
    .observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });

  // Print: light colours, paper width, and the data tables open under each chart.
  window.addEventListener("beforeprint", function () {
    printing = true;
    document.querySelectorAll("details.strategy-chart__data").forEach(function (d) {
      if (!d.open) { d.open = true; d.setAttribute("data-opened-for-print", ""); }
    });
    if (window.Plotly) charts().forEach(function (c) { draw(window.Plotly, c); });
  });
  window.addEventListener("afterprint", function () {
    printing = false;
    document.querySelectorAll("details[data-opened-for-print]").forEach(function (d) {
      d.open = false;
      d.removeAttribute("data-opened-for-print");
    });
    drawAll();
  });
})();
