/**
 * What every rule set returns, and the aggregate fixed point OFAC and the EU share.
 *
 * Status codes are small integers in typed arrays so a million-entity graph stays cheap; `explain()` turns one
 * node's result into the contract's paths and sources on demand.
 */
import type { PathStep, RuleSet } from "../../model/graph.js";
import type { EdgeSet, Graph } from "../graph.js";

export const CLEAR = 0;
export const LISTED = 1;
export const DERIVED = 2;
export const STATUS_NAMES = ["clear", "listed", "derived"] as const;

export const BASIS_NONE = 0;
export const BASIS_LISTING = 1;
export const BASIS_OWNERSHIP = 2;
export const BASIS_CONTROL = 3;
export const BASIS_NAMES = [null, "listing", "ownership", "control"] as const;

/** Sums of percentages are compared with this tolerance (25.1 + 24.9 must make exactly 50). */
export const EPS = 1e-9;
export const MAX_PATHS = 10;

export interface Explanation {
  paths: PathStep[][];
  sources: string[];
}

export interface RuleOutcome {
  readonly rule: RuleSet;
  readonly graph: Graph;
  /** CLEAR | LISTED | DERIVED per node */
  readonly status: Uint8Array;
  /** BASIS_* per node */
  readonly basis: Uint8Array;
  /** the stake counted under this rule set, per node, in percent */
  readonly owned: Float64Array;
  explain(node: number): Explanation;
}

export const round = (x: number): number => Math.round(Math.min(x, 100) * 1e4) / 1e4;

export function step(graph: Graph, edges: EdgeSet, e: number, kind: "own" | "ctl"): PathStep {
  const rel = edges.rel[e];
  return {
    from: graph.ids[edges.from[e]],
    to: graph.ids[edges.to[e]],
    type: rel?.type ?? (kind === "own" ? "OWNS" : "CONTROLS"),
    percentage: kind === "own" ? edges.pct[e] : null,
  };
}

/** Sources of the listings at the roots and of the relations along the paths, plus the node's own listings. */
export function collectSources(graph: Graph, authority: string, node: number, paths: PathStep[][]): string[] {
  const out = new Set<string>();
  const listed = graph.listedBy(authority);
  for (const l of listed.get(node) ?? []) for (const s of l.sources) out.add(s);
  const relIds = new Set<string>();
  for (const path of paths) {
    if (path.length === 0) continue;
    const root = graph.index.get(path[0].from);
    if (root !== undefined) for (const l of listed.get(root) ?? []) for (const s of l.sources) out.add(s);
    for (const st of path) relIds.add(`${st.from}\u0000${st.to}`);
  }
  for (const edges of [graph.own, graph.ctl]) {
    for (const key of relIds) {
      const [f, t] = key.split("\u0000");
      const fi = graph.index.get(f);
      if (fi === undefined) continue;
      for (let k = edges.outStart[fi]; k < edges.outStart[fi + 1]; k++) {
        const e = edges.outEdges[k];
        if (graph.ids[edges.to[e]] === t) for (const s of edges.rel[e]?.sources ?? []) out.add(s);
      }
    }
  }
  return [...out];
}

export interface AggregateOptions {
  rule: RuleSet;
  /** the list whose entries seed the fixed point */
  authority: string;
  /** true: 50% or more blocks; false: more than 50% */
  atLeast: boolean;
  /** whether control by a listed or derived party makes an entity derived (EU yes, OFAC no) */
  control: boolean;
}

/**
 * The fixed point over aggregated stakes: start from the listed set; an unlisted entity becomes derived when the
 * stakes held in it by listed or derived holders add up to the threshold (or, with `control`, when a listed or
 * derived party controls it). Stakes of holders that are not themselves listed or derived count as zero.
 *
 * Worklist form: each party is processed once, when it enters the set, and adds each of its stakes to the
 * asset's running sum once. So cycles terminate, no stake is counted twice, and the work is O(nodes + edges).
 */
export function aggregateFixedPoint(graph: Graph, opts: AggregateOptions): RuleOutcome {
  const n = graph.size;
  const status = new Uint8Array(n);
  const basis = new Uint8Array(n);
  const owned = new Float64Array(n);
  const order = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (const node of graph.listedBy(opts.authority).keys()) {
    status[node] = LISTED;
    basis[node] = BASIS_LISTING;
    order[node] = tail;
    queue[tail++] = node;
  }
  const { own, ctl } = graph;
  const threshold = opts.atLeast ? 50 - EPS : 50 + EPS;
  while (head < tail) {
    const v = queue[head++];
    for (let k = own.outStart[v]; k < own.outStart[v + 1]; k++) {
      const e = own.outEdges[k];
      const t = own.to[e];
      if (t === v) continue;
      owned[t] += own.pct[e];
      if (status[t] === CLEAR && owned[t] >= threshold) {
        status[t] = DERIVED;
        order[t] = tail;
        queue[tail++] = t;
      }
    }
    if (opts.control) {
      for (let k = ctl.outStart[v]; k < ctl.outStart[v + 1]; k++) {
        const t = ctl.to[ctl.outEdges[k]];
        if (status[t] === CLEAR) {
          status[t] = DERIVED;
          order[t] = tail;
          queue[tail++] = t;
        }
      }
    }
  }
  for (let i = 0; i < n; i++) {
    if (status[i] === DERIVED) basis[i] = owned[i] >= threshold ? BASIS_OWNERSHIP : BASIS_CONTROL;
  }

  const explain = (node: number): Explanation => {
    const paths: PathStep[][] = [];
    // continue a path back from a listed-or-derived holder v to a listed party, using only parties that entered
    // the set before v (so every path is acyclic and the recursion ends)
    const back = (v: number, suffix: PathStep[], onPath: Set<number>): void => {
      if (paths.length >= MAX_PATHS) return;
      if (status[v] === LISTED) {
        paths.push(suffix);
        return;
      }
      const sets: Array<[EdgeSet, "own" | "ctl"]> = opts.control ? [[own, "own"], [ctl, "ctl"]] : [[own, "own"]];
      for (const [edges, kind] of sets) {
        for (let k = edges.inStart[v]; k < edges.inStart[v + 1]; k++) {
          const e = edges.inEdges[k];
          const o = edges.from[e];
          if (status[o] !== CLEAR && order[o] < order[v] && !onPath.has(o)) {
            onPath.add(o);
            back(o, [step(graph, edges, e, kind), ...suffix], onPath);
            onPath.delete(o);
          }
        }
      }
    };
    const sets: Array<[EdgeSet, "own" | "ctl"]> = opts.control ? [[own, "own"], [ctl, "ctl"]] : [[own, "own"]];
    for (const [edges, kind] of sets) {
      for (let k = edges.inStart[node]; k < edges.inStart[node + 1]; k++) {
        const e = edges.inEdges[k];
        const o = edges.from[e];
        if (o !== node && status[o] !== CLEAR) back(o, [step(graph, edges, e, kind)], new Set([node, o]));
      }
    }
    return { paths, sources: collectSources(graph, opts.authority, node, paths) };
  };

  return { rule: opts.rule, graph, status, basis, owned, explain };
}
