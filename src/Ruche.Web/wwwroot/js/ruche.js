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

// Open menus (<details class="menu">) close on a click elsewhere or on Escape; they open and close without script too.
document.addEventListener('click', (event) => {
  for (const menu of document.querySelectorAll('details.menu[open]')) {
    if (!menu.contains(event.target)) menu.open = false;
  }
});
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape') return;
  for (const menu of document.querySelectorAll('details.menu[open]')) {
    menu.open = false;
    menu.querySelector('summary')?.focus();
  }
});

// The installable app: service worker, offline copies cleared on sign-out, install hint (ADR 23).
const pwa = import('./pwa.js');

function enhancePage() {
  // The theme switch (light, dark, system) without a reload.
  if (document.querySelector('form[data-theme-switch]')) {
    import('./theme.js');
  }
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
  // The composer: Markdown toolbar and preview, @/# suggestions, images with descriptions.
  if (document.querySelector('textarea[data-markdown], form[data-composer]')) {
    import('./writing.js').then((m) => m.enhanceAll());
  }
  // A page's editor tells the page's other readers, live, that someone is editing it.
  if (document.querySelector('form[data-wiki-editing]')) import('./wiki.js').then((m) => m.enhance());
  // Reactions, follows, check-offs and comments sent without leaving the page.
  if (document.querySelector('form[data-inplace]')) {
    import('./inplace.js').then((m) => m.enhance());
  }
  // A library's uploads with their progress.
  if (document.querySelector('form[data-upload]')) import('./library.js').then((m) => m.enhanceAll());
  // Relative times, the image lightbox, person cards.
  if (document.querySelector('time[data-relative], [data-lightbox], article.post, .comment')) {
    import('./reading.js').then((m) => m.enhanceAll());
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
// Content swapped in place (js/inplace.js) gets the same enhancements.
document.addEventListener('ruche:content', enhancePage);
