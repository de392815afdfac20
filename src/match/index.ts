/**
 * The candidate index: every party on an active list plus the knowledge base's companies, organisations,
 * public bodies and persons, held in memory with their names analysed once. A query finds its candidates
 * through an inverted index instead of scanning everything:
 *
 *   - token skeleton → names (exact and transliteration-variant hits);
 *   - symmetric deletions (each skeleton of 4+ letters minus one letter) → tokens, so a query word one typo
 *     away from a listed word still finds it (SymSpell's trick: no edit-distance scan over the vocabulary);
 *   - cross-script symbols (JAC = Jianghuai) → tokens.
 *
 * Each name gathers the rarity (idf) of the query words it shares; the best-scoring names (a short list)
 * then go to the full scorer (score-entity.ts). Rarity also weighs tokens in the score itself, so a shared
 * "Mohammed" counts for less than a shared rare surname.
 *
 * Build with `MatchIndex.build(store)` (reads the store once) or `MatchIndex.fromRecords(...)` (benches,
 * worker threads); `sharedIndex(store)` keeps one per store and rebuilds it when the store's contents change
 * (a list update).
 */
import type { Entity, Listing, Source } from "../model/schema.js";
import { Hit, ScreenQuery, type HitListing, type ScreenQueryInput } from "../model/match.js";
import { listedOn, today } from "../model/dates.js";
import type { Store } from "../store/store.js";
import { candidateName, normaliseIdentifier, prepareQuery, scoreCandidate, type Candidate, type CandidateName } from "./score-entity.js";
import { tokenSimilarity } from "./score-names.js";
import { letterMask, uniformToken, type NameToken } from "./tokens.js";
import { consonantClass } from "./transliterate.js";
import { DEFAULT_THRESHOLD, MATCH_ALGORITHM } from "./version.js";

/** Knowledge-base entity types that are parties (brands, models and plants are not screened). */
export const PARTY_TYPES = new Set(["Company", "Organization", "PublicBody", "Person"]);
const LIST_ID = /^(ofac-sdn|ofac-cons|eu|uk|un|ftm):/;

export interface ScreenOptions {
  /** at most this many hits (default 10) */
  limit?: number;
  /** a hit at or above this score is a match (default 0.7) */
  threshold?: number;
  /** hits below this score are not returned (default: threshold − 0.2) */
  cutoff?: number;
}

export interface IndexRecords {
  entities: Iterable<Entity>;
  listings: Iterable<Listing>;
  sources?: Iterable<Source>;
  /** listings in force on this day count (default today) */
  day?: string;
}

/**
 * How many name forms go from retrieval to the full scorer (each form fans out to every party that carries
 * it, so one person on several lists takes one place). 8 keeps the UN positives' recall of 12 or 24 at two
 * thirds of the scoring work; fewer far-fetched candidates also means fewer false positives. Forms that tie
 * with the best (many listed persons share the words of "Mohammed Ali") all go on, up to TIED_SHORTLIST, so
 * the birth date or country can pick the right one among them.
 */
const SHORTLIST = 8;
const TIED_SHORTLIST = 32;
const TIE = 0.97;

/** Query words whose vocabulary matches are kept (a few MB; see vocabularyMatches). */
const VOCABULARY_CACHE = 50_000;

/** A query word's matches in the index's vocabulary: token ids and their similarity to the query word. */
interface VocabularyMatches {
  ids: Int32Array;
  sims: Float64Array;
}

export class MatchIndex {
  readonly algorithm = MATCH_ALGORITHM;
  readonly builtAt = new Date().toISOString();
  private readonly candidates: Candidate[] = [];
  /** flat name table: name id → (candidate, name position in the candidate) */
  private nameOwner: number[] = [];
  private namePos: number[] = [];
  private readonly tokenIds = new Map<string, number>();
  private tokenProbe: NameToken[] = [];
  /** token id → the name forms that contain it */
  private postings: number[][] = [];
  /** token id → how many names contain it (its document frequency, for rarity) */
  private nameFrequency: number[] = [];
  /**
   * Name forms: names that analyse to the same tokens under the same type (one person on the OFAC, UN and
   * UK lists, an alias shared by two entries) are retrieved and scored once per query, then fanned out to
   * every name that has the form. The form's token array is shared by those names.
   */
  private readonly formIds = new Map<string, number>();
  private formNames: number[][] = [];
  private readonly deletions = new Map<string, number[]>();
  private readonly symbols = new Map<string, number[]>();
  private idf: Float64Array = new Float64Array(0);
  private acc: Float64Array = new Float64Array(0);
  private seen: Int32Array = new Int32Array(0);
  private stamp = 0;

