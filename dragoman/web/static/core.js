/* dragoman dashboard, shared parts: DOM helpers, the API client, the URL state and the view registry.
   Plain JavaScript, no dependencies, nothing fetched from elsewhere. Stored text reaches the page
   through textContent or text nodes, never innerHTML. */
"use strict";

const dragoman = (window.dragoman = {
  views: [],          // [{name, title, load(params)}], in tab order
  meta: null,
  DATE: /^\d{4}(-\d{2}(-\d{2})?)?$/,
  QUADS: { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" },
  QKEYS: { 1: "verbal_coop", 2: "material_coop", 3: "verbal_conflict", 4: "material_conflict" },
});

dragoman.registerView = function registerView(view) {
  dragoman.views.push(view);
};

dragoman.el = function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
};

dragoman.svg = function svg(tag, attrs, ...children) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined) continue;
    if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, String(value));
  }
  for (const child of children) if (child) node.append(child);
  return node;
};

dragoman.clear = function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
};

dragoman.status = function status(message) {
  document.getElementById("status").textContent = message || "";
};

/* ---------- API ---------- */
class ApiError extends Error {
  constructor(message, fields) {
    super(message);
    this.fields = fields || {};
  }
}
dragoman.ApiError = ApiError;

const FRIENDLY = {
  string_pattern_mismatch: (loc) => (/date|since|until|from|to/.test(loc) ? "use a date as YYYY, YYYY-MM or YYYY-MM-DD" : "not a valid value"),
  greater_than_equal: () => "too small",
  less_than_equal: () => "too large",
  float_parsing: () => "write a number",
  int_parsing: () => "write a whole number",
  literal_error: () => "not one of the choices",
  string_too_long: () => "too long",
};

dragoman.api = async function api(path, params) {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(params || {})) {
    if (value !== "" && value !== null && value !== undefined && value !== false) url.searchParams.set(key, value);
  }
  let response;
  try {
    response = await fetch(url, { headers: { Accept: "application/json" } });
  } catch (err) {
    throw new ApiError("the server cannot be reached; is `dragoman serve` still running?");
  }
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    if (Array.isArray(body.detail)) {
      const fields = {};
      for (const d of body.detail) {
        const loc = String((d.loc || []).slice(-1)[0] || "");
        fields[loc] = (FRIENDLY[d.type] || (() => d.msg))(loc);
      }
      throw new ApiError(Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join("; "), fields);
    }
    if (response.status === 503) throw new ApiError("the store is busy (an ingest is writing); try again in a few seconds");
    throw new ApiError(typeof body.detail === "string" ? body.detail : `the request failed (${response.status})`);
  }
  return body;
};

/* ---------- URL state: every view is a URL ---------- */
dragoman.params = function params() {
  return Object.fromEntries(new URLSearchParams(window.location.search));
};

dragoman.navigate = function navigate(patch, options) {
  const next = options && options.replace_all ? {} : dragoman.params();
  for (const [key, value] of Object.entries(patch)) {
    if (value === "" || value === null || value === undefined || value === false) delete next[key];
    else next[key] = String(value);
  }
  const query = new URLSearchParams(next).toString();
  const url = `${window.location.pathname}${query ? "?" + query : ""}`;
  if (url === `${window.location.pathname}${window.location.search}`) { dragoman.render(); return; }
  if (options && options.replace) window.history.replaceState(null, "", url);
  else window.history.pushState(null, "", url);
  dragoman.render();
};

dragoman.link = function link(patch, text, attrs) {
  const next = { ...patch };
  const query = new URLSearchParams(Object.entries(next).filter(([, v]) => v !== "" && v !== null && v !== undefined)).toString();
  return dragoman.el("a", {
    href: `/?${query}`, ...(attrs || {}),
    onclick: (e) => { if (e.ctrlKey || e.metaKey || e.shiftKey) return; e.preventDefault(); dragoman.navigate(next, { replace_all: true }); },
  }, text);
};

/* ---------- forms: fill from the URL, read into the URL, errors beside the field ---------- */
dragoman.fillForm = function fillForm(form, params) {
  for (const field of form.elements) {
    if (!field.name) continue;
    field.value = params[field.name] || (field.tagName === "SELECT" && field.name === "by" ? "month" : "");
  }
  dragoman.clearErrors(form);
};

