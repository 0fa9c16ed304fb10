/* dragoman dashboard: the map of located events. A bundled low-resolution world layer
   (world-110m.json: Natural Earth 1:110m countries as TopoJSON from the npm package world-atlas
   2.0.2, licence in world-110m.LICENSE.txt), decoded here and drawn as SVG in an
   equirectangular projection: no tile server, nothing fetched from elsewhere. One circle per
   place; clicking it lists its events with the words that place them, each opening its evidence.
   Stored text reaches the page through textContent only. */
"use strict";

(function () {
  const NS = "http://www.w3.org/2000/svg";
  const WIDTH = 960;
  const HEIGHT = 480;
  const map = { world: null, places: [], period: { from: "", to: "" } };

  function project(lon, lat) {
    return [((lon + 180) / 360) * WIDTH, ((90 - lat) / 180) * HEIGHT];
  }

  function node(tag, attrs, text) {
    const element = tag.startsWith("svg:") ? document.createElementNS(NS, tag.slice(4)) : document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) element.setAttribute(key, value);
    if (text !== undefined) element.textContent = text;
    return element;
  }

  function ringPath(ring) {
    let d = "";
    let previous = null;
    let crossed = false;
    for (const [lon, lat] of ring) {
      const [x, y] = project(lon, lat);
      // a jump across the antimeridian starts a new stroke instead of a line across the map
      const jump = previous !== null && Math.abs(lon - previous) > 180;
      crossed = crossed || jump;
      d += `${!d || jump ? "M" : "L"}${x.toFixed(1)},${y.toFixed(1)}`;
      previous = lon;
    }
    return crossed ? d : d + "Z";
  }

  function countryPath(country) {
    return country.polygons.map((polygon) => polygon.map(ringPath).join("")).join("");
  }

  /* TopoJSON: shared arcs, quantised and delta-encoded; a negative index (~i) is arc i reversed. */
  function decodeArcs(topology) {
    const [kx, ky] = topology.transform.scale;
    const [dx, dy] = topology.transform.translate;
    return topology.arcs.map((arc) => {
      let x = 0;
      let y = 0;
      return arc.map(([qx, qy]) => { x += qx; y += qy; return [x * kx + dx, y * ky + dy]; });
    });
  }

  function ring(arcs, indexes) {
    const points = [];
    for (const index of indexes) {
      const arc = index >= 0 ? arcs[index] : arcs[~index].slice().reverse();
      points.push(...(points.length ? arc.slice(1) : arc));
    }
    return points;
  }

  function countries(topology) {
    const arcs = decodeArcs(topology);
    return topology.objects.countries.geometries.map((g) => {
      const polygons = g.type === "Polygon" ? [g.arcs] : g.type === "MultiPolygon" ? g.arcs : [];
      return { name: (g.properties && g.properties.name) || "", polygons: polygons.map((p) => p.map((r) => ring(arcs, r))) };
    });
  }

  async function world() {
    if (map.world) return map.world;
    const response = await fetch("/static/world-110m.json");
    if (!response.ok) throw new Error(`world layer: HTTP ${response.status}`);
    map.world = countries(await response.json());
    return map.world;
  }

  function byPlace(features) {
    const places = new Map();
    for (const feature of features) {
      const [lon, lat] = feature.geometry.coordinates;
      const key = `${lon},${lat}`;
      if (!places.has(key)) places.set(key, { lon, lat, name: feature.properties.location_name, country: feature.properties.location_country, events: [] });
      places.get(key).events.push(feature);
    }
    return [...places.values()];
  }

  function evidence(properties) {
    const item = node("li", { class: "map-event", "data-id": properties.id });
    const head = node("div", { class: "map-event-head" });
    head.append(node("strong", {}, properties.type || ""), document.createTextNode(` ${properties.date || "undated"} · ${(properties.actors || []).join(", ")}`));
    if ((properties.recipients || []).length) head.append(document.createTextNode(` → ${properties.recipients.join(", ")}`));
    if (properties.location_basis === "dateline") head.append(node("em", {}, " (place from the dateline)"));
    if (properties.location_basis === "context") head.append(node("em", {}, ` (place from the sentence before: ${properties.location_text || ""})`));
    const sentence = node("p", { class: "map-sentence" });
    const text = properties.sentence || "";
    const from = (properties.location_start ?? -1) - (properties.start ?? 0);
    const to = (properties.location_end ?? -1) - (properties.start ?? 0);
    if (properties.location_basis === "clause" && from >= 0 && to <= text.length && from < to) {
      sentence.append(document.createTextNode(text.slice(0, from)), node("mark", {}, text.slice(from, to)), document.createTextNode(text.slice(to)));
    } else {
      sentence.textContent = text;
    }
    const open = node("button", { type: "button", class: "map-open" }, "open evidence");
    open.addEventListener("click", () => {
      dragoman.openEvidence(properties.doc_id, properties.id);
    });
    item.append(head, sentence, open);
    return item;
  }

  /* The Events table filtered to this place: its country and a box around its point, in the map's period. */
  function tableLink(place) {
    const point = `${place.lon},${place.lat}`;
    const n = place.events.length;
    return dragoman.link(
      { view: "events", eplace: place.country || "", ebox: `${point},${point}`, efrom: map.period.from, eto: map.period.to },
      `Show ${n === 1 ? "this event" : `these ${n} events`} in the Events table →`,
      { id: "map-table-link" },
    );
  }

  function showPlace(place) {
    const list = document.getElementById("map-events");
    while (list.firstChild) list.removeChild(list.firstChild);
    const title = `${place.name}${place.country ? ` (${place.country})` : ""}: ${place.events.length} event${place.events.length === 1 ? "" : "s"}`;
    const more = node("p", {});
    more.append(tableLink(place));
    list.append(node("h3", { id: "map-place" }, title), more);
    const items = node("ul", {});
    for (const feature of place.events) items.append(evidence(feature.properties));
    list.append(items);
    for (const circle of document.querySelectorAll("#map svg circle")) circle.classList.toggle("selected", circle.dataset.key === `${place.lon},${place.lat}`);
  }

  function draw(countries, places) {
    const holder = document.getElementById("map");
    while (holder.firstChild) holder.removeChild(holder.firstChild);
    const svgRoot = node("svg:svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "img", "aria-label": "map of located events" });
    svgRoot.append(node("svg:rect", { class: "map-sea", x: 0, y: 0, width: WIDTH, height: HEIGHT }));
    for (const country of countries) {
      const path = node("svg:path", { class: "map-country", d: countryPath(country) });
      path.append(node("svg:title", {}, country.name));
      svgRoot.append(path);
    }
    for (const place of places) {
      const [x, y] = project(place.lon, place.lat);
      const circle = node("svg:circle", { class: "map-point", cx: x.toFixed(1), cy: y.toFixed(1), r: (3 + 2 * Math.sqrt(place.events.length)).toFixed(1), tabindex: 0 });
      circle.dataset.key = `${place.lon},${place.lat}`;
      circle.append(node("svg:title", {}, `${place.name}: ${place.events.length}`));
      circle.addEventListener("click", () => showPlace(place));
      circle.addEventListener("keydown", (e) => { if (e.key === "Enter") showPlace(place); });
      svgRoot.append(circle);
    }
    holder.append(svgRoot);
  }

  function status(message) {
    const line = document.getElementById("status");
    if (line) line.textContent = message || "";
  }

  /* The period: the map's own dates (mfrom, mto in the URL), else the timeline's (since, until). */
  function period(params) {
    return { from: params.mfrom || params.since || "", to: params.mto || params.until || "" };
  }

  async function load(params) {
    const form = document.getElementById("map-form");
    dragoman.fillForm(form, params);
    map.period = period(params);
    form.elements.mfrom.placeholder = params.mfrom ? "YYYY-MM-DD" : map.period.from || "YYYY-MM-DD";
    form.elements.mto.placeholder = params.mto ? "YYYY-MM-DD" : map.period.to || "YYYY-MM-DD";
    const note = document.getElementById("map-summary");
    note.textContent = "";
    if (!dragoman.validate(form, ["mfrom", "mto"])) return;
    status("loading map…");
    let body;
    const asked = dragoman.api("/api/locations", {
      format: "geojson", page_size: 500, date_from: map.period.from, date_to: map.period.to, country: params.mcountry,
    });
    const [countries] = await Promise.all([world(), asked.then((b) => { body = b; }).catch((err) => {
      dragoman.showError(err, form, note, { date_from: "mfrom", date_to: "mto", country: "mcountry" });
    })]);
    if (!body) { status(""); return; }
    map.places = byPlace(body.features || []);
    draw(countries, map.places);
    const list = document.getElementById("map-events");
    while (list.firstChild) list.removeChild(list.firstChild);
    const inherited = (!params.mfrom && params.since) || (!params.mto && params.until) ? " (the timeline's period)" : "";
    const span = map.period.from || map.period.to ? `, ${map.period.from || "the start"} to ${map.period.to || "the end"}${inherited}` : "";
    note.textContent = `${body.total} located event report${body.total === 1 ? "" : "s"} at ${map.places.length} place${map.places.length === 1 ? "" : "s"}${span}${body.total > 500 ? " (the first 500 shown)" : ""}`;
    document.getElementById("map").dataset.ready = "1";
    status("");
  }

  // A view of the dashboard like the others: a tab, a URL (?view=map&mfrom=…&mto=…&mcountry=…), loaded when
  // shown; its form is read into the URL by the router, so reload and Back keep the dates and country.
  dragoman.registerView({ name: "map", title: "Map", load, form: "map" });
})();
