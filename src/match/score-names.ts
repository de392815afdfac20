/**
 * The name scorer: aligns the tokens of two analysed names and turns the alignment into one score, 0..1.
 * Pure: no store, no index (an index may pass token rarities in through `weightOf`).
 *
 * 1. Every compatible token pair is scored (tokenSimilarity): equal text 1 (unless the two words were read
 *    from different Chinese characters of one pinyin, 石/市 shi); two words read from characters
 *    (Chinese, Hangul) that differ 0; equal spelling skeleton 0.95 (a transliteration variant); same
 *    known-name symbol 0.95; a person's initial against a word it starts 0.9; otherwise an edit distance
 *    with a length-dependent budget (short tokens get no typo at all, so KAMAZ ≠ KRAZ and GAZ ≠ Gazprom;
 *    a four-letter word whose skeleton is shorter keeps one); a word read from Arabic or Hebrew script
 *    against a Latin one by consonants and the vowels the script writes 0.9 (abjadSimilarity; screening
 *    holds a name that rests on this below the threshold, see score-entity.ts). Adjacent tokens written as one word
 *    ("Avto VAZ" / "AvtoVAZ") pair as a merge; a Wade-Giles spelling pairs with its pinyin (wade-giles.ts);
 *    a short word that spells the initials of a run of words pairs with the run as an acronym (PLA /
 *    People's Liberation Army). Legal forms pair only with legal forms, numbers only with numbers.
 * 2. Pairs are taken greedily, best first, each token once. Tokens left over are extras.
 * 3. Score = Σ pair score × (query weight + candidate weight) / Σ weights, where extras count with their
 *    weight × EXTRA_QUERY (a query word the candidate lacks is strong evidence against) or × EXTRA_CANDIDATE
 *    (list entries carry patronymics, clan names and titles a customer record often omits).
 * 4. Rules on top: each pair of disagreeing words (name words, generic words, an initial against a word it
 *    does not start) multiplies the score by SUBSTITUTION; numbers that disagree cut the score (unless
 *    every other word agrees: a series sibling, Fund VII / Fund VIII), and so does an organisation's number
 *    the other side lacks (Solutions II / Solutions); a name whose agreeing tokens are all weak (legal
 *    forms, generic words) is capped below any threshold (the "CORP" trap).
 */
import { editDistance } from "./jaro-winkler.js";
import { analyseName, isPersonSchema, type NameAnalysis } from "./normalize.js";
import { isStrong, KIND_WEIGHT, popcount, type NameToken } from "./tokens.js";
import { DEFAULT_THRESHOLD, MATCH_ALGORITHM } from "./version.js";
import { readsAsMandarin, wadeGilesTokenVariant, wadeGilesVariant } from "./wade-giles.js";
import { consonantClass, longVowelsAgree } from "./transliterate.js";

export type AlignMethod =
  | "exact"
  | "translit-variant"
  | "consonants"
  | "known-name"
  | "initial"
  | "edit-distance"
  | "merge"
  | "acronym"
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
/**
 * Names that agree word for word and differ only in a paired series number (Fund VII / Fund VIII, Trust
 * 2004-1 / 2004-2, Snow Storm 1 / 2) are sibling vehicles of one sponsor or one fleet: shown to an analyst
 * as a possible match at this score, rather than cut like a number against a missing number.
 */
const SERIES_VARIANT = 0.75;
/**
 * An organisation's name with a number the other side lacks altogether (Bowne Global Solutions II /
 * Bowne Global Solutions, Ocean Star 2 / Ocean Star) names a successor or series vehicle of the same
 * sponsor, not the same entity.
 */
const NUMBER_ONE_SIDED = 0.75;
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
  readonly score: number;
  readonly method: AlignMethod;
}

