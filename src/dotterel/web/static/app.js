/* dotterel dashboard: plain JavaScript over the read-only API, charts by ECharts (vendored).
 *
 * State lives in the filter form and the URL hash (so a view can be shared); every panel is
 * redrawn from the API when a filter changes, and when the store changes underneath (the page
 * polls /api/summary, so events written by `dotterel code` appear without a reload).
 * Article text is untrusted: it is only ever inserted as text nodes, never as HTML.
 */
"use strict";

const QUAD_NAMES = ["verbal cooperation", "material cooperation", "verbal conflict", "material conflict"];
const QUAD_KEYS = ["verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"];
const QUAD_COLORS = ["#7fc97f", "#1a9850", "#f4a582", "#c0392b"];
const ACTOR_RE = /^[A-Za-z0-9]{2,24}$/;
const PAGE = 25;
const POLL_MS = Number(new URLSearchParams(location.search).get("poll") || 3000);

const $ = (id) => document.getElementById(id);
const state = { offset: 0, total: 0, version: null, charts: {}, mapReady: false, ready: false, seq: 0 };
// Every redraw takes a number; a panel whose data arrives after a newer redraw started drops it,
// so quick successive filter changes cannot leave an older view on screen.
const stale = (token) => token !== state.seq;

/* ---------- small helpers ---------- */

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v;
    else if (k === "dataset") Object.assign(node.dataset, v);
    else node.setAttribute(k, v);
  }
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(child ?? ""));
  return node;
}

function goldsteinColor(g) {
  // -10 red … 0 grey … +10 green
  if (g === null || g === undefined) return "#999";
  const t = Math.max(-1, Math.min(1, g / 10));
  const mix = (a, b) => Math.round(a + (b - a) * Math.abs(t));
  return t < 0 ? `rgb(${mix(150, 192)},${mix(150, 57)},${mix(150, 43)})` : `rgb(${mix(150, 26)},${mix(150, 152)},${mix(150, 80)})`;
}

function notice(text) {
  const box = $("notice");
  box.hidden = !text;
  box.textContent = text || "";
}

async function api(path, params = {}) {
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries(params)) {
    if (Array.isArray(v)) v.forEach((x) => url.searchParams.append(k, x));
    else if (v !== null && v !== undefined && v !== "") url.searchParams.set(k, v);
  }
  const response = await fetch(url);
  const body = await response.json();
  if (!response.ok) throw new Error(body.detail || response.statusText);
  const snapshot = response.headers.get("X-Dotterel-Snapshot");
  $("live").classList.toggle("stale", Boolean(snapshot));
  $("live").textContent = snapshot ? `store busy: showing copy of ${snapshot.slice(11, 19)} UTC` : "live";
  return body;
}

/* ---------- filters ---------- */

function filters() {
  const quads = [...document.querySelectorAll("#f-quads input:checked")].map((i) => Number(i.value));
  return {
    a: $("f-a").value.trim().toUpperCase(), b: $("f-b").value.trim().toUpperCase(),
    by: $("f-by").value, unit: $("f-unit").value, start: $("f-start").value, end: $("f-end").value,
    quads: quads.length === 4 ? [] : quads, q: $("f-q").value.trim(),
  };
}

function validFilters(f) {
  // Checked here so that the page never sends a request the API would refuse.
  if (f.a && !ACTOR_RE.test(f.a)) return "Actor A: a country (IRN) or actor code (IRNGOV)";
  if (f.b && !ACTOR_RE.test(f.b)) return "Actor B: a country (USA) or actor code (USAGOV)";
  if (f.b && !f.a) return "Choose actor A first";
  if (f.start && f.end && f.start > f.end) return "From is after To";
  if (!document.querySelectorAll("#f-quads input:checked").length) return "Choose at least one quad class";
  return null;
}

function saveHash(f) {
  const p = new URLSearchParams();
  for (const k of ["a", "b", "by", "unit", "start", "end", "q"]) if (f[k] && !(k === "by" && f.by === "month") && !(k === "unit" && f.unit === "merged")) p.set(k, f[k]);
  if (f.quads.length) p.set("quad", f.quads.join(","));
  history.replaceState(null, "", "#" + p.toString());
}

