import type { Migration } from "./index.js";

/**
 * News: ingested documents (one row per story, recognised by the hash of its normalised body), the review
 * queue of extracted items, the watchlist and the alerts raised on ingest. JSON as TEXT in both dialects.
 */
export const news301: Migration = {
  id: 301,
  name: "news documents, review queue, watchlist, alerts",
  up: [
    `CREATE TABLE news_documents (
      id TEXT PRIMARY KEY,
      story_hash TEXT NOT NULL,
      origin TEXT,
      url TEXT,
      title TEXT,
      publisher TEXT,
      published TEXT,
      body TEXT NOT NULL,
      result TEXT NOT NULL,
      ingested_at TEXT NOT NULL
    )`,
    `CREATE UNIQUE INDEX news_documents_story ON news_documents (story_hash)`,
    `CREATE INDEX news_documents_url ON news_documents (url)`,
    `CREATE TABLE news_review_items (
      id TEXT PRIMARY KEY,
      document_id TEXT NOT NULL,
      kind TEXT NOT NULL,
      status TEXT NOT NULL,
      confidence REAL NOT NULL,
      label TEXT NOT NULL,
      payload TEXT NOT NULL,
      created_at TEXT NOT NULL,
      decided_at TEXT
    )`,
    `CREATE INDEX news_review_items_status ON news_review_items (status)`,
    `CREATE INDEX news_review_items_document ON news_review_items (document_id)`,
    `CREATE TABLE news_watchlist (
      id TEXT PRIMARY KEY,
      entity_id TEXT,
      name TEXT NOT NULL,
      name_key TEXT NOT NULL,
      added_at TEXT NOT NULL
    )`,
    `CREATE TABLE news_alerts (
      id TEXT PRIMARY KEY,
      document_id TEXT NOT NULL,
      kind TEXT NOT NULL,
      entity_id TEXT,
      entity_name TEXT,
      message TEXT NOT NULL,
      evidence TEXT,
      title TEXT,
      created_at TEXT NOT NULL
    )`,
    `CREATE INDEX news_alerts_created ON news_alerts (created_at)`,
  ],
};