// the frequent answers, shared (the scorer compares thousands of token pairs per query)
const SIM_EXACT: Sim = { score: 1, method: "exact" };
const SIM_VARIANT: Sim = { score: 0.95, method: "translit-variant" };
const SIM_KNOWN: Sim = { score: 0.95, method: "known-name" };
const NO_MATCH: Sim = { score: 0, method: "mismatch" };

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
  // two words read from Chinese characters are the same word only if the characters are (pinyin loses them)
  if (a.han !== undefined && b.han !== undefined && a.han !== b.han) return NO_MATCH;
  if (a.text === b.text) return SIM_EXACT;
  // two names read from characters (Chinese, Hangul): different text is a different character, even where
  // the spelling keys agree (志 zhi / 基 ji, 종 jong / 정 jeong)
  if (a.strict && b.strict) return NO_MATCH;
  if (a.kind === "initial" || b.kind === "initial") {
    const [i, w] = a.kind === "initial" ? [a, b] : [b, a];
    return w.text.startsWith(i.text) ? { score: 0.9, method: "initial" } : { score: 0, method: "mismatch" };
  }
  if (a.key === b.key) return SIM_VARIANT;
  if (a.symbol !== undefined && a.symbol === b.symbol) return SIM_KNOWN;
  // between two Latin spellings only: pinyin read from Chinese characters is exact (see fuzzy)
  if (!a.strict && !b.strict && wadeGilesTokenVariant(a, b)) return SIM_VARIANT;
  if (a.abjad !== b.abjad) return abjadSimilarity(a, b);
  return fuzzy(a, b);
}

/** Rule named in a name score whose alignment pairs an Arabic-script word with a Latin one by consonants. */
export const CONSONANTS_ONLY_RULE = "arabic-script-consonants";
const SIM_ABJAD: Sim = { score: 0.9, method: "consonants" };

/**
 * A word read from Arabic script against a Latin spelling: the same consonants in the classes Arabic writes
 * (محمد / Mohammed, بيريز / Perez) with the long vowels the script writes (محمود / Mahmoud, not Mohammed) is a
 * transliteration, scored a little below a Latin variant because the unwritten short vowels cannot confirm
 * it (حسن is Hasan, Hassan or Husn).
 */
function abjadSimilarity(a: NameToken, b: NameToken): Sim {
  const x = (a.consonants ??= consonantClass(a.key));
  const y = (b.consonants ??= consonantClass(b.key));
  if (x.length >= 2 && x === y) {
    const [abjad, latin] = a.abjad ? [a, b] : [b, a];
    if (longVowelsAgree(abjad.key, latin.key)) return SIM_ABJAD;
    return NO_MATCH;
  }
  // a spelling without its short vowels against one with them: letter edits say nothing (mhmud / ahmed is
  // two edits), only a typo among four or more consonants is still the same word
  if (Math.min(x.length, y.length) >= 4 && editDistance(x, y) === 1) return { score: 0.75, method: "consonants" };
  return NO_MATCH;
}

