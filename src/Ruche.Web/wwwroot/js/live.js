// Live updates over the SignalR hub (/hub, signed in by the page's cookie): a bar announcing new posts at the
// top of a feed instead of content jumping, and comment and reaction counts that follow. Messages carry ids and
// counts only; the bar's link reloads the feed, which reads the new posts through the normal, authorised reads.
import '../lib/signalr/signalr.min.js';
import { notificationsChanged } from './notifications.js';
import { ideaChanged, pollChanged } from './voice-live.js';
import { pageEditing, pageSaved } from './wiki-live.js';

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

// Shows "N new …" in a bar's hidden link, or hides it when there is nothing new.
function announce(link, count) {
  if (!link) {
    return;
  }

  link.hidden = count <= 0;
  if (count > 0) {
    link.textContent = (count === 1 ? link.dataset.one : link.dataset.many).replace('{0}', String(count));
  }
}

function freshPost(postId) {
  const feed = shownFeed();
  if (!feed || postId <= Number(feed.dataset.liveAfter) || postsOnScreen(postId).length > 0) {
    return;
  }

  fresh.add(postId);
  announce(document.querySelector('[data-live-bar] a'), fresh.size);
}

function postPublished({ postId, spaceId, feeds }) {
  const feed = shownFeed();
  const kind = feed?.dataset.liveFeed;
  if (kind && feeds.includes(kind) && (kind !== 'space' || String(spaceId) === feed.dataset.liveSpace)) {
    freshPost(postId);
  }
}

function commentsChanged({ postId, count }) {
  for (const post of postsOnScreen(postId)) {
    for (const link of post.querySelectorAll('a.comments[data-template-one]')) {
      // The page's language decides "1 commentaire" / "2 commentaires", as the server does (CLDR plural rules).
      const language = document.documentElement.lang;
      const template = new Intl.PluralRules(language).select(count) === 'one' ? link.dataset.templateOne : link.dataset.templateOther;
      link.textContent = template.replace('{0}', count.toLocaleString(language));
    }
  }

  // A post's own page lists its comments: a bar offers the new ones rather than inserting them under the reader.
  const thread = document.querySelector(`[data-live-comments="${Number(postId)}"]`);
  if (thread) {
    announce(thread.querySelector('a'), count - Number(thread.dataset.count));
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

// The link of the comments bar leads to the page the reader is on: follow it by reloading, which lists the new comments.
document.addEventListener('click', event => {
  const link = event.target instanceof Element ? event.target.closest('[data-live-comments] a') : null;
  if (link) {
    event.preventDefault();
    location.hash = 'comments';
    location.reload();
  }
});

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
// Messages sent while this page was not listening (while it rendered, or the connection was down) are not queued:
// on every (re)connection the page asks for the present state of what it shows, read by the same rules as pages.
async function catchUp() {
  const feed = shownFeed();
  const postIds = [...new Set([...document.querySelectorAll('article.post[data-post]')].map(p => Number(p.dataset.post)))].slice(0, 50);
  const request = {
    feed: feed?.dataset.liveFeed ?? null,
    spaceId: feed?.dataset.liveSpace ? Number(feed.dataset.liveSpace) : null,
    afterPostId: feed ? Number(feed.dataset.liveAfter) : null,
    postIds,
  };
  try {
    const present = await connection.invoke('CatchUp', request);
    present.newPostIds.forEach(freshPost);
    present.posts.forEach(({ postId, comments, reactions }) => {
      commentsChanged({ postId, count: comments });
      reactionsChanged({ postId, counts: reactions });
    });
    notificationsChanged({ unread: present.unread });
  } catch {
    // The page still shows what it rendered; the next message or reconnection brings it up to date.
  }
}

connection.on('Listening', async () => {
  await catchUp();
  document.documentElement.dataset.live = 'connected';
});
connection.on('PostPublished', postPublished);
connection.on('CommentsChanged', commentsChanged);
connection.on('ReactionsChanged', reactionsChanged);
connection.on('NotificationsChanged', notificationsChanged);
connection.on('GoalsChanged', goalsChanged);
connection.on('IdeaChanged', ideaChanged);
connection.on('PollChanged', pollChanged);
connection.on('PageEditing', pageEditing);
connection.on('PageSaved', pageSaved);

async function start(attempt = 0) {
  try {
    await connection.start();
  } catch {
    setTimeout(() => start(attempt + 1), retry.nextRetryDelayInMilliseconds({ previousRetryCount: attempt }));
  }
}

connection.onreconnecting(() => { document.documentElement.dataset.live = 'reconnecting'; });
start();
