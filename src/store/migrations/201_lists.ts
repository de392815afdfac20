import type { Migration } from "./index.js";

/**
 * Official list versions. Every import is a version; its records are kept verbatim (JSON) for `lists diff`
 * and as-of screening, and `list_sources.active_version` says which version of each list is in force —
 * switched in the same transaction that projects the version onto the knowledge graph. Failed imports are
 * logged in `list_import_log` (outside the rolled-back transaction) so `lists status` can show health.
 */
export const lists201: Migration = {
  id: 201,
  name: "official list versions",
  up: [
    `CREATE TABLE list_versions (
      id TEXT PRIMARY KEY,
      source TEXT NOT NULL,
      seq INTEGER NOT NULL,
      format TEXT NOT NULL,
      files TEXT NOT NULL DEFAULT '[]',
      url TEXT,
      published TEXT,
      retrieved_at TEXT NOT NULL,
      content_hash TEXT NOT NULL,
      record_count INTEGER NOT NULL,
      declared_count INTEGER,
      partial INTEGER NOT NULL DEFAULT 0,
      notes TEXT NOT NULL DEFAULT '[]'
    )`,
    `CREATE UNIQUE INDEX list_versions_seq ON list_versions (source, seq)`,
    `CREATE INDEX list_versions_hash ON list_versions (source, content_hash)`,
    `CREATE TABLE list_records (
      version_id TEXT NOT NULL REFERENCES list_versions(id) ON DELETE CASCADE,
      list_id TEXT NOT NULL,
      name TEXT NOT NULL,
      record_hash TEXT NOT NULL,
      data TEXT NOT NULL,
      PRIMARY KEY (version_id, list_id)
    )`,
    `CREATE TABLE list_sources (
      source TEXT PRIMARY KEY,
      active_version TEXT REFERENCES list_versions(id),
      switched_at TEXT
    )`,
    `CREATE TABLE list_import_log (
      id TEXT PRIMARY KEY,
      source TEXT NOT NULL,
      at TEXT NOT NULL,
      ok INTEGER NOT NULL,
      file TEXT,
      message TEXT NOT NULL
    )`,
    `CREATE INDEX list_import_log_source ON list_import_log (source, at)`,
  ],
};