function fuzzy(a: NameToken, b: NameToken): Sim {
  const x = a.key;
  const y = b.key;
  const longest = Math.max(x.length, y.length);
  // pinyin read from Chinese characters is exact: one letter off is another character (Cheng ≠ Chen)
  if (a.strict || b.strict) return x === y ? SIM_VARIANT : NO_MATCH;
  // a skeleton is shorter than its word where it merged doubled letters or a digraph (Benn → ben, Cook →
  // cuk): a word of four letters as written keeps its one typo even when its skeleton has three
  const shortest = Math.min(x.length, y.length);
  const budget = shortest <= 3 && a.text.length >= 4 && b.text.length >= 4 ? 1 : editBudget(shortest);
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

/** A pairing of a run of query tokens with a run of candidate tokens (single tokens, or a merge). */
interface Pair {
  /** first query token and how many (1, or 2–3 for a merge) */
  q0: number;
  qn: number;
  c0: number;
  cn: number;
  score: number;
  method: AlignMethod;
  /** how many sides hold a strong token (ties between equal scores go to strong pairs) */
  strength: number;
}

function anyStrong(tokens: NameToken[], from: number, n: number): boolean {
  for (let k = from; k < from + n; k++) if (isStrong(tokens[k].kind)) return true;
  return false;
}

/**
 * Pair objects are reused from one scoreTokens call to the next (screening aligns thousands of names a
 * second, and these short-lived objects were a large share of its garbage). scoreTokens is synchronous and
 * never re-entered, and no Pair outlives the call that made it.
 */
const pairPool: Pair[] = [];
let pairsInUse = 0;
const pairList: Pair[] = [];
const takenList: Pair[] = [];

/** Per-side scratch arrays of scoreTokens, reused like the pairs (views of the needed length, zeroed). */
const buffers = {
  w: [new Float64Array(64), new Float64Array(64)],
  u: [new Uint8Array(64), new Uint8Array(64)],
  weights(side: 0 | 1, n: number): Float64Array {
    if (this.w[side].length < n) this.w[side] = new Float64Array(n * 2);
    return this.w[side].subarray(0, n);
  },
  used(side: 0 | 1, n: number): Uint8Array {
    if (this.u[side].length < n) this.u[side] = new Uint8Array(n * 2);
    const view = this.u[side].subarray(0, n);
    view.fill(0);
    return view;
  },
};

function makePair(q: NameToken[], c: NameToken[], q0: number, qn: number, c0: number, cn: number, score: number, method: AlignMethod): Pair {
  const strength = (anyStrong(q, q0, qn) ? 1 : 0) + (anyStrong(c, c0, cn) ? 1 : 0);
  let p = pairPool[pairsInUse];
  if (p === undefined) pairPool.push((p = { q0, qn, c0, cn, score, method, strength }));
  else {
    p.q0 = q0;
    p.qn = qn;
    p.c0 = c0;
    p.cn = cn;
    p.score = score;
    p.method = method;
    p.strength = strength;
  }
  pairsInUse++;
  return p;
}

/** Adjacent tokens on one side that, joined, equal (or nearly equal) one token on the other side. */
function merges(q: NameToken[], c: NameToken[], out: Pair[]): void {
  mergesFrom(q, c, q, c, false, out);
  mergesFrom(q, c, c, q, true, out);
}

function mergesFrom(q: NameToken[], c: NameToken[], from: NameToken[], to: NameToken[], flip: boolean, out: Pair[]): void {
  // the longest word on the other side bounds what a join may reach (most names have no merge at all)
  let longest = 0;
  for (const t of to) if ((t.kind === "word" || t.kind === "generic") && t.key.length > longest) longest = t.key.length;
  if (longest < 4) return;
  for (let i = 0; i + 1 < from.length; i++) {
    let joined = from[i].key;
    let joinedText = from[i].text;
    if (from[i].kind === "legal" || from[i].kind === "number") continue;
    for (let len = 2; len <= 3 && i + len <= from.length; len++) {
      const next = from[i + len - 1];
      if (next.kind === "legal" || next.kind === "number") break;
      joined += next.key;
      joinedText += next.text;
      if (joined.length > longest + 2) break;
      for (let j = 0; j < to.length; j++) {
        const t = to[j];
        if ((t.kind !== "word" && t.kind !== "generic") || t.key.length < 4) continue;
        if (Math.abs(t.key.length - joined.length) > 2) continue;
        const strict = t.strict || from[i].strict;
        const exact = t.key === joined || (!strict && readsAsMandarin(t) && wadeGilesVariant(t.text, joinedText));
        // one edit allowed in a join of 8+ letters, never in words read from characters (병철 ≠ 영철)
        if (!exact && (strict || joined.length < 8 || !withinOneEdit(t.key, joined))) continue;
        const score = exact ? 0.95 : 0.85;
        out.push(flip ? makePair(q, c, j, 1, i, len, score, "merge") : makePair(q, c, i, len, j, 1, score, "merge"));
      }
    }
  }
}

const ACRONYM = 0.9;
const VOWEL = /[aeiouy]/;

/**
 * A short word that spells the initials of a run of words on the other side: PLA / People's Liberation
 * Army, US / United States, JC / Jean-Claude. Stop words inside the run are passed over (DoS / Department
 * of State). In a person's name only a word without vowels counts (JC, JFK): a pronounceable short word
 * (Ali, Bob) is a name of its own.
 */
function acronyms(q: NameToken[], c: NameToken[], from: NameToken[], to: NameToken[], flip: boolean, person: boolean, out: Pair[]): void {
  for (let i = 0; i < from.length; i++) {
    const t = from[i];
    if (t.kind !== "word" || t.text.length < 2 || t.text.length > 5 || !/^[a-z]+$/.test(t.text)) continue;
    if (person && VOWEL.test(t.text)) continue;
    for (let j = 0; j < to.length; j++) {
      if ((to[j].kind !== "word" && to[j].kind !== "generic") || to[j].text[0] !== t.text[0]) continue;
      let initials = "";
      let k = j;
      for (; k < to.length && initials.length < t.text.length; k++) {
        const u = to[k];
        if (u.kind === "stop" && initials.length > 0) continue;
        if (u.kind !== "word" && u.kind !== "generic") break;
        if (u.text[0] !== t.text[initials.length]) break;
        initials += u.text[0];
      }
      if (initials !== t.text) continue;
      out.push(flip ? makePair(q, c, j, k - j, i, 1, ACRONYM, "acronym") : makePair(q, c, i, 1, j, k - j, ACRONYM, "acronym"));
    }
  }
}

/** Whether two different strings are one insertion, deletion or substitution apart. */
function withinOneEdit(a: string, b: string): boolean {
  if (a.length < b.length) [a, b] = [b, a];
  if (a.length - b.length > 1) return false;
  let i = 0;
  while (i < b.length && a[i] === b[i]) i++;
  return a.length === b.length ? a.slice(i + 1) === b.slice(i + 1) : a.slice(i + 1) === b.slice(i);
}

/** Best first; among equals, single-token pairs before merges and strong tokens before weak ones. */
function pairOrder(x: Pair, y: Pair): number {
  return y.score - x.score || x.qn + x.cn - (y.qn + y.cn) || y.strength - x.strength;
}

/** pairOrder by insertion: a name pair yields a dozen pairs or so, where Array.prototype.sort costs more. */
function sortPairs(pairs: Pair[]): void {
  for (let i = 1; i < pairs.length; i++) {
    const p = pairs[i];
    let j = i - 1;
    while (j >= 0 && pairOrder(pairs[j], p) > 0) {
      pairs[j + 1] = pairs[j];
      j--;
    }
    pairs[j + 1] = p;
  }
}

function spanFree(used: Uint8Array, from: number, n: number): boolean {
  for (let k = from; k < from + n; k++) if (used[k]) return false;
  return true;
}

function spanText(tokens: NameToken[], from: number, n: number): string {
  if (n === 1) return tokens[from].text;
  const parts: string[] = [];
  for (let k = from; k < from + n; k++) parts.push(tokens[k].text);
  return parts.join(" ");
}

/** Aligns and scores two token lists. `q` is the query side (a customer, a name in an article). */
export function scoreTokens(q: NameToken[], c: NameToken[], opts: ScoreOptions = {}): NameScore {
  // token weights once per call (the index's rarity lookup is a map access)
  const rarity = opts.weightOf;
  pairsInUse = 0;
  const wq = buffers.weights(0, q.length);
  const wc = buffers.weights(1, c.length);
  for (let i = 0; i < q.length; i++) wq[i] = KIND_WEIGHT[q[i].kind] * (rarity && q[i].kind === "word" ? rarity(q[i]) : 1);
  for (let j = 0; j < c.length; j++) wc[j] = KIND_WEIGHT[c[j].kind] * (rarity && c[j].kind === "word" ? rarity(c[j]) : 1);
  const pairs = pairList;
  pairs.length = 0;
  for (let i = 0; i < q.length; i++) {
    for (let j = 0; j < c.length; j++) {
      const sim = tokenSimilarity(q[i], c[j]);
      if (sim) pairs.push(makePair(q, c, i, 1, j, 1, sim.score, sim.method));
    }
  }
  if (q.length > 1 || c.length > 1) {
    merges(q, c, pairs);
    acronyms(q, c, q, c, false, opts.person === true, pairs);
    acronyms(q, c, c, q, true, opts.person === true, pairs);
  }
  sortPairs(pairs);

  const qUsed = buffers.used(0, q.length);
  const cUsed = buffers.used(1, c.length);
  const taken = takenList;
  taken.length = 0;
  for (const p of pairs) {
    if (!spanFree(qUsed, p.q0, p.qn) || !spanFree(cUsed, p.c0, p.cn)) continue;
    qUsed.fill(1, p.q0, p.q0 + p.qn);
    cUsed.fill(1, p.c0, p.c0 + p.cn);
    taken.push(p);
  }

  const explain = opts.explain !== false;
  const aligned: AlignedToken[] = [];
  const rules: string[] = [];
  let num = 0;
  let den = 0;
  let strongAgreement = false;
  let numberMismatch = false;
  let mismatchedNumberWeight = 0;
  let substitutions = 0;
  let legalConflict = false;
  let agreeingParts = 0;
  let initialParts = 0;
  let queryWordMissing = false;
  const extra = opts.person ? EXTRA.person : EXTRA.other;
  for (const p of taken) {
    let sq = 0;
    for (let i = p.q0; i < p.q0 + p.qn; i++) sq += wq[i];
    let sc = 0;
    for (let j = p.c0; j < p.c0 + p.cn; j++) sc += wc[j];
    let weight = sq / p.qn + sc / p.cn;
    // an initial confirms only a first letter: the pair counts as two initials, not as the full word
    if (p.method === "initial") weight = 2 * KIND_WEIGHT.initial;
    num += p.score * weight;
    den += weight;
    if (p.score >= 0.75 && p.strength === 2) strongAgreement = true;
    if (p.method !== "mismatch" && p.method !== "number" && p.method !== "legal-form" && p.score >= 0.6) agreeingParts++;
    if (p.method === "initial") initialParts++;
    if (p.method === "number" && p.score === 0) {
      numberMismatch = true;
      mismatchedNumberWeight += weight;
    }
    if (p.method === "mismatch") {
      // two generic words that differ (Saudi Arabian Gas / Oil Company, China Construction Trust / Bank)
      // name another line of business of the same group, as differing name words name another party; an
      // initial that is not the first letter of the word it faces (William G. Frost / William W. Frost)
      // is a different name as much as a different word is
      const qWord = anyKind(q, p.q0, p.qn, "word") || anyKind(q, p.q0, p.qn, "initial");
      const cWord = anyKind(c, p.c0, p.cn, "word") || anyKind(c, p.c0, p.cn, "initial");
      if ((qWord || anyKind(q, p.q0, p.qn, "generic")) && (cWord || anyKind(c, p.c0, p.cn, "generic"))) substitutions++;
    }
    if (p.method === "legal-form" && p.score < 0.5) legalConflict = true;
    if (explain) aligned.push({ query: spanText(q, p.q0, p.qn), candidate: spanText(c, p.c0, p.cn), method: p.method, score: round(p.score), weight: round(weight) });
  }
  let candidateHasNumber = false;
  for (const t of c) if (t.kind === "number") candidateHasNumber = true;
  let queryHasNumber = false;
  for (const t of q) if (t.kind === "number") queryHasNumber = true;
  let oneSidedNumber = false;
  for (let i = 0; i < q.length; i++) {
    if (qUsed[i]) continue;
    const weight = wq[i] * extra.query;
    den += weight;
    if (q[i].kind === "word") queryWordMissing = true;
    if (q[i].kind === "number") {
      if (candidateHasNumber) numberMismatch = true;
      else if (!opts.person) oneSidedNumber = true;
    }
    if (explain) aligned.push({ query: q[i].text, candidate: "", method: "unmatched-query", score: 0, weight: round(weight) });
  }
  for (let j = 0; j < c.length; j++) {
    if (cUsed[j]) continue;
    const weight = wc[j] * extra.candidate;
    den += weight;
    if (c[j].kind === "number" && !queryHasNumber && !opts.person) oneSidedNumber = true;
    if (explain) aligned.push({ query: "", candidate: c[j].text, method: "unmatched-candidate", score: 0, weight: round(weight) });
  }
  let score = den > 0 ? num / den : 0;
  const seriesVariant = numberMismatch && mismatchedNumberWeight > 0 && substitutions === 0 && !legalConflict && qUsed.every((u) => u === 1) && cUsed.every((u) => u === 1) && den > mismatchedNumberWeight;
  if (seriesVariant) score = (num / (den - mismatchedNumberWeight)) * SERIES_VARIANT;
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
  if (oneSidedNumber) {
    score *= NUMBER_ONE_SIDED;
    rules.push("number-one-side");
  }
  // an agreement that rests on consonants read from Arabic script (the short vowels are not written)
  for (const p of taken) {
    if (p.method === "consonants") {
      rules.push(CONSONANTS_ONLY_RULE);
      break;
    }
  }
  if (seriesVariant) rules.push("series-number-differs");
  else if (numberMismatch) {
    score *= NUMBER_MISMATCH;
    rules.push("number-mismatch");
  }
  // two persons who share one name part and nothing else (a surname, a common given name) are not shown
  // to be the same: John Taylor is not Mark John Taylor's namesake by that alone
  // an initial confirms a name part only when the query's own words all found theirs: David G. Valadao is not
  // GOTMAN, David because G is Gotman's initial while Valadao is left over
  if (queryWordMissing) agreeingParts -= initialParts;
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

function anyKind(tokens: NameToken[], from: number, n: number, kind: NameToken["kind"]): boolean {
  for (let k = from; k < from + n; k++) if (tokens[k].kind === kind) return true;
  return false;
}

function strongCount(tokens: NameToken[]): number {
  let n = 0;
  for (const t of tokens) if (t.kind === "word" || t.kind === "number" || t.kind === "initial") n++;
  return n;
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
  const pairs = (i: number, j: number) => taken.some((p) => i >= p.q0 && i < p.q0 + p.qn && p.score >= 0.75 && j >= p.c0 && j < p.c0 + p.cn);
  return pairs(qc - 1, cc + 1) || pairs(qc + 1, cc - 1);
}

/** Scores two analysed names. */
export function scoreNames(a: NameAnalysis, b: NameAnalysis, opts: ScoreOptions = {}): NameScore {
  return scoreTokens(a.tokens, b.tokens, opts);
}

/**
 * The pair scorer: is `a` (a query, a name found in an article) the same party as `b`? Pure; the news
 * pipeline links names to knowledge-base entities with it. An Arabic-script name meets Latin spellings by
 * its consonants (AnalyseOptions.abjad).
 */
export function compareNames(a: string, b: string, opts: { schema?: string; threshold?: number } = {}): PairResult {
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
  const analyse = { schema: opts.schema, abjad: true };
  let result: NameScore | undefined;
  // a field that lists alternatives ("Al-Qa'ida/Islamic Army") is as good as its best alternative
  for (const x of nameAlternatives(a)) {
    for (const y of nameAlternatives(b)) {
      const r = scoreNames(analyseName(x, analyse), analyseName(y, analyse), { person: isPersonSchema(opts.schema) });
      if (!result || r.score > result.score) result = r;
    }
  }
  return { ...result!, match: result!.score >= threshold, threshold, algorithm: MATCH_ALGORITHM, query: a, candidate: b };
}

/**
 * A name and, where it lists alternatives separated by a slash between words (Al-Qa'ida/Islamic Army,
 * Sberbank / Savings Bank of Russia), each of them. A slash inside a legal form or an abbreviation (A/S, c/o,
 * 50/50) is not a separator: each side needs a word of three letters or more.
 */
export function nameAlternatives(name: string): string[] {
  if (!name.includes("/")) return [name];
  const parts = name.split("/").map((p) => p.trim());
  if (parts.length < 2 || !parts.every((p) => /\p{L}{3,}/u.test(p))) return [name];
  return [name, ...parts];
}

export function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
