// Ruche's service worker (ADR 23): the app shell for offline use and the last pages read, nothing else.
// Pages: network first, then the copy kept from the last read, then the offline page. Never kept: the API, form
// posts, SCIM, files, sign-in pages, settings and administration, the reporting channel, anything but a GET.
// The page's script and the server's Clear-Site-Data empty every cache on sign-out or when the person changes.

const SHELL = 'ruche-shell-v1';
const PAGES = 'ruche-pages-v1';
const MAX_PAGES = 30;
const OFFLINE = '/offline.html';
const SHELL_FILES = [OFFLINE, '/css/site.css', '/icons/app/icon.svg', '/icons/app/icon-192.png'];
const NEVER = ['/api/', '/ui/', '/scim', '/files/', '/login', '/logout', '/register', '/invitation', '/settings',
  '/admin', '/reporting', '/privacy', '/_blazor', '/health', '/manifest.webmanifest', '/sw.js'];
const STATIC = ['/css/', '/js/', '/lib/', '/icons/', '/_framework/'];
// The pages kept for offline reading: the day's work (feeds, spaces, posts, people, events, goals, notifications).
// Anything else — union questions, ballots and receipts, the CSE, the BDESE, records, moderation, voice — never
// lands on the device: a phone lost offline shows none of it. (Cache-Control cannot say it: every page with a form
// carries the antiforgery token, which marks it no-store.)
const OFFLINE_PAGES = ['/company', '/spaces/', '/spaces', '/posts/', '/people', '/events', '/goals', '/tags/', '/notifications'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL).then((cache) => cache.addAll(SHELL_FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name !== SHELL && name !== PAGES) {
        await caches.delete(name);
      }
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data?.type === 'clear') {
    event.waitUntil(clearAll().then(() => event.ports[0]?.postMessage('cleared')));
  }
});

async function clearAll() {
  for (const name of await caches.keys()) {
    await caches.delete(name);
  }
}

function offlinePage(path) {
  return path === '/' || OFFLINE_PAGES.some((prefix) => path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : prefix + '/'));
}

function kept(path) {
  return !NEVER.some((prefix) => path.startsWith(prefix));
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || !kept(url.pathname)) {
    return;
  }

  if (request.mode === 'navigate') {
    event.respondWith(page(request, url));
  } else if (STATIC.some((prefix) => url.pathname.startsWith(prefix))) {
    event.respondWith(shell(request));
  }
});

async function page(request, url) {
  try {
    const response = await fetch(request);
    if (response.ok && !response.redirected && offlinePage(url.pathname) && (response.headers.get('content-type') ?? '').startsWith('text/html')) {
      const copy = response.clone();
      const cache = await caches.open(PAGES);
      await cache.put(url.pathname + url.search, copy);
      await trim(cache);
    }
    return response;
  } catch {
    const kept = await caches.match(url.pathname + url.search, { cacheName: PAGES });
    return kept ?? (await caches.match(OFFLINE, { cacheName: SHELL })) ?? Response.error();
  }
}

// The app's styles, scripts and icons: what is cached answers at once, and the network refreshes it for next time.
async function shell(request) {
  const cache = await caches.open(SHELL);
  const cached = await cache.match(request);
  const fresh = fetch(request).then(async (response) => {
    if (response.ok) {
      await cache.put(request, response.clone());
    }
    return response;
  });
  if (cached) {
    fresh.catch(() => undefined);
    return cached;
  }
  return fresh;
}

// The last pages read, in the order they were kept: the oldest go first.
async function trim(cache) {
  const keys = await cache.keys();
  for (const key of keys.slice(0, Math.max(0, keys.length - MAX_PAGES))) {
    await cache.delete(key);
  }
}

// A push: the server sends a title and one sentence, never what anyone wrote (ADR 23).
self.addEventListener('push', (event) => {
  let message = { title: 'Ruche', body: '', url: '/notifications', tag: 'ruche-notification' };
  try {
    message = { ...message, ...event.data?.json() };
  } catch {
    // Not JSON: show the generic title.
  }
  event.waitUntil(self.registration.showNotification(message.title, {
    body: message.body,
    tag: message.tag,
    icon: '/icons/app/icon-192.png',
    badge: '/icons/app/icon-192.png',
    data: { url: message.url },
  }));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = new URL(event.notification.data?.url ?? '/notifications', self.location.origin);
  if (url.origin !== self.location.origin) {
    return;
  }
  event.waitUntil((async () => {
    for (const client of await self.clients.matchAll({ type: 'window' })) {
      if ('focus' in client) {
        await client.navigate(url.href);
        return client.focus();
      }
    }
    return self.clients.openWindow(url.href);
  })());
});
