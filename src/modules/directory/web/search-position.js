// « Utiliser ma position »: shown only when JavaScript and the browser's geolocation are available. The position
// is rounded to about 100 m (enough to sort places by distance) and sent with the search form.
for (const box of document.querySelectorAll('[data-relais-position]')) {
  const form = box.closest('form');
  const button = box.querySelector('[data-module="relais-use-position"]');
  if (!form || !button || !('geolocation' in navigator)) continue;
  const lat = box.querySelector('input[name=lat]');
  const lon = box.querySelector('input[name=lon]');
  const commune = form.querySelector('input[name=commune]');
  const status = document.createElement('p');
  status.className = 'govuk-body govuk-!-margin-top-2';
  status.setAttribute('role', 'status');
  button.after(status);
  button.hidden = false;
  // Typing a commune means searching there, not around the position.
  commune?.addEventListener('input', () => {
    lat.value = '';
    lon.value = '';
  });
  button.addEventListener('click', () => {
    status.textContent = 'Recherche de votre position…';
    navigator.geolocation.getCurrentPosition(
      (p) => {
        lat.value = p.coords.latitude.toFixed(3);
        lon.value = p.coords.longitude.toFixed(3);
        if (commune) commune.value = '';
        const code = form.querySelector('input[name=communeInsee]');
        if (code) code.value = '';
        form.submit();
      },
      () => {
        status.textContent = 'Votre position n’est pas disponible. Saisissez le nom ou le code postal de votre commune.';
      },
      { timeout: 15000, maximumAge: 600000 },
    );
  });
}
