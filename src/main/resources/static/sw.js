// Piazza's service worker: pages always come from the network (they hold personal, changing data); when there is
// none, the offline page is shown instead of the browser's error.
var CACHE = 'piazza-offline-v1';
var OFFLINE = '/offline';

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return cache.addAll([OFFLINE, '/webjars/bootstrap-italia/dist/css/bootstrap-italia.min.css', '/css/piazza.css']);
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (key) { return key !== CACHE; })
      .map(function (key) { return caches.delete(key); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.mode === 'navigate') {
    event.respondWith(fetch(request).catch(function () { return caches.match(OFFLINE); }));
    return;
  }
  if (request.method === 'GET' && request.url.indexOf('/webjars/') >= 0) {
    event.respondWith(caches.match(request).then(function (hit) { return hit || fetch(request); }));
  }
});
