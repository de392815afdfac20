/**
 * The gazetteer: every name, alias and transliteration of the knowledge base's entities (and of ./lexicon.ts)
 * in a trie over folded words, so an article is scanned for all of them in one pass. Folding (asciiFold)
 * makes Cyrillic and Chinese forms meet their Latin ones. Names that are also common words only match when
 * written with a capital, and single-word weak aliases are left out.
 */
import type { Entity, EntityType } from "../model/schema.js";
import { nameKey } from "../model/names.js";
import type { Store } from "../store/store.js";
import { BODIES, COUNTRIES, NOT_NAMES, COMPANY_WORDS } from "./lexicon.js";
import type { Token } from "./tokens.js";

export interface GazetteerEntry {
  /** knowledge-base id, or null for a lexicon entry the store does not have */
  id: string | null;
  name: string;
  type: EntityType;
  country: string | null;
  /** the exact name (not an alias) matched */
  canonical: boolean;
  fromList: boolean;
}

interface Node {
  next: Map<string, Node>;
  entries?: GazetteerEntry[];
}

export interface GazetteerMatch {
  /** token index range [start, end) */
  start: number;
  end: number;
  entry: GazetteerEntry;
}

const TYPE_RANK: Record<string, number> = { Company: 0, PublicBody: 1, Organization: 2, Brand: 3, Country: 4, VehicleModel: 5, Plant: 6, Person: 7 };

export class Gazetteer {
  private root: Node = { next: new Map() };
  /** name key → entries, for linking names found by rules */
  readonly byKey = new Map<string, GazetteerEntry[]>();
  /** folded word → keys containing it, for fuzzy candidates */
  readonly byWord = new Map<string, Set<string>>();
  size = 0;

  add(surface: string, entry: GazetteerEntry): void {
    const key = nameKey(surface);
    const words = key.split(" ").filter(Boolean);
    if (!words.length) return;
    // a one-word name that is a common word or a bare legal form would match everywhere
    if (words.length === 1 && (NOT_NAMES.has(words[0]) || COMPANY_WORDS.has(words[0]) || words[0].length < 2)) return;
    let node = this.root;
    for (const w of words) {
      let n = node.next.get(w);
      if (!n) node.next.set(w, (n = { next: new Map() }));
      node = n;
    }
    node.entries ??= [];
    if (node.entries.some((e) => e.id === entry.id && e.name === entry.name)) return;
    node.entries.push(entry);
    const list = this.byKey.get(key) ?? [];
    list.push(entry);
    this.byKey.set(key, list);
    for (const w of words) {
      let s = this.byWord.get(w);
      if (!s) this.byWord.set(w, (s = new Set()));
      s.add(key);
    }
    this.size++;
  }

  addEntity(e: Entity): void {
    const fromList = e.id.includes(":") || e.sources.some((s) => /list|sdn|sanction/i.test(s));
    const base = { id: e.id, name: e.name, type: e.type, country: e.countries[0] ?? null, fromList };
    this.add(e.name, { ...base, canonical: true });
    for (const a of e.aliases) this.add(a, { ...base, canonical: false });
    for (const a of e.weakAliases) if (a.trim().includes(" ")) this.add(a, { ...base, canonical: false });
  }

  /** Adds the lexicon; an entry whose name the knowledge base knows links to that entity instead. */
  addLexicon(): void {
    const entries = [
      ...COUNTRIES.map((c) => ({ name: c.name, type: "Country" as EntityType, country: c.code, aliases: c.aliases })),
      ...BODIES.map((b) => ({ ...b, country: b.country ?? null })),
    ];
    for (const l of entries) {
      const known = [l.name, ...l.aliases].map((n) => this.best(this.byKey.get(nameKey(n)) ?? [])).find((e) => e?.id);
      const entry: GazetteerEntry = known
        ? { ...known, canonical: false }
        : { id: null, name: l.name, type: l.type, country: l.country ?? null, canonical: false, fromList: false };
      for (const n of [l.name, ...l.aliases]) {
        const key = nameKey(n);
        if (this.byKey.get(key)?.some((e) => e.id)) continue; // the knowledge base already names it
        this.add(n, entry);
      }
    }
  }

  /** The preferred entry among several sharing a name: curated over list entities, exact names, then type. */
  best(entries: GazetteerEntry[]): GazetteerEntry | undefined {
    let best: GazetteerEntry | undefined;
    const score = (e: GazetteerEntry) => (e.id ? 0 : 100) + (e.fromList ? 10 : 0) + (e.canonical ? 0 : 5) + (TYPE_RANK[e.type] ?? 8) * 0.1;
    for (const e of entries) if (!best || score(e) < score(best)) best = e;
    return best;
  }

  lookup(name: string): GazetteerEntry | undefined {
    return this.best(this.byKey.get(nameKey(name)) ?? []);
  }

  /** Longest matches over a token sequence, left to right, not overlapping. */
  scan(tokens: Token[]): GazetteerMatch[] {
    const out: GazetteerMatch[] = [];
    for (let i = 0; i < tokens.length; ) {
      const t = tokens[i];
      if (!t.cap || !t.fold.length) {
        i++;
        continue;
      }
      let node: Node | undefined = this.root;
      let bestEnd = -1;
      let bestEntries: GazetteerEntry[] | undefined;
      for (let j = i; j < tokens.length && node; j++) {
        const tj = tokens[j];
        if (!tj.fold.length) {
          // punctuation inside a name ("Mercedes-Benz" is one token; "Co." keeps going past ".")
          if (j > i && (tj.text === "." || tj.text === "&") && tokens[j - 1].end === tj.start) continue;
          break;
        }
        if (j > i && tj.start > tokens[j - 1].end + 1) break; // names do not span line breaks or gaps
        for (const w of tj.fold) {
          node = node!.next.get(w);
          if (!node) break;
        }
        if (node?.entries) {
          bestEnd = j + 1;
          bestEntries = node.entries;
        }
      }
      if (bestEntries) {
        const isSingleLowerish = bestEnd - i === 1 && !t.cap;
        const entry = this.best(bestEntries);
        if (entry && !isSingleLowerish) {
          out.push({ start: i, end: bestEnd, entry });
          i = bestEnd;
          continue;
        }
      }
      i++;
    }
    return out;
  }
}

/** A gazetteer of the lexicon alone (tests, benchmarks, and articles analysed without a store). */
export function lexiconGazetteer(): Gazetteer {
  const g = new Gazetteer();
  g.addLexicon();
  return g;
}

export function gazetteerFromEntities(entities: Iterable<Entity>): Gazetteer {
  const g = new Gazetteer();
  for (const e of entities) g.addEntity(e);
  g.addLexicon();
  return g;
}

/** Builds the gazetteer from everything the store holds (knowledge base and imported lists). */
export async function gazetteerFromStore(store: Store): Promise<Gazetteer> {
  const g = new Gazetteer();
  for await (const e of store.allEntities()) g.addEntity(e);
  g.addLexicon();
  return g;
}
