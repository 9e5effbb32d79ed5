/* mapgen: draws the layers of the memory map on canvases and runs the year slider.
 *
 * Data comes from the JSON script element #mapgen-data (contract: mapgen/timeline.py).
 * Text from the data reaches the DOM only through textContent; only http(s) URLs become links.
 */
(function () {
  "use strict";

  var UI = window.MapgenI18n;

  var HTTP_URL = /^https?:\/\//i;
  var POINT_RADIUS = 6;
  var DENSE = 5000;  /* above this many points drawn in a layer, marks shrink */
  var STAMP_OVER = 3000;  /* above this many, points are stamped into one pixel buffer */

  /* the data block: plain JSON, or (large maps) a JSON string of base64 raw-deflated JSON,
     which is returned as a Promise of the document */
  function readData() {
    var element = document.getElementById("mapgen-data"), value = JSON.parse(element.textContent);
    if (element.getAttribute("data-encoding") !== "deflate-raw+base64") { return value; }
    var binary = atob(value), bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) { bytes[i] = binary.charCodeAt(i); }
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
    return new Response(stream).text().then(JSON.parse);
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  /* ---------- one layer: columns, projection, status ---------- */

  function LayerData(spec, map) {
    this.spec = spec;
    this.n = spec.ids.length;
    this.status = new Int8Array(this.n);       // 0 not drawn, 1 active, 2 former
    this.index = {};
    for (var i = 0; i < this.n; i++) { this.index[spec.ids[i]] = i; }
    this._project();
    this._indexRenames();
  }

  LayerData.prototype._project = function () {
    var c = this.spec.coords, m = c.length / 2, xy = new Float64Array(c.length);
    for (var k = 0; k < m; k++) { mercator(c[2 * k], c[2 * k + 1], xy, 2 * k); }
    this.xy = xy;
    var box = new Float64Array(this.n * 4);
    for (var i = 0; i < this.n; i++) {
      var from = this.firstPos(i), to = this.endPos(i);
      var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
      for (var q = from; q < to; q++) {
        var x = xy[2 * q], y = xy[2 * q + 1];
        if (x < x0) { x0 = x; } if (x > x1) { x1 = x; }
        if (y < y0) { y0 = y; } if (y > y1) { y1 = y; }
      }
      box[4 * i] = x0; box[4 * i + 1] = y0; box[4 * i + 2] = x1; box[4 * i + 3] = y1;
    }
    this.box = box;
  };

  LayerData.prototype.firstPos = function (i) {
    return this.spec.kind === "point" ? i : this.spec.rings[this.spec.parts[i]];
  };
  LayerData.prototype.endPos = function (i) {
    return this.spec.kind === "point" ? i + 1 : this.spec.rings[this.spec.parts[i + 1]];
  };

  LayerData.prototype.setYear = function (year, showFormer) {
    var start = this.spec.start, end = this.spec.end, status = this.status;
    for (var i = 0; i < this.n; i++) {
      if (year < start[i]) { status[i] = 0; }
      else if (end[i] === null || year < end[i]) { status[i] = 1; }
      else { status[i] = showFormer ? 2 : 0; }
    }
    this._markRenamed(year);
  };

  /* features drawn this year whose name changed this year (a dated name, not the first, starts now) */
  LayerData.prototype._markRenamed = function (year) {
    this.renamed.fill(0);
    var list = this._renamesByYear[year] || [];
    for (var k = 0; k < list.length; k++) {
      if (this.status[list[k]] !== 0) { this.renamed[list[k]] = 1; }
    }
  };

  LayerData.prototype._indexRenames = function () {
    var byYear = {}, names = this.spec.names;
    this.renamed = new Uint8Array(this.n);
    for (var key in names) {
      for (var k = 1; k < names[key].length; k++) {
        var year = names[key][k][2];
        (byYear[year] = byYear[year] || []).push(Number(key));
      }
    }
    this._renamesByYear = byYear;
  };

  /* how many features are active in each year from..to (inclusive) */
  LayerData.prototype.activePerYear = function (from, to) {
    var delta = new Int32Array(to - from + 2), out = [];
    for (var i = 0; i < this.n; i++) {
      var a = Math.max(this.spec.start[i], from), b = this.spec.end[i] === null ? to + 1 : Math.min(this.spec.end[i], to + 1);
      if (a < b) { delta[a - from] += 1; delta[b - from] -= 1; }
    }
    for (var y = 0, run = 0; y <= to - from; y++) { run += delta[y]; out.push(run); }
    return out;
  };

  /* every name a feature bore, for search: [{text, key, start, end}] */
  LayerData.prototype.allNames = function (i) {
    var info = this.spec.info[i], out = [], names = this.spec.names[String(i)] || [];
    names.forEach(function (nm) {
      [nm[0], nm[1]].forEach(function (text) {
        if (text) { out.push({ text: text, key: normalize(text), start: nm[2], end: nm[3] }); }
      });
    });
    [info.name, info.name_ru].forEach(function (text) {
      if (text) { out.push({ text: text, key: normalize(text), start: null, end: null }); }
    });
    return out;
  };

  /* case- and accent-insensitive form of a name, in any script */
  function normalize(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/ё/g, "е").replace(/[\u200b-\u200f\u202a-\u202e]/g, "").replace(/\s+/g, " ").trim();
  }

  LayerData.prototype.label = function (i, year, lang) {
    var info = this.spec.info[i];
    var label = (lang === "ru" && info.name_ru) || info.name;
    var names = this.spec.names[String(i)];
    if (names) {
      for (var k = 0; k < names.length; k++) {
        var nm = names[k];
        if ((nm[2] === null || nm[2] <= year) && (nm[3] === null || year < nm[3])) {
          label = (lang === "ru" && nm[1]) || nm[0];
        }
      }
    }
    return label;
  };

  /* ---------- the canvas layer: an L.Canvas renderer that draws our columns ---------- */

  var MapgenLayer = L.Canvas.extend({
    initialize: function (data, app, options) {
      L.Canvas.prototype.initialize.call(this, options);
      this.data = data;
      this.app = app;
      this._sprites = {};
    },
    onAdd: function () {
      L.Canvas.prototype.onAdd.call(this);
      this.on("update", this.draw, this);
      this.draw();
    },
    onRemove: function () {
      this.off("update", this.draw, this);
      L.Canvas.prototype.onRemove.call(this);
    },
    /* L.Canvas clears and redraws its own paths on a view reset: we draw everything ourselves */
    _redraw: function () {
      this._redrawRequest = null;
      this.draw();
    },
    _draw: function () { this.draw(); },
    draw: function () {
      if (!this._map || !this._bounds) { return; }
      var ctx = this._ctx, b = this._bounds;
      ctx.clearRect(b.min.x, b.min.y, b.max.x - b.min.x, b.max.y - b.min.y);
      var view = this._view();
      if (this.data.spec.kind === "point") {
        var drawn = this._drawnCount();
        if (drawn > STAMP_OVER) { this._stampPoints(ctx, view, drawn); } else { this._spritePoints(ctx, view); }
      }
      this._drawStatus(ctx, view, 2);
      this._drawStatus(ctx, view, 1);
      this._drawRings(ctx, view, this.data.renamed, "#f2b705");
      if (this.app && this.app.compared) { this._drawRings(ctx, view, this.app.compared[this.data.spec.id], "#00897b"); }
      if (this.data.spec.labels) { this._drawLabels(ctx, view); }
      if (this.app) { this._drawSelection(ctx, view); }
    },
    _view: function () {
      var map = this._map, scale = Math.pow(2, map.getZoom()), origin = map.getPixelOrigin();
      var b = this._bounds;
      return {
        scale: scale, ox: origin.x, oy: origin.y,
        x0: (b.min.x + origin.x) / scale, x1: (b.max.x + origin.x) / scale,
        y0: (b.min.y + origin.y) / scale, y1: (b.max.y + origin.y) / scale,
        pad: (POINT_RADIUS + 2) / scale
      };
    },
    /* world copies (0, +256, -256 at zoom 0) in which feature i is in view */
    _shifts: function (i, v) {
      var box = this.data.box, out = [];
      if (box[4 * i + 3] < v.y0 - v.pad || box[4 * i + 1] > v.y1 + v.pad) { return out; }
      for (var k = -1; k <= 1; k++) {
        var s = 256 * k;
        if (box[4 * i + 2] + s >= v.x0 - v.pad && box[4 * i] + s <= v.x1 + v.pad) { out.push(s); }
      }
      return out;
    },
    _drawStatus: function (ctx, v, wanted) {
      if (this.data.spec.kind === "point") { return; }  /* points: see _stampPoints */
      var data = this.data, status = data.status, box = data.box, kind = data.spec.kind;
      var fill = this._pathStyle(ctx, wanted), small = kind === "polygon" ? [] : null;
      for (var i = 0; i < data.n; i++) {
        if (status[i] !== wanted || box[4 * i + 3] < v.y0 - v.pad || box[4 * i + 1] > v.y1 + v.pad) { continue; }
        var tiny = small && (box[4 * i + 2] - box[4 * i]) * v.scale < 4 && (box[4 * i + 3] - box[4 * i + 1]) * v.scale < 4;
        for (var k = -1; k <= 1; k++) {
          var s = 256 * k;
          if (box[4 * i + 2] + s < v.x0 - v.pad || box[4 * i] + s > v.x1 + v.pad) { continue; }
          if (tiny) { small.push(i, s); } else { this._path(ctx, i, s, v, kind, fill); }
        }
      }
      if (small && small.length) { this._tinyPolygons(ctx, v, small); }
      ctx.setLineDash([]);
      ctx.globalAlpha = 1;
    },
    /* level of detail: polygons under 4 px are one path of small squares, filled once */
    _tinyPolygons: function (ctx, v, items) {
      var box = this.data.box;
      ctx.beginPath();
      for (var j = 0; j < items.length; j += 2) {
        var i = items[j], s = items[j + 1];
        var x = (box[4 * i] + s) * v.scale - v.ox, y = box[4 * i + 1] * v.scale - v.oy;
        var w = Math.max((box[4 * i + 2] - box[4 * i]) * v.scale, 2), h = Math.max((box[4 * i + 3] - box[4 * i + 1]) * v.scale, 2);
        ctx.rect(x, y, w, h);
      }
      var fill = ctx.fillStyle;
      ctx.fillStyle = ctx.strokeStyle;
      ctx.globalAlpha = 0.6;
      ctx.fill();
      ctx.globalAlpha = 1;
      ctx.fillStyle = fill;
    },
    /* points are stamped into one pixel buffer: far cheaper than a drawImage per point */
    /* few points: one drawImage each is cheaper than a full-canvas pixel buffer */
    _spritePoints: function (ctx, v) {
      var data = this.data, status = data.status, xy = data.xy, box = data.box;
      for (var wanted = 2; wanted >= 1; wanted--) {
        var sprite = this._sprite(wanted, 1), half = sprite.width / 2;
        for (var i = 0; i < data.n; i++) {
          if (status[i] !== wanted || box[4 * i + 3] < v.y0 - v.pad || box[4 * i + 1] > v.y1 + v.pad) { continue; }
          for (var k = -1; k <= 1; k++) {
            var x = xy[2 * i] + 256 * k;
            if (x < v.x0 - v.pad || x > v.x1 + v.pad) { continue; }
            ctx.drawImage(sprite, x * v.scale - v.ox - half, xy[2 * i + 1] * v.scale - v.oy - half);
          }
        }
      }
    },
    _stampPoints: function (ctx, v, drawn) {
      var data = this.data, status = data.status, xy = data.xy, box = data.box;
      var canvas = this._container, W = canvas.width, H = canvas.height, m = W / (this._bounds.max.x - this._bounds.min.x);
      var image = ctx.createImageData(W, H), buf = new Uint32Array(image.data.buffer);
      var ox = v.ox + this._bounds.min.x, oy = v.oy + this._bounds.min.y;
      var dense = drawn > DENSE ? 1 : 0;  /* level of detail: smaller marks when crowded */
      for (var wanted = 2; wanted >= 1; wanted--) {
        var sprite = this._spritePixels(wanted, m, dense), size = sprite.size, half = sprite.half;
        for (var i = 0; i < data.n; i++) {
          if (status[i] !== wanted || box[4 * i + 3] < v.y0 - v.pad || box[4 * i + 1] > v.y1 + v.pad) { continue; }
          for (var k = -1; k <= 1; k++) {
            var x = xy[2 * i] + 256 * k;
            if (x < v.x0 - v.pad || x > v.x1 + v.pad) { continue; }
            var px = Math.round((x * v.scale - ox) * m) - half, py = Math.round((xy[2 * i + 1] * v.scale - oy) * m) - half;
            stamp(buf, W, H, sprite, px, py, size);
          }
        }
      }
      ctx.putImageData(image, 0, 0);
    },
    _drawnCount: function () {
      var status = this.data.status, count = 0;
      for (var i = 0; i < this.data.n; i++) { if (status[i] !== 0) { count++; } }
      return count;
    },
    _spritePixels: function (wanted, m, dense) {
      var key = wanted + ":" + m + ":" + dense;
      if (this._sprites[key]) { return this._sprites[key]; }
      var source = this._sprite(wanted, m, dense ? 0.6 : 1), size = source.width;
      var pixels = source.getContext("2d").getImageData(0, 0, size, size).data;
      var sprite = { size: size, half: Math.floor(size / 2), rgba: new Uint32Array(pixels.buffer.slice(0)) };
      this._sprites[key] = sprite;
      return sprite;
    },
    _path: function (ctx, i, shift, v, kind, fill) {
      var spec = this.data.spec, xy = this.data.xy;
      ctx.beginPath();
      for (var r = spec.parts[i]; r < spec.parts[i + 1]; r++) {
        for (var q = spec.rings[r]; q < spec.rings[r + 1]; q++) {
          var x = (xy[2 * q] + shift) * v.scale - v.ox, y = xy[2 * q + 1] * v.scale - v.oy;
          if (q === spec.rings[r]) { ctx.moveTo(x, y); } else { ctx.lineTo(x, y); }
        }
        if (kind === "polygon") { ctx.closePath(); }
      }
      if (kind === "polygon" && fill) { ctx.fill("evenodd"); }
      ctx.stroke();
    },
    /* sets the style for lines and polygons of one status; returns whether polygons are filled */
    _pathStyle: function (ctx, wanted) {
      var spec = this.data.spec, color = wanted === 1 ? spec.color : spec.former_color;
      if (spec.style) {
        ctx.fillStyle = spec.style.fill;
        ctx.strokeStyle = spec.style.stroke;
        ctx.lineWidth = spec.style.width;
        ctx.setLineDash(spec.style.dash || []);
        return spec.style.fill !== "rgba(0, 0, 0, 0)";
      }
      ctx.strokeStyle = color;
      ctx.fillStyle = hexToRgba(color, wanted === 1 ? 0.3 : 0.12);
      ctx.lineWidth = spec.kind === "line" ? 3 : 1.5;
      ctx.setLineDash(wanted === 1 ? [] : [5, 4]);
      return true;
    },
    /* a point's mark, drawn once per status and pixel ratio */
    _sprite: function (wanted, ratio, shrink) {
      var spec = this.data.spec, r = (wanted === 1 ? POINT_RADIUS : POINT_RADIUS - 1) * (shrink || 1);
      var size = Math.ceil((2 * r + 4) * ratio) | 1;  /* odd: the point sits on the centre pixel */
      var canvas = document.createElement("canvas");
      canvas.width = canvas.height = size;
      var c = canvas.getContext("2d");
      c.beginPath();
      c.arc(size / 2, size / 2, r * ratio, 0, 2 * Math.PI);
      c.fillStyle = wanted === 1 ? spec.color : hexToRgba(spec.former_color, 0.55);
      c.fill();
      c.lineWidth = 1.5 * ratio;
      c.strokeStyle = wanted === 1 ? "#ffffff" : spec.color;
      c.stroke();
      return canvas;
    },
    /* labels beside points; active ones first, and none over another (simple decluttering) */
    _drawLabels: function (ctx, v) {
      var data = this.data, app = this.app, items = [];
      for (var i = 0; i < data.n && items.length <= 400; i++) {
        if (data.status[i] === 0) { continue; }
        var shifts = this._shifts(i, v);
        for (var s = 0; s < shifts.length; s++) { items.push([i, shifts[s]]); }
      }
      if (items.length > 400) { return; }
      items.sort(function (a, b) { return data.status[a[0]] - data.status[b[0]]; });
      ctx.font = "600 12px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
      ctx.textBaseline = "middle";
      ctx.lineJoin = "round";
      var taken = [];
      for (var k = 0; k < items.length; k++) {
        var j = items[k][0], b = data.box;
        var x = ((b[4 * j] + b[4 * j + 2]) / 2 + items[k][1]) * v.scale - v.ox + POINT_RADIUS + 3;
        var y = ((b[4 * j + 1] + b[4 * j + 3]) / 2) * v.scale - v.oy;
        var text = data.label(j, app.year, app.lang);
        var box = [x, y - 8, x + ctx.measureText(text).width, y + 8];
        if (taken.some(function (t) { return box[0] < t[2] && t[0] < box[2] && box[1] < t[3] && t[1] < box[3]; })) {
          continue;
        }
        taken.push(box);
        ctx.lineWidth = 3;
        ctx.strokeStyle = "rgba(255,255,255,0.9)";
        ctx.strokeText(text, x, y);
        ctx.fillStyle = data.status[j] === 1 ? "#222222" : "#6b6b6b";
        ctx.fillText(text, x, y);
      }
    },
    /* a ring round each flagged, drawn feature: renamed this year, or changed between compared years */
    _drawRings: function (ctx, v, flags, color) {
      if (!flags) { return; }
      var data = this.data, xy = data.xy;
      ctx.save();
      ctx.strokeStyle = color;
      ctx.lineWidth = 3;
      ctx.fillStyle = "rgba(0,0,0,0)";
      for (var i = 0; i < data.n; i++) {
        if (!flags[i] || data.status[i] === 0) { continue; }
        var shifts = this._shifts(i, v);
        for (var s = 0; s < shifts.length; s++) {
          if (data.spec.kind === "point") {
            ctx.beginPath();
            ctx.arc((xy[2 * i] + shifts[s]) * v.scale - v.ox, xy[2 * i + 1] * v.scale - v.oy, POINT_RADIUS + 2.5, 0, 2 * Math.PI);
            ctx.stroke();
          } else {
            this._path(ctx, i, shifts[s], v, "line");
          }
        }
      }
      ctx.restore();
    },
    _drawSelection: function (ctx, v) {
      var sel = this.app.selected;
      if (!sel || sel.layer !== this || this.data.status[sel.index] === 0) { return; }
      var i = sel.index, shifts = this._shifts(i, v);
      ctx.save();
      ctx.strokeStyle = "#111111";
      ctx.lineWidth = 3;
      ctx.fillStyle = "rgba(0,0,0,0)";
      for (var s = 0; s < shifts.length; s++) {
        if (this.data.spec.kind === "point") {
          var xy = this.data.xy;
          ctx.beginPath();
          ctx.arc((xy[2 * i] + shifts[s]) * v.scale - v.ox, xy[2 * i + 1] * v.scale - v.oy,
            POINT_RADIUS + 3, 0, 2 * Math.PI);
          ctx.stroke();
        } else {
          this._path(ctx, i, shifts[s], v, "line");
        }
      }
      ctx.restore();
    },
    /* hit test at a layer point: indices of the drawn features there, top-most first */
    hits: function (layerPoint, firstOnly) {
      var out = [];
      if (!this._map) { return out; }
      var map = this._map, scale = Math.pow(2, map.getZoom()), origin = map.getPixelOrigin();
      var px = (layerPoint.x + origin.x) / scale, py = (layerPoint.y + origin.y) / scale;
      var data = this.data, b = data.box, tol = (POINT_RADIUS + 2) / scale;
      for (var i = data.n - 1; i >= 0; i--) {
        if (data.status[i] === 0) { continue; }
        for (var k = -1; k <= 1; k++) {
          var x = px - 256 * k;
          if (x < b[4 * i] - tol || x > b[4 * i + 2] + tol || py < b[4 * i + 1] - tol || py > b[4 * i + 3] + tol) {
            continue;
          }
          if (data.spec.kind === "point" || this._inside(i, x, py, tol)) {
            out.push(i);
            if (firstOnly) { return out; }
            break;
          }
        }
      }
      return out;
    },
    _inside: function (i, x, y, tol) {
      var spec = this.data.spec, xy = this.data.xy, inside = false;
      for (var r = spec.parts[i]; r < spec.parts[i + 1]; r++) {
        var a = spec.rings[r], z = spec.rings[r + 1];
        for (var q = a, p = z - 1; q < z; p = q++) {
          var xq = xy[2 * q], yq = xy[2 * q + 1], xp = xy[2 * p], yp = xy[2 * p + 1];
          if (spec.kind === "line") {
            if (q > a && segmentDistance(x, y, xp, yp, xq, yq) <= tol) { return true; }
          } else if ((yq > y) !== (yp > y) && x < (xp - xq) * (y - yq) / (yp - yq) + xq) {
            inside = !inside;
          }
        }
      }
      return inside;
    }
  });

  /* Web Mercator at zoom 0 (what map.project(latlng, 0) gives), written into out[at], out[at + 1] */
  function mercator(lon, lat, out, at) {
    var phi = Math.max(-85.0511287798, Math.min(85.0511287798, lat)) * Math.PI / 180;
    out[at] = 256 * (0.5 + lon / 360);
    out[at + 1] = 256 * (0.5 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / (2 * Math.PI));
  }

  /* "source over" of a sprite onto a non-premultiplied RGBA buffer (little-endian 0xAABBGGRR) */
  function stamp(buf, W, H, sprite, px, py, size) {
    var rgba = sprite.rgba;
    for (var sy = 0; sy < size; sy++) {
      var y = py + sy;
      if (y < 0 || y >= H) { continue; }
      var row = y * W, srow = sy * size;
      for (var sx = 0; sx < size; sx++) {
        var x = px + sx;
        if (x < 0 || x >= W) { continue; }
        var src = rgba[srow + sx], a = src >>> 24;
        if (a === 0) { continue; }
        var at = row + x, dst = buf[at];
        if (a === 255 || dst === 0) { buf[at] = src; continue; }
        buf[at] = blend(src, a, dst);
      }
    }
  }

  function blend(src, a, dst) {
    var da = dst >>> 24, sa = a / 255, oa = sa + (da / 255) * (1 - sa), k = (da / 255) * (1 - sa);
    var r = ((src & 255) * sa + (dst & 255) * k) / oa;
    var g = (((src >>> 8) & 255) * sa + ((dst >>> 8) & 255) * k) / oa;
    var b = (((src >>> 16) & 255) * sa + ((dst >>> 16) & 255) * k) / oa;
    return ((Math.round(oa * 255) << 24) | (Math.round(b) << 16) | (Math.round(g) << 8) | Math.round(r)) >>> 0;
  }

  function segmentDistance(x, y, x1, y1, x2, y2) {
    var dx = x2 - x1, dy = y2 - y1, len = dx * dx + dy * dy;
    var t = len ? Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / len)) : 0;
    var ex = x1 + t * dx - x, ey = y1 + t * dy - y;
    return Math.sqrt(ex * ex + ey * ey);
  }

  function hexToRgba(hex, alpha) {
    var v = parseInt(hex.slice(1), 16);
    return "rgba(" + ((v >> 16) & 255) + "," + ((v >> 8) & 255) + "," + (v & 255) + "," + alpha + ")";
  }

  /* the bundled outline map: flat rings drawn as one polygon "feature" per ring */
  function basemapLayer(map, rings, pane, style) {
    var n = rings.rings.length - 1, parts = [], start = [], end = [], ids = [];
    for (var i = 0; i <= n; i++) { parts.push(i); }
    for (var k = 0; k < n; k++) { start.push(-1e9); end.push(null); ids.push(String(k)); }
    var spec = { id: pane, kind: "polygon", ids: ids, start: start, end: end, coords: rings.coords,
      rings: rings.rings, parts: parts, names: {}, info: [], style: style };
    var data = new LayerData(spec, map);
    data.setYear(0, false);
    return new MapgenLayer(data, null, { pane: pane, padding: 0.1, interactive: false });
  }

  /* put an element on the map as a control whose clicks and scrolls stay its own */
  function addControl(map, element, position) {
    var Control = L.Control.extend({
      options: { position: position },
      onAdd: function () {
        L.DomEvent.disableClickPropagation(element);
        L.DomEvent.disableScrollPropagation(element);
        return element;
      }
    });
    new Control().addTo(map);
    return element;
  }

  window.MapgenInternals = { basemapLayer: basemapLayer, normalize: normalize, addControl: addControl, LayerData: LayerData, MapgenLayer: MapgenLayer, el: el,
    escapeHtml: escapeHtml, UI: UI, HTTP_URL: HTTP_URL, readData: readData };
})();
