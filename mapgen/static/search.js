/* mapgen: search by any name a feature ever bore, in any script, ignoring case and accents. */
(function () {
  "use strict";

  var M = window.MapgenInternals, el = M.el;

  /* the first year in the slider's range when this name was borne, or null if it was not */
  function yearOf(name, app, layer, i) {
    var lo = Math.max(name.start === null ? -Infinity : name.start, layer.data.spec.start[i], app.yearMin);
    var hi = Math.min(name.end === null ? Infinity : name.end - 1, app.yearMax);
    return lo <= hi ? lo : null;
  }

  function score(key, query) {
    if (key === query) { return 0; }
    if (key.indexOf(query) === 0) { return 1; }
    return key.indexOf(query) > 0 ? 2 : -1;
  }

  /* [{layer, id, label, year, name}] best first */
  function search(app, text) {
    var query = M.normalize(text), found = [];
    if (query.length < 2) { return []; }
    app.layers.forEach(function (layer, order) {
      var data = layer.data;
      for (var i = 0; i < data.n; i++) {
        var best = null;
        data.allNames(i).forEach(function (name) {
          var s = score(name.key, query);
          if (s < 0) { return; }
          var year = yearOf(name, app, layer, i), inRange = year !== null;
          var rank = s * 2 + (inRange ? 0 : 1);
          if (best === null || rank < best.rank) { best = { rank: rank, name: name.text, year: year }; }
        });
        if (best === null) { continue; }
        var year = best.year !== null ? best.year : Math.max(app.yearMin, Math.min(app.yearMax, data.spec.start[i]));
        found.push({ layer: data.spec.id, id: data.spec.ids[i], label: data.label(i, year, app.lang), year: year,
          name: best.name, rank: best.rank, order: -order });
      }
    });
    found.sort(function (a, b) {
      return a.rank - b.rank || a.order - b.order || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
    });
    return found.map(function (r) { return { layer: r.layer, id: r.id, label: r.label, year: r.year, name: r.name }; });
  }

  function go(app, result) {
    app.setYear(result.year);
    app.flyToFeature(result.layer, result.id, Math.max(app.map.getZoom(), 5));
  }

  function install(app) {
    var t = app.t, box = el("div", "mapgen-search leaflet-bar");
    var form = el("form");
    form.setAttribute("role", "search");
    var input = el("input");
    input.type = "search";
    input.placeholder = t.search;
    input.setAttribute("aria-label", t.searchLabel);
    input.autocomplete = "off";
    var results = el("ul", "mapgen-search-results");
    results.setAttribute("aria-live", "polite");
    form.appendChild(input);
    box.appendChild(form);
    box.appendChild(results);

    function show() {
      results.textContent = "";
      if (!input.value.trim()) { return; }
      var found = search(app, input.value).slice(0, 12);
      if (!found.length) { results.appendChild(el("li", "mapgen-search-empty", t.noResults)); }
      found.forEach(function (result) {
        var item = el("li"), button = el("button", "mapgen-search-result");
        button.type = "button";
        button.appendChild(el("strong", null, result.label));
        var layer = app._layer(result.layer).data.spec;
        var note = result.name !== result.label ? " · " + result.name : "";
        button.appendChild(el("small", null, " " + result.year + note + " · " +
          ((app.lang === "ru" && layer.title_ru) || layer.title)));
        button.addEventListener("click", function () { go(app, result); });
        item.appendChild(button);
        results.appendChild(item);
      });
    }
    input.addEventListener("input", show);
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var found = search(app, input.value);
      if (found.length) { go(app, found[0]); }
    });
    input.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown") {
        var first = results.querySelector("button");
        if (first) { e.preventDefault(); first.focus(); }
      } else if (e.key === "Escape") { input.value = ""; show(); }
    });
    results.addEventListener("keydown", function (e) {
      var buttons = Array.prototype.slice.call(results.querySelectorAll("button"));
      var at = buttons.indexOf(document.activeElement);
      if (e.key === "ArrowDown" && at < buttons.length - 1) { e.preventDefault(); buttons[at + 1].focus(); }
      if (e.key === "ArrowUp") { e.preventDefault(); (at > 0 ? buttons[at - 1] : input).focus(); }
    });
    M.addControl(app.map, box, "topleft");
    return function (text) { return search(app, text); };
  }

  window.MapgenSearch = { install: install };
})();
