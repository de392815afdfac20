/**
 * The one store interface. Core code (lists, match, graph, news, api) talks to this and never to a
 * database driver; `openStore()` in ./open.ts picks the backend (SQLite file by default, PostgreSQL when
 * DATABASE_URL is set). Both backends run the same migrations (./migrations) and the same SQL through the
 * small `Sql` adapter below, so a test written once runs against both.
 */
import type { Bundle, Entity, EntityDossier, Fact, GenericRecord, Listing, Relation, RelationType, Source } from "../model/schema.js";

/** A row as the driver returns it. */
export type Row = Record<string, unknown>;

/**
 * The SQL both backends speak: `?` placeholders (rewritten to $1… for PostgreSQL), portable types
 * (TEXT, REAL, INTEGER; JSON kept as TEXT), no dialect-only functions.
 */
export interface Sql {
  readonly dialect: "sqlite" | "postgres";
  all<T = Row>(sql: string, params?: unknown[]): Promise<T[]>;
  get<T = Row>(sql: string, params?: unknown[]): Promise<T | undefined>;
  run(sql: string, params?: unknown[]): Promise<{ changes: number }>;
  /** Runs fn in one transaction; a throw rolls everything back. Nested calls join the outer transaction. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface NameHit {
  id: string;
  name: string;
  type: string;
  matchedName: string;
}

export interface AsOf {
  /** Only relations and listings valid on this date (YYYY-MM-DD) count; undefined = today/everything current. */
  asOf?: string;
}

export interface Store {
  readonly sql: Sql;
  readonly description: string;

  /** Writes a bundle in one transaction (upserting by id). Statement provenance is recorded per source. */
  write(bundle: Bundle, tx?: Sql): Promise<void>;

  getEntity(id: string): Promise<Entity | undefined>;
  /** Prefix search over names and aliases, case- and script-insensitive (КАМАЗ finds KAMAZ and back). */
  findByName(query: string, limit?: number): Promise<NameHit[]>;
  /** Resolves an id, or else a name (exact key first, then prefix). */
  resolve(idOrName: string): Promise<Entity | undefined>;
  dossier(id: string, opts?: AsOf): Promise<EntityDossier | undefined>;

  relationsOf(id: string, opts?: AsOf & { types?: RelationType[] }): Promise<Relation[]>;
  listingsOf(id: string, opts?: AsOf): Promise<Listing[]>;
  factsOf(id: string): Promise<Fact[]>;

  /** Everything, for exports and in-memory indexes (graph rules, matcher). Streams in id order. */
  allEntities(): AsyncIterable<Entity>;
  allRelations(opts?: AsOf): Promise<Relation[]>;
  allListings(opts?: AsOf): Promise<Listing[]>;
  allFacts(): Promise<Fact[]>;
  allSources(): Promise<Source[]>;
  allRecords(): Promise<GenericRecord[]>;

  getSource(id: string): Promise<Source | undefined>;
  /** Ids of the records that cite a source. */
  bySource(sourceId: string): Promise<{ entities: string[]; relations: string[]; listings: string[]; facts: string[] }>;

  counts(): Promise<Record<string, number>>;
  /** A number that grows with every write; equal revisions mean the graph has not changed in between. */
  revision(): Promise<number>;
  close(): Promise<void>;
}
