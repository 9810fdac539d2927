// Passkeys (WebAuthn). A form marked data-passkey="create" (settings) or "get" (sign-in) first fetches the ceremony's
// options from data-options (antiforgery token in a header), lets the browser's authenticator answer, then submits
// itself with that answer as JSON in its hidden "credential" field: the server's reply is an ordinary redirect.

function antiforgeryToken(form) {
  return form.querySelector('input[name="__RequestVerificationToken"]')?.value ?? '';
}

function showProblem(form, message) {
  const status = form.querySelector('[data-passkey-status]');
  if (status) {
    status.textContent = message ?? '';
    status.hidden = !message;
  }
}

async function fetchOptions(form) {
  const response = await fetch(form.dataset.options, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { RequestVerificationToken: antiforgeryToken(form), Accept: 'application/json' },
  });
  if (!response.ok) {
    throw new Error(`passkey options: HTTP ${response.status}`);
  }
  return response.json();
}

async function askAuthenticator(form) {
  const options = await fetchOptions(form);
  if (form.dataset.passkey === 'create') {
    return navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) });
  }
  return navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) });
}

export function enhanceAll() {
  for (const form of document.querySelectorAll('form[data-passkey]:not([data-enhanced])')) {
    form.dataset.enhanced = 'true';
    enhance(form);
  }
}

function enhance(form) {
  const field = form.elements.namedItem('credential');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    showProblem(form, null);
    if (!window.PublicKeyCredential?.parseCreationOptionsFromJSON || !field) {
      showProblem(form, form.dataset.unsupported);
      return;
    }
    try {
      const credential = await askAuthenticator(form);
      if (!credential) {
        showProblem(form, form.dataset.failed);
        return;
      }
      field.value = JSON.stringify(credential);
      form.submit();
    } catch (error) {
      console.warn(error);
      showProblem(form, form.dataset.failed);
    }
  });
}
