/**
 * Records of the news capability: what `autorisk news ingest --json` prints (the output contract of issue 5),
 * the review queue's items and the alerts raised on ingest. Vocabulary: ../shared/ONTOLOGY.md.
 */
import { z } from "zod";
import { EntityType, Metric, PartialDate, RelationStatus, RelationType } from "./schema.js";

/** Where in the article's body text (after furniture removal) a piece of evidence sits. */
export const Span = z.object({ start: z.number().int().min(0), end: z.number().int().min(0) });
export type Span = z.infer<typeof Span>;

export const NewsEntity = z.object({
  name: z.string().min(1),
  type: EntityType,
  /** id of the existing knowledge-base entity it links to, or null when proposed as new */
  id: z.string().nullable(),
  mentions: z.array(z.string()),
  country: z.string().nullish(),
  confidence: z.number().min(0).max(1).optional(),
});
export type NewsEntity = z.infer<typeof NewsEntity>;

export const NewsRelation = z.object({
  type: RelationType,
  /** canonical name of the linked entity, or the name as found when new */
  subject: z.string(),
  object: z.string(),
  subjectId: z.string().nullish(),
  objectId: z.string().nullish(),
  status: RelationStatus,
  date: PartialDate.nullable(),
  percentage: z.number().nullable(),
  what: z.string().nullish(),
  evidence: z.string(),
  span: Span.optional(),
  confidence: z.number().min(0).max(1).optional(),
});
export type NewsRelation = z.infer<typeof NewsRelation>;

export const NewsFact = z.object({
  metric: Metric,
  subject: z.string(),
  subjectId: z.string().nullish(),
  value: z.number(),
  unit: z.string().nullable(),
  period: z.string().nullable(),
  status: RelationStatus,
  evidence: z.string(),
  span: Span.optional(),
  confidence: z.number().min(0).max(1).optional(),
});
export type NewsFact = z.infer<typeof NewsFact>;

export const NewsResult = z.object({
  title: z.string().nullable(),
  date: PartialDate.nullable(),
  url: z.string().nullish(),
  publisher: z.string().nullish(),
  summary: z.array(z.string()),
  entities: z.array(NewsEntity),
  relations: z.array(NewsRelation),
  facts: z.array(NewsFact),
  /** set by ingest: the stored document's id, and whether the same story had been ingested before */
  documentId: z.string().optional(),
  duplicateOf: z.string().nullish(),
  alerts: z.array(z.lazy(() => Alert)).optional(),
});
export type NewsResult = z.infer<typeof NewsResult>;

export const REVIEW_KINDS = ["entity", "relation", "fact"] as const;
export const REVIEW_STATUSES = ["pending", "accepted", "rejected"] as const;
export const ReviewItem = z.object({
  id: z.string(),
  documentId: z.string(),
  kind: z.enum(REVIEW_KINDS),
  status: z.enum(REVIEW_STATUSES),
  confidence: z.number(),
  /** one line for people: "LICENSES_TO JAC -> KAMAZ (confirmed)" */
  label: z.string(),
  payload: z.union([NewsEntity, NewsRelation, NewsFact]),
  createdAt: z.string(),
  decidedAt: z.string().nullish(),
});
export type ReviewItem = z.infer<typeof ReviewItem>;

export const WatchEntry = z.object({
  id: z.string(),
  entityId: z.string().nullable(),
  name: z.string(),
  addedAt: z.string(),
});
export type WatchEntry = z.infer<typeof WatchEntry>;

export const ALERT_KINDS = ["watched_mention", "designation", "certification_cancelled"] as const;
export const Alert = z.object({
  id: z.string(),
  documentId: z.string(),
  kind: z.enum(ALERT_KINDS),
  entityId: z.string().nullable(),
  entityName: z.string().nullable(),
  message: z.string(),
  evidence: z.string().nullable(),
  title: z.string().nullable(),
  createdAt: z.string(),
});
export type Alert = z.infer<typeof Alert>;
