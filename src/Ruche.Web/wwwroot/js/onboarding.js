// The welcome path's time zone step: proposes the browser's own zone when the list has it (the form still works,
// and keeps the profile's zone, without JavaScript).
export function enhance() {
  for (const form of document.querySelectorAll('form[data-browser-timezone]:not([data-enhanced])')) {
    form.dataset.enhanced = 'on';
    const select = form.querySelector('select');
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!select || !zone || select.value === zone) {
      continue;
    }
    if ([...select.options].some((option) => option.value === zone)) {
      select.value = zone;
      form.querySelector('[data-browser-timezone-hint]')?.removeAttribute('hidden');
    }
  }
}
