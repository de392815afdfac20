/**
 * Projects the active version of a list onto the knowledge graph (inside the import transaction):
 * - one Entity per record, id `<source>:<list id>`, written through `store.write`;
 * - one Listing per (record, program), id `<source>:<list id>:<program>`, stable across versions; listings
 *   of entries the new version no longer has get `delisted` (never deleted), so as-of queries still work;
 * - a twin Listing `…@<kb id>` on every knowledge-base entity sharing a strong identifier (INN, OGRN, IMO,
 *   LEI) with the record, so graph rules see the designation on e.g. `kamaz`;
 * - LINKED_TO relations for "Linked To" links that resolve to another entry of the same version.
 * Labels of identifiers and the language of each name stay in the stored list record (`lists diff`, API).
 */
import type { Entity, EntityType, Listing, Relation, Source } from "../model/schema.js";
import { emptyBundle } from "../model/schema.js";
import type { ListRecord, ListSourceId } from "../model/lists.js";
import type { Sql, Store } from "../store/store.js";
import { STRONG_IDENTIFIERS } from "./common.js";
import { LIST_SOURCE_INFO } from "./sources.js";

const BATCH = 500;
const ENTITY_TYPES: Record<ListRecord["type"], EntityType> = { person: "Person", entity: "Company", vessel: "Vessel", aircraft: "Aircraft" };

export const entityId = (source: ListSourceId, listId: string) => `${source}:${listId}`;
export const listingId = (source: ListSourceId, listId: string, program: string | null) => `${source}:${listId}${program ? `:${program}` : ""}`;

export function recordToEntity(source: ListSourceId, r: ListRecord, sourceId: string): Entity {
  const identifiers: Record<string, string> = {};
  const properties: Record<string, string[]> = {};
  const add = (k: string, v: string | null | undefined) => {
    if (v) (properties[k] ??= []).includes(v) || properties[k].push(v);
  };
  for (const i of r.identifiers) {
    if (!identifiers[i.key]) identifiers[i.key] = i.value;
    else add(`identifier:${i.key}`, i.value);
  }
  add("listId", r.listId);
  for (const a of r.addresses) add("address", a.full);
  for (const p of r.programs) add("program", p);
  if (r.listed) add("listed", r.listed);
  if (r.remarks) add("remarks", r.remarks);
  if (r.secondarySanctions) add("secondarySanctionsRisk", "true");
  for (const l of r.links) add(l.kind === "linked_to" ? "linkedTo" : l.kind, l.text);
  for (const [k, vs] of Object.entries(r.properties)) for (const v of vs) add(k, v);
  const aliases = r.names.filter((n) => n.name !== r.name && n.quality !== "weak").map((n) => n.name);
  const weakAliases = r.names.filter((n) => n.name !== r.name && n.quality === "weak").map((n) => n.name);
  return {
    id: entityId(source, r.listId),
    type: ENTITY_TYPES[r.type],
    name: r.name,
    aliases,
    weakAliases,
    countries: r.countries,
    identifiers,
    birthDate: r.birthDates,
    properties,
    sources: [sourceId],
  };
}

export function recordListings(source: ListSourceId, r: ListRecord, sourceId: string, version: string): Listing[] {
  const authority = LIST_SOURCE_INFO[source].authority;
  const programs = r.programs.length ? r.programs : [null];
  return programs.map((program) => ({
    id: listingId(source, r.listId, program),
    entity: entityId(source, r.listId),
    authority: source === "ftm" ? String(r.properties.authority?.[0] ?? "FtM") : authority,
    program,
    listEntryId: r.listId,
    listed: r.listed ?? null,
    delisted: null,
    properties: { list: source, version, ...(r.secondarySanctions ? { secondarySanctionsRisk: true } : {}) },
    sources: [sourceId],
  }));
}

/** Strong identifier (key\u0000value) → ids of knowledge-base entities (not list entries) that carry it. */
async function knowledgeBaseIdentifiers(db: Sql): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  const listPrefixes = ["ofac-sdn:", "ofac-cons:", "eu:", "uk:", "un:", "ftm:"];
  let after = "";
  for (;;) {
    const rows = await db.all<{ id: string; identifiers: string }>(
      `SELECT id, identifiers FROM entities WHERE id > ? AND identifiers <> '{}' ORDER BY id LIMIT 2000`,
      [after],
    );
    if (rows.length === 0) break;
    after = rows[rows.length - 1].id;
    for (const row of rows) {
      if (listPrefixes.some((p) => row.id.startsWith(p))) continue;
      const ids = JSON.parse(row.identifiers) as Record<string, string>;
      for (const key of STRONG_IDENTIFIERS) {
        const v = ids[key];
        if (v) out.set(`${key}\u0000${normId(v)}`, [...(out.get(`${key}\u0000${normId(v)}`) ?? []), row.id]);
      }
    }
  }
  return out;
}

const normId = (v: string) => v.replace(/[\s-]/g, "").toUpperCase();

export interface ProjectionResult {
  entities: number;
  listings: number;
  twinListings: number;
  relations: number;
  delisted: number;
}

/**
 * Projects records as the import streams them (so nothing is read back), in batches through
 * `store.write`; `finish()` then writes the links (both ends must exist) and delists what the new version no
 * longer holds. Everything runs in the import's transaction, so a later failure undoes it all.
 */
