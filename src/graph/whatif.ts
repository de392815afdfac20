/**
 * What-if: change listings or stakes, run the three rule sets again, and report which verdicts change and why.
 * Works on the plain records (GraphInput), so the scenario never touches the store.
 *   designate ID [authority]   add a listing (all three rule sets when no authority is given)
 *   delist ID [authority]      remove the entity's listings
 *   delistProgram NAME         remove one program from every listing (a listing left with no program goes)
 *   setStake OWNER ASSET PCT   replace the stake of OWNER in ASSET (0 removes it)
 */
import type { Listing, Relation } from "../model/schema.js";
import { RULE_SETS, WhatIfScenario, type RuleSet, type VerdictSummary, type WhatIfChange, type WhatIfResult, type WhatIfScenarioInput } from "../model/graph.js";
import type { Store } from "../store/store.js";
import { buildGraph, readGraphInput, type Graph, type GraphInput } from "./graph.js";
import { checkAsOf, runRules, UnknownEntityError, type Outcomes } from "./exposure.js";
import { BASIS_NAMES, CLEAR, STATUS_NAMES, round } from "./rules/common.js";

const PROGRAM_SPLIT = /\s*(?:\]\s*\[|[;,|])\s*/;

function programTokens(program: string | null | undefined): string[] {
  return (program ?? "").replace(/^\[|\]$/g, "").split(PROGRAM_SPLIT).map((s) => s.trim()).filter(Boolean);
}

/** Applies a scenario whose references are already entity ids. Returns the new input and one line per change. */
export function applyScenario(input: GraphInput, scenarioInput: WhatIfScenarioInput): { input: GraphInput; described: string[] } {
  const scenario = WhatIfScenario.parse(scenarioInput);
  let listings: Listing[] = [...input.listings];
  let relations: Relation[] = [...input.relations];
  const described: string[] = [];
  const authoritiesOf = (a?: string): string[] => (a ? [a.toUpperCase()] : [...RULE_SETS]);

  for (const d of scenario.designate) {
    for (const authority of authoritiesOf(d.authority)) {
      listings.push({ id: `whatif:designate:${d.id}:${authority}`, entity: d.id, authority, program: "what-if", listEntryId: null, listed: null, delisted: null, properties: {}, sources: ["what-if scenario"] });
    }
    described.push(`designate ${d.id} (${authoritiesOf(d.authority).join(", ")})`);
  }
  for (const d of scenario.delist) {
    const authorities = authoritiesOf(d.authority);
    listings = listings.filter((l) => !(l.entity === d.id && authorities.includes(l.authority.toUpperCase())));
    described.push(`delist ${d.id} (${authorities.join(", ")})`);
  }
  for (const name of scenario.delistProgram) {
    const key = name.toUpperCase();
    listings = listings.flatMap((l) => {
      const tokens = programTokens(l.program);
      if (!tokens.some((t) => t.toUpperCase() === key)) return [l];
      const rest = tokens.filter((t) => t.toUpperCase() !== key);
      return rest.length ? [{ ...l, program: rest.join("; ") }] : [];
    });
    described.push(`delist program ${name}`);
  }
  for (const s of scenario.setStake) {
    relations = relations.filter(
      (r) => !((r.type === "OWNS" && r.subject === s.owner && r.object === s.asset) || (r.type === "SUBSIDIARY_OF" && r.subject === s.asset && r.object === s.owner && r.percentage != null)),
    );
    if (s.percentage > 0) {
      relations.push({ id: `whatif:stake:${s.owner}:${s.asset}`, type: "OWNS", subject: s.owner, object: s.asset, status: "confirmed", start: null, end: null, percentage: s.percentage, what: null, evidence: null, properties: {}, sources: ["what-if scenario"] });
    }
    described.push(`set stake of ${s.owner} in ${s.asset} to ${s.percentage}%`);
  }
  return { input: { ...input, listings, relations }, described };
}

function summary(outcomes: Outcomes, rule: RuleSet, node: number): VerdictSummary {
  const o = outcomes[rule];
  return { status: STATUS_NAMES[o.status[node]], basis: BASIS_NAMES[o.basis[node]], ownership: round(o.owned[node]) };
}

/** Holders and controllers of a node that are listed or derived under a rule set, with their stake. */
function carriers(graph: Graph, outcomes: Outcomes, rule: RuleSet, node: number): Map<string, number | null> {
  const out = new Map<string, number | null>();
  const status = outcomes[rule].status;
  for (const [edges, isOwn] of [[graph.own, true], [graph.ctl, false]] as const) {
    for (let k = edges.inStart[node]; k < edges.inStart[node + 1]; k++) {
      const e = edges.inEdges[k];
      const o = edges.from[e];
      if (status[o] !== CLEAR) out.set(graph.ids[o], isOwn ? (out.get(graph.ids[o]) ?? 0) + edges.pct[e] : (out.get(graph.ids[o]) ?? null));
    }
  }
  return out;
}

