// The entry form on a phone: "same as last time", saving without a connection, and the guided
// home tests. Without script the form still works: every field is a plain form field.
(function () {
  "use strict";

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function localNow() {
    var d = new Date();
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()) + "T" + pad(d.getHours()) + ":" + pad(d.getMinutes());
  }

  function seconds(ms) { return Math.max(0.1, Math.round(ms / 100) / 10); }

  // What the form says, in the page's language: the element's data-say-NAME (entry_form.html),
  // with {n} standing for a count; the English text when the page gives none.
  function say(element, name, english, n) {
    var text = element.getAttribute("data-say-" + name) || english;
    return text.replace("{n}", n);
  }

  // A page the phone kept from earlier still says the time it was fetched and the key of the
  // entry it was made for: a new entry gets the time now and a key of its own.
  function freshen(form) {
    if (document.getElementById("error-summary")) { return; }
    var when = form.querySelector("#recorded_at");
    if (when) { when.value = localNow(); }
    var key = form.querySelector("input[name=idempotency_key]");
    if (key && window.LemsQueue) { key.value = LemsQueue.newKey(); }
  }

  function check(form, name, value) {
    var radio = form.querySelector("input[name='" + name + "'][value='" + value + "']");
    if (radio) { radio.checked = true; }
    return radio;
  }

  function sameAsLastTime(form) {
    var data = document.getElementById("previous-answers");
    var button = document.getElementById("same-as-last");
    if (!data || !button) { return; }
    var previous = JSON.parse(data.textContent);
    button.hidden = false;
    button.addEventListener("click", function () {
      form.querySelectorAll(".severity input[value='0']").forEach(function (radio) { radio.checked = true; });
      Object.keys(previous.symptoms).forEach(function (name) {
        var radio = check(form, name, previous.symptoms[name]);
        var more = radio && radio.closest("details");
        if (more && previous.symptoms[name] !== "0") { more.open = true; }
      });
      if (previous.context) { check(form, "context", previous.context); }
      if (previous.improved_after_moving) { check(form, "improved_after_moving", previous.improved_after_moving); }
      form.querySelectorAll("input[name=usual_med]").forEach(function (box) {
        box.checked = previous.medicines.indexOf(box.value) >= 0;
      });
      previous.medicines.forEach(function (choice) {
        if (form.querySelector("input[name=usual_med][value='" + CSS.escape(choice) + "']")) { return; }
        var row = Array.prototype.find.call(form.querySelectorAll("input[name=med_name]"), function (input) { return !input.value; });
        if (!row) { return; }
        var at = choice.lastIndexOf("|");
        var index = row.id.replace("med_name_", "");
        row.value = choice.slice(0, at);
        form.querySelector("#med_dose_" + index).value = choice.slice(at + 1);
        form.querySelector("#med_time_" + index).value = form.querySelector("#recorded_at").value;
        row.closest("details").open = true;
      });
      var status = document.getElementById("same-status") || document.createElement("p");
      status.id = "same-status";
      status.className = "hint";
      status.setAttribute("role", "status");
      status.textContent = say(button, "filled", "Filled in from your last entry. Change anything that is different today.");
      button.parentNode.appendChild(status);
    });
  }

  // Without a connection the entry is kept on the phone and sent when the connection returns;
  // its red flags are checked on the phone at once (app.js), and again in full once sent.
  function showConnection() {
    var note = document.getElementById("offline-note");
    function showState() { if (note) { note.hidden = navigator.onLine; } }
    window.addEventListener("online", showState);
    window.addEventListener("offline", showState);
    showState();
  }

  // A changed entry (or one added to someone else's diary) cannot wait in the queue: without a
  // connection the form stays as filled in, and says so, rather than failing to a browser error.
  function holdWhileOffline(form) {
    form.addEventListener("submit", function (event) {
      if (navigator.onLine) { return; }
      event.preventDefault();
      var note = document.getElementById("offline-note");
      if (note) { note.hidden = false; note.setAttribute("tabindex", "-1"); note.focus(); }
    });
  }

  function saveOffline(form) {
    form.addEventListener("submit", function (event) {
      if (navigator.onLine || event.defaultPrevented || !window.LemsQueue || !window.indexedDB) { return; }
      event.preventDefault();
      var user = document.body.getAttribute("data-user");
      var item = LemsQueue.itemFromForm(new FormData(form), user);
      LemsQueue.add(item).then(function () {
        form.reset();
        freshen(form);
        return window.LemsPhone.loadPocketRules();
      }).then(window.LemsPhone.refreshWaiting).then(function () {
        window.scrollTo(0, 0);
        var first = document.querySelector("#pocket-alerts .alert") || document.getElementById("waiting");
        if (first) { first.setAttribute("tabindex", "-1"); first.focus(); }
      });
    });
  }

  // --- Guided home tests ------------------------------------------------------------------

  function guide(form, name) {
    var box = form.querySelector("[data-guide='" + name + "']");
    if (box) { box.hidden = false; }
    return box;
  }

  function fill(form, name, value) {
    var input = form.querySelector("#" + name);
    input.value = String(value);
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }

  // Sit-to-stand: the time of each repetition, from Start (or the previous stand) to each tap.
  function sitToStand(form) {
    var box = guide(form, "sit-to-stand");
    if (!box) { return; }
    var start = box.querySelector("[data-action=start]");
    var tap = box.querySelector("[data-action=tap]");
    var status = box.querySelector(".guide-status");
    var last = 0;
    var rep = 0;
    start.addEventListener("click", function () {
      for (var i = 1; i <= 5; i++) { fill(form, "sts_" + i, ""); }
      fill(form, "sts_total", "");
      rep = 0;
      last = performance.now();
      tap.disabled = false;
      start.textContent = say(box, "again", "Start again");
      status.textContent = say(box, "go", "Go: stand up, then tap Stand.");
      tap.focus();
    });
    tap.addEventListener("click", function () {
      if (tap.disabled) { return; }
      var now = performance.now();
      rep += 1;
      fill(form, "sts_" + rep, seconds(now - last));
      last = now;
      if (rep >= 5) {
        tap.disabled = true;
        status.textContent = say(box, "done", "Done: five repetitions recorded below.");
        start.focus();
      } else {
        status.textContent = say(box, "stand", "Stand {n} recorded. Sit down, then stand again.", rep);
      }
    });
  }

  // Timed up-and-go: Go and Stop, three trials in a row.
  function upAndGo(form) {
    var box = guide(form, "up-and-go");
    if (!box) { return; }
    var button = box.querySelector("[data-action=toggle]");
    var status = box.querySelector(".guide-status");
    var trial = 0;
    var began = null;
    button.addEventListener("click", function () {
      if (began === null) {
        if (trial >= 3) { trial = 0; for (var i = 1; i <= 3; i++) { fill(form, "tug_" + i, ""); } }
        began = performance.now();
        button.textContent = say(box, "stop", "Stop");
        status.textContent = say(box, "walk", "Trial {n}: walk to the mark, turn, come back and sit; then tap Stop.", trial + 1);
        return;
      }
      trial += 1;
      fill(form, "tug_" + trial, seconds(performance.now() - began));
      began = null;
      button.textContent = trial >= 3 ? say(box, "again", "Start again") : say(box, "go", "Go");
      status.textContent = trial >= 3 ? say(box, "done", "Done: three trials recorded below.") : say(box, "trial", "Trial {n} recorded. Tap Go for the next one.", trial);
    });
  }

  // Grip: the app times the 10-second squeeze, then asks for the reading.
  var SQUEEZE_SECONDS = 10;
  function grip(form) {
    var box = guide(form, "grip");
    if (!box) { return; }
    var button = box.querySelector("[data-action=squeeze]");
    var status = box.querySelector(".guide-status");
    button.addEventListener("click", function () {
      var left = SQUEEZE_SECONDS;
      button.disabled = true;
      status.textContent = say(box, "now", "Squeeze now: {n}", left);
      var timer = setInterval(function () {
        left -= 1;
        if (left > 0) { status.textContent = say(box, "keep", "Keep squeezing: {n}", left); return; }
        clearInterval(timer);
        button.disabled = false;
        status.textContent = say(box, "done", "Stop. Enter the reading in \u201cAfter a 10-second squeeze\u201d.");
        form.querySelector("#grip_after").focus();
      }, 1000);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("form.entry-form");
    if (!form) { return; }
    if (form.hasAttribute("data-new-entry")) { freshen(form); }
    sameAsLastTime(form);
    showConnection();
    if (form.hasAttribute("data-offline-queue")) { saveOffline(form); } else { holdWhileOffline(form); }
    sitToStand(form);
    upAndGo(form);
    grip(form);
  });
})();
