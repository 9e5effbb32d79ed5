/* mapgen: the "About this map" panel — data version, per-layer sources and licences, citation. */
(function () {
  "use strict";

  var M = window.MapgenInternals, el = M.el;

  function citation(app) {
    var map = app.data.map, title = (app.lang === "ru" && map.title_ru) || map.title;
    return title + ", " + M.UI[app.lang].viewOf + " " + app.year + ". " + M.UI[app.lang].version + " " +
      map.version + " (" + map.generator + "). " + window.location.href;
  }

  function layerSection(spec, lang, t) {
    var box = el("section", "mapgen-about-layer");
    var heading = el("h3");
    heading.appendChild(el("span", "mapgen-swatch")).style.background = spec.color;
    heading.appendChild(document.createTextNode(((lang === "ru" && spec.title_ru) || spec.title) +
      " (" + spec.ids.length + " " + t.features + ")"));
    box.appendChild(heading);
    var description = (lang === "ru" && spec.description_ru) || spec.description;
    if (description) { box.appendChild(el("p", null, description)); }
    if (spec.license) { box.appendChild(el("p", "mapgen-about-licence", t.licence + ": " + spec.license)); }
    if (spec.source_sites.length) {
      box.appendChild(el("p", "mapgen-about-sites", t.cited + ": " + spec.source_sites.map(function (s) {
        return s[0] + " (" + s[1] + ")";
      }).join(", ")));
    }
    return box;
  }

  function install(app) {
    var t = M.UI[app.lang], panel = el("div", "mapgen-about");
    var button = el("button", "mapgen-about-button", "i");
    button.type = "button";
    button.title = t.about;
    button.setAttribute("aria-label", t.about);
    button.setAttribute("aria-expanded", "false");
    panel.id = "mapgen-about-panel";
    panel.hidden = true;
    panel.setAttribute("role", "dialog");
    panel.setAttribute("aria-label", t.about);
    button.setAttribute("aria-controls", panel.id);
    var close = el("button", "mapgen-about-close", "\u00D7");
    close.type = "button";
    close.setAttribute("aria-label", t.close);
    panel.appendChild(close);
    panel.appendChild(el("h2", null, t.about));
    var map = app.data.map;
    panel.appendChild(el("p", "mapgen-about-version", t.version + " " + map.version + " · " + map.generator));
    app.data.layers.slice().reverse().forEach(function (spec) { panel.appendChild(layerSection(spec, app.lang, t)); });
    panel.appendChild(el("p", "mapgen-about-base", t.base));
    panel.appendChild(el("h3", null, t.cite));
    var cite = el("p", "mapgen-citation");
    var copy = el("button", "mapgen-copy", t.copy);
    copy.type = "button";
    panel.appendChild(cite);
    panel.appendChild(copy);

    function refresh() { cite.textContent = citation(app); }
    function toggle(open) {
      panel.hidden = !open;
      button.setAttribute("aria-expanded", open ? "true" : "false");
      if (open) { refresh(); close.focus(); } else { button.focus(); }
    }
    button.addEventListener("click", function () { toggle(panel.hidden); });
    close.addEventListener("click", function () { toggle(false); });
    panel.addEventListener("keydown", function (e) { if (e.key === "Escape") { toggle(false); } });
    copy.addEventListener("click", function () {
      var done = function () { copy.textContent = t.copied; };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(cite.textContent).then(done, function () { selectText(cite); });
      } else { selectText(cite); }
    });
    app.listeners.push(function () { if (!panel.hidden) { refresh(); } });
    app.map.on("moveend", function () { if (!panel.hidden) { refresh(); } });

    var box = el("div", "mapgen-about-control leaflet-bar");
    var language = el("button", "mapgen-language", t.language);
    language.type = "button";
    language.lang = t.languageCode;
    language.addEventListener("click", function () { app.setLanguage(t.languageCode); });
    box.appendChild(language);
    box.appendChild(button);
    box.appendChild(panel);
    M.addControl(app.map, box, "topright");
    return { citation: function () { return citation(app); } };
  }

  function selectText(node) {
    var range = document.createRange();
    range.selectNodeContents(node);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  window.MapgenAbout = { install: install };
})();
