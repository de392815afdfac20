/**
 * The name scorer: aligns the tokens of two analysed names and turns the alignment into one score, 0..1.
 * Pure: no store, no index (an index may pass token rarities in through `weightOf`).
 *
 * 1. Every compatible token pair is scored (tokenSimilarity): equal text 1; equal spelling skeleton 0.95
 *    (a transliteration variant); same known-name symbol 0.95; a person's initial against a word it starts
 *    0.9; otherwise an edit distance with a length-dependent budget (short tokens get no typo at all, so
 *    KAMAZ ≠ KRAZ and GAZ ≠ Gazprom). Adjacent tokens written as one word ("Avto VAZ" / "AvtoVAZ") pair
 *    as a merge. Legal forms pair only with legal forms, numbers only with numbers.
 * 2. Pairs are taken greedily, best first, each token once. Tokens left over are extras.
 * 3. Score = Σ pair score × (query weight + candidate weight) / Σ weights, where extras count with their
 *    weight × EXTRA_QUERY (a query word the candidate lacks is strong evidence against) or × EXTRA_CANDIDATE
 *    (list entries carry patronymics, clan names and titles a customer record often omits).
 * 4. Rules on top: numbers that disagree cut the score; a name whose agreeing tokens are all weak (legal
 *    forms, generic words) is capped below any threshold (the "CORP" trap).
 */
import { editDistance } from "./jaro-winkler.js";
import { analyseName, isPersonSchema, type NameAnalysis } from "./normalize.js";
import { isStrong, KIND_WEIGHT, popcount, type NameToken } from "./tokens.js";
import { DEFAULT_THRESHOLD, MATCH_ALGORITHM } from "./version.js";

export type AlignMethod =
  | "exact"
  | "translit-variant"
  | "known-name"
  | "initial"
  | "edit-distance"
  | "merge"
  | "legal-form"
  | "number"
  | "mismatch"
  | "unmatched-query"
  | "unmatched-candidate";

/** One row of the alignment, as explanations show it. */
export interface AlignedToken {
  /** query token(s); empty when the candidate token has no counterpart */
  query: string;
  /** candidate token(s); empty when the query token has no counterpart */
  candidate: string;
  method: AlignMethod;
  /** agreement of the two tokens, 0..1 */
  score: number;
  /** how much this row counts in the name score */
  weight: number;
}

export interface NameScore {
  score: number;
  aligned: AlignedToken[];
  /** rules that changed the score (e.g. "number-mismatch", "weak-tokens-only") */
  rules: string[];
}

/** compareNames' result: the pair scorer's answer with its explanation. */
export interface PairResult extends NameScore {
  match: boolean;
  threshold: number;
  algorithm: string;
  query: string;
  candidate: string;
}

export interface ScoreOptions {
  /** person names get initials and never legal forms */
  person?: boolean;
  /** rarity multiplier of a token (1 = typical); the index passes one built from its own token counts */
  weightOf?: (token: NameToken) => number;
  /** false: skip building the alignment rows (screening scores every shortlisted name, explains only hits) */
  explain?: boolean;
}

/**
 * Weight of a word one side has and the other lacks. Persons: lists carry patronymics, clan names and
 * titles that a customer record omits, so an extra candidate word costs little. Organisations: an extra
 * word usually names another entity of the same group (Deutsche Bank / Deutsche Bank Trust Company).
 */
const EXTRA = {
  person: { query: 0.8, candidate: 0.35 },
  other: { query: 1.0, candidate: 0.6 },
};
const LEGAL_FORM_CONFLICT = 0.88;
const PATRONYM_REVERSED = 0.6;
const CONNECTORS = new Set(["bin", "ibn", "ben", "bint", "ould"]);
const NUMBER_MISMATCH = 0.55;
const WEAK_ONLY_CAP = 0.45;
const ONE_PART_CAP = 0.6;
/** each pair of strong tokens that disagree (a different surname, a different patronymic) multiplies by this */
const SUBSTITUTION = 0.82;

