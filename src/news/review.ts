/**
 * The review queue. Every extracted entity, relation and fact waits here until someone accepts it (or an
 * ingest with --auto-accept does, above a confidence); accepted items enter the graph through store.write
 * as ordinary records citing the article (a Source of kind `document`) with the evidence sentence and its
 * offsets. News never overwrites list data: an existing entity is only ever pointed at, never rewritten.
 */
import type { Bundle, Entity, EntityType, Fact, Relation, Source } from "../model/schema.js";
import { emptyBundle, PartialDate } from "../model/schema.js";
import type { NewsEntity, NewsFact, NewsRelation, NewsResult, ReviewItem } from "../model/news.js";
import type { Sql, Store } from "../store/store.js";
import { shortHash, slug } from "./ids.js";

type Payload = NewsEntity | NewsRelation | NewsFact;

export function labelOf(kind: ReviewItem["kind"], p: Payload): string {
  if (kind === "entity") {
    const e = p as NewsEntity;
    return `${e.type} ${e.name}${e.id ? ` = ${e.id}` : " (new)"}`;
  }
  if (kind === "relation") {
    const r = p as NewsRelation;
    return `${r.type} ${r.subject} -> ${r.object} (${r.status}${r.date ? `, ${r.date}` : ""}${r.percentage != null ? `, ${r.percentage}%` : ""})`;
  }
  const f = p as NewsFact;
  return `${f.metric} ${f.subject} = ${f.value}${f.unit ? ` ${f.unit}` : ""}${f.period ? ` in ${f.period}` : ""} (${f.status})`;
}

export function reviewItemsFor(documentId: string, result: NewsResult, now: string): ReviewItem[] {
  const items: ReviewItem[] = [];
  const add = (kind: ReviewItem["kind"], payload: Payload) => {
    const label = labelOf(kind, payload);
    items.push({ id: `rv-${shortHash(`${documentId}|${kind}|${label}`)}`, documentId, kind, status: "pending", confidence: payload.confidence ?? 0.5, label, payload, createdAt: now, decidedAt: null });
  };
  for (const e of result.entities) add("entity", e);
  for (const r of result.relations) add("relation", r);
  for (const f of result.facts) add("fact", f);
  return items;
}

