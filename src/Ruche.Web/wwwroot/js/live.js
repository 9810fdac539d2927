// Live updates over the SignalR hub (/hub, signed in by the page's cookie): a bar announcing new posts at the
// top of a feed instead of content jumping, and comment and reaction counts that follow. Messages carry ids and
// counts only; the bar's link reloads the feed, which reads the new posts through the normal, authorised reads.
import '../lib/signalr/signalr.min.js';
import { notificationsChanged } from './notifications.js';

const signalR = globalThis.signalR;

// Posts new to the feed on screen. Pages change under enhanced navigation without reloading this module, so the
// set belongs to the feed it was counted for (its kind, space and newest post).
const fresh = new Set();
let countedFor = '';

function shownFeed() {
  const feed = document.querySelector('[data-live-feed]');
  const key = feed ? `${feed.dataset.liveFeed}:${feed.dataset.liveSpace ?? ''}:${feed.dataset.liveAfter}` : '';
  if (key !== countedFor) {
    countedFor = key;
    fresh.clear();
  }

  return feed;
}

function postsOnScreen(postId) {
  return document.querySelectorAll(`article.post[data-post="${Number(postId)}"]`);
}

function postPublished({ postId, spaceId, feeds }) {
  const feed = shownFeed();
  if (!feed || postId <= Number(feed.dataset.liveAfter) || postsOnScreen(postId).length > 0) {
    return;
  }

  const kind = feed.dataset.liveFeed;
  if (!feeds.includes(kind) || (kind === 'space' && String(spaceId) !== feed.dataset.liveSpace)) {
    return;
  }

  fresh.add(postId);
  const link = document.querySelector('[data-live-bar] a');
  if (link) {
    const template = fresh.size === 1 ? link.dataset.one : link.dataset.many;
    link.textContent = template.replace('{0}', String(fresh.size));
    link.hidden = false;
  }
}

function commentsChanged({ postId, count }) {
  for (const post of postsOnScreen(postId)) {
    for (const link of post.querySelectorAll('a.comments[data-template]')) {
      link.textContent = link.dataset.template.replace('{0}', String(count));
    }
  }
}

function reactionsChanged({ postId, counts }) {
  for (const post of postsOnScreen(postId)) {
    for (const [kind, count] of Object.entries(counts)) {
      const shown = post.querySelector(`button[data-reaction="${CSS.escape(kind)}"] .count`);
      if (shown) {
        shown.textContent = String(count);
      }
    }
  }
}

// A day's goals changed: read the post's page again (the normal, authorised read) and swap in its goals list.
async function goalsChanged({ postId }) {
  const shown = document.querySelectorAll(`[data-goals="${Number(postId)}"]`);
  if (shown.length === 0) {
    return;
  }

  const response = await fetch(`/posts/${Number(postId)}`, { credentials: 'same-origin' });
  if (!response.ok) {
    return;
  }

  const page = new DOMParser().parseFromString(await response.text(), 'text/html');
  const fresh = page.querySelector(`[data-goals="${Number(postId)}"]`);
  if (fresh) {
    for (const list of shown) {
      list.replaceWith(document.importNode(fresh, true));
    }
  }
}

// Retry forever, backing off to about 30 s, with jitter so that a restarted node is not hit by every tab at once.
const retry = {
  nextRetryDelayInMilliseconds: ({ previousRetryCount }) => Math.min(30_000, 1_000 * 2 ** previousRetryCount) + Math.random() * 2_000,
};

const connection = new signalR.HubConnectionBuilder()
  .withUrl('/hub')
  .withAutomaticReconnect(retry)
  .configureLogging(signalR.LogLevel.None)
  .build();
connection.on('Listening', () => { document.documentElement.dataset.live = 'connected'; });
connection.on('PostPublished', postPublished);
connection.on('CommentsChanged', commentsChanged);
connection.on('ReactionsChanged', reactionsChanged);
connection.on('NotificationsChanged', notificationsChanged);
connection.on('GoalsChanged', goalsChanged);

async function start(attempt = 0) {
  try {
    await connection.start();
  } catch {
    setTimeout(() => start(attempt + 1), retry.nextRetryDelayInMilliseconds({ previousRetryCount: attempt }));
  }
}

connection.onreconnecting(() => { document.documentElement.dataset.live = 'reconnecting'; });
start();
