// <relais-annuaire besoins="demarches outils" commune="35238" labels="france-services" territoire="243500139">
// A custom element a local authority puts on its own website: it inserts the département's search of places of
// digital help (/integrer) in an iframe, and sizes it to its content. Attributes are lists of slugs separated
// by spaces or commas; anything that does not look like a slug or a code is ignored, never sent.
(function () {
  'use strict';
  // The origin of Relais is the one this script was loaded from: the iframe points there, and only messages
  // from there are believed.
  var script = document.currentScript;
  if (!script || !script.src || !window.customElements || window.customElements.get('relais-annuaire')) return;
  var base = new URL(script.src);
  var origin = base.origin;

  var SLUG = /^[a-z0-9-]{1,40}$/;
  var INSEE = /^[0-9][0-9AB][0-9]{3}$/;
  var SIREN = /^[0-9]{9}$/;

  function list(value) {
    return String(value || '')
      .split(/[\s,]+/)
      .filter(function (v) {
        return SLUG.test(v);
      })
      .slice(0, 12);
  }

  function code(value, re) {
    var v = String(value || '').trim();
    return re.test(v) ? v : null;
  }

  function frameUrl(el) {
    var url = new URL('/integrer', origin);
    list(el.getAttribute('besoins')).forEach(function (b) {
      url.searchParams.append('besoin', b);
    });
    list(el.getAttribute('labels')).forEach(function (l) {
      url.searchParams.append('label', l);
    });
    var territory = code(el.getAttribute('territoire'), INSEE) || code(el.getAttribute('territoire'), SIREN);
    if (territory) url.searchParams.set('territoire', territory);
    var commune = code(el.getAttribute('commune'), INSEE);
    if (commune) url.searchParams.set('communeInsee', commune);
    return url.toString();
  }

  var frames = [];
  window.addEventListener('message', function (event) {
    if (event.origin !== origin) return;
    var data = event.data;
    if (!data || data.type !== 'relais-annuaire:hauteur' || typeof data.height !== 'number' || !isFinite(data.height)) return;
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        // Bounded: a frame cannot make the host page absurdly tall.
        frames[i].style.height = Math.min(Math.max(Math.round(data.height), 200), 20000) + 'px';
      }
    }
  });

  class RelaisAnnuaire extends HTMLElement {
    static get observedAttributes() {
      return ['besoins', 'labels', 'territoire', 'commune', 'titre'];
    }

    render() {
      var frame = this.querySelector('iframe[data-relais-annuaire]');
      if (!frame) {
        frame = document.createElement('iframe');
        frame.setAttribute('data-relais-annuaire', '');
        frame.setAttribute('loading', 'lazy');
        frame.setAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
        frame.style.width = '100%';
        frame.style.minHeight = '200px';
        frame.style.height = '700px';
        frame.style.border = '0';
        frame.style.display = 'block';
        this.textContent = '';
        this.appendChild(frame);
        frames.push(frame);
      }
      // The iframe's accessible name: what a screen reader announces when entering it.
      var title = String(this.getAttribute('titre') || '').trim().slice(0, 120);
      frame.title = title || 'Annuaire des lieux d’aide au numérique';
      var src = frameUrl(this);
      if (frame.getAttribute('src') !== src) frame.setAttribute('src', src);
    }

    connectedCallback() {
      this.style.display = 'block';
      this.render();
    }

    attributeChangedCallback() {
      if (this.isConnected) this.render();
    }

    disconnectedCallback() {
      var frame = this.querySelector('iframe[data-relais-annuaire]');
      frames = frames.filter(function (f) {
        return f !== frame;
      });
      if (frame) frame.remove();
    }
  }

  window.customElements.define('relais-annuaire', RelaisAnnuaire);
})();