export async function saveReviewItems(db: Sql, items: ReviewItem[]): Promise<void> {
  for (const i of items) {
    await db.run(`DELETE FROM news_review_items WHERE id = ?`, [i.id]);
    await db.run(
      `INSERT INTO news_review_items (id, document_id, kind, status, confidence, label, payload, created_at, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [i.id, i.documentId, i.kind, i.status, i.confidence, i.label, JSON.stringify(i.payload), i.createdAt, i.decidedAt ?? null],
    );
  }
}

function rowToItem(r: Record<string, unknown>): ReviewItem {
  return {
    id: String(r.id), documentId: String(r.document_id), kind: r.kind as ReviewItem["kind"], status: r.status as ReviewItem["status"],
    confidence: Number(r.confidence), label: String(r.label), payload: JSON.parse(String(r.payload)) as Payload, createdAt: String(r.created_at),
    decidedAt: (r.decided_at as string) ?? null,
  };
}

export async function listReview(store: Store, opts: { status?: string; documentId?: string; kind?: string; limit?: number } = {}): Promise<ReviewItem[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (opts.status && opts.status !== "all") where.push("status = ?"), params.push(opts.status);
  if (opts.documentId) where.push("document_id = ?"), params.push(opts.documentId);
  if (opts.kind) where.push("kind = ?"), params.push(opts.kind);
  const rows = await store.sql.all<Record<string, unknown>>(
    `SELECT * FROM news_review_items ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY created_at, document_id, kind, id LIMIT ?`,
    [...params, opts.limit ?? 1000],
  );
  return rows.map(rowToItem);
}

export class ReviewError extends Error {}

async function loadItems(db: Sql, ids: string[]): Promise<ReviewItem[]> {
  const items: ReviewItem[] = [];
  for (const id of ids) {
    const row = await db.get<Record<string, unknown>>(`SELECT * FROM news_review_items WHERE id = ?`, [id]);
    if (!row) throw new ReviewError(`no review item ${id} (see \`autorisk review list\`)`);
    items.push(rowToItem(row));
  }
  return items;
}

/** The article as a Source record. */
export async function documentSource(db: Sql, documentId: string): Promise<Source> {
  const d = await db.get<Record<string, unknown>>(`SELECT * FROM news_documents WHERE id = ?`, [documentId]);
  if (!d) throw new ReviewError(`no document ${documentId}`);
  const published = typeof d.published === "string" && PartialDate.safeParse(d.published).success ? d.published : null;
  return {
    id: `src-news-${String(d.story_hash).slice(0, 16)}`, kind: "document", title: (d.title as string) ?? null, url: (d.url as string) ?? (d.origin as string) ?? null,
    publisher: (d.publisher as string) ?? null, published, retrievedAt: String(d.ingested_at), contentHash: String(d.story_hash),
  };
}

export interface Decision {
  accepted: string[];
  rejected: string[];
  written: { entities: number; relations: number; facts: number };
}

/** Accepts items: their records are written to the graph in one transaction with the status change. */
export async function acceptItems(store: Store, ids: string[], db: Sql = store.sql): Promise<Decision> {
  const decision: Decision = { accepted: [], rejected: [], written: { entities: 0, relations: 0, facts: 0 } };
  await db.transaction(async (tx) => {
    const items = await loadItems(tx, ids);
    const bundle: Bundle = emptyBundle();
    const sources = new Map<string, Source>();
    const docResults = new Map<string, NewsResult>();
    for (const item of items) {
      if (item.status === "accepted") continue;
      let source = sources.get(item.documentId);
      if (!source) {
        source = await documentSource(tx, item.documentId);
        sources.set(item.documentId, source);
        bundle.sources.push(source);
        const row = await tx.get<{ result: string }>(`SELECT result FROM news_documents WHERE id = ?`, [item.documentId]);
        docResults.set(item.documentId, JSON.parse(row!.result) as NewsResult);
      }
      const result = docResults.get(item.documentId)!;
      const party = async (name: string, id: string | null | undefined) => resolveParty(store, tx, bundle, result, source!, name, id);
      if (item.kind === "entity") {
        const e = item.payload as NewsEntity;
        if (!e.id) await party(e.name, null);
      } else if (item.kind === "relation") {
        const r = item.payload as NewsRelation;
        const subject = await party(r.subject, r.subjectId);
        const object = await party(r.object, r.objectId);
        const relation: Relation = {
          id: `news-rel-${shortHash(`${item.documentId}|${r.type}|${subject}|${object}`)}`, type: r.type, subject, object, status: r.status,
          start: r.status === "ended" ? null : r.date, end: r.status === "ended" ? r.date : null, percentage: r.percentage, what: r.what ?? null,
          evidence: r.evidence, properties: { documentId: item.documentId, span: r.span, confidence: r.confidence, reviewItem: item.id }, sources: [source.id],
        };
        bundle.relations.push(relation);
      } else {
        const f = item.payload as NewsFact;
        const subject = await party(f.subject, f.subjectId);
        const fact: Fact = {
          id: `news-fact-${shortHash(`${item.documentId}|${f.metric}|${subject}|${f.value}|${f.period}`)}`, metric: f.metric, subject, value: f.value,
          unit: f.unit, period: f.period, status: f.status, evidence: f.evidence, sources: [source.id],
        };
        bundle.facts.push(fact);
      }
      decision.accepted.push(item.id);
    }
    await store.write(bundle, tx);
    decision.written = { entities: bundle.entities.length, relations: bundle.relations.length, facts: bundle.facts.length };
    const now = new Date().toISOString();
    for (const id of decision.accepted) await tx.run(`UPDATE news_review_items SET status = 'accepted', decided_at = ? WHERE id = ?`, [now, id]);
  });
  return decision;
}

/**
 * The store id for a party named in an article: the linked entity when the store has it (never rewritten),
 * else a news entity created from the article (`news-<name>`), written once into the bundle.
 */
async function resolveParty(store: Store, tx: Sql, bundle: Bundle, result: NewsResult, source: Source, name: string, id: string | null | undefined): Promise<string> {
  if (id && (await store.getEntity(id))) return id;
  const found = result.entities.find((e) => e.name === name);
  if (found?.id && (await store.getEntity(found.id))) return found.id;
  const newId = `news-${slug(name)}`;
  if (bundle.entities.some((e) => e.id === newId)) return newId;
  const existing = await tx.get<{ id: string }>(`SELECT id FROM entities WHERE id = ?`, [newId]);
  const entity: Entity = {
    id: newId, type: (found?.type ?? "Company") as EntityType, name, aliases: (found?.mentions ?? []).filter((m) => m !== name && !/^(?:the|this|that)\s/i.test(m)),
    weakAliases: [], countries: found?.country && /^[A-Z]{2}$/.test(found.country) ? [found.country] : [], identifiers: {}, birthDate: [],
    properties: { origin: ["news"] }, sources: [source.id],
  };
  if (!existing) bundle.entities.push(entity);
  return newId;
}

export async function rejectItems(store: Store, ids: string[]): Promise<Decision> {
  const decision: Decision = { accepted: [], rejected: [], written: { entities: 0, relations: 0, facts: 0 } };
  await store.sql.transaction(async (tx) => {
    const items = await loadItems(tx, ids);
    const now = new Date().toISOString();
    for (const item of items) {
      if (item.status === "accepted") throw new ReviewError(`review item ${item.id} is already accepted and in the graph`);
      await tx.run(`UPDATE news_review_items SET status = 'rejected', decided_at = ? WHERE id = ?`, [now, item.id]);
      decision.rejected.push(item.id);
    }
  });
  return decision;
}
