// tollbook: select a highlighted claim to show its card (no framework; the page works without it).
(function () {
  "use strict";
  function select(id, focus) {
    var card = document.getElementById("claim-" + id);
    if (!card) { return; }
    document.querySelectorAll(".card.selected, a.claim.selected").forEach(function (el) {
      el.classList.remove("selected");
    });
    card.classList.add("selected");
    document.querySelectorAll('a.claim[data-claim="' + id + '"]').forEach(function (el) {
      el.classList.add("selected");
      el.setAttribute("aria-expanded", "true");
    });
    if (focus) { card.focus({ preventScroll: true }); }
    if (history.replaceState) { history.replaceState(null, "", "#claim-" + id); }
  }
  document.addEventListener("DOMContentLoaded", function () {
    var reader = document.querySelector(".reader");
    if (!reader) { return; }
    reader.classList.add("js");
    reader.addEventListener("click", function (ev) {
      var link = ev.target.closest("a.claim, a.parent-link");
      if (!link) { return; }
      ev.preventDefault();
      select(link.getAttribute("data-claim"), false);
    });
    var initial = document.querySelector(".card.selected");
    var fromHash = location.hash.indexOf("#claim-") === 0 ? location.hash.slice(7) : null;
    if (fromHash) { select(fromHash, false); } else if (initial) { select(initial.getAttribute("data-claim"), false); }
  });
})();
