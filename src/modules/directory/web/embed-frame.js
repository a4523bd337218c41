// Inside the embedded search (/integrer): tells the page that frames it how tall the content is, so that its
// <relais-annuaire> element can size the iframe without a scrollbar. Only a height is sent, nothing about the
// visitor; the receiving script checks that the message comes from this frame and from Relais's origin.
(function () {
  if (window.parent === window) return;
  var last = 0;
  function send() {
    var height = Math.ceil(document.documentElement.scrollHeight);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: 'relais-annuaire:hauteur', height: height }, '*');
  }
  send();
  window.addEventListener('load', send);
  if ('ResizeObserver' in window) new ResizeObserver(send).observe(document.body);
  else window.addEventListener('resize', send);
})();
