/* dragoman dashboard: the tabs, the router (every view is a URL: reload and Back work) and start-up. */
"use strict";

(() => {
  const { el, api, status } = dragoman;
  const loaded = {};  // view name -> the URL parameters it was last drawn for
  let pending = 0;    // renders still drawing: body[data-ready] is "1" only when none is

  dragoman.invalidate = () => { for (const key of Object.keys(loaded)) delete loaded[key]; };

  function viewKey(params) {
    const own = { ...params };
    for (const key of ["doc", "focus", "at"]) delete own[key];
    return JSON.stringify(own);
  }

  dragoman.render = async function render() {
    pending += 1;
    document.body.dataset.ready = "0";
    try {
      await draw();
    } finally {
      pending -= 1;
      if (!pending) document.body.dataset.ready = "1";
    }
  };

  async function draw() {
    const params = dragoman.params();
    const names = dragoman.views.map((v) => v.name);
    const name = names.includes(params.view) ? params.view : "overview";
    for (const tab of document.querySelectorAll("#tabs [role=tab]")) {
      const active = tab.dataset.view === name;
      tab.setAttribute("aria-selected", String(active));
      tab.tabIndex = active ? 0 : -1;
    }
    for (const view of dragoman.views) document.getElementById(`view-${view.name}`).hidden = view.name !== name;
    status("");
    const key = viewKey(params);
    const work = [];
    if (loaded[name] !== key) {
      loaded[name] = key;
      const view = dragoman.views.find((v) => v.name === name);
      work.push(Promise.resolve().then(() => view.load(params)).catch((err) => status(err.message)));
    }
    work.push(dragoman.documentPane.show(params));
    await Promise.all(work);
    document.body.dataset.view = name;
  }

  function buildTabs() {
    const nav = document.getElementById("tabs");
    for (const view of dragoman.views) {
      const tab = el("a", { href: `/?view=${view.name}`, role: "tab", id: `tab-${view.name}`, "data-view": view.name, "aria-controls": `view-${view.name}`, text: view.title });
      tab.addEventListener("click", (e) => { e.preventDefault(); dragoman.navigate({ view: view.name }); });
      tab.addEventListener("keydown", (e) => {
        const tabs = [...nav.querySelectorAll("[role=tab]")];
        const at = tabs.indexOf(tab);
        const next = e.key === "ArrowRight" ? tabs[(at + 1) % tabs.length] : e.key === "ArrowLeft" ? tabs[(at - 1 + tabs.length) % tabs.length] : null;
        if (next) { e.preventDefault(); next.focus(); next.click(); }
        if (e.key === " ") { e.preventDefault(); tab.click(); }
      });
      nav.append(tab);
    }
  }

  function wireForms() {
    for (const view of dragoman.views) {
      if (!view.form) continue;
      const form = document.getElementById(`${view.form}-form`);
      form.addEventListener("submit", (e) => {
        e.preventDefault();
        const patch = dragoman.readForm(form);
        const prefix = { timeline: "", network: "", events: "e", quotes: "q", disputes: "d", search: "s" }[view.form];
        if (prefix) patch[`${prefix}page`] = "";
        if (view.form === "timeline") { patch.period = ""; patch.range = ""; }
        dragoman.navigate({ view: view.name, ...patch });
      });
    }
    for (const input of document.querySelectorAll("input[list=actor-list]")) {
      input.addEventListener("input", () => dragoman.suggestActors(input.value.trim()).catch(() => {}));
      input.addEventListener("focus", () => dragoman.suggestActors(input.value.trim()).catch(() => {}));
    }
    document.getElementById("doc-close").addEventListener("click", dragoman.closeDocument);
    document.addEventListener("keydown", (e) => { if (e.key === "Escape" && !document.getElementById("doc-view").hidden) dragoman.closeDocument(); });
    document.getElementById("home-link").addEventListener("click", (e) => { e.preventDefault(); dragoman.navigate({ view: "overview" }, { replace_all: true }); });
  }

  async function start() {
    buildTabs();
    wireForms();
    window.addEventListener("popstate", () => dragoman.render());
    try {
      dragoman.meta = await api("/api/meta");
      for (const select of document.querySelectorAll("select[name=etype], select[name=stype]")) {
        for (const t of Object.keys(dragoman.meta.types)) select.append(el("option", { value: t, text: t }));
      }
    } catch (err) {
      status(err.message);
    }
    await dragoman.render();
  }

  document.addEventListener("DOMContentLoaded", start);
})();
