/**
 * The entity scorer: a query (names plus, where known, type, countries, birth dates, identifiers) against one
 * prepared candidate. Pure: candidates come from the index (index.ts) or from anywhere else.
 *
 * The name score (best over every query name × candidate name; a weak alias can support but scores at most
 * 0.9 of its alignment) is the base. Other fields then move it, each move recorded as evidence:
 *   - an identifier that agrees: an INN, OGRN, IMO, LEI, SWIFT or OKPO is unique to one party, so agreement
 *     makes the hit near-certain (score → 0.97 or more); another identifier lifts it to at least 0.85;
 *   - the same kind of unique identifier with a different value: −0.3;
 *   - a type that contradicts (a person against a company or a vessel): −0.4;
 *   - countries that share nothing: −0.15; a shared country: +0.03;
 *   - birth dates: same day +0.05, same year +0.03, more than a year apart −0.25 (a contradiction).
 * A name that agrees only through the consonants of an Arabic-script spelling starts from at most 0.66 (a
 * hit to review): the script does not write short vowels, so the name alone cannot confirm it.
 *
 * Meaning of the score (calibrated on name_bench and the screening fixtures): ≥ 0.9 the same party with
 * near certainty; 0.7–0.9 probably the same party, review the explanation; 0.5–0.7 a similar name that the
 * evidence does not support; below 0.5 a different party. The default threshold (version.ts) is 0.7.
 */
import type { Explanation, FieldEvidence, HitListing, ScreenQuery } from "../model/match.js";
import { countryCode } from "./countries.js";
import { analyseName, type NameAnalysis } from "./normalize.js";
import { CONSONANTS_ONLY_RULE, nameAlternatives, round, scoreTokens, type NameScore } from "./score-names.js";
import type { NameToken } from "./tokens.js";

export type NameKind = "name" | "alias" | "weak_alias" | "previous_name";

export interface CandidateName {
  text: string;
  kind: NameKind;
  tokens: NameToken[];
}

/** A party prepared for scoring: names analysed once, identifiers normalised. */
export interface Candidate {
  id: string;
  caption: string;
  type: string;
  origin: "list" | "kb";
  countries: string[];
  birthDates: string[];
  /** identifier kind → normalised values */
  identifiers: Map<string, string[]>;
  names: CandidateName[];
  listings: HitListing[];
}

export type TypeGroup = "person" | "organization" | "vessel" | "aircraft" | "unknown";

/** The kind of party a type or FtM schema denotes (LegalEntity and Thing could be anything). */
export function typeGroup(type: string | null | undefined): TypeGroup {
  switch (type) {
    case "Person":
      return "person";
    case "Company":
    case "Organization":
    case "PublicBody":
    case "Brand":
    case "Plant":
      return "organization";
    case "Vessel":
      return "vessel";
    case "Aircraft":
    case "Airplane":
      return "aircraft";
    default:
      return "unknown";
  }
}

/** Identifier kinds that one party alone carries: agreement is near-certain, disagreement contradicts. */
const UNIQUE_IDS = new Set(["inn", "ogrn", "imo", "lei", "swift", "okpo", "mmsi", "icao", "duns"]);

export function normaliseIdentifier(value: string): string {
  return value.toUpperCase().replace(/[^0-9A-Z]/g, "");
}

export interface PreparedQuery {
  query: ScreenQuery;
  group: TypeGroup;
  /** query names analysed as a person's and as an organisation's (candidates of either kind compare) */
  asPerson: NameAnalysis[];
  asOther: NameAnalysis[];
  countries: string[];
  birthDates: string[];
  identifiers: Array<{ kind?: string; value: string }>;
}

