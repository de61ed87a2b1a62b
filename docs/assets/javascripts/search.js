/* Site search with Pagefind: the index of the page's language, in one bundle
   or, for a large language, in several merged here (hooks/kakehashi/search.py).
   The search UI (about 130 kB) is loaded only when a reader opens the search,
   so pages stay light until then. */
(function () {
  "use strict";

  var dialog = document.getElementById("kk-search");
  var template = document.getElementById("kk-search-button");
  var header = document.querySelector(".md-header__inner");
  if (!dialog || !template || !header || !window.HTMLDialogElement) return;
  /* Without JavaScript there is no search, so the button is added only here. */
  var button = template.content.firstElementChild.cloneNode(true);
  /* After the language switcher, as Material places its own search: before it,
     the closed language menu would reach past the right edge on phones. */
  var switcher = header.querySelector(".md-header__option:has(.md-select)");
  header.insertBefore(button, switcher ? switcher.nextSibling : null);
  /* Absolute, because Pagefind resolves it against its own script's URL. */
  function absolute(path) {
    return new URL(path, document.baseURI).href;
  }
  var bundle = absolute(dialog.getAttribute("data-bundle"));
  var parts = (dialog.getAttribute("data-merge") || "").split(" ").filter(Boolean).map(absolute);
  /* Each language has its own bundle in its folder, while the pages' URLs in
     it start at the site's root, not at the bundle's parent. */
  var siteRoot = new URL(dialog.getAttribute("data-site-root"), document.baseURI).pathname;
  var loaded = null;

  function load() {
    if (loaded) return loaded;
    loaded = new Promise(function (resolve, reject) {
      var css = document.createElement("link");
      css.rel = "stylesheet";
      css.href = bundle + "pagefind-ui.css";
      document.head.appendChild(css);
      var script = document.createElement("script");
      script.src = bundle + "pagefind-ui.js";
      script.onload = function () {
        /* global PagefindUI */
        new PagefindUI({
          element: "#kk-search-ui",
          bundlePath: bundle,
          baseUrl: siteRoot,
          mergeIndex: parts.map(function (part) {
            return { bundlePath: part, baseUrl: siteRoot };
          }),
          showImages: false,
          showSubResults: true,
          resetStyles: false,
          autofocus: true
        });
        /* Pagefind's field has only a title and a placeholder: name it by the dialog's title. */
        var input = dialog.querySelector(".pagefind-ui__search-input");
        if (input) input.setAttribute("aria-labelledby", "kk-search-title");
        resolve();
      };
      script.onerror = reject;
      document.head.appendChild(script);
    });
    return loaded;
  }

  function open() {
    if (!dialog.open) dialog.showModal();
    load().then(function () {
      var input = dialog.querySelector("input");
      if (input) input.focus();
    });
  }

  button.addEventListener("click", open);
  dialog.addEventListener("click", function (event) {
    if (event.target === dialog) dialog.close(); /* a click on the backdrop */
  });
  dialog.querySelector(".kk-search__close").addEventListener("click", function () {
    dialog.close();
  });

  /* The keyboard shortcuts of Material's own search: f, s and /. */
  document.addEventListener("keydown", function (event) {
    if (dialog.open || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    if (event.key === "f" || event.key === "s" || event.key === "/") {
      event.preventDefault();
      open();
    }
  });
})();
