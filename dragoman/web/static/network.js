/* The actor network: a small force layout computed once (deterministic start on a circle), arrows
   for direction, width for the number of events, labels shortened to fit; a node opens its events,
   an edge the pair's timeline. */
"use strict";

(() => {
  const { el, svg, clear, api, navigate } = dragoman;

  function layout(nodes, edges, size) {
    const pos = new Map();
    nodes.forEach((n, i) => {
      const angle = (2 * Math.PI * i) / nodes.length;
      pos.set(n.id, { x: size / 2 + (size / 3) * Math.cos(angle), y: size / 2 + (size / 3) * Math.sin(angle), dx: 0, dy: 0 });
    });
    const k = Math.sqrt((size * size) / Math.max(1, nodes.length)) * 0.9;
    for (let step = 0; step < 300; step += 1) {
      const heat = (size / 10) * (1 - step / 300) + 1;
      for (const a of pos.values()) { a.dx = 0; a.dy = 0; }
      const list = [...pos.values()];
      for (let i = 0; i < list.length; i += 1) for (let j = i + 1; j < list.length; j += 1) {
        const a = list[i], b = list[j];
        const dx = a.x - b.x || 0.01, dy = a.y - b.y || 0.01, dist = Math.max(1, Math.hypot(dx, dy));
        const force = (k * k) / dist;
        a.dx += (dx / dist) * force; a.dy += (dy / dist) * force; b.dx -= (dx / dist) * force; b.dy -= (dy / dist) * force;
      }
      for (const e of edges) {
        const a = pos.get(e.source), b = pos.get(e.target);
        if (!a || !b) continue;
        const dx = a.x - b.x, dy = a.y - b.y, dist = Math.max(1, Math.hypot(dx, dy));
        const force = (dist * dist) / k;
        a.dx -= (dx / dist) * force; a.dy -= (dy / dist) * force; b.dx += (dx / dist) * force; b.dy += (dy / dist) * force;
      }
      for (const a of list) {
        a.dx += (size / 2 - a.x) * 0.02 * k; a.dy += (size / 2 - a.y) * 0.02 * k;  // gravity keeps loose parts near
        const d = Math.max(1, Math.hypot(a.dx, a.dy));
        a.x += (a.dx / d) * Math.min(d, heat); a.y += (a.dy / d) * Math.min(d, heat);
      }
    }
    return pos;
  }

  const short = (label, n) => (label.length > n ? `${label.slice(0, n - 1)}…` : label);

  dragoman.loadNetwork = async function loadNetwork(p) {
    const f = document.getElementById("network-form");
    dragoman.fillForm(f, p);
    const box = clear(document.getElementById("network"));
    if (!dragoman.validate(f, ["nsince", "nuntil"])) return;
    const params = { since: p.nsince, until: p.nuntil, countries: p.nscope !== "actors" };
    for (const fmt of ["graphml", "gexf"]) {
      const url = new URL("/api/network", window.location.origin);
      url.searchParams.set("format", fmt);
      for (const [key, value] of Object.entries(params)) if (value) url.searchParams.set(key, value);
      document.getElementById(`net-${fmt}`).href = url.pathname + url.search;
    }
    box.append(el("p", { class: "muted loading", text: "Loading the network…" }));
    let data;
    try { data = await api("/api/network", params); } catch (err) {
      dragoman.showError(err, f, box, { since: "nsince", until: "nuntil" });
      return;
    }
    clear(box);
    if (!data.nodes.length) { box.append(el("p", { class: "empty", text: "No events in this time window." })); return; }
    const nodes = data.nodes.slice().sort((a, b) => b.n_events - a.n_events || String(a.id).localeCompare(String(b.id))).slice(0, 40);
    const kept = new Set(nodes.map((n) => n.id));
    const edges = data.edges.filter((e) => kept.has(e.source) && kept.has(e.target) && e.source !== e.target);
    const size = 600;
    const pos = layout(nodes, edges, size);
    const xs = [...pos.values()].map((v) => v.x), ys = [...pos.values()].map((v) => v.y);
    const pad = 80, minX = Math.min(...xs) - pad, minY = Math.min(...ys) - 30, w = Math.max(...xs) - minX + pad, h = Math.max(...ys) - minY + 50;
    const graph = svg("svg", { viewBox: `${minX} ${minY} ${w} ${h}`, role: "group", "aria-label": "actor network; choose a node or an edge for its events" });
    const defs = svg("defs");
    for (const kind of ["coop", "conflict"]) {
      defs.append(svg("marker", { id: `arrow-${kind}`, viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 11, markerHeight: 11, markerUnits: "userSpaceOnUse", orient: "auto-start-reverse" },
        svg("path", { d: "M0,0 L10,5 L0,10 z", class: `arrow ${kind}` })));
    }
    graph.append(defs);
    const radius = (n) => 5 + Math.sqrt(n.n_events) * 2.5;
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const maxWeight = Math.max(1, ...edges.map((e) => e.weight));
    const pairs = new Set(edges.map((e) => `${e.source}\u0000${e.target}`));
    for (const edge of edges) {
      const a = pos.get(edge.source), b = pos.get(edge.target);
      const dx = b.x - a.x, dy = b.y - a.y, dist = Math.max(1, Math.hypot(dx, dy));
      const back = pairs.has(`${edge.target}\u0000${edge.source}`);
      const bend = back ? 18 : 0;  // two directions of one pair curve apart
      const nx = -dy / dist, ny = dx / dist;
      const ra = radius(byId.get(edge.source)), rb = radius(byId.get(edge.target)) + 3;
      const x1 = a.x + (dx / dist) * ra, y1 = a.y + (dy / dist) * ra, x2 = b.x - (dx / dist) * rb, y2 = b.y - (dy / dist) * rb;
      const cx = (x1 + x2) / 2 + nx * bend, cy = (y1 + y2) / 2 + ny * bend;
      const kind = edge.score >= 0 ? "coop" : "conflict";
      const path = svg("path", { d: `M${x1},${y1} Q${cx},${cy} ${x2},${y2}`, class: `edge ${kind}`, "stroke-width": 1.2 + (5 * edge.weight) / maxWeight,
        "marker-end": `url(#arrow-${kind})`, tabindex: 0, role: "link", "data-source": edge.source, "data-target": edge.target,
        "aria-label": `${edge.source} to ${edge.target}: ${edge.weight} events, score ${dragoman.round(edge.score)}` });
      path.append(svg("title", { text: `${edge.source} → ${edge.target}: ${edge.weight} events, score ${dragoman.round(edge.score)}` }));
      const go = () => navigate({ view: "timeline", a: edge.source, b: edge.target, scope: p.nscope === "actors" ? "states" : "", since: p.nsince, until: p.nuntil, period: "" });
      path.addEventListener("click", go);
      path.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); go(); } });
      graph.append(path);
      if (edge.weight > 1) graph.append(svg("text", { x: cx, y: cy - 3, class: "weight", "text-anchor": "middle", text: String(edge.weight) }));
    }
    for (const node of nodes) {
      const at = pos.get(node.id);
      const group = svg("g", { class: "node", tabindex: 0, role: "link", "data-id": node.id, "aria-label": `${node.label}: ${node.n_events} events` });
      group.append(svg("circle", { cx: at.x, cy: at.y, r: radius(node) }));
      group.append(svg("text", { x: at.x, y: at.y + radius(node) + 13, "text-anchor": "middle", text: short(String(node.label || node.id), 22) }));
      group.append(svg("title", { text: `${node.label} (${node.id}): ${node.n_events} events` }));
      const go = () => navigate({ view: "events", eactor: node.id, ecountries: p.nscope === "actors" ? "" : "1", efrom: p.nsince, eto: p.nuntil, epage: "" });
      group.addEventListener("click", go);
      group.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); go(); } });
      graph.append(group);
    }
    box.append(graph);
    box.append(el("p", { class: "legend" },
      el("span", {}, el("span", { class: "swatch q1" }), "cooperative on balance"), el("span", {}, el("span", { class: "swatch q4" }), "conflictual on balance"),
      el("span", { text: `Arrows point from actor to recipient; thicker lines and the numbers on them are more events. ${data.nodes.length} actors${data.nodes.length > nodes.length ? ` (the ${nodes.length} most active drawn)` : ""}, ${data.edges.length} directed edges. Choose a node for its events, an edge for the pair's timeline.` })));
  };
})();