/** Edits a token of this length may contain and still be the same word. */
function editBudget(shortest: number): number {
  if (shortest <= 3) return 0;
  if (shortest <= 4) return 1;
  if (shortest <= 9) return 2;
  return 3;
}

interface Sim {
  score: number;
  method: AlignMethod;
}

/** Agreement of two tokens, or undefined when they may not pair at all (a legal form and a word). */
export function tokenSimilarity(a: NameToken, b: NameToken): Sim | undefined {
  if (a.kind === "legal" || b.kind === "legal") {
    if (a.kind !== b.kind) return undefined;
    if (a.symbol === b.symbol) return { score: 1, method: "legal-form" };
    return { score: a.family === b.family ? 0.8 : 0.4, method: "legal-form" };
  }
  if (a.kind === "number" || b.kind === "number") {
    if (a.kind !== b.kind) return undefined;
    return a.key === b.key ? { score: 1, method: "number" } : { score: 0, method: "number" };
  }
  if (a.kind === "stop" || b.kind === "stop") {
    if (a.kind !== b.kind) return undefined;
    return a.text === b.text ? { score: 1, method: "exact" } : { score: 0.3, method: "mismatch" };
  }
  if (a.text === b.text) return { score: 1, method: "exact" };
  if (a.kind === "initial" || b.kind === "initial") {
    const [i, w] = a.kind === "initial" ? [a, b] : [b, a];
    return w.text.startsWith(i.text) ? { score: 0.9, method: "initial" } : { score: 0, method: "mismatch" };
  }
  if (a.key === b.key) return { score: 0.95, method: "translit-variant" };
  if (a.symbol !== undefined && a.symbol === b.symbol) return { score: 0.95, method: "known-name" };
  return fuzzy(a, b);
}

const NO_MATCH: Sim = { score: 0, method: "mismatch" };

function fuzzy(a: NameToken, b: NameToken): Sim {
  const x = a.key;
  const y = b.key;
  const longest = Math.max(x.length, y.length);
  // pinyin read from Chinese characters is exact: one letter off is another character (Cheng ≠ Chen)
  if (a.strict || b.strict) return x === y ? { score: 0.95, method: "translit-variant" } : NO_MATCH;
  const shortest = Math.min(x.length, y.length);
  const budget = editBudget(shortest);
  // lower bounds on the distance, checked before the dynamic programme: the length gap, and the letters
  // one side has that the other lacks altogether
  const bound = Math.max(Math.abs(x.length - y.length), popcount(a.mask & ~b.mask), popcount(b.mask & ~a.mask));
  if (bound > budget + 1) return NO_MATCH;
  const d = editDistance(x, y);
  // two neighbouring letters swapped is a typing slip even in a short word (Sok / Sko)
  if (d === 1 && budget === 0 && x.length === y.length && x.length >= 3 && isTransposition(x, y)) return { score: 0.8, method: "edit-distance" };
  if (d <= budget) return { score: 1 - d / longest, method: "edit-distance" };
  // one edit beyond the budget: a different word that looks alike, some partial credit for explanations
  return { score: Math.max(0, 0.5 - d / longest), method: "mismatch" };
}

function isTransposition(x: string, y: string): boolean {
  let i = 0;
  while (i < x.length && x[i] === y[i]) i++;
  return i + 1 < x.length && x[i] === y[i + 1] && x[i + 1] === y[i] && x.slice(i + 2) === y.slice(i + 2);
}

interface Pair {
  qi: number[];
  ci: number[];
  score: number;
  method: AlignMethod;
}

