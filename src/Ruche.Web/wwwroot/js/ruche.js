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

function enhancePage() {
  // Passkey registration and sign-in forms.
  if (document.querySelector('form[data-passkey]')) {
    import('./passkeys.js').then((m) => m.enhanceAll());
  }
  // Choosing people by name (event invitations).
  if (document.querySelector('input[data-people-picker]')) {
    import('./people-picker.js').then((m) => m.enhanceAll());
  }
  // The welcome path's time zone, proposed from the browser.
  if (document.querySelector('form[data-browser-timezone]')) {
    import('./onboarding.js').then((m) => m.enhance());
  }
  // Charts drawn from the data tables a page shows.
  if (document.querySelector('table[data-chart]')) {
    import('./charts.js').then((m) => m.enhance());
  }
}

enhancePage();
window.Blazor?.addEventListener?.('enhancedload', enhancePage);