  /** Number of parties indexed. */
  get size(): number {
    return this.candidates.length;
  }
  /** Number of names indexed. */
  get nameCount(): number {
    return this.nameOwner.length;
  }

  /** Indexes every entity with a listing in force, plus the knowledge base's parties. */
  static async build(store: Store, opts: { day?: string } = {}): Promise<MatchIndex> {
    return MatchIndex.fromRecords({ ...(await storeRecords(store)), day: opts.day });
  }

  /** Builds from records in memory (the same selection rules as build). */
  static fromRecords(records: IndexRecords): MatchIndex {
    const index = new MatchIndex();
    const day = records.day ?? today();
    const sources = new Map<string, Source>();
    for (const s of records.sources ?? []) sources.set(s.id, s);
    const listVersionSources = new Set([...sources.values()].filter((s) => s.kind === "list_version").map((s) => s.id));
    const active = new Map<string, Listing[]>();
    for (const l of records.listings) {
      // in force unless delisted by that day (a listing dated later than `day` is still shown: lists are current)
      if (l.delisted && !listedOn(null, l.delisted, day)) continue;
      const list = active.get(l.entity) ?? [];
      list.push(l);
      active.set(l.entity, list);
    }
    for (const e of records.entities) {
      const listings = active.get(e.id) ?? [];
      const isListRecord = LIST_ID.test(e.id) || e.sources.some((s) => listVersionSources.has(s));
      if (listings.length === 0 && (isListRecord || !PARTY_TYPES.has(e.type))) continue;
      index.add(e, listings, sources, isListRecord ? "list" : "kb");
    }
    index.finish();
    return index;
  }

  private add(e: Entity, listings: Listing[], sources: Map<string, Source>, origin: "list" | "kb"): void {
    const names: CandidateName[] = [];
    const seen = new Set<string>();
    const push = (text: string, kind: CandidateName["kind"]) => {
      const t = text.trim();
      if (!t || seen.has(t)) return;
      seen.add(t);
      names.push(candidateName(t, kind, e.type));
    };
    push(e.name, "name");
    for (const a of e.aliases) push(a, "alias");
    for (const a of e.weakAliases) push(a, "weak_alias");
    for (const a of e.properties.previousName ?? []) push(a, "previous_name");
    const identifiers = new Map<string, string[]>();
    for (const [kind, value] of Object.entries(e.identifiers)) {
      for (const v of value.split(/[;,]\s*/)) {
        const n = normaliseIdentifier(v);
        if (n) identifiers.set(kind, [...(identifiers.get(kind) ?? []), n]);
      }
    }
    const hitListings: HitListing[] = listings.map((l) => {
      const src = l.sources.map((s) => sources.get(s)).find((s) => s?.kind === "list_version") ?? sources.get(l.sources[0] ?? "");
      return {
        authority: l.authority,
        program: l.program ?? null,
        listEntryId: l.listEntryId ?? null,
        listed: l.listed ?? null,
        listVersion: src?.id ?? l.sources[0] ?? null,
        listTitle: src?.title ?? null,
        listPublished: src?.published ?? null,
      };
    });
    const candidate: Candidate = {
      id: e.id, caption: e.name, type: e.type, origin, countries: e.countries, birthDates: e.birthDate,
      identifiers, names, listings: hitListings,
    };
    const ci = this.candidates.push(candidate) - 1;
    names.forEach((name, pos) => {
      const nameId = this.nameOwner.push(ci) - 1;
      this.namePos.push(pos);
      const formKey = `${e.type}\u0001${name.tokens.map((t) => `${t.kind}:${t.text}`).join(" ")}`;
      let formId = this.formIds.get(formKey);
      const isNewForm = formId === undefined;
      if (formId === undefined) {
        formId = this.formNames.push([]) - 1;
        this.formIds.set(formKey, formId);
        this.formTokens.push(name.tokens);
        this.formWords.push(name.tokens.filter((t) => t.kind === "word" || t.kind === "number").length);
      } else name.tokens = this.formTokens[formId];
      this.formNames[formId].push(nameId);
      const keys = new Set<string>();
      for (const t of name.tokens) {
        if (t.kind === "legal" || t.kind === "stop") continue;
        if (keys.has(t.key)) continue;
        keys.add(t.key);
        const id = this.tokenId(t);
        this.nameFrequency[id]++;
        if (isNewForm) this.postings[id].push(formId);
      }
    });
  }

