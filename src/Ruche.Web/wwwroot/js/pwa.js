// The installable app (ADR 23): registers the service worker, empties the offline copies when the person signs out or
// another person signs in on this browser, offers the install hint, and on sign-out ends this device's push.

const PERSON_KEY = 'ruche.person';
const HINT_KEY = 'ruche.install-hint-dismissed';
let installPrompt = null;

export async function clearOfflineCopies() {
  if ('caches' in window) {
    for (const name of await caches.keys()) {
      await caches.delete(name);
    }
  }
  const worker = navigator.serviceWorker?.controller;
  if (worker) {
    await new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      worker.postMessage({ type: 'clear' }, [channel.port2]);
      setTimeout(resolve, 1000);
    });
  }
}

// The mark in the head is empty when nobody is signed in; a new mark is another person: nothing of the previous one stays.
async function followPerson() {
  const mark = document.querySelector('meta[name="ruche-person"]')?.content ?? '';
  let previous = null;
  try {
    previous = localStorage.getItem(PERSON_KEY);
  } catch {
    // Storage refused (private mode): clear every time instead.
  }
  if (mark === '' || previous !== mark) {
    await clearOfflineCopies();
  }
  try {
    if (mark === '') {
      localStorage.removeItem(PERSON_KEY);
    } else {
      localStorage.setItem(PERSON_KEY, mark);
    }
  } catch {
    // As above.
  }
}

async function register() {
  if (!('serviceWorker' in navigator)) {
    return;
  }
  await followPerson();
  const signedIn = (document.querySelector('meta[name="ruche-person"]')?.content ?? '') !== '';
  if (signedIn) {
    await navigator.serviceWorker.register('/sw.js', { scope: '/' });
  }
}

// Sign-out: this device's push subscription and offline copies go before the form leaves (the server also answers
// with Clear-Site-Data). Without JavaScript the form posts as usual.
document.addEventListener('submit', async (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.matches('form[action="/ui/logout"], form[action="/ui/settings/sign-out-everywhere"]')
      || event.defaultPrevented || form.dataset.signingOut) {
    return;
  }
  event.preventDefault();
  form.dataset.signingOut = 'true';
  try {
    const push = await import('./push.js');
    await push.forgetThisDevice(form);
  } catch {
    // Push unavailable: nothing to end.
  }
  await clearOfflineCopies();
  try {
    localStorage.removeItem(PERSON_KEY);
  } catch {
    // Storage refused.
  }
  form.submit();
});

window.addEventListener('beforeinstallprompt', (event) => {
  event.preventDefault();
  installPrompt = event;
  enhanceInstallHint();
});

window.addEventListener('appinstalled', () => {
  installPrompt = null;
  for (const hint of document.querySelectorAll('[data-install-hint]')) {
    hint.hidden = true;
  }
});

function dismissed() {
  try {
    return localStorage.getItem(HINT_KEY) === 'true';
  } catch {
    return false;
  }
}

export function enhanceInstallHint() {
  for (const hint of document.querySelectorAll('[data-install-hint]')) {
    hint.hidden = !installPrompt || dismissed();
    if (hint.dataset.enhanced) {
      continue;
    }
    hint.dataset.enhanced = 'true';
    hint.querySelector('[data-install]')?.addEventListener('click', async () => {
      if (!installPrompt) {
        return;
      }
      installPrompt.prompt();
      await installPrompt.userChoice;
      installPrompt = null;
      hint.hidden = true;
    });
    hint.querySelector('[data-install-dismiss]')?.addEventListener('click', () => {
      try {
        localStorage.setItem(HINT_KEY, 'true');
      } catch {
        // Storage refused: hidden for this page only.
      }
      hint.hidden = true;
    });
  }
}

export const ready = register().catch(() => undefined);
