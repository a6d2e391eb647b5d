// The search page: results as you type, facet filters with counts, snippets
// with the matched words marked, results announced in a live region, and the
// query in the address (?q=...&type=goal) so a search can be shared and
// reloaded. Only native form controls: usable with a keyboard alone. Without
// JavaScript the page keeps its form (which reloads the page) and the A-Z
// list of all goals.

import { SearchClient } from "./search.js";

const PAGE = 10;
const siteRoot = new URL("../", import.meta.url);
const client = new SearchClient({ base: new URL("search/", siteRoot).href });

const app = document.getElementById("search-app");
/** The filters, which are also the page's query parameters. */
const FACETS = app.dataset.facets.split(" ").filter(Boolean);
const form = document.getElementById("search-form");
const input = document.getElementById("search-q");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const more = document.getElementById("search-more");
const filtersSection = document.getElementById("search-filters-section");
const filtersBox = document.getElementById("search-filters");
const clear = document.getElementById("search-clear");
const az = document.getElementById("search-az");
const lang = app.dataset.lang;

const state = { q: "", filters: {}, limit: PAGE };
let sequence = 0;
let typingTimer;
let announceTimer;

function message(name, values = {}) {
  let text = app.dataset[`msg${name[0].toUpperCase()}${name.slice(1)}`] ?? "";
  for (const [key, value] of Object.entries(values)) text = text.replace(`{${key}}`, String(value));
  return text;
}

function readAddress() {
  const params = new URLSearchParams(location.search);
  state.q = params.get("q") ?? "";
  state.filters = {};
  for (const name of FACETS) {
    const values = params.getAll(name).filter(Boolean);
    if (values.length) state.filters[name] = values;
  }
}

