// Map of places (progressive enhancement; the list beside it already says everything). For each element
// [data-relais-map data-markers='[{"lat":…,"lon":…,"name":…,"url":…,"label":…,"detail":…}]'] it loads MapLibre GL
// (its CSP build, worker from /assets/), draws the markers on a plain background at once, then puts the
// configured style's tiles under them if they load. Without WebGL, the markers are placed on the plain
// background by this script alone, so they still show.
const maps = [...document.querySelectorAll('[data-relais-map]')];
const once = new Map();
const load = (tag, attrs) => {
  const key = attrs.src || attrs.href;
  if (!once.has(key)) {
    once.set(key, new Promise((resolve, reject) => {
      const el = document.createElement(tag);
      Object.assign(el, attrs);
      el.onload = resolve;
      el.onerror = reject;
      document.head.append(el);
    }));
  }
  return once.get(key);
};
const plain = { version: 8, sources: {}, layers: [{ id: 'fond', type: 'background', paint: { 'background-color': '#eef2f0' } }] };
const french = {
  'AttributionControl.ToggleAttribution': 'Afficher ou masquer les crédits',
  'AttributionControl.MapFeedback': 'Signaler une erreur de la carte',
  'FullscreenControl.Enter': 'Plein écran',
  'FullscreenControl.Exit': 'Quitter le plein écran',
  'GeolocateControl.FindMyLocation': 'Me localiser',
  'GeolocateControl.LocationNotAvailable': 'Position indisponible',
  'LogoControl.Title': 'Logo MapLibre',
  'Map.Title': 'Carte',
  'Marker.Title': 'Lieu',
  'NavigationControl.ResetBearing': 'Remettre le nord en haut',
  'NavigationControl.ZoomIn': 'Zoomer',
  'NavigationControl.ZoomOut': 'Dézoomer',
  'Popup.Close': 'Fermer',
  'ScaleControl.Feet': 'ft',
  'ScaleControl.Meters': 'm',
  'ScaleControl.Kilometers': 'km',
  'ScaleControl.Miles': 'mi',
  'ScaleControl.NauticalMiles': 'nm',
  'GlobeControl.Enable': 'Afficher le globe',
  'GlobeControl.Disable': 'Afficher la carte à plat',
  'TerrainControl.Enable': 'Afficher le relief',
  'TerrainControl.Disable': 'Masquer le relief',
  'CooperativeGesturesHandler.WindowsHelpText': 'Utilisez Ctrl + molette pour zoomer',
  'CooperativeGesturesHandler.MacHelpText': 'Utilisez ⌘ + molette pour zoomer',
  'CooperativeGesturesHandler.MobileHelpText': 'Utilisez deux doigts pour déplacer la carte',
};
const pin = (m, tag) => {
  const el = document.createElement(tag);
  el.className = 'relais-map__marker';
  el.textContent = m.label || '';
  el.setAttribute('aria-label', m.name + (m.detail ? `, ${m.detail}` : ''));
  return el;
};
const card = (m) => {
  const div = document.createElement('div');
  const a = document.createElement('a');
  a.className = 'govuk-link';
  a.href = m.url;
  a.textContent = m.name;
  div.append(a);
  if (m.detail) div.append(document.createElement('br'), m.detail);
  return div;
};
// Web Mercator, enough to place a few markers within a département on a plain background.
const fallback = (root, markers) => {
  root.classList.add('relais-map--plain');
  const y = (lat) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
  const xs = markers.map((m) => m.lon), ys = markers.map((m) => y(m.lat));
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  for (const m of markers) {
    const a = pin(m, 'a');
    a.href = m.url;
    a.style.left = `${8 + (x1 > x0 ? ((m.lon - x0) / (x1 - x0)) * 84 : 42)}%`;
    a.style.top = `${8 + (y1 > y0 ? ((y1 - y(m.lat)) / (y1 - y0)) * 84 : 42)}%`;
    root.append(a);
  }
};
for (const root of maps) {
  const markers = JSON.parse(root.dataset.markers || '[]').filter((m) => Number.isFinite(m.lat) && Number.isFinite(m.lon));
  if (!markers.length) continue;
  root.hidden = false;
  try {
    await Promise.all([load('script', { src: root.dataset.maplibreJs }), load('link', { rel: 'stylesheet', href: root.dataset.maplibreCss })]);
    const gl = window.maplibregl;
    gl.setWorkerUrl(root.dataset.maplibreWorker);
    const lons = markers.map((m) => m.lon), lats = markers.map((m) => m.lat);
    const map = new gl.Map({
      container: root,
      style: plain,
      bounds: [[Math.min(...lons), Math.min(...lats)], [Math.max(...lons), Math.max(...lats)]],
      fitBoundsOptions: { padding: 40, maxZoom: 14 },
      locale: french,
      cooperativeGestures: true,
      attributionControl: { compact: true },
    });
    map.addControl(new gl.NavigationControl({ showCompass: false }));
    for (const m of markers) {
      new gl.Marker({ element: pin(m, 'button') })
        .setLngLat([m.lon, m.lat])
        .setPopup(new gl.Popup({ offset: 16 }).setDOMContent(card(m)))
        .addTo(map);
    }
    // The tiles come last and may never come (no network, blocked host): the markers are already there.
    fetch(root.dataset.styleUrl)
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
      .then((style) => map.setStyle(style))
      .catch(() => root.classList.add('relais-map--plain'));
  } catch {
    // No WebGL, or MapLibre could not load: markers on a plain background.
    root.replaceChildren();
    fallback(root, markers);
  }
}
