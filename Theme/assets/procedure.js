// Procedure page: folded sections (<details class="fold">) open for printing and when a link points into one.
// Print CSS shows their content too (style.css); this covers browsers without ::details-content. No request.
(function () {
  "use strict";
  var folds = function () { return Array.prototype.slice.call(document.querySelectorAll("details.fold")); };
  var openedForPrint = [];
  window.addEventListener("beforeprint", function () {
    openedForPrint = folds().filter(function (d) { return !d.open; });
    openedForPrint.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    openedForPrint.forEach(function (d) { d.open = false; });
    openedForPrint = [];
  });
  function openTarget() {
    var id = location.hash.slice(1);
    if (!id) return;
    try { id = decodeURIComponent(id); } catch (e) { return; }
    var target = document.getElementById(id);
    var fold = target && target.closest("details.fold");
    if (!fold || fold.open) return;
    fold.open = true;
    // The browser scrolled before the section opened; a target inside it was hidden then.
    if (target !== fold) target.scrollIntoView();
  }
  window.addEventListener("hashchange", openTarget);
  openTarget();
})();
