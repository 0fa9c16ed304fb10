/* dragoman dashboard: plain JavaScript, no dependencies, nothing fetched from elsewhere.
   Every piece of stored text reaches the page through textContent or text nodes, never innerHTML. */
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const QUADS = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };
const QKEYS = { 1: "verbal_coop", 2: "material_coop", 3: "verbal_conflict", 4: "material_conflict" };
const state = { meta: null, dyad: null, doc: null, focus: null, pages: {} };

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (key === "class") node.setAttribute("class", value);
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, String(value));
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

function status(message) { document.getElementById("status").textContent = message || ""; }

async function api(path, params) {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(params || {})) {
    if (value !== "" && value !== null && value !== undefined && value !== false) url.searchParams.set(key, value);
  }
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(describe(body, response.status));
  return body;
}

function describe(body, code) {
  if (typeof body.detail === "string") return body.detail;
  if (Array.isArray(body.detail)) return body.detail.map((d) => `${(d.loc || []).slice(-1)}: ${d.msg}`).join("; ");
  return `request failed (${code})`;
}

function actorNames(list) { return (list || []).map((a) => a.name || a.actor_id || a.country || "?").join(", "); }
function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }

/* ---------- tabs ---------- */
function showTab(name) {
  for (const button of document.querySelectorAll("#tabs button")) button.classList.toggle("active", button.dataset.tab === name);
  for (const pane of document.querySelectorAll(".tab")) pane.classList.toggle("active", pane.id === `tab-${name}`);
  const loaders = { network: loadNetwork, events: () => loadEvents(1), quotes: () => loadQuotes(1), disputes: loadDisputes };
  if (loaders[name]) loaders[name]().catch((e) => status(e.message));
}

/* ---------- timeline ---------- */
async function loadActors() {
  const countries = document.getElementById("countries").checked;
  const data = await api("/api/actors", { countries });
  for (const id of ["actor-a", "actor-b"]) {
    const select = clear(document.getElementById(id));
    for (const actor of data.items) {
      select.append(el("option", { value: actor.key, text: `${actor.name} (${actor.key}) · ${actor.n_events}` }));
    }
  }
  if (data.items.length > 1) document.getElementById("actor-b").selectedIndex = 1;
}

async function showDyad(event) {
  if (event) event.preventDefault();
  const params = {
    a: document.getElementById("actor-a").value,
    b: document.getElementById("actor-b").value,
    by: document.getElementById("by").value,
    countries: document.getElementById("countries").checked,
  };
  if (!params.a || !params.b) { status("pick two actors"); return; }
  status("loading timeline…");
  state.dyad = await api("/api/dyad", params);
  drawChart(state.dyad);
  const d = state.dyad;
  document.getElementById("dyad-summary").textContent =
    `${d.n_events} events between ${d.a} and ${d.b}; ${d.n_unplaced} dated too coarsely for a ${d.by}. Click a bar for its events.`;
  clear(document.getElementById("period-events"));
  const busiest = d.periods.filter((p) => p.n_events).slice(-1)[0];
  if (busiest) showPeriod(busiest);
  status("");
}