/** Adjacent tokens on one side that, joined, equal (or nearly equal) one token on the other side. */
function merges(q: NameToken[], c: NameToken[]): Pair[] {
  const out: Pair[] = [];
  const scan = (from: NameToken[], to: NameToken[], flip: boolean) => {
    for (let i = 0; i + 1 < from.length; i++) {
      let joined = from[i].key;
      if (from[i].kind === "legal" || from[i].kind === "number") continue;
      for (let len = 2; len <= 3 && i + len <= from.length; len++) {
        const next = from[i + len - 1];
        if (next.kind === "legal" || next.kind === "number") break;
        joined += next.key;
        for (let j = 0; j < to.length; j++) {
          const t = to[j];
          if ((t.kind !== "word" && t.kind !== "generic") || t.key.length < 4) continue;
          if (Math.abs(t.key.length - joined.length) > 1) continue;
          const d = t.key === joined ? 0 : editDistance(t.key, joined);
          if (d > (joined.length >= 8 ? 1 : 0)) continue;
          const span = Array.from({ length: len }, (_, k) => i + k);
          const score = d === 0 ? 0.95 : 0.85;
          out.push(flip ? { qi: [j], ci: span, score, method: "merge" } : { qi: span, ci: [j], score, method: "merge" });
        }
      }
    }
  };
  scan(q, c, false);
  scan(c, q, true);
  return out;
}

/** Aligns and scores two token lists. `q` is the query side (a customer, a name in an article). */
export function scoreTokens(q: NameToken[], c: NameToken[], opts: ScoreOptions = {}): NameScore {
  const weightOf = (t: NameToken) => KIND_WEIGHT[t.kind] * (opts.weightOf && t.kind === "word" ? opts.weightOf(t) : 1);
  const pairs: Pair[] = [];
  for (let i = 0; i < q.length; i++) {
    for (let j = 0; j < c.length; j++) {
      const sim = tokenSimilarity(q[i], c[j]);
      if (sim) pairs.push({ qi: [i], ci: [j], score: sim.score, method: sim.method });
    }
  }
  if (q.length > 1 || c.length > 1) pairs.push(...merges(q, c));
  // best first; among equals, single-token pairs before merges and strong tokens before weak ones
  pairs.sort((x, y) => y.score - x.score || x.qi.length + x.ci.length - (y.qi.length + y.ci.length) || strength(q, c, y) - strength(q, c, x));

  const qUsed = new Uint8Array(q.length);
  const cUsed = new Uint8Array(c.length);
  const taken: Pair[] = [];
  for (const p of pairs) {
    if (p.qi.some((i) => qUsed[i]) || p.ci.some((j) => cUsed[j])) continue;
    for (const i of p.qi) qUsed[i] = 1;
    for (const j of p.ci) cUsed[j] = 1;
    taken.push(p);
  }

  const explain = opts.explain !== false;
  const aligned: AlignedToken[] = [];
  const rules: string[] = [];
  let num = 0;
  let den = 0;
  let strongAgreement = false;
  let numberMismatch = false;
  let substitutions = 0;
  let legalConflict = false;
  let agreeingParts = 0;
  const extra = opts.person ? EXTRA.person : EXTRA.other;
  for (const p of taken) {
    let weight = p.qi.reduce((s, i) => s + weightOf(q[i]), 0) / p.qi.length + p.ci.reduce((s, j) => s + weightOf(c[j]), 0) / p.ci.length;
    // an initial confirms only a first letter: the pair counts as two initials, not as the full word
    if (p.method === "initial") weight = 2 * KIND_WEIGHT.initial;
    num += p.score * weight;
    den += weight;
    if (p.score >= 0.75 && p.qi.some((i) => isStrong(q[i].kind)) && p.ci.some((j) => isStrong(c[j].kind))) strongAgreement = true;
    if (p.method !== "mismatch" && p.method !== "number" && p.method !== "legal-form" && p.score >= 0.6) agreeingParts++;
    if (p.method === "number" && p.score === 0) numberMismatch = true;
    if (p.method === "mismatch" && p.qi.some((i) => isWordLike(q[i])) && p.ci.some((j) => isWordLike(c[j]))) {
      // two generic words that differ (Gas / Oil) count half as much as differing name words
      substitutions += p.qi.some((i) => q[i].kind === "word") || p.ci.some((j) => c[j].kind === "word") ? 1 : 0.5;
    }
    if (p.method === "legal-form" && p.score < 0.5) legalConflict = true;
    if (explain) aligned.push({ query: p.qi.map((i) => q[i].text).join(" "), candidate: p.ci.map((j) => c[j].text).join(" "), method: p.method, score: round(p.score), weight: round(weight) });
  }
  for (let i = 0; i < q.length; i++) {
    if (qUsed[i]) continue;
    const weight = weightOf(q[i]) * extra.query;
    den += weight;
    if (q[i].kind === "number" && c.some((t) => t.kind === "number")) numberMismatch = true;
    if (explain) aligned.push({ query: q[i].text, candidate: "", method: "unmatched-query", score: 0, weight: round(weight) });
  }
  for (let j = 0; j < c.length; j++) {
    if (cUsed[j]) continue;
    const weight = weightOf(c[j]) * extra.candidate;
    den += weight;
    if (explain) aligned.push({ query: "", candidate: c[j].text, method: "unmatched-candidate", score: 0, weight: round(weight) });
  }
  let score = den > 0 ? num / den : 0;
  if (substitutions > 0) {
    score *= SUBSTITUTION ** substitutions;
    rules.push(`substituted-words:${Math.ceil(substitutions)}`);
  }
  if (legalConflict) {
    score *= LEGAL_FORM_CONFLICT;
    rules.push("legal-form-conflict");
  }
  if (opts.person && patronymReversed(q, c, taken)) {
    score *= PATRONYM_REVERSED;
    rules.push("patronym-reversed");
  }
  if (numberMismatch) {
    score *= NUMBER_MISMATCH;
    rules.push("number-mismatch");
  }
  // two persons who share one name part and nothing else (a surname, a common given name) are not shown
  // to be the same: John Taylor is not Mark John Taylor's namesake by that alone
  if (opts.person && agreeingParts < 2 && strongCount(q) >= 2 && strongCount(c) >= 2 && score > ONE_PART_CAP) {
    score = ONE_PART_CAP;
    rules.push("one-name-part-only");
  }
  if (!strongAgreement && score > WEAK_ONLY_CAP) {
    score = WEAK_ONLY_CAP;
    rules.push("weak-tokens-only");
  }
  return { score: round(score), aligned, rules };
}

