// Reading: relative times ("il y a 5 min") over the exact time the server wrote (kept in the title), post images and a
// space's photo gallery in a lightbox (a modal dialog: the focus stays in it, Tab cycles its buttons, Escape closes and
// the focus returns to the photo, arrows move, the description and "3 of 12" are read), and a person's
// small card over a mention or a name (hover, focus or tap). Without this script, times are exact, an image link opens
// the image and a name opens the profile.

let dialog;
let timer;

export function enhanceAll() {
  refreshTimes();
  timer ??= setInterval(refreshTimes, 60_000);
  if (!document.documentElement.dataset.readingReady) {
    document.documentElement.dataset.readingReady = 'true';
    // In the capture phase, before Blazor's enhanced navigation would follow the link.
    document.addEventListener('click', onImageClick, true);
    enhanceCards();
  }
}

const units = [['year', 31_536_000], ['month', 2_592_000], ['week', 604_800], ['day', 86_400], ['hour', 3_600], ['minute', 60]];

function refreshTimes() {
  const format = new Intl.RelativeTimeFormat(document.documentElement.lang || undefined, { numeric: 'auto' });
  for (const time of document.querySelectorAll('time[data-relative][datetime]')) {
    const at = Date.parse(time.getAttribute('datetime'));
    if (Number.isNaN(at)) continue;
    if (!time.title) time.title = time.textContent.trim();
    const seconds = (at - Date.now()) / 1000;
    // Beyond a week the exact date says more than "3 weeks ago".
    if (Math.abs(seconds) > 604_800) continue;
    const [unit, size] = units.find(([, s]) => Math.abs(seconds) >= s) ?? ['second', 1];
    time.textContent = unit === 'second' ? format.format(0, 'minute') : format.format(Math.round(seconds / size), unit);
  }
}

function lightbox() {
  if (dialog) return dialog;
  dialog = document.createElement('dialog');
  dialog.className = 'lightbox';
  const figure = document.createElement('figure');
  const img = document.createElement('img');
  const caption = document.createElement('figcaption');
  const position = document.createElement('p');
  position.className = 'lightbox-position';
  position.setAttribute('aria-live', 'polite');
  figure.append(img, caption, position);
  const button = (cls, text, label) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = cls;
    b.textContent = text;
    b.dataset.label = label;
    return b;
  };
  const close = button('lightbox-close', '✕', 'close');
  const previous = button('lightbox-prev', '‹', 'previous');
  const next = button('lightbox-next', '›', 'next');
  close.addEventListener('click', () => dialog.close());
  previous.addEventListener('click', () => dialog.move(-1));
  next.addEventListener('click', () => dialog.move(1));
  dialog.append(close, previous, figure, next);
  dialog.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowRight') dialog.move(1);
    else if (event.key === 'ArrowLeft') dialog.move(-1);
    else if (event.key === 'Tab') {
      // The focus stays in the dialog: Tab and Shift+Tab cycle through its visible buttons.
      const buttons = [...dialog.querySelectorAll('button')].filter((b) => !b.hidden);
      const at = buttons.indexOf(document.activeElement);
      event.preventDefault();
      buttons[(at + (event.shiftKey ? -1 : 1) + buttons.length) % buttons.length]?.focus();
    }
  });
  dialog.addEventListener('click', (event) => { if (event.target === dialog) dialog.close(); });
  dialog.addEventListener('close', () => dialog.opener?.focus());
  dialog.show = (links, index) => {
    dialog.links = links;
    dialog.index = index;
    const many = links.length > 1;
    previous.hidden = !many;
    next.hidden = !many;
    dialog.render();
  };
  dialog.move = (step) => {
    if (dialog.links.length < 2) return;
    dialog.index = (dialog.index + step + dialog.links.length) % dialog.links.length;
    dialog.render();
  };
  dialog.render = () => {
    const link = dialog.links[dialog.index];
    img.src = link.dataset.full || link.href;
    const alt = link.dataset.alt || link.querySelector('img')?.alt || link.textContent.trim();
    img.alt = alt;
    caption.textContent = link.dataset.alt || '';
    caption.hidden = !link.dataset.alt;
    dialog.setAttribute('aria-label', alt);
    const many = dialog.links.length > 1;
    position.hidden = !many;
    position.textContent = many ? (dialog.template || '{0} / {1}').replace('{0}', dialog.index + 1).replace('{1}', dialog.links.length) : '';
  };
  document.body.append(dialog);
  return dialog;
}

function onImageClick(event) {
  const link = event.target.closest?.('[data-lightbox] a.image-cell');
  if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
  event.preventDefault();
  const grid = link.closest('[data-lightbox]');
  const links = [...grid.querySelectorAll('a.image-cell')];
  const box = lightbox();
  const labels = grid.dataset;
  box.querySelectorAll('button').forEach((b) => b.setAttribute('aria-label', labels[b.dataset.label] ?? b.dataset.label));
  box.opener = link;
  box.template = labels.position;
  box.show(links, links.indexOf(link));
  box.showModal();
  box.querySelector('.lightbox-close').focus();
}

// Person cards: over a link to a profile inside posts and comments.
function enhanceCards() {
  let open = null;
  let pending;
  const selector = 'article.post a[href^="/people/"], .comment a[href^="/people/"]';
  const handleOf = (link) => decodeURIComponent(new URL(link.href).pathname.split('/')[2] ?? '');
  const hide = () => {
    clearTimeout(pending);
    open?.card.remove();
    open?.link.setAttribute('aria-expanded', 'false');
    open = null;
  };
  const show = async (link) => {
    if (open?.link === link) return;
    hide();
    const handle = handleOf(link);
    if (!handle) return;
    const response = await fetch(`/ui/people/${encodeURIComponent(handle)}/card`, { credentials: 'same-origin' });
    if (!response.ok) return;
    const holder = document.createElement('div');
    holder.className = 'person-card-popover';
    holder.id = `card-of-${handle}`;
    holder.innerHTML = await response.text();
    hide();
    link.insertAdjacentElement('afterend', holder);
    link.setAttribute('aria-expanded', 'true');
    link.setAttribute('aria-controls', holder.id);
    open = { link, card: holder };
    document.dispatchEvent(new CustomEvent('ruche:content', { detail: holder }));
  };
  const later = (link) => { clearTimeout(pending); pending = setTimeout(() => show(link), 350); };

  document.addEventListener('pointerover', (event) => {
    const link = event.target.closest?.(selector);
    if (link && event.pointerType === 'mouse') later(link);
  });
  document.addEventListener('pointerout', (event) => {
    const link = event.target.closest?.(selector);
    if (link && !open) clearTimeout(pending);
  });
  document.addEventListener('focusin', (event) => {
    const link = event.target.closest?.(selector);
    if (link) later(link);
    else if (open && !open.card.contains(event.target)) hide();
  });
  // On a touch screen, the first tap shows the card, a second opens the profile.
  document.addEventListener('click', (event) => {
    const link = event.target.closest?.(selector);
    if (link && open?.link !== link && event.pointerType === 'touch') {
      event.preventDefault();
      show(link);
    } else if (open && !open.card.contains(event.target) && open.link !== link) {
      hide();
    }
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && open) {
      const { link } = open;
      hide();
      link.focus();
    }
  });
}
