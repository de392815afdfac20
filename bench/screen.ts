/**
 * npm run bench:screen — end-to-end screening on the real lists.
 *
 * Imports the real list files in ../shared/data/lists/ with the list importer (importListFile) into a
 * temporary SQLite store, builds the MatchIndex from it, and screens yente's screening fixtures: the UN
 * positives (treated: typos and reshuffled name parts; untreated: as listed) must find a UN entry; every
 * match on the negatives (100,000 synthetic people) and on the US Congress members is a false positive.
 * Queries carry what the fixture gives: full name, type Person, birth date, nationality.
 *
 * Prints recall, false positives per 1,000 negatives, queries/s (one core, and all cores with worker
 * threads) and p50/p99 latency, beside a fuse.js baseline run in the same process on the same names
 * (fuse scans every name per query, ~250 ms each, so it runs on an evenly spaced sample of every query set:
 * about N/4 of each UN positives file, N/6 of each negatives file and N/12 of the US Congress, default N = 600;
 * a second table gives both matchers' recall and false positives on exactly that sample).
 *
 * Usage: npm run bench:screen [-- --shared PATH] [--fuse-sample N] [--misses]
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { parse } from "csv-parse/sync";
import Fuse from "fuse.js";
import { openStore } from "../src/store/open.js";
import { importListFile } from "../src/lists/import.js";
import { MatchIndex, storeRecords } from "../src/match/index.js";
import { DEFAULT_THRESHOLD, MATCH_ALGORITHM } from "../src/match/version.js";
import { asciiFold } from "../src/model/names.js";
import type { ScreenQueryInput } from "../src/model/match.js";
import type { ListSourceId } from "../src/model/lists.js";

const args = process.argv.slice(2);
const arg = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const shared = arg("--shared") ?? join(import.meta.dirname, "..", "..", "shared");
const fuseSample = Number(arg("--fuse-sample") ?? 600);
const lists = join(shared, "data", "lists");
const fixtures = join(shared, "benchmarks", "screening_fixtures");
if (!existsSync(lists) || !existsSync(fixtures)) {
  console.error(`bench:screen: ${lists} or ${fixtures} not found (the shared folder must sit beside the checkout, or pass --shared PATH)`);
  process.exit(1);
}

// The complete lists of ../shared/data/lists (PROVENANCE.md): the 2021 OFAC SDN trio (the newest complete
// one), the OFAC non-SDN consolidated list, the UN consolidated list and the UK FCDO spreadsheet.
const FILES: Array<{ source: ListSourceId; file: string }> = [
  { source: "ofac-sdn", file: join(lists, "ofac", "2021-04_complete", "sdn.csv") },
  { source: "ofac-cons", file: join(lists, "ofac", "consolidated_2025-03-28", "consolidated.xml") },
  { source: "un", file: join(lists, "un", "consolidated.xml") },
  { source: "uk", file: join(lists, "uk", "FCDO_SL_Mon_Aug 11 2025.ods") },
];

interface FixtureRow { full_name: string; date_of_birth: string; nationality: string }
const readFixture = (name: string) => parse(readFileSync(join(fixtures, name)), { columns: true, skip_empty_lines: true }) as FixtureRow[];
const toQuery = (r: FixtureRow): ScreenQueryInput => ({
  names: [r.full_name],
  type: "Person",
  birthDates: r.date_of_birth ? [r.date_of_birth] : [],
  countries: r.nationality ? [r.nationality] : [],
});

// ---- load the lists --------------------------------------------------------------------------------------
const dir = mkdtempSync(join(tmpdir(), "autorisk-bench-screen-"));
const store = await openStore({ db: join(dir, "screen.db"), demo: false });
const loadLines: string[] = [];
let t = performance.now();
for (const { source, file } of FILES) {
  if (!existsSync(file)) {
    loadLines.push(`${source}: ${file} missing, skipped`);
    continue;
  }
  try {
    const r = await importListFile(store, { source, file });
    loadLines.push(`${source}: ${r.version.recordCount ?? "?"} records (${file.replace(shared + "/", "")})`);
  } catch (err) {
    loadLines.push(`${source}: import failed: ${(err as Error).message}`);
  }
}
const importSeconds = (performance.now() - t) / 1000;
const progress = (msg: string) => process.stderr.write(`bench:screen: ${msg}\n`);
progress(`lists imported in ${importSeconds.toFixed(1)} s`);
t = performance.now();
const records = await storeRecords(store);
const index = MatchIndex.fromRecords(records);
const buildSeconds = (performance.now() - t) / 1000;
progress(`index built in ${buildSeconds.toFixed(1)} s`);
await store.close();
rmSync(dir, { recursive: true, force: true });

// ---- the fixtures ----------------------------------------------------------------------------------------
const sets = {
  "UN positives, treated": readFixture("positives_un_treated.csv"),
  "UN positives, untreated": readFixture("positives_un_untreated.csv"),
  "negatives, global": readFixture("negatives_global.csv"),
  "negatives, US": readFixture("negatives_us.csv"),
  "US Congress (PEPs, not listed)": readFixture("positives_us_congress_untreated.csv"),
};
type SetName = keyof typeof sets;
const positive = (s: SetName) => s.startsWith("UN positives");

// ---- autorisk, one core: every query, timed one by one -----------------------------------------------
interface Outcome { found: number; fp: number; n: number; latencies: number[]; seconds: number; misses: string[]; correct: boolean[] }
const ours = new Map<SetName, Outcome>();
for (const name of Object.keys(sets) as SetName[]) {
  const rows = sets[name];
  const o: Outcome = { found: 0, fp: 0, n: rows.length, latencies: [], seconds: 0, misses: [], correct: [] };
  const t0 = performance.now();
  for (const row of rows) {
    const q0 = performance.now();
    const hits = index.screen(toQuery(row), { limit: 5, threshold: DEFAULT_THRESHOLD });
    o.latencies.push(performance.now() - q0);
    const matches = hits.filter((h) => h.match);
    o.correct.push(positive(name) ? matches.some((h) => h.id.startsWith("un:")) : matches.length === 0);
    if (positive(name)) {
      if (matches.some((h) => h.id.startsWith("un:"))) o.found++;
      else o.misses.push(`${row.full_name} (${row.date_of_birth}, ${row.nationality}) → ${hits[0] ? `${hits[0].caption} ${hits[0].score}` : "nothing"}`);
    } else if (matches.length) {
      o.fp++;
      o.misses.push(`${row.full_name} (${row.date_of_birth}, ${row.nationality}) → ${matches[0].caption} [${matches[0].id}] ${matches[0].score}`);
    }
  }
  o.seconds = (performance.now() - t0) / 1000;
  ours.set(name, o);
  progress(`autorisk screened ${name} in ${o.seconds.toFixed(1)} s`);
}

// ---- autorisk, all cores: the negatives through worker threads ------------------------------------------
const cores = availableParallelism();
const negatives = [...sets["negatives, global"], ...sets["negatives, US"]].map(toQuery);
const workerCode = `
  const { parentPort, workerData } = require("node:worker_threads");
  import("tsx/esm/api").then(async (m) => {
    m.register();
    const { MatchIndex } = await import(${JSON.stringify(new URL("../src/match/index.ts", import.meta.url).href)});
    const index = MatchIndex.fromRecords(workerData.records);
    parentPort.postMessage("ready");
    parentPort.on("message", (queries) => {
      let matches = 0;
      for (const q of queries) if (index.screen(q, { limit: 5 }).some((h) => h.match)) matches++;
      parentPort.postMessage(matches);
    });
  });`;
const workers = Array.from({ length: cores }, () => new Worker(workerCode, { eval: true, workerData: { records } }));
await Promise.all(workers.map((w) => new Promise((r) => w.once("message", r))));
// warm each worker's JIT on the positives first, as the one-core run above is warm when it reaches the negatives
const warmup = [...sets["UN positives, treated"], ...sets["UN positives, untreated"]].map(toQuery);
await Promise.all(workers.map((w) => new Promise((r) => { w.once("message", r); w.postMessage(warmup); })));
t = performance.now();
const share = Math.ceil(negatives.length / cores);
await Promise.all(workers.map((w, i) => new Promise((r) => { w.once("message", r); w.postMessage(negatives.slice(i * share, (i + 1) * share)); })));
const parallelQps = negatives.length / ((performance.now() - t) / 1000);
await Promise.all(workers.map((w) => w.terminate()));

// ---- fuse.js baseline ---------------------------------------------------------------------------------
// What a careful TypeScript developer would write: one record per name (primary and every alias), names
// transliterated and folded to lower-case ASCII (any-ascii + pinyin, the project's asciiFold), token search
// with fuse's own IDF weighting, location ignored, threshold 0.3, and a hit counted as a match at fuse
// score ≤ 0.3 (fuse: 0 = perfect).
const fold = asciiFold;
const fuseDocs = records.entities
  .filter((e) => records.listings.some((l) => l.entity === e.id))
  .flatMap((e) => [e.name, ...e.aliases].map((n) => ({ id: e.id, name: fold(n) })));
t = performance.now();
const fuse = new Fuse(fuseDocs, { keys: ["name"], includeScore: true, threshold: 0.3, ignoreLocation: true, useTokenSearch: true });
const fuseBuild = (performance.now() - t) / 1000;
const FUSE_MATCH = 0.3;
// evenly spaced rows of a set; autorisk's answers on exactly these rows are counted beside fuse's
const sampleIndices = (size: number, n: number) => Array.from({ length: size }, (_, i) => i).filter((i) => size <= n || i % Math.ceil(size / n) === 0);
const fuseOut = new Map<SetName, Outcome>();
const oursOnSample = new Map<SetName, { n: number; correct: number }>();
for (const name of Object.keys(sets) as SetName[]) {
  const indices = sampleIndices(sets[name].length, name.startsWith("negatives") ? fuseSample / 6 : name.startsWith("UN") ? fuseSample / 4 : fuseSample / 12);
  const rows = indices.map((i) => sets[name][i]);
  oursOnSample.set(name, { n: indices.length, correct: indices.filter((i) => ours.get(name)!.correct[i]).length });
  const o: Outcome = { found: 0, fp: 0, n: rows.length, latencies: [], seconds: 0, misses: [], correct: [] };
  const t0 = performance.now();
  for (const row of rows) {
    const q0 = performance.now();
    const res = fuse.search(fold(row.full_name), { limit: 5 });
    o.latencies.push(performance.now() - q0);
    const matches = res.filter((r) => (r.score ?? 1) <= FUSE_MATCH);
    if (positive(name)) {
      if (matches.some((r) => r.item.id.startsWith("un:"))) o.found++;
    } else if (matches.length) o.fp++;
  }
  o.seconds = (performance.now() - t0) / 1000;
  fuseOut.set(name, o);
}

// ---- report --------------------------------------------------------------------------------------------
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};
const sum = (m: Map<SetName, Outcome>, f: (o: Outcome) => number, only: (s: SetName) => boolean) => [...m].filter(([s]) => only(s)).reduce((a, [, o]) => a + f(o), 0);
console.log(`bench:screen — ${MATCH_ALGORITHM}, threshold ${DEFAULT_THRESHOLD}, ${cores} cores`);
for (const l of loadLines) console.log(`  ${l}`);
console.log(`  import ${importSeconds.toFixed(1)} s; index of ${index.size.toLocaleString("en")} parties / ${index.nameCount.toLocaleString("en")} names built in ${buildSeconds.toFixed(2)} s; fuse.js index of ${fuseDocs.length.toLocaleString("en")} names in ${fuseBuild.toFixed(2)} s`);
console.log("");
console.log("| query set | matcher | queries | recall | false positives | FP per 1,000 | queries/s (1 core) | p50 ms | p99 ms |");
console.log("|---|---|---:|---:|---:|---:|---:|---:|---:|");
for (const name of Object.keys(sets) as SetName[]) {
  for (const [label, m] of [["autorisk", ours], ["fuse.js", fuseOut]] as const) {
    const o = m.get(name)!;
    const recall = positive(name) ? (o.found / o.n).toFixed(3) : "–";
    const fp = positive(name) ? "–" : String(o.fp);
    const fpk = positive(name) ? "–" : ((o.fp / o.n) * 1000).toFixed(2);
    console.log(`| ${name} | ${label} | ${o.n.toLocaleString("en")} | ${recall} | ${fp} | ${fpk} | ${Math.round(o.n / o.seconds).toLocaleString("en")} | ${pct(o.latencies, 50).toFixed(3)} | ${pct(o.latencies, 99).toFixed(3)} |`);
  }
}
// the like-for-like comparison: both matchers on fuse's sample
console.log("");
console.log("| query set (fuse.js's sample) | queries | autorisk recall / FP | fuse.js recall / FP |");
console.log("|---|---:|---:|---:|");
for (const name of Object.keys(sets) as SetName[]) {
  const a = oursOnSample.get(name)!;
  const f = fuseOut.get(name)!;
  const cell = (correct: number, n: number) => (positive(name) ? (correct / n).toFixed(3) : String(n - correct));
  console.log(`| ${name} | ${a.n} | ${cell(a.correct, a.n)} | ${cell(positive(name) ? f.found : f.n - f.fp, f.n)} |`);
}
const negOurs = { n: sum(ours, (o) => o.n, (s) => s.startsWith("negatives")), fp: sum(ours, (o) => o.fp, (s) => s.startsWith("negatives")), s: sum(ours, (o) => o.seconds, (s) => s.startsWith("negatives")) };
const negFuse = { n: sum(fuseOut, (o) => o.n, (s) => s.startsWith("negatives")), fp: sum(fuseOut, (o) => o.fp, (s) => s.startsWith("negatives")), s: sum(fuseOut, (o) => o.seconds, (s) => s.startsWith("negatives")) };
console.log("");
console.log(`negatives overall: autorisk ${((negOurs.fp / negOurs.n) * 1000).toFixed(2)} FP per 1,000 (${negOurs.fp} of ${negOurs.n.toLocaleString("en")}); fuse.js ${((negFuse.fp / negFuse.n) * 1000).toFixed(2)} per 1,000 (${negFuse.fp} of ${negFuse.n.toLocaleString("en")} sampled)`);
// The treated file is the untreated one with typos, row for row. Where even the untreated name finds no UN
// entry, that person is not on the UN file in ../shared (listed under another name, or since delisted): the
// treated row cannot be found either, whatever the matcher does.
const treated = ours.get("UN positives, treated")!;
const untreated = ours.get("UN positives, untreated")!;
const reachable = treated.correct.filter((_, i) => untreated.correct[i]);
console.log(`UN positives, treated, among the ${reachable.length} whose untreated name finds its UN entry: recall ${(reachable.filter(Boolean).length / reachable.length).toFixed(3)}`);
const fuseQps = negFuse.n / negFuse.s;
console.log(`throughput on the negatives: autorisk ${Math.round(negOurs.n / negOurs.s).toLocaleString("en")} queries/s on 1 core, ${Math.round(parallelQps).toLocaleString("en")} queries/s on ${cores} cores (worker threads, ${negatives.length.toLocaleString("en")} queries); fuse.js ${fuseQps.toFixed(1)} queries/s on 1 core (${negFuse.n} sampled queries) → ${(negOurs.n / negOurs.s / fuseQps).toFixed(0)}× per core`);
console.log(`fuse.js sample: every query set sampled evenly (--fuse-sample ${fuseSample}: about ${fuseSample / 4} per UN positives file, ${fuseSample / 6} per negatives file, ${fuseSample / 12} of the US Congress); autorisk ran every query`);
if (args.includes("--misses")) {
  for (const [name, o] of ours) {
    if (!o.misses.length) continue;
    console.log(`\n${name}: ${o.misses.length} ${positive(name) ? "missed" : "false positives"}`);
    for (const m of o.misses.slice(0, 60)) console.log(`  ${m}`);
  }
}