dragoman.readForm = function readForm(form) {
  const out = {};
  for (const field of form.elements) if (field.name) out[field.name] = field.value.trim();
  return out;
};

dragoman.clearErrors = function clearErrors(form) {
  for (const note of form.querySelectorAll(".field-error")) note.remove();
  for (const field of form.querySelectorAll("[aria-invalid]")) field.removeAttribute("aria-invalid");
};

dragoman.fieldError = function fieldError(form, name, message) {
  const field = form.elements[name];
  if (!field) return false;
  field.setAttribute("aria-invalid", "true");
  const id = `${name}-error`;
  field.setAttribute("aria-describedby", id);
  field.closest("label").after(dragoman.el("span", { class: "field-error", id, role: "alert", text: message }));
  return true;
};

/** Checks dates and numbers before asking the server; true when the form may be sent. */
dragoman.validate = function validate(form, dates, numbers) {
  dragoman.clearErrors(form);
  let ok = true;
  for (const name of dates || []) {
    const value = (form.elements[name] || {}).value || "";
    if (value.trim() && !dragoman.DATE.test(value.trim())) {
      dragoman.fieldError(form, name, "use a date as YYYY, YYYY-MM or YYYY-MM-DD");
      ok = false;
    }
  }
  for (const name of numbers || []) {
    const value = ((form.elements[name] || {}).value || "").trim();
    if (value && !(Number(value) >= 0 && Number(value) <= 1)) {
      dragoman.fieldError(form, name, "a number from 0 to 1");
      ok = false;
    }
  }
  return ok;
};

/** An API error shown beside the form field it concerns (``names`` maps API names to field names). */
dragoman.showError = function showError(err, form, box, names) {
  let placed = false;
  for (const [param, message] of Object.entries(err.fields || {})) {
    if (form && dragoman.fieldError(form, (names || {})[param] || param, message)) placed = true;
  }
  if (!placed && box) dragoman.clear(box).append(dragoman.el("p", { class: "error", role: "alert", text: err.message }));
  else if (box) dragoman.clear(box);
};

/* ---------- actor autocomplete over every actor (asks the server as one types) ---------- */
let actorQuery = 0;
dragoman.suggestActors = async function suggestActors(text) {
  const ask = ++actorQuery;
  const data = await dragoman.api("/api/actors", { q: text, page_size: 20, countries: false });
  const countries = await dragoman.api("/api/actors", { q: text, page_size: 10, countries: true });
  if (ask !== actorQuery) return;  // a later keystroke has asked since
  const list = dragoman.clear(document.getElementById("actor-list"));
  const seen = new Set();
  for (const actor of [...countries.items, ...data.items]) {
    if (seen.has(actor.key)) continue;
    seen.add(actor.key);
    list.append(dragoman.el("option", { value: actor.key, label: `${actor.name} · ${actor.n_events} events` }));
  }
};

/* ---------- names and sources ---------- */
dragoman.actorNames = function actorNames(list) {
  return (list || []).map((a) => a.name || a.actor_id || a.country || "?").join(", ");
};
dragoman.actorCodes = function actorCodes(list) {
  return (list || []).map((a) => a.actor_id || a.country || a.org || "").join("; ");
};
dragoman.source = function source(row) {
  return row.publisher || row.title || row.path || "unknown source";
};
dragoman.round = function round(value, digits) {
  if (value === null || value === undefined || Number.isNaN(value)) return "–";
  const factor = 10 ** (digits ?? 1);
  const rounded = Math.round(value * factor) / factor;
  return (rounded > 0 ? "+" : "") + rounded.toFixed(digits ?? 1);
};

/* ---------- downloads (CSV and JSON of what a table shows) ---------- */
dragoman.download = function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = dragoman.el("a", { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
};

dragoman.csv = function csv(columns, rows) {
  const cell = (v) => {
    const text = v === null || v === undefined ? "" : String(v);
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [columns.map((c) => cell(c.label)).join(",")];
  for (const row of rows) lines.push(columns.map((c) => cell(c.value(row))).join(","));
  return lines.join("\r\n") + "\r\n";
};
