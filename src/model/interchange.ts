/**
 * The JSON Lines interchange format of ONTOLOGY.md: one object per line, `kind` saying what it is.
 * We add `source` lines so provenance travels with the data: any record may name its sources by
 * `"source": "<source id or URL>"` or `"sources": [...]`; a URL that no source line declares becomes a
 * document source of its own.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import {
  EntityType, Metric, PartialDate, RelationStatus, RelationType, SOURCE_KINDS,
  type Bundle, type Entity, type Fact, type Listing, type Relation, type Source,
} from "./schema.js";

const sourceRefs = {
  source: z.string().min(1).nullish(),
  sources: z.array(z.string().min(1)).optional(),
};

export const SourceLine = z.strictObject({
  kind: z.literal("source"),
  id: z.string().min(1),
  type: z.enum(SOURCE_KINDS).default("document"),
  title: z.string().nullish(),
  url: z.string().nullish(),
  publisher: z.string().nullish(),
  published: PartialDate.nullish(),
  retrieved: z.string().nullish(),
  hash: z.string().nullish(),
});

export const EntityLine = z.strictObject({
  kind: z.literal("entity"),
  id: z.string().min(1),
  type: EntityType,
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).optional(),
  weakAliases: z.array(z.string().min(1)).optional(),
  countries: z.array(z.string().regex(/^[A-Z]{2}$/, "expected an ISO 3166-1 alpha-2 code such as RU")).optional(),
  identifiers: z.record(z.string().min(1), z.string().min(1)).optional(),
  birthDate: z.array(PartialDate).optional(),
  properties: z.record(z.string(), z.array(z.string())).optional(),
  ...sourceRefs,
});

export const RelationLine = z.strictObject({
  kind: z.literal("relation"),
  id: z.string().min(1).optional(),
  type: RelationType,
  subject: z.string().min(1),
  object: z.string().min(1),
  status: RelationStatus.default("confirmed"),
  start: PartialDate.nullish(),
  end: PartialDate.nullish(),
  date: PartialDate.nullish(),
  percentage: z.number().min(0).max(100).nullish(),
  what: z.string().nullish(),
  basis: z.string().nullish(),
  evidence: z.string().nullish(),
  properties: z.record(z.string(), z.unknown()).optional(),
  ...sourceRefs,
});

export const SanctionLine = z.strictObject({
  kind: z.literal("sanction"),
  id: z.string().min(1).optional(),
  entity: z.string().min(1),
  authority: z.string().min(1),
  program: z.string().nullish(),
  listEntryId: z.string().nullish(),
  listed: PartialDate.nullish(),
  delisted: PartialDate.nullish(),
  properties: z.record(z.string(), z.unknown()).optional(),
  ...sourceRefs,
});

export const FactLine = z.strictObject({
  kind: z.literal("fact"),
  id: z.string().min(1).optional(),
  metric: Metric,
  subject: z.string().min(1),
  value: z.number(),
  unit: z.string().nullish(),
  period: z.string().nullish(),
  status: RelationStatus.default("confirmed"),
  evidence: z.string().nullish(),
  ...sourceRefs,
});

export const InterchangeLine = z.discriminatedUnion("kind", [SourceLine, EntityLine, RelationLine, SanctionLine, FactLine]);
export type InterchangeLine = z.infer<typeof InterchangeLine>;

/** Short stable id from the fields that identify a record, for lines that bring no id of their own. */
export function stableId(prefix: string, ...parts: Array<string | number | null | undefined>): string {
  return `${prefix}-${createHash("sha1").update(parts.map((p) => p ?? "").join("\u001f")).digest("hex").slice(0, 12)}`;
}

const isUrl = (s: string) => /^[a-z]+:\/\//i.test(s);

/** Collects parsed lines into a Bundle, turning undeclared URL sources into document sources. */
export class BundleBuilder {
  readonly bundle: Bundle = { sources: [], entities: [], relations: [], listings: [], facts: [] };
  private declared = new Map<string, Source>();

