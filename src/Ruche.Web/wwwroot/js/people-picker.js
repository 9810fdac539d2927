// People pickers: an input marked data-people-picker="/lookup/address" holds names or handles separated by commas.
// While someone types, the part after the last comma is looked up and the people it matches are offered in a list
// (a combobox with its listbox, driven from the keyboard or the pointer); picking one writes "@handle, ". Without this
// script the input takes typed names and handles, which the server checks either way.

const shown = 8;
let instances = 0;

export function enhanceAll() {
  for (const input of document.querySelectorAll('input[data-people-picker]:not([data-enhanced])')) {
    input.dataset.enhanced = 'true';
    enhance(input);
  }
}

function enhance(input) {
  const list = document.createElement('ul');
  list.id = `${input.id || 'people-picker'}-options-${++instances}`;
  list.className = 'people-options';
  list.setAttribute('role', 'listbox');
  list.hidden = true;
  input.insertAdjacentElement('afterend', list);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', list.id);
  input.setAttribute('aria-expanded', 'false');

  let asked = 0;
  let timer;
  let active = -1;

  const options = () => [...list.querySelectorAll('[role="option"]')];

  const close = () => {
    list.hidden = true;
    list.replaceChildren();
    active = -1;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  };

  const highlight = (index) => {
    const all = options();
    if (all.length === 0) return;
    active = (index + all.length) % all.length;
    all.forEach((option, i) => option.setAttribute('aria-selected', String(i === active)));
    input.setAttribute('aria-activedescendant', all[active].id);
    all[active].scrollIntoView({ block: 'nearest' });
  };

  const pick = (option) => {
    const value = input.value;
    const cut = Math.max(value.lastIndexOf(','), value.lastIndexOf(';'));
    const before = cut < 0 ? '' : `${value.slice(0, cut + 1).trimEnd()} `;
    input.value = `${before}@${option.dataset.handle}, `;
    close();
    input.focus();
  };

  const show = (people) => {
    list.replaceChildren(...people.slice(0, shown).map((person, i) => {
      const option = document.createElement('li');
      option.id = `${list.id}-${i}`;
      option.setAttribute('role', 'option');
      option.setAttribute('aria-selected', 'false');
      option.dataset.handle = person.handle;
      const name = document.createElement('span');
      name.textContent = person.name;
      const detail = document.createElement('span');
      detail.className = 'meta';
      detail.textContent = [person.jobTitle, `@${person.handle}`].filter(Boolean).join(' · ');
      option.append(name, ' ', detail);
      // mousedown, not click: the input keeps its focus, so the list is not closed before the pick.
      option.addEventListener('mousedown', (event) => { event.preventDefault(); pick(option); });
      return option;
    }));
    active = -1;
    list.hidden = people.length === 0;
    input.setAttribute('aria-expanded', String(people.length > 0));
  };

  const lookUp = async () => {
    const term = input.value.split(/[,;]/).pop().trim().replace(/^@/, '');
    if (term.length < 2) { close(); return; }
    const mine = ++asked;
    try {
      const response = await fetch(`${input.dataset.peoplePicker}?q=${encodeURIComponent(term)}`, {
        credentials: 'same-origin',
        headers: { Accept: 'application/json' },
      });
      if (!response.ok) { close(); return; }
      const people = await response.json();
      // An older answer arriving after a newer one is dropped.
      if (mine === asked && Array.isArray(people)) show(people);
    } catch {
      close();
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(lookUp, 150);
  });
  input.addEventListener('keydown', (event) => {
    if (list.hidden) return;
    if (event.key === 'ArrowDown') { event.preventDefault(); highlight(active + 1); }
    else if (event.key === 'ArrowUp') { event.preventDefault(); highlight(active - 1); }
    else if (event.key === 'Enter' && active >= 0) { event.preventDefault(); pick(options()[active]); }
    else if (event.key === 'Escape') { event.preventDefault(); close(); }
  });
  input.addEventListener('blur', close);
}
