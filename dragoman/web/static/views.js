/* The views: start page, dyad timeline, events, quotes, disputes and search. */
"use strict";

(() => {
  const { el, svg, clear, api, status, navigate, link } = dragoman;
  const byId = (id) => document.getElementById(id);
  const form = (name) => byId(`${name}-form`);

  const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;

  /* ---------- start page ---------- */
  async function loadOverview() {
    const box = byId("overview");
    clear(box).append(el("p", { class: "muted loading", text: "Loading the overview…" }));
    const o = await api("/api/overview");
    box.removeAttribute("aria-busy");
    clear(box);
    const c = o.counts;
    const busiest = o.top_dyads[0];
    box.append(el("h2", { text: "Your corpus at a glance" }));
    box.append(el("p", { class: "lead" },
      `${plural(c.documents, "document")}, ${plural(o.n_events, "event")} (${plural(c.event_mentions, "report")}), ` +
      `${plural(c.statements, "quote")} and ${plural(o.n_disputes, "dispute")}` +
      (o.first_date ? `, dated ${o.main_span ? o.main_span[0] + " to " + o.main_span[1] : o.first_date + " to " + o.last_date}` : "") +
      (o.n_undated ? `; ${o.n_undated} events are undated.` : ".")));
    if (busiest) {
      box.append(el("p", {}, link({ view: "timeline", a: busiest.a, b: busiest.b }, `Open the busiest pair's timeline: ${busiest.a_name} – ${busiest.b_name} (${busiest.n_events} events) →`, { class: "cta", id: "open-busiest" })));
    }
    const cards = el("div", { class: "cards" });
    const list = (title, items) => el("section", { class: "card" }, el("h3", { text: title }), el("ul", {}, ...items.map((i) => el("li", {}, i))));
    cards.append(list("Busiest pairs (people counted under their country)",
      o.top_dyads.map((d) => link({ view: "timeline", a: d.a, b: d.b }, `${d.a_name} – ${d.b_name}: ${d.n_events}`))));
    cards.append(list("Most active countries", o.top_countries.map((a) => link({ view: "events", eactor: a.key }, `${a.name}: ${a.n_events}`))));
    cards.append(list("Most active actors", o.top_actors.map((a) => link({ view: "events", eactor: a.key }, `${a.name}: ${a.n_events}`))));
    cards.append(list(`Disputes (${o.n_disputes})`, o.disputes.length
      ? o.disputes.map((d) => link({ view: "disputes" }, `${d.kind}: ${d.summary || ""}`)) : ["the sources agree, or none was found"]));
    cards.append(list("Most recent documents", o.recent_documents.map((d) => el("button", { type: "button", class: "link",
      onclick: () => dragoman.openEvidence(d.doc_id), text: `${d.title || d.doc_id} (${[d.publisher, d.published].filter(Boolean).join(", ") || "no source recorded"})` }))));
    box.append(cards);
    box.append(el("p", { class: "muted" }, "Events are coded in PLOVER; each belongs to one of four quad classes (verbal or material cooperation or conflict). ",
      "A period's score is the mean intensity of its events, from −10 (most conflictual) to +10 (most cooperative). Every record links to the sentence it comes from."));
  }

  /* ---------- dyad timeline ---------- */
  async function loadTimeline(p) {
    const f = form("timeline");
    dragoman.fillForm(f, p);
    if (!p.a || !p.b) {
      const o = await api("/api/overview", { limit: 1 });
      const d = o.top_dyads[0];
      if (d) { navigate({ a: d.a, b: d.b }, { replace: true }); return; }
      clear(byId("chart")).append(el("p", { class: "empty", text: "No events yet: ingest some documents first." }));
      return;
    }
    if (p.a.toUpperCase() === p.b.toUpperCase()) {
      clearTimeline();
      dragoman.fieldError(f, "b", "pick a second, different actor");
      return;
    }
    if (!dragoman.validate(f, ["since", "until"])) { clearTimeline(); return; }
    clear(byId("chart")).append(el("p", { class: "muted loading", text: "Loading the timeline…" }));
    let d;
    try {
      d = await api("/api/dyad", {
        a: p.a, b: p.b, by: p.by || "month", countries: p.scope !== "states",
        since: p.since, until: p.until, default_range: !p.since && !p.until && p.range !== "all",
        inferred_dates: p.dates !== "text",
      });
    } catch (err) {
      clear(byId("chart"));
      dragoman.showError(err, f, byId("chart"), { a: "a", b: "b", since: "since", until: "until" });
      return;
    }
    const r = d.range;
    const note = clear(byId("range-note"));
    if (r.since || r.until) {
      f.elements.since.value = p.since || ""; f.elements.until.value = p.until || "";
      f.elements.since.placeholder = r.since || "YYYY-MM"; f.elements.until.placeholder = r.until || "YYYY-MM";
      note.append(`Showing ${r.since || "the start"} to ${r.until || "the end"}`);
      if (r.n_outside) note.append(`; ${r.n_outside} dated event${r.n_outside === 1 ? "" : "s"} from other years left out (first ${r.first}, last ${r.last}). `,
        link({ ...p, range: "all", since: "", until: "", period: "" }, "Show all years", { id: "show-all-years" }));
      else note.append(".");
    } else if (r.first) {
      note.append(`All dates, ${r.first} to ${r.last}.`);
    }
    drawChart(d, p);
    const placed = d.n_events - d.n_unplaced;
    byId("dyad-summary").textContent = d.n_events
      ? `${d.n_events} events between ${d.a} and ${d.b}${p.scope === "states" ? " (the states only)" : " (with their people and institutions)"}: ${placed} on the chart, ` +
        `${d.n_undated} undated and ${d.n_coarse} dated too coarsely for a ${d.by}, listed beside the chart. Choose a bar for its events.`
      : `No events between ${d.a} and ${d.b} in this range.`;
    renderUnplaced(d);
    const chosen = d.periods.find((x) => x.period === p.period) || d.periods.filter((x) => x.n_events).slice(-1)[0];
    clear(byId("period-events"));
    if (chosen) showPeriod(chosen, Boolean(p.period));
  }

  /* the chart is drawn at its pane's width (so its labels keep their size) and again when that width changes,
     as when the document pane opens beside it */
  let drawn = null;
  const resized = new ResizeObserver(() => {
    const width = byId("chart").clientWidth;
    if (!drawn || Math.abs(width - drawn.width) <= 24) return;
    const selected = (document.querySelector("#chart .period.selected") || {}).dataset;
    drawChart(drawn.d, { ...drawn.p, period: selected ? selected.period : drawn.p.period });
  });

  function clearTimeline() {
    for (const id of ["chart", "legend", "unplaced", "period-events", "range-note", "dyad-summary"]) clear(byId(id));
    drawn = null;
  }

  function drawChart(d, p) {
    const box = clear(byId("chart"));
    drawn = { d, p, width: box.clientWidth };
    resized.observe(box);
    const legend = clear(byId("legend"));
    const tableBox = clear(byId("chart-table").querySelector("div"));
    const periods = d.periods;
    if (!periods.length) {
      box.append(el("p", { class: "empty", text: d.n_events ? "None of these events is dated finely enough for a bar: see the list beside." : "No events between these actors in this range." }));
      return;
    }
    const width = Math.max(300, box.clientWidth || 700), narrow = width < 560;
    const height = narrow ? 240 : 300, left = 34, right = 34, top = 14, bottom = 40;
    const plotW = width - left - right, plotH = height - top - bottom;
    const chart = svg("svg", { width, height, viewBox: `0 0 ${width} ${height}`, role: "group", "aria-label": `events between ${d.a} and ${d.b} by ${d.by}` });
    const maxCount = Math.max(1, ...periods.map((x) => x.n_events));
    const slot = plotW / periods.length, barW = Math.max(3, Math.min(48, slot * 0.7));
    for (const value of [0, Math.ceil(maxCount / 2), maxCount]) {
      const y = top + plotH - (value / maxCount) * plotH;
      chart.append(svg("line", { x1: left, y1: y, x2: left + plotW, y2: y, class: "grid" }));
      chart.append(svg("text", { x: left - 6, y: y + 4, "text-anchor": "end", class: "tick", text: String(value) }));
    }
    for (const value of [-10, 0, 10]) {
      const y = top + plotH / 2 - (value / 10) * (plotH / 2);
      chart.append(svg("text", { x: left + plotW + 5, y: y + 4, class: "tick score-tick", text: (value > 0 ? "+" : "") + value }));
    }
    chart.append(svg("line", { x1: left, y1: top + plotH / 2, x2: left + plotW, y2: top + plotH / 2, class: "zero" }));
    const labelEvery = Math.max(1, Math.ceil(periods.length / Math.max(2, Math.floor(plotW / 64))));
    const points = [];
    periods.forEach((period, i) => {
      const x = left + i * slot + (slot - barW) / 2;
      let y = top + plotH;
      const group = svg("g", { class: `period${period.period === p.period ? " selected" : ""}`, "data-period": period.period, tabindex: period.n_events ? 0 : null, role: period.n_events ? "button" : null,
        "aria-label": `${period.period}: ${period.n_events} events, score ${dragoman.round(period.score)}` });
      for (const quad of [1, 2, 3, 4]) {
        const count = period[dragoman.QKEYS[quad]] || 0;
        if (!count) continue;
        const h = (count / maxCount) * plotH;
        y -= h;
        const rect = svg("rect", { x, y, width: barW, height: h, class: `bar q${quad}`, "data-period": period.period });
        rect.append(svg("title", { text: `${period.period}: ${count} ${dragoman.QUADS[quad]}` }));
        group.append(rect);
      }
      if (period.n_events) {
        const choose = () => navigate({ period: period.period });
        group.addEventListener("click", choose);
        group.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); choose(); } });
      }
      chart.append(group);
      if (i % labelEvery === 0) chart.append(svg("text", { x: left + i * slot + slot / 2, y: top + plotH + 16, "text-anchor": "middle", class: "tick", text: period.period }));
      if (period.score !== null && period.score !== undefined) points.push([left + i * slot + slot / 2, top + plotH / 2 - (period.score / 10) * (plotH / 2), period, i]);
    });
    let run = [];
    const flush = () => { if (run.length > 1) chart.append(svg("polyline", { points: run.map((q) => `${q[0]},${q[1]}`).join(" "), class: "score-line" })); run = []; };
    for (const point of points) { if (run.length && point[3] !== run[run.length - 1][3] + 1) flush(); run.push(point); }
    flush();
    for (const [x, y, period] of points) {
      const dot = svg("circle", { cx: x, cy: y, r: 4, class: "score-dot" });
      dot.append(svg("title", { text: `${period.period}: score ${dragoman.round(period.score)}` }));
      chart.append(dot);
    }
    box.append(chart);
    for (const quad of [1, 2, 3, 4]) legend.append(el("span", {}, el("span", { class: `swatch q${quad}` }), dragoman.QUADS[quad]));
    legend.append(el("span", {}, el("span", { class: "swatch score" }), "score, −10 conflict … +10 cooperation (right axis; grey line at 0)"));
    const rows = periods.filter((x) => x.n_events).map((x) => el("tr", {}, el("td", { text: x.period }), el("td", { text: x.n_events }),
      ...[1, 2, 3, 4].map((q) => el("td", { text: x[dragoman.QKEYS[q]] })), el("td", { text: dragoman.round(x.score) })));
    tableBox.append(el("table", {}, el("thead", {}, el("tr", {}, ...["period", "events", ...Object.values(dragoman.QUADS), "score"].map((h) => el("th", { scope: "col", text: h })))), el("tbody", {}, ...rows)));
  }

  function renderUnplaced(d) {
    const box = clear(byId("unplaced"));
    box.append(el("h3", { text: `Not on the chart (${d.n_unplaced})` }));
    if (!d.n_unplaced) { box.append(el("p", { class: "muted", text: "Every event here is dated finely enough for a bar." })); return; }
    box.append(el("p", { class: "muted", text: `${d.n_undated} undated, ${d.n_coarse} dated too coarsely for a ${d.by}.` }));
    for (const event of d.unplaced) box.append(eventCard(event, event.unplaced_reason));
    if (d.unplaced.length < d.n_unplaced) box.append(el("p", { class: "muted", text: `…and ${d.n_unplaced - d.unplaced.length} more in the Events table.` }));
  }

  function showPeriod(period, scroll) {
    for (const group of document.querySelectorAll("#chart .period")) group.classList.toggle("selected", group.dataset.period === period.period);
    const box = clear(byId("period-events"));
    box.append(el("h3", { id: "period-heading", tabindex: -1, text: `${period.period}: ${period.n_events} events, score ${dragoman.round(period.score)}` }));
    for (const event of period.events) box.append(eventCard(event));
    if (period.events_truncated) box.append(el("p", { class: "muted", text: `…and ${period.n_events - period.events.length} more (see the Events tab)` }));
    if (scroll) byId("period-heading").focus({ preventScroll: true });
  }

  function eventCard(event, reason) {
    const card = el("article", { class: "event-card", "data-event": event.event_id });
    const title = el("h4", {}, el("span", { class: `swatch q${event.quad}`, title: dragoman.QUADS[event.quad] }),
      `${event.type} · ${dragoman.actorNames(event.actors)} → ${dragoman.actorNames(event.recipients)} · ${event.date || "undated"}`);
    if (event.corrected) title.append(el("span", { class: "badge corrected", text: "corrected" }));
    title.append(el("span", { class: "badge", text: `${event.n_mentions} report${event.n_mentions === 1 ? "" : "s"}` }));
    if (event.status && event.status !== "asserted") title.append(el("span", { class: "badge", text: event.status }));
    card.append(title);
    if (reason) card.append(el("p", { class: "muted reason", text: reason }));
    for (const m of event.mentions || []) {
      card.append(el("div", { class: "mention" },
        el("button", { type: "button", class: "evidence-btn", "data-mention": m.id, onclick: () => dragoman.openEvidence(m.doc_id, m.id), text: "evidence" }),
        el("span", { class: "src", text: `${dragoman.source(m)}${m.published ? ", " + m.published : ""}` }),
        el("span", { class: "sentence", text: m.sentence })));
    }
    return card;
  }
  dragoman.eventCard = eventCard;

  /* ---------- tables ---------- */
  const optional = (key, label) => ({ key, label, optional: true, sort: key, value: (r) => (typeof r[key] === "object" && r[key] !== null ? JSON.stringify(r[key]) : r[key] ?? "") });
  const place = { key: "location_name", label: "place", optional: true, sort: "location_name",
    value: (r) => (r.location_name ? `${r.location_name}${r.location_country ? ` (${r.location_country})` : ""}` : "") };
  const reviewBadge = (r) => (r.reviewed ? el("span", { class: `badge ${r.review_verdict || "corrected"}`, text: r.review_verdict || "corrected" }) : "");

  const mentionColumns = [
    { key: "date", label: "date", sort: "date", value: (r) => r.date || "undated" },
    optional("date_basis", "date basis"),
    { key: "type", label: "type", sort: "type", value: (r) => r.type, render: (r) => el("span", {}, r.type, reviewBadge(r)) },
    { key: "actors", label: "actors", value: (r) => dragoman.actorNames(r.actors), render: (r) => dragoman.actorCell(r.actors) },
    { key: "actor_codes", label: "actor codes", csvOnly: true, value: (r) => dragoman.actorCodes(r.actors), render: (r) => dragoman.actorCodes(r.actors) },
    { key: "recipients", label: "recipients", value: (r) => dragoman.actorNames(r.recipients), render: (r) => dragoman.actorCell(r.recipients) },
    { key: "recipient_codes", label: "recipient codes", csvOnly: true, value: (r) => dragoman.actorCodes(r.recipients), render: (r) => dragoman.actorCodes(r.recipients) },
    { key: "status", label: "status", sort: "status", value: (r) => r.status },
    { key: "confidence", label: "confidence", sort: "confidence", value: dragoman.confidence },
    optional("channel", "channel"),
    place,
    { key: "publisher", label: "source", sort: "publisher", value: (r) => dragoman.source(r) },
    { key: "sentence", label: "sentence", value: (r) => r.sentence || "" },
  ];
  const mergedColumns = [
    { key: "date", label: "date", sort: "date", value: (r) => r.date || "undated" },
    optional("date_basis", "date basis"),
    { key: "type", label: "type", sort: "type", value: (r) => r.type, render: (r) => el("span", {}, r.type, r.corrected ? el("span", { class: "badge corrected", text: "corrected" }) : "") },
    { key: "actors", label: "actors", value: (r) => dragoman.actorNames(r.actors), render: (r) => dragoman.actorCell(r.actors) },
    { key: "recipients", label: "recipients", value: (r) => dragoman.actorNames(r.recipients), render: (r) => dragoman.actorCell(r.recipients) },
    { key: "status", label: "status", sort: "status", value: (r) => r.status },
    optional("confidence", "confidence"),
    place,
    { key: "n_mentions", label: "reports", sort: "n_mentions", value: (r) => r.n_mentions },
    { key: "n_documents", label: "documents", sort: "n_documents", value: (r) => r.n_documents },
  ];

  const tables = {};
  function eventsTable(level) {
    const key = `events-${level}`;
    if (!tables[key]) tables[key] = dragoman.dataTable({
      name: level === "event" ? "events" : "event-reports", prefix: "e", noun: level === "event" ? "events" : "event reports",
      box: () => byId("events-table"), endpoint: "/api/events", form: () => form("events"),
      columns: level === "event" ? mergedColumns : mentionColumns,
      fieldNames: { actor: "eactor", type: "etype", status: "estatus", date_from: "efrom", date_to: "eto", min_confidence: "econf",
        country: "eplace", bbox: "ebox" },
      query: (p) => ({ level: level === "event" ? "event" : "mention", actor: p.eactor, type: p.etype, status: p.estatus,
        date_from: p.efrom, date_to: p.eto, min_confidence: p.econf, countries: p.ecountries === "1", country: p.eplace, bbox: p.ebox }),
      rowAttrs: (r) => ({ "data-id": level === "event" ? r.event_id : r.id }),
      open: (r) => (level === "event" ? openMerged(r.event_id) : dragoman.openEvidence(r.doc_id, r.id)),
      clearPatch: () => ({ eactor: "", etype: "", estatus: "", efrom: "", eto: "", econf: "", epage: "", ecountries: "", eplace: "", ebox: "" }),
    });
    return tables[key];
  }

  async function openMerged(eventId) {
    const data = await api(`/api/events/${encodeURIComponent(eventId)}`);
    const first = (data.mentions || [])[0];
    if (first) dragoman.openEvidence(first.doc_id, first.id);
  }

  async function loadEvents(p) {
    const f = form("events");
    dragoman.fillForm(f, p);
    if (!dragoman.validate(f, ["efrom", "eto"], ["econf"])) { clear(byId("events-table")); return; }
    await eventsTable(p.elevel === "event" ? "event" : "mention").load(p);
  }

  /* The speaker as the resolved actor; where the text named it otherwise ("He", "the minister"),
     the words it used beside the name. */
  const wordsOf = (text) => new Set((text || "").toLowerCase().match(/[\p{L}\p{N}]+/gu) || []);
  function speakerParts(r) {
    const name = r.speaker && r.speaker.name ? r.speaker.name : "";
    const text = r.speaker_text || "";
    if (!name) return { name: text, as: "" };
    const named = wordsOf(name);
    const shared = [...wordsOf(text)].some((w) => named.has(w));
    return { name, as: text && !shared ? text : "" };
  }
  function speakerLabel(r) {
    const { name, as } = speakerParts(r);
    return as ? `${name} (as “${as}”)` : name;
  }
  function speakerCell(r) {
    const { name, as } = speakerParts(r);
    return el("span", { class: "speaker" }, name, as ? el("span", { class: "speaker-as", text: ` as “${as}”` }) : "");
  }

  const quotesTable = dragoman.dataTable({
    name: "quotes", prefix: "q", noun: "quotes", box: () => byId("quotes-table"), endpoint: "/api/quotes", form: () => form("quotes"),
    fieldNames: { speaker: "qspeaker", q: "qwords", status: "qstatus", date_from: "qfrom", date_to: "qto" },
    columns: [
      { key: "speaker_text", label: "speaker", sort: "speaker_text", value: speakerLabel, render: speakerCell },
      { key: "content", label: "quote", value: (r) => r.content },
      { key: "channel", label: "channel", sort: "channel", value: (r) => r.channel || "" },
      { key: "status", label: "status", sort: "status", value: (r) => r.status },
      { key: "confidence", label: "confidence", sort: "confidence", value: dragoman.confidence },
      { key: "publisher", label: "source", sort: "publisher", value: (r) => dragoman.source(r) },
      { key: "published", label: "published", sort: "published", value: (r) => r.published || "" },
      { key: "review", label: "review", value: (r) => r.review_verdict || "", render: reviewBadge },
    ],
    query: (p) => ({ speaker: p.qspeaker, q: p.qwords, status: p.qstatus, date_from: p.qfrom, date_to: p.qto }),
    rowAttrs: (r) => ({ "data-id": r.id }),
    open: (r) => dragoman.openEvidence(r.doc_id, r.id),
    clearPatch: () => ({ qspeaker: "", qwords: "", qstatus: "", qfrom: "", qto: "", qpage: "" }),
  });

  async function loadQuotes(p) {
    const f = form("quotes");
    dragoman.fillForm(f, p);
    if (!dragoman.validate(f, ["qfrom", "qto"])) { clear(byId("quotes-table")); return; }
    await quotesTable.load(p);
  }

  /* ---------- disputes ---------- */
  const disputeColumns = [
    { label: "dispute", value: (r) => r.dispute.id }, { label: "kind", value: (r) => r.dispute.kind },
    { label: "summary", value: (r) => r.dispute.summary || "" }, { label: "version", value: (r) => r.version },
    { label: "source", value: (r) => dragoman.source(r.source.document || {}) }, { label: "published", value: (r) => (r.source.document || {}).published || "" },
    { label: "according to", value: (r) => (r.source.attributed_to && r.source.attributed_to.name) || "" },
    { label: "doc_id", value: (r) => r.source.doc_id || "" }, { label: "sentence", value: (r) => r.source.sentence || "" },
  ];

  async function loadDisputes(p) {
    const f = form("disputes");
    dragoman.fillForm(f, p);
    const box = clear(byId("disputes"));
    box.append(el("p", { class: "muted loading", text: "Loading disputes…" }));
    let data;
    try {
      data = await api("/api/disputes", { actor: p.dactor, sort: p.dsort, page_size: 500 });
    } catch (err) { dragoman.showError(err, f, box, { actor: "dactor" }); return; }
    clear(box);
    if (!data.items.length) {
      box.append(el("p", { class: "empty", text: p.dactor ? `No disputes involve ${p.dactor}. ` : "No disputes: the sources agree, or none was found." }));
      return;
    }
    const flat = [];
    for (const dispute of data.items) for (const v of dispute.versions || []) for (const s of v.sources || v.members || []) if (typeof s === "object" && s) flat.push({ dispute, version: String(v.value ?? ""), source: s });
    box.append(el("div", { class: "downloads" }, el("span", { class: "muted", text: `${data.total} disputes` }),
      el("button", { type: "button", class: "download", "data-format": "csv", text: "Download CSV", onclick: () => dragoman.download("dragoman-disputes.csv", dragoman.csv(disputeColumns, flat), "text/csv") }),
      el("button", { type: "button", class: "download", "data-format": "json", text: "Download JSON", onclick: () => dragoman.download("dragoman-disputes.json", JSON.stringify(data.items, null, 1), "application/json") })));
    for (const dispute of data.items) {
      const versions = el("div", { class: "versions" });
      for (const version of dispute.versions || []) {
        const col = el("div", { class: "version" }, el("h4", { text: String(version.value ?? "") }));
        for (const source of version.sources || version.members || []) {
          if (typeof source !== "object" || source === null) { col.append(el("p", { text: String(source) })); continue; }
          const doc = source.document || {};
          const who = source.attributed_to && source.attributed_to.name ? ` (according to ${source.attributed_to.name})` : "";
          const focus = source.mention_id || source.member_id || source.id;
          col.append(el("p", {},
            el("strong", { text: `${dragoman.source(doc)}${doc.published ? ", " + doc.published : ""}${who}: ` }), source.sentence || "", " ",
            source.doc_id ? el("button", { type: "button", class: "open-evidence", "data-member": focus, onclick: () => dragoman.openEvidence(source.doc_id, focus), text: "open" }) : null));
        }
        versions.append(col);
      }
      box.append(el("article", { class: "event-card dispute" }, el("h3", { text: `${dispute.kind} dispute: ${dispute.summary || ""}` }), versions));
    }
  }

  /* ---------- search ---------- */
  const searchTable = dragoman.dataTable({
    name: "search", prefix: "s", noun: "hits", box: () => byId("search-table"), endpoint: "/api/search", form: () => form("search"),
    fieldNames: { q: "sq", kind: "skind", actor: "sactor", type: "stype", status: "sstatus", date_from: "sfrom", date_to: "sto" },
    columns: [
      { key: "kind", label: "kind", sort: "kind", value: (r) => r.kind },
      { key: "publisher", label: "source", sort: "publisher", value: (r) => dragoman.source(r) },
      { key: "published", label: "published", sort: "published", value: (r) => r.published || "" },
      { key: "text", label: "text", value: (r) => r.text, render: (r) => highlighted(r.text, dragoman.params().sq || "") },
      { key: "open", label: "", value: () => "", render: (r) => el("button", { type: "button", class: "open-hit", onclick: () => openHit(r), text: "open" }) },
    ],
    query: (p) => ({ q: p.sq, kind: p.skind, actor: p.sactor, type: p.stype, status: p.sstatus, date_from: p.sfrom, date_to: p.sto, publisher: p.spublisher }),
    rowAttrs: (r) => ({ "data-doc": r.doc_id }),
    open: (r) => openHit(r),
    clearPatch: () => ({ skind: "", sactor: "", stype: "", sstatus: "", sfrom: "", sto: "", spublisher: "", spage: "" }),
  });

  function openHit(hit) {
    if (hit.quote_id) dragoman.openEvidence(hit.doc_id, hit.quote_id);
    else dragoman.openEvidence(hit.doc_id, "", `${hit.start}-${hit.end}`);
  }

  function highlighted(text, q) {
    const words = q.split(/\s+/).map((w) => w.replace(/"/g, "").toLowerCase()).filter(Boolean);
    const node = el("span");
    const lower = text.toLowerCase();
    let pos = 0;
    while (pos < text.length) {
      let best = -1, len = 0;
      for (const word of words) { const at = lower.indexOf(word, pos); if (at >= 0 && (best < 0 || at < best)) { best = at; len = word.length; } }
      if (best < 0 || !len) break;
      node.append(document.createTextNode(text.slice(pos, best)), el("b", { text: text.slice(best, best + len) }));
      pos = best + len;
    }
    node.append(document.createTextNode(text.slice(pos)));
    return node;
  }

  async function loadSearch(p) {
    const f = form("search");
    dragoman.fillForm(f, p);
    const facets = clear(byId("search-facets"));
    if (!dragoman.validate(f, ["sfrom", "sto"])) { clear(byId("search-table")); return; }
    await searchTable.load(p);
    try {
      const data = await api("/api/search", { ...searchTable.query(p), page_size: 1 });
      const params = { kind: "skind", publisher: "spublisher", actor: "sactor", type: "stype", status: "sstatus" };
      for (const [name, counts] of Object.entries(data.facets || {})) {
        const entries = Object.entries(counts);
        if (!entries.length) continue;
        const row = el("div", { class: "facet" }, el("span", { class: "muted", text: `${name}: ` }));
        for (const [value, n] of entries) {
          const label = `${value === "?" || value === "" ? "(none recorded)" : value} ${n}`;
          row.append(params[name] && value !== "?" ? el("button", { type: "button", class: "chip", onclick: () => navigate({ [params[name]]: value, spage: "" }), text: label }) : el("span", { class: "chip", text: label }), " ");
        }
        facets.append(row);
      }
    } catch (err) { /* the table already shows the error */ }
  }

  dragoman.registerView({ name: "overview", title: "Overview", load: loadOverview });
  dragoman.registerView({ name: "timeline", title: "Timeline", load: loadTimeline, form: "timeline" });
  dragoman.registerView({ name: "network", title: "Network", load: (p) => dragoman.loadNetwork(p), form: "network" });
  dragoman.registerView({ name: "events", title: "Events", load: loadEvents, form: "events" });
  dragoman.registerView({ name: "quotes", title: "Quotes", load: loadQuotes, form: "quotes" });
  dragoman.registerView({ name: "disputes", title: "Disputes", load: loadDisputes, form: "disputes" });
  dragoman.registerView({ name: "search", title: "Search", load: loadSearch, form: "search" });
})();
