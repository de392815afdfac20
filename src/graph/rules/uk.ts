/**
 * UK (OFSI) ownership and control test: regulation 7 of each SAMLA regime (e.g. the Russia Regulations 2019)
 * with Schedule 1, and OFSI's general guidance (para 4.14).
 *
 * - C is owned or controlled by a designated person P if P holds, directly or indirectly, MORE than 50% of the
 *   shares or voting rights (exactly 50% is not enough), or if P controls C (de facto control, board majority).
 * - No aggregation across different designated persons, unless their holdings are under a joint arrangement
 *   (Schedule 1: each party to the arrangement holds the combined stake). Record a joint arrangement as
 *   `properties.jointArrangement: "<label>"` on each OWNS relation that is part of it.
 * - Indirect holdings pass in full through a chain of majority stakes (or controlled entities), not multiplied:
 *   once P holds more than 50% of, or controls, Q, Q's holdings count as P's.
 *
 * So the test runs once per designated person: a small fixed point over the entities that person owns or
 * controls, with P's holdings (direct and through those entities) summed per asset.
 */
import type { PathStep } from "../../model/graph.js";
import type { EdgeSet, Graph } from "../graph.js";
import {
  BASIS_CONTROL, BASIS_LISTING, BASIS_OWNERSHIP, CLEAR, DERIVED, EPS, LISTED, MAX_PATHS,
  collectSources, step, type RuleOutcome,
} from "./common.js";

const THRESHOLD = 50 + EPS;

export function ukRule(graph: Graph): RuleOutcome {
  const n = graph.size;
  const { own, ctl } = graph;
  const status = new Uint8Array(n);
  const basis = new Uint8Array(n);
  const owned = new Float64Array(n); // the largest holding of any one designated person
  const byOwner = new Int32Array(n).fill(-1); // the designated person with that holding
  const byController = new Int32Array(n).fill(-1); // a designated person controlling it (when no majority holding)

  // scratch arrays reused across designated persons; a stamp tells whose run last wrote an entry
  const inSet = new Int32Array(n);
  const heldStamp = new Int32Array(n);
  const held = new Float64Array(n);
  const queue: number[] = [];
  const touched: number[] = [];

  const jointTotal = (asset: number, label: string): number => {
    let sum = 0;
    for (let k = own.inStart[asset]; k < own.inStart[asset + 1]; k++) {
      const e = own.inEdges[k];
      if (own.joint.get(e) === label) sum += own.pct[e];
    }
    return sum;
  };

  /** P's holdings: marks the entities P owns (>50%) or controls; `onEnter` sees each one with the edge that got it in. */
  const closure = (p: number, stamp: number, onEnter?: (t: number, e: number, kind: "own" | "ctl") => void): number[] => {
    const members: number[] = [];
    const jointSeen = new Set<string>();
    inSet[p] = stamp;
    queue.length = 0;
    touched.length = 0;
    queue.push(p);
    for (let qi = 0; qi < queue.length; qi++) {
      const v = queue[qi];
      for (let k = own.outStart[v]; k < own.outStart[v + 1]; k++) {
        const e = own.outEdges[k];
        const t = own.to[e];
        if (t === p || t === v) continue;
        let amount = own.pct[e];
        const label = own.joint.get(e);
        if (label !== undefined) {
          const key = `${t}\u0000${label}`;
          if (jointSeen.has(key)) continue;
          jointSeen.add(key);
          amount = jointTotal(t, label);
        }
        if (heldStamp[t] !== stamp) {
          heldStamp[t] = stamp;
          held[t] = 0;
          touched.push(t);
        }
        held[t] += amount;
        if (inSet[t] !== stamp && held[t] >= THRESHOLD) {
          inSet[t] = stamp;
          members.push(t);
          queue.push(t);
          onEnter?.(t, e, "own");
        }
      }
      for (let k = ctl.outStart[v]; k < ctl.outStart[v + 1]; k++) {
        const e = ctl.outEdges[k];
        const t = ctl.to[e];
        if (t === p || inSet[t] === stamp) continue;
        inSet[t] = stamp;
        members.push(t);
        queue.push(t);
        onEnter?.(t, e, "ctl");
      }
    }
    return members;
  };

  const designated = [...graph.listedBy("UK").keys()];
  for (const p of designated) {
    status[p] = LISTED;
    basis[p] = BASIS_LISTING;
  }
  let stamp = 0;
  for (const p of designated) {
    stamp++;
    const members = closure(p, stamp);
    for (const t of touched) {
      if (byOwner[t] === -1 || held[t] > owned[t]) {
        owned[t] = held[t];
        byOwner[t] = p;
      }
    }
    for (const t of members) {
      if (status[t] === CLEAR) status[t] = DERIVED;
      const viaOwnership = heldStamp[t] === stamp && held[t] >= THRESHOLD;
      if (!viaOwnership && byController[t] === -1) byController[t] = p;
    }
  }
  for (let i = 0; i < n; i++) {
    if (status[i] === DERIVED) basis[i] = owned[i] >= THRESHOLD ? BASIS_OWNERSHIP : BASIS_CONTROL;
  }

  const explain = (node: number) => {
    const p = status[node] === DERIVED && basis[node] === BASIS_CONTROL ? byController[node] : byOwner[node];
    const paths: PathStep[][] = [];
    if (p >= 0 && p !== node) {
      // rerun P's closure, remembering the order in which entities entered it
      stamp++;
      const entered = new Map<number, number>([[p, 0]]);
      closure(p, stamp, (t) => entered.set(t, entered.size));
      const back = (v: number, suffix: PathStep[], onPath: Set<number>): void => {
        if (paths.length >= MAX_PATHS) return;
        if (v === p) {
          paths.push(suffix);
          return;
        }
        const rank = entered.get(v) ?? Infinity;
        for (const [edges, kind] of [[own, "own"], [ctl, "ctl"]] as Array<[EdgeSet, "own" | "ctl"]>) {
          for (let k = edges.inStart[v]; k < edges.inStart[v + 1]; k++) {
            const e = edges.inEdges[k];
            const o = edges.from[e];
            const r = entered.get(o);
            if (r !== undefined && r < rank && !onPath.has(o)) {
              onPath.add(o);
              back(o, [step(graph, edges, e, kind), ...suffix], onPath);
              onPath.delete(o);
            }
          }
        }
      };
      const labels = new Set<string>();
      for (const [edges, kind] of [[own, "own"], [ctl, "ctl"]] as Array<[EdgeSet, "own" | "ctl"]>) {
        for (let k = edges.inStart[node]; k < edges.inStart[node + 1]; k++) {
          const e = edges.inEdges[k];
          const o = edges.from[e];
          if (o === node || !entered.has(o)) continue;
          const label = kind === "own" ? edges.joint.get(e) : undefined;
          if (label !== undefined) labels.add(label);
          back(o, [step(graph, edges, e, kind)], new Set([node, o]));
        }
      }
      // the other parties to a joint arrangement: their stakes counted as P's, shown as one-step paths
      for (let k = own.inStart[node]; k < own.inStart[node + 1]; k++) {
        const e = own.inEdges[k];
        const label = own.joint.get(e);
        if (label !== undefined && labels.has(label) && !entered.has(own.from[e]) && paths.length < MAX_PATHS) {
          paths.push([{ ...step(graph, own, e, "own"), type: `OWNS (joint arrangement ${label})` }]);
        }
      }
    }
    return { paths, sources: collectSources(graph, "UK", node, paths) };
  };

  return { rule: "UK", graph, status, basis, owned, explain };
}