  private formTokens: NameToken[][] = [];
  /** name form → how many name words it has (between equally good forms, the one with fewer other words first) */
  private formWords: number[] = [];

  private tokenId(t: NameToken): number {
    let id = this.tokenIds.get(t.key);
    if (id === undefined) {
      id = this.postings.length;
      this.tokenIds.set(t.key, id);
      this.postings.push([]);
      this.nameFrequency.push(0);
      this.tokenProbe.push(uniformToken({ text: t.key, key: t.key, kind: t.kind, mask: letterMask(t.key), symbol: t.symbol }));
      if (t.kind !== "number" && t.key.length >= 4) {
        for (const d of deletionsOf(t.key)) {
          const list = this.deletions.get(d);
          if (list) list.push(id);
          else this.deletions.set(d, [id]);
        }
      }
      if (t.symbol) this.symbols.set(t.symbol, [...(this.symbols.get(t.symbol) ?? []), id]);
    }
    return id;
  }

  private finish(): void {
    const n = this.nameOwner.length;
    this.idf = new Float64Array(this.postings.length);
    for (let i = 0; i < this.postings.length; i++) this.idf[i] = Math.log(1 + n / this.nameFrequency[i]);
    this.acc = new Float64Array(this.formNames.length);
    this.seen = new Int32Array(this.formNames.length);
  }

  /** Rarity of a token as a weight multiplier: common words (Mohammed, Ali) count less, rare ones more. */
  readonly weightOf = (t: NameToken): number => {
    // cached on the token: the index's own tokens and a query's tokens are scored many times each
    if (t.rarity !== undefined) return t.rarity;
    const id = this.tokenIds.get(t.key);
    const idf = id === undefined ? Math.log(1 + this.nameOwner.length) : this.idf[id];
    return (t.rarity = Math.min(1.3, Math.max(0.45, idf / 7)));
  };

  /** Finds the parties a query may be, best first. Synchronous; typically well under a millisecond. */
  screen(input: ScreenQueryInput, opts: ScreenOptions = {}): Hit[] {
    const query = ScreenQuery.parse(input);
    const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
    const cutoff = opts.cutoff ?? Math.max(0, threshold - 0.2);
    const limit = opts.limit ?? 10;
    const pq = prepareQuery(query);
    const shortlist = this.retrieve([...pq.asPerson, ...pq.asOther].flatMap((a) => a.tokens));

    // group the shortlisted names by party; identifiers can also find a party whose name differs entirely
    const byCandidate = new Map<number, Set<number>>();
    for (const formId of shortlist) {
      for (const nameId of this.formNames[formId]) {
        const ci = this.nameOwner[nameId];
        let set = byCandidate.get(ci);
        if (!set) byCandidate.set(ci, (set = new Set()));
        set.add(this.namePos[nameId]);
      }
    }
    if (pq.identifiers.length) this.byIdentifier(pq.identifiers.map((i) => i.value), byCandidate);

    // score every shortlisted party without explanations, then explain only those that are returned
    const ranked: Array<{ ci: number; nameIndex: number; score: number }> = [];
    // a name form shared by several parties is aligned once
    const quickContext = { threshold, weightOf: this.weightOf, explain: false, cache: new Map() };
    for (const [ci, names] of byCandidate) {
      const quick = scoreCandidate(pq, this.candidates[ci], quickContext, names.size ? names : undefined);
      if (quick && quick.score >= cutoff) ranked.push({ ci, nameIndex: quick.nameIndex, score: quick.score });
    }
    ranked.sort((a, b) => b.score - a.score);
    const hits: Hit[] = [];
    const explainContext = { threshold, weightOf: this.weightOf };
    for (const { ci, nameIndex } of ranked.slice(0, limit)) {
      const cand = this.candidates[ci];
      // the same alignment again, now with its explanation: only the name that scored best needs it
      const scored = scoreCandidate(pq, cand, explainContext, new Set([nameIndex]));
      if (!scored) continue;
      hits.push({
        id: cand.id, caption: cand.caption, type: cand.type, score: scored.score, match: scored.score >= threshold,
        origin: cand.origin, countries: cand.countries, listings: cand.listings, explanation: scored.explanation,
        algorithm: MATCH_ALGORITHM,
      });
    }
    hits.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
    return hits.slice(0, limit);
  }