function drawChart(dyad) {
  const box = clear(document.getElementById("chart"));
  const periods = dyad.periods;
  const width = 760, height = 300, left = 40, right = 40, top = 16, bottom = 46;
  const plotW = width - left - right, plotH = height - top - bottom;
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": `timeline ${dyad.a} ${dyad.b}` });
  if (!periods.length) {
    chart.append(svg("text", { x: width / 2, y: height / 2, "text-anchor": "middle", class: "tick", text: "no events between these actors" }));
    box.append(chart);
    return;
  }
  const maxCount = Math.max(1, ...periods.map((p) => p.n_events));
  const slot = plotW / periods.length, barW = Math.max(2, Math.min(48, slot * 0.7));
  chart.append(svg("line", { x1: left, y1: top + plotH, x2: left + plotW, y2: top + plotH, class: "axis" }));
  chart.append(svg("line", { x1: left, y1: top, x2: left, y2: top + plotH, class: "axis" }));
  for (const value of [0, Math.ceil(maxCount / 2), maxCount]) {
    const y = top + plotH - (value / maxCount) * plotH;
    chart.append(svg("text", { x: left - 6, y: y + 4, "text-anchor": "end", class: "tick", text: String(value) }));
  }
  for (const value of [-10, 0, 10]) {
    const y = top + plotH / 2 - (value / 10) * (plotH / 2);
    chart.append(svg("text", { x: left + plotW + 6, y: y + 4, class: "tick", text: (value > 0 ? "+" : "") + value }));
  }
  chart.append(svg("line", { x1: left, y1: top + plotH / 2, x2: left + plotW, y2: top + plotH / 2, class: "zero" }));
  const every = Math.max(1, Math.ceil(periods.length / 12));
  const points = [];
  periods.forEach((period, i) => {
    const x = left + i * slot + (slot - barW) / 2;
    let y = top + plotH;
    for (const quad of [1, 2, 3, 4]) {
      const count = period[QKEYS[quad]] || 0;
      if (!count) continue;
      const h = (count / maxCount) * plotH;
      y -= h;
      const rect = svg("rect", {
        x, y, width: barW, height: h, class: `bar q${quad}`, "data-period": period.period, tabindex: 0,
        onclick: () => showPeriod(period), onkeydown: (e) => { if (e.key === "Enter") showPeriod(period); },
      });
      rect.append(svg("title", { text: `${period.period}: ${count} ${QUADS[quad]}` }));
      chart.append(rect);
    }
    if (i % every === 0) {
      chart.append(svg("text", { x: left + i * slot + slot / 2, y: top + plotH + 16, "text-anchor": "middle", class: "tick", text: period.period }));
    }
    if (period.score !== null && period.score !== undefined) {
      points.push([left + i * slot + slot / 2, top + plotH / 2 - (period.score / 10) * (plotH / 2), period, i]);
    }
  });
  // the score line breaks over periods without events: no score is not a score of zero
  let run = [];
  const flush = () => {
    if (run.length > 1) chart.append(svg("polyline", { points: run.map((p) => `${p[0]},${p[1]}`).join(" "), class: "score-line" }));
    run = [];
  };
  for (const point of points) {
    if (run.length && point[3] !== run[run.length - 1][3] + 1) flush();
    run.push(point);
  }
  flush();
  for (const [x, y, period] of points) {
    const dot = svg("circle", { cx: x, cy: y, r: 3.5, class: "score-dot" });
    dot.append(svg("title", { text: `${period.period}: score ${period.score}` }));
    chart.append(dot);
  }
  chart.append(svg("text", { x: left, y: height - 6, class: "tick", text: "events per period (bars, left) · cooperation–conflict score −10…+10 (line, right)" }));
  box.append(chart);
  const legend = clear(document.getElementById("legend"));
  for (const quad of [1, 2, 3, 4]) legend.append(el("span", {}, el("span", { class: `swatch q${quad}` }), QUADS[quad]));
  legend.append(el("span", {}, el("span", { class: "swatch score" }), "score"));
}

function showPeriod(period) {
  for (const bar of document.querySelectorAll(".bar")) bar.classList.toggle("selected", bar.dataset.period === period.period);
  const box = clear(document.getElementById("period-events"));
  box.append(el("h3", { text: `${period.period}: ${period.n_events} events, score ${period.score ?? "–"}` }));
  for (const event of period.events) box.append(eventCard(event));
  if (period.events_truncated) box.append(el("p", { class: "muted", text: `…and ${period.n_events - period.events.length} more (see the Events tab)` }));
}

function eventCard(event) {
  const card = el("div", { class: "event-card", "data-event": event.event_id });
  const title = el("h4", {}, `${event.type} · ${actorNames(event.actors)} → ${actorNames(event.recipients)} · ${event.date || "undated"}`);
  if (event.corrected) title.append(el("span", { class: "badge corrected", text: "corrected" }));
  title.append(el("span", { class: "badge", text: `${event.n_mentions} report${event.n_mentions === 1 ? "" : "s"}` }));
  card.append(title);
  for (const m of event.mentions || []) {
    card.append(el("div", { class: "mention" },
      el("button", { type: "button", class: "evidence-btn", "data-mention": m.id, onclick: () => openDocument(m.doc_id, m.id), text: "evidence" }),
      el("span", { class: "src", text: `${m.publisher || m.title || m.doc_id}${m.published ? ", " + m.published : ""}` }),
      el("span", { text: m.sentence })));
  }
  return card;
}

