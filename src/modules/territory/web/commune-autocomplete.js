// Commune autocomplete: the ARIA 1.2 combobox pattern (input role=combobox, a listbox, aria-activedescendant,
// arrows, Enter, Escape) and a polite live region announcing the number of results in French.
// Progressive enhancement: without this script the field is a plain text input that the server resolves.
const set = (el, attrs) => Object.entries(attrs).forEach(([k, v]) => el.setAttribute(k, v));
const make = (tag) => document.createElement(tag);
const on = (el, type, f) => el.addEventListener(type, f);
document.querySelectorAll('[data-module="relais-commune-autocomplete"]').forEach((root) => {
  const input = root.querySelector('input[type=text]');
  const hidden = root.querySelector(`input[type=hidden][name="${root.dataset.inseeField}"]`);
  // When the server shows radios to choose between communes, there is no hidden code to fill: leave the field plain.
  if (!hidden) return;
  const list = make('ul');
  const live = make('div');
  const id = `${input.id}-options`;
  set(list, { id, role: 'listbox', 'aria-label': 'Communes proposées' });
  list.hidden = true;
  // Styles through the CSSOM, which the Content-Security-Policy allows (style attributes it would not).
  list.style.cssText = 'border:2px solid;max-height:16em;overflow-y:auto;padding:0;list-style:none';
  set(live, { class: 'govuk-visually-hidden', 'aria-live': 'polite' });
  input.after(list, live);
  set(input, { role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': id, autocomplete: 'off' });
  let items = [], cur = -1, timer, seq = 0;
  const expand = (open) => {
    list.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
  };
  const mark = (i) => {
    cur = i;
    [...list.children].forEach((li, j) => {
      li.setAttribute('aria-selected', String(j === i));
      li.style.cssText = j === i ? 'background:#1d70b8;color:#fff' : '';
    });
    if (i < 0) return input.removeAttribute('aria-activedescendant');
    input.setAttribute('aria-activedescendant', `${id}-${i}`);
    list.children[i].scrollIntoView({ block: 'nearest' });
  };
  const close = () => mark(-1, expand(false));
  const choose = (i) => {
    input.value = items[i].label;
    hidden.value = items[i].insee;
    close();
  };
  const show = (results) => {
    items = results;
    list.replaceChildren(...results.map((c, i) => {
      const li = make('li');
      set(li, { id: `${id}-${i}`, role: 'option', class: 'govuk-body govuk-!-margin-0 govuk-!-padding-2' });
      li.textContent = c.label;
      return li;
    }));
    const k = results.length, s = k > 1 ? 's' : '';
    live.textContent = k ? `${k} commune${s} proposée${s}, choisissez avec les flèches` : 'Aucune commune trouvée';
    mark(-1, expand(k > 0));
  };
  on(input, 'input', () => {
    hidden.value = '';
    clearTimeout(timer);
    const q = input.value.trim();
    if (q.length < 2) return close();
    timer = setTimeout(async () => {
      const mine = ++seq;
      try {
        // data-source ends with « ? » or « & »: only q remains to add.
        const body = await (await fetch(root.dataset.source + 'q=' + encodeURIComponent(q))).json();
        if (mine === seq) show(body.results);
      } catch {
        close();
      }
    }, 200);
  });
  on(input, 'keydown', (e) => {
    const n = items.length, open = !list.hidden, k = e.key;
    if (k === 'ArrowDown' && n) {
      expand(true);
      mark((cur + 1) % n);
    } else if (k === 'ArrowUp' && open) mark(cur < 1 ? n - 1 : cur - 1);
    else if (k === 'Enter' && open && cur >= 0) choose(cur);
    else if (k === 'Escape' && open) close();
    else return;
    e.preventDefault();
  });
  // mousedown comes before the input's blur, so a click on an option is not lost.
  on(list, 'mousedown', (e) => {
    const li = e.target.closest('[role=option]');
    if (!li) return;
    e.preventDefault();
    choose([...list.children].indexOf(li));
  });
  on(input, 'blur', () => setTimeout(close, 100));
});