export function prepareQuery(query: ScreenQuery): PreparedQuery {
  // a party with a birth date and no stated type is a person (companies have no birth date): a portfolio
  // row "Cindy Gutierrez, 1983-12-01" must not meet a vessel named CINDY as if it could be one
  const stated = typeGroup(query.type);
  const group = stated === "unknown" && query.birthDates.some((d) => d.trim()) ? "person" : stated;
  // Arabic- and Hebrew-script names read with the vowels the script writes, compared with Latin by consonants
  const names = query.names.flatMap(nameAlternatives);
  const asPerson = group === "person" || group === "unknown" ? names.map((n) => analyseName(n, { schema: "Person", abjad: true })) : [];
  const asOther = group !== "person" ? names.map((n) => analyseName(n, { schema: query.type ?? "LegalEntity", abjad: true })) : [];
  const countries = [...new Set(query.countries.map(countryCode).filter((c): c is string => !!c))];
  const birthDates = query.birthDates.map((d) => d.trim()).filter((d) => /^\d{4}(-\d{2}(-\d{2})?)?$/.test(d));
  const identifiers = query.identifiers.map((raw) => {
    const m = /^([a-z_]+)\s*[:=]\s*(.+)$/i.exec(raw.trim());
    return m ? { kind: m[1].toLowerCase(), value: normaliseIdentifier(m[2]) } : { value: normaliseIdentifier(raw) };
  }).filter((i) => i.value.length > 0);
  return { query, group, asPerson, asOther, countries, birthDates, identifiers };
}

export interface ScoreContext {
  /** token rarity (from the index) */
  weightOf?: (token: NameToken) => number;
  threshold: number;
  /** false: score without building the token alignment (see scoreTokens) */
  explain?: boolean;
  /**
   * Alignments already computed for this query, by query tokens then candidate tokens (the index shares one
   * token array among names of the same form, so a name on three lists is aligned once). Only for one
   * query, one weightOf and one explain setting.
   */
  cache?: Map<NameToken[], Map<NameToken[], NameScore>>;
}

export interface CandidateScore {
  score: number;
  explanation: Explanation;
  /** position of the best-aligned name in the candidate's names (an explaining re-run needs only that one) */
  nameIndex: number;
}

const WEAK_ALIAS_FACTOR = 0.9;
const CONSONANTS_ONLY_CAP = 0.66;
const PREVIOUS_NAME_FACTOR = 0.97;

/** Best name alignment between the query and a candidate. */
export function bestNameScore(pq: PreparedQuery, cand: Candidate, ctx: Pick<ScoreContext, "weightOf" | "explain" | "cache">, only?: Set<number>) {
  const person = typeGroup(cand.type) === "person" ? pq.group !== "organization" : pq.group === "person";
  const queries = person ? (pq.asPerson.length ? pq.asPerson : pq.asOther) : pq.asOther.length ? pq.asOther : pq.asPerson;
  let best: { result: NameScore; score: number; query: NameAnalysis; name: CandidateName; nameIndex: number } | undefined;
  const opts = { person, weightOf: ctx.weightOf, explain: ctx.explain };
  for (let n = 0; n < cand.names.length; n++) {
    if (only && !only.has(n)) continue;
    const name = cand.names[n];
    for (const q of queries) {
      let cached = ctx.cache?.get(q.tokens);
      let result = cached?.get(name.tokens);
      if (!result) {
        result = scoreTokens(q.tokens, name.tokens, opts);
        if (ctx.cache) {
          if (!cached) ctx.cache.set(q.tokens, (cached = new Map()));
          cached.set(name.tokens, result);
        }
      }
      const factor = name.kind === "weak_alias" ? WEAK_ALIAS_FACTOR : name.kind === "previous_name" ? PREVIOUS_NAME_FACTOR : 1;
      const score = result.score * factor;
      if (!best || score > best.score) best = { result, score, query: q, name, nameIndex: n };
    }
  }
  return best;
}

interface Evidence {
  score: number;
  fields: FieldEvidence[];
  /** false when scoring without explanations (the index's quick pass): moves are not recorded */
  record: boolean;
}

/** Moves the score to `target` (clamped to 0..1) and records the move as evidence. */
function move(st: Evidence, e: Omit<FieldEvidence, "delta">, target: number): void {
  const next = Math.max(0, Math.min(1, target));
  if (st.record) st.fields.push({ ...e, delta: round(next - st.score) });
  st.score = next;
}