/* ---------- document view with highlighted evidence ---------- */
async function openDocument(docId, focusId) {
  status("loading document…");
  const data = await api(`/api/documents/${encodeURIComponent(docId)}`);
  state.doc = data;
  state.focus = focusId || null;
  renderDocument();
  status("");
}

function renderDocument() {
  const data = state.doc;
  const view = document.getElementById("doc-view");
  view.hidden = false;
  const doc = data.document;
  document.getElementById("doc-title").textContent = doc.title || doc.path || doc.doc_id;
  document.getElementById("doc-meta").textContent = [doc.publisher, doc.published, doc.url].filter(Boolean).join(" · ");
  const spans = [];
  for (const e of data.events) spans.push({ start: e.start, end: e.end, id: e.id, kind: "ev", label: `${e.type}${e.reviewed ? " (" + e.review_verdict + ")" : ""}` });
  for (const q of data.quotes) spans.push({ start: q.content_start ?? q.start, end: q.content_end ?? q.end, id: q.id, kind: "quote", label: "quote" });
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const text = doc.text || "";
  const box = clear(document.getElementById("doc-text"));
  let pos = 0;
  for (const span of spans) {
    if (span.start < pos || span.end <= span.start) continue; // overlapping spans: keep the first
    box.append(document.createTextNode(text.slice(pos, span.start)));
    const mark = el("mark", { class: `${span.kind}${span.id === state.focus ? " focus" : ""}`, "data-id": span.id, title: span.label, tabindex: 0 });
    mark.textContent = text.slice(span.start, span.end);
    mark.addEventListener("click", () => { state.focus = span.id; renderDocument(); });
    box.append(mark);
    pos = span.end;
  }
  box.append(document.createTextNode(text.slice(pos)));
  renderReviewPanel();
  const focused = box.querySelector("mark.focus");
  if (focused) focused.scrollIntoView({ block: "center" });
}

function renderReviewPanel() {
  const panel = clear(document.getElementById("review-panel"));
  if (!state.focus || !state.doc) return;
  const event = state.doc.events.find((e) => e.id === state.focus);
  const quote = state.doc.quotes.find((q) => q.id === state.focus);
  const item = event || quote;
  if (!item) return;
  const kind = event ? "event" : "quote";
  const head = el("div", { class: "review-head" },
    el("strong", { text: event ? `${event.type} · ${actorNames(event.actors)} → ${actorNames(event.recipients)} · ${event.date || "undated"} · ${event.status}`
      : `${quote.speaker_text || (quote.speaker && quote.speaker.name) || "unknown speaker"}: “${quote.content}”` }));
  if (item.reviewed) {
    head.append(el("span", { class: `badge ${item.review_verdict}`, id: "review-state", text: `${item.review_verdict} by ${item.corrected_by}` }));
  }
  panel.append(head);
  const row = el("div", { class: "row" },
    el("button", { type: "button", id: "review-right", onclick: () => submitReview(kind, item.id, { verdict: "right" }), text: "✓ right" }),
    el("button", { type: "button", id: "review-wrong", onclick: () => submitReview(kind, item.id, { verdict: "wrong" }), text: "✗ wrong" }));
  if (event) {
    const types = el("select", { id: "review-type" });
    for (const t of Object.keys(state.meta.types)) types.append(el("option", { value: t, text: t, selected: t === event.type }));
    const date = el("input", { id: "review-date", size: 10, placeholder: "YYYY-MM-DD", value: event.date || "" });
    const keys = (list) => (list || []).map((a) => a.actor_id || a.country || a.org || a.name).join(", ");
    const actors = el("input", { id: "review-actors", size: 14, title: "actor ids or ISO3 codes, comma-separated", value: keys(event.actors) });
    const recipients = el("input", { id: "review-recipients", size: 14, title: "recipient ids or ISO3 codes", value: keys(event.recipients) });
    const split = (value) => value.split(",").map((v) => v.trim()).filter(Boolean);
    row.append(types, date, el("label", {}, "actors ", actors), el("label", {}, "recipients ", recipients), el("button", {
      type: "button", id: "review-correct", text: "save correction",
      onclick: () => {
        const corrections = {};
        if (types.value !== event.type) corrections.type = types.value;
        if (date.value && date.value !== event.date) corrections.date = date.value;
        if (split(actors.value).length && actors.value !== keys(event.actors)) corrections.actors = split(actors.value);
        if (split(recipients.value).length && recipients.value !== keys(event.recipients)) corrections.recipients = split(recipients.value);
        if (!Object.keys(corrections).length) { status("nothing changed"); return; }
        submitReview(kind, item.id, { corrections });
      },
    }));
  }
  panel.append(row);
}