  /** Name forms sharing the query's words (or near-spellings), best first, at most SHORTLIST. */
  private retrieve(tokens: NameToken[]): number[] {
    const stamp = ++this.stamp;
    const touched: number[] = [];
    const acc = this.acc;
    const seen = this.seen;
    const done = new Set<string>();
    for (const qt of tokens) {
      if (qt.kind === "legal" || qt.kind === "stop" || qt.kind === "initial" || done.has(qt.key)) continue;
      done.add(qt.key);
      const matched = this.vocabularyMatches(qt);
      const generic = qt.kind === "generic" ? 0.3 : 1;
      for (let m = 0; m < matched.ids.length; m++) {
        const id = matched.ids[m];
        const w = matched.sims[m] * this.idf[id] * generic;
        for (const formId of this.postings[id]) {
          if (seen[formId] !== stamp) {
            seen[formId] = stamp;
            acc[formId] = 0;
            touched.push(formId);
          }
          acc[formId] += w;
        }
      }
    }
    if (touched.length <= SHORTLIST) return touched;
    // keep the best SHORTLIST name forms, and only those within reach of the best, plus the ties of the best
    // ties are common (every listed Kim ... Chol shares a query's two words): the shorter name comes first
    const words = this.formWords;
    touched.sort((a, b) => acc[b] - acc[a] || words[a] - words[b]);
    const floor = acc[touched[0]] * 0.4;
    const tie = acc[touched[0]] * TIE;
    const out: number[] = [];
    for (const formId of touched) {
      const a = acc[formId];
      if (a < floor || out.length >= TIED_SHORTLIST || (out.length >= SHORTLIST && a < tie)) break;
      out.push(formId);
    }
    return out;
  }

  /**
   * The index's words that a query word may be: the same word, a transliteration variant, a known-name
   * symbol, or one typo away (through the deletion table). Portfolios repeat their words (John, Smith,
   * Trading) thousands of times, so the answer is kept per query word; the cache is a speed-up with a bound,
   * cleared when full.
   */
  private vocabularyMatches(qt: NameToken): VocabularyMatches {
    const cacheKey = `${qt.kind}\u0001${qt.text}\u0001${qt.key}\u0001${qt.symbol ?? ""}\u0001${qt.strict ? 1 : 0}\u0001${qt.abjad ? 1 : 0}`;
    const cached = this.vocabularyCache.get(cacheKey);
    if (cached) return cached;
    // matched token id → similarity to the query token
    const matched = new Map<number, number>();
    const exact = this.tokenIds.get(qt.key);
    if (exact !== undefined) matched.set(exact, 1);
    if (qt.symbol) for (const id of this.symbols.get(qt.symbol) ?? []) matched.set(id, Math.max(matched.get(id) ?? 0, 0.95));
    if (qt.abjad) {
      // a word read from Arabic script finds the list's Latin spellings by its consonants (score-names.ts
      // abjadSimilarity decides, with the long vowels)
      for (const id of this.consonantIndex().get(consonantClass(qt.key)) ?? []) {
        if (matched.has(id)) continue;
        const sim = tokenSimilarity(qt, this.tokenProbe[id]);
        if (sim && sim.score >= 0.6) matched.set(id, sim.score);
      }
    }
    if (qt.kind !== "number" && qt.key.length === 3 && !qt.strict) {
      // a three-letter word has no typo budget except two letters swapped (Sko / Sok), which the scorer allows
      for (let i = 0; i + 1 < 3; i++) {
        const swapped = qt.key.slice(0, i) + qt.key[i + 1] + qt.key[i] + qt.key.slice(i + 2);
        const id = swapped === qt.key ? undefined : this.tokenIds.get(swapped);
        if (id === undefined || matched.has(id)) continue;
        const sim = tokenSimilarity(qt, this.tokenProbe[id]);
        if (sim && sim.score >= 0.6) matched.set(id, sim.score);
      }
    }
    if (qt.kind !== "number" && qt.key.length >= 4) {
      const probes = [qt.key, ...deletionsOf(qt.key)];
      for (const p of probes) {
        const ids = this.deletions.get(p);
        const whole = p === qt.key ? undefined : this.tokenIds.get(p);
        for (const id of whole === undefined ? ids ?? [] : [...(ids ?? []), whole]) {
          if (matched.has(id)) continue;
          const sim = tokenSimilarity(qt, this.tokenProbe[id]);
          if (sim && sim.score >= 0.6) matched.set(id, sim.score);
        }
      }
    }
    const result: VocabularyMatches = { ids: Int32Array.from(matched.keys()), sims: Float64Array.from(matched.values()) };
    if (this.vocabularyCache.size >= VOCABULARY_CACHE) this.vocabularyCache.clear();
    this.vocabularyCache.set(cacheKey, result);
    return result;
  }
  private readonly vocabularyCache = new Map<string, VocabularyMatches>();

