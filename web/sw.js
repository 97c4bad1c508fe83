// Service worker of the calciphylaxis calculator: precaches the app's own files on the
// first visit so that it loads and works with the network off.
//
// This is a template: the Trunk post_build hook scripts/sw-precache.mjs writes the
// build's version and the list of its files (hashed names included) into the staged
// dist/sw.js. Each build caches under its own name; a new build is a new sw.js, which
// the browser installs beside the old one; the old one keeps serving its own complete
// set of files until the new one activates (no mix of two builds), and activation
// deletes the old caches. It never fetches anything but the app's own files.
"use strict";

const VERSION = "__SW_VERSION__";
const PRECACHE = __SW_PRECACHE__;
const CACHE_PREFIX = "calciphylaxis-";
const CACHE = CACHE_PREFIX + VERSION;
const SCOPE = new URL("./", self.location.href);
const INDEX = new URL("./", SCOPE).href;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      // `reload`: bypass the HTTP cache so the files are this build's.
      cache.addAll(PRECACHE.map((path) => new Request(new URL(path, SCOPE).href, { cache: "reload" }))),
    ),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(CACHE_PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "SKIP_WAITING") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const hit = await cache.match(request, { ignoreSearch: true });
      if (hit) return hit;
      // The app's page under another name (e.g. /index.html?...): the cached page.
      if (request.mode === "navigate" && (url.pathname === SCOPE.pathname || url.pathname === SCOPE.pathname + "index.html")) {
        const page = await cache.match(INDEX);
        if (page) return page;
      }
      return fetch(request);
    }),
  );
});
