/* mapgen benchmark: installed in every page under test (Playwright add_init_script), before its scripts.
 *
 * window.__bench.firstDraw  ms from navigation start to the first complete draw: the load event (the
 *                           map and its layers exist), then the next requestAnimationFrame, then a
 *                           setTimeout(0) posted from it (so the frame has been drawn).
 * runSequence(kind, names, years)  one slider step per year, timed as TECH-NOTES says:
 *                           step = time of the synchronous set-year call
 *                                + (after the setTimeout(0) posted from the next rAF − that rAF's timestamp).
 * kind: "mapgen" (window.mapgen.setYear), "timeline" (folium TimelineSlider setTime), "timestamped"
 * (map.timeDimension.setCurrentTime); names: the folium JS globals of the page (see builds.py).
 */
(function () {
  "use strict";

  var bench = { firstDraw: null };
  window.__bench = bench;

  function nextFrame() {
    return new Promise(function (resolve) {
      requestAnimationFrame(function (stamp) {
        setTimeout(function () { resolve(performance.now() - stamp); }, 0);
      });
    });
  }

  window.addEventListener("load", function () {
    nextFrame().then(function () { bench.firstDraw = performance.now(); });
  });

  function yearMs(year) { return Date.UTC(year, 0, 1); }

  var drivers = {
    mapgen: {
      map: function () { return window.mapgen.map; },
      set: function (names, year) { window.mapgen.setYear(year); },
      shown: function () { return window.mapgen.getYear(); },
      drawn: function () {
        var layers = window.mapgen.summary().layers, total = 0;
        Object.keys(layers).forEach(function (id) { total += layers[id].length; });
        return total;
      }
    },
    timeline: {
      map: function (names) { return window[names.map]; },
      set: function (names, year) { window[names.control].setTime(yearMs(year)); },
      shown: function (names) { return new Date(window[names.control].time).getUTCFullYear(); },
      drawn: function (names) {
        return names.layers.reduce(function (sum, name) { return sum + window[name].getLayers().length; }, 0);
      }
    },
    timestamped: {
      map: function (names) { return window[names.map]; },
      set: function (names, year) { window[names.map].timeDimension.setCurrentTime(yearMs(year)); },
      shown: function (names) {
        return new Date(window[names.map].timeDimension.getCurrentTime()).getUTCFullYear();
      },
      drawn: function (names) {
        var current = window[names.layer]._currentLayer;
        return current && current._map ? current.getLayers().length : 0;
      }
    }
  };

  /* [[year asked, sync ms, step ms, year shown], ...] */
  bench.runSequence = async function (kind, names, years) {
    var driver = drivers[kind], out = [];
    await nextFrame();
    for (var k = 0; k < years.length; k++) {
      var t0 = performance.now();
      driver.set(names, years[k]);
      var sync = performance.now() - t0;
      var after = await nextFrame();
      out.push([years[k], sync, sync + after, driver.shown(names)]);
    }
    return out;
  };

  bench.drawn = function (kind, names, year) {
    drivers[kind].set(names, year);
    return drivers[kind].drawn(names);
  };

  bench.setView = async function (kind, names, lat, lon, zoom) {
    drivers[kind].map(names).setView([lat, lon], zoom, { animate: false });
    await nextFrame();
    await nextFrame();
  };

  /* is every feature's box in view, and how big is the map? */
  bench.view = function (kind, names, south, west, north, east) {
    var map = drivers[kind].map(names), size = map.getSize();
    return { all_in_view: map.getBounds().contains(L.latLngBounds([[south, west], [north, east]])),
      zoom: map.getZoom(), width: size.x, height: size.y };
  };

  /* ---------- where a mapgen step goes: ablations and per-part timers (read-only use of layers.js) ---------- */

  /* replace object[method]; a method layers.js no longer has makes the ablation meaningless: say so */
  function patch(object, method, replacement, undo) {
    var original = object[method];
    if (typeof original !== "function") { throw new Error("no method " + method + " to switch off"); }
    object[method] = replacement(original);
    undo.push(function () { object[method] = original; });
  }

  function noop() { return function () { return undefined; }; }

  var ablations = {
    "full step": function () { /* nothing changed */ },
    "nothing (setYear a no-op: the measurement floor)": function (undo) { patch(window.mapgen, "setYear", noop, undo); },
    "no drawing and no URL hash write": function (undo, P) {
      patch(P, "draw", noop, undo);
      patch(window.history, "replaceState", noop, undo);
    },
    "no drawing (year scan, slider, hash)": function (undo, P) { patch(P, "draw", noop, undo); },
    "points: no drawImage stamps": function (undo, P) { patch(P, "_stamp", noop, undo); },
    "polygons: no paths": function (undo, P) { patch(P, "_path", noop, undo); },
    "polygons: paths without fill()": function (undo) {
      patch(CanvasRenderingContext2D.prototype, "fill", noop, undo);
    },
    "no labels": function (undo, P) { patch(P, "_drawLabels", noop, undo); },
    "no URL hash write": function (undo) { patch(window.history, "replaceState", noop, undo); },
    "only the polygon layer shown": function (undo) { showOnly(["gulag"], undo); },
    "only the point layers shown": function (undo) { showOnly(["memorials", "monuments", "renamed"], undo); }
  };

  function showOnly(ids, undo) {
    var before = window.mapgen.visibleLayers();
    window.mapgen.setLayers(ids);
    undo.push(function () { window.mapgen.setLayers(before); });
  }

  function stats(steps, column) {
    var values = steps.map(function (s) { return s[column]; }).sort(function (a, b) { return a - b; });
    return { median: values[Math.floor((values.length - 1) / 2)],
      p95: values[Math.min(values.length - 1, Math.ceil(0.95 * values.length) - 1)] };
  }

  /* each ablation over the same years: median and p95 of the step, and of its synchronous part */
  bench.profileMapgen = async function (years) {
    var P = window.MapgenInternals.MapgenLayer.prototype, out = {};
    var names = Object.keys(ablations);
    for (var k = 0; k < names.length; k++) {
      var undo = [];
      try { ablations[names[k]](undo, P); }
      catch (err) {
        while (undo.length) { undo.pop()(); }
        out[names[k]] = { missing: String(err.message) };
        continue;
      }
      await nextFrame();
      var steps = await bench.runSequence("mapgen", {}, years);
      while (undo.length) { undo.pop()(); }
      out[names[k]] = { step: stats(steps, 2), sync: stats(steps, 1) };
    }
    await nextFrame();
    return out;
  };

  /* synchronous time inside the named parts of layers.js over the years (summed per part, ms per step) */
  bench.partTimers = async function (years) {
    var P = window.MapgenInternals.MapgenLayer.prototype, D = window.MapgenInternals.LayerData.prototype;
    var totals = {}, undo = [];
    function timed(object, method, label) {
      if (typeof object[method] !== "function") { return; }  /* renamed in layers.js: not timed */
      patch(object, method, function (original) {
        return function () {
          var t0 = performance.now(), result = original.apply(this, arguments);
          var key = typeof label === "function" ? label(this, arguments) : label;
          totals[key] = (totals[key] || 0) + performance.now() - t0;
          return result;
        };
      }, undo);
    }
    timed(D, "setYear", "LayerData.setYear (status scan)");
    timed(P, "_drawStatus", function (layer, args) {
      return "_drawStatus " + layer.data.spec.kind + (args[2] === 1 ? " active" : " former") +
        " (per-feature loop + " + (layer.data.spec.kind === "point" ? "drawImage)" : "paths)");
    });
    timed(P, "_drawLabels", "_drawLabels");
    timed(P, "draw", "draw (all of it, incl. clearRect)");
    var steps = await bench.runSequence("mapgen", {}, years);
    while (undo.length) { undo.pop()(); }
    Object.keys(totals).forEach(function (key) { totals[key] /= years.length; });
    totals["whole setYear call (sync)"] = steps.reduce(function (s, x) { return s + x[1]; }, 0) / years.length;
    totals["whole step"] = steps.reduce(function (s, x) { return s + x[2]; }, 0) / years.length;
    return totals;
  };
})();
