// Small progressive enhancements; every page works without them.

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

// Passkey registration and sign-in forms.
if (document.querySelector('form[data-passkey]')) {
  import('./passkeys.js');
}

// Choosing people by name (event invitations).
if (document.querySelector('input[data-people-picker]')) {
  import('./people-picker.js');
}
