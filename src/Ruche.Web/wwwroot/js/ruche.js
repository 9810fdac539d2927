// Small progressive enhancements; every page works without them. Each runs on the first page and again after every
// enhanced navigation (Blazor swaps the page's content without loading this module again).

// Ask before destructive forms (data-confirm holds the translated question).
document.addEventListener('submit', (event) => {
  const form = event.target;
  if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
  }
});

// Live updates for signed-in pages (the layout marks them); pages stay complete without.
if (document.querySelector('header.top[data-live]')) {
  import('./live.js');
}

// The installable app: service worker, offline copies cleared on sign-out, install hint (ADR 23).
const pwa = import('./pwa.js');

function enhancePage() {
  // The install hint and this device's push notifications (notification settings).
  if (document.querySelector('[data-install-hint], [data-push]')) {
    pwa.then((m) => m.enhanceInstallHint()).then(() => document.querySelector('[data-push]') && import('./push.js').then((m) => m.enhance()));
  }
  // Passkey registration and sign-in forms.
  if (document.querySelector('form[data-passkey]')) {
    import('./passkeys.js').then((m) => m.enhanceAll());
  }
  // Choosing people by name (event invitations).
  if (document.querySelector('input[data-people-picker]')) {
    import('./people-picker.js').then((m) => m.enhanceAll());
  }
  // Charts drawn from the data tables a page shows.
  if (document.querySelector('table[data-chart]')) {
    import('./charts.js').then((m) => m.enhance());
  }
}

enhancePage();
window.Blazor?.addEventListener?.('enhancedload', enhancePage);
