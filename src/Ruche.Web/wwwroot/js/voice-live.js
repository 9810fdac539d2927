// Live updates of the idea box and polls: a message says only which idea or poll changed; the page reads it again
// through the normal, authorised read (its own page) and swaps in the parts that show it.
async function swapFrom(url, selector) {
  const shown = document.querySelectorAll(selector);
  if (shown.length === 0) {
    return;
  }

  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) {
    return;
  }

  const page = new DOMParser().parseFromString(await response.text(), 'text/html');
  const fresh = page.querySelector(selector);
  if (fresh) {
    for (const part of shown) {
      part.replaceWith(document.importNode(fresh, true));
    }
  }
}

// An idea got or lost a vote, or changed status: its vote count and status badge follow.
export async function ideaChanged({ ideaId }) {
  const id = Number(ideaId);
  await swapFrom(`/ideas/${id}`, `[data-idea-votes="${id}"]`);
  await swapFrom(`/ideas/${id}`, `[data-idea-status="${id}"]`);
}

// A poll's counts moved (a named vote, a counted batch) or it closed: its card is read again, results as this reader may see them.
export async function pollChanged({ pollId, postId }) {
  const card = document.querySelector(`[data-poll="${Number(pollId)}"]`);
  if (card && !card.contains(document.activeElement)) {
    await swapFrom(`/posts/${Number(postId)}`, `[data-poll="${Number(pollId)}"]`);
  }
}
