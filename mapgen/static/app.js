/* mapgen: the application on top of the canvas layers — slider, popups, URL hash, JS API. */
(function () {
  "use strict";

  var M = window.MapgenInternals, el = M.el, UI = M.UI;

  function App(map, control, data, lang) {
    this.map = map;
    this.data = data;
    this.lang = lang;
    this.t = UI[this.lang];
    this.yearMin = data.map.year_min;
    this.yearMax = data.map.year_max;
    this.year = data.map.year;
    this.showFormer = true;
    this.selected = null;
    this.listeners = [];
    this._frame = null;
    this._pendingYear = null;
    this._makeBasemap(control);
    this.layers = this._makeLayers(control);
    this.slider = this._makeSlider();
    this.chart = window.MapgenLegend.installChart(this);
    window.MapgenLegend.installLegend(this);
    this.search = window.MapgenSearch.install(this);
    this.tools = window.MapgenCompare.install(this);
    map.on("click", this._onClick, this);
    map.on("mousemove", this._onHover, this);
    map.on("popupclose", this._onPopupClose, this);
    map.on("moveend", this._onMoveEnd, this);
    map.on("layeradd layerremove", this._onLayerToggle, this);
  }

  App.prototype._makeLayers = function (control) {
    var app = this, map = this.map;
    return this.data.layers.map(function (spec, order) {
      var pane = map.createPane("mapgen-" + spec.id);
      pane.style.zIndex = String(410 + order);
      var layer = new M.MapgenLayer(new M.LayerData(spec, map), app, { pane: "mapgen-" + spec.id, padding: 0.1 });
      layer.data.setYear(app.year, app.showFormer);
      layer.addTo(map);
      var title = (app.lang === "ru" && spec.title_ru) || spec.title;
      /* Leaflet puts layer names into innerHTML: escape; the colour is checked as #rrggbb */
      control.addOverlay(layer, '<span class="mapgen-swatch" style="background:' + spec.color +
        '"></span>' + M.escapeHtml(title));
      return layer;
    });
  };

  /* land under the tiles (so it shows wherever tiles do not load), the USSR border above them */
  App.prototype._makeBasemap = function (control) {
    var map = this.map, base = this.data.basemap;
    map.createPane("mapgen-land").style.zIndex = "150";
    map.createPane("mapgen-ussr").style.zIndex = "405";
    M.basemapLayer(map, base.land, "mapgen-land",
      { fill: "#f4f1ea", stroke: "#b8b2a4", width: 0.6 }).addTo(map);
    var ussr = M.basemapLayer(map, base.ussr, "mapgen-ussr",
      { fill: "rgba(0, 0, 0, 0)", stroke: "#5d4037", width: 1.4, dash: [6, 3] }).addTo(map);
    control.addOverlay(ussr, M.escapeHtml(this.t.ussr));
  };

  /* the layer control, the hash and host pages all turn layers on and off: keep the link current */
  App.prototype._onLayerToggle = function (e) {
    if (this.slider && this.layers && this.layers.indexOf(e.layer) >= 0) { this._writeHash(); }
  };

  /* ---------- year ---------- */

  App.prototype.setYear = function (year) {
    year = Math.round(Number(year));
    if (!isFinite(year)) { return this.year; }
    year = Math.max(this.yearMin, Math.min(this.yearMax, year));
    this.year = year;
    this._pendingYear = null;
    for (var i = 0; i < this.layers.length; i++) {
      this.layers[i].data.setYear(year, this.showFormer);
      this.layers[i].draw();
    }
    this._showYear();
    this._refreshPopup();
    this._writeHash();
    for (var k = 0; k < this.listeners.length; k++) { this.listeners[k](year); }
    return year;
  };

  /* slider input: at most one redraw per animation frame */
  App.prototype.requestYear = function (year) {
    var app = this;
    this._pendingYear = year;
    if (this._frame !== null) { return; }
    this._frame = window.requestAnimationFrame(function () {
      app._frame = null;
      if (app._pendingYear !== null) { app.setYear(app._pendingYear); }
    });
  };

  App.prototype.setShowFormer = function (show) {
    this.showFormer = !!show;
    this.slider.former.checked = this.showFormer;
    this.setYear(this.year);
  };

  /* ---------- slider control ---------- */

  App.prototype._makeSlider = function () {
    var app = this, t = this.t;
    var box = el("div", "mapgen-slider leaflet-bar");
    var top = el("div", "mapgen-slider-top");
    var back = el("button", "mapgen-step", "\u25C0");
    var play = el("button", "mapgen-play", "\u25B6");
    var forward = el("button", "mapgen-step", "\u25B6\u25B6");
    back.type = play.type = forward.type = "button";
    back.setAttribute("aria-label", t.back); back.title = t.back;
    forward.setAttribute("aria-label", t.forward); forward.title = t.forward;
    play.setAttribute("aria-label", t.play); play.title = t.play;
    var label = el("output", "mapgen-year", this.year);
    label.setAttribute("aria-live", "polite");
    top.appendChild(back); top.appendChild(play); top.appendChild(forward); top.appendChild(label);
    var range = el("input", "mapgen-range");
    range.type = "range";
    range.min = String(this.yearMin); range.max = String(this.yearMax); range.step = "1";
    range.value = String(this.year);
    range.id = "mapgen-year-range";
    range.setAttribute("aria-label", t.slider);
    var ticks = el("div", "mapgen-ticks");
    ticks.appendChild(el("span", null, this.yearMin));
    ticks.appendChild(el("span", null, this.yearMax));
    var formerLabel = el("label", "mapgen-former");
    var former = el("input");
    former.type = "checkbox"; former.checked = true;
    formerLabel.appendChild(former);
    formerLabel.appendChild(document.createTextNode(" " + t.former));
    box.appendChild(top); box.appendChild(range); box.appendChild(ticks); box.appendChild(formerLabel);

    range.addEventListener("input", function () { app.requestYear(Number(range.value)); });
    back.addEventListener("click", function () { app.setYear(app.year - 1); });
    forward.addEventListener("click", function () { app.setYear(app.year + 1); });
    play.addEventListener("click", function () { app.togglePlay(); });
    former.addEventListener("change", function () { app.setShowFormer(former.checked); });

    M.addControl(this.map, box, "bottomleft");
    return { box: box, range: range, label: label, play: play, former: former, timer: null };
  };

  App.prototype._showYear = function () {
    var s = this.slider;
    s.range.value = String(this.year);
    s.range.setAttribute("aria-valuetext", String(this.year));
    s.label.textContent = String(this.year);
  };

  App.prototype.togglePlay = function () {
    var app = this, s = this.slider;
    if (s.timer) {
      window.clearInterval(s.timer);
      s.timer = null;
    } else {
      if (this.year >= this.yearMax) { this.setYear(this.yearMin); }
      s.timer = window.setInterval(function () {
        if (app.year >= app.yearMax) { app.togglePlay(); return; }
        app.setYear(app.year + 1);
      }, 600);
    }
    var label = s.timer ? this.t.pause : this.t.play;
    s.play.textContent = s.timer ? "\u275A\u275A" : "\u25B6";
    s.play.setAttribute("aria-label", label);
    s.play.title = label;
    s.play.setAttribute("aria-pressed", s.timer ? "true" : "false");
  };

  /* ---------- clicks and popups ---------- */

  /* every drawn feature under a point, top-most first */
  App.prototype._hitsAt = function (layerPoint, firstOnly) {
    var hits = [];
    for (var k = this.layers.length - 1; k >= 0; k--) {
      var layer = this.layers[k];
      if (!this.map.hasLayer(layer)) { continue; }
      var found = layer.hits(layerPoint, firstOnly);
      for (var h = 0; h < found.length; h++) {
        hits.push({ layer: layer, index: found[h] });
        if (firstOnly) { return hits; }
      }
    }
    return hits;
  };

  App.prototype._onClick = function (e) {
    var hits = this._hitsAt(e.layerPoint, false);
    if (hits.length === 1) {
      this.openFeature(hits[0].layer.data.spec.id, hits[0].layer.data.spec.ids[hits[0].index], e.latlng);
    } else if (hits.length > 1) {
      this._openChooser(hits, e.latlng);
    }
  };

  /* several features on one spot: let the reader pick one */
  App.prototype._openChooser = function (hits, latlng) {
    var app = this, root = el("div", "mapgen-chooser");
    root.appendChild(el("h3", null, hits.length + " " + this.t.here));
    var list = el("ul");
    hits.forEach(function (hit) {
      var data = hit.layer.data, item = el("li"), button = el("button", "mapgen-choice");
      button.type = "button";
      button.appendChild(el("span", "mapgen-swatch")).style.background = data.spec.color;
      button.appendChild(document.createTextNode(data.label(hit.index, app.year, app.lang)));
      button.appendChild(el("small", null, " · " + ((app.lang === "ru" && data.spec.title_ru) || data.spec.title)));
      button.addEventListener("click", function () {
        app.openFeature(data.spec.id, data.spec.ids[hit.index], latlng);
      });
      item.appendChild(button);
      list.appendChild(item);
    });
    root.appendChild(list);
    this._popup = L.popup({ maxWidth: 360, maxHeight: 420 }).setLatLng(latlng).setContent(root);
    this._popup.openOn(this.map);
    var first = root.querySelector("button");
    if (first) { first.focus(); }
  };

  App.prototype._onHover = function (e) {
    var hit = this._hitsAt(e.layerPoint, true).length > 0;
    this.map.getContainer().style.cursor = hit ? "pointer" : "";
  };

  App.prototype.openFeature = function (layerId, featureId, latlng) {
    var layer = this._layer(layerId);
    if (!layer || !(featureId in layer.data.index)) { return false; }
    var i = layer.data.index[featureId];
    this.selected = { layer: layer, index: i };
    if (!latlng) {
      var b = layer.data.box;
      latlng = this.map.unproject([(b[4 * i] + b[4 * i + 2]) / 2, (b[4 * i + 1] + b[4 * i + 3]) / 2], 0);
    }
    this._popup = L.popup({ maxWidth: 360, maxHeight: 420, autoPanPadding: [20, 20] })
      .setLatLng(latlng).setContent(this._popupContent(layer, i));
    this._popup.openOn(this.map);
    this._redraw();
    this._writeHash();
    return true;
  };

  /* once the reader has moved the map, the view belongs in the link */
  App.prototype._onMoveEnd = function () {
    if (this._started) {
      this._viewMoved = true;
      this._writeHash();
    }
  };

  App.prototype._onPopupClose = function (e) {
    if (e.popup !== this._popup || !this.selected) { return; }
    this.selected = null;
    this._popup = null;
    this._redraw();
    this._writeHash();
  };

  App.prototype._refreshPopup = function () {
    if (this._popup && this.selected) {
      this._popup.setContent(this._popupContent(this.selected.layer, this.selected.index));
    }
  };

  App.prototype._redraw = function () {
    for (var k = 0; k < this.layers.length; k++) { this.layers[k].draw(); }
  };

  App.prototype._layer = function (id) {
    for (var k = 0; k < this.layers.length; k++) {
      if (this.layers[k].data.spec.id === id) { return this.layers[k]; }
    }
    return null;
  };

  App.prototype._popupContent = function (layer, i) {
    return window.MapgenPopup.build(layer.data, i, this.year, this.lang, this.t);
  };

  /* ---------- URL hash: #year=1961&layers=a,b&view=z/lat/lon&feature=layer:id ---------- */

  App.prototype.readHash = function () {
    var params = parseHash(window.location.hash);
    if (params.layers !== undefined) { this.setLayers(params.layers.split(",")); }
    if (params.view) {
      var v = params.view.split("/").map(Number);
      if (v.length === 3 && v.every(isFinite)) {
        this._viewMoved = true;
        this.map.setView([v[1], v[2]], v[0], { animate: false });
      }
    }
    if (params.year !== undefined) { this.setYear(Number(params.year)); }
    if (params.feature) {
      var sep = params.feature.indexOf(":");
      if (sep > 0) { this.openFeature(params.feature.slice(0, sep), params.feature.slice(sep + 1)); }
      else { this._openAnyLayer(params.feature); }
    }
  };

  App.prototype.setLayers = function (ids) {
    for (var k = 0; k < this.layers.length; k++) {
      var layer = this.layers[k], on = ids.indexOf(layer.data.spec.id) >= 0;
      if (on && !this.map.hasLayer(layer)) { this.map.addLayer(layer); }
      if (!on && this.map.hasLayer(layer)) { this.map.removeLayer(layer); }
    }
  };

  App.prototype.visibleLayerIds = function () {
    var map = this.map;
    return this.layers.filter(function (l) { return map.hasLayer(l); }).map(function (l) { return l.data.spec.id; });
  };

  /* move to a feature (year unchanged), then open it */
  App.prototype.flyToFeature = function (layerId, featureId, zoom) {
    var layer = this._layer(layerId), app = this;
    if (!layer || !(featureId in layer.data.index)) { return false; }
    var i = layer.data.index[featureId], b = layer.data.box;
    var center = this.map.unproject([(b[4 * i] + b[4 * i + 2]) / 2, (b[4 * i + 1] + b[4 * i + 3]) / 2], 0);
    if (!this.map.hasLayer(layer)) { this.map.addLayer(layer); }
    this.map.once("moveend", function () { app.openFeature(layerId, featureId); });
    this.map.flyTo(center, zoom || Math.max(this.map.getZoom(), 6), { duration: 0.8 });
    return true;
  };

  App.prototype._openAnyLayer = function (featureId) {
    for (var k = 0; k < this.layers.length; k++) {
      if (this.openFeature(this.layers[k].data.spec.id, featureId)) { return; }
    }
  };

  App.prototype.hashString = function () {
    var app = this, parts = ["year=" + this.year];
    if (this.lang !== this.data.map.lang) { parts.push("lang=" + this.lang); }
    var on = app.visibleLayerIds();
    if (on.length !== this.layers.length) { parts.push("layers=" + on.join(",")); }
    if (this._viewMoved) {
      var c = this.map.getCenter();
      parts.push("view=" + this.map.getZoom() + "/" + c.lat.toFixed(2) + "/" + c.lng.toFixed(2));
    }
    if (this.selected) {
      parts.push("feature=" + encodeURIComponent(this.selected.layer.data.spec.id) + ":" +
        encodeURIComponent(this.selected.layer.data.spec.ids[this.selected.index]));
    }
    return "#" + parts.join("&");
  };

  /* the link follows the reader, but at most every 250 ms: browsers throttle history updates, and a
     replaceState costs more than a whole slider step at 100,000 features */
  App.prototype._writeHash = function () {
    if (this._readingHash || this._hashTimer) { return; }
    var app = this, wait = 250 - (Date.now() - (this._hashWritten || 0));
    if (wait > 0) {
      this._hashTimer = window.setTimeout(function () { app._hashTimer = null; app._writeHash(); }, wait);
      return;
    }
    this._hashWritten = Date.now();
    var hash = this.hashString();
    if (window.location.hash === hash) { return; }
    try { window.history.replaceState(null, "", hash); }
    catch (err) { /* some sandboxed frames refuse history; the hash is a convenience */ }
  };

  function parseHash(hash) {
    var out = {};
    hash.replace(/^#/, "").split("&").forEach(function (pair) {
      var eq = pair.indexOf("=");
      if (eq > 0) {
        try { out[pair.slice(0, eq)] = decodeURIComponent(pair.slice(eq + 1)); }
        catch (err) { /* a malformed escape: ignore that pair */ }
      }
    });
    return out;
  }

  /* switching language redraws the whole interface: the hash keeps the state across the reload */
  App.prototype.setLanguage = function (lang) {
    if ((lang !== "en" && lang !== "ru") || lang === this.lang) { return; }
    this.lang = lang;
    var hash = this.hashString();
    this.lang = lang === "en" ? "ru" : "en";
    window.location.hash = hash;  /* the hashchange listener reloads the page in the new language */
  };

  /* ---------- public API ---------- */

  App.prototype.summary = function () {
    var out = { year: this.year, layers: {} };
    for (var k = 0; k < this.layers.length; k++) {
      var layer = this.layers[k], data = layer.data, items = [];
      if (this.map.hasLayer(layer)) {
        for (var i = 0; i < data.n; i++) {
          if (data.status[i] === 0) { continue; }
          items.push({ id: data.spec.ids[i], label: data.label(i, this.year, this.lang),
            status: data.status[i] === 1 ? "active" : "former" });
        }
      }
      out.layers[data.spec.id] = items;
    }
    return out;
  };

  /* the language: ?#lang=ru or #lang=en overrides the one the map was built with */
  function chooseLanguage(data) {
    var wanted = parseHash(window.location.hash).lang;
    if (wanted === "en" || wanted === "ru") { return wanted; }
    return data.map.lang === "ru" ? "ru" : "en";
  }

  /* the page calls this once folium has made the map; window.mapgen appears when the data is read
     (at once for plain data, after inflating for compressed data) */
  function mapgenStart(map, control) {
    var data = M.readData();
    if (typeof data.then === "function") {
      data.then(function (value) { publish(start(map, control, value)); }, function (err) {
        showFailure(map, err);
      });
    } else {
      publish(start(map, control, data));
    }
  }

  function publish(api) {
    window.mapgen = api;
    window.dispatchEvent(new CustomEvent("mapgen:ready"));
  }

  function showFailure(map, err) {
    var box = el("div", "mapgen-failure", "This map could not be opened in this browser (" + err + ")." +
      " It needs a browser from 2023 or later.");
    map.getContainer().appendChild(box);
    throw err;
  }

  function start(map, control, data) {
    var app = new App(map, control, data, chooseLanguage(data));
    document.documentElement.lang = app.lang;
    app._readingHash = true;
    app.readHash();
    app._readingHash = false;
    app._started = true;
    app._writeHash();
    var about = window.MapgenAbout.install(app);
    window.MapgenBridge.install(app);
    window.addEventListener("hashchange", function () {
      if (chooseLanguage(data) !== app.lang) { window.location.reload(); return; }
      if (window.location.hash !== app.hashString()) {
        app._readingHash = true;
        app.readHash();
        app._readingHash = false;
      }
    });
    return {
      map: map,
      setYear: function (year) { return app.setYear(year); },
      getYear: function () { return app.year; },
      summary: function () { return app.summary(); },
      openFeature: function (layerId, featureId) { return app.openFeature(layerId, featureId); },
      setShowFormer: function (show) { app.setShowFormer(show); },
      onYear: function (fn) { app.listeners.push(fn); },
      layers: function () { return app.layers.map(function (l) { return l.data.spec.id; }); },
      visibleLayers: function () { return app.visibleLayerIds(); },
      setLayers: function (ids) { app.setLayers(ids); },
      flyTo: function (layerId, featureId, zoom) { return app.flyToFeature(layerId, featureId, zoom); },
      citation: function () { return about.citation(); },
      search: function (text) { return app.search(String(text)); },
      compare: function (a, b) { return app.tools.compare(a, b); },
      openList: function () { app.tools.openList(); },
      getLanguage: function () { return app.lang; },
      setLanguage: function (lang) { app.setLanguage(lang); },
      version: app.data.map.version
    };
  }

  window.mapgenStart = mapgenStart;
})();
