// In-place actions: a form marked data-inplace="id" (reactions, follows, goal check-offs, comments) is sent with fetch
// instead of leaving the page; the element with that id is swapped for the same element of the page the server answers
// with (its post/redirect/get answer), so counts and states come from the server. Without this script, or when the answer
// does not hold the element (a refusal shown with ?error=), the browser goes to the answer as a plain form would.

let installed = false;

export function enhance() {
  if (installed) return;
  installed = true;
  document.addEventListener('submit', onSubmit);
}

function announce(text) {
  let region = document.getElementById('inplace-status');
  if (!region) {
    region = document.createElement('div');
    region.id = 'inplace-status';
    region.className = 'sr';
    region.setAttribute('aria-live', 'polite');
    document.body.append(region);
  }
  region.textContent = '';
  setTimeout(() => { region.textContent = text; }, 50);
}

// The control to give the focus back to in the fresh element: the same reaction, the same button, else the element.
function focusAfter(fresh, submitter, knownComments) {
  if (fresh.id === 'comments') {
    const added = [...fresh.querySelectorAll('.comment[id]')].find((c) => !knownComments.has(c.id));
    if (added) {
      added.tabIndex = -1;
      added.focus();
      announce(added.textContent.trim().replace(/\s+/g, ' ').slice(0, 140));
      return;
    }
  }
  let target = null;
  if (submitter?.dataset.reaction) {
    target = fresh.querySelector(`button[data-reaction="${CSS.escape(submitter.dataset.reaction)}"]`);
  } else if (submitter?.name) {
    target = fresh.querySelector(`button[name="${CSS.escape(submitter.name)}"][value="${CSS.escape(submitter.value)}"]`);
  }
  target ??= fresh.querySelector('button[type="submit"], button:not([type])');
  if (target) {
    target.focus();
    announce(target.textContent.trim().replace(/\s+/g, ' '));
  } else {
    fresh.tabIndex = -1;
    fresh.focus();
  }
}

async function onSubmit(event) {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.dataset.inplace || event.defaultPrevented) return;
  const current = document.getElementById(form.dataset.inplace);
  if (!current) return;
  event.preventDefault();
  const submitter = event.submitter;
  const body = new FormData(form, submitter);
  const knownComments = new Set([...current.querySelectorAll('.comment[id]')].map((c) => c.id));
  const buttons = [...form.querySelectorAll('button')];
  buttons.forEach((b) => { b.disabled = true; });
  form.setAttribute('aria-busy', 'true');
  let response;
  try {
    response = await fetch(form.action, { method: 'POST', body, credentials: 'same-origin', headers: { Accept: 'text/html' } });
    const answered = new URL(response.url, location.href);
    const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
    const fresh = doc.getElementById(form.dataset.inplace);
    if (!response.ok || !fresh || answered.searchParams.has('error')) {
      location.assign(response.url);
      return;
    }
    const adopted = document.adoptNode(fresh);
    current.replaceWith(adopted);
    focusAfter(adopted, submitter, knownComments);
    document.dispatchEvent(new CustomEvent('ruche:content', { detail: adopted }));
  } catch {
    // The network failed: send it the plain way, which shows the browser's own error if it fails again.
    buttons.forEach((b) => { b.disabled = false; });
    form.removeAttribute('aria-busy');
    delete form.dataset.inplace;
    form.requestSubmit(submitter ?? undefined);
  }
}
