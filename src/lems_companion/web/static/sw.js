// The service worker: keeps the app shell and the entry form on the phone, so an entry can be
// recorded without a connection. Served from /sw.js (root scope: it controls every page).
// Release __VERSION__: the server stamps it in, so a new release installs a fresh worker and cache.
"use strict";

importScripts("/static/queue.js");

var SHELL_CACHE = "lems-shell-__VERSION__";
var FORM_URL = "/entries/new";
var OFFLINE_URL = "/offline";
var SHELL = [
  "/static/app.css",
  "/static/app.js",
  "/static/queue.js",
  "/static/entry-form.js",
  "/static/htmx.min.js",
  "/static/icons/icon-192.png",
  "/static/icons/apple-touch-icon.png",
  "/favicon.ico",
  "/manifest.webmanifest",
  "/offline/red-flags.json",
  OFFLINE_URL
];
// Fetched again in the background whenever served from the cache (stale-while-revalidate).
var REFRESHED = ["/favicon.ico", "/manifest.webmanifest", "/offline/red-flags.json"];

function isForm(url) { return url.pathname === FORM_URL; }

// The entry form holds the person's usual symptoms and medicines: it is cached only from a
// signed-in answer, and dropped at sign-out or when the session has ended.
function keepForm(response) {
  return caches.open(SHELL_CACHE).then(function (cache) {
    if (response.ok && !response.redirected) { return cache.put(FORM_URL, response); }
    return cache.delete(FORM_URL);
  });
}

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(SHELL_CACHE)
      .then(function (cache) { return cache.addAll(SHELL); })
      .then(function () {
        return fetch(FORM_URL, { credentials: "same-origin" }).then(keepForm, function () {});
      })
      .then(function () { return self.skipWaiting(); })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys()
      .then(function (names) {
        return Promise.all(names.filter(function (name) {
          return name.indexOf("lems-shell-") === 0 && name !== SHELL_CACHE;
        }).map(function (name) { return caches.delete(name); }));
      })
      .then(function () { return self.clients.claim(); })
  );
});

function fromCacheThenRefresh(request) {
  return caches.open(SHELL_CACHE).then(function (cache) {
    return cache.match(request, { ignoreSearch: true }).then(function (cached) {
      var fresh = fetch(request).then(function (response) {
        if (response.ok) { cache.put(request, response.clone()); }
        return response;
      });
      if (cached) { fresh.catch(function () {}); return cached; }
      return fresh;
    });
  });
}

function page(request, url) {
  return fetch(request).then(function (response) {
    if (isForm(url)) { keepForm(response.clone()); }
    return response;
  }).catch(function () {
    return caches.open(SHELL_CACHE).then(function (cache) {
      var fallback = isForm(url) ? cache.match(FORM_URL) : Promise.resolve(undefined);
      return fallback.then(function (form) { return form || cache.match(OFFLINE_URL); });
    });
  });
}

// A new entry posted when the phone believed it was online but the request failed ("lie-fi"):
// keep it in the queue, as the page does when it knows it is offline, and show the form again.
function postEntry(request) {
  var copy = request.clone();
  return fetch(request).catch(function () {
    return copy.formData().then(function (data) {
      return LemsQueue.add(LemsQueue.itemFromForm(data, ""));
    }).then(function () {
      return Response.redirect(FORM_URL + "?queued=1", 303);
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) { return; }
  if (request.method === "POST") {
    if (request.mode === "navigate" && url.pathname === "/entries") {
      event.respondWith(postEntry(request));
    } else if (url.pathname === "/logout") {
      event.respondWith(caches.open(SHELL_CACHE).then(function (cache) {
        return cache.delete(FORM_URL);
      }).then(function () { return fetch(request); }));
    }
    return;
  }
  if (request.method !== "GET") { return; }
  if (request.mode === "navigate") {
    event.respondWith(page(request, url));
  } else if (url.pathname.indexOf("/static/") === 0 || REFRESHED.indexOf(url.pathname) >= 0) {
    event.respondWith(fromCacheThenRefresh(request));
  }
});
