/* mapgen: popup content as DOM nodes. Data text only through textContent; only http(s) links. */
(function () {
  "use strict";

  var M = window.MapgenInternals, el = M.el;

  function dateText(iso, note, t) {
    return note ? iso + " (" + (t[note] || note) + ")" : iso;
  }

  function sourceList(sources) {
    var list = el("ul", "mapgen-sources");
    sources.forEach(function (source) {
      var item = el("li");
      if (M.HTTP_URL.test(source[1])) {
        var link = el("a", null, source[0]);
        link.href = source[1];
        link.target = "_blank";
        link.rel = "noopener noreferrer";
        item.appendChild(link);
      } else {
        item.textContent = source[0];
      }
      list.appendChild(item);
    });
    return list;
  }

  function section(root, title, body) {
    root.appendChild(el("h4", null, title));
    root.appendChild(body);
  }

  function details(info, t) {
    var dl = el("dl", "mapgen-details");
    [["place", t.place], ["kind", t.kind], ["erected_by", t.erectedBy], ["precision", t.precision]]
      .forEach(function (pair) {
        if (!info[pair[0]]) { return; }
        dl.appendChild(el("dt", null, pair[1]));
        dl.appendChild(el("dd", null, info[pair[0]]));
      });
    return dl;
  }

  function namesList(names, year, lang) {
    var list = el("ol", "mapgen-names");
    names.forEach(function (nm) {
      var span = (nm[2] === null ? "…" : nm[2]) + "–" + (nm[3] === null ? "" : nm[3]);
      var item = el("li", null, ((lang === "ru" && nm[1]) || nm[0]) + " — " + span);
      if ((nm[2] === null || nm[2] <= year) && (nm[3] === null || year < nm[3])) {
        item.className = "mapgen-current";
      }
      list.appendChild(item);
    });
    return list;
  }

  function eventsList(events, lang) {
    var list = el("ul", "mapgen-events");
    events.forEach(function (ev) {
      var item = el("li");
      item.appendChild(el("strong", null, ev[0]));
      item.appendChild(document.createTextNode(" " + ((lang === "ru" && ev[2]) || ev[1])));
      if (ev[3].length) { item.appendChild(sourceList(ev[3])); }
      list.appendChild(item);
    });
    return list;
  }

  function prisonersTable(counts) {
    var table = el("table", "mapgen-prisoners");
    Object.keys(counts).sort().forEach(function (year) {
      var row = el("tr");
      row.appendChild(el("th", null, year));
      var value = counts[year];
      row.appendChild(el("td", null, value === null ? "—" : Number(value).toLocaleString("en-US")));
      table.appendChild(row);
    });
    return table;
  }

  function build(data, i, year, lang, t) {
    var info = data.spec.info[i], root = el("div", "mapgen-popup");
    root.setAttribute("data-feature", data.spec.ids[i]);
    root.appendChild(el("h3", "mapgen-popup-title", data.label(i, year, lang)));
    var status = data.status[i] === 1 ? t.active : data.status[i] === 2 ? t.formerStatus : t.notYet;
    root.appendChild(el("p", "mapgen-status mapgen-status-" + status.replace(/\s/g, "-"),
      ((lang === "ru" && data.spec.title_ru) || data.spec.title) + " · " + year + ": " + status));
    var dates = dateText(info.start, info.start_note, t) + " – " +
      (info.end ? dateText(info.end, info.end_note, t) : t.today);
    root.appendChild(el("p", "mapgen-dates", dates));
    root.appendChild(el("p", "mapgen-description", (lang === "ru" && info.description_ru) || info.description));
    root.appendChild(details(info, t));
    var names = data.spec.names[String(i)];
    if (names) { section(root, t.names, namesList(names, year, lang)); }
    if (info.events) { section(root, t.events, eventsList(info.events, lang)); }
    if (info.prisoners) { section(root, t.prisoners, prisonersTable(info.prisoners)); }
    section(root, t.sources, sourceList(info.sources));
    return root;
  }

  window.MapgenPopup = { build: build };
})();
