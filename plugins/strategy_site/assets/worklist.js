/* The editors' worklist filter: show one unit's or one owner's findings, with the counts of what is shown.
   Without this script the filter stays hidden and every finding is listed, grouped by unit. */
(function () {
  "use strict";

  function matches(item, unit, owner) {
    return (!unit || item.dataset.unit === unit) && (!owner || item.dataset.owner === owner);
  }

  function setCount(element, count) {
    var shown = element.querySelector("[data-count]");
    if (shown) shown.textContent = String(count);
    element.hidden = count === 0;
  }

  function apply(list, form) {
    var unit = form.elements.unit.value;
    var owner = form.elements.owner ? form.elements.owner.value : "";
    var total = 0;
    list.querySelectorAll(".strategy-worklist__unit").forEach(function (heading) {
      heading.hidden = Boolean(unit) && heading.dataset.unit !== unit;
    });
    list.querySelectorAll(".strategy-worklist__kind").forEach(function (kind) {
      var inKind = 0;
      kind.querySelectorAll(".strategy-worklist__cause").forEach(function (cause) {
        var shown = 0;
        cause.querySelectorAll(".strategy-worklist__finding").forEach(function (item) {
          item.hidden = !matches(item, unit, owner);
          if (!item.hidden) shown += 1;
        });
        setCount(cause, shown);
        inKind += shown;
      });
      setCount(kind, inKind);
      var link = list.querySelector('.strategy-worklist__summary a[href="#' + kind.querySelector("h3").id + '"]');
      if (link) setCount(link.parentNode, inKind);
      total += inKind;
    });
    form.querySelector("output").textContent = total + " funn vises";
  }

  function init() {
    document.querySelectorAll(".strategy-worklist").forEach(function (list) {
      var form = list.querySelector(".strategy-worklist__filter");
      if (!form || form.dataset.ready) return;
      form.dataset.ready = "1";
      form.hidden = false;
      form.addEventListener("change", function () { apply(list, form); });
      form.addEventListener("submit", function (event) { event.preventDefault(); });
    });
  }

  // Now (this script is loaded by the overview page itself, after it is parsed), and again after each of
  // Material's instant navigations; init skips a filter it has already set up.
  init();
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  }
})();