  /** The index's words by consonant class (built on the first Arabic-script query: most indexes never see one). */
  private consonantIndex(): Map<string, number[]> {
    if (!this.byConsonants) {
      this.byConsonants = new Map();
      for (let id = 0; id < this.tokenProbe.length; id++) {
        const probe = this.tokenProbe[id];
        if (probe.kind !== "word") continue;
        const key = consonantClass(probe.key);
        if (key.length < 2) continue;
        const ids = this.byConsonants.get(key);
        if (ids) ids.push(id);
        else this.byConsonants.set(key, [id]);
      }
    }
    return this.byConsonants;
  }
  private byConsonants?: Map<string, number[]>;

  private identifierIndex?: Map<string, number[]>;
  private byIdentifier(values: string[], into: Map<number, Set<number>>): void {
    if (!this.identifierIndex) {
      this.identifierIndex = new Map();
      this.candidates.forEach((c, ci) => {
        for (const vs of c.identifiers.values()) for (const v of vs) this.identifierIndex!.set(v, [...(this.identifierIndex!.get(v) ?? []), ci]);
      });
    }
    for (const v of values) for (const ci of this.identifierIndex.get(v) ?? []) if (!into.has(ci)) into.set(ci, new Set());
  }
}

/** Everything the index reads from a store, as plain arrays (worker threads get these). */
export async function storeRecords(store: Store): Promise<{ entities: Entity[]; listings: Listing[]; sources: Source[] }> {
  const [listings, sources] = await Promise.all([store.allListings(), store.allSources()]);
  const active = new Set(listings.filter((l) => !l.delisted || l.delisted > today()).map((l) => l.entity));
  const entities: Entity[] = [];
  // only what the index will keep: parties on a list, and knowledge-base parties
  for await (const e of store.allEntities()) if (active.has(e.id) || PARTY_TYPES.has(e.type)) entities.push(e);
  return { entities, listings, sources };
}

/** Each string one character shorter (the symmetric-deletion neighbourhood of distance 1). */
function deletionsOf(key: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < key.length; i++) {
    if (i > 0 && key[i] === key[i - 1]) continue;
    out.push(key.slice(0, i) + key.slice(i + 1));
  }
  return out;
}

// ---- one index per store, rebuilt when the store changes --------------------------------------------------

const cache = new WeakMap<Store, { revision: number; index: Promise<MatchIndex> }>();

/**
 * The store's index, built on first use and rebuilt when the store's revision moves (every write bumps it: a
 * list update, an accepted news item). Checking is one indexed read.
 */
export async function sharedIndex(store: Store): Promise<MatchIndex> {
  const revision = await store.revision();
  const entry = cache.get(store);
  if (entry && entry.revision === revision) return entry.index;
  const index = MatchIndex.build(store);
  cache.set(store, { revision, index });
  index.catch(() => cache.delete(store));
  return index;
}