function token() {
  let value = sessionStorage.getItem("dragoman-token");
  if (!value) {
    value = window.prompt("Write token for reviews (printed by `dragoman serve`):") || "";
    if (value) sessionStorage.setItem("dragoman-token", value);
  }
  return value;
}

function reviewer() {
  let value = sessionStorage.getItem("dragoman-reviewer");
  if (!value) {
    value = (window.prompt("Your name, recorded with the review:") || "").trim();
    if (value) sessionStorage.setItem("dragoman-reviewer", value);
  }
  return value;
}

async function submitReview(kind, id, body) {
  const secret = token();
  if (!secret) { status("a token is needed to save reviews"); return; }
  const name = reviewer();
  if (!name) { status("give your name to save reviews"); return; }
  const response = await fetch("/api/reviews", {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${secret}` },
    body: JSON.stringify({ target_kind: kind, target_id: id, reviewer: name, ...body }),
  });
  const data = await response.json().catch(() => ({}));
  if (response.status === 401) sessionStorage.removeItem("dragoman-token");
  if (!response.ok) { status(`review not saved: ${describe(data, response.status)}`); return; }
  status(`review saved (${data.verdict})`);
  await openDocument(state.doc.document.doc_id, id);
  if (state.dyad) await showDyad();
}

/* ---------- network ---------- */
async function loadNetwork(event) {
  if (event) event.preventDefault();
  const params = {
    since: document.getElementById("net-since").value.trim(),
    until: document.getElementById("net-until").value.trim(),
    countries: document.getElementById("net-countries").checked,
  };
  for (const fmt of ["graphml", "gexf"]) {
    const url = new URL("/api/network", window.location.origin);
    url.searchParams.set("format", fmt);
    for (const [k, v] of Object.entries(params)) if (v) url.searchParams.set(k, v);
    document.getElementById(`net-${fmt}`).href = url.pathname + url.search;
  }
  const data = await api("/api/network", params);
  const box = clear(document.getElementById("network"));
  const size = 640, cx = size / 2, cy = size / 2, radius = size / 2 - 90;
  const graph = svg("svg", { viewBox: `0 0 ${size} ${size}`, role: "img", "aria-label": "actor network" });
  const nodes = data.nodes.slice().sort((a, b) => b.n_events - a.n_events).slice(0, 60);
  const where = {};
  nodes.forEach((node, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, nodes.length) - Math.PI / 2;
    where[node.id] = [cx + radius * Math.cos(angle), cy + radius * Math.sin(angle), angle];
  });
  const maxWeight = Math.max(1, ...data.edges.map((e) => e.weight));
  for (const edge of data.edges) {
    if (!where[edge.source] || !where[edge.target]) continue;
    const [x1, y1] = where[edge.source], [x2, y2] = where[edge.target];
    const line = svg("line", { x1, y1, x2, y2, class: `edge ${edge.score >= 0 ? "coop" : "conflict"}`, "stroke-width": 1 + (5 * edge.weight) / maxWeight });
    line.append(svg("title", { text: `${edge.source} → ${edge.target}: ${edge.weight} events, score ${edge.score}` }));
    graph.append(line);
  }
  for (const node of nodes) {
    const [x, y, angle] = where[node.id];
    const group = svg("g", { class: "node" });
    group.append(svg("circle", { cx: x, cy: y, r: 4 + Math.sqrt(node.n_events) * 2 }));
    const outside = Math.cos(angle) < 0;
    group.append(svg("text", { x: x + (outside ? -10 : 10), y: y + 4, "text-anchor": outside ? "end" : "start", text: node.label }));
    graph.append(group);
  }
  box.append(graph);
  box.append(el("p", { class: "muted", text: `${data.nodes.length} actors, ${data.edges.length} directed edges; green: cooperative on balance, red: conflictual.` }));
}

/* ---------- tables ---------- */
function pager(total, page, pageSize, load) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return el("div", { class: "pager" },
    el("button", { type: "button", disabled: page <= 1, onclick: () => load(page - 1), text: "‹ previous" }),
    el("span", { text: `page ${page} of ${pages} (${total})` }),
    el("button", { type: "button", disabled: page >= pages, onclick: () => load(page + 1), text: "next ›" }));
}

function table(headers, rows) {
  const body = el("tbody");
  for (const row of rows) body.append(row);
  return el("table", {}, el("thead", {}, el("tr", {}, ...headers.map((h) => el("th", { text: h })))), body);
}

async function loadEvents(page) {
  const level = document.getElementById("ev-level").value;
  const params = {
    level, page, page_size: 25,
    actor: document.getElementById("ev-actor").value.trim(),
    type: document.getElementById("ev-type").value,
    status: document.getElementById("ev-status").value,
  };
  const data = await api("/api/events", params);
  const rows = data.items.map((e) => {
    const review = e.reviewed ? el("span", { class: `badge ${e.review_verdict || "corrected"}`, text: e.review_verdict || "corrected" }) : (e.corrected ? el("span", { class: "badge corrected", text: "corrected" }) : "");
    const first = level === "mention" ? e : null;
    const open = first ? () => openDocument(e.doc_id, e.id) : () => openMergedEvent(e.event_id);
    return el("tr", { class: "clickable", "data-id": first ? e.id : e.event_id, onclick: () => open().catch((err) => status(err.message)) },
      el("td", { text: e.date || "" }), el("td", {}, e.type, review), el("td", { text: actorNames(e.actors) }),
      el("td", { text: actorNames(e.recipients) }), el("td", { text: e.status }),
      el("td", { text: first ? (e.publisher || e.doc_id) : `${e.n_mentions} reports` }),
      el("td", { text: first ? e.sentence : (e.mention_ids || []).join(", ") }));
  });
  const box = clear(document.getElementById("events-table"));
  box.append(table(["date", "type", "actors", "recipients", "status", "source", level === "mention" ? "sentence" : "reports"], rows));
  box.append(pager(data.total, page, 25, loadEvents));
}

async function openMergedEvent(eventId) {
  const data = await api(`/api/events/${encodeURIComponent(eventId)}`);
  const first = (data.mentions || [])[0];
  if (first) await openDocument(first.doc_id, first.id);
}

async function loadQuotes(page) {
  const data = await api("/api/quotes", {
    page, page_size: 25, speaker: document.getElementById("q-speaker").value.trim(), q: document.getElementById("q-words").value.trim(),
  });
  const rows = data.items.map((q) => el("tr", { class: "clickable", onclick: () => openDocument(q.doc_id, q.id) },
    el("td", { text: q.speaker_text || (q.speaker && q.speaker.name) || "" }), el("td", { text: q.content }),
    el("td", { text: q.publisher || q.doc_id }), el("td", { text: q.published || "" }),
    el("td", {}, q.reviewed ? el("span", { class: `badge ${q.review_verdict}`, text: q.review_verdict }) : "")));
  const box = clear(document.getElementById("quotes-table"));
  box.append(table(["speaker", "quote", "source", "published", "review"], rows));
  box.append(pager(data.total, page, 25, loadQuotes));
}

async function loadDisputes() {
  const data = await api("/api/disputes", { page_size: 100 });
  const box = clear(document.getElementById("disputes"));
  if (!data.items.length) { box.append(el("p", { class: "muted", text: "No disputes: the sources agree, or none was found." })); return; }
  for (const dispute of data.items) {
    const versions = el("div", { class: "versions" });
    for (const version of dispute.versions || []) {
      const col = el("div", { class: "version" }, el("h5", { text: String(version.value ?? "") }));
      for (const source of version.sources || version.members || []) {
        if (typeof source !== "object" || source === null) { col.append(el("p", { text: String(source) })); continue; }
        const doc = source.document || {};
        const who = source.attributed_to && source.attributed_to.name ? ` (according to ${source.attributed_to.name})` : "";
        col.append(el("p", {},
          el("strong", { text: `${doc.publisher || doc.title || source.doc_id || ""}${doc.published ? ", " + doc.published : ""}${who}: ` }),
          source.sentence || "",
          source.doc_id ? el("button", { type: "button", onclick: () => openDocument(source.doc_id, source.mention_id || source.id), text: "open" }) : null));
      }
      versions.append(col);
    }
    box.append(el("div", { class: "event-card" }, el("h4", { text: `${dispute.kind} dispute: ${dispute.summary || ""}` }), versions));
  }
}

async function runSearch(event, page) {
  if (event) event.preventDefault();
  const q = document.getElementById("search-q").value.trim();
  const data = await api("/api/search", {
    q, page: page || 1, page_size: 25,
    kind: document.getElementById("search-kind").value,
    actor: document.getElementById("search-actor").value.trim(),
    date_from: document.getElementById("search-from").value.trim(),
    date_to: document.getElementById("search-to").value.trim(),
  });
  const words = q.split(/\s+/).filter(Boolean).map((w) => w.replace(/"/g, "").toLowerCase()).filter(Boolean);
  const box = clear(document.getElementById("search-results"));
  for (const hit of data.items) {
    const line = el("div", { class: "hit" },
      el("button", { type: "button", onclick: () => openDocument(hit.doc_id, hit.quote_id || null), text: "open" }), " ",
      el("span", { class: "muted", text: `${hit.kind} · ${hit.publisher || hit.doc_id} · ${hit.published || ""} — ` }));
    appendHighlighted(line, hit.text, words);
    box.append(line);
  }
  box.append(pager(data.total, page || 1, 25, (p) => runSearch(null, p)));
  const facets = clear(document.getElementById("search-facets"));
  for (const [name, counts] of Object.entries(data.facets || {})) {
    const entries = Object.entries(counts);
    if (entries.length) facets.append(el("div", { text: `${name}: ${entries.map(([k, v]) => `${k} ${v}`).join(", ")}` }));
  }
}

function appendHighlighted(node, text, words) {
  const lower = text.toLowerCase();
  let pos = 0;
  while (pos < text.length) {
    let best = -1, len = 0;
    for (const word of words) {
      const at = lower.indexOf(word, pos);
      if (at >= 0 && (best < 0 || at < best)) { best = at; len = word.length; }
    }
    if (best < 0 || !len) break;
    node.append(document.createTextNode(text.slice(pos, best)), el("b", { text: text.slice(best, best + len) }));
    pos = best + len;
  }
  node.append(document.createTextNode(text.slice(pos)));
}

/* ---------- start ---------- */
async function start() {
  for (const button of document.querySelectorAll("#tabs button")) button.addEventListener("click", () => showTab(button.dataset.tab));
  document.getElementById("dyad-form").addEventListener("submit", (e) => showDyad(e).catch((err) => status(err.message)));
  document.getElementById("countries").addEventListener("change", () => loadActors().catch((err) => status(err.message)));
  document.getElementById("network-form").addEventListener("submit", (e) => loadNetwork(e).catch((err) => status(err.message)));
  document.getElementById("events-form").addEventListener("submit", (e) => { e.preventDefault(); loadEvents(1).catch((err) => status(err.message)); });
  document.getElementById("quotes-form").addEventListener("submit", (e) => { e.preventDefault(); loadQuotes(1).catch((err) => status(err.message)); });
  document.getElementById("search-form").addEventListener("submit", (e) => runSearch(e).catch((err) => status(err.message)));
  document.getElementById("doc-close").addEventListener("click", () => { document.getElementById("doc-view").hidden = true; state.focus = null; });
  try {
    state.meta = await api("/api/meta");
    const typeSelect = document.getElementById("ev-type");
    for (const t of Object.keys(state.meta.types)) typeSelect.append(el("option", { value: t, text: t }));
    await loadActors();
    document.body.dataset.ready = "1";
  } catch (err) {
    status(err.message);
  }
}

document.addEventListener("DOMContentLoaded", start);
