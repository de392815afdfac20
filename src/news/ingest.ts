/**
 * Ingest: analyse an article against the store's gazetteer, keep it as a document (a story already seen,
 * by body hash or URL, is recognised and not queued again), queue its extractions for review, raise
 * alerts, and accept the confident ones when asked (--auto-accept).
 */
import type { NewsResult } from "../model/news.js";
import type { Store } from "../store/store.js";
import type { Article } from "./article.js";
import { analyseArticle, type AnalyseOptions } from "./pipeline.js";
import { gazetteerFromStore, type Gazetteer } from "./gazetteer.js";
import { storyHash } from "./ids.js";
import { reviewItemsFor, saveReviewItems, acceptItems } from "./review.js";
import { alertsFor, saveAlerts } from "./alerts.js";
import { listWatch } from "./watch.js";

export interface IngestOptions extends AnalyseOptions {
  /** accept items at or above this confidence right away */
  autoAccept?: number;
  origin?: string;
}

const gazetteers = new WeakMap<Store, Promise<Gazetteer>>();

/** The store's gazetteer, built once per store and process (rebuilt after accepted items add entities). */
export function storeGazetteer(store: Store): Promise<Gazetteer> {
  let g = gazetteers.get(store);
  if (!g) gazetteers.set(store, (g = gazetteerFromStore(store)));
  return g;
}

export function forgetGazetteer(store: Store): void {
  gazetteers.delete(store);
}

export async function ingestArticle(store: Store, article: Article, opts: IngestOptions = {}): Promise<NewsResult> {
  const gazetteer = await storeGazetteer(store);
  const result = analyseArticle(article, gazetteer, opts);
  const hash = storyHash(article.body);
  const id = `doc-${hash.slice(0, 16)}`;
  const seen = await store.sql.get<{ id: string }>(
    `SELECT id FROM news_documents WHERE story_hash = ? ${article.url ? "OR url = ?" : ""}`,
    article.url ? [hash, article.url] : [hash],
  );
  if (seen) return { ...result, documentId: seen.id, duplicateOf: seen.id, alerts: [] };

  const now = new Date().toISOString();
  const items = reviewItemsFor(id, result, now);
  const alerts = alertsFor(id, result, await listWatch(store), now);
  await store.sql.transaction(async (tx) => {
    await tx.run(
      `INSERT INTO news_documents (id, story_hash, origin, url, title, publisher, published, body, result, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [id, hash, opts.origin ?? null, article.url, article.title, article.publisher, article.date, article.body, JSON.stringify(result), now],
    );
    await saveReviewItems(tx, items);
    await saveAlerts(tx, alerts);
  });
  if (opts.autoAccept != null) {
    const confident = items.filter((i) => i.confidence >= opts.autoAccept!).map((i) => i.id);
    if (confident.length) {
      await acceptItems(store, confident);
      forgetGazetteer(store);
    }
  }
  return { ...result, documentId: id, duplicateOf: null, alerts };
}

export interface StoredDocument {
  id: string;
  title: string | null;
  url: string | null;
  publisher: string | null;
  published: string | null;
  ingestedAt: string;
}

export async function listDocuments(store: Store, limit = 100): Promise<StoredDocument[]> {
  const rows = await store.sql.all<Record<string, unknown>>(`SELECT id, title, url, publisher, published, ingested_at FROM news_documents ORDER BY ingested_at DESC, id LIMIT ?`, [limit]);
  return rows.map((r) => ({ id: String(r.id), title: (r.title as string) ?? null, url: (r.url as string) ?? null, publisher: (r.publisher as string) ?? null, published: (r.published as string) ?? null, ingestedAt: String(r.ingested_at) }));
}

export async function getDocumentResult(store: Store, id: string): Promise<NewsResult | undefined> {
  const row = await store.sql.get<{ result: string }>(`SELECT result FROM news_documents WHERE id = ?`, [id]);
  return row ? (JSON.parse(row.result) as NewsResult) : undefined;
}