export class Projector {
  private kb?: Map<string, string[]>;
  /** names → list ids, to resolve "Linked To: NAME" (OFAC gives the linked entry's name, not its id) */
  private readonly byName = new Map<string, string>();
  private readonly listIds = new Set<string>();
  private readonly current = new Set<string>();
  private entities: Entity[] = [];
  private listings: Listing[] = [];
  private links: Array<{ from: string; text: string; kind: string; targetId?: string | null }> = [];
  readonly result: ProjectionResult = { entities: 0, listings: 0, twinListings: 0, relations: 0, delisted: 0 };

  constructor(
    private readonly store: Store,
    private readonly db: Sql,
    private readonly opts: { source: ListSourceId; versionId: string; sourceRow: Source },
  ) {}

  async start(): Promise<void> {
    await this.store.write({ ...emptyBundle(), sources: [this.opts.sourceRow] }, this.db);
    this.kb = await knowledgeBaseIdentifiers(this.db);
  }

  /**
   * `unchanged`: the active version has this very record (same hash), so its entity and listings already
   * say this; only its listing ids are noted (to keep them listed) and its links kept. An unchanged entity
   * keeps the earlier version as its source: that version first stated its values.
   */
  async add(record: ListRecord, unchanged = false): Promise<void> {
    const { source, sourceRow, versionId } = this.opts;
    const sid = sourceRow.id;
    this.byName.set(record.name.toUpperCase(), record.listId);
    this.listIds.add(record.listId);
    for (const link of record.links) this.links.push({ from: record.listId, text: link.text, kind: link.kind, targetId: link.targetId });
    if (unchanged) {
      for (const l of recordListings(source, record, sid, versionId)) {
        this.current.add(l.id);
        for (const kbId of this.twinsOf(record)) this.current.add(`${l.id}@${kbId}`);
      }
      return;
    }
    this.entities.push(recordToEntity(source, record, sid));
    const twins = this.twinsOf(record);
    for (const l of recordListings(source, record, sid, versionId)) {
      this.listings.push(l);
      this.current.add(l.id);
      this.result.listings++;
      for (const kbId of twins) {
        const twin = { ...l, id: `${l.id}@${kbId}`, entity: kbId, properties: { ...l.properties, via: "shared identifier", listEntity: l.entity } };
        this.listings.push(twin);
        this.current.add(twin.id);
        this.result.twinListings++;
      }
    }
    if (this.entities.length >= BATCH) await this.flush();
  }

  /** Knowledge-base entities sharing a strong identifier with the record. */
  private twinsOf(record: ListRecord): Set<string> {
    const twins = new Set<string>();
    for (const i of record.identifiers) {
      if (!(STRONG_IDENTIFIERS as readonly string[]).includes(i.key)) continue;
      for (const kbId of this.kb?.get(`${i.key}\u0000${normId(i.value)}`) ?? []) twins.add(kbId);
    }
    return twins;
  }

  private async flush(): Promise<void> {
    const { db } = this;
    if (this.entities.length) {
      // an entry rewritten by a new version must not keep values the publisher removed, so its merged
      // columns and statements are cleared first (the row itself stays: listings and relations point at it)
      const ids = this.entities.map((e) => e.id);
      const marks = ids.map(() => "?").join(",");
      await db.run(`UPDATE entities SET aliases = '[]', weak_aliases = '[]', countries = '[]', identifiers = '{}', birth_dates = '[]', properties = '{}' WHERE id IN (${marks})`, ids);
      await db.run(`DELETE FROM statements WHERE entity_id IN (${marks})`, ids);
    }
    await this.store.write({ ...emptyBundle(), entities: this.entities, listings: this.listings }, db);
    this.result.entities += this.entities.length;
    this.entities = [];
    this.listings = [];
  }

  /** Writes links and delistings. `delistDate`: the new version's publication date, else the import date. */
  async finish(delistDate: string): Promise<ProjectionResult> {
    await this.flush();
    const { source, sourceRow } = this.opts;
    const relations: Relation[] = [];
    for (const link of this.links) {
      const target = link.targetId ?? this.byName.get(link.text.toUpperCase());
      if (!target || target === link.from || !this.listIds.has(target)) continue;
      relations.push({
        id: `${entityId(source, link.from)}:linked:${target}`,
        type: "LINKED_TO",
        subject: entityId(source, link.from),
        object: entityId(source, target),
        status: "confirmed",
        what: link.text,
        properties: { link: link.kind, text: link.text, list: source },
        sources: [sourceRow.id],
      });
    }
    for (let i = 0; i < relations.length; i += BATCH) await this.store.write({ ...emptyBundle(), relations: relations.slice(i, i + BATCH) }, this.db);
    this.result.relations = relations.length;

    // delist what the new version no longer holds (listing rows are kept for as-of queries)
    const open = await this.db.all<{ id: string }>(`SELECT id FROM listings WHERE id LIKE ? AND delisted IS NULL`, [`${source}:%`]);
    const gone = open.map((r) => r.id).filter((id) => !this.current.has(id));
    for (let i = 0; i < gone.length; i += BATCH) {
      const chunk = gone.slice(i, i + BATCH);
      await this.db.run(`UPDATE listings SET delisted = ? WHERE id IN (${chunk.map(() => "?").join(",")})`, [delistDate, ...chunk]);
    }
    this.result.delisted = gone.length;
    // the direct updates above bypass store.write, so move the revision on ourselves: cached match indexes and
    // exposure graphs must see the delistings
    if (gone.length) await this.db.run(`UPDATE store_meta SET value = value + 1 WHERE key = 'revision'`);
    return this.result;
  }
}
