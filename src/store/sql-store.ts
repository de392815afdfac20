/**
 * The Store over either backend's Sql. Entities are upserted by merging: names, aliases, countries and
 * identifiers accumulate across sources, and each value is also a statement with its source, so any value
 * can be traced back to the list version or document that asserted it.
 */
import type { Bundle, Entity, EntityDossier, Fact, GenericRecord, Listing, Relation, RelationType, Source } from "../model/schema.js";
import { nameKey } from "../model/names.js";
import { listedOn, validOn } from "../model/dates.js";
import type { AsOf, NameHit, Row, Sql, Store } from "./store.js";

const json = (v: unknown) => JSON.stringify(v);
const parse = <T>(v: unknown, fallback: T): T => (typeof v === "string" && v ? (JSON.parse(v) as T) : fallback);
const uniq = <T>(xs: T[]) => [...new Set(xs)];

export class SqlStore implements Store {
  constructor(readonly sql: Sql, readonly description: string) {}

  async write(bundle: Bundle, tx?: Sql): Promise<void> {
    // Set-based: rows go in multi-row statements of CHUNK records, so a 20k-entry list version is a few
    // hundred round trips rather than hundreds of thousands (this is what keeps list imports near parse speed).
    const run = async (db: Sql) => {
      for (const chunk of chunks(bundle.sources)) {
        await deleteIds(db, "sources", chunk.map((s) => s.id));
        await insertMany(db, "sources", ["id", "kind", "title", "url", "publisher", "published", "retrieved_at", "content_hash"],
          chunk.map((s) => [s.id, s.kind, s.title ?? null, s.url ?? null, s.publisher ?? null, s.published ?? null, s.retrievedAt ?? null, s.contentHash ?? null]));
      }
      for (const chunk of chunks(dedupeById(bundle.entities))) await this.writeEntities(db, chunk);
      for (const chunk of chunks(dedupeById(bundle.relations))) {
        await replaceRows(db, "relations", ["id", "type", "subject_id", "object_id", "status", "start_date", "end_date", "percentage", "what", "evidence", "properties"],
          chunk.map((r) => [r.id, r.type, r.subject, r.object, r.status, r.start ?? null, r.end ?? null, r.percentage ?? null, r.what ?? null, r.evidence ?? null, json(r.properties)]));
        await this.writeRecordSources(db, "relation", chunk);
      }
      for (const chunk of chunks(dedupeById(bundle.listings))) {
        await replaceRows(db, "listings", ["id", "entity_id", "authority", "program", "list_entry_id", "listed", "delisted", "properties"],
          chunk.map((l) => [l.id, l.entity, l.authority, l.program ?? null, l.listEntryId ?? null, l.listed ?? null, l.delisted ?? null, json(l.properties)]));
        await this.writeRecordSources(db, "listing", chunk);
      }
      for (const chunk of chunks(dedupeById(bundle.facts))) {
        await replaceRows(db, "facts", ["id", "metric", "subject_id", "value", "unit", "period", "status", "evidence"],
          chunk.map((f) => [f.id, f.metric, f.subject, f.value, f.unit ?? null, f.period ?? null, f.status, f.evidence ?? null]));
        await this.writeRecordSources(db, "fact", chunk);
      }
      for (const chunk of chunks(dedupeById(bundle.records ?? []))) {
        await replaceRows(db, "generic_records", ["id", "schema", "properties", "sources"], chunk.map((g) => [g.id, g.schema, json(g.properties), json(g.sources)]));
      }
      await db.run(`UPDATE store_meta SET value = value + 1 WHERE key = 'revision'`);
    };
    if (tx) await run(tx);
    else await this.sql.transaction(run);
  }

