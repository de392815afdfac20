/**
 * `npm run bench:graph`: the ownership rules on synthetic graphs of 10k, 100k and 1M entities (about two
 * ownership edges each: chains of majority stakes, fan-in of small stakes that add up, back edges that make
 * cycles, a few control links and partnership links). Times the full fixed point per rule set and one exposure
 * query (three verdicts with paths plus partners to depth 2), and shows how time grows with size.
 * Baseline, measured in the same process: one pass over all ownership edges summing stakes per asset, the least
 * work any fixed point must do.
 * Targets (issue 4): 1M-entity fixed point <= 10 s per rule set; one exposure query <= 10 ms p50 on the 1M graph.
 *
 * Usage: npm run bench:graph [-- --sizes 10000,100000,1000000]
 */
import { performance } from "node:perf_hooks";
import { GraphBuilder, type Graph } from "../src/graph/graph.js";
import { exposureOf, RULES, type Outcomes } from "../src/graph/exposure.js";
import type { Relation } from "../src/model/schema.js";
import { RULE_SETS } from "../src/model/graph.js";

function rng(seed: number): () => number {
  // mulberry32: small, fast, reproducible
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function synthetic(n: number, seed = 42): { graph: Graph; edges: number } {
  const rand = rng(seed);
  const b = new GraphBuilder("2025-06-01");
  for (let i = 0; i < n; i++) b.node(`n${i}`, `Entity ${i}`);
  let edges = 0;
  const own = (h: number, a: number, p: number) => {
    if (h !== a) {
      b.ownership(h, a, p);
      edges++;
    }
  };
  for (let i = 1; i < n; i++) {
    const r = rand();
    if (r < 0.3) {
      // chain: majority stake from the previous entity, plus a minority co-owner
      own(i - 1, i, 50 + Math.floor(rand() * 51));
      own(Math.floor(rand() * n), i, Math.floor(rand() * 30));
    } else if (r < 0.9) {
      // fan-in: two small stakes that may add up to 50%
      own(Math.floor(rand() * n), i, 10 + Math.floor(rand() * 31));
      own(Math.floor(rand() * n), i, 10 + Math.floor(rand() * 31));
    } else {
      // one owner above or below the line, and a back edge closing a cycle
      own(Math.floor(rand() * i), i, 40 + Math.floor(rand() * 21));
      own(i, Math.floor(rand() * i), 5 + Math.floor(rand() * 50));
    }
    if (rand() < 0.02) b.control(Math.floor(rand() * n), i);
    if (rand() < 0.3) {
      const other = Math.floor(rand() * n);
      const rel: Relation = { id: `p${i}`, type: "SUPPLIES", subject: `n${i}`, object: `n${other}`, status: "confirmed", properties: {}, sources: [] };
      b.link(rel, i, other);
    }
  }
  for (let i = 0; i < n; i++) {
    const r = rand();
    if (r < 0.01) for (const authority of RULE_SETS) b.listing(i, { id: `l${i}${authority}`, authority, program: "SYNTH", listed: null, delisted: null, sources: [] });
    else if (r < 0.012) b.listing(i, { id: `l${i}`, authority: "OFAC", program: "SYNTH", listed: null, delisted: null, sources: [] });
  }
  return { graph: b.build(), edges };
}

function ms(t0: number): number {
  return performance.now() - t0;
}

function baselinePass(graph: Graph): number {
  const sum = new Float64Array(graph.size);
  const { to, pct } = graph.own;
  for (let e = 0; e < to.length; e++) sum[to[e]] += pct[e];
  let over = 0;
  for (let i = 0; i < sum.length; i++) if (sum[i] >= 50) over++;
  return over;
}

const arg = process.argv.indexOf("--sizes");
const sizes = arg > 0 ? process.argv[arg + 1].split(",").map(Number) : [10_000, 100_000, 1_000_000];
const rows: string[][] = [];
let prev: { n: number; ofac: number } | undefined;
for (const n of sizes) {
  let t0 = performance.now();
  const { graph, edges } = synthetic(n);
  const build = ms(t0);
  t0 = performance.now();
  baselinePass(graph);
  const base = ms(t0);
  const outcomes = {} as Outcomes;
  const times: Record<string, number> = {};
  for (const rule of RULE_SETS) {
    t0 = performance.now();
    outcomes[rule] = RULES[rule](graph);
    times[rule] = ms(t0);
  }
  const derived = RULE_SETS.map((r) => outcomes[r].status.reduce((a, s) => a + (s === 2 ? 1 : 0), 0));
  // queries: half on derived entities (paths to explain), half at random
  const rand = rng(7);
  const derivedNodes: number[] = [];
  for (let i = 0; i < n && derivedNodes.length < 1000; i++) if (outcomes.OFAC.status[i] === 2) derivedNodes.push(i);
  exposureOf(graph, outcomes, 0); // warm-up (builds the partner adjacency once)
  const q: number[] = [];
  for (let k = 0; k < 400; k++) {
    const node = k % 2 === 0 && derivedNodes.length ? derivedNodes[Math.floor(rand() * derivedNodes.length)] : Math.floor(rand() * n);
    t0 = performance.now();
    exposureOf(graph, outcomes, node, { depth: 2 });
    q.push(ms(t0));
  }
  q.sort((a, b) => a - b);
  const growth = prev ? `${(times.OFAC / prev.ofac).toFixed(1)}x for ${(n / prev.n).toFixed(0)}x` : "";
  prev = { n, ofac: times.OFAC };
  rows.push([
    n.toLocaleString("en"), edges.toLocaleString("en"), build.toFixed(0), base.toFixed(1),
    times.OFAC.toFixed(1), times.EU.toFixed(1), times.UK.toFixed(1), derived.join(" / "),
    q[Math.floor(q.length / 2)].toFixed(2), q[Math.floor(q.length * 0.95)].toFixed(2), growth,
  ]);
}

const head = ["entities", "own edges", "build ms", "baseline ms", "OFAC ms", "EU ms", "UK ms", "derived O/E/U", "query p50 ms", "query p95 ms", "OFAC growth"];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i])).join(" | ");
console.log(`ownership rules on synthetic graphs (node ${process.version}, ${RULE_SETS.join("/")} fixed points; baseline = one pass summing stakes)`);
console.log(line(head));
console.log(widths.map((w) => "-".repeat(w)).join("-|-"));
for (const r of rows) console.log(line(r));
console.log("targets: 1M fixed point <= 10000 ms per rule set; query p50 <= 10 ms on 1M");