function loadHash() {
  const p = new URLSearchParams(location.hash.slice(1));
  for (const k of ["a", "b", "by", "unit", "start", "end", "q"]) if (p.get(k)) $("f-" + k).value = p.get(k);
  if (p.get("quad")) {
    const on = p.get("quad").split(",");
    document.querySelectorAll("#f-quads input").forEach((i) => { i.checked = on.includes(i.value); });
  }
  return p.has("a");
}

/* ---------- panels ---------- */

async function drawChart(f, token) {
  const chart = state.charts.chart;
  const title = f.a ? `${f.a} ${f.b ? "↔ " + f.b : "with everyone"} by ${f.by}` : "Dyad over time: choose actor A";
  $("chart-title").textContent = title;
  if (!f.a) { chart.clear(); $("chart").dataset.state = ""; return; }
  const series = await api("/api/dyad", { a: f.a, b: f.b, by: f.by, unit: f.unit, start: f.start, end: f.end });
  if (stale(token)) return;
  const points = series.points;
  const labels = points.map((p) => p.period ?? "undated");
  const selected = f.quads.length ? f.quads : [1, 2, 3, 4];
  chart.setOption({
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    legend: { top: 0 },
    grid: { left: 48, right: 56, top: 36, bottom: 40 },
    xAxis: { type: "category", data: labels },
    yAxis: [{ type: "value", name: series.unit === "merged" ? "happenings" : "reports", minInterval: 1 },
            { type: "value", name: "Goldstein", min: -10, max: 10 }],
    series: [
      ...QUAD_KEYS.map((key, i) => ({
        name: QUAD_NAMES[i], type: "bar", stack: "quads", barMaxWidth: 70, itemStyle: { color: QUAD_COLORS[i] },
        data: points.map((p) => (selected.includes(i + 1) ? p[key] : 0)),
      })),
      // The line runs through dated periods only; undated events get a lone marker, since
      // "undated" is not a time that comes after the others.
      { name: "mean Goldstein", type: "line", yAxisIndex: 1, itemStyle: { color: "#1d2733" }, connectNulls: false,
        data: points.map((p) => (p.period ? p.goldstein_mean : null)) },
      { name: "mean Goldstein", type: "scatter", yAxisIndex: 1, symbol: "diamond", symbolSize: 10, itemStyle: { color: "#1d2733" },
        data: points.map((p) => (p.period ? null : p.goldstein_mean)) },
    ],
  }, true);
  const total = points.reduce((n, p) => n + p.events, 0);
  // For tests and curious users: what the chart currently shows.
  $("chart").dataset.state = JSON.stringify({ a: series.a, b: series.b, by: series.by, periods: points.length, events: total });
}

async function drawNetwork(f, token) {
  const graph = await api("/api/network", { start: f.start, end: f.end, quad: f.quads, unit: f.unit });
  if (stale(token)) return;
  const netParams = new URLSearchParams({ format: "graphml" });
  if (f.start) netParams.set("start", f.start);
  if (f.end) netParams.set("end", f.end);
  $("graphml").href = "/api/network?" + netParams.toString();
  netParams.delete("format");
  $("netjson").href = "/api/network?" + netParams.toString();
  const top = graph.nodes.slice(0, 40);
  const keep = new Set(top.map((n) => n.id));
  const chosen = new Set([f.a, f.b].filter(Boolean));
  const maxEvents = Math.max(1, ...top.map((n) => n.events));
  state.charts.network.setOption({
    tooltip: { formatter: (p) => (p.dataType === "edge"
      ? `${p.data.source} → ${p.data.target}: ${p.data.value} events, mean Goldstein ${p.data.gs}`
      : `${p.data.name}: ${p.data.value} events`) },
    series: [{
      type: "graph", layout: "force", roam: true, draggable: true, edgeSymbol: ["none", "arrow"], edgeSymbolSize: 7,
      // Crowded graphs need less repulsion and more pull to the centre to stay in the panel.
      force: top.length > 15 ? { repulsion: 110, edgeLength: [40, 110], gravity: 0.3 } : { repulsion: 260, edgeLength: [60, 160], gravity: 0.08 },
      label: { show: true, position: "right", fontSize: 11 },
      data: top.map((n) => ({ id: n.id, name: n.id, value: n.events, symbolSize: 10 + 30 * Math.sqrt(n.events / maxEvents),
        itemStyle: { color: chosen.has(n.id) ? "#ff9800" : "#4a6fa5" } })),
      links: graph.edges.filter((e) => keep.has(e.source) && keep.has(e.target)).map((e) => ({
        source: e.source, target: e.target, value: e.events, gs: e.goldstein_mean,
        lineStyle: { width: 1 + 2 * Math.log2(1 + e.events), color: goldsteinColor(e.goldstein_mean), curveness: 0.15, opacity: 0.8 },
      })),
    }],
  }, true);
  drawPairs(graph, f);
}

