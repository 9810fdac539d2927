// While a page is open in its editor, tell its other readers every 30 seconds (they see "X modifie cette page").
let timer = null;

export function enhance() {
  const form = document.querySelector('form[data-wiki-editing]');
  const pageId = form?.dataset.wikiEditing;
  clearInterval(timer);
  if (!form || !pageId) return;
  const announce = () => {
    if (!document.body.contains(form)) {
      clearInterval(timer);
      return;
    }

    const body = new FormData();
    const token = form.querySelector('input[name="__RequestVerificationToken"]');
    if (token) body.append(token.name, token.value);
    fetch(`/ui/pages/${Number(pageId)}/editing`, { method: 'POST', body, credentials: 'same-origin' }).catch(() => {});
  };
  announce();
  timer = setInterval(announce, 30_000);
}