function strongCount(tokens: NameToken[]): number {
  let n = 0;
  for (const t of tokens) if (t.kind === "word" || t.kind === "number" || t.kind === "initial") n++;
  return n;
}

function isWordLike(t: NameToken): boolean {
  return t.kind === "word" || t.kind === "generic";
}

/**
 * "SALMAN BIN MUHAMMAD" is Salman son of Muhammad; "MUHAMMAD BIN SALMAN" is his father's namesake son. When
 * both names use a connector and the word before it on one side pairs with the word after it on the other,
 * the names describe different people even though every word agrees.
 */
function patronymReversed(q: NameToken[], c: NameToken[], taken: Pair[]): boolean {
  const qc = q.findIndex((t) => CONNECTORS.has(t.text));
  const cc = c.findIndex((t) => CONNECTORS.has(t.text));
  if (qc <= 0 || cc <= 0 || qc + 1 >= q.length || cc + 1 >= c.length) return false;
  const partner = (i: number) => taken.find((p) => p.qi.includes(i) && p.score >= 0.75)?.ci;
  return !!(partner(qc - 1)?.includes(cc + 1) || partner(qc + 1)?.includes(cc - 1));
}

function strength(q: NameToken[], c: NameToken[], p: Pair): number {
  return (p.qi.some((i) => isStrong(q[i].kind)) ? 1 : 0) + (p.ci.some((j) => isStrong(c[j].kind)) ? 1 : 0);
}

/** Scores two analysed names. */
export function scoreNames(a: NameAnalysis, b: NameAnalysis, opts: ScoreOptions = {}): NameScore {
  return scoreTokens(a.tokens, b.tokens, opts);
}

/**
 * The pair scorer: is `a` (a query, a name found in an article) the same party as `b`? Pure; the news
 * pipeline links names to knowledge-base entities with it.
 */
export function compareNames(a: string, b: string, opts: { schema?: string; threshold?: number } = {}): PairResult {
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
  const result = scoreNames(analyseName(a, opts), analyseName(b, opts), { person: isPersonSchema(opts.schema) });
  return { ...result, match: result.score >= threshold, threshold, algorithm: MATCH_ALGORITHM, query: a, candidate: b };
}

export function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