function drawPairs(graph, f) {
  // Undirected country pairs, summed over both directions: relations at a glance.
  const pairs = new Map();
  for (const e of graph.edges) {
    const key = [e.source, e.target].sort().join(" ↔ ");
    const pair = pairs.get(key) || { key, ends: [e.source, e.target].sort(), quads: [0, 0, 0, 0], events: 0, gs: 0 };
    e.quads.forEach((q, i) => { pair.quads[i] += q; });
    pair.events += e.events;
    pair.gs += e.goldstein_sum;
    pairs.set(key, pair);
  }
  const top = [...pairs.values()].sort((x, y) => y.events - x.events || x.key.localeCompare(y.key)).slice(0, 10).reverse();
  state.charts.pairs.setOption({
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    legend: { show: false },
    grid: { left: 8, right: 20, top: 10, bottom: 24, containLabel: true },
    xAxis: { type: "value", minInterval: 1 },
    yAxis: { type: "category", data: top.map((p) => p.key) },
    series: QUAD_NAMES.map((name, i) => ({ name, type: "bar", stack: "q", itemStyle: { color: QUAD_COLORS[i] }, data: top.map((p) => p.quads[i]) })),
  }, true);
  const chips = $("dyad-chips");
  chips.replaceChildren(...[...top].reverse().slice(0, 8).map((p) => {
    const button = el("button", { type: "button", class: p.ends[0] === f.a && p.ends[1] === f.b ? "active" : "" }, `${p.key} (${p.events})`);
    button.addEventListener("click", () => { $("f-a").value = p.ends[0]; $("f-b").value = p.ends[1]; refresh(true); });
    return button;
  }));
  return top;
}

async function drawMap(f, token) {
  if (!state.mapReady) await loadWorld();
  const places = await api("/api/locations", { actor: f.a, other: f.b, quad: f.quads, start: f.start, end: f.end, q: f.q });
  if (stale(token)) return;
  const maxEvents = Math.max(1, ...places.map((p) => p.events));
  const option = {
    tooltip: { formatter: (p) => (p.data ? `${p.data.name}: ${p.data.events} events, mean Goldstein ${p.data.gs}` : p.name) },
    geo: { map: "world", roam: true, itemStyle: { areaColor: "#e8ecf1", borderColor: "#b8c2cc" }, emphasis: { disabled: true } },
    series: [{ type: "scatter", coordinateSystem: "geo",
      data: places.map((p) => ({ name: p.name, value: [p.longitude, p.latitude, p.events], events: p.events, gs: p.goldstein_mean,
        symbolSize: 8 + 22 * Math.sqrt(p.events / maxEvents), itemStyle: { color: goldsteinColor(p.goldstein_mean), opacity: 0.85 } })),
      label: { show: true, formatter: "{b}", position: "right", fontSize: 10, color: "#333" } }],
  };
  if (places.length) {
    const lons = places.map((p) => p.longitude), lats = places.map((p) => p.latitude);
    const span = Math.max(Math.max(...lons) - Math.min(...lons), 2 * (Math.max(...lats) - Math.min(...lats)), 40);
    option.geo.center = [(Math.max(...lons) + Math.min(...lons)) / 2, (Math.max(...lats) + Math.min(...lats)) / 2];
    option.geo.zoom = Math.max(1, Math.min(5, 300 / (span + 20)));
  }
  state.charts.map.setOption(option, true);
  $("map").dataset.points = String(places.length);
}

