// The theme switch without a reload: the page changes at once, and the same form goes to the server in the background
// so the next page is rendered in the chosen theme (no flash). Without script the form posts and redirects back.
document.addEventListener('submit', (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-theme-switch')) return;
  const choice = event.submitter?.value;
  if (!choice) return;
  event.preventDefault();
  if (choice === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = choice;
  for (const each of document.querySelectorAll('form[data-theme-switch] button[name=theme]')) {
    each.setAttribute('aria-pressed', String(each.value === choice));
  }
  const data = new FormData(form, event.submitter);
  fetch(form.action, { method: 'POST', body: data, redirect: 'manual', credentials: 'same-origin' }).catch(() => {});
});
