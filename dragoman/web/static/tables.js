/* Tables rendered from a list of columns: sort, paginate, download what is shown as CSV and JSON,
   and say plainly when loading, empty or failed. A column whose key no row holds is left out, so a
   column the store gains later (a date basis, a channel, a location) shows up by adding it to a list. */
"use strict";

(() => {
  const { el, clear, api } = dragoman;
  const PAGE = 25;

  /**
   * spec: {name, box, endpoint, columns: [{key, label, value(row), render?(row), sort?, optional?, csvOnly?}],
   *        query(params) -> API parameters, form, fieldNames, rowAttrs?(row), open?(row), noun, prefix}
   */
  dragoman.dataTable = function dataTable(spec) {
    const sortKey = `${spec.prefix}sort`, pageKey = `${spec.prefix}page`;

    async function fetchAll(query, total) {
      const items = [];
      for (let page = 1; items.length < total && page <= 40; page += 1) {
        const data = await api(spec.endpoint, { ...query, page, page_size: 500 });
        items.push(...data.items);
        if (!data.items.length) break;
      }
      return items;
    }

    async function load(params) {
      const box = spec.box();
      const page = Math.max(1, Number(params[pageKey] || 1));
      const query = { ...spec.query(params), sort: params[sortKey] || "" };
      box.setAttribute("aria-busy", "true");
      clear(box).append(el("p", { class: "muted loading", text: `Loading ${spec.noun}…` }));
      let data;
      try {
        data = await api(spec.endpoint, { ...query, page, page_size: PAGE });
      } catch (err) {
        box.removeAttribute("aria-busy");
        dragoman.showError(err, spec.form && spec.form(), box, spec.fieldNames);
        if (!box.firstChild) box.append(el("p", { class: "error", text: "Correct the field marked above." }));
        return;
      }
      box.removeAttribute("aria-busy");
      clear(box);
      if (!data.items.length) {
        box.append(el("p", { class: "empty" },
          page > 1 ? `No ${spec.noun} on page ${page}. ` : `No ${spec.noun} match these filters. `,
          el("button", { type: "button", class: "link", onclick: () => dragoman.navigate(spec.clearPatch()), text: "Clear the filters" })));
        return;
      }
      const columns = spec.columns.filter((c) => !c.optional || data.items.some((row) => row[c.key] !== undefined && row[c.key] !== null));
      const shown = columns.filter((c) => !c.csvOnly);
      const current = params[sortKey] || "";
      const head = el("tr", {}, ...shown.map((c) => {
        if (!c.sort) return el("th", { scope: "col", text: c.label });
        const dir = current === c.sort ? "ascending" : current === `-${c.sort}` ? "descending" : "none";
        const next = dir === "ascending" ? `-${c.sort}` : c.sort;
        return el("th", { scope: "col", "aria-sort": dir },
          el("button", { type: "button", class: "sort", "data-sort": c.sort, onclick: () => dragoman.navigate({ [sortKey]: next, [pageKey]: "" }) },
            c.label, el("span", { "aria-hidden": "true", text: dir === "ascending" ? " ▲" : dir === "descending" ? " ▼" : " ↕" })));
      }));
      const body = el("tbody");
      for (const row of data.items) {
        const attrs = spec.rowAttrs ? spec.rowAttrs(row) : {};
        const tr = el("tr", attrs, ...shown.map((c) => el("td", { "data-label": c.label }, c.render ? c.render(row) : c.value(row))));
        if (spec.open) {
          tr.classList.add("clickable");
          tr.tabIndex = 0;
          tr.addEventListener("click", (e) => { if (!e.target.closest("button, a")) spec.open(row); });
          tr.addEventListener("keydown", (e) => { if (e.key === "Enter" && e.target === tr) spec.open(row); });
        }
        body.append(tr);
      }
      const pages = Math.max(1, Math.ceil(data.total / PAGE));
      const downloads = el("div", { class: "downloads" },
        el("span", { class: "muted", text: `${data.total} ${spec.noun}` }),
        el("button", { type: "button", class: "download", "data-format": "csv", onclick: async () => {
          const all = await fetchAll(query, data.total);
          dragoman.download(`dragoman-${spec.name}.csv`, dragoman.csv(columns, all), "text/csv");
        }, text: "Download CSV" }),
        el("button", { type: "button", class: "download", "data-format": "json", onclick: async () => {
          const all = await fetchAll(query, data.total);
          dragoman.download(`dragoman-${spec.name}.json`, JSON.stringify(all, null, 1), "application/json");
        }, text: "Download JSON" }));
      box.append(downloads,
        el("div", { class: "table-wrap" }, el("table", {}, el("caption", { class: "sr-only", text: spec.noun }), el("thead", {}, head), body)),
        el("div", { class: "pager" },
          el("button", { type: "button", disabled: page <= 1, onclick: () => dragoman.navigate({ [pageKey]: page - 1 }), text: "‹ previous" }),
          el("span", { text: `page ${page} of ${pages}` }),
          el("button", { type: "button", disabled: page >= pages, onclick: () => dragoman.navigate({ [pageKey]: page + 1 }), text: "next ›" })));
    }
    return { load, query: spec.query };
  };

  /** A cell of actor names with their codes in the title. */
  dragoman.actorCell = (list) => el("span", { title: dragoman.actorCodes(list), text: dragoman.actorNames(list) });
  dragoman.confidence = (row) => (row.confidence === null || row.confidence === undefined ? "" : Number(row.confidence).toFixed(2));
})();
