/* mapgen: compare two years, and the text alternative: what is on the map this year, what changed. */
(function () {
  "use strict";

  var M = window.MapgenInternals, el = M.el;

  function word(spec, key, lang) {
    return (lang === "ru" && spec.words[key + "_ru"]) || spec.words[key] || "";
  }

  /* what happened in each layer after year a up to year b: started, ended (both if both), renamed */
  function compare(app, a, b) {
    return app.layers.map(function (layer) {
      var data = layer.data, spec = data.spec, out = { layer: spec.id, started: [], ended: [], renamed: [] };
      for (var i = 0; i < data.n; i++) {
        var start = spec.start[i], end = spec.end[i], id = spec.ids[i], changed = false;
        if (a < start && start <= b) { out.started.push(id); changed = true; }
        if (end !== null && a < end && end <= b && start <= b) { out.ended.push(id); changed = true; }
        if (!changed && status(spec, i, a) !== 0 && data.label(i, a, app.lang) !== data.label(i, b, app.lang)) {
          out.renamed.push(id);
        }
      }
      return out;
    });
  }

  function status(spec, i, year) {
    if (year < spec.start[i]) { return 0; }
    return spec.end[i] === null || year < spec.end[i] ? 1 : 2;
  }

  /* "1953 → 1962: 38 Stalin monuments removed, 9 places renamed" (the same words are counted once) */
  function sentence(app, a, b, changes) {
    var counts = [], index = {};
    function add(count, words) {
      if (!count) { return; }
      if (!(words in index)) { index[words] = counts.length; counts.push([0, words]); }
      counts[index[words]][0] += count;
    }
    changes.forEach(function (c) {
      var spec = app._layer(c.layer).data.spec, noun = word(spec, "noun", app.lang) || spec.title;
      add(c.ended.length, noun + " " + (word(spec, "verb_end", app.lang) || app.t.endedIn));
      add(c.started.length, noun + " " + (word(spec, "verb_start", app.lang) || app.t.startedIn));
      add(c.renamed.length, noun + " " + app.t.renamedVerb);
    });
    var parts = counts.map(function (pair) { return pair[0] + " " + pair[1]; });
    return a + " → " + b + ": " + (parts.length ? parts.join(", ") : app.t.nothingChanged);
  }

  function featureButton(app, layerId, id, year, suffix) {
    var data = app._layer(layerId).data, i = data.index[id];
    var button = el("button", "mapgen-list-item", data.label(i, year, app.lang) + (suffix || ""));
    button.type = "button";
    button.setAttribute("data-feature", id);
    button.addEventListener("click", function () { app.flyToFeature(layerId, id); });
    return button;
  }

  function group(app, title, layerId, ids, year) {
    var box = el("div", "mapgen-group");
    box.appendChild(el("h4", null, title + " (" + ids.length + ")"));
    var list = el("ul");
    ids.slice(0, 300).forEach(function (id) {
      var item = el("li");
      item.appendChild(featureButton(app, layerId, id, year));
      list.appendChild(item);
    });
    if (ids.length > 300) { list.appendChild(el("li", null, "… +" + (ids.length - 300))); }
    box.appendChild(list);
    return box;
  }

  /* a layer's changes as titled lists: ended (named as in year a), started and renamed (as in year b) */
  function groups(app, c, a, b) {
    var spec = app._layer(c.layer).data.spec, title = (app.lang === "ru" && spec.title_ru) || spec.title;
    var out = [];
    if (c.ended.length) {
      out.push(group(app, title + ": " + (word(spec, "verb_end", app.lang) || app.t.endedIn), c.layer, c.ended, a));
    }
    if (c.started.length) {
      out.push(group(app, title + ": " + (word(spec, "verb_start", app.lang) || app.t.startedIn), c.layer, c.started, b));
    }
    if (c.renamed.length) { out.push(group(app, title + ": " + app.t.renamedVerb, c.layer, c.renamed, b)); }
    return out;
  }

  function comparePanel(app) {
    var t = app.t, panel = el("div", "mapgen-panel mapgen-compare");
    panel.setAttribute("aria-label", t.compare);
    var form = el("form", "mapgen-compare-form");
    function yearInput(label, value) {
      var wrap = el("label", null, label + " ");
      var input = el("input");
      input.type = "number";
      input.min = String(app.yearMin); input.max = String(app.yearMax); input.value = String(value);
      wrap.appendChild(input);
      form.appendChild(wrap);
      return input;
    }
    var from = yearInput(t.compareFrom, app.yearMin), to = yearInput(t.compareTo, 1962);
    var run = el("button", null, t.compareRun);
    run.type = "submit";
    form.appendChild(run);
    var summary = el("p", "mapgen-compare-summary");
    summary.setAttribute("aria-live", "polite");
    var details = el("div", "mapgen-compare-details");
    panel.appendChild(form);
    panel.appendChild(summary);
    panel.appendChild(details);

    function show(a, b) {
      a = clamp(app, a); b = clamp(app, b);
      var changes = compare(app, a, b);
      summary.textContent = sentence(app, a, b, changes);
      details.textContent = "";
      app.compared = {};
      changes.forEach(function (c) {
        var layer = app._layer(c.layer), spec = layer.data.spec, flags = new Uint8Array(layer.data.n);
        [c.ended, c.started, c.renamed].forEach(function (ids) {
          ids.forEach(function (id) { flags[layer.data.index[id]] = 1; });
        });
        app.compared[c.layer] = flags;
        groups(app, c, a, b).forEach(function (g) { details.appendChild(g); });
      });
      app.setYear(b);
      return changes;
    }
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      show(Number(from.value), Number(to.value));
    });
    return { panel: panel, show: function (a, b) { from.value = a; to.value = b; return show(a, b); } };
  }

  function clamp(app, year) {
    return Math.max(app.yearMin, Math.min(app.yearMax, Math.round(Number(year)) || app.yearMin));
  }

  /* the accessible text alternative: on the map this year, and what changed this year */
  function listPanel(app) {
    var t = app.t, panel = el("div", "mapgen-panel mapgen-list");
    panel.setAttribute("aria-label", t.list);
    var announce = el("p", "mapgen-list-announce");
    announce.setAttribute("aria-live", "polite");
    var body = el("div");
    panel.appendChild(announce);
    panel.appendChild(body);

    function render() {
      var year = app.year, changed = compare(app, year - 1, year);
      body.textContent = "";
      body.appendChild(el("h3", null, t.changedIn + " " + year));
      var any = false;
      changed.forEach(function (c) {
        groups(app, c, year, year).forEach(function (g) { any = true; body.appendChild(g); });
      });
      if (!any) { body.appendChild(el("p", null, t.nothingChanged)); }
      announce.textContent = sentence(app, year - 1, year, changed);
      body.appendChild(el("h3", null, t.listTitle + " " + year));
      app.layers.slice().reverse().forEach(function (layer) {
        if (!app.map.hasLayer(layer)) { return; }
        var data = layer.data, spec = data.spec, active = [], former = [];
        for (var i = 0; i < data.n; i++) {
          if (data.status[i] === 1) { active.push(spec.ids[i]); }
          else if (data.status[i] === 2) { former.push(spec.ids[i]); }
        }
        var title = (app.lang === "ru" && spec.title_ru) || spec.title;
        body.appendChild(group(app, title + " — " + t.active, spec.id, active, year));
        if (former.length) { body.appendChild(group(app, title + " — " + t.formerStatus, spec.id, former, year)); }
      });
    }
    return { panel: panel, render: render };
  }

  /* two toggles under the search box: Compare years, List */
  function install(app) {
    var t = app.t, box = el("div", "mapgen-tools leaflet-bar");
    var bar = el("div", "mapgen-tools-bar");
    var cmp = comparePanel(app), list = listPanel(app);
    var panels = [[t.compare, cmp.panel], [t.list, list.panel]];
    var buttons = panels.map(function (pair, k) {
      var button = el("button", "mapgen-tool", pair[0]);
      button.type = "button";
      pair[1].hidden = true;
      pair[1].id = "mapgen-panel-" + k;
      pair[1].setAttribute("role", "region");
      button.setAttribute("aria-controls", pair[1].id);
      button.setAttribute("aria-expanded", "false");
      button.addEventListener("click", function () { open(k, pair[1].hidden); });
      bar.appendChild(button);
      return button;
    });
    box.appendChild(bar);
    panels.forEach(function (pair) { box.appendChild(pair[1]); });

    function open(k, show) {
      panels.forEach(function (pair, j) {
        pair[1].hidden = !(show && j === k);
        buttons[j].setAttribute("aria-expanded", pair[1].hidden ? "false" : "true");
      });
      if (!list.panel.hidden) { list.render(); }
      var shown = panels[k][1];
      if (show && !shown.hidden) {
        var first = shown.querySelector("input, button");
        if (first) { first.focus(); }
      }
      if (cmp.panel.hidden && app.compared) { app.compared = null; app._redraw(); }
    }
    app.listeners.push(function () { if (!list.panel.hidden) { list.render(); } });
    app.map.on("layeradd layerremove", function () { if (!list.panel.hidden) { list.render(); } });
    M.addControl(app.map, box, "topleft");
    return {
      compare: function (a, b) {
        open(0, true);
        var changes = cmp.show(a, b);
        return { summary: sentence(app, clamp(app, a), clamp(app, b), changes), layers: changes };
      },
      openList: function () { open(1, true); }
    };
  }

  window.MapgenCompare = { install: install };
})();
