/**
 * Screening records: what a screening query holds, what a hit reports and how its explanation reads, and
 * the yente-compatible /match request (OpenSanctions clients post these). Validated with zod at every
 * boundary (HTTP, CLI, batch files); the matcher (src/match) works on the derived types.
 */
import { z } from "zod";

/** One party to screen. Only a name is required; every other field can confirm or contradict a candidate. */
export const ScreenQuery = z.object({
  names: z.array(z.string().trim().min(1)).min(1, "a query needs at least one name"),
  /** autorisk entity type or FtM schema (Person, Company, Organization, PublicBody, Vessel…) */
  type: z.string().nullish(),
  /** ISO alpha-2 codes or English country names */
  countries: z.array(z.string().min(1)).default([]),
  /** YYYY, YYYY-MM or YYYY-MM-DD */
  birthDates: z.array(z.string().min(1)).default([]),
  /** identifier values, optionally prefixed with their kind ("inn:1650032058", "ogrn:…", or bare) */
  identifiers: z.array(z.string().min(1)).default([]),
});
export type ScreenQuery = z.infer<typeof ScreenQuery>;
export type ScreenQueryInput = z.input<typeof ScreenQuery>;

export const AlignedTokenSchema = z.object({
  query: z.string(),
  candidate: z.string(),
  method: z.string(),
  score: z.number(),
  weight: z.number(),
});

/** A non-name field that agreed with or contradicted the candidate, and what it did to the score. */
export const FieldEvidence = z.object({
  field: z.enum(["identifier", "type", "country", "birthDate"]),
  effect: z.enum(["agrees", "contradicts"]),
  query: z.string(),
  candidate: z.string(),
  /** change to the score this evidence made (after the name score) */
  delta: z.number(),
});
export type FieldEvidence = z.infer<typeof FieldEvidence>;

/** The listing behind a hit: which list, which entry, which programs, since when, from which list version. */
export const HitListing = z.object({
  authority: z.string(),
  program: z.string().nullish(),
  listEntryId: z.string().nullish(),
  listed: z.string().nullish(),
  /** the list version's Source id (kind list_version), e.g. list:ofac-sdn:3 */
  listVersion: z.string().nullish(),
  /** that version's title and publication date, where the store has them */
  listTitle: z.string().nullish(),
  listPublished: z.string().nullish(),
});
export type HitListing = z.infer<typeof HitListing>;

export const Explanation = z.object({
  /** the query name and the candidate name that scored best, and how (name, alias, weak_alias…) */
  queryName: z.string(),
  matchedName: z.string(),
  nameKind: z.string(),
  nameScore: z.number(),
  aligned: z.array(AlignedTokenSchema),
  /** scoring rules that fired (number-mismatch, weak-tokens-only, substituted-words:N, …) */
  rules: z.array(z.string()),
  fields: z.array(FieldEvidence),
});
export type Explanation = z.infer<typeof Explanation>;

export const Hit = z.object({
  id: z.string(),
  caption: z.string(),
  type: z.string(),
  score: z.number(),
  match: z.boolean(),
  /** "list" for a party on an active list, "kb" for a knowledge-base entity */
  origin: z.enum(["list", "kb"]),
  countries: z.array(z.string()),
  listings: z.array(HitListing),
  explanation: Explanation,
  algorithm: z.string(),
});
export type Hit = z.infer<typeof Hit>;

// ---- yente's /match/{dataset} (OpenSanctions API) -------------------------------------------------------
// Field names, defaults and limits follow yente (opensanctions/yente: yente/data/common.py, routers/match.py,
// settings.py), so that a client written against its documentation works unchanged.

/** yente's limits: queries per request, results per query by default and at most, and the default cutoff. */
export const YENTE_MAX_BATCH = 100;
export const YENTE_MATCH_PAGE = 5;
export const YENTE_MAX_MATCHES = 500;
export const YENTE_SCORE_CUTOFF = 0.5;
/** yente's `changed_since` pattern: a day, optionally with hours, minutes and seconds. */
export const YENTE_TIMESTAMP = /^\d{4}-\d{2}-\d{2}(T\d{2}(:\d{2}(:\d{2})?)?)?$/;

/** A property value as FtM clients send it: a string or a list; numbers and booleans become strings, nulls are dropped. */
const PropertyValues = z
  .union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.union([z.string(), z.number(), z.boolean(), z.null()]))])
  .transform((v) => (Array.isArray(v) ? v : [v]).filter((x) => x !== null).map(String).filter((x) => x.trim() !== ""));

/** One example entity (yente's EntityExample). Unknown property names are ignored, as yente does. */
export const YenteQuery = z.object({
  id: z.string().nullish(),
  schema: z.string().min(1),
  properties: z.record(z.string(), PropertyValues),
});
export type YenteQuery = z.infer<typeof YenteQuery>;

export const YenteMatchRequest = z.object({
  queries: z.record(z.string(), YenteQuery),
  /** accepted for compatibility; our scorer has no per-feature weights or configuration, so both are ignored */
  weights: z.record(z.string(), z.number()).optional(),
  config: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
});
export type YenteMatchRequest = z.infer<typeof YenteMatchRequest>;

/** A query parameter that may be repeated (?topics=a&topics=b). */
const Repeated = z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : [v])).default([]);

export const YenteMatchParams = z.object({
  threshold: z.coerce.number().min(0).max(1).optional(),
  /** deprecated in yente: results scoring at or below min(cutoff, threshold) are not returned */
  cutoff: z.coerce.number().min(0).max(1).optional(),
  limit: z.coerce.number().int().min(1).max(YENTE_MAX_MATCHES).default(YENTE_MATCH_PAGE),
  algorithm: z.string().optional(),
  include_dataset: Repeated,
  exclude_dataset: Repeated,
  exclude_schema: Repeated,
  topics: Repeated,
  changed_since: z.string().regex(YENTE_TIMESTAMP, "expected YYYY-MM-DD, optionally with THH, THH:MM or THH:MM:SS").optional(),
  exclude_entity_ids: Repeated.refine((ids) => ids.length <= 50, "at most 50 entity ids"),
});
export type YenteMatchParams = z.infer<typeof YenteMatchParams>;

/** yente's FeatureResult: one feature's contribution to the score, and which values it compared. */
export interface YenteFeatureResult {
  score: number;
  detail: string | null;
  query: string | null;
  candidate: string | null;
}

export interface YenteResult {
  id: string;
  caption: string;
  schema: string;
  properties: Record<string, string[]>;
  /** list source ids (ofac-sdn, eu, uk, un…) the party is listed on, and "kb" for knowledge-base parties */
  datasets: string[];
  referents: string[];
  target: boolean;
  first_seen: string | null;
  last_seen: string | null;
  last_change: string | null;
  score: number;
  match: boolean;
  /** older yente's per-feature scores (newer clients read `explanations`) */
  features: Record<string, number>;
  explanations: Record<string, YenteFeatureResult>;
  /** ours, beyond yente's shape (clients ignore unknown fields): the full explanation and the listings behind the hit */
  autorisk: { origin: Hit["origin"]; listings: HitListing[]; explanation: Explanation; algorithm: string };
}

export interface YenteResponse {
  /** 200, or 400 for a query that cannot be screened (its `detail` says why; the other queries are answered) */
  status: number;
  detail?: string;
  query: { id: string | null; schema: string; properties: Record<string, string[]> };
  /** value: how many results are matches (score at or above the threshold), as yente counts */
  total: { value: number; relation: "eq" };
  results: YenteResult[];
}
