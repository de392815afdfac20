/**
 * Records of the exposure capability (src/graph): the output contract of `autorisk exposure` and
 * GET /exposure/:id, what-if scenarios and their results, and the DEAL.json a deal check reads.
 * Field names follow the contract exactly; the types used elsewhere are derived from these schemas.
 */
import { z } from "zod";
import { PartialDate, RelationStatus, RelationType } from "./schema.js";

export const RULE_SETS = ["OFAC", "EU", "UK"] as const;
export const RuleSet = z.enum(RULE_SETS);
export type RuleSet = z.infer<typeof RuleSet>;

const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD");

/** One hop of an ownership or control path: `from` holds or controls `to`. */
export const PathStep = z.object({
  from: z.string(),
  to: z.string(),
  type: z.string(),
  percentage: z.number().nullable(),
});
export type PathStep = z.infer<typeof PathStep>;

export const VerdictStatus = z.enum(["listed", "derived", "clear"]);
export type VerdictStatus = z.infer<typeof VerdictStatus>;
export const VerdictBasis = z.enum(["listing", "ownership", "control"]).nullable();
export type VerdictBasis = z.infer<typeof VerdictBasis>;

export const Verdict = z.object({
  status: VerdictStatus,
  basis: VerdictBasis,
  /** the aggregate stake counted under this rule set (OFAC/EU: all blocked holders; UK: one designated person) */
  ownership: z.number(),
  /** each path runs from a listed party down to the entity */
  paths: z.array(z.array(PathStep)),
  sources: z.array(z.string()),
});
export type Verdict = z.infer<typeof Verdict>;

export const PartnerRelation = z.object({
  id: z.string(),
  type: RelationType,
  from: z.string(),
  to: z.string(),
  status: RelationStatus,
  start: PartialDate.nullable(),
  end: PartialDate.nullable(),
  percentage: z.number().nullable(),
  what: z.string().nullable(),
  evidence: z.string().nullable(),
  sources: z.array(z.string()),
  /** why a stake or control link is shown here and not counted (status, threshold) */
  note: z.string().nullable(),
});
export type PartnerRelation = z.infer<typeof PartnerRelation>;

export const Partner = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  /** hops from the queried entity (1 = direct) */
  depth: z.number().int(),
  /** ids from the queried entity to this party */
  via: z.array(z.string()),
  /** the relations on the last hop */
  relations: z.array(PartnerRelation),
  /** this party's own status under each rule set (never derived from the partnership itself) */
  sanctions: z.record(z.string(), VerdictStatus),
  /** in plain words: which listed or derived party the link leads to */
  exposure: z.string(),
});
export type Partner = z.infer<typeof Partner>;

export const ExposureResult = z.object({
  entity: z.object({ id: z.string(), name: z.string() }),
  asOf: IsoDay,
  verdicts: z.object({ OFAC: Verdict, EU: Verdict, UK: Verdict }),
  partners: z.array(Partner),
});
export type ExposureResult = z.infer<typeof ExposureResult>;

/** A what-if scenario: changes applied to the listings and stakes before the rules run again. */
export const WhatIfScenario = z.object({
  designate: z.array(z.object({ id: z.string().min(1), authority: z.string().optional() })).default([]),
  delist: z.array(z.object({ id: z.string().min(1), authority: z.string().optional() })).default([]),
  delistProgram: z.array(z.string().min(1)).default([]),
  setStake: z.array(z.object({ owner: z.string().min(1), asset: z.string().min(1), percentage: z.number().min(0).max(100) })).default([]),
});
export type WhatIfScenario = z.infer<typeof WhatIfScenario>;
export type WhatIfScenarioInput = z.input<typeof WhatIfScenario>;

export const VerdictSummary = z.object({ status: VerdictStatus, basis: VerdictBasis, ownership: z.number() });
export type VerdictSummary = z.infer<typeof VerdictSummary>;

export const WhatIfChange = z.object({
  entity: z.object({ id: z.string(), name: z.string() }),
  authority: RuleSet,
  before: VerdictSummary,
  after: VerdictSummary,
  why: z.string(),
});
export type WhatIfChange = z.infer<typeof WhatIfChange>;

export const WhatIfResult = z.object({
  asOf: IsoDay,
  scenario: z.array(z.string()),
  /** "graph" or the number of portfolio entities the diff was limited to */
  scope: z.string(),
  changes: z.array(WhatIfChange),
});
export type WhatIfResult = z.infer<typeof WhatIfResult>;

/** DEAL.json: who is in a transaction, how it is paid and what moves. */
export const DealParty = z.object({
  ref: z.string().min(1).describe("entity id or name in the knowledge base"),
  role: z.string().min(1),
  country: z.string().regex(/^[A-Z]{2}$/).optional(),
  usPerson: z.boolean().optional(),
});
export const DealBank = z.object({
  name: z.string().min(1),
  role: z.string().min(1).default("bank"),
  country: z.string().regex(/^[A-Z]{2}$/, "expected an ISO 3166-1 alpha-2 code"),
  ref: z.string().optional(),
});
export const DealGoods = z.object({
  description: z.string().min(1),
  hs: z.string().optional(),
  origin: z.string().regex(/^[A-Z]{2}$/, "expected an ISO 3166-1 alpha-2 code"),
  usContentPercent: z.number().min(0).max(100).default(0),
  destination: z.string().regex(/^[A-Z]{2}$/).optional(),
  value: z.number().optional(),
});
export const Deal = z.object({
  id: z.string().min(1),
  description: z.string().optional(),
  date: IsoDay.optional(),
  parties: z.array(DealParty).min(1),
  currency: z.string().regex(/^[A-Z]{3}$/, "expected an ISO 4217 code such as USD"),
  banks: z.array(DealBank).default([]),
  goods: z.array(DealGoods).default([]),
});
export type Deal = z.infer<typeof Deal>;
export type DealInput = z.input<typeof Deal>;

export const DealFlag = z.object({
  code: z.string(),
  severity: z.enum(["high", "medium", "info"]),
  title: z.string(),
  explanation: z.string(),
  involves: z.array(z.string()),
  sources: z.array(z.string()),
});
export type DealFlag = z.infer<typeof DealFlag>;

export const DealCheckResult = z.object({
  deal: z.string(),
  asOf: IsoDay,
  informational: z.literal(true),
  notice: z.string(),
  parties: z.array(
    z.object({
      ref: z.string(),
      role: z.string(),
      entity: z.object({ id: z.string(), name: z.string() }).nullable(),
      verdicts: z.object({ OFAC: Verdict, EU: Verdict, UK: Verdict }).nullable(),
    }),
  ),
  flags: z.array(DealFlag),
});
export type DealCheckResult = z.infer<typeof DealCheckResult>;
