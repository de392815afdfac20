import type { Migration } from "./index.js";

/**
 * The knowledge graph. JSON columns are TEXT in both dialects so one SQL serves both. Provenance is kept
 * per statement: every entity value (name, alias, country, identifier…) is a row of `statements` with the
 * source that asserted it, and every relation, listing and fact lists its sources in `record_sources`.
 */
export const core001: Migration = {
  id: 101,
  name: "core knowledge graph",
  up: [
    `CREATE TABLE sources (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL,
      title TEXT,
      url TEXT,
      publisher TEXT,
      published TEXT,
      retrieved_at TEXT,
      content_hash TEXT
    )`,
    `CREATE TABLE entities (
      id TEXT PRIMARY KEY,
      type TEXT NOT NULL,
      name TEXT NOT NULL,
      aliases TEXT NOT NULL DEFAULT '[]',
      weak_aliases TEXT NOT NULL DEFAULT '[]',
      countries TEXT NOT NULL DEFAULT '[]',
      identifiers TEXT NOT NULL DEFAULT '{}',
      birth_dates TEXT NOT NULL DEFAULT '[]',
      properties TEXT NOT NULL DEFAULT '{}'
    )`,
    `CREATE TABLE entity_names (
      entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      name_key TEXT NOT NULL,
      kind TEXT NOT NULL,
      PRIMARY KEY (entity_id, name, kind)
    )`,
    `CREATE INDEX entity_names_key ON entity_names (name_key)`,
    `CREATE TABLE statements (
      entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
      prop TEXT NOT NULL,
      value TEXT NOT NULL,
      source_id TEXT NOT NULL,
      PRIMARY KEY (entity_id, prop, value, source_id)
    )`,
    `CREATE INDEX statements_source ON statements (source_id)`,
    `CREATE TABLE relations (
      id TEXT PRIMARY KEY,
      type TEXT NOT NULL,
      subject_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
      object_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
      status TEXT NOT NULL,
      start_date TEXT,
      end_date TEXT,
      percentage REAL,
      what TEXT,
      evidence TEXT,
      properties TEXT NOT NULL DEFAULT '{}'
    )`,
    `CREATE INDEX relations_subject ON relations (subject_id)`,
    `CREATE INDEX relations_object ON relations (object_id)`,
    `CREATE TABLE listings (
      id TEXT PRIMARY KEY,
      entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
      authority TEXT NOT NULL,
      program TEXT,
      list_entry_id TEXT,
      listed TEXT,
      delisted TEXT,
      properties TEXT NOT NULL DEFAULT '{}'
    )`,
    `CREATE INDEX listings_entity ON listings (entity_id)`,
    `CREATE TABLE facts (
      id TEXT PRIMARY KEY,
      metric TEXT NOT NULL,
      subject_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
      value REAL NOT NULL,
      unit TEXT,
      period TEXT,
      status TEXT NOT NULL,
      evidence TEXT
    )`,
    `CREATE INDEX facts_subject ON facts (subject_id)`,
    `CREATE TABLE record_sources (
      record_kind TEXT NOT NULL,
      record_id TEXT NOT NULL,
      source_id TEXT NOT NULL,
      PRIMARY KEY (record_kind, record_id, source_id)
    )`,
    `CREATE INDEX record_sources_source ON record_sources (source_id)`,
    // FollowTheMoney records of schemas we do not model, kept verbatim for lossless FtM round trips
    `CREATE TABLE generic_records (
      id TEXT PRIMARY KEY,
      schema TEXT NOT NULL,
      properties TEXT NOT NULL,
      sources TEXT NOT NULL DEFAULT '[]'
    )`,
  ],
};
