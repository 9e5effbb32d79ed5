/* mapgen: a host page drives the map in its iframe through postMessage, and hears the year back.
 *
 * In:  {type: "mapgen:setYear", year: 1961}
 *      {type: "mapgen:setLayers", layers: ["monuments", "renamed"]}
 *      {type: "mapgen:flyTo", layer: "monuments", id: "gori-statue", zoom: 8}   (zoom optional)
 *      {type: "mapgen:setShowFormer", show: false}
 * Out: {type: "mapgen:ready", year, layers} once, then {type: "mapgen:year", year} on every change.
 * Only messages from the parent window are obeyed; their values are checked, never evaluated.
 */
(function () {
  "use strict";

  function install(app) {
    var parent = window.parent;
    if (!parent || parent === window) { return; }

    function send(message) {
      try { parent.postMessage(message, "*"); } catch (err) { /* the host may be gone */ }
    }

    window.addEventListener("message", function (event) {
      var m = event.data;
      if (event.source !== parent || !m || typeof m !== "object" || typeof m.type !== "string") { return; }
      if (m.type === "mapgen:setYear" && typeof m.year === "number") {
        app.setYear(m.year);
      } else if (m.type === "mapgen:setLayers" && Array.isArray(m.layers)) {
        app.setLayers(m.layers.filter(function (id) { return typeof id === "string"; }));
      } else if (m.type === "mapgen:flyTo" && typeof m.layer === "string" && typeof m.id === "string") {
        app.flyToFeature(m.layer, m.id, typeof m.zoom === "number" ? m.zoom : null);
      } else if (m.type === "mapgen:setShowFormer" && typeof m.show === "boolean") {
        app.setShowFormer(m.show);
      }
    });
    app.listeners.push(function (year) { send({ type: "mapgen:year", year: year }); });
    send({ type: "mapgen:ready", year: app.year, layers: app.visibleLayerIds() });
  }

  window.MapgenBridge = { install: install };
})();
