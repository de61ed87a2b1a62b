/* The site's service worker, served as /sw.js from the site root so that its
   scope covers every language (written by kakehashi/site/offline.py, which
   fills in VERSION and OFFLINE_PATHS; plain JavaScript, no build step).

   It keeps the pages below OFFLINE_PATHS (the guides and the disaster
   prevention section, in every language) and the site's own assets/ readable
   without a connection once a reader has opened them. Pages and assets come
   from the network first, so that updates arrive; the copy in the cache is
   used only when the network fails. Every other request, and every request to
   another origin, is left alone: the rest of the site works as without it.
   A new build has a new VERSION, and the new worker deletes the caches of the
   old one. */
"use strict";

const VERSION = "__VERSION__";
const PREFIX = "kakehashi-offline-";
const CACHE = PREFIX + VERSION;
const OFFLINE_PATHS = __OFFLINE_PATHS__;
const ASSETS = "assets/";
const SCOPE = new URL(self.registration.scope);

/* The path of a URL of this site below the worker's scope, or null. */
function below(url) {
  if (url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) return null;
  return url.pathname.slice(SCOPE.pathname.length);
}

function kept(url) {
  const path = below(url);
  if (path === null) return false;
  return path.startsWith(ASSETS) || OFFLINE_PATHS.some((prefix) => path.startsWith(prefix));
}

async function store(cache, request, response) {
  // Whole answers only: a part of a file (206, for a Range request) cannot be kept.
  if (response.status === 200 && response.type === "basic") await cache.put(request, response.clone());
  return response;
}

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    return await store(cache, request, await fetch(request));
  } catch (error) {
    const copy = await cache.match(request);
    if (copy) return copy;
    throw error;
  }
}

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith(PREFIX) && n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim())
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  // A request for part of a file (a map's tile archive) goes to the network as it is.
  if (request.method !== "GET" || request.headers.has("range") || !kept(new URL(request.url))) return;
  event.respondWith(networkFirst(request));
});

/* The first visit of a page happens before the worker runs: the page sends its
   own address and the addresses of what it loaded, and the worker keeps those
   it keeps anyway. */
self.addEventListener("message", (event) => {
  const urls = event.data && event.data.type === "keep" && Array.isArray(event.data.urls) ? event.data.urls : [];
  const wanted = urls.map((u) => new URL(u, SCOPE)).filter(kept);
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      Promise.all(
        wanted.map((url) =>
          cache.match(url.href).then((copy) => copy || fetch(url.href).then((r) => store(cache, url.href, r)).catch(() => null))
        )
      )
    )
  );
});
