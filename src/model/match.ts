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

export const YenteQuery = z.object({
  id: z.string().nullish(),
  schema: z.string().min(1),
  properties: z.record(z.string(), z.array(z.union([z.string(), z.number()]).transform(String)).or(z.string().transform((s) => [s]))),
});
export type YenteQuery = z.infer<typeof YenteQuery>;

export const YenteMatchRequest = z.object({
  queries: z.record(z.string(), YenteQuery).refine((q) => Object.keys(q).length > 0, "queries must hold at least one query"),
  weights: z.record(z.string(), z.number()).optional(),
  config: z.record(z.string(), z.unknown()).optional(),
});
export type YenteMatchRequest = z.infer<typeof YenteMatchRequest>;

export const YenteMatchParams = z.object({
  threshold: z.coerce.number().min(0).max(1).optional(),
  cutoff: z.coerce.number().min(0).max(1).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(5),
  algorithm: z.string().optional(),
});

export interface YenteResult {
  id: string;
  caption: string;
  schema: string;
  properties: Record<string, string[]>;
  datasets: string[];
  referents: string[];
  target: boolean;
  first_seen: string | null;
  last_seen: string | null;
  last_change: string | null;
  score: number;
  match: boolean;
  features: Record<string, number>;
  explanations: Record<string, { score: number; detail: string; query?: unknown; candidate?: unknown }>;
}

export interface YenteResponse {
  status: number;
  query: YenteQuery;
  total: { value: number; relation: "eq" };
  results: YenteResult[];
}
