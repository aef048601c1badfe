// xuefa's service worker: after one visit the whole site (app shell, hashed assets and the
// bank, and the administrators' app under admin/) is served from the cache, so every route
// works with the network off.
// The build (src/bin/xuefa_dist.rs) writes in the list of files and a version that changes
// with any file; a new version waits until the page asks it to take over ("skip-waiting"),
// which the app only offers outside an exam attempt.

const VERSION = "__XUEFA_VERSION__";
const FILES = "__XUEFA_PRECACHE__";
const CACHE = "xuefa-" + VERSION;
const SCOPE = new URL(self.registration.scope);
const SHELL = new URL("index.html", SCOPE).href;
// The administrators' app: its routes live under admin/ and get its own page.
const ADMIN = new URL("admin/", SCOPE).href;
const ADMIN_SHELL = new URL("admin/index.html", SCOPE).href;

self.addEventListener("install", (event) => {
  const requests = FILES.map((file) => new Request(new URL(file, SCOPE).href, { cache: "reload" }));
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(requests)));
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") {
    self.skipWaiting();
  }
});

self.addEventListener("activate", (event) => {
  const old = (key) => key.startsWith("xuefa-") && key !== CACHE;
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter(old).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== SCOPE.origin) {
    return;
  }
  const lastSegment = url.pathname.split("/").pop();
  const isRoute = request.mode === "navigate" && !lastSegment.includes(".");
  const shell = url.href.startsWith(ADMIN) ? ADMIN_SHELL : SHELL;
  const cached = caches.open(CACHE).then((cache) => cache.match(isRoute ? shell : request));
  event.respondWith(cached.then((response) => response || fetch(request)));
});