async function loadWorld() {
  const topo = await (await fetch("/static/vendor/countries-110m.json")).json();
  const world = topojson.feature(topo, topo.objects.countries);
  // Antarctica only takes room; rings crossing ±180° (Russia, Fiji) would streak across the
  // map, so their western halves move east of 180°.
  world.features = world.features.filter((c) => c.id !== "010");
  for (const feature of world.features) {
    const polygons = feature.geometry.type === "Polygon" ? [feature.geometry.coordinates] : feature.geometry.coordinates;
    for (const polygon of polygons) for (const ring of polygon) {
      const crosses = ring.some((pt, i) => i && Math.abs(pt[0] - ring[i - 1][0]) > 180);
      if (crosses) ring.forEach((pt) => { if (pt[0] < 0) pt[0] += 360; });
    }
  }
  echarts.registerMap("world", world);
  state.mapReady = true;
}

async function drawTable(f, token = state.seq) {
  const page = await api("/api/events", { actor: f.a, other: f.b, quad: f.quads, start: f.start, end: f.end, q: f.q, limit: PAGE, offset: state.offset });
  if (stale(token)) return;
  state.total = page.total;
  const rows = page.items.map((e) => {
    const row = el("tr", { dataset: { eventId: e.event_id } },
      el("td", { class: "code" }, e.date || "—"),
      el("td", { class: "code", title: e.source?.text || "" }, e.source?.code || "?"),
      el("td", {}, "→"),
      el("td", { class: "code", title: e.target?.text || "" }, e.target?.code || "?"),
      el("td", {}, el("span", { class: `quad q${e.quad_class}`, title: QUAD_NAMES[e.quad_class - 1] }, e.cameo), e.cameo_name),
      el("td", { class: "code" }, e.goldstein.toFixed(1)),
      el("td", { class: "sentence" }, e.sentence),
      el("td", {}, e.title || e.doc_id));
    row.addEventListener("click", () => openEvent(e.event_id));
    return row;
  });
  document.querySelector("#events tbody").replaceChildren(...rows);
  $("table-count").textContent = `(${page.total})`;
  $("page").textContent = page.total ? `${page.offset + 1}–${page.offset + page.items.length} of ${page.total}` : "no events match";
  $("prev").disabled = page.offset === 0;
  $("next").disabled = page.offset + page.items.length >= page.total;
}

/* ---------- event detail ---------- */

function highlightedText(text, spans) {
  // Cut the text at every span boundary; each piece gets the classes of the spans covering it.
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(Math.max(0, Math.min(text.length, s.start))); cuts.add(Math.max(0, Math.min(text.length, s.end))); }
  const points = [...cuts].sort((x, y) => x - y);
  const box = el("div", { class: "article-text" });
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i], points[i + 1]];
    const covering = spans.filter((s) => s.start <= from && s.end >= to && s.end > s.start);
    const piece = text.slice(from, to);
    if (!covering.length) { box.append(document.createTextNode(piece)); continue; }
    box.append(el("span", { class: covering.map((s) => "hl-" + s.kind).join(" "), title: covering.map((s) => s.kind + (s.code ? " " + s.code : "")).join(", ") }, piece));
  }
  return box;
}

