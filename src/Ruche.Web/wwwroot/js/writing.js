// The composer (posts and comments): a Markdown toolbar, a Write/Preview switch rendered by the server's own pipeline,
// keyboard shortcuts (Ctrl/Cmd+B, I, K; Ctrl/Cmd+Enter publishes), @-mention and #tag suggestions (a combobox with its
// listbox), and images added by the picker, drag and drop or paste, each previewed with its description field and a
// remove button, sent with upload progress. Without this script the textarea and the file input work as they are.

let lists = 0;

export function enhanceAll() {
  for (const area of document.querySelectorAll('textarea[data-markdown]:not([data-md-ready])')) {
    area.dataset.mdReady = 'true';
    enhanceTextarea(area);
  }
  for (const form of document.querySelectorAll('form[data-composer]:not([data-images-ready])')) {
    form.dataset.imagesReady = 'true';
    enhanceImages(form);
  }
}

// Replaces the selection with text, keeping the browser's undo history when it can.
function replaceSelection(area, text, selectFrom, selectTo) {
  const start = area.selectionStart;
  area.focus();
  if (!document.execCommand?.('insertText', false, text)) {
    area.setRangeText(text, area.selectionStart, area.selectionEnd, 'end');
    area.dispatchEvent(new Event('input', { bubbles: true }));
  }
  if (selectFrom !== undefined) area.setSelectionRange(start + selectFrom, start + selectTo);
}

function wrap(area, before, after, placeholder) {
  const selected = area.value.slice(area.selectionStart, area.selectionEnd) || placeholder;
  replaceSelection(area, before + selected + after, before.length, before.length + selected.length);
}

function prefixLines(area, prefix) {
  const value = area.value;
  const start = value.lastIndexOf('\n', area.selectionStart - 1) + 1;
  const end = area.selectionEnd;
  area.setSelectionRange(start, end);
  const lines = value.slice(start, end).split('\n').map((line) => prefix + line).join('\n');
  replaceSelection(area, lines, lines.length, lines.length);
}

const actions = {
  bold: (area) => wrap(area, '**', '**', 'texte'),
  italic: (area) => wrap(area, '*', '*', 'texte'),
  code: (area) => (area.value.slice(area.selectionStart, area.selectionEnd).includes('\n')
    ? wrap(area, '```\n', '\n```', '') : wrap(area, '`', '`', 'code')),
  link: (area) => {
    const selected = area.value.slice(area.selectionStart, area.selectionEnd) || 'lien';
    const text = `[${selected}](https://)`;
    replaceSelection(area, text, selected.length + 3, text.length - 1);
  },
  list: (area) => prefixLines(area, '- '),
  quote: (area) => prefixLines(area, '> '),
  mention: (area) => replaceSelection(area, '@'),
  tag: (area) => replaceSelection(area, '#'),
};

function enhanceTextarea(area) {
  const bar = document.querySelector(`.md-bar[data-md-for="${CSS.escape(area.id)}"]`);
  if (bar) {
    bar.hidden = false;
    bar.querySelectorAll('[data-md]').forEach((button) => {
      button.addEventListener('click', () => actions[button.dataset.md]?.(area));
    });
    enhanceTabs(area, bar);
  }
  area.addEventListener('keydown', (event) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
    const key = event.key.toLowerCase();
    if (key === 'b' || key === 'i' || key === 'k') {
      event.preventDefault();
      actions[{ b: 'bold', i: 'italic', k: 'link' }[key]](area);
    } else if (key === 'enter' && area.form) {
      event.preventDefault();
      area.form.requestSubmit();
    }
  });
  enhanceSuggestions(area);
}

