/* Registers the site's service worker (sw.js at the site root, made by
   hooks/kakehashi/site/offline.py). The worker keeps only the guides and the
   disaster prevention pages and the site's assets readable offline; it leaves
   every other request alone. On the first visit it runs only after the page
   has loaded, so the page tells it its own address and what it loaded. */
(function (script) {
  if (!script || !("serviceWorker" in navigator)) return;
  var worker = new URL(script.getAttribute("data-worker"), document.baseURI);
  navigator.serviceWorker
    .register(worker.href)
    .then(function () {
      return navigator.serviceWorker.ready;
    })
    .then(function (registration) {
      var urls = [location.href.split("#")[0]];
      performance.getEntriesByType("resource").forEach(function (entry) {
        urls.push(entry.name);
      });
      registration.active.postMessage({ type: "keep", urls: urls });
    })
    .catch(function () {});
})(document.currentScript);
