/* mapgen: the legend (what each mark means) and the chart of counts per year under the slider. */
(function () {
  "use strict";

  var M = window.MapgenInternals, el = M.el;

  function swatch(kind, color, former, ring) {
    var canvas = document.createElement("canvas"), ratio = window.devicePixelRatio || 1;
    canvas.width = canvas.height = Math.round(18 * ratio);
    canvas.className = "mapgen-legend-mark";
    var c = canvas.getContext("2d");
    c.scale(ratio, ratio);
    if (kind === "point") {
      c.beginPath();
      c.arc(9, 9, former ? 5 : 6, 0, 2 * Math.PI);
      c.fillStyle = color;
      c.globalAlpha = former ? 0.55 : 1;
      c.fill();
      c.globalAlpha = 1;
      c.lineWidth = 1.5;
      c.strokeStyle = former ? "#555" : "#fff";
      c.stroke();
    } else {
      c.fillStyle = color;
      c.globalAlpha = former ? 0.15 : 0.35;
      c.fillRect(2, 3, 14, 12);
      c.globalAlpha = 1;
      c.strokeStyle = color;
      c.setLineDash(former ? [3, 2] : []);
      c.strokeRect(2, 3, 14, 12);
    }
    if (ring) {
      c.setLineDash([]);
      c.beginPath();
      c.arc(9, 9, 8, 0, 2 * Math.PI);
      c.strokeStyle = ring;
      c.lineWidth = 2;
      c.stroke();
    }
    canvas.setAttribute("aria-hidden", "true");
    return canvas;
  }

  function entry(mark, text) {
    var item = el("li");
    item.appendChild(mark);
    item.appendChild(el("span", null, text));
    return item;
  }

  function installLegend(app) {
    var t = app.t, box = el("div", "mapgen-legend leaflet-bar");
    var toggle = el("button", "mapgen-legend-toggle", t.legend);
    toggle.type = "button";
    toggle.setAttribute("aria-expanded", "true");
    var body = el("div", "mapgen-legend-body");
    body.id = "mapgen-legend-body";
    toggle.setAttribute("aria-controls", body.id);
    app.layers.slice().reverse().forEach(function (layer) {
      var spec = layer.data.spec;
      body.appendChild(el("h4", null, (app.lang === "ru" && spec.title_ru) || spec.title));
      var list = el("ul");
      list.setAttribute("data-layer", spec.id);
      list.appendChild(entry(swatch(spec.kind, spec.color, false), t.legendActive));
      list.appendChild(entry(swatch(spec.kind, spec.former_color, true), t.legendFormer));
      if (Object.keys(spec.names).length) {
        list.appendChild(entry(swatch(spec.kind, spec.color, false, "#f2b705"), t.legendRenamed));
      }
      body.appendChild(list);
    });
    box.appendChild(toggle);
    box.appendChild(body);
    toggle.addEventListener("click", function () {
      body.hidden = !body.hidden;
      toggle.setAttribute("aria-expanded", body.hidden ? "false" : "true");
    });
    M.addControl(app.map, box, "bottomright");
    if (app.map.getSize().x < 700) { toggle.click(); }
  }

  /* stacked bars: active features per year and layer, the current year marked; a click sets the year */
  function installChart(app) {
    var from = app.yearMin, to = app.yearMax, canvas = document.createElement("canvas");
    canvas.className = "mapgen-chart";
    canvas.setAttribute("role", "img");
    var series = app.layers.map(function (layer) {
      return { color: layer.data.spec.color, id: layer.data.spec.id, counts: layer.data.activePerYear(from, to) };
    });
    var totals = series[0].counts.map(function (_, y) {
      return series.reduce(function (sum, s) { return sum + s.counts[y]; }, 0);
    });
    var peak = Math.max.apply(null, totals.concat([1]));
    canvas.title = app.t.chart;
    app.slider.box.insertBefore(canvas, app.slider.range);

    function draw() {
      var ratio = window.devicePixelRatio || 1, width = canvas.clientWidth || 480, height = 56;
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
      var c = canvas.getContext("2d");
      c.scale(ratio, ratio);
      var bar = width / (to - from + 1);
      for (var y = 0; y <= to - from; y++) {
        var base = height;
        for (var k = 0; k < series.length; k++) {
          var h = series[k].counts[y] / peak * (height - 4);
          c.fillStyle = series[k].color;
          c.fillRect(y * bar, base - h, Math.max(bar - 0.5, 0.5), h);
          base -= h;
        }
      }
      var x = (app.year - from + 0.5) * bar;
      c.fillStyle = "#111";
      c.fillRect(x - 1, 0, 2, height);
      var index = app.year - from;
      canvas.setAttribute("aria-label", app.t.chart + ". " + app.year + ": " + series.map(function (s) {
        return s.id + " " + s.counts[index];
      }).join(", "));
    }

    canvas.addEventListener("click", function (e) {
      var rect = canvas.getBoundingClientRect();
      app.setYear(from + Math.floor((e.clientX - rect.left) / rect.width * (to - from + 1)));
    });
    app.listeners.push(draw);
    draw();
    return { series: series, redraw: draw };
  }

  window.MapgenLegend = { installLegend: installLegend, installChart: installChart };
})();
