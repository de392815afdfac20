/**
 * Relative clauses: "Chery, which supplies vehicle kits under a license agreement, …". The party before
 * ", which" / ", who" (its antecedent) is the subject of the clause, not the sentence's first party. Two uses:
 * the pattern loop restricts a trigger's subject to the antecedent when the trigger lies inside such a clause
 * (relativeClauseAt), and clauses that state a supply or a licence without naming the receiving party get the
 * party the antecedent is paired with in the main clause ("created by AGR together with Chery, which supplies
 * kits": AGR receives them) as object (impliedRelations).
 */
import type { RelationStatus, RelationType } from "../model/schema.js";
import type { DocEntity, Mention, SentenceAnalysis } from "./entities.js";
import { statusOf } from "./hedges.js";

export interface RelativeClause {
  antecedent: Mention;
  /** offsets of the clause after "which"/"who" in the sentence text */
  start: number;
  end: number;
}

const PARTY_TYPES = new Set(["Company", "Brand", "Organization", "PublicBody"]);
const RELATIVE = /^,\s+(?:which|who)\s+/i;

export function relativeClauses(sa: SentenceAnalysis): RelativeClause[] {
  const text = sa.sentence.text;
  const out: RelativeClause[] = [];
  for (const m of sa.mentions) {
    if (!PARTY_TYPES.has(m.entity.type)) continue;
    const rel = RELATIVE.exec(text.slice(m.end, m.end + 12));
    if (!rel) continue;
    const start = m.end + rel[0].length;
    // the clause ends at the next comma, semicolon or the sentence end ("Daimler Truck, which held 15% of KAMAZ, suspended…")
    const stop = text.slice(start).search(/[,;]|\.\s|\.$/);
    out.push({ antecedent: m, start, end: stop < 0 ? text.length : start + stop });
  }
  return out;
}

export function relativeClauseAt(clauses: RelativeClause[], at: number): RelativeClause | undefined {
  return clauses.find((c) => c.start <= at && at < c.end);
}

/** what a clause states about its antecedent when it names no receiving party */
const IMPLIED: Array<{ type: RelationType; cue: RegExp }> = [
  { type: "SUPPLIES", cue: /\b(?:suppl(?:y|ies|ied)|deliver(?:s|ed)?|provid(?:es|ed)|ship(?:s|ped))\s+(?:[\w-]+\s+){0,5}?(?:kits?|components?|parts|engines?|gearboxes|technology|vehicles|cars|trucks|cabins?|platforms?|batteries)\b/i },
  { type: "LICENSES_TO", cue: /\bunder\s+(?:a|an|the|its)\s+(?:[\w-]+\s+)?licen[cs]e\b(?!\s+from)/i },
];

export interface ImpliedRelation {
  type: RelationType;
  subject: DocEntity;
  object: DocEntity;
  status: RelationStatus;
}

export function impliedRelations(sa: SentenceAnalysis, clauses: RelativeClause[]): ImpliedRelation[] {
  const text = sa.sentence.text;
  const out: ImpliedRelation[] = [];
  for (const c of clauses) {
    const clauseText = text.slice(c.start, c.end);
    // a party named inside the clause is an explicit argument: the ordinary patterns handle it
    if (sa.mentions.some((x) => x.start >= c.start && x.end <= c.end && PARTY_TYPES.has(x.entity.type) && x.entity !== c.antecedent.entity)) continue;
    const partner = [...sa.mentions].reverse().find((x) => x.end <= c.antecedent.start && (x.entity.type === "Company") && x.entity !== c.antecedent.entity);
    if (!partner) continue;
    for (const { type, cue } of IMPLIED) {
      if (cue.test(clauseText)) out.push({ type, subject: c.antecedent.entity, object: partner.entity, status: statusOf(clauseText) });
    }
  }
  return out;
}
