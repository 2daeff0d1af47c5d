// Small progressive enhancements; every page works without them.
(function () {
  "use strict";

  function fillTimeZone() {
    var zone;
    try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { return; }
    if (!zone) { return; }
    document.querySelectorAll("input[data-timezone]").forEach(function (input) { input.value = zone; });
  }

  function confirmDangerousForms() {
    document.addEventListener("submit", function (event) {
      var message = event.target.getAttribute("data-confirm");
      if (message && !window.confirm(message)) { event.preventDefault(); }
    });
  }

  function focusErrors() {
    var summary = document.getElementById("error-summary");
    if (summary) { summary.focus(); }
  }

  document.addEventListener("DOMContentLoaded", function () {
    fillTimeZone();
    confirmDangerousForms();
    focusErrors();
  });
})();