/** Scores a candidate against a prepared query; `only` restricts the names tried (the index's shortlist). */
export function scoreCandidate(pq: PreparedQuery, cand: Candidate, ctx: ScoreContext, only?: Set<number>): CandidateScore | undefined {
  const best = bestNameScore(pq, cand, ctx, only);
  if (!best) return undefined;
  // A name that agrees only by the consonants of an Arabic-script spelling (محمد is Mohammed, Muhammad and,
  // for all the script shows, Mahmad) is a candidate to review, not a match on its own: the name score is
  // held below the default threshold, and a birth date, country or identifier that agrees lifts it.
  const nameScore = best.result.rules.includes(CONSONANTS_ONLY_RULE) ? Math.min(best.score, CONSONANTS_ONLY_CAP) : best.score;
  const st: Evidence = { score: nameScore, fields: [], record: ctx.explain !== false };

  // identifiers
  for (const id of pq.identifiers) {
    let agreed: string | undefined;
    let contradicted: string | undefined;
    for (const [kind, values] of cand.identifiers) {
      if (values.includes(id.value)) agreed = kind;
      else if (id.kind === kind && UNIQUE_IDS.has(kind)) contradicted = `${kind}:${values.join("|")}`;
    }
    if (agreed) {
      const target = UNIQUE_IDS.has(agreed) ? Math.max(0.97, 1 - (1 - st.score) * 0.1) : Math.max(st.score, 0.85);
      move(st, { field: "identifier", effect: "agrees", query: id.value, candidate: `${agreed}:${id.value}` }, target);
    } else if (contradicted) {
      move(st, { field: "identifier", effect: "contradicts", query: `${id.kind}:${id.value}`, candidate: contradicted }, st.score - 0.3);
    }
  }

  // type
  const cg = typeGroup(cand.type);
  if (pq.group !== "unknown" && cg !== "unknown" && pq.group !== cg) {
    move(st, { field: "type", effect: "contradicts", query: pq.query.type ?? "", candidate: cand.type }, st.score - 0.4);
  }

  // countries
  if (pq.countries.length && cand.countries.length) {
    const shared = pq.countries.filter((c) => cand.countries.includes(c));
    if (shared.length) move(st, { field: "country", effect: "agrees", query: shared.join(","), candidate: cand.countries.join(",") }, st.score + 0.03);
    else move(st, { field: "country", effect: "contradicts", query: pq.countries.join(","), candidate: cand.countries.join(",") }, st.score - 0.15);
  }

  // birth dates
  if (pq.birthDates.length && cand.birthDates.length) {
    const verdict = compareBirthDates(pq.birthDates, cand.birthDates);
    if (verdict === "day") move(st, { field: "birthDate", effect: "agrees", query: pq.birthDates.join(","), candidate: cand.birthDates.join(",") }, st.score + 0.05);
    else if (verdict === "year") move(st, { field: "birthDate", effect: "agrees", query: pq.birthDates.join(","), candidate: cand.birthDates.join(",") }, st.score + 0.03);
    else if (verdict === "contradicts") move(st, { field: "birthDate", effect: "contradicts", query: pq.birthDates.join(","), candidate: cand.birthDates.join(",") }, st.score - 0.25);
  }

  const { fields } = st;
  let score = st.score;
  score = round(score);
  return {
    score,
    nameIndex: best.nameIndex,
    explanation: {
      queryName: best.query.original,
      matchedName: best.name.text,
      nameKind: best.name.kind,
      nameScore: round(best.score),
      aligned: best.result.aligned,
      rules: best.name.kind === "weak_alias" ? [...best.result.rules, "weak-alias"] : best.result.rules,
      fields,
    },
  };
}

/**
 * Best agreement between two sets of partial dates: "day" (same full date, or same as precise as both go
 * beyond the year), "year" (same year), "near" (a year apart: typos and calendar conversions), "contradicts".
 */
export function compareBirthDates(a: string[], b: string[]): "day" | "year" | "near" | "contradicts" {
  let best: "day" | "year" | "near" | "contradicts" = "contradicts";
  const rank = { contradicts: 0, near: 1, year: 2, day: 3 } as const;
  for (const x of a) {
    for (const y of b) {
      let v: keyof typeof rank;
      const yearGap = Math.abs(Number(x.slice(0, 4)) - Number(y.slice(0, 4)));
      if (yearGap === 0) {
        const len = Math.min(x.length, y.length);
        if (len > 4 && x.slice(0, len) === y.slice(0, len)) v = "day";
        else if (len > 4) v = "near"; // same year, different month or day: a typo or a different person
        else v = "year";
      } else v = yearGap <= 1 ? "near" : "contradicts";
      if (rank[v] > rank[best]) best = v;
    }
  }
  return best;
}

/** Prepares one candidate name (analysed under the candidate's own type). */
export function candidateName(text: string, kind: NameKind, type: string): CandidateName {
  return { text, kind, tokens: analyseName(text, { schema: type, abjad: true }).tokens };
}
