/**
 * Partner exposure: parties linked to a listed or derived party by a partnership (PARTNER_OF, LICENSES_TO,
 * SUPPLIES, ASSEMBLES, PRODUCES) or by a stake that did not make anyone derived (OWNS below the threshold, or not
 * counted because of its status), in either direction, up to a depth. This is secondary-sanctions and
 * reputational risk, never a block: a partner is described by its own list status and by what it is linked to.
 */
import type { Partner, PartnerRelation, RuleSet, VerdictStatus } from "../model/graph.js";
import { RULE_SETS } from "../model/graph.js";
import type { Graph, Link } from "./graph.js";
import { CLEAR, STATUS_NAMES, type RuleOutcome } from "./rules/common.js";

export type Outcomes = Record<RuleSet, RuleOutcome>;

/** Closer kinds first: a stake or licence binds more than a general partnership. */
const KIND_RANK: Record<string, number> = {
  OWNS: 0, SUBSIDIARY_OF: 1, CONTROLS: 2, LICENSES_TO: 3, ASSEMBLES: 4, SUPPLIES: 5, PRODUCES: 6, PARTNER_OF: 7,
};
const STATUS_RANK: Record<string, number> = { confirmed: 0, reported: 1, planned: 2, ended: 3 };

export function sanctionsOf(outcomes: Outcomes, node: number): Record<RuleSet, VerdictStatus> {
  return Object.fromEntries(RULE_SETS.map((r) => [r, STATUS_NAMES[outcomes[r].status[node]]])) as Record<RuleSet, VerdictStatus>;
}

function isRisky(outcomes: Outcomes, node: number): boolean {
  return RULE_SETS.some((r) => outcomes[r].status[node] !== CLEAR);
}

function describeStatus(graph: Graph, outcomes: Outcomes, node: number): string {
  const by: Record<string, string[]> = {};
  for (const r of RULE_SETS) {
    const s = STATUS_NAMES[outcomes[r].status[node]];
    if (s !== "clear") (by[s] ??= []).push(r);
  }
  const parts = Object.entries(by).map(([s, rs]) => (s === "listed" ? `listed by ${rs.join(", ")}` : `owned or controlled by listed parties under ${rs.join(", ")} rules`));
  return `${graph.names[node]} is ${parts.join("; ")}`;
}

function toPartnerRelation(graph: Graph, link: Link): PartnerRelation {
  const r = link.rel;
  return {
    id: r.id,
    type: r.type,
    from: graph.ids[link.from],
    to: graph.ids[link.to],
    status: r.status,
    start: r.start ?? null,
    end: r.end ?? null,
    percentage: r.percentage ?? null,
    what: r.what ?? null,
    evidence: r.evidence ?? null,
    sources: r.sources,
    note: link.note,
  };
}

interface Reached {
  depth: number;
  prev: number;
  links: number[];
}

export function partnersOf(graph: Graph, outcomes: Outcomes, node: number, maxDepth = 2, limit = 100): Partner[] {
  const reached = new Map<number, Reached>([[node, { depth: 0, prev: -1, links: [] }]]);
  let frontier = [node];
  for (let depth = 1; depth <= maxDepth && frontier.length > 0; depth++) {
    const next: number[] = [];
    for (const v of frontier) {
      for (const li of graph.linksOf(v)) {
        const link = graph.links[li];
        const other = link.from === v ? link.to : link.from;
        if (other === v) continue;
        const seen = reached.get(other);
        if (!seen) {
          reached.set(other, { depth, prev: v, links: [li] });
          next.push(other);
        } else if (seen.depth === depth && seen.prev === v && !seen.links.includes(li)) {
          seen.links.push(li);
        }
      }
    }
    frontier = next;
  }

  const partners: Array<Partner & { rank: number[] }> = [];
  for (const [other, info] of reached) {
    if (other === node) continue;
    const via: number[] = [];
    for (let v = info.prev; v !== -1; v = reached.get(v)!.prev) via.unshift(v);
    // only parties whose chain touches a listed or derived party carry exposure
    const chain = [...via, other];
    const risky = [...chain].reverse().find((v) => isRisky(outcomes, v));
    if (risky === undefined) continue;
    const exposure =
      risky === other
        ? describeStatus(graph, outcomes, other)
        : `linked through ${graph.names[risky]}: ${describeStatus(graph, outcomes, risky)}`;
    const links = info.links.map((li) => graph.links[li]);
    links.sort((a, b) => (KIND_RANK[a.rel.type] ?? 9) - (KIND_RANK[b.rel.type] ?? 9) || (STATUS_RANK[a.rel.status] ?? 9) - (STATUS_RANK[b.rel.status] ?? 9));
    partners.push({
      id: graph.ids[other],
      name: graph.names[other],
      type: graph.types[other],
      depth: info.depth,
      via: via.map((v) => graph.ids[v]),
      relations: links.map((l) => toPartnerRelation(graph, l)),
      sanctions: sanctionsOf(outcomes, other),
      exposure,
      rank: [info.depth, isRisky(outcomes, other) ? 0 : 1, KIND_RANK[links[0].rel.type] ?? 9, STATUS_RANK[links[0].rel.status] ?? 9],
    });
  }
  partners.sort((a, b) => {
    for (let i = 0; i < a.rank.length; i++) if (a.rank[i] !== b.rank[i]) return a.rank[i] - b.rank[i];
    return a.name.localeCompare(b.name);
  });
  return partners.slice(0, limit).map(({ rank: _rank, ...p }) => p);
}
