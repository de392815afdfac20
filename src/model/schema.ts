/**
 * The autorisk data model, in one place. Every record that crosses a boundary (a file import, an HTTP
 * request, a list parser's output) is validated against these zod schemas, and the TypeScript types used
 * everywhere else are derived from them. Vocabulary: ../shared/ONTOLOGY.md (an extension of FollowTheMoney).
 */
import { z } from "zod";

export const ENTITY_TYPES = [
  "Company", "Organization", "PublicBody", "Person", "Brand", "VehicleModel", "Plant", "Country",
  // kept for list records that are not legal entities
  "Vessel", "Aircraft", "LegalEntity",
] as const;
export const EntityType = z.enum(ENTITY_TYPES);
export type EntityType = z.infer<typeof EntityType>;

export const RELATION_TYPES = [
  "OWNS", "SUBSIDIARY_OF", "CONTROLS", "PARTNER_OF", "LICENSES_TO", "PRODUCES", "ASSEMBLES",
  "OPERATES_PLANT", "SUPPLIES", "ACQUIRED", "FOUNDED", "SANCTIONED_BY", "CERTIFICATION_CANCELLED",
  "EXPORTS_TO",
  // list "Linked To" entries and FtM links without a better type
  "LINKED_TO", "DIRECTOR_OF",
] as const;
export const RelationType = z.enum(RELATION_TYPES);
export type RelationType = z.infer<typeof RelationType>;

export const RELATION_STATUSES = ["confirmed", "planned", "reported", "ended"] as const;
export const RelationStatus = z.enum(RELATION_STATUSES);
export type RelationStatus = z.infer<typeof RelationStatus>;

export const METRICS = [
  "production_capacity", "production_units", "exports_units", "imports_units", "sales_units",
  "market_share", "fee_amount", "range_km", "power_hp", "engine_l", "employees", "units_affected",
] as const;
export const Metric = z.enum(METRICS);
export type Metric = z.infer<typeof Metric>;

/** A date as precise as the source states it: YYYY, YYYY-MM or YYYY-MM-DD. */
export const PartialDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "expected a date as YYYY, YYYY-MM or YYYY-MM-DD");
export type PartialDate = z.infer<typeof PartialDate>;

/** Where a value came from: a document (news article, research note), a list version, or a user's entry. */
export const SOURCE_KINDS = ["document", "list_version", "dataset", "user"] as const;
export const Source = z.object({
  id: z.string().min(1),
  kind: z.enum(SOURCE_KINDS),
  title: z.string().nullish(),
  url: z.string().nullish(),
  publisher: z.string().nullish(),
  published: PartialDate.nullish(),
  retrievedAt: z.string().nullish(),
  contentHash: z.string().nullish(),
});
export type Source = z.infer<typeof Source>;

export const Identifiers = z.record(z.string().min(1), z.string().min(1));

/** Names as a list carries them: strong aliases screen; weak ones (OFAC "weak a.k.a.") only support. */
export const NAME_KINDS = ["name", "alias", "weak_alias", "previous_name"] as const;
export const NameKind = z.enum(NAME_KINDS);

export const Entity = z.object({
  id: z.string().min(1),
  type: EntityType,
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  weakAliases: z.array(z.string().min(1)).default([]),
  countries: z.array(z.string().regex(/^[A-Z]{2}$/, "expected an ISO 3166-1 alpha-2 code")).default([]),
  identifiers: Identifiers.default({}),
  birthDate: z.array(PartialDate).default([]),
  /** Anything else the source states (addresses, notes, FtM properties we do not model). */
  properties: z.record(z.string(), z.array(z.string())).default({}),
  sources: z.array(z.string()).default([]),
});
export type Entity = z.infer<typeof Entity>;
export type EntityInput = z.input<typeof Entity>;

export const Relation = z.object({
  id: z.string().min(1),
  type: RelationType,
  subject: z.string().min(1),
  object: z.string().min(1),
  status: RelationStatus.default("confirmed"),
  start: PartialDate.nullish(),
  end: PartialDate.nullish(),
  percentage: z.number().min(0).max(100).nullish(),
  /** what is licensed or supplied, the basis of control, the list of a designation… */
  what: z.string().nullish(),
  evidence: z.string().nullish(),
  properties: z.record(z.string(), z.unknown()).default({}),
  sources: z.array(z.string()).default([]),
});
export type Relation = z.infer<typeof Relation>;

export const Listing = z.object({
  id: z.string().min(1),
  entity: z.string().min(1),
  authority: z.string().min(1),
  program: z.string().nullish(),
  listEntryId: z.string().nullish(),
  listed: PartialDate.nullish(),
  delisted: PartialDate.nullish(),
  properties: z.record(z.string(), z.unknown()).default({}),
  sources: z.array(z.string()).default([]),
});
export type Listing = z.infer<typeof Listing>;

export const Fact = z.object({
  id: z.string().min(1),
  metric: Metric,
  subject: z.string().min(1),
  value: z.number(),
  unit: z.string().nullish(),
  period: z.string().nullish(),
  status: RelationStatus.default("confirmed"),
  evidence: z.string().nullish(),
  sources: z.array(z.string()).default([]),
});
export type Fact = z.infer<typeof Fact>;

/** A record of a FollowTheMoney schema we do not model (Address, Identification, Note…), kept as it came. */
export const GenericRecord = z.object({
  id: z.string().min(1),
  schema: z.string().min(1),
  properties: z.record(z.string(), z.array(z.string())),
  sources: z.array(z.string()).default([]),
});
export type GenericRecord = z.infer<typeof GenericRecord>;

/** A bundle of records, as an import produces it and the store writes it in one transaction. */
export interface Bundle {
  sources: Source[];
  entities: Entity[];
  relations: Relation[];
  listings: Listing[];
  facts: Fact[];
  records?: GenericRecord[];
}
export const emptyBundle = (): Bundle => ({ sources: [], entities: [], relations: [], listings: [], facts: [] });

/** An entity with everything the store knows around it, as `autorisk entity` and GET /entities/:id show it. */
export interface EntityDossier {
  entity: Entity;
  listings: Listing[];
  relations: Array<Relation & { direction: "out" | "in"; other: { id: string; name: string; type: EntityType } }>;
  facts: Fact[];
  sources: Source[];
}

/** Authorities as the ontology names them; other strings are allowed. */
export const AUTHORITIES = ["OFAC", "EU", "UK", "UN"] as const;
