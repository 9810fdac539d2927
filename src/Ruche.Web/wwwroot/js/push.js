// This device's push notifications (ADR 23), on the notification settings page: subscribe with the server's VAPID key
// and send the subscription with the page's antiforgery token; unsubscribe; and, on sign-out, forget this device.

function base64UrlToBytes(text) {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(text.length / 4) * 4, '=');
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

async function registration() {
  if (!('serviceWorker' in navigator) || !('PushManager' in window)) {
    return null;
  }
  return navigator.serviceWorker.ready;
}

function show(box, state) {
  for (const element of box.querySelectorAll('[data-push-when]')) {
    element.hidden = element.dataset.pushWhen !== state;
  }
}

async function post(form, fields) {
  const data = new FormData(form);
  for (const [name, value] of Object.entries(fields)) {
    data.set(name, value);
  }
  const response = await fetch(form.action, { method: 'POST', body: data, credentials: 'same-origin' });
  if (!response.ok) {
    throw new Error(`Refused: ${response.status}`);
  }
}

async function refresh(box) {
  const ready = await registration();
  if (!ready) {
    return;
  }
  box.hidden = false;
  if (Notification.permission === 'denied') {
    show(box, 'denied');
    return;
  }
  show(box, (await ready.pushManager.getSubscription()) ? 'on' : 'off');
}

export function enhance() {
  for (const box of document.querySelectorAll('[data-push]')) {
    if (box.dataset.enhanced) {
      continue;
    }
    box.dataset.enhanced = 'true';
    refresh(box);
    box.querySelector('form[data-push-subscribe]')?.addEventListener('submit', async (event) => {
      event.preventDefault();
      const ready = await registration();
      if (!ready || (await Notification.requestPermission()) !== 'granted') {
        await refresh(box);
        return;
      }
      const subscription = await ready.pushManager.subscribe({
        userVisibleOnly: true,
        applicationServerKey: base64UrlToBytes(box.dataset.pushKey),
      });
      const json = subscription.toJSON();
      await post(event.target, { endpoint: json.endpoint, p256dh: json.keys.p256dh, auth: json.keys.auth });
      window.location.reload();
    });
    box.querySelector('form[data-push-forget]')?.addEventListener('submit', async (event) => {
      event.preventDefault();
      await forgetThisDevice(event.target);
      window.location.reload();
    });
  }
}

// Ends this device's subscription, at the push service and on the server (with the antiforgery token of the form
// given, or of any form on the page).
export async function forgetThisDevice(form = document.querySelector('form[method="post"]')) {
  const ready = navigator.serviceWorker?.controller ? await registration() : null;
  const subscription = await ready?.pushManager.getSubscription();
  if (!subscription) {
    return;
  }
  const token = form?.querySelector('input[name="__RequestVerificationToken"]')?.value;
  if (token) {
    const data = new FormData();
    data.set('__RequestVerificationToken', token);
    data.set('endpoint', subscription.endpoint);
    await fetch('/ui/push/forget', { method: 'POST', body: data, credentials: 'same-origin' }).catch(() => undefined);
  }
  await subscription.unsubscribe();
}