  add(line: InterchangeLine): void {
    switch (line.kind) {
      case "source": {
        const s: Source = { id: line.id, kind: line.type, title: line.title ?? null, url: line.url ?? null, publisher: line.publisher ?? null, published: line.published ?? null, retrievedAt: line.retrieved ?? null, contentHash: line.hash ?? null };
        this.declared.set(s.id, s);
        if (s.url) this.declared.set(s.url, s);
        this.bundle.sources.push(s);
        return;
      }
      case "entity": {
        const e: Entity = { id: line.id, type: line.type, name: line.name, aliases: line.aliases ?? [], weakAliases: line.weakAliases ?? [], countries: line.countries ?? [], identifiers: line.identifiers ?? {}, birthDate: line.birthDate ?? [], properties: line.properties ?? {}, sources: this.refs(line) };
        this.bundle.entities.push(e);
        return;
      }
      case "relation": {
        const start = line.start ?? line.date ?? null;
        const properties = { ...(line.properties ?? {}), ...(line.basis ? { basis: line.basis } : {}) };
        const r: Relation = { id: line.id ?? stableId("rel", line.type, line.subject, line.object, start, line.what), type: line.type, subject: line.subject, object: line.object, status: line.status, start, end: line.end ?? null, percentage: line.percentage ?? null, what: line.what ?? null, evidence: line.evidence ?? null, properties, sources: this.refs(line) };
        this.bundle.relations.push(r);
        return;
      }
      case "sanction": {
        const l: Listing = { id: line.id ?? stableId("lst", line.entity, line.authority, line.program, line.listEntryId, line.listed), entity: line.entity, authority: line.authority, program: line.program ?? null, listEntryId: line.listEntryId ?? null, listed: line.listed ?? null, delisted: line.delisted ?? null, properties: line.properties ?? {}, sources: this.refs(line) };
        this.bundle.listings.push(l);
        return;
      }
      case "fact": {
        const f: Fact = { id: line.id ?? stableId("fact", line.metric, line.subject, line.period, line.value, line.status), metric: line.metric, subject: line.subject, value: line.value, unit: line.unit ?? null, period: line.period ?? null, status: line.status, evidence: line.evidence ?? null, sources: this.refs(line) };
        this.bundle.facts.push(f);
        return;
      }
    }
  }

  private refs(line: { source?: string | null; sources?: string[] }): string[] {
    const refs = [...(line.source ? [line.source] : []), ...(line.sources ?? [])];
    return refs.map((ref) => {
      const known = this.declared.get(ref);
      if (known) return known.id;
      if (isUrl(ref)) {
        const s: Source = { id: ref, kind: "document", url: ref, title: null, publisher: null, published: null, retrievedAt: null, contentHash: null };
        this.declared.set(ref, s);
        this.bundle.sources.push(s);
        return s.id;
      }
      return ref; // a source id declared earlier in the store; import checks it exists
    });
  }
}

/** The interchange lines of a bundle, in the order an importer needs them (sources first). */
export function* bundleToLines(b: Bundle): Generator<Record<string, unknown>> {
  const clean = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0) && !(typeof v === "object" && !Array.isArray(v) && Object.keys(v as object).length === 0)));
  for (const s of b.sources) yield clean({ kind: "source", id: s.id, type: s.kind, title: s.title, url: s.url, publisher: s.publisher, published: s.published, retrieved: s.retrievedAt, hash: s.contentHash });
  for (const e of b.entities) yield clean({ kind: "entity", id: e.id, type: e.type, name: e.name, aliases: e.aliases, weakAliases: e.weakAliases, countries: e.countries, identifiers: e.identifiers, birthDate: e.birthDate, properties: e.properties, sources: e.sources });
  for (const r of b.relations) yield clean({ kind: "relation", id: r.id, type: r.type, subject: r.subject, object: r.object, status: r.status, start: r.start, end: r.end, percentage: r.percentage, what: r.what, evidence: r.evidence, properties: r.properties, sources: r.sources });
  for (const l of b.listings) yield clean({ kind: "sanction", id: l.id, entity: l.entity, authority: l.authority, program: l.program, listEntryId: l.listEntryId, listed: l.listed, delisted: l.delisted, properties: l.properties, sources: l.sources });
  for (const f of b.facts) yield clean({ kind: "fact", id: f.id, metric: f.metric, subject: f.subject, value: f.value, unit: f.unit, period: f.period, status: f.status, evidence: f.evidence, sources: f.sources });
}