function writeAddress() {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  for (const name of FACETS) for (const v of state.filters[name] ?? []) params.append(name, v);
  const query = params.toString();
  const url = `${location.pathname}${query ? `?${query}` : ""}${location.hash}`;
  if (url !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(null, "", url);
}

function appendParts(parent, parts) {
  for (const part of parts) {
    if (part.mark) {
      const mark = document.createElement("mark");
      mark.textContent = part.text;
      parent.append(mark);
    } else {
      parent.append(document.createTextNode(part.text));
    }
  }
}

function renderResults(results) {
  list.replaceChildren();
  for (const result of results) {
    const item = document.createElement("li");
    const heading = document.createElement("h3");
    const link = document.createElement("a");
    link.href = new URL(result.url, siteRoot).href;
    appendParts(link, result.titleParts);
    heading.append(link);
    item.append(heading);
    const meta = [result.facets?.type, result.facets?.organisation, result.facets?.year]
      .filter(Boolean)
      .map((f) => f.label);
    if (meta.length) {
      const p = document.createElement("p");
      p.className = "meta";
      p.textContent = meta.join(" · ");
      item.append(p);
    }
    if (result.snippetParts.length) {
      const p = document.createElement("p");
      p.className = "snippet";
      appendParts(p, result.snippetParts);
      item.append(p);
    }
    list.append(item);
  }
}

function renderFacets(facets) {
  const focused = document.activeElement?.closest?.("#search-filters") ? document.activeElement.id : null;
  filtersBox.replaceChildren();
  let any = false;
  for (const facet of facets) {
    if (facet.values.length === 0) continue;
    any = true;
    const fieldset = document.createElement("fieldset");
    const legend = document.createElement("legend");
    legend.textContent = app.dataset[`facet${facet.name[0].toUpperCase()}${facet.name.slice(1)}`] ?? facet.name;
    fieldset.append(legend);
    const ul = document.createElement("ul");
    facet.values.forEach((value, i) => {
      const li = document.createElement("li");
      const box = document.createElement("input");
      box.type = "checkbox";
      box.id = `facet-${facet.name}-${i}`;
      box.name = facet.name;
      box.value = value.value;
      box.checked = value.selected;
      const label = document.createElement("label");
      label.htmlFor = box.id;
      label.textContent = `${value.label} (${value.count})`;
      li.append(box, " ", label);
      ul.append(li);
    });
    fieldset.append(ul);
    filtersBox.append(fieldset);
  }
  filtersSection.hidden = !any;
  clear.hidden = Object.keys(state.filters).length === 0;
  if (focused) {
    // Keep the keyboard where it was after the list was redrawn.
    const again = document.getElementById(focused);
    if (again) again.focus();
  }
}

function announce(text, immediately) {
  clearTimeout(announceTimer);
  // Wait until typing pauses so a screen reader is not flooded.
  announceTimer = setTimeout(() => {
    status.textContent = text;
  }, immediately ? 0 : 700);
}

async function run({ immediately = false } = {}) {
  const id = ++sequence;
  writeAddress();
  const q = state.q.trim();
  if (!q) {
    list.replaceChildren();
    more.hidden = true;
    filtersSection.hidden = true;
    az.hidden = false;
    status.textContent = "";
    return;
  }
  az.hidden = true;
  try {
    // Results first; the facet table (for counts) only when filters need it
    // already, or after the results are shown.
    const filtered = Object.keys(state.filters).length > 0;
    const options = { lang, filters: state.filters, limit: state.limit };
    const answer = await client.search(state.q, { ...options, counts: filtered });
    if (id !== sequence) return;
    renderResults(answer.results);
    if (filtered) {
      renderFacets(answer.facets);
    } else {
      client
        .search(state.q, { ...options, documents: false })
        .then((withCounts) => {
          if (id === sequence) renderFacets(withCounts.facets);
        })
        .catch((error) => console.error(error));
    }
    more.hidden = answer.total <= answer.results.length;
    let text =
      answer.total === 0
        ? message("none")
        : answer.total === 1
          ? message("one")
          : message("many", { count: answer.total });
    if (answer.total > 0 && answer.matched < answer.groups.length) {
      text = `${message("partial")} ${text}`;
    }
    if (answer.total > answer.results.length && answer.results.length > 0) {
      text += ` ${message("shown", { shown: answer.results.length })}`;
    }
    announce(text, immediately);
  } catch (error) {
    if (id !== sequence) return;
    console.error(error);
    list.replaceChildren();
    more.hidden = true;
    az.hidden = false;
    announce(message("error"), true);
  }
}

input.addEventListener("input", () => {
  state.q = input.value;
  state.limit = PAGE;
  clearTimeout(typingTimer);
  typingTimer = setTimeout(() => run(), 80);
});

form.addEventListener("submit", (event) => {
  event.preventDefault();
  clearTimeout(typingTimer);
  state.q = input.value;
  state.limit = PAGE;
  run({ immediately: true });
});

filtersBox.addEventListener("change", (event) => {
  const box = event.target;
  if (!(box instanceof HTMLInputElement) || box.type !== "checkbox") return;
  const values = new Set(state.filters[box.name] ?? []);
  if (box.checked) values.add(box.value);
  else values.delete(box.value);
  if (values.size) state.filters[box.name] = [...values];
  else delete state.filters[box.name];
  state.limit = PAGE;
  run({ immediately: true });
});

clear.addEventListener("click", () => {
  state.filters = {};
  state.limit = PAGE;
  input.focus();
  run({ immediately: true });
});

more.addEventListener("click", async () => {
  const first = state.limit;
  state.limit += PAGE;
  await run({ immediately: true });
  // Move the keyboard to the first new result.
  const link = list.children[first]?.querySelector("a");
  if (link) link.focus();
});

window.addEventListener("popstate", () => {
  readAddress();
  input.value = state.q;
  run({ immediately: true });
});

readAddress();
input.value = state.q;
app.hidden = false;
// Fetch the small manifest now, so the first query starts sooner.
client.index(lang).catch(() => {});
run({ immediately: true });