function enhanceTabs(area, bar) {
  const tabs = [...bar.querySelectorAll('[data-md-tab]')];
  const preview = document.createElement('div');
  preview.className = 'md-preview body';
  preview.id = `${area.id}-preview`;
  preview.hidden = true;
  preview.setAttribute('role', 'tabpanel');
  preview.setAttribute('aria-live', 'polite');
  area.insertAdjacentElement('afterend', preview);

  const show = async (mode) => {
    tabs.forEach((tab) => tab.setAttribute('aria-selected', String(tab.dataset.mdTab === mode)));
    const previewing = mode === 'preview';
    preview.hidden = !previewing;
    area.hidden = previewing;
    bar.querySelector('.md-tools').hidden = previewing;
    if (!previewing) { area.focus(); return; }
    preview.setAttribute('aria-busy', 'true');
    const body = new FormData();
    body.append('body', area.value);
    const token = area.form?.querySelector('input[name="__RequestVerificationToken"]');
    if (token) body.append(token.name, token.value);
    try {
      const response = await fetch('/ui/markdown/preview', { method: 'POST', body, credentials: 'same-origin' });
      const html = response.ok ? await response.text() : '';
      // The server's sanitised rendering, the same as a published post's.
      preview.innerHTML = html.trim() === '' ? '' : html;
      if (html.trim() === '') preview.textContent = bar.dataset.empty;
    } catch {
      preview.textContent = bar.dataset.empty;
    }
    preview.removeAttribute('aria-busy');
  };
  tabs.forEach((tab, i) => {
    tab.addEventListener('click', () => show(tab.dataset.mdTab));
    tab.addEventListener('keydown', (event) => {
      if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
      const next = tabs[(i + (event.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
      next.focus();
      show(next.dataset.mdTab);
    });
  });
  // Publishing from the preview: back to the text, so the browser can check it.
  area.form?.addEventListener('submit', () => { if (area.hidden) show('write'); }, true);
}

// @ and # suggestions under the textarea, from the people directory and the tags the reader may see.
function enhanceSuggestions(area) {
  const list = document.createElement('ul');
  list.id = `${area.id}-suggestions-${++lists}`;
  list.className = 'md-suggestions';
  list.setAttribute('role', 'listbox');
  list.hidden = true;
  area.insertAdjacentElement('afterend', list);
  area.setAttribute('role', 'combobox');
  area.setAttribute('aria-autocomplete', 'list');
  area.setAttribute('aria-controls', list.id);
  area.setAttribute('aria-expanded', 'false');

  let asked = 0;
  let timer;
  let active = -1;
  let token = null;

  const options = () => [...list.querySelectorAll('[role="option"]')];
  const close = () => {
    list.hidden = true;
    list.replaceChildren();
    active = -1;
    token = null;
    area.setAttribute('aria-expanded', 'false');
    area.removeAttribute('aria-activedescendant');
  };
  const highlight = (index) => {
    const all = options();
    if (all.length === 0) return;
    active = (index + all.length) % all.length;
    all.forEach((option, i) => option.setAttribute('aria-selected', String(i === active)));
    area.setAttribute('aria-activedescendant', all[active].id);
    all[active].scrollIntoView({ block: 'nearest' });
  };
  const pick = (option) => {
    if (!token) return;
    const insert = `${token.sigil}${option.dataset.value} `;
    area.setSelectionRange(token.start, area.selectionStart);
    close();
    replaceSelection(area, insert);
  };
  const show = (items) => {
    list.replaceChildren(...items.map((item, i) => {
      const option = document.createElement('li');
      option.id = `${list.id}-${i}`;
      option.setAttribute('role', 'option');
      option.setAttribute('aria-selected', 'false');
      option.dataset.value = item.value;
      const label = document.createElement('span');
      label.textContent = item.label;
      const detail = document.createElement('span');
      detail.className = 'meta';
      detail.textContent = item.detail;
      option.append(label, ' ', detail);
      option.addEventListener('mousedown', (event) => { event.preventDefault(); pick(option); });
      return option;
    }));
    active = -1;
    list.hidden = items.length === 0;
    area.setAttribute('aria-expanded', String(items.length > 0));
    // The first suggestion is highlighted, so Enter takes it as Tab does (as Slack and Teams do).
    if (items.length > 0) highlight(0);
  };
  const lookUp = async () => {
    const before = area.value.slice(0, area.selectionStart);
    const match = /(?:^|[\s(])([@#])([\p{L}\p{N}_.-]*)$/u.exec(before);
    if (!match || match[2].length < (match[1] === '@' ? 2 : 1)) { close(); return; }
    token = { sigil: match[1], start: area.selectionStart - match[2].length - 1 };
    const mine = ++asked;
    const url = match[1] === '@'
      ? `/ui/people/lookup?q=${encodeURIComponent(match[2])}`
      : `/ui/tags/lookup?prefix=${encodeURIComponent(match[2])}`;
    try {
      const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (!response.ok) { close(); return; }
      const found = await response.json();
      if (mine !== asked || !Array.isArray(found)) return;
      const sigil = match[1];
      show(found.slice(0, 8).map((x) => (sigil === '@'
        ? { value: x.handle, label: x.name, detail: [x.jobTitle, `@${x.handle}`].filter(Boolean).join(' · ') }
        : { value: x.tag, label: `#${x.tag}`, detail: String(x.postCount) })));
      if (token) token.sigil = sigil;
    } catch {
      close();
    }
  };

  area.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(lookUp, 150);
  });
  area.addEventListener('keydown', (event) => {
    if (list.hidden) return;
    if (event.key === 'ArrowDown') { event.preventDefault(); highlight(active + 1); }
    else if (event.key === 'ArrowUp') { event.preventDefault(); highlight(active - 1); }
    else if ((event.key === 'Enter' || event.key === 'Tab') && !event.ctrlKey && !event.metaKey && (active >= 0 || event.key === 'Tab')) {
      event.preventDefault();
      pick(options()[Math.max(active, 0)]);
    } else if (event.key === 'Escape') { event.preventDefault(); event.stopPropagation(); close(); }
  });
  area.addEventListener('blur', () => setTimeout(close, 100));
}

// Images: the picker, dropped or pasted images all land in the form's file input (the form post sends them); each shows
// a preview, a description field sent as imageAlt in the same order, and a remove button.
function enhanceImages(form) {
  const input = form.querySelector('input[type="file"][data-images]');
  const previews = form.querySelector('[data-image-previews]');
  if (!input || !previews) return;
  let files = [];
  const accepted = (file) => /^image\/(png|jpeg|gif|webp)$/.test(file.type);
  // Anything else the attach button takes is a document: listed by name, sent in the form's documents field.
  const documentInput = form.querySelector('input[type="file"][data-documents]');
  const documentList = form.querySelector('[data-document-previews]');
  let documents = [];
  const renderDocuments = () => {
    if (!documentInput || !documentList) return;
    const transfer = new DataTransfer();
    documents.forEach((file) => transfer.items.add(file));
    documentInput.files = transfer.files;
    documentList.hidden = documents.length === 0;
    documentList.replaceChildren(...documents.map((file, i) => {
      const item = document.createElement('li');
      const name = document.createElement('span');
      name.textContent = `📎 ${file.name} (${Math.max(1, Math.round(file.size / 1024))} k)`;
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'link danger';
      remove.textContent = `✕ ${documentList.dataset.removeLabel}`;
      remove.setAttribute('aria-label', `${documentList.dataset.removeLabel} ${file.name}`);
      remove.addEventListener('click', () => { documents.splice(i, 1); renderDocuments(); input.focus(); });
      item.append(name, remove);
      return item;
    }));
  };

  const sync = () => {
    const transfer = new DataTransfer();
    files.forEach((entry) => transfer.items.add(entry.file));
    input.files = transfer.files;
    previews.hidden = files.length === 0;
  };
  const render = () => {
    previews.replaceChildren(...files.map((entry, i) => {
      const item = document.createElement('li');
      item.className = 'image-preview';
      const img = document.createElement('img');
      img.src = entry.url;
      img.alt = '';
      const label = document.createElement('label');
      label.textContent = input.dataset.altLabel;
      const alt = document.createElement('input');
      alt.type = 'text';
      alt.name = 'imageAlt';
      alt.maxLength = 500;
      alt.value = entry.alt;
      alt.addEventListener('input', () => { entry.alt = alt.value; });
      label.append(alt);
      const progress = document.createElement('progress');
      progress.max = 100;
      progress.value = 0;
      progress.hidden = true;
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'link danger';
      remove.textContent = `✕ ${input.dataset.removeLabel}`;
      remove.setAttribute('aria-label', `${input.dataset.removeLabel} ${entry.file.name}`);
      remove.addEventListener('click', () => {
        files.splice(i, 1);
        sync();
        render();
        input.focus();
      });
      item.append(img, label, progress, remove);
      return item;
    }));
    sync();
  };
  // Previews are data: URLs (the page's CSP allows them for images, not blob: ones).
  const read = (file) => new Promise((resolve) => {
    const reader = new FileReader();
    reader.addEventListener('load', () => resolve(reader.result));
    reader.addEventListener('error', () => resolve(''));
    reader.readAsDataURL(file);
  });
  const add = async (list) => {
    if (documentInput) {
      documents.push(...[...list].filter((file) => !accepted(file)).slice(0, Math.max(0, 10 - documents.length)));
      renderDocuments();
    }
    const added = [...list].filter(accepted).slice(0, Math.max(0, 10 - files.length));
    const urls = await Promise.all(added.map(read));
    files.push(...added.map((file, i) => ({ file, url: urls[i], alt: '' })));
    render();
  };

  input.addEventListener('change', () => {
    // The browser's picker replaces the input's files: keep those chosen before, add the new ones.
    const picked = [...input.files];
    const known = new Set(files.map((entry) => entry.file));
    add(picked.filter((file) => !known.has(file)));
  });
  form.addEventListener('dragover', (event) => {
    if ([...(event.dataTransfer?.types ?? [])].includes('Files')) {
      event.preventDefault();
      form.classList.add('dropping');
    }
  });
  form.addEventListener('dragleave', (event) => { if (!form.contains(event.relatedTarget)) form.classList.remove('dropping'); });
  form.addEventListener('drop', (event) => {
    form.classList.remove('dropping');
    if (event.dataTransfer?.files?.length) {
      event.preventDefault();
      add(event.dataTransfer.files);
    }
  });
  form.addEventListener('paste', (event) => {
    const pasted = [...(event.clipboardData?.files ?? [])];
    if (pasted.length > 0) {
      event.preventDefault();
      add(pasted);
    }
  });

  // With images, the post is sent with XMLHttpRequest to show its upload's progress, then the page goes where the
  // server's answer went (the same redirect as the plain form post).
  form.addEventListener('submit', (event) => {
    if (event.defaultPrevented || files.length + documents.length === 0 || !form.checkValidity()) return;
    event.preventDefault();
    const bars = [...previews.querySelectorAll('progress')];
    if (documentList && documents.length > 0) {
      const bar = document.createElement('progress');
      bar.max = 100;
      bar.value = 0;
      documentList.append(bar);
      bars.push(bar);
    }
    bars.forEach((bar) => { bar.hidden = false; });
    form.querySelectorAll('button[type="submit"]').forEach((b) => { b.disabled = true; });
    const request = new XMLHttpRequest();
    request.open('POST', form.action);
    request.upload.addEventListener('progress', (progress) => {
      if (progress.lengthComputable) bars.forEach((bar) => { bar.value = Math.round((100 * progress.loaded) / progress.total); });
    });
    request.addEventListener('load', () => { location.assign(request.responseURL || location.href); });
    request.addEventListener('error', () => { location.reload(); });
    request.send(new FormData(form));
  });
}
