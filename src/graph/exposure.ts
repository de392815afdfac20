/**
 * Exposure of one entity on one date: its verdict under each rule set (OFAC, EU, UK) with the paths that explain
 * it, plus partner exposure. `runRules` is the pure core (a graph in, three fixed points out) that the benchmark
 * and what-if reuse; `exposure()` is the store-facing entry point behind the CLI and the API.
 */
import type { ExposureResult, RuleSet, Verdict } from "../model/graph.js";
import { RULE_SETS } from "../model/graph.js";
import { today } from "../model/dates.js";
import type { Store } from "../store/store.js";
import { loadGraph, type Graph } from "./graph.js";
import { partnersOf, type Outcomes } from "./partners.js";
import { BASIS_NAMES, STATUS_NAMES, round, type RuleOutcome } from "./rules/common.js";
import { ofacRule } from "./rules/ofac.js";
import { euRule } from "./rules/eu.js";
import { ukRule } from "./rules/uk.js";

export type { Outcomes } from "./partners.js";

export const RULES: Record<RuleSet, (g: Graph) => RuleOutcome> = { OFAC: ofacRule, EU: euRule, UK: ukRule };

export function runRules(graph: Graph): Outcomes {
  return { OFAC: ofacRule(graph), EU: euRule(graph), UK: ukRule(graph) };
}

export function verdictOf(outcome: RuleOutcome, node: number): Verdict {
  const { paths, sources } = outcome.explain(node);
  return {
    status: STATUS_NAMES[outcome.status[node]],
    basis: BASIS_NAMES[outcome.basis[node]],
    ownership: round(outcome.owned[node]),
    paths,
    sources,
  };
}

export function exposureOf(graph: Graph, outcomes: Outcomes, node: number, opts: { depth?: number } = {}): ExposureResult {
  const verdicts = Object.fromEntries(RULE_SETS.map((r) => [r, verdictOf(outcomes[r], node)])) as Record<RuleSet, Verdict>;
  return {
    entity: { id: graph.ids[node], name: graph.names[node] },
    asOf: graph.asOf,
    verdicts,
    partners: partnersOf(graph, outcomes, node, opts.depth ?? 2),
  };
}

/** The entity a user named is not in the store. */
export class UnknownEntityError extends Error {
  constructor(readonly ref: string) {
    super(`no entity matches "${ref}" (give an id or a name; try \`autorisk search\`)`);
    this.name = "UnknownEntityError";
  }
}

export function checkAsOf(asOf: string | undefined): string {
  if (asOf === undefined) return today();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf))) {
    throw new RangeError(`--as-of "${asOf}" is not a date as YYYY-MM-DD`);
  }
  return asOf;
}

/** Resolves an id or a name to a graph node; throws UnknownEntityError. */
export async function resolveNode(store: Store, graph: Graph, ref: string): Promise<number> {
  const direct = graph.index.get(ref);
  if (direct !== undefined) return direct;
  const e = await store.resolve(ref);
  const node = e ? graph.index.get(e.id) : undefined;
  if (node === undefined) throw new UnknownEntityError(ref);
  return node;
}

export async function exposure(store: Store, ref: string, opts: { asOf?: string; depth?: number } = {}): Promise<ExposureResult> {
  const graph = await loadGraph(store, checkAsOf(opts.asOf));
  const node = await resolveNode(store, graph, ref);
  return exposureOf(graph, runRules(graph), node, opts);
}