async function openEvent(eventId) {
  const e = await api(`/api/events/${eventId}`);
  const a = e.article || { text: e.sentence, title: e.doc_id };
  const actor = (x) => (x ? `${x.code || "?"} — “${x.text}”${x.name ? " (" + x.name + (x.role ? ", " + x.role : "") + ")" : ""}` : "—");
  const merged = e.merged ? `${e.merged.mentions} report(s) in ${e.merged.articles} article(s)` : "—";
  const body = $("detail-body");
  body.replaceChildren(
    el("h3", {}, a.title || e.doc_id),
    el("p", { class: "hint" }, [a.date || "undated", a.source, e.doc_id].filter(Boolean).join(" · ")),
    el("dl", {},
      el("dt", {}, "event"), el("dd", {}, el("span", { class: `quad q${e.quad_class}` }, e.cameo), `${e.cameo_name} (${e.plover || "no PLOVER type"}), Goldstein ${e.goldstein}`),
      el("dt", {}, "source"), el("dd", {}, actor(e.source)),
      el("dt", {}, "target"), el("dd", {}, actor(e.target)),
      el("dt", {}, "trigger"), el("dd", {}, `“${e.trigger.text}” (${e.trigger.pattern})`),
      el("dt", {}, "date"), el("dd", {}, e.date ? `${e.date} (${e.date_precision})` : "unknown"),
      el("dt", {}, "place"), el("dd", {}, e.location ? `${e.location.name}, ${e.location.country} (${e.location.precision})` : "—"),
      el("dt", {}, "modality"), el("dd", {}, `${e.modality}, confidence ${e.confidence}`),
      el("dt", {}, "merged"), el("dd", {}, merged)),
    el("p", { class: "legend" }, el("span", { class: "hl-sentence" }, "sentence"), el("span", { class: "hl-source" }, "source"),
      el("span", { class: "hl-target" }, "target"), el("span", { class: "hl-trigger" }, "trigger")),
    highlightedText(a.text, e.highlights));
  $("detail").hidden = false;
  $("detail").dataset.eventId = eventId;
  body.querySelector(".hl-trigger, .hl-sentence")?.scrollIntoView({ block: "center" });
}

/* ---------- wiring ---------- */

async function refresh(resetPage = false) {
  const f = filters();
  const problem = validFilters(f);
  if (problem) { notice(problem); return; }
  notice("");
  if (resetPage) state.offset = 0;
  saveHash(f);
  const token = ++state.seq;
  document.body.dataset.loading = "1";
  try {
    await Promise.all([drawChart(f, token), drawNetwork(f, token), drawMap(f, token), drawTable(f, token)]);
  } catch (err) {
    notice(`Could not load: ${err.message}`);
  } finally {
    if (!stale(token)) delete document.body.dataset.loading;
  }
}

async function poll() {
  try {
    const s = await api("/api/summary");
    const range = s.first_date ? `${s.first_date} – ${s.last_date}` : "no dates";
    $("summary").textContent = `${s.db}: ${s.articles} articles, ${s.events} events (${s.merged_events ?? "?"} happenings), ${range}, ${s.undated_events} undated`;
    const version = `${s.articles}/${s.events}/${s.merged_events}/${s.last_date}`;
    if (state.version !== null && version !== state.version) await refresh();
    state.version = version;
    return s;
  } catch (err) {
    notice(`Store not readable right now: ${err.message}`);
    return null;
  } finally {
    setTimeout(poll, POLL_MS);
  }
}

async function main() {
  for (const id of ["chart", "pairs", "network", "map"]) state.charts[id] = echarts.init($(id));
  window.addEventListener("resize", () => Object.values(state.charts).forEach((c) => c.resize()));
  state.charts.network.on("click", (p) => {
    if (p.dataType !== "node") return;
    if (!$("f-a").value || $("f-b").value) { $("f-a").value = p.data.id; $("f-b").value = ""; } else if (p.data.id !== $("f-a").value) $("f-b").value = p.data.id;
    refresh(true);
  });
  $("filters").addEventListener("change", () => refresh(true));
  $("filters").addEventListener("submit", (ev) => { ev.preventDefault(); refresh(true); });
  $("prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); drawTable(filters()).catch((e) => notice(e.message)); });
  $("next").addEventListener("click", () => { state.offset += PAGE; drawTable(filters()).catch((e) => notice(e.message)); });
  $("detail-close").addEventListener("click", () => { $("detail").hidden = true; });
  document.addEventListener("keydown", (ev) => { if (ev.key === "Escape") $("detail").hidden = true; });
  if (!loadHash()) {
    // Start on the most active pair, so the first view already says something.
    const graph = await api("/api/network", {});
    const pair = drawPairs(graph, filters()).at(-1);
    if (pair) { $("f-a").value = pair.ends[0]; $("f-b").value = pair.ends[1]; }
  }
  await poll();
  await refresh();
  state.ready = true;
  document.body.dataset.ready = "1";
}

main().catch((err) => notice(`Dashboard failed to start: ${err.message}`));