  /** Upserts entities by merging with what is stored: names, aliases, countries and identifiers accumulate. */
  private async writeEntities(db: Sql, chunk: Entity[]) {
    const ids = chunk.map((e) => e.id);
    const existing = new Map((await db.all(`SELECT * FROM entities WHERE id IN (${marks(ids.length)})`, ids)).map((row) => [String(row.id), this.toEntity(row, [])]));
    const merged = chunk.map((e) => {
      const old = existing.get(e.id);
      if (!old) return e;
      return {
        ...e,
        aliases: uniq([...old.aliases, ...(old.name !== e.name ? [old.name] : []), ...e.aliases]).filter((a) => a !== e.name),
        weakAliases: uniq([...old.weakAliases, ...e.weakAliases]),
        countries: uniq([...old.countries, ...e.countries]),
        identifiers: { ...old.identifiers, ...e.identifiers },
        birthDate: uniq([...old.birthDate, ...e.birthDate]),
        properties: mergeProps(old.properties, e.properties),
      };
    });
    await deleteIds(db, "entity_names", ids, "entity_id");
    await replaceRows(db, "entities", ["id", "type", "name", "aliases", "weak_aliases", "countries", "identifiers", "birth_dates", "properties"],
      merged.map((m) => [m.id, m.type, m.name, json(m.aliases), json(m.weakAliases), json(m.countries), json(m.identifiers), json(m.birthDate), json(m.properties)]),
      // entities are referenced by relations and listings (ON DELETE CASCADE), so they are updated, never replaced
      "update");
    const names: unknown[][] = [];
    for (const m of merged) {
      const seen = new Set<string>();
      for (const [name, kind] of [[m.name, "name"], ...m.aliases.map((a) => [a, "alias"]), ...m.weakAliases.map((a) => [a, "weak_alias"])] as Array<[string, string]>) {
        if (seen.has(`${kind}\u0000${name}`)) continue;
        seen.add(`${kind}\u0000${name}`);
        names.push([m.id, name, nameKey(name), kind]);
      }
    }
    await insertMany(db, "entity_names", ["entity_id", "name", "name_key", "kind"], names);
    // statement-level provenance: the values this write asserted, under each of its sources
    const statements: unknown[][] = [];
    for (const e of chunk) {
      const values: Array<[string, string]> = [
        ["type", e.type], ["name", e.name],
        ...e.aliases.map((a): [string, string] => ["alias", a]),
        ...e.weakAliases.map((a): [string, string] => ["weakAlias", a]),
        ...e.countries.map((c): [string, string] => ["country", c]),
        ...Object.entries(e.identifiers).map(([k, v]): [string, string] => [`id:${k}`, v]),
        ...e.birthDate.map((d): [string, string] => ["birthDate", d]),
        ...Object.entries(e.properties).flatMap(([k, vs]) => vs.map((v): [string, string] => [k, v])),
      ];
      const seen = new Set<string>();
      for (const source of e.sources.length ? e.sources : ["unsourced"]) {
        for (const [prop, value] of values) {
          const key = `${source}\u0000${prop}\u0000${value}`;
          if (seen.has(key)) continue;
          seen.add(key);
          statements.push([e.id, prop, value, source]);
        }
      }
    }
    await insertMany(db, "statements", ["entity_id", "prop", "value", "source_id"], statements, "ignore");
  }

  private async writeRecordSources(db: Sql, kind: string, records: Array<{ id: string; sources: string[] }>) {
    const ids = records.map((r) => r.id);
    await db.run(`DELETE FROM record_sources WHERE record_kind = ? AND record_id IN (${marks(ids.length)})`, [kind, ...ids]);
    await insertMany(db, "record_sources", ["record_kind", "record_id", "source_id"], records.flatMap((r) => uniq(r.sources).map((s) => [kind, r.id, s])));
  }

  // ---- reads ----

