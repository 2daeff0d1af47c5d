// Entries waiting on the phone to be sent (IndexedDB), shared by the pages and the service worker.
// Each entry keeps its idempotency key from the moment it was saved, so however often sending is
// retried (a lost answer, two tabs, a reload), the server stores it once.
(function (scope) {
  "use strict";

  var DB_NAME = "lems-offline";
  var STORE = "waiting";
  var SYNC_LOCK = "lems-send-waiting";

  function open() {
    return new Promise(function (resolve, reject) {
      var request = scope.indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = function () { request.result.createObjectStore(STORE, { keyPath: "key" }); };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }

  function run(mode, work) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(STORE, mode);
        var result = work(tx.objectStore(STORE));
        tx.oncomplete = function () { db.close(); resolve(result && "result" in result ? result.result : undefined); };
        tx.onerror = function () { db.close(); reject(tx.error); };
      });
    });
  }

  function newKey() {
    if (scope.crypto && scope.crypto.randomUUID) { return scope.crypto.randomUUID(); }
    var bytes = scope.crypto.getRandomValues(new Uint8Array(16));
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  // An entry as posted by the form: every field, in order (medicine rows repeat their names).
  function itemFromForm(formData, user) {
    var fields = [];
    formData.forEach(function (value, name) { if (typeof value === "string") { fields.push([name, value]); } });
    var key = formData.get("idempotency_key") || newKey();
    if (!formData.get("idempotency_key")) { fields.push(["idempotency_key", key]); }
    return {
      key: key,
      user: user,
      fields: fields,
      recordedAt: formData.get("recorded_at") || "",
      savedAt: new Date().toISOString(),
      problem: ""
    };
  }

  function field(item, name) {
    for (var i = 0; i < item.fields.length; i++) { if (item.fields[i][0] === name) { return item.fields[i][1]; } }
    return "";
  }

  function add(item) { return run("readwrite", function (store) { store.put(item); }); }
  function update(item) { return add(item); }
  function remove(key) { return run("readwrite", function (store) { store.delete(key); }); }
  function all() { return run("readonly", function (store) { return store.getAll(); }); }

  // The session's current form token: the one saved with a queued entry may belong to a session
  // that has since ended. Null when the person must sign in again first.
  function currentCsrfToken() {
    return fetch("/entries/new", { credentials: "same-origin", cache: "no-store" }).then(function (response) {
      if (!response.ok || response.redirected) { return null; }
      return response.text().then(function (html) {
        var match = /name="csrf_token" value="([^"]+)"/.exec(html);
        return match ? match[1] : null;
      });
    });
  }

  // Post one waiting entry as the web form does (cookie session + CSRF token), with its key both
  // as the form's hidden field and as the Idempotency-Key header. Resolves to
  // {sent: true, url, html} or {sent: false, problem}; rejects when the network fails.
  function send(item, token) {
    var body = new URLSearchParams();
    item.fields.forEach(function (pair) {
      if (pair[0] !== "csrf_token") { body.append(pair[0], pair[1]); }
    });
    body.append("csrf_token", token);
    return fetch("/entries", {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "Idempotency-Key": item.key }
    }).then(function (response) {
      if (response.ok && /\/entries\/\d+/.test(response.url)) {
        return response.text().then(function (html) { return { sent: true, url: response.url, html: html }; });
      }
      return response.text().then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var summary = doc.querySelector("#error-summary ul");
        return { sent: false, problem: summary ? summary.textContent.trim().replace(/\s+/g, " ") : "The server refused it (" + response.status + ")." };
      });
    });
  }

  // Send every entry of this person that is waiting, one at a time, in the order they were saved.
  // A Web Lock keeps two open tabs from sending the same entry at the same moment.
  function sendWaiting(user, onSent) {
    function work() {
      return all().then(function (items) {
        var mine = items.filter(function (item) { return item.user === user && !item.problem; });
        mine.sort(function (a, b) { return a.savedAt < b.savedAt ? -1 : 1; });
        if (!mine.length) { return { signIn: false }; }
        return currentCsrfToken().then(function (token) {
          if (!token) { return { signIn: true }; }
          var chain = Promise.resolve();
          mine.forEach(function (item) {
            chain = chain.then(function () {
              return send(item, token).then(function (result) {
                if (result.sent) {
                  return remove(item.key).then(function () { onSent(item, result); });
                }
                item.problem = result.problem;
                return update(item);
              });
            });
          });
          return chain.then(function () { return { signIn: false }; });
        });
      });
    }
    if (scope.navigator.locks && scope.navigator.locks.request) {
      return scope.navigator.locks.request(SYNC_LOCK, work);
    }
    return work();
  }

  // Entries the service worker queued for a page that had no chance to say whose they are.
  function claim(user) {
    return all().then(function (items) {
      return Promise.all(items.filter(function (item) { return !item.user; }).map(function (item) {
        item.user = user;
        return update(item);
      }));
    });
  }

  scope.LemsQueue = {
    add: add, all: all, remove: remove, update: update, claim: claim, field: field,
    itemFromForm: itemFromForm, newKey: newKey, sendWaiting: sendWaiting
  };
})(self);
