/**
 * A record as an official sanctions list publishes it, before it is projected onto the knowledge graph.
 * Every parser (OFAC, EU, UK, UN, FtM) yields these; every version of every list keeps them verbatim in
 * `list_records`, so `lists diff` and as-of screening work on what the publisher said, not on our projection.
 */
import { z } from "zod";
import { PartialDate } from "./schema.js";

export const LIST_SOURCES = ["ofac-sdn", "ofac-cons", "eu", "uk", "un", "ftm"] as const;
export const ListSourceId = z.enum(LIST_SOURCES);
export type ListSourceId = z.infer<typeof ListSourceId>;

export const LIST_RECORD_TYPES = ["person", "entity", "vessel", "aircraft"] as const;
export const ListRecordType = z.enum(LIST_RECORD_TYPES);
export type ListRecordType = z.infer<typeof ListRecordType>;

/**
 * How a list qualifies a name: `primary` is the headline name; `strong` and `weak` follow OFAC's a.k.a.
 * categories (the UN's "Good"/"Low" quality and the EU/UK alias strength map onto them); `previous` is an
 * f.k.a. Script and language are kept where the list states them (EU nameLanguage, UK non-Latin names).
 */
export const ListName = z.object({
  name: z.string().min(1),
  quality: z.enum(["primary", "strong", "weak", "previous"]),
  lang: z.string().nullish(),
  script: z.string().nullish(),
});
export type ListName = z.infer<typeof ListName>;

export const ListAddress = z.object({
  /** the address as one line, in the list's own order */
  full: z.string().min(1),
  country: z.string().regex(/^[A-Z]{2}$/).nullish(),
});
export type ListAddress = z.infer<typeof ListAddress>;

/** An identifier with our key (inn, ogrn, passport, imo…) and the list's own label, kept for display. */
export const ListIdentifier = z.object({
  key: z.string().min(1),
  value: z.string().min(1),
  label: z.string().nullish(),
  country: z.string().regex(/^[A-Z]{2}$/).nullish(),
});
export type ListIdentifier = z.infer<typeof ListIdentifier>;

/** A link to another entry ("Linked To: X"); targetId is the other entry's list id where the list gives it. */
export const ListLink = z.object({
  text: z.string().min(1),
  targetId: z.string().nullish(),
  kind: z.string().default("linked_to"),
});
export type ListLink = z.infer<typeof ListLink>;

export const ListRecord = z.object({
  /** the list's own id: OFAC ent_num/uid, EU logicalId, UK Unique ID, UN DATAID, OFSI Group ID, FtM id */
  listId: z.string().min(1),
  type: ListRecordType,
  name: z.string().min(1),
  names: z.array(ListName).default([]),
  programs: z.array(z.string().min(1)).default([]),
  /** listing date where the list states one */
  listed: PartialDate.nullish(),
  addresses: z.array(ListAddress).default([]),
  /** ISO alpha-2 codes of nationality, citizenship, registration and address countries */
  countries: z.array(z.string().regex(/^[A-Z]{2}$/)).default([]),
  identifiers: z.array(ListIdentifier).default([]),
  birthDates: z.array(PartialDate).default([]),
  links: z.array(ListLink).default([]),
  secondarySanctions: z.boolean().default(false),
  remarks: z.string().nullish(),
  /** everything else the list states (title, POB, gender, vessel data, established date, sanctions imposed…) */
  properties: z.record(z.string(), z.array(z.string())).default({}),
});
export type ListRecord = z.infer<typeof ListRecord>;
export type ListRecordInput = z.input<typeof ListRecord>;

/** One imported version of one list. */
export const ListVersion = z.object({
  id: z.string(),
  source: ListSourceId,
  seq: z.number().int(),
  status: z.enum(["active", "superseded", "failed"]),
  format: z.string(),
  files: z.array(z.string()),
  url: z.string().nullish(),
  published: z.string().nullish(),
  retrievedAt: z.string(),
  contentHash: z.string(),
  recordCount: z.number().int(),
  declaredCount: z.number().int().nullish(),
  partial: z.boolean(),
  notes: z.array(z.string()).default([]),
});
export type ListVersion = z.infer<typeof ListVersion>;
