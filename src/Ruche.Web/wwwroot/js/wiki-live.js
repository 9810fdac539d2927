// "X modifie cette page", live: a page's readers (its view and its editor) hear who has it open in the editor. The
// message carries the page, the person and their name; a name fades when its editor stops announcing (closed tab).
// A page open to everyone hears its own editor too (the company-wide audience): nobody is told about themself, in any tab.
const editors = new Map(); // pageId -> Map(personId -> { name, until })
const forgetAfter = 75_000;

function render(pageId) {
  const shown = editors.get(pageId) ?? new Map();
  const now = Date.now();
  for (const [person, entry] of shown) {
    if (entry.until < now) shown.delete(person);
  }

  for (const box of document.querySelectorAll(`[data-wiki-editors="${pageId}"]`)) {
    const names = [...shown.values()].map((e) => e.name);
    if (names.length === 0) {
      box.hidden = box.dataset.state !== 'saved';
      if (box.dataset.state !== 'saved') box.textContent = '';
      continue;
    }

    box.dataset.state = 'editing';
    box.textContent = (names.length === 1 ? box.dataset.one : box.dataset.many).replace('{0}', names.join(', '));
    box.hidden = false;
  }
}

// Not shown: a page without the notice, or news about the person reading it.
function ignored(pageId, personId) {
  const box = document.querySelector(`[data-wiki-editors="${pageId}"]`);
  return !box || Number(box.dataset.wikiMe) === Number(personId);
}

export function pageEditing({ pageId, personId, displayName }) {
  const id = Number(pageId);
  if (ignored(id, personId)) return;
  const shown = editors.get(id) ?? new Map();
  shown.set(Number(personId), { name: String(displayName), until: Date.now() + forgetAfter });
  editors.set(id, shown);
  render(id);
  setTimeout(() => render(id), forgetAfter + 1_000);
}

// Someone saved the page: its readers are told a newer revision exists (the editor's own save merges it anyway).
export function pageSaved({ pageId, number, personId }) {
  const id = Number(pageId);
  if (ignored(id, personId)) return;
  editors.get(id)?.delete(Number(personId));
  for (const box of document.querySelectorAll(`[data-wiki-editors="${id}"]`)) {
    box.dataset.state = 'saved';
    box.textContent = box.dataset.saved.replace('{0}', String(number));
    box.hidden = false;
  }
}
