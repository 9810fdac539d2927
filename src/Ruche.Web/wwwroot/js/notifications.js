// The unread badges (the header's bell and the phone's tab bar), kept current by the live channel's NotificationsChanged {unread}: the server sends
// the count itself (never a delta), so a missed message is corrected by the next one or the next page load.
export function notificationsChanged({ unread }) {
  const count = Math.max(0, Number(unread) || 0);
  for (const badge of document.querySelectorAll('[data-notification-badge], [data-notification-count]')) {
    badge.textContent = String(count);
    badge.setAttribute('aria-label', (badge.dataset.template ?? '{0}').replace('{0}', String(count)));
    badge.hidden = count === 0;
  }
}
