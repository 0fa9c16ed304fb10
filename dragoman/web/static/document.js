/* The document pane: stored text with every event and quote span shown (nested spans too),
   the evidence opened outlined and scrolled into view inside the pane, and the review controls. */
"use strict";

(() => {
  const { el, clear, api, status } = dragoman;
  const pane = { doc: null, docId: null };

  /** Spans as a tree: a span inside another (a quote inside an event's sentence) becomes its child;
      a span crossing its parent's end is cut there, so every span is shown. */
  function spanTree(spans, length) {
    const root = { start: 0, end: length, children: [] };
    const stack = [root];
    const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start || b.end - a.end || a.rank - b.rank);
    for (const span of sorted) {
      while (stack.length > 1 && span.start >= stack[stack.length - 1].end) stack.pop();
      const parent = stack[stack.length - 1];
      const node = { ...span, end: Math.min(span.end, parent.end), children: [] };
      parent.children.push(node);
      stack.push(node);
    }
    return root;
  }

  function renderTree(node, text, into, focus) {
    let pos = node.start;
    for (const child of node.children) {
      if (child.start > pos) into.append(document.createTextNode(text.slice(pos, child.start)));
      const focused = focus && ((focus.id && child.id === focus.id) || (child.kind === "hit"));
      const tag = child.kind === "furniture" ? "span" : "mark";
      const mark = el(tag, { class: `${child.kind}${focused ? " focus" : ""}`, "data-id": child.id, title: child.label });
      if (child.id) {
        mark.tabIndex = 0;
        mark.addEventListener("click", (e) => { e.stopPropagation(); dragoman.navigate({ focus: child.id, at: "" }); });
        mark.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); dragoman.navigate({ focus: child.id, at: "" }); } });
      }
      renderTree(child, text, mark, focus);
      into.append(mark);
      pos = Math.max(pos, child.end);
    }
    if (pos < node.end) into.append(document.createTextNode(text.slice(pos, node.end)));
  }

  function metaLine(doc) {
    const meta = clear(document.getElementById("doc-meta"));
    const parts = [doc.author ? `by ${doc.author}` : null, doc.publisher, doc.published].filter(Boolean);
    meta.append(el("span", { text: parts.join(" · ") || "no author, publisher or date recorded" }));
    if (doc.url && /^https?:\/\//i.test(doc.url)) {
      meta.append(" · ", el("a", { href: doc.url, rel: "noopener noreferrer", target: "_blank", text: doc.url }));
    } else if (doc.url) {
      meta.append(` · ${doc.url}`);
    }
  }

  function render(params) {
    const data = pane.doc;
    const view = document.getElementById("doc-view");
    view.hidden = false;
    document.body.classList.add("doc-open");
    const doc = data.document;
    document.getElementById("doc-title").textContent = doc.title || doc.path || doc.doc_id;
    metaLine(doc);
    const spans = [];
    for (const f of data.furniture || []) spans.push({ start: f.start, end: f.end, kind: "furniture", label: `page furniture (${f.kind})`, rank: 0 });
    for (const e of data.events) spans.push({ start: e.start, end: e.end, id: e.id, kind: "ev", rank: 1,
      label: `${e.type} · ${dragoman.actorNames(e.actors)} → ${dragoman.actorNames(e.recipients)}${e.reviewed ? " (" + e.review_verdict + ")" : ""}` });
    for (const q of data.quotes) spans.push({ start: q.content_start ?? q.start, end: q.content_end ?? q.end, id: q.id, kind: "quote", rank: 2, label: `quote: ${q.speaker_text || ""}` });
    const at = /^(\d+)-(\d+)$/.exec(params.at || "");
    if (at) spans.push({ start: Number(at[1]), end: Number(at[2]), kind: "hit", rank: 3, label: "search hit" });
    const text = doc.text || "";
    const box = clear(document.getElementById("doc-text"));
    renderTree(spanTree(spans, text.length), text, box, { id: params.focus || null });
    renderReviewPanel(params.focus);
    const focused = box.querySelector(".focus");
    if (focused) {
      // scroll the text pane only: the title, source line and review controls stay in sight
      const top = focused.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
      box.scrollTop = Math.max(0, top - box.clientHeight / 3);
    } else {
      box.scrollTop = 0;
    }
  }

  async function show(params) {
    if (!params.doc) {
      document.getElementById("doc-view").hidden = true;
      document.body.classList.remove("doc-open");
      return;
    }
    if (pane.docId !== params.doc) {
      status("loading the document…");
      try {
        pane.doc = await api(`/api/documents/${encodeURIComponent(params.doc)}`);
        pane.docId = params.doc;
      } catch (err) {
        status(`document ${params.doc}: ${err.message}`);
        return;
      }
      status("");
    }
    render(params);
  }

  function renderReviewPanel(focus) {
    const panel = clear(document.getElementById("review-panel"));
    if (!focus || !pane.doc) return;
    const event = pane.doc.events.find((e) => e.id === focus);
    const quote = pane.doc.quotes.find((q) => q.id === focus);
    const item = event || quote;
    if (!item) return;
    const kind = event ? "event" : "quote";
    const confidence = item.confidence !== null && item.confidence !== undefined ? ` · confidence ${Number(item.confidence).toFixed(2)}` : "";
    const head = el("div", { class: "review-head" },
      el("strong", { text: event
        ? `${event.type} · ${dragoman.actorNames(event.actors)} → ${dragoman.actorNames(event.recipients)} · ${event.date || "undated"} · ${event.status}${confidence}`
        : `${quote.speaker_text || (quote.speaker && quote.speaker.name) || "unknown speaker"}: “${quote.content}”${confidence}` }));
    if (item.reviewed) head.append(el("span", { class: `badge ${item.review_verdict}`, id: "review-state", text: `${item.review_verdict} by ${item.corrected_by}` }));
    panel.append(head);
    const row = el("div", { class: "row" },
      el("button", { type: "button", id: "review-right", onclick: () => submitReview(kind, item.id, { verdict: "right" }), text: "✓ right" }),
      el("button", { type: "button", id: "review-wrong", onclick: () => submitReview(kind, item.id, { verdict: "wrong" }), text: "✗ wrong" }));
    if (event) {
      const types = el("select", { id: "review-type" });
      for (const t of Object.keys(dragoman.meta.types)) types.append(el("option", { value: t, text: t, selected: t === event.type }));
      const date = el("input", { id: "review-date", size: 10, placeholder: "YYYY-MM-DD", value: event.date || "" });
      const keys = (list) => (list || []).map((a) => a.actor_id || a.country || a.org || a.name).join(", ");
      const actors = el("input", { id: "review-actors", size: 18, list: "actor-list", value: keys(event.actors) });
      const recipients = el("input", { id: "review-recipients", size: 18, list: "actor-list", value: keys(event.recipients) });
      const split = (value) => value.split(",").map((v) => v.trim()).filter(Boolean);
      row.append(el("label", {}, "type ", types), el("label", {}, "date ", date),
        el("label", {}, "actors ", actors), el("label", {}, "recipients ", recipients),
        el("button", { type: "button", id: "review-correct", text: "save correction", onclick: () => {
          const corrections = {};
          if (types.value !== event.type) corrections.type = types.value;
          if (date.value && date.value !== event.date) corrections.date = date.value;
          if (split(actors.value).length && actors.value !== keys(event.actors)) corrections.actors = split(actors.value);
          if (split(recipients.value).length && recipients.value !== keys(event.recipients)) corrections.recipients = split(recipients.value);
          if (!Object.keys(corrections).length) { status("nothing changed"); return; }
          submitReview(kind, item.id, { corrections });
        } }));
    }
    panel.append(row);
  }

  function remembered(key, question) {
    let value = sessionStorage.getItem(key);
    if (!value) {
      value = (window.prompt(question) || "").trim();
      if (value) sessionStorage.setItem(key, value);
    }
    return value;
  }

  async function submitReview(kind, id, body) {
    const secret = remembered("dragoman-token", "Write token for reviews (printed by `dragoman serve`):");
    if (!secret) { status("a token is needed to save reviews"); return; }
    const name = remembered("dragoman-reviewer", "Your name, recorded with the review:");
    if (!name) { status("give your name to save reviews"); return; }
    const response = await fetch("/api/reviews", {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${secret}` },
      body: JSON.stringify({ target_kind: kind, target_id: id, reviewer: name, ...body }),
    });
    const data = await response.json().catch(() => ({}));
    if (response.status === 401) sessionStorage.removeItem("dragoman-token");
    if (!response.ok) { status(`review not saved: ${typeof data.detail === "string" ? data.detail : response.status}`); return; }
    status(`review saved (${data.verdict})`);
    pane.docId = null;
    dragoman.invalidate();
    dragoman.render();
  }

  dragoman.documentPane = { show };
  /** Opens a document at a span: an event or quote id, or a start-end range. */
  dragoman.openEvidence = function openEvidence(docId, focus, at) {
    dragoman.navigate({ doc: docId, focus: focus || "", at: at || "" });
  };
  dragoman.closeDocument = () => dragoman.navigate({ doc: "", focus: "", at: "" });
})();
