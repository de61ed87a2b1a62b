/* The interactive map and "nearest to me" (hooks/kakehashi/site/interactive_map.py).

   Nothing of the map loads with the page: Leaflet, the tiles and the points
   are fetched only once the reader presses the map's button, which names the
   server the tiles come from. That choice is kept for this browser session
   only (sessionStorage), so the next page of the site shows its map at once.
   "Nearest to me" asks the browser for the reader's position only when its
   button is pressed, and computes the distances here: the position is never
   sent anywhere. Every word shown comes from the page (data-word-*). */
(function () {
  "use strict";

  var CONSENT = "kakehashi-map-consent:";
  var EARTH_RADIUS_KM = 6371.0088;
  var loading = {};

  function words(element, name) {
    return element.getAttribute("data-word-" + name) || "";
  }

  function fill(pattern, values) {
    return pattern.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : whole;
    });
  }

  /* Each file is fetched once per page; one that failed is fetched again on the next press. */
  function once(key, make) {
    if (!loading[key]) {
      loading[key] = make();
      loading[key].catch(function () { delete loading[key]; });
    }
    return loading[key];
  }

  function loadScript(src) {
    return once(src, function () {
      return new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = src;
        script.onload = resolve;
        script.onerror = function () { reject(new Error("cannot load " + src)); };
        document.head.appendChild(script);
      });
    });
  }

  function loadStyle(href) {
    return once(href, function () {
      return new Promise(function (resolve, reject) {
        var link = document.createElement("link");
        link.rel = "stylesheet";
        link.href = href;
        link.onload = resolve;
        link.onerror = function () { reject(new Error("cannot load " + href)); };
        document.head.appendChild(link);
      });
    });
  }

  function remembered(box) {
    try {
      return window.sessionStorage.getItem(CONSENT + box.getAttribute("data-consent")) === "yes";
    } catch (error) {
      return false;
    }
  }

  function remember(box, yes) {
    try {
      var key = CONSENT + box.getAttribute("data-consent");
      if (yes) window.sessionStorage.setItem(key, "yes");
      else window.sessionStorage.removeItem(key);
    } catch (error) { /* storage refused: the reader is asked again on the next page */ }
  }

  /* A text of the reader's language, or the next one of its fallback chain. */
  function localized(texts, chain) {
    for (var i = 0; i < chain.length; i++) {
      if (texts[chain[i]]) return texts[chain[i]];
    }
    for (var lang in texts) return texts[lang];
    return "";
  }

  /* The points a block shows: its own (a record page), or its section's GeoJSON. */
  function points(box) {
    var own = box.getAttribute("data-point");
    if (own) {
      var latLon = own.split(",");
      return Promise.resolve([{
        lat: parseFloat(latLon[0]),
        lon: parseFloat(latLon[1]),
        precision: box.getAttribute("data-precision"),
        title: box.getAttribute("data-title"),
        note: box.getAttribute("data-note"),
        href: null
      }]);
    }
    var source = box.getAttribute("data-geojson");
    var chain = (box.getAttribute("data-languages") || "").split(" ");
    var records = box.getAttribute("data-records");
    return once(source, function () {
      return fetch(source).then(function (response) {
        if (!response.ok) throw new Error(source + ": " + response.status);
        return response.json();
      });
    }).then(function (collection) {
      return collection.features.map(function (feature) {
        return {
          lat: feature.geometry.coordinates[1],
          lon: feature.geometry.coordinates[0],
          precision: feature.properties.precision,
          title: localized(feature.properties.title, chain),
          href: records + feature.properties.id + "/"
        };
      });
    });
  }

  function fail(box, error) {
    var status = box.querySelector(".kk-livemap__status, .kk-nearest__status");
    if (!status) {
      status = document.createElement("p");
      status.className = "kk-livemap__status";
      status.setAttribute("role", "alert");
      box.appendChild(status);
    }
    status.textContent = words(box, "failed");
    if (window.console) window.console.error(error);
  }

  /* --- the map ---------------------------------------------------------- */

  function leaflet(box) {
    var base = box.getAttribute("data-leaflet");
    var ready = Promise.all([loadStyle(base + "leaflet.css"), loadScript(base + "leaflet.js")]);
    var archive = box.getAttribute("data-pmtiles-script");
    return archive ? ready.then(function () { return loadScript(archive); }) : ready;
  }

  /* A PMTiles archive read by byte ranges; from a server that answers a range with the
     whole file (as the preview of `mkdocs serve` does), the file is kept and sliced. */
  function archiveSource(url) {
    var whole = null;
    function slice(offset, length) {
      return function (buffer) { return { data: buffer.slice(offset, offset + length) }; };
    }
    return {
      getKey: function () { return url; },
      getBytes: function (offset, length) {
        if (whole) return whole.then(slice(offset, length));
        var range = "bytes=" + offset + "-" + (offset + length - 1);
        return fetch(url, { headers: { Range: range } }).then(function (response) {
          if (!response.ok) throw new Error(url + ": " + response.status);
          if (response.status === 206) {
            return response.arrayBuffer().then(function (data) { return { data: data }; });
          }
          whole = whole || response.arrayBuffer();
          return whole.then(slice(offset, length));
        });
      }
    };
  }

  function tileLayer(box) {
    var options = {
      maxZoom: parseInt(box.getAttribute("data-max-zoom"), 10),
      attribution: box.getAttribute("data-attribution")
    };
    var tiles = box.getAttribute("data-tiles");
    if (box.getAttribute("data-tiles-kind") === "pmtiles") {
      /* global pmtiles */
      var archive = new pmtiles.PMTiles(archiveSource(new URL(tiles, document.baseURI).href));
      return pmtiles.leafletRasterLayer(archive, options);
    }
    return L.tileLayer(tiles, options);
  }

  function marker(box, point) {
    var note = point.note || words(box, point.precision === "exact" ? "exact" : "approximate");
    var name = fill(words(box, "note"), { text: point.title, note: note });
    var size = point.precision === "exact" ? 16 : 28;
    var icon = L.divIcon({
      className: "kk-livemap__point kk-livemap__point--" + (point.precision === "exact" ? "exact" : "approximate"),
      iconSize: [size, size]
    });
    var pin = L.marker([point.lat, point.lon], { icon: icon, title: name, keyboard: true });
    var label;
    if (point.href) {
      label = document.createElement("a");
      label.href = point.href;
    } else {
      label = document.createElement("span");
    }
    label.textContent = name;
    pin.bindPopup(label);
    return pin;
  }

  function drawMap(box, canvas, list) {
    /* Scrolling the page over the map scrolls the page; the zoom buttons and keys zoom.
       No animations for readers who asked their system for less motion. */
    var still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    var map = L.map(canvas, {
      scrollWheelZoom: false,
      zoomControl: false,
      zoomAnimation: !still,
      fadeAnimation: !still,
      markerZoomAnimation: !still
    });
    /* Leaflet's controls in the page's language, not in Leaflet's English. */
    L.control.zoom({ zoomInTitle: words(box, "zoom-in"), zoomOutTitle: words(box, "zoom-out") }).addTo(map);
    map.on("popupopen", function (event) {
      var close = event.popup.getElement().querySelector(".leaflet-popup-close-button");
      if (close) close.setAttribute("aria-label", words(box, "close"));
    });
    /* The view first: Leaflet adds layers to a map only once it has one. */
    var maxZoom = Math.min(15, parseInt(box.getAttribute("data-max-zoom"), 10));
    if (list.length === 1) {
      map.setView([list[0].lat, list[0].lon], maxZoom);
    } else {
      var bounds = L.latLngBounds(list.map(function (point) { return [point.lat, point.lon]; }));
      map.fitBounds(bounds, { padding: [24, 24], maxZoom: maxZoom });
    }
    tileLayer(box).addTo(map);
    list.forEach(function (point) {
      var pin = marker(box, point).addTo(map);
      /* Leaflet names a point by its title attribute; the label is what screen readers read. */
      pin.getElement().setAttribute("aria-label", pin.options.title);
    });
    return map;
  }

  function openMap(box) {
    var status = box.querySelector(".kk-livemap__status");
    if (status) status.textContent = "";
    var button = box.querySelector(".kk-livemap__show");
    var canvas = box.querySelector(".kk-livemap__canvas");
    var legend = box.querySelector(".kk-livemap__legend");
    button.setAttribute("aria-expanded", "true");
    canvas.hidden = false;
    legend.hidden = false;
    remember(box, true);
    if (box.kakehashiMap) {
      box.kakehashiMap.invalidateSize();
      return;
    }
    /* Not disabled while loading: a disabled button would lose the keyboard's focus. */
    if (box.kakehashiLoading) return;
    box.kakehashiLoading = true;
    canvas.setAttribute("aria-busy", "true");
    Promise.all([leaflet(box), points(box)]).then(function (loaded) {
      box.kakehashiMap = drawMap(box, canvas, loaded[1]);
    }).catch(function (error) {
      closeMap(box);
      fail(box, error);
    }).then(function () {
      box.kakehashiLoading = false;
      canvas.removeAttribute("aria-busy");
    });
  }

  function closeMap(box) {
    box.querySelector(".kk-livemap__show").setAttribute("aria-expanded", "false");
    box.querySelector(".kk-livemap__canvas").hidden = true;
    box.querySelector(".kk-livemap__legend").hidden = true;
    remember(box, false);
  }

  /* --- nearest to me ---------------------------------------------------- */

  function radians(degrees) {
    return degrees * Math.PI / 180;
  }

  /* Great-circle distance in km (haversine, on a sphere of the Earth's mean radius). */
  function distanceKm(lat1, lon1, lat2, lon2) {
    var dLat = radians(lat2 - lat1);
    var dLon = radians(lon2 - lon1);
    var a = Math.pow(Math.sin(dLat / 2), 2) +
      Math.cos(radians(lat1)) * Math.cos(radians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
  }

  function formatDistance(km) {
    var lang = document.documentElement.lang || undefined;
    if (km < 1) {
      return new Intl.NumberFormat(lang, { style: "unit", unit: "meter", maximumFractionDigits: 0 })
        .format(Math.max(10, Math.round(km * 100) * 10));
    }
    return new Intl.NumberFormat(lang, {
      style: "unit", unit: "kilometer", maximumFractionDigits: km < 10 ? 1 : 0
    }).format(km);
  }

  function showNearest(box, here, list) {
    var ranked = list.map(function (point) {
      return { point: point, km: distanceKm(here.latitude, here.longitude, point.lat, point.lon) };
    }).sort(function (a, b) { return a.km - b.km; }).slice(0, 3);
    var results = box.querySelector(".kk-nearest__list");
    results.textContent = "";
    ranked.forEach(function (entry) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = entry.point.href;
      link.textContent = entry.point.title;
      var distance = document.createElement("span");
      distance.className = "kk-nearest__distance";
      var text = fill(words(box, "distance"), { distance: formatDistance(entry.km) });
      /* The distance to a reference point near the place: said so. */
      if (entry.point.precision !== "exact") {
        text = fill(words(box, "note"), { text: text, note: words(box, "approximate") });
      }
      distance.textContent = text;
      item.appendChild(link);
      item.appendChild(document.createTextNode(" "));
      item.appendChild(distance);
      results.appendChild(item);
    });
    results.hidden = false;
  }

  function findNearest(box) {
    var status = box.querySelector(".kk-nearest__status");
    if (!navigator.geolocation) {
      status.textContent = words(box, "unavailable");
      return;
    }
    status.textContent = words(box, "locating");
    navigator.geolocation.getCurrentPosition(function (position) {
      points(box).then(function (list) {
        status.textContent = "";
        showNearest(box, position.coords, list);
      }).catch(function (error) {
        fail(box, error);
      });
    }, function () {
      status.textContent = words(box, "unavailable");
    }, { enableHighAccuracy: false, timeout: 20000, maximumAge: 300000 });
  }

  /* --- wiring ----------------------------------------------------------- */

  Array.prototype.forEach.call(document.querySelectorAll(".kk-livemap"), function (box) {
    if (box.kakehashiWired) return;
    box.kakehashiWired = true;
    var button = box.querySelector(".kk-livemap__show");
    button.addEventListener("click", function () {
      if (box.kakehashiLoading) return;
      if (button.getAttribute("aria-expanded") === "true") closeMap(box);
      else openMap(box);
    });
    if (remembered(box)) openMap(box);
  });

  Array.prototype.forEach.call(document.querySelectorAll(".kk-nearest"), function (box) {
    if (box.kakehashiWired) return;
    box.kakehashiWired = true;
    box.querySelector(".kk-nearest__find").addEventListener("click", function () {
      findNearest(box);
    });
  });
})();
