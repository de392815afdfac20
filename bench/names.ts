/**
 * npm run bench:names — precision, recall and F1 of the pair scorer (compareNames) on nomenklatura's
 * name_bench cases, overall and per case group, beside OpenSanctions logic-v2's frozen run on the same cases
 * (its scores at its own threshold 0.7, from logicv2-frozen.csv). Also prints the pair throughput.
 *
 * Usage: npm run bench:names [-- --shared PATH] [--errors]   (--errors lists every misclassified pair with our
 * score and the rules that moved it, or the alignment rows when no rule fired)
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { compareNames } from "../src/match/score-names.js";
import { DEFAULT_THRESHOLD, MATCH_ALGORITHM } from "../src/match/version.js";

const args = process.argv.slice(2);
const shared = args.includes("--shared") ? args[args.indexOf("--shared") + 1] : join(import.meta.dirname, "..", "..", "shared");
const dir = join(shared, "benchmarks", "name_bench");
if (!existsSync(join(dir, "cases.csv"))) {
  console.error(`bench:names: ${join(dir, "cases.csv")} not found (the shared folder must sit beside the checkout, or pass --shared PATH)`);
  process.exit(1);
}

interface Case {
  case_group: string;
  schema: string;
  name1: string;
  name2: string;
  is_match: string;
  category?: string;
  notes?: string;
}
interface Frozen extends Case {
  predicted_match: string;
  score: string;
}

const cases = parse(readFileSync(join(dir, "cases.csv")), { columns: true, skip_empty_lines: true }) as Case[];
const frozen = parse(readFileSync(join(dir, "logicv2-frozen.csv")), { columns: true, skip_empty_lines: true }) as Frozen[];
// joined without the group: the frozen run names one group differently (synth_corp_positives)
const keyOf = (c: Case) => [c.schema, c.name1, c.name2, c.is_match].join("\u0001");
const peer = new Map(frozen.map((f) => [keyOf(f), f.predicted_match === "true"]));

interface Tally { tp: number; fp: number; fn: number; tn: number }
const tally = (): Tally => ({ tp: 0, fp: 0, fn: 0, tn: 0 });
function add(t: Tally, truth: boolean, predicted: boolean) {
  if (truth && predicted) t.tp++;
  else if (!truth && predicted) t.fp++;
  else if (truth) t.fn++;
  else t.tn++;
}
function prf(t: Tally) {
  const p = t.tp + t.fp ? t.tp / (t.tp + t.fp) : 0;
  const r = t.tp + t.fn ? t.tp / (t.tp + t.fn) : 0;
  const f = p + r ? (2 * p * r) / (p + r) : 0;
  return { p, r, f, n: t.tp + t.fp + t.fn + t.tn };
}

const ours = new Map<string, Tally>();
const oursSame = new Map<string, Tally>();
const theirs = new Map<string, Tally>();
const errors: string[] = [];
const started = performance.now();
for (const c of cases) {
  const truth = c.is_match === "true";
  const result = compareNames(c.name1, c.name2, { schema: c.schema });
  for (const g of [c.case_group, "ALL"]) {
    if (!ours.has(g)) ours.set(g, tally());
    add(ours.get(g)!, truth, result.match);
  }
  const peerPrediction = peer.get(keyOf(c));
  if (peerPrediction !== undefined) {
    for (const g of [c.case_group, "ALL"]) {
      if (!oursSame.has(g)) oursSame.set(g, tally());
      if (!theirs.has(g)) theirs.set(g, tally());
      add(oursSame.get(g)!, truth, result.match);
      add(theirs.get(g)!, truth, peerPrediction);
    }
  }
  if (truth !== result.match) {
    const why = result.rules.length
      ? `rules: ${result.rules.join(", ")}`
      : `aligned: ${result.aligned.map((a) => `${a.query || "∅"}~${a.candidate || "∅"} ${a.method} ${a.score}`).join("; ")}`;
    errors.push(`${truth ? "FN" : "FP"} ${result.score.toFixed(3)} [${c.case_group}/${c.schema}] ${c.name1} | ${c.name2}  (${why})`);
  }
}
const elapsed = performance.now() - started;
// throughput on a second, warm pass (the first includes JIT warm-up and lazy table builds)
const t0 = performance.now();
for (const c of cases) compareNames(c.name1, c.name2, { schema: c.schema });
const pairsPerSecond = cases.length / ((performance.now() - t0) / 1000);

const fmt = (x: number) => x.toFixed(3);
const groups = [...new Set(cases.map((c) => c.case_group))].sort();
groups.push("ALL");
console.log(`name_bench: ${cases.length} cases (${frozen.length} scored by logic-v2); ${MATCH_ALGORITHM} at threshold ${DEFAULT_THRESHOLD}, logic-v2 at 0.7`);
console.log("");
console.log("| group | cases | autorisk P | R | F1 | autorisk F1 (logic-v2's cases) | logic-v2 P | R | F1 |");
console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
for (const g of groups) {
  const o = prf(ours.get(g) ?? tally());
  const s = theirs.has(g) ? prf(oursSame.get(g)!) : undefined;
  const t = theirs.has(g) ? prf(theirs.get(g)!) : undefined;
  console.log(`| ${g} | ${o.n} | ${fmt(o.p)} | ${fmt(o.r)} | ${fmt(o.f)} | ${s ? `${fmt(s.f)} (${s.n})` : "–"} | ${t ? fmt(t.p) : "–"} | ${t ? fmt(t.r) : "–"} | ${t ? fmt(t.f) : "–"} |`);
}
console.log("");
console.log(`pair scorer: ${Math.round(pairsPerSecond).toLocaleString("en")} pairs/s on one core (first pass ${elapsed.toFixed(0)} ms incl. warm-up)`);
if (args.includes("--errors")) {
  console.log("");
  for (const e of errors.sort()) console.log(e);
}
