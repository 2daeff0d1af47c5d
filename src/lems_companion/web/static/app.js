// Small progressive enhancements; every page works without them.
(function () {
  "use strict";

  var body = document.body;
  var pocketRules = null;

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

  // Enter in a one-line field or on a radio button would save the whole form at once; in these
  // forms only the Save button saves (Enter still makes a new line in the note).
  function noSaveOnEnter() {
    document.addEventListener("keydown", function (event) {
      var target = event.target;
      if (event.key !== "Enter" || target.tagName !== "INPUT" || !target.form) { return; }
      if (!target.form.hasAttribute("data-no-enter-save")) { return; }
      if (target.type === "submit" || target.type === "button") { return; }
      event.preventDefault();
    });
  }

  // On a narrow screen the menu folds behind one button; without script it simply wraps.
  function foldMenu() {
    var button = document.querySelector(".menu-button");
    var nav = document.getElementById("main-nav");
    if (!button || !nav) { return; }
    document.documentElement.classList.add("has-menu-button");
    button.hidden = false;
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") !== "true";
      button.setAttribute("aria-expanded", String(open));
      nav.classList.toggle("open", open);
    });
  }

  function copyButtons() {
    document.querySelectorAll("[data-copy]").forEach(function (button) {
      var source = document.querySelector(button.getAttribute("data-copy"));
      var status = document.getElementById(button.getAttribute("aria-describedby") || "");
      if (!source) { return; }
      button.hidden = false;
      button.addEventListener("click", function () {
        function done() { if (status) { status.textContent = "Copied."; } }
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(source.value).then(done, function () {
            source.select(); document.execCommand("copy"); done();
          });
        } else {
          source.select(); document.execCommand("copy"); done();
        }
      });
    });
  }

  function printButtons() {
    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }

  // A download that takes seconds (the PDF report) says it is on its way.
  function busyLinks() {
    document.querySelectorAll("[data-busy]").forEach(function (link) {
      link.addEventListener("click", function () {
        var status = document.getElementById(link.getAttribute("aria-describedby") || "");
        if (!status) { return; }
        status.textContent = link.getAttribute("data-busy");
        setTimeout(function () { status.textContent = ""; }, 8000);
      });
    });
  }

  function registerServiceWorker() {
    if (!("serviceWorker" in navigator)) { return; }
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(function () {});
  }

  // --- Entries waiting on the phone ---------------------------------------------------------

  function normalise(text) {
    return (text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, " ");
  }

  function startsWord(text, word) {
    var at = text.indexOf(word);
    while (at >= 0) {
      if (at === 0 || !/[a-z0-9]/.test(text.charAt(at - 1))) { return true; }
      at = text.indexOf(word, at + 1);
    }
    return false;
  }

  // The emergency flags a waiting entry raises on the phone: words in its note, or an answer
  // above "none" to a swallowing, choking or breathing question. Empty when none.
  function pocketFlags(rules, item) {
    var note = normalise(LemsQueue.field(item, "note"));
    var found = [];
    rules.flags.forEach(function (flag) {
      var why = [];
      flag.words.forEach(function (word) { if (startsWord(note, word)) { why.push("you wrote \u201c" + word + "\u201d"); } });
      Object.keys(rules.symptoms).forEach(function (symptom) {
        var value = Number(LemsQueue.field(item, "symptom_" + symptom) || 0);
        if (rules.symptoms[symptom] === flag.id && value > 0) { why.push("your answer to the " + symptom.replace(/_/g, " ") + " question"); }
      });
      if (why.length) { found.push({ flag: flag, why: why }); }
    });
    return found;
  }

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text) { node.textContent = text; }
    return node;
  }

  function number() { return body.getAttribute("data-emergency-number") || "112"; }

  function pocketAlert(item, found) {
    var box = element("section", { "class": "alert alert-emergency pocket-alert", role: "alert", "aria-labelledby": "pocket-" + item.key });
    box.appendChild(element("h2", { id: "pocket-" + item.key }, pocketRules.headline));
    var call = element("p");
    call.appendChild(element("a", { "class": "button button-call", href: "tel:" + number().replace(/ /g, "") }, "Call " + number()));
    box.appendChild(call);
    var advice = element("ul", { "class": "alert-advice" });
    advice.appendChild(element("li", {}, pocketRules.advice));
    found.forEach(function (hit) { advice.appendChild(element("li", {}, hit.flag.advice)); });
    box.appendChild(advice);
    box.appendChild(element("p", { "class": "alert-why" }, "Why you see this:"));
    var reasons = element("ul", { "class": "alert-reasons" });
    found.forEach(function (hit) {
      var line = element("li");
      line.appendChild(element("strong", {}, hit.flag.title));
      line.appendChild(document.createTextNode(": " + hit.why.join("; ")));
      reasons.appendChild(line);
    });
    box.appendChild(reasons);
    box.appendChild(element("p", { "class": "alert-note" }, pocketRules.recheck + " This alert is based on what you recorded. It is not a diagnosis. If you are unsure, get help anyway."));
    return box;
  }

  // Without the word list (never fetched on this phone), say what to do rather than nothing.
  function uncheckedAlert() {
    var box = element("section", { "class": "alert alert-emergency pocket-alert", role: "alert" });
    box.appendChild(element("h2", {}, "This entry could not be checked for red flags yet"));
    box.appendChild(element("p", {}, "If you have trouble swallowing, are choking, or are short of breath, get urgent medical care now: call " + number() + "."));
    return box;
  }

  function when(item) {
    return item.recordedAt ? item.recordedAt.replace("T", " ") : "just now";
  }

  function showWaiting(items) {
    var alerts = document.getElementById("pocket-alerts");
    var panel = document.getElementById("waiting");
    if (!alerts || !panel) { return; }
    alerts.textContent = "";
    items.forEach(function (item) {
      if (!pocketRules) { alerts.appendChild(uncheckedAlert()); return; }
      var found = pocketFlags(pocketRules, item);
      if (found.length) { alerts.appendChild(pocketAlert(item, found)); }
    });
    var list = panel.querySelector("ul");
    list.textContent = "";
    items.forEach(function (item) {
      var text = "Entry of " + when(item) + ": " + (item.problem ? "not sent: " + item.problem : "waiting to send");
      list.appendChild(element("li", { "class": item.problem ? "field-error" : "" }, text));
    });
    panel.hidden = items.length === 0;
  }

  function showSent(item, result) {
    var panel = document.getElementById("sent");
    if (!panel) { return; }
    var doc = new DOMParser().parseFromString(result.html, "text/html");
    var alert = doc.querySelector("section.alert");
    if (alert) {
      // The full triage's alert for the entry now stored: the same words the entry page shows.
      var box = document.importNode(alert, true);
      box.removeAttribute("aria-labelledby");
      box.querySelectorAll("[id]").forEach(function (node) { node.removeAttribute("id"); });
      panel.appendChild(box);
    }
    var line = element("p", { "class": "notice" });
    line.appendChild(document.createTextNode("Sent and saved in your diary: "));
    line.appendChild(element("a", { href: result.url.replace(/\?.*$/, "") }, "entry of " + when(item)));
    panel.appendChild(line);
    panel.hidden = false;
  }

  function refreshWaiting() {
    var user = body.getAttribute("data-user");
    if (!user || !window.LemsQueue || !window.indexedDB) { return Promise.resolve(); }
    return LemsQueue.claim(user).then(LemsQueue.all).then(function (items) {
      showWaiting(items.filter(function (item) { return item.user === user; }));
    });
  }

  function sendWaiting() {
    var user = body.getAttribute("data-user");
    if (!user || !navigator.onLine || !window.LemsQueue || !window.indexedDB) { return; }
    LemsQueue.sendWaiting(user, showSent).then(function (outcome) {
      var signIn = document.getElementById("waiting-sign-in");
      if (signIn) { signIn.hidden = !(outcome && outcome.signIn); }
    }).catch(function () {}).then(refreshWaiting);
  }

  function loadPocketRules() {
    if (!body.getAttribute("data-user")) { return Promise.resolve(); }
    return fetch("/offline/red-flags.json", { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (rules) { if (rules) { pocketRules = rules; } })
      .catch(function () {});
  }

  window.LemsPhone = { refreshWaiting: refreshWaiting, sendWaiting: sendWaiting, loadPocketRules: loadPocketRules };

  document.addEventListener("DOMContentLoaded", function () {
    fillTimeZone();
    confirmDangerousForms();
    focusErrors();
    noSaveOnEnter();
    foldMenu();
    copyButtons();
    printButtons();
    busyLinks();
    registerServiceWorker();
    loadPocketRules().then(refreshWaiting).then(sendWaiting);
    window.addEventListener("online", sendWaiting);
  });
})();