function explainChange(
  before: { graph: Graph; outcomes: Outcomes },
  after: { graph: Graph; outcomes: Outcomes },
  rule: RuleSet,
  id: string,
  scenario: WhatIfScenario,
): string {
  const reasons: string[] = [];
  const name = (g: Graph, x: string) => g.names[g.index.get(x)!] ?? x;
  const applies = (a?: string) => !a || a.toUpperCase() === rule;
  if (scenario.designate.some((d) => d.id === id && applies(d.authority))) reasons.push(`designated under ${rule} in the scenario`);
  if (scenario.delist.some((d) => d.id === id && applies(d.authority))) reasons.push(`its ${rule} listing is removed in the scenario`);
  const bNode = before.graph.index.get(id)!;
  const aNode = after.graph.index.get(id)!;
  const bl = before.graph.listedBy(rule).get(bNode) ?? [];
  const al = after.graph.listedBy(rule).get(aNode) ?? [];
  if (bl.length > al.length && !reasons.length) reasons.push(`${bl.length - al.length === 1 ? "one" : bl.length - al.length} of its ${rule} listings ${bl.length - al.length === 1 ? "falls" : "fall"} away with the delisted program`);
  for (const s of scenario.setStake) if (s.asset === id) reasons.push(`the stake of ${name(after.graph, s.owner)} is set to ${s.percentage}%`);
  const was = carriers(before.graph, before.outcomes, rule, bNode);
  const now = carriers(after.graph, after.outcomes, rule, aNode);
  const fmt = (p: number | null) => (p === null ? "control" : `${round(p)}%`);
  for (const [holder, pct] of was) if (!now.has(holder)) reasons.push(`${name(before.graph, holder)} (${fmt(pct)}) is no longer listed or derived`);
  for (const [holder, pct] of now) if (!was.has(holder)) reasons.push(`${name(after.graph, holder)} (${fmt(pct)}) is now listed or derived`);
  const bo = round(before.outcomes[rule].owned[bNode]);
  const ao = round(after.outcomes[rule].owned[aNode]);
  if (bo !== ao) reasons.push(`stake counted under ${rule} goes from ${bo}% to ${ao}%`);
  return reasons.join("; ") || "the chain of holders above it changed";
}

/** Runs a scenario over the whole graph, or over the given entity ids only. Pure. */
export function runWhatIf(input: GraphInput, scenarioInput: WhatIfScenarioInput, portfolio?: string[]): WhatIfResult {
  const scenario = WhatIfScenario.parse(scenarioInput);
  const beforeGraph = buildGraph(input);
  const before = { graph: beforeGraph, outcomes: runRules(beforeGraph) };
  const changed = applyScenario(input, scenario);
  const afterGraph = buildGraph(changed.input);
  const after = { graph: afterGraph, outcomes: runRules(afterGraph) };
  const ids = portfolio ?? beforeGraph.ids;
  const changes: WhatIfChange[] = [];
  for (const id of ids) {
    const b = beforeGraph.index.get(id);
    const a = afterGraph.index.get(id);
    if (b === undefined || a === undefined) continue;
    for (const rule of RULE_SETS) {
      const sb = summary(before.outcomes, rule, b);
      const sa = summary(after.outcomes, rule, a);
      if (sb.status === sa.status && sb.basis === sa.basis) continue;
      changes.push({ entity: { id, name: beforeGraph.names[b] }, authority: rule, before: sb, after: sa, why: explainChange(before, after, rule, id, scenario) });
    }
  }
  changes.sort((x, y) => x.entity.name.localeCompare(y.entity.name) || RULE_SETS.indexOf(x.authority) - RULE_SETS.indexOf(y.authority));
  return { asOf: input.asOf, scenario: changed.described, scope: portfolio ? `portfolio of ${portfolio.length}` : "graph", changes };
}

/** Resolves names in a scenario and a portfolio against the store, then runs it on the graph as of a date. */
export async function whatIf(
  store: Store,
  scenarioInput: WhatIfScenarioInput,
  opts: { asOf?: string; portfolio?: string[] } = {},
): Promise<WhatIfResult> {
  const scenario = WhatIfScenario.parse(scenarioInput);
  const resolve = async (ref: string): Promise<string> => {
    const e = (await store.getEntity(ref)) ?? (await store.resolve(ref));
    if (!e) throw new UnknownEntityError(ref);
    return e.id;
  };
  const resolved: WhatIfScenario = {
    designate: await Promise.all(scenario.designate.map(async (d) => ({ ...d, id: await resolve(d.id) }))),
    delist: await Promise.all(scenario.delist.map(async (d) => ({ ...d, id: await resolve(d.id) }))),
    delistProgram: scenario.delistProgram,
    setStake: await Promise.all(scenario.setStake.map(async (s) => ({ ...s, owner: await resolve(s.owner), asset: await resolve(s.asset) }))),
  };
  const portfolio = opts.portfolio ? await Promise.all(opts.portfolio.map(resolve)) : undefined;
  const input = await readGraphInput(store, checkAsOf(opts.asOf));
  return runWhatIf(input, resolved, portfolio);
}
