// The door page's service worker (registered by /js/checkin.js with the door page as its
// scope and the page's address as ?page=): keeps the page shell and the static files it
// links so the page opens without a network. It caches no people: those live in the
// page's localStorage, which the staff logout clears (Clear-Site-Data "storage") together
// with this worker and its cache.
'use strict';
var CACHE = 'door-shell-v1';
var PAGE = new URL(self.location.href).searchParams.get('page');

function isDoorPage(url) {
  return /^\/admin\/events\/[^/]+\/checkin$/.test(url.pathname);
}

// The shell and every stylesheet, script and icon it links (their names carry a content
// hash, so a cached one never goes stale).
function keepShell(path) {
  return fetch(path, { credentials: 'same-origin' }).then(function (page) {
    if (!page.ok || page.redirected) {
      return null;
    }
    return page.clone().text().then(function (html) {
      var files = [];
      var link = /(?:href|src)="(\/(?:css|js)\/[^"]+|\/favicon[^"]*)"/g;
      var found;
      while ((found = link.exec(html)) !== null) {
        files.push(found[1].replace(/&amp;/g, '&'));
      }
      return caches.open(CACHE).then(function (cache) {
        return Promise.all([cache.put(path, page), cache.addAll(files)]);
      });
    });
  }).catch(function () { return null; });
}

self.addEventListener('install', function (event) {
  event.waitUntil((PAGE && isDoorPage(new URL(PAGE, self.location.origin)) ? keepShell(PAGE) : Promise.resolve())
    .then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (n) { return n !== CACHE; }).map(function (n) { return caches.delete(n); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener('fetch', function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) {
    return;
  }
  if (request.mode === 'navigate' && isDoorPage(url)) {
    // Network first; offline gets the shell (the page without a search).
    event.respondWith(fetch(request).then(function (response) {
      if (response.ok && !response.redirected) {
        event.waitUntil(keepShell(url.pathname));
      }
      return response;
    }).catch(function () {
      return caches.match(url.pathname).then(function (cached) { return cached || Response.error(); });
    }));
    return;
  }
  if (/^\/(css|js)\//.test(url.pathname) || url.pathname.indexOf('/favicon') === 0) {
    event.respondWith(caches.match(request).then(function (cached) { return cached || fetch(request); }));
  }
});
