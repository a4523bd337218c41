// Saves a filing page as the person types (JavaScript on): the form's text answers are posted, quietly, a
// moment after the last keystroke and when a field is left. « Continuer » still saves everything without it.
(() => {
  const form = document.querySelector('form[data-autosave]');
  if (!form) return;
  const status = form.querySelector('[data-autosave-status]');
  const url = form.getAttribute('data-autosave');
  let timer = null;
  let last = '';
  const save = async () => {
    const data = new FormData(form);
    for (const [key, value] of [...data.entries()]) if (value instanceof File) data.delete(key);
    const body = new URLSearchParams(data).toString();
    if (body === last) return;
    try {
      const res = await fetch(url, { method: 'POST', body: new URLSearchParams(data), headers: { accept: 'application/json' }, credentials: 'same-origin' });
      const json = res.ok ? await res.json() : null;
      if (json && json.saved) {
        last = body;
        if (status) status.textContent = `Enregistré à ${json.at}`;
      } else if (status) {
        status.textContent = 'Vos dernières réponses ne sont pas encore enregistrées : appuyez sur « Continuer ».';
      }
    } catch {
      if (status) status.textContent = 'Connexion perdue : vos réponses seront enregistrées quand vous appuierez sur « Continuer ».';
    }
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(save, 1500);
  };
  form.addEventListener('input', later);
  form.addEventListener('change', later);
  form.addEventListener('focusout', () => {
    clearTimeout(timer);
    save();
  });
})();