  private async sourcesFor(kind: string, ids: string[], db: Sql = this.sql): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    if (ids.length === 0) return out;
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const rows = await db.all<{ record_id: string; source_id: string }>(
        `SELECT record_id, source_id FROM record_sources WHERE record_kind = ? AND record_id IN (${chunk.map(() => "?").join(",")}) ORDER BY source_id`,
        [kind, ...chunk],
      );
      for (const r of rows) out.set(r.record_id, [...(out.get(r.record_id) ?? []), r.source_id]);
    }
    return out;
  }

  private async entitySources(id: string, db: Sql = this.sql): Promise<string[]> {
    const rows = await db.all<{ source_id: string }>(`SELECT DISTINCT source_id FROM statements WHERE entity_id = ? ORDER BY source_id`, [id]);
    return rows.map((r) => r.source_id).filter((s) => s !== "unsourced");
  }

  private toEntity(row: Row, sources: string[]): Entity {
    return {
      id: String(row.id),
      type: row.type as Entity["type"],
      name: String(row.name),
      aliases: parse(row.aliases, []),
      weakAliases: parse(row.weak_aliases, []),
      countries: parse(row.countries, []),
      identifiers: parse(row.identifiers, {}),
      birthDate: parse(row.birth_dates, []),
      properties: parse(row.properties, {}),
      sources,
    };
  }

  async getEntity(id: string, db: Sql = this.sql): Promise<Entity | undefined> {
    const row = await db.get(`SELECT * FROM entities WHERE id = ?`, [id]);
    return row ? this.toEntity(row, await this.entitySources(id, db)) : undefined;
  }

  async findByName(query: string, limit = 20): Promise<NameHit[]> {
    const key = nameKey(query);
    if (!key) return [];
    const like = key.replace(/[\\%_]/g, (c) => `\\${c}`);
    const rows = await this.sql.all<{ id: string; name: string; type: string; matched: string; name_key: string }>(
      `SELECT e.id, e.name, e.type, n.name AS matched, n.name_key
         FROM entity_names n JOIN entities e ON e.id = n.entity_id
        WHERE n.name_key LIKE ? ESCAPE '\\' OR n.name_key LIKE ? ESCAPE '\\'
        ORDER BY length(n.name_key), e.id
        LIMIT ?`,
      [`${like}%`, `% ${like}%`, limit * 5],
    );
    // exact keys first, then name prefixes, then word prefixes; one hit per entity
    const rank = (k: string) => (k === key ? 0 : k.startsWith(key) ? 1 : 2);
    rows.sort((a, b) => rank(a.name_key) - rank(b.name_key));
    const out: NameHit[] = [];
    const seen = new Set<string>();
    for (const r of rows) {
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      out.push({ id: r.id, name: r.name, type: r.type, matchedName: r.matched });
      if (out.length >= limit) break;
    }
    return out;
  }

  async resolve(idOrName: string): Promise<Entity | undefined> {
    const byId = await this.getEntity(idOrName);
    if (byId) return byId;
    const [hit] = await this.findByName(idOrName, 1);
    return hit ? this.getEntity(hit.id) : undefined;
  }

  private toRelation(row: Row, sources: string[]): Relation {
    return {
      id: String(row.id),
      type: row.type as RelationType,
      subject: String(row.subject_id),
      object: String(row.object_id),
      status: row.status as Relation["status"],
      start: (row.start_date as string | null) ?? null,
      end: (row.end_date as string | null) ?? null,
      percentage: row.percentage == null ? null : Number(row.percentage),
      what: (row.what as string | null) ?? null,
      evidence: (row.evidence as string | null) ?? null,
      properties: parse(row.properties, {}),
      sources,
    };
  }

  private toListing(row: Row, sources: string[]): Listing {
    return {
      id: String(row.id),
      entity: String(row.entity_id),
      authority: String(row.authority),
      program: (row.program as string | null) ?? null,
      listEntryId: (row.list_entry_id as string | null) ?? null,
      listed: (row.listed as string | null) ?? null,
      delisted: (row.delisted as string | null) ?? null,
      properties: parse(row.properties, {}),
      sources,
    };
  }

  private toFact(row: Row, sources: string[]): Fact {
    return {
      id: String(row.id),
      metric: row.metric as Fact["metric"],
      subject: String(row.subject_id),
      value: Number(row.value),
      unit: (row.unit as string | null) ?? null,
      period: (row.period as string | null) ?? null,
      status: row.status as Fact["status"],
      evidence: (row.evidence as string | null) ?? null,
      sources,
    };
  }

  private async relations(where: string, params: unknown[], opts: AsOf & { types?: RelationType[] } = {}): Promise<Relation[]> {
    const rows = await this.sql.all(`SELECT * FROM relations ${where} ORDER BY id`, params);
    const kept = rows.filter(
      (r) => (!opts.types || opts.types.includes(r.type as RelationType)) && (!opts.asOf || validOn(r.start_date as string, r.end_date as string, opts.asOf)),
    );
    const sources = await this.sourcesFor("relation", kept.map((r) => String(r.id)));
    return kept.map((r) => this.toRelation(r, sources.get(String(r.id)) ?? []));
  }

  private async listings(where: string, params: unknown[], opts: AsOf = {}): Promise<Listing[]> {
    const rows = await this.sql.all(`SELECT * FROM listings ${where} ORDER BY id`, params);
    const kept = rows.filter((r) => !opts.asOf || listedOn(r.listed as string, r.delisted as string, opts.asOf));
    const sources = await this.sourcesFor("listing", kept.map((r) => String(r.id)));
    return kept.map((r) => this.toListing(r, sources.get(String(r.id)) ?? []));
  }

  private async facts(where: string, params: unknown[]): Promise<Fact[]> {
    const rows = await this.sql.all(`SELECT * FROM facts ${where} ORDER BY id`, params);
    const sources = await this.sourcesFor("fact", rows.map((r) => String(r.id)));
    return rows.map((r) => this.toFact(r, sources.get(String(r.id)) ?? []));
  }

  relationsOf(id: string, opts: AsOf & { types?: RelationType[] } = {}) {
    return this.relations(`WHERE subject_id = ? OR object_id = ?`, [id, id], opts);
  }
  listingsOf(id: string, opts: AsOf = {}) {
    return this.listings(`WHERE entity_id = ?`, [id], opts);
  }
  factsOf(id: string) {
    return this.facts(`WHERE subject_id = ?`, [id]);
  }
  allRelations(opts: AsOf = {}) {
    return this.relations("", [], opts);
  }
  allListings(opts: AsOf = {}) {
    return this.listings("", [], opts);
  }
  allFacts() {
    return this.facts("", []);
  }

  async *allEntities(): AsyncIterable<Entity> {
    // paged by id so a large store streams instead of loading every row at once
    let after = "";
    for (;;) {
      const rows = await this.sql.all(`SELECT * FROM entities WHERE id > ? ORDER BY id LIMIT 1000`, [after]);
      if (rows.length === 0) return;
      const ids = rows.map((r) => String(r.id));
      const srcRows = await this.sql.all<{ entity_id: string; source_id: string }>(
        `SELECT DISTINCT entity_id, source_id FROM statements WHERE entity_id IN (${ids.map(() => "?").join(",")}) ORDER BY source_id`,
        ids,
      );
      const sources = new Map<string, string[]>();
      for (const s of srcRows) if (s.source_id !== "unsourced") sources.set(s.entity_id, [...(sources.get(s.entity_id) ?? []), s.source_id]);
      for (const r of rows) yield this.toEntity(r, sources.get(String(r.id)) ?? []);
      after = ids[ids.length - 1];
    }
  }

  async allSources(): Promise<Source[]> {
    return (await this.sql.all(`SELECT * FROM sources ORDER BY id`)).map(toSource);
  }

  async allRecords(): Promise<GenericRecord[]> {
    const rows = await this.sql.all(`SELECT * FROM generic_records ORDER BY id`);
    return rows.map((r) => ({ id: String(r.id), schema: String(r.schema), properties: parse(r.properties, {}), sources: parse(r.sources, []) }));
  }

  async getSource(id: string): Promise<Source | undefined> {
    const row = await this.sql.get(`SELECT * FROM sources WHERE id = ?`, [id]);
    return row ? toSource(row) : undefined;
  }

  async bySource(sourceId: string) {
    const entities = (await this.sql.all<{ entity_id: string }>(`SELECT DISTINCT entity_id FROM statements WHERE source_id = ? ORDER BY entity_id`, [sourceId])).map((r) => r.entity_id);
    const records = await this.sql.all<{ record_kind: string; record_id: string }>(`SELECT record_kind, record_id FROM record_sources WHERE source_id = ? ORDER BY record_id`, [sourceId]);
    const of = (kind: string) => records.filter((r) => r.record_kind === kind).map((r) => r.record_id);
    return { entities, relations: of("relation"), listings: of("listing"), facts: of("fact") };
  }

  async dossier(id: string, opts: AsOf = {}): Promise<EntityDossier | undefined> {
    const entity = await this.getEntity(id);
    if (!entity) return undefined;
    const [listings, relations, facts] = await Promise.all([this.listingsOf(id, opts), this.relationsOf(id, opts), this.factsOf(id)]);
    const others = new Map<string, Entity | undefined>();
    for (const r of relations) {
      const other = r.subject === id ? r.object : r.subject;
      if (!others.has(other)) others.set(other, await this.getEntity(other));
    }
    const sourceIds = uniq([...entity.sources, ...listings.flatMap((l) => l.sources), ...relations.flatMap((r) => r.sources), ...facts.flatMap((f) => f.sources)]);
    const sources = (await Promise.all(sourceIds.map((s) => this.getSource(s)))).filter((s): s is Source => !!s);
    return {
      entity,
      listings,
      relations: relations.map((r) => {
        const otherId = r.subject === id ? r.object : r.subject;
        const other = others.get(otherId);
        return { ...r, direction: r.subject === id ? "out" : "in", other: { id: otherId, name: other?.name ?? otherId, type: other?.type ?? "Company" } };
      }),
      facts,
      sources,
    };
  }

  async counts(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const table of ["entities", "relations", "listings", "facts", "sources"]) {
      const row = await this.sql.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`);
      out[table] = Number(row?.n ?? 0);
    }
    return out;
  }

  async revision(): Promise<number> {
    const row = await this.sql.get<{ value: number }>(`SELECT value FROM store_meta WHERE key = 'revision'`);
    return Number(row?.value ?? 0);
  }

  close() {
    return this.sql.close();
  }
}

const CHUNK = 250;

function* chunks<T>(xs: T[], size = CHUNK): Generator<T[]> {
  for (let i = 0; i < xs.length; i += size) yield xs.slice(i, i + size);
}

/** Last write wins within one bundle, as it would row by row. */
function dedupeById<T extends { id: string }>(xs: T[]): T[] {
  const byId = new Map<string, T>();
  for (const x of xs) {
    byId.delete(x.id);
    byId.set(x.id, x);
  }
  return byId.size === xs.length ? xs : [...byId.values()];
}

const marks = (n: number) => Array.from({ length: n }, () => "?").join(",");

async function deleteIds(db: Sql, table: string, ids: string[], column = "id") {
  if (ids.length) await db.run(`DELETE FROM ${table} WHERE ${column} IN (${marks(ids.length)})`, ids);
}

/** One multi-row INSERT per batch of rows; `ignore` skips rows whose key exists. */
async function insertMany(db: Sql, table: string, columns: string[], rows: unknown[][], conflict?: "ignore") {
  const perStatement = Math.max(1, Math.floor(4000 / columns.length));
  for (let i = 0; i < rows.length; i += perStatement) {
    const batch = rows.slice(i, i + perStatement);
    const values = batch.map(() => `(${marks(columns.length)})`).join(",");
    const sql = conflict === "ignore" && db.dialect === "sqlite"
      ? `INSERT OR IGNORE INTO ${table} (${columns.join(", ")}) VALUES ${values}`
      : `INSERT INTO ${table} (${columns.join(", ")}) VALUES ${values}${conflict === "ignore" ? " ON CONFLICT DO NOTHING" : ""}`;
    await db.run(sql, batch.flat());
  }
}

/**
 * Writes rows keyed by their first column (id). "delete" replaces them (delete + insert); "update" upserts in
 * place, which keeps rows that others reference through ON DELETE CASCADE.
 */
async function replaceRows(db: Sql, table: string, columns: string[], rows: unknown[][], mode: "delete" | "update" = "delete") {
  if (rows.length === 0) return;
  if (mode === "delete") {
    await deleteIds(db, table, rows.map((r) => String(r[0])));
    await insertMany(db, table, columns, rows);
    return;
  }
  const perStatement = Math.max(1, Math.floor(4000 / columns.length));
  const updates = columns.slice(1).map((c) => `${c} = excluded.${c}`).join(", ");
  for (let i = 0; i < rows.length; i += perStatement) {
    const batch = rows.slice(i, i + perStatement);
    const values = batch.map(() => `(${marks(columns.length)})`).join(",");
    await db.run(`INSERT INTO ${table} (${columns.join(", ")}) VALUES ${values} ON CONFLICT (${columns[0]}) DO UPDATE SET ${updates}`, batch.flat());
  }
}

function mergeProps(a: Record<string, string[]>, b: Record<string, string[]>): Record<string, string[]> {
  const out = { ...a };
  for (const [k, vs] of Object.entries(b)) out[k] = uniq([...(out[k] ?? []), ...vs]);
  return out;
}

function toSource(row: Row): Source {
  return {
    id: String(row.id),
    kind: row.kind as Source["kind"],
    title: (row.title as string | null) ?? null,
    url: (row.url as string | null) ?? null,
    publisher: (row.publisher as string | null) ?? null,
    published: (row.published as string | null) ?? null,
    retrievedAt: (row.retrieved_at as string | null) ?? null,
    contentHash: (row.content_hash as string | null) ?? null,
  };
}
