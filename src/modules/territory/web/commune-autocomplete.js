// Commune autocomplete (ARIA 1.2 combobox with a listbox). Progressive enhancement: without this script the
// field is a plain text input that the server resolves. No framework, loaded only by pages with the field.
const esc = (s) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
document.querySelectorAll('[data-module="relais-commune-autocomplete"]').forEach((root, n) => {
  const input = root.querySelector('input[type=text]');
  const hidden = root.querySelector(`input[type=hidden][name="${root.dataset.inseeField}"]`);
  if (!input || !hidden) return;
  const list = document.createElement('ul');
  const live = document.createElement('div');
  const id = `${input.id}-options`;
  list.id = id;
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', 'Communes proposées');
  list.className = 'govuk-list relais-autocomplete__list';
  list.hidden = true;
  // Styles set through the CSSOM, which the Content-Security-Policy allows (style attributes it would not).
  Object.assign(list.style, { border: '2px solid #0b0c0c', borderTop: '0', maxHeight: '16em', overflowY: 'auto', margin: '0', background: '#fff' });
  live.className = 'govuk-visually-hidden';
  live.setAttribute('aria-live', 'polite');
  input.after(list, live);
  Object.assign(input, { autocomplete: 'off' });
  for (const [k, v] of Object.entries({ role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': id })) input.setAttribute(k, v);
  let items = [], active = -1, timer, seq = 0;
  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const highlight = (i) => {
    active = i;
    [...list.children].forEach((li, j) => {
      li.setAttribute('aria-selected', String(j === i));
      Object.assign(li.style, j === i ? { background: '#1d70b8', color: '#fff' } : { background: '', color: '' });
    });
    if (i >= 0) {
      input.setAttribute('aria-activedescendant', `${id}-${i}`);
      list.children[i].scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };
  const choose = (i) => {
    const c = items[i];
    if (!c) return;
    input.value = c.label;
    hidden.value = c.insee;
    close();
    live.textContent = `${c.label} choisie`;
  };
  const show = (results) => {
    items = results;
    list.innerHTML = results.map((c, i) => `<li id="${id}-${i}" role="option" aria-selected="false" class="govuk-body govuk-!-margin-0 govuk-!-padding-2">${esc(c.label)}</li>`).join('');
    const k = results.length;
    live.textContent = k === 0 ? 'Aucune commune trouvée' : `${k} commune${k > 1 ? 's' : ''} proposée${k > 1 ? 's' : ''}, utilisez les flèches haut et bas pour choisir`;
    list.hidden = k === 0;
    input.setAttribute('aria-expanded', String(k > 0));
    highlight(-1);
  };
  input.addEventListener('input', () => {
    hidden.value = '';
    clearTimeout(timer);
    const q = input.value.trim();
    if (q.length < 2) return close();
    timer = setTimeout(async () => {
      const mine = ++seq;
      try {
        const sep = root.dataset.source.includes('?') ? '&' : '?';
        const res = await fetch(`${root.dataset.source}${sep}q=${encodeURIComponent(q)}`, { headers: { accept: 'application/json' } });
        const body = await res.json();
        if (mine === seq) show(body.results || []);
      } catch {
        close();
      }
    }, 200);
  });
  input.addEventListener('keydown', (e) => {
    const open = !list.hidden;
    if (e.key === 'ArrowDown' && items.length) {
      e.preventDefault();
      if (!open) { list.hidden = false; input.setAttribute('aria-expanded', 'true'); }
      highlight((active + 1) % items.length);
    } else if (e.key === 'ArrowUp' && open) {
      e.preventDefault();
      highlight(active <= 0 ? items.length - 1 : active - 1);
    } else if (e.key === 'Enter' && open && active >= 0) {
      e.preventDefault();
      choose(active);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      close();
    }
  });
  // mousedown fires before the input's blur, so a click on an option is not lost.
  list.addEventListener('mousedown', (e) => {
    const li = e.target.closest('[role=option]');
    if (li) { e.preventDefault(); choose([...list.children].indexOf(li)); }
  });
  input.addEventListener('blur', () => setTimeout(close, 100));
  root.dataset.enhanced = String(n);
});
